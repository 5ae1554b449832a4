export { DomainError, isDomainError } from './errors.js';
export type { DomainErrorKind, FieldIssue, LocalizedText } from './errors.js';

export * from './local-time.rules.js';
export {
  customIssue,
  keySchema,
  localDateTimeSchema,
  localizedTextSchema,
  slugSchema,
  timeZoneSchema,
} from './shared.schema.js';
export type { CustomIssueParams } from './shared.schema.js';
export { joinPath, localizeZodIssue, toFieldIssues } from './field-issue.mapper.js';

export * from './contest-config.constants.js';
export * from './contest-config.schema.js';
export { checkContestConfig, contestConfigIssueCodes } from './contest-config.rules.js';
export type { ContestConfigIssueCode } from './contest-config.rules.js';
export { parseContestConfig, validateContestConfig } from './contest-config.validate.js';
export type { ContestConfigValidation } from './contest-config.validate.js';

export * from './schedule.rules.js';
export * from './org-unit.tree.js';
export * from './org-import.schema.js';
export * from './entry.state-machine.js';
export * from './authorization.policy.js';
export * from './media-sniff.rules.js';
export * from './entry-workflow.rules.js';

export {
  demoContestConfig,
  demoPhaseAnchorDays,
  demoShiftDays,
  quangNgai2023Input,
} from './demo/quang-ngai-2023.js';
export type { DemoPhase } from './demo/quang-ngai-2023.js';
export * from './results/index.js';
export * from './media/index.js';
export * from './judging/index.js';
export * from './voting/index.js';
export * from './money/index.js';
