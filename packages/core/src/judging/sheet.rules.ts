/**
 * A judge's scoring sheet against the round's rubric: a draft may be partial, a submitted sheet must score
 * every criterion; every score present lies in 0 … max on the criterion's step.
 */
import type { Rubric } from '../contest-config.schema.js';
import { DomainError, type FieldIssue } from '../errors.js';

/** Same tolerance as the results engine: a score is on the step when score ÷ step is within 1e-9 of an integer. */
const STEP_TOLERANCE = 1e-9;

export function onStep(score: number, step: number): boolean {
  const n = score / step;
  return Math.abs(n - Math.round(n)) <= STEP_TOLERANCE;
}

export function sheetIssues(
  rubric: Rubric,
  scores: Readonly<Record<string, number>>,
  mode: 'draft' | 'submit',
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = new Set(rubric.criteria.map((c) => c.key));
  for (const key of Object.keys(scores))
    if (!known.has(key))
      issues.push({
        path: `scores.${key}`,
        code: 'unknown_criterion',
        message: { vi: 'Tiêu chí không có trong thang điểm.', en: 'Not a criterion of the rubric.' },
      });
  for (const c of rubric.criteria) {
    const v = scores[c.key];
    if (v === undefined) {
      if (mode === 'submit')
        issues.push({
          path: `scores.${c.key}`,
          code: 'score_missing',
          message: { vi: 'Chưa chấm tiêu chí này.', en: 'This criterion is not scored yet.' },
        });
      continue;
    }
    if (!Number.isFinite(v) || v < 0 || v > c.maxPoints)
      issues.push({
        path: `scores.${c.key}`,
        code: 'score_out_of_range',
        message: {
          vi: `Điểm phải từ 0 đến ${c.maxPoints}.`,
          en: `The score must be between 0 and ${c.maxPoints}.`,
        },
      });
    else if (!onStep(v, c.step))
      issues.push({
        path: `scores.${c.key}`,
        code: 'score_off_step',
        message: {
          vi: `Điểm phải là bội số của ${c.step}.`,
          en: `The score must be a multiple of ${c.step}.`,
        },
      });
  }
  return issues;
}

/** Throws `bad_request/invalid_sheet` with one field issue per problem. */
export function assertSheetValid(
  rubric: Rubric,
  scores: Readonly<Record<string, number>>,
  mode: 'draft' | 'submit',
): void {
  const issues = sheetIssues(rubric, scores, mode);
  if (issues.length)
    throw new DomainError(
      'bad_request',
      'invalid_sheet',
      {
        vi: 'Phiếu chấm chưa hợp lệ. Không có gì được lưu.',
        en: 'The scoring sheet is not valid. Nothing was saved.',
      },
      { issues },
    );
}

export function sheetTotal(scores: Readonly<Record<string, number>>): number {
  return Object.keys(scores)
    .sort()
    .reduce((sum, k) => sum + (scores[k] ?? 0), 0);
}
