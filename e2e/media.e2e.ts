import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppWorker } from '../packages/server/src/infra/queue/app-worker.js';
import { chromiumPath } from './support/browser.js';
import { DEMO_ACCOUNTS, newEntry, saveNewEntry, shoot, uploadVideo } from './support/entries.js';
import { ffmpegPath, makeClip } from './support/media.js';
import { signInAs, useAppInBrowser } from './support/suite.js';

describe.skipIf(!chromiumPath || !ffmpegPath)('media pipeline at phone width', () => {
  const app = useAppInBrowser({ phase: 'production' });
  let worker: ReturnType<typeof createAppWorker> | undefined;
  let clip = { path: '', size: 0, sha256: '' };
  beforeAll(() => {
    clip = makeClip();
  });
  afterAll(async () => {
    await worker?.stop();
  });

  it('a team uploads, sees processing, then the report and a video that plays over HLS; signed URLs expire', async () => {
    // Tests keep x264 quick; the rest is the production pipeline.
    Object.assign(app.server.deps.config, { MEDIA_X264_PRESET: 'ultrafast' });
    const page = await app.browser.newPage();
    await signInAs(page, app.server.url, DEMO_ACCOUNTS.CHAUO);
    await newEntry(page, app.server.url, 'Tổ CNSCĐ Châu Ổ và chữ ký số');
    const entryId = await saveNewEntry(page);
    await uploadVideo(page, clip.path);

    // No worker yet: the clip waits in the queue and the page says it is being processed.
    await page.getByTestId('media-processing').waitFor({ timeout: 30_000 });
    await shoot(page, 'media-processing');
    worker = createAppWorker(app.server.deps, { pollMs: 200, concurrency: 1 });
    worker.start();

    const panel = page.getByTestId('media-panel');
    await expect
      .poll(() => panel.getAttribute('data-media-status'), { timeout: 120_000, interval: 500 })
      .toBe('ready');
    await page.getByTestId('media-report').waitFor();
    // The demo contest asks for at least 1:00; the 10-second clip breaks that hard rule, in plain Vietnamese.
    const finding = page.getByTestId('finding-duration_too_short');
    await expect.poll(() => finding.textContent()).toContain('Thời lượng 0:10 ngắn hơn mức tối thiểu 1:00');
    expect(await finding.getAttribute('data-severity')).toBe('hard');
    await shoot(page, 'media-report');

    const player = page.getByTestId('video-player');
    expect(await player.getAttribute('data-orientation')).toBe('horizontal');
    await page.getByTestId('video-play').click();
    await expect.poll(() => player.getAttribute('data-engine')).toMatch(/^(native-hls|hls\.js)$/);
    await expect
      .poll(() => page.evaluate(() => document.querySelector('video')?.currentTime ?? 0), { timeout: 30_000 })
      .toBeGreaterThan(0.3);
    await shoot(page, 'media-playing');

    // A signed URL works while fresh and stops once its lifetime has passed.
    Object.assign(app.server.deps.config, { MEDIA_URL_TTL_SECONDS: 2 });
    const status = await page.request.get(`${app.server.url}/api/entries/${entryId}/media-status`);
    const mp4 = ((await status.json()) as { original: { urls: { mp4Url: string } } }).original.urls.mp4Url;
    expect(
      (await page.request.get(`${app.server.url}${mp4}`, { headers: { range: 'bytes=0-9' } })).status(),
    ).toBe(206);
    await new Promise((r) => setTimeout(r, 2_500));
    const expired = await page.request.get(`${app.server.url}${mp4}`);
    expect(expired.status()).toBe(403);
    expect(((await expired.json()) as { code: string }).code).toBe('media_url_expired');
    Object.assign(app.server.deps.config, { MEDIA_URL_TTL_SECONDS: 900 });
  }, 240_000);
});
