import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountRepository } from '../packages/server/src/modules/accounts/account.repository.js';
import { chromiumPath, screenshot } from './support/browser.js';
import { DEMO_ACCOUNTS, shoot, SLUG } from './support/entries.js';
import { signInAs, useAppInBrowser } from './support/suite.js';

const { THUKY, ORGANIZER } = DEMO_ACCOUNTS;
const JUDGE = 'giamkhao1@demo.clipcontest.vn';
const PDF_DIR = resolve(import.meta.dirname, '.e2e-artifacts', 'pdf');
const TABLET = { width: 1024, height: 768 };

describe.skipIf(!chromiumPath)('jury scoring and results', () => {
  const app = useAppInBrowser({ phase: 'judging' });

  it('a judge scores three entries on a tablet: drafts save themselves, submitting locks the sheet', async () => {
    const page = await app.browser.newPage();
    await page.setViewportSize(TABLET);
    page.on('dialog', (d) => void d.accept());
    await signInAs(page, app.server.url, JUDGE);
    await page.getByTestId('link-judging').first().click();
    await page.getByTestId('judge-queue').waitFor();
    await expect.poll(() => page.getByTestId('queue-entry').count()).toBe(5);
    const scores = [
      [8.5, 8, 9],
      [7, 7.5, 7],
      [9, 9.5, 9],
    ];
    for (const [i, [c, f, e]] of scores.entries()) {
      await page.getByTestId('queue-entry').nth(i).click();
      const title = await page.getByTestId('current-title').textContent();
      await page.getByTestId('score-content').fill(String(c).replace('.', ','));
      await page.getByTestId('score-form').fill(String(f).replace('.', ','));
      await page.getByTestId('score-effectiveness').fill(String(e).replace('.', ','));
      await page.getByTestId('sheet-comment').fill('Thông điệp rõ ràng, hình ảnh đẹp.');
      // The draft saves itself after a pause in typing.
      await expect
        .poll(() => page.getByTestId('autosave-status').textContent(), { timeout: 10_000 })
        .toMatch(/Đã lưu nháp/);
      if (i === 0) await screenshot(page, 'judge-sheet-draft-1024');
      await page.getByTestId('sheet-submit').click();
      await page.getByTestId('sheet-locked').waitFor();
      expect(await page.getByTestId('current-title').textContent()).toBe(title);
    }
    await expect.poll(() => page.getByTestId('queue-progress').textContent()).toMatch(/3\/5/);
    expect(await page.locator('[data-testid="queue-entry"][data-status="submitted"]').count()).toBe(3);
    await screenshot(page, 'judge-queue-1024');

    // The judge opens the entry page of an assigned entry (the technical report)...
    await page.getByTestId('queue-entry').nth(3).click();
    const recusedTitle = (await page.getByTestId('current-title').textContent()) ?? '';
    await page.getByRole('link', { name: 'Thông tin kỹ thuật của tác phẩm' }).click();
    await expect.poll(() => page.getByTestId('entry-title').textContent()).toBe(recusedTitle);
    await page.goBack();
    // ...then recuses from it with a reason; the entry leaves the queue.
    await page.getByTestId('queue-entry').nth(3).click();
    await page.getByTestId('recuse').click();
    await page.getByTestId('recuse-dialog-reason').fill('Tôi từng cố vấn kịch bản cho đội này.');
    await screenshot(page, 'judge-recuse-1024');
    await page.getByTestId('recuse-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('queue-entry').count()).toBe(4);
    await expect.poll(() => page.getByTestId('queue-progress').textContent()).toMatch(/3\/4/);
    expect(await page.getByTestId('recused-list').textContent()).toContain(recusedTitle);
    // The same workspace on a phone.
    await page.setViewportSize({ width: 360, height: 760 });
    await shoot(page, 'judge-queue');
    await page.close();
  });

  it('the secretariat sees completion per judge; the organizer closes, approves, and the public page shows', async () => {
    const page = await app.browser.newPage();
    page.on('dialog', (d) => void d.accept());
    await signInAs(page, app.server.url, THUKY);
    await page.goto(`${app.server.url}/app/contests/${SLUG}/jury`);
    await page.getByTestId('jury-admin').waitFor();
    const row = page.getByTestId('completion-judge').filter({ hasText: 'Giám khảo 1' });
    await expect.poll(() => row.textContent()).toMatch(/3\/4/);
    await shoot(page, 'secretariat-completion');
    // Only an organizer chooses the assignment or reopens sheets.
    expect(await page.getByTestId('assignment-form').count()).toBe(0);
    expect(await page.getByTestId('reopen-sheet').count()).toBe(0);

    // No results link on the landing page before approval.
    await page.goto(`${app.server.url}/c/${SLUG}`);
    await page.getByTestId('landing-title').waitFor();
    expect(await page.getByTestId('landing-results-link').count()).toBe(0);

    await signInAs(page, app.server.url, ORGANIZER);
    await page.setViewportSize(TABLET);
    await page.goto(`${app.server.url}/app/contests/${SLUG}/jury`);
    await page.getByTestId('jury-admin').waitFor();
    // The assignment: two judges per entry, balanced, then back to every judge for every entry.
    const totals = page.getByTestId('completion-totals');
    const before = await totals.textContent();
    await page.getByTestId('assignment-mode').getByText('N giám khảo mỗi tác phẩm').click();
    await page.getByTestId('judges-per-entry').fill('2');
    await screenshot(page, 'organizer-assignment-1024');
    await page.getByTestId('save-assignment').click();
    await expect.poll(() => totals.textContent()).not.toBe(before);
    await page.getByTestId('assignment-mode').getByText('Mọi giám khảo chấm mọi tác phẩm').click();
    await page.getByTestId('save-assignment').click();
    await expect.poll(() => totals.textContent()).toBe(before);

    // A submitted sheet of judge 1 goes back to them, with a written reason.
    const sheets = page.getByTestId('submitted-sheet').filter({ hasText: 'Giám khảo 1' });
    expect(await sheets.count()).toBe(3);
    await sheets.first().getByTestId('reopen-sheet').click();
    const confirmReopen = page.getByTestId('reopen-sheet-dialog-confirm');
    expect(await confirmReopen.isDisabled()).toBe(true);
    await page.getByTestId('reopen-sheet-dialog-reason').fill('Giám khảo nhập nhầm điểm hình thức.');
    await screenshot(page, 'organizer-reopen-sheet-1024');
    await confirmReopen.click();
    await expect.poll(() => sheets.count()).toBe(2);
    await expect.poll(() => row.textContent()).toMatch(/2\/4/);

    // Closing, then reopening the round with a reason, then closing again.
    await page.getByTestId('close-judging').click();
    await page.getByTestId('reopen-judging').click();
    await page.getByTestId('reopen-judging-dialog-reason').fill('Chờ giám khảo 1 chấm lại phiếu đã mở.');
    await page.getByTestId('reopen-judging-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('panel-status').textContent()).toBe('Đang chấm');
    await page.getByTestId('close-judging').click();
    await page.getByTestId('results-preview').waitFor();
    await expect.poll(() => page.getByTestId('result-row').count()).toBe(5);
    await page.setViewportSize(TABLET);
    await screenshot(page, 'organizer-preview-1024');
    await page.setViewportSize({ width: 360, height: 760 });
    await page.getByTestId('approve-results').click();
    await page.getByTestId('results-approved').waitFor();
    await shoot(page, 'organizer-approved');

    // The three documents, downloaded with the organizer's session, rendered to PNG.
    mkdirSync(PDF_DIR, { recursive: true });
    const judge = await accountRepository.findUserByEmail(app.server.deps.db.kysely, JUDGE);
    const base = `${app.server.url}/api/contests/${SLUG}/rounds/final/results`;
    const docs = {
      'phieu-cham-diem': `${base}/sheet.pdf?judge=${judge?.id}`,
      'bien-ban-tong-hop': `${base}/minutes.pdf`,
      'ket-qua-chung-cuoc': `${base}/final.pdf`,
    };
    for (const [name, url] of Object.entries(docs)) {
      const res = await page.request.get(url);
      expect(res.status(), name).toBe(200);
      const path = join(PDF_DIR, `${name}.pdf`);
      writeFileSync(path, await res.body());
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path, join(PDF_DIR, name)]);
      expect(existsSync(join(PDF_DIR, `${name}-1.png`))).toBe(true);
      const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
      expect(text).toMatch(/CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      expect(text).toMatch(/Quảng Ngãi, ngày \d{2} tháng \d{2} năm \d{4}/);
    }

    // The public results page, signed out, reached from the landing page.
    await page.context().clearCookies();
    await page.goto(`${app.server.url}/c/${SLUG}`);
    await page.getByTestId('landing-results-link').click();
    await page.waitForURL(`**/c/${SLUG}/results`);
    await expect.poll(() => page.getByTestId('public-result-row').count()).toBe(5);
    await shoot(page, 'public-results');
    await page.close();
  });
});
