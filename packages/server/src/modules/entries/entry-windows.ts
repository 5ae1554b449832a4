import {
  assertWindowOpen,
  effectiveWindow,
  type Action,
  type Actor,
  type ContestConfig,
  type WindowKind,
} from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { assertEntryAllowed, loadEntryContext, type EntryContext } from './entry-context.js';
import type { Executor } from '../../infra/db/database.js';
import { entryRepository } from './entry.repository.js';

/** The window as it applies to a unit (organizer extensions included), checked against `now`. */
export async function windowFor(
  db: Executor,
  contestId: string,
  config: ContestConfig,
  roundKey: string,
  kind: WindowKind,
  ancestry: readonly string[],
) {
  const overrides = (await entryRepository.overrides(db, contestId, roundKey, kind)).map((o) => ({
    orgUnitId: o.org_unit_id,
    closesAt: o.closes_at,
  }));
  return effectiveWindow(config, roundKey, kind, overrides, ancestry);
}

export async function assertOpen(
  db: Executor,
  contestId: string,
  config: ContestConfig,
  roundKey: string,
  kind: WindowKind,
  ancestry: readonly string[],
  now: Date,
): Promise<void> {
  assertWindowOpen(
    await windowFor(db, contestId, config, roundKey, kind, ancestry),
    kind,
    now,
    config.timezone,
  );
}

/** Loads an entry, checks the actor may do `action` on it, and that its round's window `kind` is open now. */
export async function entryInWindow(
  deps: Deps,
  actor: Actor,
  id: string,
  action: Action,
  kind: WindowKind = 'submission',
): Promise<EntryContext> {
  const ctx = await loadEntryContext(deps, actor, id);
  assertEntryAllowed(actor, action, ctx);
  await assertEntryWindowOpen(deps, ctx, kind);
  return ctx;
}

/** The entry's own round window, as it applies to the entry's unit, must be open now. */
export function assertEntryWindowOpen(deps: Deps, ctx: EntryContext, kind: WindowKind): Promise<void> {
  const { entry } = ctx;
  return assertOpen(
    deps.db.kysely,
    entry.contest_id,
    ctx.config,
    entry.round_key,
    kind,
    ctx.ancestry,
    deps.clock.now(),
  );
}
