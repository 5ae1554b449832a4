import {
  countsHidden,
  DomainError,
  isPublicEntryState,
  publicEntryStates,
  votingStatus,
  votingWindowOf,
  type ContestConfig,
  type EntryState,
  type LocalizedText,
  type VotingStatus,
} from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { loadContest, parseConfig } from '../contests/contest.service.js';
import { loadUnitIndex, type UnitIndex } from '../org-units/unit-index.js';
import { VOTER_COOKIE, voterFromToken } from '../voting/voter.service.js';
import { voteRepository } from '../voting/vote.repository.js';
import { noPublicMedia, publicMediaFor, type PublicMedia } from './public-media.adapter.js';

export interface PublicUnit {
  id: string;
  name: string;
}

export interface VotingInfo {
  status: VotingStatus;
  opensAt: string | null;
  closesAt: string | null;
  opensAtLocal: string | null;
  closesAtLocal: string | null;
  countsHidden: boolean;
}

export interface PublicEntrySummary {
  id: string;
  title: string;
  synopsis: string;
  teamName: string;
  commune: PublicUnit | null;
  district: PublicUnit | null;
  publishedAt: string | null;
  likes: number | null;
  shares: number | null;
  media: PublicMedia;
}

export interface PublicEntryDetail extends PublicEntrySummary {
  credits: string;
  members: Array<{ name: string; position: string }>;
  contest: { slug: string; title: LocalizedText; timezone: string };
  voting: VotingInfo;
  mine: { liked: boolean; shared: boolean } | null;
}

const notFound = () =>
  new DomainError('not_found', 'entry_not_found', { vi: 'Không tìm thấy tác phẩm.', en: 'Entry not found.' });

function votingInfo(config: ContestConfig, roundKey: string, now: Date): VotingInfo {
  const w = votingWindowOf(config, roundKey);
  return {
    status: votingStatus(w, now),
    opensAt: w?.opensAt.toISOString() ?? null,
    closesAt: w?.closesAt.toISOString() ?? null,
    opensAtLocal: w?.opensAtLocal ?? null,
    closesAtLocal: w?.closesAtLocal ?? null,
    countsHidden: countsHidden(config, w, now),
  };
}

/** The commune (the entrant unit) and the district above it, whatever the tree's depth. */
function placeOf(units: UnitIndex, config: ContestConfig, unitId: string) {
  const path = units.path(unitId);
  const entrant = path.at(-1);
  const levels = config.orgLevels;
  const entrantIdx = levels.indexOf(config.entrantLevel);
  const parentLevel = entrantIdx > 0 ? levels[entrantIdx - 1] : undefined;
  const district = parentLevel ? path.find((u) => u.level === parentLevel) : undefined;
  return {
    commune: entrant ? { id: entrant.id, name: entrant.name } : null,
    district: district ? { id: district.id, name: district.name } : null,
  };
}

async function publishedTimes(deps: Deps, contestId: string): Promise<Map<string, string>> {
  const rows = await deps.db.kysely
    .selectFrom('audit_log')
    .select(['subject_id', 'at'])
    .where('contest_id', '=', contestId)
    .where('action', '=', 'entry.publish')
    .execute();
  const m = new Map<string, string>();
  for (const r of rows) if (r.subject_id && (m.get(r.subject_id) ?? '') < r.at) m.set(r.subject_id, r.at);
  return m;
}

const excerpt = (s: string, n = 240) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

export interface GalleryQuery {
  district?: string | undefined;
  q?: string | undefined;
  sort?: 'newest' | 'likes' | undefined;
}

