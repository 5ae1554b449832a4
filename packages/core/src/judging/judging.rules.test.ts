import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rubric } from '../contest-config.schema.js';
import { isConflict, planAssignments, type JudgeUnits } from './assignment.rules.js';
import { deviationReport } from './deviation.rules.js';
import { assertSheetValid, sheetIssues, sheetTotal } from './sheet.rules.js';

const rubric: Rubric = {
  key: 'r',
  criteria: ['content', 'form', 'effectiveness'].map((key) => ({
    key,
    label: { vi: key, en: key },
    description: { vi: '', en: '' },
    maxPoints: 10,
    step: 0.5,
  })),
};

describe('sheet validation against the rubric', () => {
  it('accepts a partial draft and refuses a partial submission', () => {
    expect(sheetIssues(rubric, { content: 8.5 }, 'draft')).toEqual([]);
    expect(sheetIssues(rubric, { content: 8.5 }, 'submit').map((i) => i.path)).toEqual([
      'scores.form',
      'scores.effectiveness',
    ]);
  });
  it('refuses scores off the step, out of range or on unknown criteria', () => {
    const codes = sheetIssues(rubric, { content: 8.25, form: 10.5, effectiveness: -0.5, extra: 1 }, 'submit');
    expect(codes.map((i) => `${i.path}:${i.code}`)).toEqual([
      'scores.extra:unknown_criterion',
      'scores.content:score_off_step',
      'scores.form:score_out_of_range',
      'scores.effectiveness:score_out_of_range',
    ]);
    expect(() => assertSheetValid(rubric, { content: 0.3 }, 'draft')).toThrow(/not valid/);
  });
  it('sums a sheet', () => {
    expect(sheetTotal({ content: 8.5, form: 8, effectiveness: 8.5 })).toBe(25);
  });
});

// Province P → districts D1, D2 → communes K1 (D1), K2 (D2), K3 (D1).
const P = new Set(['P']);
const judge = (id: string, ...units: string[][]): JudgeUnits => ({ judgeId: id, unitAncestries: units });
const entry = (id: string, ancestry: string[]) => ({ entryId: id, ancestry });

describe('conflict of interest', () => {
  it('puts a judge from district D1 in conflict with every entry of D1, not with D2', () => {
    const j = judge('j', ['P', 'D1']);
    expect(isConflict(j, entry('e1', ['P', 'D1', 'K1']), P)).toBe(true);
    expect(isConflict(j, entry('e3', ['P', 'D1', 'K3']), P)).toBe(true);
    expect(isConflict(j, entry('e2', ['P', 'D2', 'K2']), P)).toBe(false);
  });
  it('a commune judge conflicts with the whole district in a province round, only their commune in a district round', () => {
    const j = judge('j', ['P', 'D1', 'K1']);
    expect(isConflict(j, entry('e3', ['P', 'D1', 'K3']), P)).toBe(true);
    const districtRound = new Set(['P', 'D1']);
    expect(isConflict(j, entry('e3', ['P', 'D1', 'K3']), districtRound)).toBe(false);
    expect(isConflict(j, entry('e1', ['P', 'D1', 'K1']), districtRound)).toBe(true);
  });
  it('a provincial judge has no conflict', () => {
    expect(isConflict(judge('j', ['P']), entry('e1', ['P', 'D1', 'K1']), P)).toBe(false);
    expect(isConflict(judge('j'), entry('e1', ['P', 'D1', 'K1']), P)).toBe(false);
  });
});

describe('assignment planning', () => {
  const units = [
    ['P', 'D1', 'K1'],
    ['P', 'D2', 'K2'],
    ['P', 'D1', 'K3'],
  ];
  it('assigns all judges to all entries except conflicts and recusals', () => {
    const plan = planAssignments(
      [judge('a', ['P', 'D1']), judge('b'), judge('c')],
      [entry('e1', ['P', 'D1', 'K1']), entry('e2', ['P', 'D2', 'K2'])],
      P,
      { kind: 'all' },
      new Set(['c\u0000e2']),
    );
    expect(plan.pairs.map((p) => `${p.judgeId}${p.entryId}`).sort()).toEqual(['ae2', 'be1', 'be2', 'ce1']);
  });
  it('balanced: never a conflict, N per entry when possible, loads within one of each other', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.constantFrom(-1, 0, 1, 2), { minLength: 1, maxLength: 9 }),
        fc.integer({ min: 1, max: 4 }),
        (entryCount, judgeHomes, n) => {
          const judges = judgeHomes.map((h, i) => judge(`j${i}`, ...(h < 0 ? [] : [units[h] ?? []])));
          const entries = Array.from({ length: entryCount }, (_, i) =>
            entry(`e${String(i).padStart(2, '0')}`, units[i % 3] ?? []),
          );
          const plan = planAssignments(judges, entries, P, { kind: 'balanced', judgesPerEntry: n });
          for (const p of plan.pairs) {
            const j = judges.find((x) => x.judgeId === p.judgeId);
            const e = entries.find((x) => x.entryId === p.entryId);
            if (!j || !e) return false;
            expect(isConflict(j, e, P)).toBe(false);
          }
          for (const e of entries) {
            const got = plan.pairs.filter((p) => p.entryId === e.entryId).length;
            const eligible = judges.filter((j) => !isConflict(j, e, P)).length;
            expect(got).toBe(Math.min(n, eligible));
            expect(plan.short.some((s) => s.entryId === e.entryId)).toBe(eligible < n);
          }
          // Judges free of any conflict are interchangeable, so their loads differ by at most one.
          const free = judges.filter(
            (j) => j.unitAncestries.length === 0 || j.unitAncestries[0]?.length === 0,
          );
          const loads = free.map((j) => plan.pairs.filter((p) => p.judgeId === j.judgeId).length);
          if (loads.length) expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
          return true;
        },
      ),
    );
  });
});

describe('deviation alerts', () => {
  it('flags a judge who scores far below the panel, and nobody in an agreeing panel', () => {
    const entries = ['A', 'B', 'C', 'D'];
    const base: Record<string, number> = { A: 25, B: 27, C: 21, D: 23 };
    const sheets = ['j1', 'j2', 'j3', 'j4', 'j5', 'j6'].flatMap((j, i) =>
      entries.map((e) => ({ judgeId: j, entryId: e, total: (base[e] ?? 0) + (i % 2 ? 0.5 : 0) })),
    );
    expect(deviationReport(sheets).flatMap((d) => d.alerts)).toEqual([]);
    const harsh = sheets.map((s) => (s.judgeId === 'j6' ? { ...s, total: s.total - 10 } : s));
    const report = deviationReport(harsh);
    expect(report.find((d) => d.judgeId === 'j6')?.alerts).toContain('bias');
    expect(report.filter((d) => d.judgeId !== 'j6').flatMap((d) => d.alerts)).toEqual([]);
  });
  it('flags a judge whose spread is extreme', () => {
    const sheets = ['j1', 'j2', 'j3', 'j4', 'j5'].flatMap((j) =>
      ['A', 'B', 'C'].map((e, k) => ({
        judgeId: j,
        entryId: e,
        total: j === 'j5' ? ([5, 20, 30][k] ?? 0) : 20 + k + (j === 'j1' ? 0.5 : 0),
      })),
    );
    expect(deviationReport(sheets).find((d) => d.judgeId === 'j5')?.alerts).toContain('spread');
  });
});
