import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ContestConfig } from './contest-config.schema.js';
import { parseContestConfig } from './contest-config.validate.js';
import { quangNgai2023Input } from './demo/quang-ngai-2023.js';
import { DomainError } from './errors.js';
import { localToInstant } from './local-time.rules.js';
import {
  currentPhase,
  extendWindow,
  isRoundWindowOpen,
  isWindowOpen,
  openWindowsAt,
  phaseStarts,
  timeline,
} from './schedule.rules.js';

const HCM = 'Asia/Ho_Chi_Minh';
const config: ContestConfig = parseContestConfig(quangNgai2023Input);
const at = (local: string, tz = HCM): Date => localToInstant(local, tz);
const submission = { opensAt: '2023-07-20T00:00:00', closesAt: '2023-08-31T23:59:59' };

describe('isWindowOpen', () => {
  it('is open through the whole closing second and closed at 00:00:00 the next day', () => {
    expect(isWindowOpen(submission, at('2023-08-31T23:59:59'), HCM)).toBe(true);
    expect(isWindowOpen(submission, new Date(at('2023-08-31T23:59:59').getTime() + 999), HCM)).toBe(true);
    expect(isWindowOpen(submission, at('2023-09-01T00:00:00'), HCM)).toBe(false);
  });

  it('opens exactly at opensAt', () => {
    expect(isWindowOpen(submission, new Date(at('2023-07-20T00:00:00').getTime() - 1), HCM)).toBe(false);
    expect(isWindowOpen(submission, at('2023-07-20T00:00:00'), HCM)).toBe(true);
  });

  it('lets the contest time zone decide, not UTC', () => {
    // 17:00 UTC on 31 Aug is already 1 Sep 00:00 in Ho Chi Minh City: closed.
    expect(isWindowOpen(submission, new Date('2023-08-31T16:59:59.999Z'), HCM)).toBe(true);
    expect(isWindowOpen(submission, new Date('2023-08-31T17:00:00Z'), HCM)).toBe(false);
    // The same window read in UTC would still be open then.
    expect(isWindowOpen(submission, new Date('2023-08-31T17:00:00Z'), 'UTC')).toBe(true);
  });

  it('works across a daylight-saving change (Europe/Paris)', () => {
    const w = { opensAt: '2024-03-30T12:00:00', closesAt: '2024-03-31T12:00:00' };
    expect(isWindowOpen(w, new Date('2024-03-31T09:59:59Z'), 'Europe/Paris')).toBe(true); // 11:59:59 CEST
    expect(isWindowOpen(w, new Date('2024-03-31T10:00:01Z'), 'Europe/Paris')).toBe(false); // 12:00:01 CEST
    expect(isWindowOpen(w, new Date('2024-03-30T10:59:59Z'), 'Europe/Paris')).toBe(false); // 11:59:59 CET
  });

  it('a missing window is never open', () => {
    expect(isWindowOpen(undefined, new Date(), HCM)).toBe(false);
  });

  it('agrees with a plain comparison of local times (property)', () => {
    const start = at('2023-07-19T00:00:00').getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 * 86_400_000 }), (offset) => {
        const t = new Date(start + offset);
        const open = t >= at(submission.opensAt) && t.getTime() < at(submission.closesAt).getTime() + 1000;
        expect(isWindowOpen(submission, t, HCM)).toBe(open);
      }),
    );
  });
});

describe('timeline and open windows', () => {
  it('lists every window sorted, with its status', () => {
    const items = timeline(config, at('2023-09-05T10:00:00'));
    expect(items.map((i) => `${i.roundKey}.${i.kind}:${i.status}`)).toEqual([
      'district.submission:past',
      'final.receipt:past',
      'final.publication:open',
      'final.voting:open',
      'final.judging:upcoming',
      'ceremony.results:upcoming',
    ]);
    const receipt = items[1];
    expect(receipt?.opensAtLocal).toBe('2023-08-31T00:00:00');
    expect(receipt?.opensAt.toISOString()).toBe('2023-08-30T17:00:00.000Z');
    expect(receipt?.closesAt.toISOString()).toBe('2023-09-01T16:59:59.000Z');
    expect(receipt?.endsAt.toISOString()).toBe('2023-09-01T17:00:00.000Z');
    expect(receipt?.roundName.vi).toBe('Vòng chung khảo');
  });

  it('shows the windows open at an instant', () => {
    expect(openWindowsAt(config, at('2023-08-31T12:00:00')).map((w) => `${w.roundKey}.${w.kind}`)).toEqual([
      'district.submission',
      'final.receipt',
    ]);
    expect(openWindowsAt(config, at('2023-09-02T12:00:00'))).toEqual([]);
    expect(isRoundWindowOpen(config, 'final', 'voting', at('2023-09-18T23:59:59'))).toBe(true);
    expect(isRoundWindowOpen(config, 'final', 'voting', at('2023-09-19T00:00:00'))).toBe(false);
    expect(isRoundWindowOpen(config, 'nope', 'voting', at('2023-09-10T00:00:00'))).toBe(false);
  });
});

