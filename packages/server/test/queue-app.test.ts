import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../src/infra/context.js';
import { appJobs } from '../src/infra/queue/app-jobs.js';
import { createAppWorker } from '../src/infra/queue/app-worker.js';
import { createUser } from '../src/modules/accounts/user.service.js';
import { notify } from '../src/modules/notifications/notification.service.js';
import { dialects } from './support/databases.js';
import { startHarness, unique, type Harness } from './support/harness.js';

describe.each(dialects)('app jobs on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h.close();
  });

  it('notifications.flush sends the emails that committed with the job', async () => {
    const queue = unique('q');
    const email = `${unique('n')}@x.vn`;
    const user = await createUser(h.deps, null, { email, name: 'Người nhận', password: 'long enough pw' });
    // Scoped to one (made-up) entry so the flush never touches other tests' emails on a shared database.
    const entryId = unique('entry');
    await inTransaction(h.deps, async (trx) => {
      await notify(trx, h.deps, {
        userIds: [user.id],
        contestId: null,
        entryId,
        kind: 'test',
        title: { vi: 'Tiêu đề', en: 'Title' },
        body: { vi: 'Nội dung', en: 'Body' },
      });
      await appJobs.enqueue(trx, h.deps, 'notifications.flush', { entryId }, { queue });
    });

    const worker = createAppWorker(h.deps, { queue });
    expect(await worker.runOnce()).toBe(1);
    await worker.stop();
    expect(h.inbox.filter((m) => m.to === email)).toHaveLength(1);
    const job = await h.deps.db.kysely.selectFrom('jobs').selectAll().where('queue', '=', queue).execute();
    expect(job).toMatchObject([{ name: 'notifications.flush', status: 'succeeded', attempts: 1 }]);
  });
});
