import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundResult } from './rounding.rules.js';

describe('roundResult', () => {
  it('rounds to 4 decimals, half away from zero, absorbing binary noise', () => {
    expect(roundResult(58.333333333333336)).toBe(58.3333);
    expect(roundResult(63.77777777777778)).toBe(63.7778);
    expect(roundResult(1.00005)).toBe(1.0001); // stored as 1.0000499999999999…
    expect(roundResult(70.00004999999999)).toBe(70.0001);
    expect(roundResult(70.00004998)).toBe(70);
    expect(roundResult(-1.00005)).toBe(-1.0001);
    expect(Object.is(roundResult(-0.00001), 0)).toBe(true);
    expect(() => roundResult(Number.NaN)).toThrow(RangeError);
  });

  it('is idempotent, monotone and within half a unit of the last place', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (a, b) => {
          const r = roundResult(a);
          expect(roundResult(r)).toBe(r);
          expect(Math.abs(r - a)).toBeLessThanOrEqual(0.00005 + 1e-9);
          if (a <= b) expect(r).toBeLessThanOrEqual(roundResult(b));
        },
      ),
    );
  });
});
