import {
  receiptChecklist,
  type Actor,
  type ChecklistItem,
  type EntryState,
  type LocalizedText,
} from '@clipcontest/core';
import type { Executor } from '../../infra/db/database.js';
import { teamRepository } from '../teams/team.repository.js';
import { entryAllowed, type EntryContext } from './entry-context.js';
import { entryRepository, type EntryRow, type MediaFileRow } from './entry.repository.js';

export interface MediaView {
  filename: string;
  sizeBytes: number;
  sha256: string;
  container: string;
  uploadedAt: string;
}

export type EntryAction =
  | 'edit'
  | 'upload'
  | 'submit'
  | 'unsubmit'
  | 'withdraw'
  | 'nominate'
  | 'unnominate'
  | 'accept'
  | 'return'
  | 'reject';

export interface EntrySummary {
  id: string;
  roundKey: string;
  status: EntryState;
  title: string;
  teamName: string;
  orgUnit: { id: string; code: string; name: string };
  scopeUnit: { id: string; name: string } | null;
  hasVideo: boolean;
  submittedAt: string | null;
  forwarded: boolean;
  updatedAt: string;
}

export interface EntryView extends EntrySummary {
  contestSlug: string;
  roundName: LocalizedText;
  synopsis: string;
  credits: string;
  declarations: Record<string, boolean>;
  statusReason: string | null;
  fixDeadline: string | null;
  original: MediaView | null;
  subtitle: MediaView | null;
  checklist: ChecklistItem[];
  actions: EntryAction[];
  version: number;
  history: Array<{
    at: string;
    action: string;
    from: string | null;
    to: string | null;
    reason: string | null;
  }>;
}

const mediaView = (m: MediaFileRow | undefined): MediaView | null =>
  m
    ? {
        filename: m.filename,
        sizeBytes: Number(m.size_bytes),
        sha256: m.sha256,
        container: m.container,
        uploadedAt: m.created_at,
      }
    : null;

export function summaryOf(entry: EntryRow, teamName: string, ctx: Pick<EntryContext, 'units'>): EntrySummary {
  const unit = ctx.units.get(entry.org_unit_id);
  const scope = entry.scope_unit_id ? ctx.units.get(entry.scope_unit_id) : undefined;
  return {
    id: entry.id,
    roundKey: entry.round_key,
    status: entry.status as EntryState,
    title: entry.title,
    teamName,
    orgUnit: { id: entry.org_unit_id, code: unit?.code ?? '', name: unit?.name ?? '' },
    scopeUnit: scope ? { id: scope.id, name: scope.name } : null,
    hasVideo: entry.original_media_id !== null,
    submittedAt: entry.submitted_at,
    forwarded: entry.forwarded_at !== null,
    updatedAt: entry.updated_at,
  };
}

export const parseFlags = (json: string): Record<string, boolean> =>
  JSON.parse(json) as Record<string, boolean>;

export async function checklistOf(db: Executor, ctx: EntryContext): Promise<ChecklistItem[]> {
  const [original] = await entryRepository.media(
    db,
    ctx.entry.original_media_id ? [ctx.entry.original_media_id] : [],
  );
  return receiptChecklist(
    ctx.config.entryRules,
    {
      declarations: parseFlags(ctx.entry.declarations_json),
      original: original ? { sizeBytes: Number(original.size_bytes), container: original.container } : null,
    },
    parseFlags(ctx.entry.checklist_json),
  );
}

/** What the actor could try now; the server still checks windows and rules when they do. */
function actionsFor(actor: Actor, ctx: EntryContext): EntryAction[] {
  const { entry } = ctx;
  const may = (a: Parameters<typeof entryAllowed>[1]) => entryAllowed(actor, a, entry, ctx.ancestry);
  const s = entry.status as EntryState;
  const out: EntryAction[] = [];
  if (may('entry.edit') && (s === 'draft' || s === 'returned')) out.push('edit', 'upload');
  if (may('entry.edit') && s === 'draft') out.push('submit');
  if (may('entry.edit') && s === 'submitted') out.push('unsubmit');
  if (may('entry.withdraw') && !['withdrawn', 'rejected', 'awarded', 'disqualified'].includes(s))
    out.push('withdraw');
  if (may('entry.nominate') && !entry.forwarded_at && (s === 'submitted' || s === 'not_selected'))
    out.push('nominate');
  if (may('entry.nominate') && !entry.forwarded_at && s === 'nominated') out.push('unnominate');
  if (may('entry.receive') && entry.forwarded_at && (s === 'nominated' || s === 'received'))
    out.push('accept', 'return', 'reject');
  return out;
}

export async function entryView(db: Executor, actor: Actor, ctx: EntryContext): Promise<EntryView> {
  const { entry, config } = ctx;
  const team = await teamRepository.findById(db, entry.team_id);
  const media = await entryRepository.media(
    db,
    [entry.original_media_id, entry.subtitle_media_id].filter((x): x is string => !!x),
  );
  const history = (await entryRepository.history(db, entry.id)).map((h) => {
    const data = JSON.parse(h.data_json) as { from?: string; to?: string; reason?: string | null } | null;
    return {
      at: h.at,
      action: h.action,
      from: data?.from ?? null,
      to: data?.to ?? null,
      reason: data?.reason ?? null,
    };
  });
  return {
    ...summaryOf(entry, team?.name ?? '', ctx),
    contestSlug: config.slug,
    roundName: config.rounds.find((r) => r.key === entry.round_key)?.name ?? {
      vi: entry.round_key,
      en: entry.round_key,
    },
    synopsis: entry.synopsis,
    credits: entry.credits,
    declarations: parseFlags(entry.declarations_json),
    statusReason: entry.status_reason,
    fixDeadline: entry.fix_deadline,
    original: mediaView(media.find((m) => m.id === entry.original_media_id)),
    subtitle: mediaView(media.find((m) => m.id === entry.subtitle_media_id)),
    checklist: await checklistOf(db, ctx),
    actions: actionsFor(actor, ctx),
    version: entry.version,
    history,
  };
}
