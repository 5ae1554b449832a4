import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { orgUnitRepository } from '../packages/server/src/modules/org-units/org-unit.repository.js';
import { chromiumPath, horizontalOverflow, screenshot } from './support/browser.js';
import { signIn, useAppInBrowser } from './support/suite.js';

const codeFor = (secret: string) =>
  new TOTP({
    secret: Secret.fromBase32(secret.replace(/\s/g, '')),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  }).generate();

describe.skipIf(!chromiumPath)('staff workspace at phone width', () => {
  const app = useAppInBrowser({ requireTotp: true });

  it('an organizer enrols TOTP, signs in again with a code, and sees the contest timeline', async () => {
    const page = await app.browser.newPage();
    await signIn(page, app.server.url, 'bantochuc@demo.clipcontest.vn');
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
    await signIn(page, app.server.url, 'bantochuc@demo.clipcontest.vn');
    await page.getByTestId('sign-in-totp').fill(codeFor(secret));
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL('**/app**');
    await page.goto(`${app.server.url}/app/contests/quang-ngai-2023`);
    await expect.poll(() => page.getByTestId('contest-overview').isVisible()).toBe(true);
    const open = page.locator('[data-testid="contest-overview"] [data-status="open"]');
    expect(await open.count()).toBeGreaterThan(0);
    expect(await page.getByTestId('points-split').textContent()).toMatch(/70/);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'organizer-overview-360');
    await page.close();
  });

  it('a coordinator sees their district and its communes, and cannot open another district', async () => {
    const page = await app.browser.newPage();
    await signIn(page, app.server.url, 'binhson@demo.clipcontest.vn');
    await page.waitForURL('**/app**');
    await expect.poll(() => page.getByTestId('home-org-unit').first().textContent()).toContain('Bình Sơn');
    await screenshot(page, 'coordinator-home-360');
    const own = await orgUnitRepository.findByCode(app.server.deps.db.kysely, '524');
    await page.goto(`${app.server.url}/app/org-units/${own?.id}`);
    await expect.poll(() => page.getByTestId('org-unit-name').textContent()).toContain('Huyện Bình Sơn');
    await expect.poll(() => page.getByTestId('org-unit-row').count()).toBe(22);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'coordinator-district-360');
    const other = await orgUnitRepository.findByCode(app.server.deps.db.kysely, '527');
    await page.goto(`${app.server.url}/app/org-units/${other?.id}`);
    await expect.poll(() => page.getByTestId('forbidden').isVisible()).toBe(true);
    expect(await page.getByTestId('org-unit-name').count()).toBe(0);
    await screenshot(page, 'coordinator-other-district-forbidden-360');
    await page.close();
  });

  it('a team sees its own commune from its home page, and not its district', async () => {
    const page = await app.browser.newPage();
    await page.context().clearCookies();
    await signIn(page, app.server.url, 'chauo@demo.clipcontest.vn');
    await page.waitForURL('**/app**');
    const unit = page.getByTestId('home-org-unit').first();
    await expect.poll(() => unit.textContent()).toContain('Châu Ổ');
    await unit.getByRole('link').first().click();
    await expect.poll(() => page.getByTestId('org-unit-name').textContent()).toContain('Thị trấn Châu Ổ');
    await screenshot(page, 'team-commune-360');
    const district = await orgUnitRepository.findByCode(app.server.deps.db.kysely, '524');
    await page.goto(`${app.server.url}/app/org-units/${district?.id}`);
    await expect.poll(() => page.getByTestId('forbidden').isVisible()).toBe(true);
    await page.close();
  });
});
