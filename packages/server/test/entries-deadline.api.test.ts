import { localToInstant } from '@clipcontest/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardDueNominations } from '../src/modules/entries/nomination.service.js';
import { entryRepository } from '../src/modules/entries/entry.repository.js';
import { dialects } from './support/databases.js';
import { submittedEntry, teamIn } from './support/entry-fixtures.js';
import { createStaff, createTestContest, ensureQuangNgai } from './support/fixtures.js';
import { asUser, signInAs, startHarness, type Harness } from './support/harness.js';

describe.each(dialects)('nominations at the deadline on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
    await ensureQuangNgai(h.deps);
  });
  afterAll(() => h.close());

  it('forwards a district’s nominations by itself once the deadline passes (rounds that advance at the deadline)', async () => {
    const contest = await createTestContest(h.deps, 'production');
    expect(contest.config.rounds.find((r) => r.key === 'district')?.advanceAt).toBe('deadline');
    const c = await createStaff(h.deps, 'coordinator', { contestId: contest.id, orgUnitCode: '528' });
    const coordinator = await signInAs(h.app, c.email, c.password);
    const id = await submittedEntry(h, contest, await teamIn(h, contest, coordinator, '21235'));
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: `/api/entries/${id}/nominate`,
          headers: asUser(coordinator),
        })
      ).statusCode,
    ).toBe(200);

    await forwardDueNominations(h.deps, { contestId: contest.id });
    expect((await entryRepository.findById(h.deps.db.kysely, id))?.round_key).toBe('district');

    const closes =
      contest.config.rounds.find((r) => r.key === 'district')?.windows.submission?.closesAt ?? '';
    const saved = h.clock.now();
    h.clock.set(new Date(localToInstant(closes, contest.config.timezone).getTime() + 1000));
    await forwardDueNominations(h.deps, { contestId: contest.id });
    await forwardDueNominations(h.deps, { contestId: contest.id }); // a second sweep changes nothing
    h.clock.set(saved);
    const moved = await entryRepository.findById(h.deps.db.kysely, id);
    expect(moved).toMatchObject({ round_key: 'final', status: 'nominated', scope_unit_id: null });
    const history = await entryRepository.history(h.deps.db.kysely, id);
    expect(history.filter((x) => x.action === 'entry.forwarded')).toHaveLength(1);
  });
});
