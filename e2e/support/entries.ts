import { expect } from 'vitest';
import { horizontalOverflow, screenshot, type Page } from './browser.js';
import { setNetwork } from './media.js';

/** Steps of the entries workflow, shared by the e2e tests that drive it. */
export const SLUG = 'quang-ngai-2023';

/** Demo accounts of the Bình Sơn district story (password DEMO_PASSWORD). */
export const DEMO_ACCOUNTS = {
  CHAUO: 'chauo@demo.clipcontest.vn', // team, Thị trấn Châu Ổ
  BINHTHUAN: 'binhthuan@demo.clipcontest.vn', // team, Xã Bình Thuận
  BINHSON: 'binhson@demo.clipcontest.vn', // coordinator, Huyện Bình Sơn
  THUKY: 'thuky@demo.clipcontest.vn', // secretary
  ORGANIZER: 'bantochuc@demo.clipcontest.vn',
} as const;

/** Phone-width checks on every screen: nothing sticks out sideways, and a picture for the record. */
export async function shoot(page: Page, name: string): Promise<void> {
  expect(await horizontalOverflow(page), `${name} overflows sideways`).toBeLessThanOrEqual(0);
  // From the top, so that the fixed header sits where it belongs in the full-page picture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, `${name}-360`);
}

export const statusOf = (page: Page) => page.getByTestId('entry-page').getAttribute('data-status');

export async function newEntry(page: Page, url: string, title: string): Promise<string> {
  await page.goto(`${url}/app/contests/${SLUG}/my-entries`);
  await page.getByTestId('new-entry').click();
  await page.getByTestId('entry-title-input').fill(title);
  await page
    .getByTestId('entry-synopsis-input')
    .fill('Tổ công nghệ số cộng đồng hướng dẫn bà con cài ứng dụng VNeID và nộp hồ sơ trực tuyến.');
  await page.getByTestId('entry-credits-input').fill('Nguyễn Văn An (quay phim), Trần Thị Bình (dựng)');
  const declarations = page.getByTestId('entry-declaration');
  for (let i = 0; i < (await declarations.count()); i++) await declarations.nth(i).check();
  return title;
}

export async function saveNewEntry(page: Page): Promise<string> {
  await page.getByTestId('entry-save').click();
  await page.waitForURL(/\/app\/entries\/[^/?]+$/);
  await page.getByTestId('entry-page').waitFor();
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
}

export async function uploadVideo(page: Page, path: string): Promise<void> {
  await page.getByTestId('upload-input-original').setInputFiles(path);
  await page.getByTestId('media-current-original').waitFor({ timeout: 60_000 });
}

export async function submit(page: Page): Promise<void> {
  await page.getByTestId('entry-submit').click();
  await expect.poll(() => statusOf(page)).toBe('submitted');
}

/**
 * Uploads a video while the signal drops at about a third: the card must say the connection was lost, then
 * carry on by itself once back online. Returns the Upload-Offset of every PATCH sent.
 */
export async function uploadThroughSignalLoss(page: Page, path: string, shotName: string): Promise<number[]> {
  const offsets: number[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PATCH' && r.url().includes('/api/uploads/'))
      offsets.push(Number(r.headers()['upload-offset']));
  });
  await setNetwork(page, { uploadBytesPerSecond: 2 * 1024 * 1024 });
  await page.getByTestId('upload-input-original').setInputFiles(path);
  const progress = page.getByTestId('upload-progress');
  await expect
    .poll(async () => Number(await progress.getAttribute('data-percent')), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(30);
  await setNetwork(page, { offline: true });
  const lost = page.getByTestId('upload-error');
  await expect.poll(() => lost.getAttribute('data-kind'), { timeout: 30_000 }).toBe('network');
  expect(await page.getByTestId('upload-status').getAttribute('data-phase')).toBe('offline');
  await shoot(page, shotName);
  await setNetwork(page, {});
  await page.getByTestId('upload-done').waitFor({ timeout: 60_000 });
  return offsets;
}
