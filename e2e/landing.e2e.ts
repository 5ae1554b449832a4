import { describe, expect, it } from 'vitest';
import { chromiumPath, horizontalOverflow, screenshot } from './support/browser.js';
import { useAppInBrowser } from './support/suite.js';

describe.skipIf(!chromiumPath)('public landing page at phone width', () => {
  const app = useAppInBrowser();

  it('shows title, theme, rules and timeline in Vietnamese, with the open phase highlighted', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.server.url}/c/quang-ngai-2023`);
    await expect
      .poll(() => page.getByTestId('landing-title').textContent())
      .toContain('Tổ công nghệ số cộng đồng');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.getByTestId('landing-theme').textContent()).toContain(
      'Câu chuyện về Tổ công nghệ số cộng đồng',
    );
    const open = page.locator('[data-testid="timeline-item"][data-status="open"]');
    expect(await open.count()).toBeGreaterThan(0);
    expect(await open.first().textContent()).toMatch(/bình chọn/i);
    expect(await page.locator('[data-testid="timeline-item"][data-status="past"]').count()).toBeGreaterThan(
      0,
    );
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'landing-vi-360');
    await page.close();
  });

  it('switches to English on request, by the switcher and by ?lang=en', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.server.url}/c/quang-ngai-2023`);
    await page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
    await expect
      .poll(() => page.getByTestId('landing-title').textContent())
      .toContain('Community Digital Technology Team');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(
      await page.locator('[data-testid="timeline-item"][data-status="open"]').first().textContent(),
    ).toMatch(/voting/i);
    await screenshot(page, 'landing-en-360');
    const fresh = await app.browser.newPage();
    await fresh.goto(`${app.server.url}/c/quang-ngai-2023?lang=en`);
    await expect
      .poll(() => fresh.getByTestId('landing-title').textContent())
      .toContain('Community Digital Technology Team');
    expect(await horizontalOverflow(fresh)).toBeLessThanOrEqual(0);
    await page.close();
    await fresh.close();
  });

  it('leaves the light public build for the staff app when a visitor signs in, and finds unknown pages', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.server.url}/c/quang-ngai-2023`);
    await page.getByTestId('staff-sign-in').click();
    await page.waitForURL('**/sign-in');
    await expect.poll(() => page.locator('input[type="password"]').count()).toBe(1);
    await page.goto(`${app.server.url}/c/quang-ngai-2023/no-such-page?lang=vi`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Không tìm thấy');
    await page.close();
  });
});
