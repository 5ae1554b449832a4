import type { ContestConfig, Round, Session } from '../../api/types';

/** The first round that takes open submissions: where a new entry starts (the district round). */
export const entryRoundOf = (config: ContestConfig): Round | undefined =>
  config.rounds.find((r) => r.source.kind === 'open');

/** The round that takes its entries from `roundKey` (the organizer's receipt round after the district one). */
export const nextRoundOf = (config: ContestConfig, roundKey: string): Round | undefined =>
  config.rounds.find((r) => r.source.kind === 'advancement' && r.source.fromRound === roundKey);

/** Contests (by slug) in which the session holds `role` for exactly this org unit. */
export function unitContests(
  session: Session | null,
  unitId: string,
  role: 'team' | 'coordinator',
): string[] {
  const slugs = (session?.assignments ?? [])
    .filter((a) => a.role === role && a.orgUnitId === unitId && a.contestSlug)
    .map((a) => a.contestSlug ?? '');
  return [...new Set(slugs)];
}
