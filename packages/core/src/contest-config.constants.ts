/** Closed vocabularies of the contest configuration. */
import type { LocalizedText } from './errors.js';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Scope level meaning "once for the whole contest" (not a level of the org tree). */
export const CONTEST_SCOPE = 'contest';

export const windowKinds = ['submission', 'receipt', 'publication', 'voting', 'judging', 'results'] as const;
export type WindowKind = (typeof windowKinds)[number];

export const windowKindLabels: Readonly<Record<WindowKind, LocalizedText>> = {
  submission: { vi: 'nộp bài', en: 'submission' },
  receipt: { vi: 'tiếp nhận tác phẩm', en: 'receipt' },
  publication: { vi: 'đăng tải tác phẩm', en: 'publication' },
  voting: { vi: 'bình chọn', en: 'voting' },
  judging: { vi: 'chấm điểm', en: 'judging' },
  results: { vi: 'công bố kết quả', en: 'results' },
};

export const roundMethods = ['selection', 'jury', 'audience', 'jury+audience', 'live'] as const;
export type RoundMethod = (typeof roundMethods)[number];

export const videoContainers = ['mp4', 'mov', 'webm', 'mkv', 'm4v', 'avi'] as const;
export type VideoContainer = (typeof videoContainers)[number];

/** Entry fields a contest may make mandatory (the entry form always has a title). */
export const entryFields = [
  'title',
  'synopsis',
  'credits',
  'teamMembers',
  'contactName',
  'contactPhone',
  'contactEmail',
] as const;
export type EntryField = (typeof entryFields)[number];

export const tieBreakerKinds = ['audience_raw', 'jury', 'earlier_submission'] as const;
export type TieBreaker = (typeof tieBreakerKinds)[number];
export const defaultTieBreakers: readonly TieBreaker[] = ['audience_raw', 'jury', 'earlier_submission'];

export const aggregationMethods = ['mean', 'median', 'trimmed-mean'] as const;
export const audienceNormalizations = ['proportional-to-max', 'rank-table', 'raw'] as const;
export const engagementSources = ['native', 'facebook'] as const;
export type EngagementSource = (typeof engagementSources)[number];
export const prizeKinds = ['jury', 'audience'] as const;

/** True when the round's ranking uses jury scoring sheets. */
export const methodUsesJury = (method: RoundMethod): boolean =>
  method === 'jury' || method === 'jury+audience';

/** True when the round's ranking uses audience engagement. */
export const methodUsesAudience = (method: RoundMethod): boolean =>
  method === 'audience' || method === 'jury+audience';
