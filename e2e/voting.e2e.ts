import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../packages/server/src/app.js';
import { loadConfig } from '../packages/server/src/infra/config/config.js';
import { DEMO_PASSWORD, seedDemo } from '../packages/server/src/modules/demo/demo.service.js';
import { createDeps, DEFAULT_WEB_DIST } from '../packages/server/src/runtime.js';
import { startSmtp, type ReceivedMail } from '../packages/server/test/support/smtp.js';
import { entriesIn } from '../packages/server/test/support/voting-fixtures.js';
import {
  chromiumPath,
  horizontalOverflow,
  launchBrowser,
  screenshot as shot,
  type Page,
} from './support/browser.js';

/** From the top, so the sticky header sits where it belongs in the full-page picture. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
}

const SLUG = 'quang-ngai-2023';

describe.skipIf(!chromiumPath)('public voting at phone width', () => {
  let app: FastifyInstance;
  let deps: Awaited<ReturnType<typeof createDeps>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let url = '';
  let entryId = '';

  beforeAll(async () => {
    smtp = await startSmtp();
    const dir = mkdtempSync(join(tmpdir(), 'clipcontest-e2e-voting-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`,
      PORT: '0',
      SMTP_URL: smtp.url,
    });
    deps = await createDeps(config, { log: pino({ level: 'silent' }) });
    await seedDemo(deps, 'voting');
    const contest = await deps.db.kysely
      .selectFrom('contests')
      .select('id')
      .where('slug', '=', SLUG)
      .executeTakeFirstOrThrow();
    [entryId = ''] = await entriesIn(deps, contest, 'published', 2, '21040');
    await entriesIn(deps, contest, 'published', 1, '21010');
    await entriesIn(deps, contest, 'accepted', 1, '21043');
    app = await buildApp(deps, { webDistDir: DEFAULT_WEB_DIST });
    await app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await deps?.close();
    await smtp?.close();
  });

  const codeFor = async (to: string): Promise<string> => {
    let mail: ReceivedMail | undefined;
    await expect.poll(() => (mail = smtp.inbox.find((m) => m.to === to)), { timeout: 15_000 }).toBeDefined();
    return /(\d{6})/.exec(mail?.subject ?? '')?.[1] ?? '';
  };

  it('browses the gallery, opens an entry, verifies by email OTP after the challenge, likes, shares, undoes the like', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${url}/c/${SLUG}`);
    await page.getByTestId('landing-gallery').click();
    await page.waitForURL(`**/c/${SLUG}/entries`);
    await expect.poll(() => page.getByTestId('gallery-entry').count()).toBe(3 + 5); // not the accepted one; 5 are the demo's own
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'voting-gallery-360');

    // Filter by district, then clear it.
    const districts = page.getByTestId('gallery-district').locator('option');
    expect(await districts.count()).toBeGreaterThanOrEqual(2);
    await page.getByTestId('gallery-district').selectOption({ index: 1 });
    await expect.poll(() => page.getByTestId('gallery-entry').count()).toBeLessThan(3 + 5);
    await page.getByTestId('gallery-district').selectOption({ index: 0 });
    await expect.poll(() => page.getByTestId('gallery-entry').count()).toBe(3 + 5);

    await page.locator(`a[href="/c/${SLUG}/e/${entryId}"]`).click();
    await page.waitForURL(`**/e/${entryId}`);
    await expect.poll(() => page.getByTestId('like-count').textContent()).toContain('0');
    await page.getByTestId('like-button').click();

    // First vote: verify in one step, by email.
    await page.getByTestId('verify-address').fill('Nguoi.Xem@Example.vn');
    await page.getByTestId('verify-send').click();
    await page.getByTestId('verify-sent').waitFor({ timeout: 30_000 });
    await screenshot(page, 'voting-verify-code-360');
    await page.getByTestId('verify-code').fill(await codeFor('nguoi.xem@example.vn'));
    await page.getByTestId('verify-confirm').click();

    // The like the voter asked for is cast right after verification.
    await expect.poll(() => page.getByTestId('like-button').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByTestId('like-count').textContent()).toContain('1');
    expect(await page.getByTestId('voter-line').textContent()).toContain('@example.vn');
    await screenshot(page, 'voting-liked-360');

    await page.getByTestId('share-copy').click();
    await expect.poll(() => page.getByTestId('share-count').textContent()).toContain('1');
    await page.getByTestId('share-zalo').click();
    await expect.poll(() => page.getByTestId('vote-message').textContent()).toBeTruthy();
    expect(await page.getByTestId('share-count').textContent()).toContain('1'); // counted once per voter

    await page.getByTestId('like-button').click();
    await expect.poll(() => page.getByTestId('like-button').getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => page.getByTestId('like-count').textContent()).toContain('0');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'voting-entry-360');

    const ledger = await deps.db.kysely
      .selectFrom('votes')
      .selectAll()
      .where('entry_id', '=', entryId)
      .execute();
    expect(ledger.map((v) => `${v.kind}:${v.undone_at ? 'undone' : 'active'}`).sort()).toEqual([
      'like:undone',
      'share:active',
    ]);
    await page.close();
  }, 120_000);

  it('serves the entry URL with Open Graph tags to a client without JavaScript', async () => {
    const res = await fetch(`${url}/c/${SLUG}/e/${entryId}`, {
      headers: { 'user-agent': 'facebookexternalhit/1.1' },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<meta property="og:title" content="Chuyện của Tổ [^"]+"/);
    expect(html).toMatch(/<meta property="og:description" content="[^"]+"/);
    expect(html).toContain(`<meta property="og:url" content="`);
    expect(html).toMatch(/<meta name="twitter:card" content="[^"]+"/);
    expect(html).toContain('<h1>Chuyện của Tổ');
    // The same document still boots the light public app.
    expect(html).toContain('/assets/public-');

    const page = await browser.browser.newPage();
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(`${url}/c/${SLUG}/e/${entryId}`);
    expect(await page.locator('h1').textContent()).toContain('Chuyện của Tổ');
    await screenshot(page, 'voting-entry-nojs-360');
    await page.close();
  });

  const signIn = async (page: Awaited<ReturnType<typeof browser.browser.newPage>>, email: string) => {
    await page.context().clearCookies();
    await page.goto(`${url}/sign-in`);
    await page.getByTestId('sign-in-email').fill(email);
    await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL('**/app');
  };

  it('lets the assistant publish, the secretariat record fanpage counts and void a vote, on a phone', async () => {
    const page = await browser.browser.newPage();
    await signIn(page, 'giupviec@demo.clipcontest.vn');
    await page.goto(`${url}/app/contests/${SLUG}/publish`);
    await page.getByTestId('publish-all').waitFor();
    expect(await page.getByTestId('publish-all').textContent()).toContain('1');
    await page.getByTestId('publish-all').click();
    await expect.poll(() => page.getByTestId('publish-all').isDisabled()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'voting-staff-publish-360');

    await signIn(page, 'thuky@demo.clipcontest.vn');
    await page.goto(`${url}/app/contests/${SLUG}/fanpage`);
    await page.getByTestId('snapshot-likes').fill('120');
    await page.getByTestId('snapshot-shares').fill('15');
    await page
      .getByTestId('snapshot-url')
      .fill('https://www.facebook.com/sotttquangngai/posts/812345678901234');
    await page.getByTestId('snapshot-record').click();
    await expect
      .poll(() => page.getByTestId('snapshot-state').first().textContent())
      .toContain('Chờ thư ký khác');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'voting-staff-fanpage-360');

    await page.goto(`${url}/app/contests/${SLUG}/votes`);
    await page.getByTestId('ledger-row').first().waitFor();
    await page.getByTestId('ledger-row').locator('input[type=checkbox]:not([disabled])').first().check();
    await page.getByTestId('void-reason').fill('Thử nghiệm huỷ phiếu');
    await page.getByTestId('void-selected').click();
    await expect.poll(() => page.getByText('Đã huỷ: Thử nghiệm huỷ phiếu').count()).toBe(1);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'voting-staff-votes-360');
    const audit = await deps.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'votes.voided')
      .execute();
    expect(audit).toHaveLength(1);
    await page.close();
  }, 120_000);
});
