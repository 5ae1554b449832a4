/**
 * Rules of the path a clip travels before publication: effective deadlines (with per-unit extensions),
 * the unit a quota counts against, the next round, and the automatic part of the receipt checklist.
 */
import { windowKindLabels, type WindowKind } from './contest-config.constants.js';
import type { ContestConfig, EntryRules, Round } from './contest-config.schema.js';
import { DomainError, type LocalizedText } from './errors.js';
import { compareLocal, localToInstant } from './local-time.rules.js';

/** An organizer's extension of one window for one unit (and everything under it). */
export interface WindowOverride {
  orgUnitId: string;
  closesAt: string;
}

export interface EffectiveWindow {
  opensAtLocal: string;
  closesAtLocal: string;
  opensAt: Date;
  /** First instant the window is closed (the whole `closesAtLocal` second is still open). */
  endsAt: Date;
  extended: boolean;
}

/** The window as it applies to a unit: the configured one, pushed later by any override on its ancestry. */
export function effectiveWindow(
  config: ContestConfig,
  roundKey: string,
  kind: WindowKind,
  overrides: readonly WindowOverride[],
  unitAncestry: readonly string[],
): EffectiveWindow | null {
  const window = config.rounds.find((r) => r.key === roundKey)?.windows[kind];
  if (!window) return null;
  let closesAt = window.closesAt;
  for (const o of overrides)
    if (unitAncestry.includes(o.orgUnitId) && compareLocal(o.closesAt, closesAt) > 0) closesAt = o.closesAt;
  return {
    opensAtLocal: window.opensAt,
    closesAtLocal: closesAt,
    opensAt: localToInstant(window.opensAt, config.timezone),
    endsAt: new Date(localToInstant(closesAt, config.timezone).getTime() + 1000),
    extended: closesAt !== window.closesAt,
  };
}

export const formatLocalVi = (local: string): string => {
  const [date = '', time = ''] = local.split('T');
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y} ${time.slice(0, 5)}`;
};

/** Refuses an action outside its window, naming the window and its deadline in both languages. */
export function assertWindowOpen(
  window: EffectiveWindow | null,
  kind: WindowKind,
  t: Date,
  timeZone: string,
): void {
  const label = windowKindLabels[kind];
  if (!window)
    throw new DomainError('conflict', 'WINDOW_CLOSED', {
      vi: `Vòng này không có thời gian ${label.vi.toLowerCase()}.`,
      en: `This round has no ${label.en.toLowerCase()} window.`,
    });
  if (t.getTime() < window.opensAt.getTime())
    throw new DomainError('conflict', 'WINDOW_NOT_OPEN', {
      vi: `Chưa đến thời gian ${label.vi.toLowerCase()}: bắt đầu lúc ${formatLocalVi(window.opensAtLocal)} (${timeZone}).`,
      en: `The ${label.en.toLowerCase()} window has not opened yet: it opens at ${window.opensAtLocal.replace('T', ' ')} (${timeZone}).`,
    });
  if (t.getTime() >= window.endsAt.getTime())
    throw new DomainError('conflict', 'WINDOW_CLOSED', {
      vi: `Đã hết hạn ${label.vi.toLowerCase()}: hạn chót là ${formatLocalVi(window.closesAtLocal)} (${timeZone}).`,
      en: `The ${label.en.toLowerCase()} window has closed: the deadline was ${window.closesAtLocal.replace('T', ' ')} (${timeZone}).`,
    });
}

/** The round that takes its entries from `roundKey`, if any. */
export const nextRoundOf = (config: ContestConfig, roundKey: string): Round | undefined =>
  config.rounds.find((r) => r.source.kind === 'advancement' && r.source.fromRound === roundKey);

/** The first round that takes open submissions: where a new entry starts. */
export const entryRoundOf = (config: ContestConfig): Round | undefined =>
  config.rounds.find((r) => r.source.kind === 'open');

/** The unit whose quota an entry counts against in `round`: its ancestor at the round's scope level. */
export function scopeUnitOf(
  round: Round,
  ancestry: ReadonlyArray<{ id: string; level: string }>,
): string | null {
  if (round.scopeLevel === 'contest') return null;
  return ancestry.find((u) => u.level === round.scopeLevel)?.id ?? null;
}

export interface ChecklistItem {
  key: string;
  label: LocalizedText;
  auto: boolean;
  ok: boolean | null;
}

export interface EntryFacts {
  declarations: Readonly<Record<string, boolean>>;
  original: { sizeBytes: number; container: string } | null;
}

/** The receipt checklist: automatic items computed from the entry; manual ones as the secretariat left them. */
export function receiptChecklist(
  rules: EntryRules,
  facts: EntryFacts,
  manual: Readonly<Record<string, boolean>>,
): ChecklistItem[] {
  const declared = rules.declarations
    .filter((d) => d.required)
    .every((d) => facts.declarations[d.key] === true);
  const within =
    facts.original !== null &&
    facts.original.sizeBytes <= rules.maxSizeBytes &&
    (rules.allowedContainers as readonly string[]).includes(facts.original.container);
  return [
    {
      key: 'declarations',
      label: { vi: 'Đủ các cam kết bắt buộc', en: 'All required declarations given' },
      auto: true,
      ok: declared,
    },
    {
      key: 'file_received',
      label: { vi: 'Đã nhận tệp video', en: 'Video file received' },
      auto: true,
      ok: facts.original !== null,
    },
    {
      key: 'file_within_rules',
      label: { vi: 'Tệp đúng định dạng và dung lượng', en: 'File within format and size rules' },
      auto: true,
      ok: within,
    },
    ...rules.receiptChecklist.map((item) => ({ ...item, auto: false, ok: manual[item.key] ?? null })),
  ];
}

/** Whether every item, automatic and manual, is ticked: what accepting an entry requires. */
export const checklistComplete = (items: readonly ChecklistItem[]): boolean =>
  items.every((i) => i.ok === true);
