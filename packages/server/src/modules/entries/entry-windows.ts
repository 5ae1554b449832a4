import { assertWindowOpen, effectiveWindow, type ContestConfig, type WindowKind } from '@clipcontest/core';
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
