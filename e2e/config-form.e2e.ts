import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, horizontalOverflow, launchBrowser, screenshot } from './support/browser.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';

describe.skipIf(!chromiumPath)('contest configuration form at phone width', () => {
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a refused value next to its field, keeps the form, then saves a valid change as a new version', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId('sign-in-email').fill('bantochuc@demo.clipcontest.vn');
    await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL('**/app**');
    await page.goto(`${server.url}/app/contests/quang-ngai-2023/config`);
    const quota = page.getByTestId('cfg-rounds.0.quotaPerScopeUnit');
    await quota.waitFor();
    await quota.fill('0');
    await page.getByTestId('config-save').click();
    await expect
      .poll(() =>
        page.locator('[data-testid="config-issue"][data-path="rounds.0.quotaPerScopeUnit"]').count(),
      )
      .toBe(1);
    expect(await quota.inputValue()).toBe('0');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'config-form-invalid-360');
    const before = await server.deps.db.kysely
      .selectFrom('contests')
      .select(['version', 'config_json'])
      .where('slug', '=', 'quang-ngai-2023')
      .executeTakeFirstOrThrow();
    expect(before.config_json).toContain('"quotaPerScopeUnit":2');

    await quota.fill('3');
    await page.getByTestId('config-save').click();
    await page.getByTestId('config-saved').waitFor();
    const after = await server.deps.db.kysely
      .selectFrom('contests')
      .select(['version', 'config_json'])
      .where('slug', '=', 'quang-ngai-2023')
      .executeTakeFirstOrThrow();
    expect(after.version).toBe(before.version + 1);
    expect(after.config_json).toContain('"quotaPerScopeUnit":3');
    await screenshot(page, 'config-form-saved-360');
    await page.close();
  });
});
