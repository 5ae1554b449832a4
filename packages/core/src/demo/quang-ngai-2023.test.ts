import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateContestConfig } from '../contest-config.validate.js';
import { instantToLocal, localToInstant } from '../local-time.rules.js';
import { contestPhases, currentPhase, isRoundWindowOpen } from '../schedule.rules.js';
import { demoContestConfig, demoShiftDays, quangNgai2023Input } from './quang-ngai-2023.js';

const HCM = 'Asia/Ho_Chi_Minh';
const nows = [
  new Date('2026-05-14T03:00:00Z'),
  localToInstant('2025-01-01T00:00:00', HCM),
  localToInstant('2025-12-31T23:59:59', HCM),
  new Date('2024-02-29T16:59:59.999Z'), // 23:59:59.999 local
  new Date('2023-09-10T05:00:00Z'),
];

describe('demoContestConfig', () => {
  it('is the real 2023 contest when no shift is needed', () => {
    expect(validateContestConfig(quangNgai2023Input).ok).toBe(true);
    const c = demoContestConfig({ phase: 'voting', now: localToInstant('2023-09-10T09:00:00', HCM) });
    expect(c.title.vi).toBe('Cuộc thi video clip về Tổ công nghệ số cộng đồng tỉnh Quảng Ngãi năm 2023');
    expect(c.rounds.map((r) => r.key)).toEqual(['district', 'final', 'ceremony']);
    expect(c.rounds[0]?.windows.submission?.closesAt).toBe('2023-08-31T23:59:59');
    expect(c.rounds[1]?.windows.voting).toEqual({
      opensAt: '2023-09-05T00:00:00',
      closesAt: '2023-09-18T23:59:59',
    });
    expect(c.rubrics[0]?.criteria.map((k) => [k.key, k.maxPoints, k.step])).toEqual([
      ['content', 10, 0.5],
      ['form', 10, 0.5],
      ['effectiveness', 10, 0.5],
    ]);
  });

  for (const phase of contestPhases) {
    it(`puts now inside the ${phase} phase`, () => {
      for (const now of nows) {
        const config = demoContestConfig({ phase, now });
        expect(validateContestConfig(config).ok).toBe(true);
        expect(currentPhase(config, now)).toBe(phase);
      }
    });
  }

  it('works for any instant and phase (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2080, 0, 1) }),
        fc.constantFrom(...contestPhases),
        (ms, phase) => {
          const now = new Date(ms);
          expect(currentPhase(demoContestConfig({ phase, now }), now)).toBe(phase);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('shifts by whole days only, keeping the times of day', () => {
    const now = new Date('2026-05-14T03:00:00Z');
    const days = demoShiftDays('voting', now);
    const c = demoContestConfig({ phase: 'voting', now });
    expect(c.rounds[1]?.windows.voting?.opensAt.slice(10)).toBe('T00:00:00');
    expect(c.rounds[0]?.windows.submission?.closesAt.slice(10)).toBe('T23:59:59');
    expect(instantToLocal(now, HCM).slice(0, 10)).toBe('2026-05-14');
    expect(days).toBe(977);
  });

  it('opens the matching windows in the demo phases', () => {
    const now = new Date('2026-05-14T03:00:00Z');
    expect(
      isRoundWindowOpen(demoContestConfig({ phase: 'production', now }), 'district', 'submission', now),
    ).toBe(true);
    expect(isRoundWindowOpen(demoContestConfig({ phase: 'receipt', now }), 'final', 'receipt', now)).toBe(
      true,
    );
    expect(isRoundWindowOpen(demoContestConfig({ phase: 'voting', now }), 'final', 'voting', now)).toBe(true);
    expect(isRoundWindowOpen(demoContestConfig({ phase: 'judging', now }), 'final', 'judging', now)).toBe(
      true,
    );
    expect(isRoundWindowOpen(demoContestConfig({ phase: 'ceremony', now }), 'ceremony', 'results', now)).toBe(
      true,
    );
  });
});
