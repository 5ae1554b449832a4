/**
 * The entry lifecycle:
 * draft → submitted → nominated | not_selected → received → accepted | returned | rejected → published →
 * scored → finalist → awarded, plus withdrawn and disqualified. Illegal transitions are a 409
 * (`conflict/entry_illegal_transition`).
 */
import { DomainError } from './errors.js';
import type { LocalizedText } from './errors.js';

export const entryStates = [
  'draft',
  'submitted',
  'nominated',
  'not_selected',
  'received',
  'accepted',
  'returned',
  'rejected',
  'published',
  'scored',
  'finalist',
  'awarded',
  'withdrawn',
  'disqualified',
] as const;
export type EntryState = (typeof entryStates)[number];

export const entryEvents = [
  'submit',
  'unsubmit',
  'nominate',
  'unnominate',
  'not_select',
  'receive',
  'accept',
  'return_for_fix',
  'resubmit',
  'reject',
  'publish',
  'score',
  'make_finalist',
  'unmake_finalist',
  'award',
  'withdraw',
  'disqualify',
] as const;
export type EntryEvent = (typeof entryEvents)[number];

/** Events that need a non-empty written reason (audited). */
export const reasonRequiredEvents: readonly EntryEvent[] = [
  'reject',
  'return_for_fix',
  'disqualify',
  'unmake_finalist',
];

/** Events that are only allowed while the round's submission window is open. */
export const submissionWindowEvents: readonly EntryEvent[] = ['submit', 'unsubmit'];

type Table = Readonly<Record<EntryState, Readonly<Partial<Record<EntryEvent, EntryState>>>>>;

const leave = { withdraw: 'withdrawn', disqualify: 'disqualified' } as const;

/** The whole transition table: `entryTransitions[from][event] = to`. */
export const entryTransitions: Table = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  // `receive` straight from `submitted` serves contests without a preliminary selection.
  submitted: {
    unsubmit: 'draft',
    nominate: 'nominated',
    not_select: 'not_selected',
    receive: 'received',
    ...leave,
  },
  nominated: { unnominate: 'submitted', receive: 'received', ...leave },
  // A coordinator may change their mind while the selection is still open.
  not_selected: { nominate: 'nominated', ...leave },
  received: { accept: 'accepted', return_for_fix: 'returned', reject: 'rejected', ...leave },
  returned: { resubmit: 'received', reject: 'rejected', ...leave },
  // `score` straight from `accepted` serves jury-only rounds that publish nothing.
  accepted: { publish: 'published', score: 'scored', ...leave },
  published: { score: 'scored', ...leave },
  // Prizes outside the finalists (consolation, audience favourite) are awarded from `scored`.
  scored: { make_finalist: 'finalist', award: 'awarded', ...leave },
  finalist: { unmake_finalist: 'scored', award: 'awarded', ...leave },
  rejected: {},
  awarded: {},
  withdrawn: {},
  disqualified: {},
};

export const stateLabels: Readonly<Record<EntryState, LocalizedText>> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Đã nộp', en: 'Submitted' },
  nominated: { vi: 'Được đề cử', en: 'Nominated' },
  not_selected: { vi: 'Không được chọn', en: 'Not selected' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  accepted: { vi: 'Hợp lệ', en: 'Accepted' },
  returned: { vi: 'Trả lại để bổ sung', en: 'Returned for fixes' },
  rejected: { vi: 'Không hợp lệ', en: 'Rejected' },
  published: { vi: 'Đã đăng tải', en: 'Published' },
  scored: { vi: 'Đã chấm điểm', en: 'Scored' },
  finalist: { vi: 'Vào chung kết', en: 'Finalist' },
  awarded: { vi: 'Đoạt giải', en: 'Awarded' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
  disqualified: { vi: 'Bị loại', en: 'Disqualified' },
};

export interface EntryTransitionContext {
  /** Required (non-blank) for `reasonRequiredEvents`. */
  reason?: string;
  /** Must be `true` for `submit` and `unsubmit` (the server checks the round's submission window). */
  submissionWindowOpen?: boolean;
}

/** Events allowed from `state` by the table (context checks such as reasons not applied). */
export function allowedEvents(state: EntryState): EntryEvent[] {
  const row = entryTransitions[state];
  return entryEvents.filter((e) => row[e] !== undefined);
}

export const isTerminalEntryState = (state: EntryState): boolean => allowedEvents(state).length === 0;

/**
 * The state after `event`. Throws `DomainError`: `conflict/entry_illegal_transition` when the table has no
 * such transition, `bad_request/reason_required` for a reason-required event without a reason,
 * `conflict/submission_window_closed` for submit/unsubmit unless `ctx.submissionWindowOpen === true`.
 */
export function transitionEntry(
  state: EntryState,
  event: EntryEvent,
  ctx: EntryTransitionContext = {},
): EntryState {
  const next = entryTransitions[state][event];
  if (next === undefined) {
    throw new DomainError('conflict', 'entry_illegal_transition', {
      vi: `Không thể thực hiện "${event}" với tác phẩm ở trạng thái "${stateLabels[state].vi}" (${state}).`,
      en: `Cannot apply "${event}" to an entry in state "${state}".`,
    });
  }
  if (reasonRequiredEvents.includes(event) && (ctx.reason ?? '').trim() === '') {
    throw new DomainError('bad_request', 'reason_required', {
      vi: 'Cần ghi rõ lý do.',
      en: 'A reason is required.',
    });
  }
  if (submissionWindowEvents.includes(event) && ctx.submissionWindowOpen !== true) {
    throw new DomainError('conflict', 'submission_window_closed', {
      vi: 'Hiện không trong thời gian nộp bài.',
      en: 'The submission window is not open.',
    });
  }
  return next;
}

/** States in which an entry (and its media) is open to the public: published and everything after it. */
export const publicEntryStates: readonly EntryState[] = ['published', 'scored', 'finalist', 'awarded'];

export const isPublicEntryState = (state: EntryState): boolean => publicEntryStates.includes(state);
