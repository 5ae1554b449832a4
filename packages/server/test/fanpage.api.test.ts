import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { parsePostUrl } from '../src/modules/fanpage/graph-connector.js';
import { engagementAt } from '../src/modules/voting/engagement.service.js';
import { dialects } from './support/databases.js';
import { createStaff, createTestContest, ensureQuangNgai } from './support/fixtures.js';
import { asUser, signInAs, startHarness, type Harness, type Session } from './support/harness.js';
import { entriesIn } from './support/voting-fixtures.js';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, 'fixtures', 'graph-api', name), 'utf8');
// A 1×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** Replays recorded Graph API answers, like graph.facebook.com would for a valid or an expired token. */
async function startGraphStub(): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    requests.push(`${url.pathname}?fields=${url.searchParams.get('fields')}`);
    const send = (status: number, body: string) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    if (url.searchParams.get('access_token') !== 'page-token') return send(400, fixture('error-token.json'));
    if (url.pathname === '/v19.0/sotttquangngai') return send(200, fixture('page.json'));
    if (url.pathname === '/v19.0/104857600123456_812345678901234') return send(200, fixture('post.json'));
    if (url.pathname === '/v19.0/104857600123456_812345678900000')
      return send(200, fixture('post-not-shared.json'));
    return send(404, JSON.stringify({ error: { message: 'Unsupported get request.', code: 100 } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v19.0`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('Facebook post URLs', () => {
  it('finds the page and post ids in the usual URL shapes', () => {
    expect(parsePostUrl('https://www.facebook.com/sotttquangngai/posts/812345678901234')).toEqual({
      page: 'sotttquangngai',
      post: '812345678901234',
    });
    expect(parsePostUrl('https://m.facebook.com/story.php?story_fbid=42&id=1001')).toEqual({
      page: '1001',
      post: '42',
    });
    expect(parsePostUrl('1001_42')).toEqual({ post: '1001_42' });
    expect(() => parsePostUrl('https://example.com/posts/1')).toThrow(/Facebook/);
  });
});

describe.each(dialects)('fanpage snapshots (%s)', (dialect) => {
  let h: Harness;
  let graphApp: FastifyInstance;
  let stub: Awaited<ReturnType<typeof startGraphStub>>;
  let contest: Awaited<ReturnType<typeof createTestContest>>;
  let first: Session;
  let second: Session;
  let firstId = '';

  beforeAll(async () => {
    h = await startHarness(dialect);
    await ensureQuangNgai(h.deps);
    contest = await createTestContest(h.deps, 'voting');
    const a = await createStaff(h.deps, 'secretary', { contestId: contest.id });
    const b = await createStaff(h.deps, 'secretary', { contestId: contest.id });
    firstId = a.id;
    first = await signInAs(h.app, a.email, a.password);
    second = await signInAs(h.app, b.email, b.password);
    stub = await startGraphStub();
    graphApp = await buildApp({
      ...h.deps,
      config: { ...h.deps.config, FACEBOOK_GRAPH_URL: stub.url, FACEBOOK_PAGE_TOKEN: 'page-token' },
    });
  });
  afterAll(async () => {
    await graphApp.close();
    await stub.close();
    await h.close();
  });

  const record = (s: Session, payload: Record<string, unknown>) =>
    h.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.slug}/fanpage-snapshots`,
      headers: asUser(s),
      payload,
    });
  const confirm = (s: Session, id: string) =>
    h.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.slug}/fanpage-snapshots/${id}/confirm`,
      headers: asUser(s),
    });
  const facebookOf = async (entryId: string, at = h.clock.now()) =>
    (await engagementAt(h.deps.db.kysely, contest.id, at.toISOString())).find(
      (e) => e.entryId === entryId && e.source === 'facebook',
    );

  it('needs evidence, never counts an unconfirmed snapshot, and keeps the two-person rule', async () => {
    const [entryId] = await entriesIn(h.deps, contest, 'published', 1);
    const now = h.clock.now();
    const noEvidence = await record(first, { entryId, likes: 10, shares: 2, takenAt: now.toISOString() });
    expect(noEvidence.json()).toMatchObject({ code: 'evidence_required' });
    const badImage = await record(first, {
      entryId,
      likes: 10,
      shares: 2,
      takenAt: now.toISOString(),
      screenshot: { contentType: 'image/png', dataBase64: Buffer.from('not a png').toString('base64') },
    });
    expect(badImage.json()).toMatchObject({ code: 'screenshot_invalid' });
    const res = await record(first, {
      entryId,
      likes: 120,
      shares: 15,
      takenAt: new Date(now.getTime() - 3_600_000).toISOString(),
      screenshot: { contentType: 'image/png', dataBase64: PNG },
    });
    expect(res.statusCode).toBe(201);
    const snap = res.json<{ id: string; counting: boolean; hasEvidence: boolean }>();
    expect(snap).toMatchObject({ counting: false, hasEvidence: true });
    expect(await facebookOf(entryId!)).toBeUndefined(); // unconfirmed: does not count

    const self = await confirm(first, snap.id);
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ code: 'snapshot_same_person' });
    expect(await facebookOf(entryId!)).toBeUndefined();

    const ok = await confirm(second, snap.id);
    expect(ok.json()).toMatchObject({ counting: true, recordedBy: firstId });
    expect(await facebookOf(entryId!)).toEqual({ entryId, source: 'facebook', likes: 120, shares: 15 });
    expect((await confirm(second, snap.id)).json()).toMatchObject({ code: 'snapshot_already_confirmed' });

    const evidence = await h.app.inject({
      method: 'GET',
      url: `/api/contests/${contest.slug}/fanpage-snapshots/${snap.id}/evidence`,
      headers: asUser(second),
    });
    expect(evidence.headers['content-type']).toBe('image/png');
    expect(evidence.rawPayload.equals(Buffer.from(PNG, 'base64'))).toBe(true);
    const audit = await h.deps.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', entryId!)
      .where('action', 'like', 'engagement.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'engagement.snapshot_confirmed',
      'engagement.snapshot_recorded',
    ]);
  });

  it('counts the confirmed snapshot nearest before the cut-off', async () => {
    const [entryId] = await entriesIn(h.deps, contest, 'published', 1);
    const now = h.clock.now().getTime();
    const at = (mins: number) => new Date(now - mins * 60_000).toISOString();
    const ids: string[] = [];
    for (const [mins, likes] of [
      [300, 50],
      [120, 80],
      [60, 95],
    ] as const) {
      const r = await record(first, {
        entryId,
        likes,
        shares: 1,
        takenAt: at(mins),
        postUrl: 'https://www.facebook.com/p/posts/1',
      });
      ids.push(r.json<{ id: string }>().id);
    }
    await confirm(second, ids[0]!);
    await confirm(second, ids[1]!); // the 60-minute one stays unconfirmed
    expect(await facebookOf(entryId!)).toMatchObject({ likes: 80 });
    expect(await facebookOf(entryId!, new Date(now - 200 * 60_000))).toMatchObject({ likes: 50 });
  });

  it('fetches counts through the Graph API connector (recorded answers) and records them for confirmation', async () => {
    const [entryId] = await entriesIn(h.deps, contest, 'published', 1);
    const fetch = (postUrl: string) =>
      graphApp.inject({
        method: 'POST',
        url: `/api/contests/${contest.slug}/fanpage-snapshots/fetch`,
        headers: asUser(first),
        payload: { entryId, postUrl },
      });
    const res = await fetch('https://www.facebook.com/sotttquangngai/posts/812345678901234');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ likes: 812, shares: 57, method: 'graph', counting: false });
    expect(stub.requests).toContain('/v19.0/sotttquangngai?fields=id');
    expect(stub.requests).toContain(
      '/v19.0/104857600123456_812345678901234?fields=shares,reactions.summary(total_count).limit(0)',
    );
    const unshared = await fetch('104857600123456_812345678900000');
    expect(unshared.json()).toMatchObject({ likes: 3, shares: 0 });
    const missing = await fetch('https://www.facebook.com/sotttquangngai/posts/999');
    expect(missing.statusCode).toBe(409);
    expect(missing.json()).toMatchObject({ code: 'graph_api_failed' });
    // Without a page token the connector says so instead of calling Facebook.
    const unconfigured = await h.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.slug}/fanpage-snapshots/fetch`,
      headers: asUser(first),
      payload: { entryId, postUrl: '1001_42' },
    });
    expect(unconfigured.json()).toMatchObject({ code: 'graph_api_not_configured' });
  });
});
