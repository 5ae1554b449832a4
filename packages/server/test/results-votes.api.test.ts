import { localToInstant } from '@clipcontest/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/modules/accounts/user.service.js';
import { inviteJudge, setPanelStatus } from '../src/modules/judging/panel.service.js';
import { saveSheet } from '../src/modules/judging/sheet.service.js';
import { recordedEngagement } from '../src/modules/results/engagement.reader.js';
import { previewResults } from '../src/modules/results/results.service.js';
import { dialects } from './support/databases.js';
import { createTestContest, ensureQuangNgai, TEST_PASSWORD } from './support/fixtures.js';
import { startHarness, unique, type Harness } from './support/harness.js';
import { entryAt } from './support/judging-fixtures.js';
import { verifiedVoter } from './support/voting-fixtures.js';

/**
 * The seam between voting and results, with nothing in between faked: likes cast through the public API
 * during the voting window become the audience points of the round's results (30/70 rule), and likes
 * undone or voided do not.
 */
describe.each(dialects)('audience votes feed the results on %s', (dialect) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(dialect);
    await ensureQuangNgai(h.deps);
  });
  afterAll(() => h.close());

  it('counts native likes up to the cut-off into the audience points of the preview', async () => {
    const contest = await createTestContest(h.deps, 'voting');
    const email = `${unique('judge')}@test.clipcontest.vn`.toLowerCase();
    const judge = await createUser(h.deps, null, { email, name: 'Giám khảo', password: TEST_PASSWORD });
    const published = (communeCode: string) =>
      entryAt(h.deps, contest.id, {
        communeCode,
        roundKey: 'final',
        status: 'published',
        createdBy: judge.id,
      });
    const x = (await published('21040')).id;
    const y = (await published('21175')).id;
    const like = (voter: string, id: string) =>
      h.app.inject({ method: 'POST', url: `/api/entries/${id}/like`, headers: { cookie: voter } });
    // x: 3 likes, one of them undone → 2; y: 4 likes.
    const voters = await Promise.all([1, 2, 3, 4].map(() => verifiedVoter(h)));
    for (const v of voters.slice(0, 3)) expect((await like(v, x)).statusCode).toBe(200);
    const undo = await h.app.inject({
      method: 'DELETE',
      url: `/api/entries/${x}/like`,
      headers: { cookie: voters[0] ?? '' },
    });
    expect(undo.statusCode).toBe(200);
    for (const v of voters) expect((await like(v, y)).statusCode).toBe(200);

    // Judging opens after voting closes: move the clock there and score both entries equally.
    const final = contest.config.rounds.find((r) => r.key === 'final');
    const judgingOpens = final?.windows.judging?.opensAt;
    if (!judgingOpens) throw new Error('the demo final round has no judging window');
    h.clock.set(new Date(localToInstant(judgingOpens, contest.config.timezone).getTime() + 3_600_000));
    // A vote now is refused: the window is over, so the cut-off holds.
    expect((await like(voters[3] ?? '', x)).statusCode).toBe(409);

    const ref = { slug: contest.slug, roundKey: 'final' };
    await inviteJudge(h.deps, null, ref, { email, name: 'Giám khảo' });
    const actor = {
      userId: judge.id,
      assignments: [{ role: 'judge' as const, contestId: contest.id, roundKey: 'final', orgUnitId: null }],
    };
    for (const id of [x, y])
      await saveSheet(h.deps, actor, id, {
        scores: { content: 10, form: 10, effectiveness: 10 },
        submit: true,
      });
    await setPanelStatus(h.deps, null, ref, 'closed');

    const view = await previewResults(h.deps, recordedEngagement, null, ref);
    const byId = new Map(view.rows.map((r) => [r.entryId, r]));
    // Same jury points (70); audience proportional to the top entry: y 4 likes → 30, x 2 likes → 15.
    expect(byId.get(y)?.jury.points).toBe(70);
    expect(byId.get(x)?.jury.points).toBe(70);
    expect(byId.get(y)?.audience.points).toBe(30);
    expect(byId.get(x)?.audience.points).toBe(15);
    expect(view.rows.map((r) => r.entryId)).toEqual([y, x]);
  });
});
