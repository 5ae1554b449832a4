/**
 * The contest timeline: which windows are open at an instant, in the contest's own time zone.
 *
 * A window `{ opensAt, closesAt }` (local date-times) is open from `opensAt` (inclusive) through the
 * whole `closesAt` second: `closesAt: '2023-08-31T23:59:59'` is still open at 23:59:59.999 local and
 * closed at 2023-09-01T00:00:00 local.
 */
import { DomainError } from './errors.js';
import type { LocalizedText } from './errors.js';
import { windowKindLabels, windowKinds } from './contest-config.constants.js';
import type { WindowKind } from './contest-config.constants.js';
import type { ContestConfig, RoundWindow } from './contest-config.schema.js';
import { validateContestConfig } from './contest-config.validate.js';
import { compareLocal, isLocalDateTime, localToInstant } from './local-time.rules.js';

export interface WindowBounds {
  /** First instant the window is open. */
  opensAt: Date;
  /** Instant of the configured closing second (the window is still open during that second). */
  closesAt: Date;
  /** First instant the window is closed (`closesAt` + 1 s). */
  endsAt: Date;
}

export interface ScheduledWindow extends WindowBounds {
  roundKey: string;
  roundName: LocalizedText;
  kind: WindowKind;
  /** The configured local date-times, for display in the contest time zone. */
  opensAtLocal: string;
  closesAtLocal: string;
}

export type WindowStatus = 'past' | 'open' | 'upcoming';

export interface TimelineItem extends ScheduledWindow {
  status: WindowStatus;
}

export const contestPhases = [
  'launch',
  'production',
  'receipt',
  'voting',
  'judging',
  'ceremony',
  'closed',
] as const;
export type ContestPhase = (typeof contestPhases)[number];

