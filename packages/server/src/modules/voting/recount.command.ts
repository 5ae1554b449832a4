import type { Deps } from '../../infra/context.js';
import { recountVotes } from './moderation.service.js';

/** `clipcontest votes recount [--repair]`: 0 when every counter equals the ledger (or was repaired). */
export async function runRecount(deps: Pick<Deps, 'db'>, repair: boolean): Promise<number> {
  const r = await recountVotes(deps, { repair });
  for (const m of r.mismatches)
    console.log(
      `entry ${m.entryId}: counter likes=${m.counter.likes} shares=${m.counter.shares}, ledger likes=${m.ledger.likes} shares=${m.ledger.shares}${repair ? ' (repaired)' : ''}`,
    );
  console.log(
    r.mismatches.length === 0
      ? `vote counters OK: ${r.checked} entries match the ledger`
      : `${r.mismatches.length} of ${r.checked} counters differ from the ledger${repair ? ': repaired' : ' (run with --repair)'}`,
  );
  return r.mismatches.length === 0 || repair ? 0 : 1;
}
