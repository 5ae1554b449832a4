export { computeResults } from './results.compute.js';
export { selectFinalists } from './finalists.rules.js';
export type { Finalist, FinalistOverride, FinalistSelection, FinalistSwap } from './finalists.rules.js';
export {
  parseResultsInput,
  RESULTS_FORMAT_VERSION,
  resultsEngagementSchema,
  resultsEntrySchema,
  resultsInputSchema,
  resultsSheetSchema,
  sheetStatuses,
} from './results-input.schema.js';
export type {
  ResultsEngagement,
  ResultsEntry,
  ResultsInput,
  ResultsInputDraft,
  ResultsSheet,
} from './results-input.schema.js';
export type {
  AudienceResult,
  AudienceSourceResult,
  JudgeCalibration,
  JuryResult,
  ResultFlag,
  ResultRow,
  ResultsBasis,
  ResultsOutput,
} from './results-output.types.js';
export { resultsErrorCodes } from './results.errors.js';
export type { ResultsErrorCode } from './results.errors.js';
export { RESULT_DECIMALS, roundResult } from './rounding.rules.js';
export { TRIMMED_MEAN_MIN_SHEETS } from './jury.scoring.js';