export const phaseLabels: Readonly<Record<ContestPhase, LocalizedText>> = {
  launch: { vi: 'Phát động', en: 'Launch' },
  production: { vi: 'Sáng tác và nộp tác phẩm', en: 'Production and submission' },
  receipt: { vi: 'Tiếp nhận và đăng tải tác phẩm', en: 'Receipt and publication' },
  voting: { vi: 'Bình chọn', en: 'Public voting' },
  judging: { vi: 'Chấm điểm và tổng hợp kết quả', en: 'Judging and results' },
  ceremony: { vi: 'Chung kết và trao giải', en: 'Final show and awards' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
};

const SECOND = 1000;

export function windowBounds(window: RoundWindow, timeZone: string): WindowBounds {
  const opensAt = localToInstant(window.opensAt, timeZone);
  const closesAt = localToInstant(window.closesAt, timeZone);
  return { opensAt, closesAt, endsAt: new Date(closesAt.getTime() + SECOND) };
}

/** Open from `opensAt` (inclusive) through the whole `closesAt` second. A missing window is never open. */
export function isWindowOpen(window: RoundWindow | undefined, t: Date, timeZone: string): boolean {
  if (!window) return false;
  const { opensAt, endsAt } = windowBounds(window, timeZone);
  return opensAt.getTime() <= t.getTime() && t.getTime() < endsAt.getTime();
}

const statusAt = (w: WindowBounds, t: Date): WindowStatus =>
  t.getTime() < w.opensAt.getTime() ? 'upcoming' : t.getTime() < w.endsAt.getTime() ? 'open' : 'past';

/** Every window of every round, sorted by opening (then closing, round order, window kind order). */
export function scheduledWindows(config: ContestConfig): ScheduledWindow[] {
  const rows: Array<ScheduledWindow & { order: number }> = [];
  config.rounds.forEach((round, r) => {
    windowKinds.forEach((kind, k) => {
      const w = round.windows[kind];
      if (!w) return;
      rows.push({
        roundKey: round.key,
        roundName: round.name,
        kind,
        opensAtLocal: w.opensAt,
        closesAtLocal: w.closesAt,
        ...windowBounds(w, config.timezone),
        order: r * windowKinds.length + k,
      });
    });
  });
  rows.sort(
    (a, b) =>
      a.opensAt.getTime() - b.opensAt.getTime() ||
      a.endsAt.getTime() - b.endsAt.getTime() ||
      a.order - b.order,
  );
  return rows.map(({ order: _order, ...w }) => w);
}

/** The public timeline: every window with its status at `t`. */
export function timeline(config: ContestConfig, t: Date): TimelineItem[] {
  return scheduledWindows(config).map((w) => ({ ...w, status: statusAt(w, t) }));
}

/** The windows open at `t`. */
export function openWindowsAt(config: ContestConfig, t: Date): ScheduledWindow[] {
  return scheduledWindows(config).filter((w) => statusAt(w, t) === 'open');
}

/** Whether the window `kind` of round `roundKey` is open at `t` (false when the round has no such window). */
export function isRoundWindowOpen(
  config: ContestConfig,
  roundKey: string,
  kind: WindowKind,
  t: Date,
): boolean {
  const round = config.rounds.find((r) => r.key === roundKey);
  return isWindowOpen(round?.windows[kind], t, config.timezone);
}

const earliest = (dates: readonly Date[]): Date | undefined =>
  dates.reduce<Date | undefined>((min, d) => (min && min.getTime() <= d.getTime() ? min : d), undefined);

/**
 * When each phase begins (phases that the configuration cannot reach are left out):
 * - `launch`: always (the contest is announced, nothing is open yet);
 * - `production`: when the earliest `submission` window opens;
 * - `receipt`: when the earliest `receipt` or `publication` window opens;
 * - `voting`: when the earliest `voting` window opens;
 * - `judging`: when the earliest `judging` window of a non-live round opens;
 * - `ceremony`: when the earliest window of a `live` round opens; in a contest without a live round,
 *   when the `results` window of the last round that has one opens;
 * - `closed`: when the last window of the contest has ended.
 */
export function phaseStarts(config: ContestConfig): Array<{ phase: ContestPhase; startsAt: Date | null }> {
  const all = scheduledWindows(config);
  const methodOf = new Map(config.rounds.map((r) => [r.key, r.method]));
  const opens = (pick: (w: ScheduledWindow) => boolean): Date | undefined =>
    earliest(all.filter(pick).map((w) => w.opensAt));

  const liveStart = opens((w) => methodOf.get(w.roundKey) === 'live');
  const lastWithResults = [...config.rounds].reverse().find((r) => r.windows.results);
  const ceremonyStart =
    liveStart ??
    (lastWithResults ? opens((w) => w.roundKey === lastWithResults.key && w.kind === 'results') : undefined);
  const lastEnd = all.reduce<Date | undefined>(
    (max, w) => (max && max.getTime() >= w.endsAt.getTime() ? max : w.endsAt),
    undefined,
  );

  const starts: Array<{ phase: ContestPhase; startsAt: Date | null | undefined }> = [
    { phase: 'launch', startsAt: null },
    { phase: 'production', startsAt: opens((w) => w.kind === 'submission') },
    { phase: 'receipt', startsAt: opens((w) => w.kind === 'receipt' || w.kind === 'publication') },
    { phase: 'voting', startsAt: opens((w) => w.kind === 'voting') },
    {
      phase: 'judging',
      startsAt: opens((w) => w.kind === 'judging' && methodOf.get(w.roundKey) !== 'live'),
    },
    { phase: 'ceremony', startsAt: ceremonyStart },
    { phase: 'closed', startsAt: lastEnd },
  ];
  return starts.filter((s): s is { phase: ContestPhase; startsAt: Date | null } => s.startsAt !== undefined);
}

/**
 * The contest phase at `t`: the last phase (in the order launch → production → receipt → voting →
 * judging → ceremony → closed) that has begun, see `phaseStarts`. So the time between two windows
 * belongs to the phase before (e.g. after judging closes and before the ceremony: still `judging`).
 */
export function currentPhase(config: ContestConfig, t: Date): ContestPhase {
  let phase: ContestPhase = 'launch';
  for (const s of phaseStarts(config)) {
    if (s.startsAt === null || s.startsAt.getTime() <= t.getTime()) phase = s.phase;
  }
  return phase;
}

/**
 * A new configuration in which window `kind` of round `roundKey` closes at `newClosesAt` (local).
 * Throws `DomainError`: `not_found/window_not_found`, `bad_request/invalid_local_datetime`,
 * `bad_request/window_extension_earlier` (the new end is before the current one) or
 * `bad_request/invalid_config` (the result breaks a rule). The audience `cutoff` is not moved.
 */
export function extendWindow(
  config: ContestConfig,
  roundKey: string,
  kind: WindowKind,
  newClosesAt: string,
): ContestConfig {
  const roundIndex = config.rounds.findIndex((r) => r.key === roundKey);
  const round = config.rounds[roundIndex];
  const window = round?.windows[kind];
  if (!round || !window) {
    throw new DomainError('not_found', 'window_not_found', {
      vi: `Vòng "${roundKey}" không có thời gian ${windowKindLabels[kind].vi}.`,
      en: `Round "${roundKey}" has no ${windowKindLabels[kind].en} window.`,
    });
  }
  if (!isLocalDateTime(newClosesAt)) {
    throw new DomainError('bad_request', 'invalid_local_datetime', {
      vi: 'Ngày giờ phải có dạng YYYY-MM-DDTHH:mm:ss và tồn tại trên lịch.',
      en: 'The date-time must be YYYY-MM-DDTHH:mm:ss and exist on the calendar.',
    });
  }
  if (compareLocal(newClosesAt, window.closesAt) < 0) {
    throw new DomainError('bad_request', 'window_extension_earlier', {
      vi: `Chỉ được gia hạn: thời điểm kết thúc mới (${newClosesAt}) sớm hơn hiện tại (${window.closesAt}).`,
      en: `Only extensions are allowed: the new end (${newClosesAt}) is before the current one (${window.closesAt}).`,
    });
  }
  const rounds = config.rounds.map((r, i) =>
    i === roundIndex ? { ...r, windows: { ...r.windows, [kind]: { ...window, closesAt: newClosesAt } } } : r,
  );
  const result = validateContestConfig({ ...config, rounds });
  if (!result.ok) {
    throw new DomainError(
      'bad_request',
      'invalid_config',
      {
        vi: 'Gia hạn này làm cấu hình cuộc thi không hợp lệ.',
        en: 'This extension makes the configuration invalid.',
      },
      { issues: result.issues },
    );
  }
  return result.config;
}
