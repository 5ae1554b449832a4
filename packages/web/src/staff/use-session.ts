import { useQuery } from '@tanstack/react-query';
import { sessionQuery } from '../api/auth';
import type { Role, Session } from '../api/types';

/** The signed-in session (pages under RequireSession always have one once it has loaded). */
export function useSession(): Session | null {
  return useQuery(sessionQuery()).data ?? null;
}

/** Whether the session holds `role` for the contest (a contest-less assignment covers every contest). */
export function hasContestRole(
  session: Session | null,
  role: Role,
  contest: { id?: string; slug: string },
): boolean {
  return (
    session?.assignments.some(
      (a) =>
        a.role === role &&
        ((a.contestId === null && a.contestSlug === null) ||
          a.contestSlug === contest.slug ||
          (contest.id !== undefined && a.contestId === contest.id)),
    ) ?? false
  );
}
