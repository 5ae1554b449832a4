import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgUnitRepository } from '../packages/server/src/modules/org-units/org-unit.repository.js';
import { chromiumPath, horizontalOverflow, launchBrowser, screenshot, type Page } from './support/browser.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';

const codeFor = (secret: string) =>
  new TOTP({
    secret: Secret.fromBase32(secret.replace(/\s/g, '')),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  }).generate();

async function signIn(page: Page, url: string, email: string): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
}

describe.skipIf(!chromiumPath)('staff workspace at phone width', () => {
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    server = await startServer({ requireTotp: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an organizer enrols TOTP, signs in again with a code, and sees the contest timeline', async () => {
    const page = await browser.browser.newPage();
    await signIn(page, server.url, 'bantochuc@demo.clipcontest.vn');
    await page.waitForURL('**/totp-setup');
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(16);
    await screenshot(page, 'totp-setup-360');
    await page.getByTestId('totp-code').fill(codeFor(secret));
    await page.getByTestId('totp-confirm').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/totp-setup'));

    // A new sign-in now asks for the code (wait for the next 30-second step so the code is fresh).
    await page.context().clearCookies();
    await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 200));
    await signIn(page, server.url, 'bantochuc@demo.clipcontest.vn');
    await page.getByTestId('sign-in-totp').fill(codeFor(secret));
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL('**/app**');
    await page.goto(`${server.url}/app/contests/quang-ngai-2023`);
    await expect.poll(() => page.getByTestId('contest-overview').isVisible()).toBe(true);
    const open = page.locator('[data-testid="contest-overview"] [data-status="open"]');
    expect(await open.count()).toBeGreaterThan(0);
    expect(await page.getByTestId('points-split').textContent()).toMatch(/70/);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'organizer-overview-360');
    await page.close();
  });

  it('a coordinator sees their district and its communes, and cannot open another district', async () => {
    const page = await browser.browser.newPage();
    await signIn(page, server.url, 'binhson@demo.clipcontest.vn');
    await page.waitForURL('**/app**');
    await expect.poll(() => page.getByTestId('home-org-unit').first().textContent()).toContain('Bình Sơn');
    await screenshot(page, 'coordinator-home-360');
    const own = await orgUnitRepository.findByCode(server.deps.db.kysely, '524');
    await page.goto(`${server.url}/app/org-units/${own?.id}`);
    await expect.poll(() => page.getByTestId('org-unit-name').textContent()).toContain('Huyện Bình Sơn');
    expect(await page.getByTestId('org-unit-row').count()).toBe(22);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'coordinator-district-360');
    const other = await orgUnitRepository.findByCode(server.deps.db.kysely, '527');
    await page.goto(`${server.url}/app/org-units/${other?.id}`);
    await expect.poll(() => page.getByTestId('forbidden').isVisible()).toBe(true);
    expect(await page.getByTestId('org-unit-name').count()).toBe(0);
    await screenshot(page, 'coordinator-other-district-forbidden-360');
    await page.close();
  });
});
