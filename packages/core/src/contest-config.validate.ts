import { DomainError } from './errors.js';
import type { FieldIssue } from './errors.js';
import { contestConfigSchema } from './contest-config.schema.js';
import type { ContestConfig } from './contest-config.schema.js';
import { toFieldIssues } from './field-issue.mapper.js';

export type ContestConfigValidation =
  { ok: true; config: ContestConfig } | { ok: false; issues: FieldIssue[] };

/** Validates a contest configuration (shape and cross-field rules); never throws. */
export function validateContestConfig(input: unknown): ContestConfigValidation {
  const result = contestConfigSchema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, issues: toFieldIssues(result.error.issues) };
}

/** Like `validateContestConfig`, but throws `DomainError('bad_request', 'invalid_config')` with the issues. */
export function parseContestConfig(input: unknown): ContestConfig {
  const result = validateContestConfig(input);
  if (result.ok) return result.config;
  throw new DomainError(
    'bad_request',
    'invalid_config',
    { vi: 'Cấu hình cuộc thi không hợp lệ.', en: 'The contest configuration is invalid.' },
    { issues: result.issues },
  );
}
