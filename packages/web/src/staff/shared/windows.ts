import type { WindowKind } from '../../api/types';

export const WINDOW_KINDS = [
  'submission',
  'receipt',
  'publication',
  'voting',
  'judging',
  'results',
] as const satisfies readonly WindowKind[];