/** Published entries of a contest for the public gallery: filter by district, search title/commune, sort. */
export async function publicGallery(deps: Deps, slug: string, query: GalleryQuery) {
  const contest = await loadContest(deps, slug);
  const config = parseConfig(contest);
  const db = deps.db.kysely;
  const now = deps.clock.now();
  const units = await loadUnitIndex(db);
  const rows = await db
    .selectFrom('entries as e')
    .innerJoin('teams as t', 't.id', 'e.team_id')
    .select([
      'e.id',
      'e.title',
      'e.synopsis',
      'e.org_unit_id',
      'e.round_key',
      'e.submitted_at',
      't.name as team_name',
    ])
    .where('e.contest_id', '=', contest.id)
    .where('e.status', 'in', [...publicEntryStates])
    .execute();
  const roundKey = rows[0]?.round_key ?? config.rounds.find((r) => r.windows.voting)?.key ?? '';
  const voting = votingInfo(config, roundKey, now);
  const counters = await voteRepository.countersOfContest(db, contest.id);
  const published = await publishedTimes(deps, contest.id);
  const media = await publicMediaFor(
    deps,
    rows.map((r) => r.id),
  );
  const needle = query.q?.trim().toLocaleLowerCase('vi') ?? '';
  let entries: PublicEntrySummary[] = rows.map((r) => {
    const place = placeOf(units, config, r.org_unit_id);
    const c = counters.get(r.id) ?? { likes: 0, shares: 0 };
    return {
      id: r.id,
      title: r.title,
      synopsis: excerpt(r.synopsis),
      teamName: r.team_name,
      ...place,
      publishedAt: published.get(r.id) ?? r.submitted_at,
      likes: voting.countsHidden ? null : c.likes,
      shares: voting.countsHidden ? null : c.shares,
      media: media.get(r.id) ?? noPublicMedia,
    };
  });
  const districts = new Map<string, PublicUnit>();
  for (const e of entries) if (e.district) districts.set(e.district.id, e.district);
  if (query.district) entries = entries.filter((e) => e.district?.id === query.district);
  if (needle)
    entries = entries.filter(
      (e) =>
        e.title.toLocaleLowerCase('vi').includes(needle) ||
        (e.commune?.name.toLocaleLowerCase('vi').includes(needle) ?? false),
    );
  // "Most liked" only while counts are visible; otherwise the order would leak them.
  const byLikes = query.sort === 'likes' && !voting.countsHidden;
  entries.sort((a, b) =>
    byLikes
      ? (b.likes ?? 0) - (a.likes ?? 0) || (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '')
      : (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || a.id.localeCompare(b.id),
  );
  return {
    contest: { slug: config.slug, title: config.title, timezone: config.timezone },
    voting,
    districts: [...districts.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    entries,
  };
}

/** One published entry for its public page (and the server-rendered share preview). */
export async function publicEntry(deps: Deps, id: string, voterToken?: string): Promise<PublicEntryDetail> {
  const db = deps.db.kysely;
  const row = await db
    .selectFrom('entries as e')
    .innerJoin('teams as t', 't.id', 'e.team_id')
    .innerJoin('contests as c', 'c.id', 'e.contest_id')
    .select([
      'e.id',
      'e.title',
      'e.synopsis',
      'e.credits',
      'e.status',
      'e.org_unit_id',
      'e.round_key',
      'e.contest_id',
      'e.team_id',
      'e.submitted_at',
      't.name as team_name',
      'c.slug',
    ])
    .where('e.id', '=', id)
    .executeTakeFirst();
  if (!row || !isPublicEntryState(row.status as EntryState)) throw notFound();
  const contest = await loadContest(deps, row.slug);
  const config = parseConfig(contest);
  const units = await loadUnitIndex(db);
  const now = deps.clock.now();
  const voting = votingInfo(config, row.round_key, now);
  const counts = await voteRepository.counts(db, row.id);
  const members = await db
    .selectFrom('team_members')
    .select(['name', 'position'])
    .where('team_id', '=', row.team_id)
    .orderBy('sort')
    .execute();
  const voter = await voterFromToken(deps, voterToken);
  const mine = voter ? await voteRepository.activeKinds(db, voter.id, row.id) : null;
  const published = await publishedTimes(deps, row.contest_id);
  const media = await publicMediaFor(deps, [row.id]);
  return {
    id: row.id,
    title: row.title,
    synopsis: row.synopsis,
    credits: row.credits,
    teamName: row.team_name,
    members,
    ...placeOf(units, config, row.org_unit_id),
    publishedAt: published.get(row.id) ?? row.submitted_at,
    likes: voting.countsHidden ? null : counts.likes,
    shares: voting.countsHidden ? null : counts.shares,
    media: media.get(row.id) ?? noPublicMedia,
    contest: { slug: config.slug, title: config.title, timezone: config.timezone },
    voting,
    mine: mine
      ? { liked: mine.some((v) => v.kind === 'like'), shared: mine.some((v) => v.kind === 'share') }
      : null,
  };
}

export { VOTER_COOKIE };
