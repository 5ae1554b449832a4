import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVndDigits, numberInVietnameseWords, sumVnd, vndInWords } from './vnd.rules.js';

describe('Vietnamese amounts in words', () => {
  it.each([
    [0, 'không'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [1_005, 'một nghìn không trăm linh năm'],
    [1_050_000, 'một triệu không trăm năm mươi nghìn'],
    [1_500_000, 'một triệu năm trăm nghìn'],
    [2_000_010, 'hai triệu không trăm mười'],
    [20_000_000, 'hai mươi triệu'],
    [1_000_000_000, 'một tỷ'],
    [1_000_000_000_000, 'một nghìn tỷ'],
    [3_000_000_005, 'ba tỷ không trăm linh năm'],
  ])('%i reads "%s"', (n, words) => {
    expect(numberInVietnameseWords(n)).toBe(words);
  });

  it('writes the document line with "chẵn" for round amounts', () => {
    expect(vndInWords(20_000_000)).toBe('Hai mươi triệu đồng chẵn');
    expect(vndInWords(1_234_500)).toBe('Một triệu hai trăm ba mươi tư nghìn năm trăm đồng');
    expect(vndInWords(0)).toBe('Không đồng');
  });

  it('refuses fractions and negative money', () => {
    expect(() => vndInWords(1.5)).toThrow();
    expect(() => vndInWords(-1)).toThrow();
  });

  it('never leaves a double space or an empty word, and grows with the number of digit groups', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const w = numberInVietnameseWords(n);
        expect(w).not.toMatch(/\s{2}|^\s|\s$/);
        expect(w.split(' ').every((x) => x.length > 0)).toBe(true);
      }),
    );
  });

  it('formats digits with dots and sums only integers', () => {
    expect(formatVndDigits(20_000_000)).toBe('20.000.000');
    expect(formatVndDigits(999)).toBe('999');
    expect(sumVnd([1_000, 2_500_000])).toBe(2_501_000);
    expect(() => sumVnd([0.1, 0.2])).toThrow();
  });
});
