/** The stable error codes of the results engine; every one is a `bad_request` `DomainError`. */
import { DomainError } from '../errors.js';
import type { FieldIssue, LocalizedText } from '../errors.js';

export const resultsErrorCodes = [
  'invalid_results_input',
  'rubric_mismatch',
  'rank_table_required',
  'duplicate_entry',
  'unknown_entry',
  'duplicate_sheet',
  'duplicate_engagement',
  'sheets_without_rubric',
  'invalid_sheet_score',
  'trimmed_mean_needs_5',
  'invalid_finalist_count',
  'finalist_override_reason_required',
  'finalist_override_invalid',
] as const;
export type ResultsErrorCode = (typeof resultsErrorCodes)[number];

export function resultsError(
  code: ResultsErrorCode,
  message: LocalizedText,
  issues: readonly FieldIssue[] = [],
): DomainError {
  return new DomainError('bad_request', code, message, { issues });
}
