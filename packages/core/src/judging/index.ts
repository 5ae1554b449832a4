export { assertSheetValid, onStep, sheetIssues, sheetTotal } from './sheet.rules.js';
export { isConflict, planAssignments } from './assignment.rules.js';
export type { AssignmentMode, AssignmentPlan, EntryUnit, JudgeUnits } from './assignment.rules.js';
export { DEFAULT_DEVIATION_THRESHOLD, deviationReport } from './deviation.rules.js';
export type { JudgeDeviation, SheetTotal } from './deviation.rules.js';
