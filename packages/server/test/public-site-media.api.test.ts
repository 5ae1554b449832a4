import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContestConfig } from '@clipcontest/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryUploadHooks } from '../src/modules/entries/entry-media.service.js';
import { analyzeMedia, transcodeMedia } from '../src/modules/media/media-pipeline.service.js';
import { dialects } from './support/databases.js';
import { declarationsOf, teamIn } from './support/entry-fixtures.js';
import { createStaff, createTestContest, ensureQuangNgai } from './support/fixtures.js';
import { asUser, signInAs, startHarness, unique, type Harness } from './support/harness.js';
import { makeClip } from './support/media-clips.js';
import { ffmpegPath } from './support/media-fixtures.js';

const FFMPEG = ffmpegPath();

describe.skipIf(!FFMPEG).each(dialects)('public entry page with ready media (%s)', (dialect) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(dialect);
    Object.assign(h.deps.config, { MEDIA_X264_PRESET: 'ultrafast' });
    await ensureQuangNgai(h.deps);
  });
  afterAll(() => h.close());

  it('carries og:image and og:video once the entry media is ready and the entry is published', async () => {
    const contest = await createTestContest(h.deps, 'production');
    // Limits scaled to the tiny fixture clip (2 s, 320×180).
    const config: ContestConfig = {
      ...contest.config,
      entryRules: {
        ...contest.config.entryRules,
        minDurationSeconds: 1,
        maxDurationSeconds: 3,
        minHeight: 120,
      },
    };
    await h.deps.db.kysely
      .updateTable('contests')
      .set({ config_json: JSON.stringify(config) })
      .where('id', '=', contest.id)
      .execute();
    const c = await createStaff(h.deps, 'coordinator', { contestId: contest.id, orgUnitCode: '524' });
    const team = await teamIn(h, contest, await signInAs(h.app, c.email, c.password), '21040');
    const title = `Clip ${unique()}`;
    const created = await h.app.inject({
      method: 'POST',
      url: `/api/contests/${contest.slug}/entries`,
      headers: asUser(team.session),
      payload: {
        title,
        synopsis: 'Tóm tắt',
        credits: 'Đạo diễn: A',
        declarations: declarationsOf(config),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const entryId = created.json<{ id: string }>().id;

    const dir = mkdtempSync(join(tmpdir(), 'cc-og-'));
    const clip = await makeClip('normal', dir);
    const path = join(dir, 'upload');
    copyFileSync(clip, path);
    const bytes = readFileSync(path);
    await entryUploadHooks(h.deps).complete({
      uploadId: unique('up'),
      entryId,
      kind: 'original',
      filename: 'clip.mp4',
      path,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      container: 'mp4',
    });
    const { original_media_id: mediaId } = await h.deps.db.kysely
      .selectFrom('entries')
      .select('original_media_id')
      .where('id', '=', entryId)
      .executeTakeFirstOrThrow();
    if (!mediaId) throw new Error('no media recorded');
    const signal = new AbortController().signal;
    await analyzeMedia(h.deps, mediaId, signal);
    await transcodeMedia(h.deps, mediaId, signal);

    // Review is another module's workflow: the entry is put straight into `accepted`, then published
    // through the API like an assistant does.
    await h.deps.db.kysely
      .updateTable('entries')
      .set({ status: 'accepted' })
      .where('id', '=', entryId)
      .execute();
    const url = `/c/${contest.slug}/e/${entryId}`;
    expect((await h.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    const a = await createStaff(h.deps, 'assistant', { contestId: contest.id });
    const published = await h.app.inject({
      method: 'POST',
      url: `/api/entries/${entryId}/publish`,
      headers: asUser(await signInAs(h.app, a.email, a.password)),
    });
    expect(published.statusCode, published.body).toBe(200);

    const page = await h.app.inject({ method: 'GET', url });
    expect(page.statusCode).toBe(200);
    const meta = (property: string) =>
      new RegExp(`<meta property="${property}" content="([^"]+)"`).exec(page.body)?.[1];
    const image = meta('og:image');
    const video = meta('og:video');
    expect(image).toMatch(/^http:\/\/clipcontest\.test\/api\/media\/.+\/poster\.jpg$/);
    expect(video).toMatch(/^http:\/\/clipcontest\.test\/api\/media\/.+\/web\.mp4$/);
    expect(meta('og:video:type')).toBe('video/mp4');
    expect(page.body).toContain('<meta name="twitter:image"');
    // The URLs the preview points at are served.
    for (const u of [image, video]) {
      const res = await h.app.inject({ method: 'GET', url: new URL(u ?? '').pathname });
      expect(res.statusCode, u).toBe(200);
    }
  }, 120_000);
});
