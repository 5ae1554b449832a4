import { describe, expect, it } from 'vitest';
import { chromiumPath, horizontalOverflow, screenshot } from './support/browser.js';
import { signIn, useAppInBrowser } from './support/suite.js';

describe.skipIf(!chromiumPath)('contest configuration form at phone width', () => {
  const app = useAppInBrowser();

  it('shows a refused value next to its field, keeps the form, then saves a valid change as a new version', async () => {
    const page = await app.browser.newPage();
    await signIn(page, app.server.url, 'bantochuc@demo.clipcontest.vn');
    await page.waitForURL('**/app**');
    await page.goto(`${app.server.url}/app/contests/quang-ngai-2023/config`);
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
    const before = await app.server.deps.db.kysely
      .selectFrom('contests')
      .select(['version', 'config_json'])
      .where('slug', '=', 'quang-ngai-2023')
      .executeTakeFirstOrThrow();
    expect(before.config_json).toContain('"quotaPerScopeUnit":2');

    await quota.fill('3');
    await page.getByTestId('config-save').click();
    await page.getByTestId('config-saved').waitFor();
    const after = await app.server.deps.db.kysely
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
