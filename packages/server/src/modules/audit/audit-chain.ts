import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  seq: number;
  id: string;
  at: string;
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  contestId: string | null;
  data: unknown;
}

/** JSON with object keys sorted at every depth, so a row hashes the same wherever it is recomputed. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(prevHash: string, event: AuditEvent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(event)).digest('hex');
}

export interface StoredAuditRow extends AuditEvent {
  prevHash: string;
  hash: string;
}

export type ChainProblem = 'altered' | 'missing_or_reordered' | 'bad_sequence';

export interface ChainVerdict {
  ok: boolean;
  rows: number;
  firstBroken?: { seq: number; id: string; problem: ChainProblem };
}

/** Walks the chain in seq order; the first row whose link or content does not hold is named. */
export async function verifyChain(
  rows: AsyncIterable<StoredAuditRow> | Iterable<StoredAuditRow>,
): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let count = 0;
  for await (const row of rows) {
    count++;
    const problem: ChainProblem | null =
      row.seq !== count
        ? 'bad_sequence'
        : row.prevHash !== prev
          ? 'missing_or_reordered'
          : chainHash(prev, withoutHashes(row)) !== row.hash
            ? 'altered'
            : null;
    if (problem) return { ok: false, rows: count, firstBroken: { seq: row.seq, id: row.id, problem } };
    prev = row.hash;
  }
  return { ok: true, rows: count };
}

function withoutHashes(row: StoredAuditRow): AuditEvent {
  const { prevHash: _prev, hash: _hash, ...event } = row;
  return event;
}
