/**
 * When votes are taken and when counts are shown, from the contest configuration alone.
 */
import { DomainError } from '../errors.js';
import type { ContestConfig, Round } from '../contest-config.schema.js';
import { localToInstant } from '../local-time.rules.js';
import { windowBounds, type WindowBounds } from '../schedule.rules.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface VotingWindow extends WindowBounds {
  roundKey: string;
  opensAtLocal: string;
  closesAtLocal: string;
}

/** The round where an entry is voted on: its own round if it has a voting window, else the next one that does. */
export function votingRoundOf(config: ContestConfig, roundKey: string): Round | undefined {
  const start = config.rounds.findIndex((r) => r.key === roundKey);
  if (start < 0) return undefined;
  return config.rounds.slice(start).find((r) => r.windows.voting !== undefined);
}

export function votingWindowOf(config: ContestConfig, roundKey: string): VotingWindow | null {
  const round = votingRoundOf(config, roundKey);
  const w = round?.windows.voting;
  if (!round || !w) return null;
  return {
    ...windowBounds(w, config.timezone),
    roundKey: round.key,
    opensAtLocal: w.opensAt,
    closesAtLocal: w.closesAt,
  };
}

export type VotingStatus = 'none' | 'upcoming' | 'open' | 'closed';

export function votingStatus(window: VotingWindow | null, now: Date): VotingStatus {
  if (!window) return 'none';
  if (now.getTime() < window.opensAt.getTime()) return 'upcoming';
  return now.getTime() < window.endsAt.getTime() ? 'open' : 'closed';
}

const show = (local: string) => {
  const [date = '', time = ''] = local.split('T');
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y} ${time.slice(0, 5)}`;
};

/** Refuses a vote outside the window with `conflict/VOTING_CLOSED`, naming the window in both languages. */
export function assertVotingOpen(window: VotingWindow | null, now: Date, timeZone: string): void {
  const status = votingStatus(window, now);
  if (status === 'open') return;
  const range = window
    ? {
        vi: ` Thời gian bình chọn: từ ${show(window.opensAtLocal)} đến ${show(window.closesAtLocal)} (${timeZone}).`,
        en: ` Voting runs from ${window.opensAtLocal.replace('T', ' ')} to ${window.closesAtLocal.replace('T', ' ')} (${timeZone}).`,
      }
    : { vi: '', en: '' };
  const lead =
    status === 'upcoming'
      ? { vi: 'Chưa đến thời gian bình chọn.', en: 'Voting has not opened yet.' }
      : status === 'closed'
        ? { vi: 'Đã hết thời gian bình chọn.', en: 'Voting has closed.' }
        : { vi: 'Vòng thi này không có bình chọn.', en: 'This round has no public voting.' };
  throw new DomainError('conflict', 'VOTING_CLOSED', {
    vi: lead.vi + range.vi,
    en: lead.en + range.en,
  });
}

/**
 * Counts are hidden from the public during the last `hideCountsLastDays` days of voting (until voting
 * closes). Staff always see them.
 */
export function countsHidden(config: ContestConfig, window: VotingWindow | null, now: Date): boolean {
  const days = config.audienceFormula?.hideCountsLastDays;
  if (!window || !days) return false;
  const hideFrom = window.endsAt.getTime() - days * DAY_MS;
  return now.getTime() >= hideFrom && now.getTime() < window.endsAt.getTime();
}

/** The engagement cut-off instant: the formula's `cutoff`, else the end of the voting window. */
export function engagementCutoff(config: ContestConfig, window: VotingWindow | null): Date | null {
  const cutoff = config.audienceFormula?.cutoff;
  if (cutoff) return localToInstant(cutoff, config.timezone);
  return window ? new Date(window.endsAt.getTime() - 1) : null;
}