describe('currentPhase', () => {
  it.each([
    ['2023-07-01T00:00:00', 'launch'],
    ['2023-07-19T23:59:59', 'launch'],
    ['2023-07-20T00:00:00', 'production'],
    ['2023-08-30T23:59:59', 'production'],
    ['2023-08-31T00:00:00', 'receipt'],
    ['2023-09-04T12:00:00', 'receipt'],
    ['2023-09-04T23:59:59', 'receipt'],
    ['2023-09-05T00:00:00', 'voting'],
    ['2023-09-18T23:59:59', 'voting'],
    ['2023-09-19T00:00:00', 'judging'],
    ['2023-10-01T23:59:59', 'judging'],
    ['2023-10-02T00:00:00', 'ceremony'],
    ['2023-10-02T23:59:59', 'ceremony'],
    ['2023-10-03T00:00:00', 'closed'],
    ['2024-01-01T00:00:00', 'closed'],
  ] as const)('%s local is %s', (local, phase) => {
    expect(currentPhase(config, at(local))).toBe(phase);
  });

  it('uses the results window of the last round when there is no live round', () => {
    const noLive = parseContestConfig({
      ...quangNgai2023Input,
      rounds: quangNgai2023Input.rounds.slice(0, 2).map((r) =>
        r.key === 'final'
          ? {
              ...r,
              windows: {
                ...r.windows,
                results: { opensAt: '2023-09-25T00:00:00', closesAt: '2023-09-30T23:59:59' },
              },
            }
          : r,
      ),
    });
    expect(currentPhase(noLive, at('2023-09-24T23:59:59'))).toBe('judging');
    expect(currentPhase(noLive, at('2023-09-25T00:00:00'))).toBe('ceremony');
    expect(currentPhase(noLive, at('2023-10-01T00:00:00'))).toBe('closed');
    expect(phaseStarts(noLive).map((p) => p.phase)).toEqual([
      'launch',
      'production',
      'receipt',
      'voting',
      'judging',
      'ceremony',
      'closed',
    ]);
  });

  it('never goes backwards as time passes (property)', () => {
    const order = ['launch', 'production', 'receipt', 'voting', 'judging', 'ceremony', 'closed'];
    const base = at('2023-07-01T00:00:00').getTime();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 * 86_400_000 }),
        fc.integer({ min: 0, max: 30 * 86_400_000 }),
        (a, d) => {
          const p1 = order.indexOf(currentPhase(config, new Date(base + a)));
          const p2 = order.indexOf(currentPhase(config, new Date(base + a + d)));
          expect(p2).toBeGreaterThanOrEqual(p1);
        },
      ),
    );
  });
});

describe('extendWindow', () => {
  it('returns a new config with the later close and leaves the original untouched', () => {
    const extended = extendWindow(config, 'district', 'submission', '2023-09-03T23:59:59');
    expect(extended.rounds[0]?.windows.submission?.closesAt).toBe('2023-09-03T23:59:59');
    expect(config.rounds[0]?.windows.submission?.closesAt).toBe('2023-08-31T23:59:59');
    expect(isRoundWindowOpen(extended, 'district', 'submission', at('2023-09-02T10:00:00'))).toBe(true);
  });

  it('refuses to shorten a window', () => {
    expect(() => extendWindow(config, 'district', 'submission', '2023-08-31T23:59:58')).toThrow(
      expect.objectContaining({ kind: 'bad_request', code: 'window_extension_earlier' }),
    );
  });

  it('refuses unknown windows and malformed dates', () => {
    expect(() => extendWindow(config, 'district', 'voting', '2023-09-30T00:00:00')).toThrow(
      expect.objectContaining({ kind: 'not_found', code: 'window_not_found' }),
    );
    expect(() => extendWindow(config, 'final', 'voting', '2023-09-31T00:00:00')).toThrow(DomainError);
  });
});
