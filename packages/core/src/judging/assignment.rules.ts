/**
 * Who scores what. Conflict of interest is automatic: a judge tied to an org unit (their home unit, or
 * any unit a role of theirs is scoped to) never scores an entry from inside the same unit below the round's
 * scope. The "neutral" units are the round's scope unit and everything above it (for a contest-wide round,
 * the root of the tree): sharing those is no conflict — everyone in a district round shares the district.
 */

export interface JudgeUnits {
  judgeId: string;
  /** Ancestry (root → unit) of each unit the judge is tied to. */
  unitAncestries: ReadonlyArray<readonly string[]>;
}

export interface EntryUnit {
  entryId: string;
  /** Root → the entry's unit. */
  ancestry: readonly string[];
}

/** True when judge and entry share a unit that is not neutral (e.g. the same district in a province round). */
export function isConflict(judge: JudgeUnits, entry: EntryUnit, neutral: ReadonlySet<string>): boolean {
  const entryUnits = new Set(entry.ancestry.filter((u) => !neutral.has(u)));
  return judge.unitAncestries.some((a) => a.some((u) => entryUnits.has(u)));
}

export type AssignmentMode = { kind: 'all' } | { kind: 'balanced'; judgesPerEntry: number };

export interface AssignmentPlan {
  pairs: Array<{ judgeId: string; entryId: string }>;
  /** Entries that got fewer judges than asked (too many conflicts or recusals). */
  short: Array<{ entryId: string; assigned: number; wanted: number }>;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Plans assignments deterministically. `all`: every judge × every entry without a conflict or recusal.
 * `balanced`: N judges per entry; the most constrained entries pick first, each takes the eligible judges
 * with the fewest assignments so far (ties by judge id), so loads differ by at most one where possible.
 */
export function planAssignments(
  judges: readonly JudgeUnits[],
  entries: readonly EntryUnit[],
  neutral: ReadonlySet<string>,
  mode: AssignmentMode,
  recused: ReadonlySet<string> = new Set(),
): AssignmentPlan {
  const key = (j: string, e: string) => `${j}\u0000${e}`;
  const sortedJudges = [...judges].sort((a, b) => byId(a.judgeId, b.judgeId));
  const eligible = new Map<string, string[]>();
  for (const e of [...entries].sort((a, b) => byId(a.entryId, b.entryId)))
    eligible.set(
      e.entryId,
      sortedJudges
        .filter((j) => !isConflict(j, e, neutral) && !recused.has(key(j.judgeId, e.entryId)))
        .map((j) => j.judgeId),
    );
  const pairs: AssignmentPlan['pairs'] = [];
  const short: AssignmentPlan['short'] = [];
  if (mode.kind === 'all') {
    for (const [entryId, js] of eligible) for (const judgeId of js) pairs.push({ judgeId, entryId });
    return { pairs, short };
  }
  const wanted = mode.judgesPerEntry;
  const load = new Map(sortedJudges.map((j) => [j.judgeId, 0]));
  const order = [...eligible.entries()].sort((a, b) => a[1].length - b[1].length || byId(a[0], b[0]));
  for (const [entryId, js] of order) {
    const chosen = [...js]
      .sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || byId(a, b))
      .slice(0, wanted);
    for (const judgeId of chosen) {
      load.set(judgeId, (load.get(judgeId) ?? 0) + 1);
      pairs.push({ judgeId, entryId });
    }
    if (chosen.length < wanted) short.push({ entryId, assigned: chosen.length, wanted });
  }
  pairs.sort((a, b) => byId(a.entryId, b.entryId) || byId(a.judgeId, b.judgeId));
  short.sort((a, b) => byId(a.entryId, b.entryId));
  return { pairs, short };
}
