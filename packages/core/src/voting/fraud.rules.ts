/**
 * Fraud signals over the vote ledger: pure detection, so a secretary sees why a group of votes looks
 * scripted and can void them with a reason. Signals are hints, never automatic voiding.
 */
import { isDisposableEmail } from './voter-identity.rules.js';

export interface FraudVote {
  id: string;
  entryId: string;
  voterId: string;
  kind: 'like' | 'share';
  at: string;
  ip: string | null;
  voided: boolean;
}

export interface FraudVoter {
  id: string;
  channel: 'email' | 'phone';
  identity: string;
  createdAt: string;
}

export interface FraudOptions {
  /** Width of the buckets compared against an entry's own baseline. */
  bucketMinutes: number;
  /** A bucket is a burst when it holds at least this many votes … */
  burstMinVotes: number;
  /** … and at least this many times the entry's median non-empty bucket. */
  burstFactor: number;
  accountsPerIp: number;
  accountsPerSubnet: number;
  /** An account is "fresh" when its first vote comes this soon after it was created … */
  freshMinutes: number;
  /** … and an entry is flagged when this many fresh single-entry accounts voted on it. */
  freshAccountsPerEntry: number;
}

export const defaultFraudOptions: FraudOptions = {
  bucketMinutes: 10,
  burstMinVotes: 20,
  burstFactor: 5,
  accountsPerIp: 10,
  accountsPerSubnet: 30,
  freshMinutes: 10,
  freshAccountsPerEntry: 5,
};

export type FraudSignal =
  | {
      kind: 'burst';
      entryId: string;
      from: string;
      to: string;
      votes: number;
      baseline: number;
      voteIds: string[];
    }
  | { kind: 'shared_ip'; ip: string; accounts: number; voteIds: string[] }
  | { kind: 'shared_subnet'; subnet: string; accounts: number; voteIds: string[] }
  | { kind: 'fresh_accounts'; entryId: string; accounts: number; voteIds: string[] }
  | { kind: 'disposable_email'; domain: string; accounts: number; voteIds: string[] };

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** `a.b.c.0/24` for an IPv4 address (IPv4-mapped IPv6 included); null otherwise. */
export function subnet24(ip: string): string | null {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  const parts = v4.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p))) return null;
  return `${parts[0]}.${parts[1]}.${parts[2]}.0/24`;
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

const distinctVoters = (vs: readonly FraudVote[]) => new Set(vs.map((v) => v.voterId)).size;

export function detectFraudSignals(
  votes: readonly FraudVote[],
  voters: readonly FraudVoter[],
  options: Partial<FraudOptions> = {},
): FraudSignal[] {
  const o = { ...defaultFraudOptions, ...options };
  const live = votes.filter((v) => !v.voided);
  const signals: FraudSignal[] = [];
  const bucketMs = o.bucketMinutes * 60_000;

  for (const [entryId, vs] of groupBy(live, (v) => v.entryId)) {
    const buckets = groupBy(vs, (v) => String(Math.floor(Date.parse(v.at) / bucketMs)));
    const baseline = median([...buckets.values()].map((b) => b.length));
    for (const [b, bv] of buckets) {
      // The entry's own baseline, excluding the bucket itself when other buckets exist.
      const others = [...buckets.entries()].filter(([k]) => k !== b).map(([, x]) => x.length);
      const base = others.length ? median(others) : baseline / o.burstFactor;
      if (bv.length >= o.burstMinVotes && bv.length >= o.burstFactor * Math.max(1, base)) {
        const start = Number(b) * bucketMs;
        signals.push({
          kind: 'burst',
          entryId,
          from: new Date(start).toISOString(),
          to: new Date(start + bucketMs).toISOString(),
          votes: bv.length,
          baseline: base,
          voteIds: bv.map((v) => v.id),
        });
      }
    }
  }

  for (const [ip, vs] of groupBy(live, (v) => v.ip)) {
    const accounts = distinctVoters(vs);
    if (accounts >= o.accountsPerIp)
      signals.push({ kind: 'shared_ip', ip, accounts, voteIds: vs.map((v) => v.id) });
  }
  for (const [subnet, vs] of groupBy(live, (v) => (v.ip ? subnet24(v.ip) : null))) {
    const accounts = distinctVoters(vs);
    if (accounts >= o.accountsPerSubnet)
      signals.push({ kind: 'shared_subnet', subnet, accounts, voteIds: vs.map((v) => v.id) });
  }

  const voterById = new Map(voters.map((v) => [v.id, v]));
  const byVoter = groupBy(live, (v) => v.voterId);
  const freshByEntry = new Map<string, FraudVote[]>();
  for (const [voterId, vs] of byVoter) {
    const voter = voterById.get(voterId);
    if (!voter) continue;
    const entries = new Set(vs.map((v) => v.entryId));
    if (entries.size !== 1) continue;
    const first = Math.min(...vs.map((v) => Date.parse(v.at)));
    if (first - Date.parse(voter.createdAt) > o.freshMinutes * 60_000) continue;
    const entryId = [...entries][0] ?? '';
    freshByEntry.set(entryId, [...(freshByEntry.get(entryId) ?? []), ...vs]);
  }
  for (const [entryId, vs] of freshByEntry) {
    const accounts = distinctVoters(vs);
    if (accounts >= o.freshAccountsPerEntry)
      signals.push({ kind: 'fresh_accounts', entryId, accounts, voteIds: vs.map((v) => v.id) });
  }

  const disposable = groupBy(
    voters.filter((v) => v.channel === 'email' && isDisposableEmail(v.identity)),
    (v) => v.identity.slice(v.identity.lastIndexOf('@') + 1),
  );
  for (const [domain, vs] of disposable) {
    const ids = new Set(vs.map((v) => v.id));
    const voteIds = live.filter((v) => ids.has(v.voterId)).map((v) => v.id);
    if (voteIds.length) signals.push({ kind: 'disposable_email', domain, accounts: vs.length, voteIds });
  }
  return signals;
}
