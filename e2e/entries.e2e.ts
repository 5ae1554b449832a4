import { beforeAll, describe, expect, it } from 'vitest';
import { orgUnitRepository } from '../packages/server/src/modules/org-units/org-unit.repository.js';
import { chromiumPath } from './support/browser.js';
import {
  DEMO_ACCOUNTS,
  newEntry,
  saveNewEntry,
  shoot,
  SLUG,
  statusOf,
  submit,
  uploadThroughSignalLoss,
  uploadVideo,
} from './support/entries.js';
import { ffmpegPath, makeClip, makeFile, setNetwork } from './support/media.js';
import { signInAs, useAppInBrowser } from './support/suite.js';

const { CHAUO, BINHTHUAN, BINHSON, THUKY, ORGANIZER } = DEMO_ACCOUNTS;
const RETURN_REASON = 'Âm thanh bị rè ở phút đầu, đề nghị Tổ xử lý lại.';

describe.skipIf(!chromiumPath || !ffmpegPath)('entries and rounds at phone width', () => {
  const app = useAppInBrowser({ phase: 'production' });
  let clip = { path: '', size: 0, sha256: '' };
  beforeAll(() => {
    clip = makeClip();
  });
  const ids: Record<'first' | 'second' | 'third', string> = { first: '', second: '', third: '' };

  it('a team creates an entry, its upload survives a reload and resumes where it stopped, then submits', async () => {
    const page = await app.browser.newPage();
    await signInAs(page, app.server.url, CHAUO);
    await page.getByTestId('link-my-entries').first().click();
    await page.getByTestId('my-entries-empty').waitFor();
    await shoot(page, 'team-my-entries-empty');
    await newEntry(page, app.server.url, 'Tổ CNSCĐ Châu Ổ đồng hành cùng người dân');
    await shoot(page, 'team-new-entry');
    ids.first = await saveNewEntry(page);

    const patches: Array<{ offset: number; afterReload: boolean }> = [];
    let reloaded = false;
    page.on('request', (r) => {
      if (r.method() === 'PATCH' && r.url().includes('/api/uploads/'))
        patches.push({ offset: Number(r.headers()['upload-offset']), afterReload: reloaded });
    });
    await setNetwork(page, { uploadBytesPerSecond: 1.5 * 1024 * 1024 });
    await page.getByTestId('upload-input-original').setInputFiles(clip.path);
    const percent = async () =>
      Number(await page.getByTestId('upload-progress').getAttribute('data-percent'));
    await expect.poll(percent, { timeout: 30_000 }).toBeGreaterThanOrEqual(60);
    await page.getByTestId('upload-speed').waitFor();
    await shoot(page, 'team-upload-progress');

    // Interrupted: the page reloads in the middle of the second chunk.
    reloaded = true;
    await page.reload();
    await page.getByTestId('upload-unfinished').waitFor();
    await shoot(page, 'team-upload-interrupted');
    await setNetwork(page, { uploadBytesPerSecond: 1.5 * 1024 * 1024 });
    await page.getByTestId('upload-input-original').setInputFiles(clip.path);
    const resumed = page.getByTestId('upload-resumed');
    await resumed.waitFor();
    const resumedFrom = Number(await resumed.getAttribute('data-offset'));
    expect(resumedFrom).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    expect(await percent()).toBeGreaterThanOrEqual(50);
    await setNetwork(page, {});
    await page.getByTestId('media-current-original').waitFor({ timeout: 60_000 });

    const after = patches.filter((p) => p.afterReload);
    expect(after.length).toBeGreaterThan(0);
    expect(after[0]?.offset).toBe(resumedFrom);
    expect(patches.filter((p) => p.offset === 0)).toHaveLength(1);
    // The stored original is byte for byte the clip: nothing was lost or sent twice across the reload.
    expect(await page.getByTestId('media-current-original').textContent()).toContain(
      clip.sha256.slice(0, 16),
    );
    await shoot(page, 'team-entry-uploaded');
    await submit(page);
    await page.getByTestId('entry-unsubmit').waitFor();
    await shoot(page, 'team-entry-submitted');
    await page.close();
  });

  it('the same team submits a second entry and another commune of the district one more', async () => {
    const page = await app.browser.newPage();
    await signInAs(page, app.server.url, CHAUO);
    await newEntry(page, app.server.url, 'Chợ 4.0 ở thị trấn Châu Ổ');
    ids.second = await saveNewEntry(page);
    await page.getByTestId('entry-submit').click();
    const incomplete = page.getByTestId('entry-action-error');
    await expect.poll(() => incomplete.getAttribute('data-code')).toBe('entry_incomplete');
    expect(await incomplete.textContent()).toContain('Video dự thi');
    // Not a video, whatever its name says: the server sniffs the content and refuses it, in plain words.
    await page
      .getByTestId('upload-input-original')
      .setInputFiles(makeFile('not-a-video.mp4', 'hello '.repeat(5000)));
    const refusal = page.getByTestId('upload-error');
    await expect.poll(() => refusal.getAttribute('data-kind')).toBe('wrong_type');
    expect(await refusal.getAttribute('data-status')).toBe('415');
    expect(await refusal.textContent()).toContain('MP4');
    await shoot(page, 'team-upload-wrong-type');
    await uploadVideo(page, clip.path);
    expect(await page.getByTestId('upload-unfinished').count()).toBe(0);
    await page
      .getByTestId('upload-input-subtitle')
      .setInputFiles(makeFile('phu-de.vtt', 'WEBVTT\n\n00:00.000 --> 00:05.000\nXin chào bà con\n'));
    await page.getByTestId('media-current-subtitle').waitFor();
    await submit(page);
    await page.goto(`${app.server.url}/app/contests/${SLUG}/my-entries`);
    await expect
      .poll(() => page.locator('[data-testid="my-entry"][data-status="submitted"]').count())
      .toBe(2);
    await shoot(page, 'team-my-entries');

    await signInAs(page, app.server.url, BINHTHUAN);
    await newEntry(page, app.server.url, 'Bình Thuận số hoá từng ngõ xóm');
    ids.third = await saveNewEntry(page);
    await uploadVideo(page, clip.path);
    await submit(page);
    await page.close();
  });

  it('the coordinator nominates two, is refused a third by the quota, and sends the two to the organizer', async () => {
    const page = await app.browser.newPage();
    await signInAs(page, app.server.url, BINHSON);
    await page.getByTestId('link-district').first().click();
    const cards = page.getByTestId('district-entry');
    await expect.poll(() => cards.count()).toBe(3);
    const quota = page.getByTestId('quota-indicator');
    expect(await quota.getAttribute('data-quota')).toBe('2');
    await shoot(page, 'coordinator-entries');

    // Compare by opening one, then come back.
    await page.locator(`[data-testid="district-entry"][data-id="${ids.third}"] a`).first().click();
    await page.getByTestId('entry-nominate').waitFor();
    // The coordinator can play the clip: the player streams it with range requests under their session.
    const src = await page.locator('[data-testid="entry-player"] video').getAttribute('src');
    const head = await page.evaluate(async (url) => {
      const r = await fetch(url ?? '', { headers: { range: 'bytes=0-15' } });
      return {
        status: r.status,
        range: r.headers.get('content-range'),
        bytes: (await r.arrayBuffer()).byteLength,
      };
    }, src);
    expect(head).toMatchObject({ status: 206, bytes: 16 });
    await shoot(page, 'coordinator-entry');
    await page.getByTestId('entry-back').click();

    // A commune's team registers itself on the public site; the coordinator approves it.
    const binhChau = await orgUnitRepository.findByCode(app.server.deps.db.kysely, '21112');
    const selfRegistered = await fetch(`${app.server.url}/api/public/contests/${SLUG}/team-registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        orgUnitId: binhChau?.id,
        name: 'Tổ CNSCĐ xã Bình Châu',
        members: [
          { name: 'Võ Minh Em', position: 'Tổ trưởng', email: 'binhchau@example.vn', isLeader: true },
        ],
      }),
    });
    expect(selfRegistered.status).toBe(201);
    await page.getByTestId('tab-teams').click();
    const pending = page.locator('[data-testid="team-card"][data-status="pending"]');
    await expect.poll(() => pending.count()).toBe(1);
    await expect.poll(() => page.getByTestId('team-card').count()).toBe(3);
    await pending.getByTestId('team-approve').click();
    await expect.poll(() => pending.count()).toBe(0);
    await page.getByTestId('team-register-open').click();
    await page.getByTestId('team-name').fill('Tổ CNSCĐ xã Bình Hiệp');
    await page.getByTestId('team-commune').selectOption({ label: 'Xã Bình Hiệp' });
    const member = page.getByTestId('team-member');
    await member
      .nth(0)
      .getByLabel(/Họ và tên/)
      .fill('Lê Văn Cường');
    await member
      .nth(0)
      .getByLabel(/Chức vụ/)
      .fill('Tổ trưởng');
    await member.nth(0).getByLabel(/Email/).fill('binhhiep@example.vn');
    await member
      .nth(1)
      .getByLabel(/Họ và tên/)
      .fill('Phạm Thị Dung');
    await member
      .nth(1)
      .getByLabel(/Chức vụ/)
      .fill('Thành viên');
    await shoot(page, 'coordinator-team-register');
    await page.getByTestId('team-register-submit').click();
    await expect.poll(() => page.getByTestId('team-card').count()).toBe(4);
    await shoot(page, 'coordinator-teams');

    await page.getByTestId('tab-entries').click();
    for (const id of [ids.first, ids.third])
      await page.locator(`[data-testid="district-entry"][data-id="${id}"]`).getByTestId('nominate').click();
    await expect.poll(() => quota.getAttribute('data-used')).toBe('2');
    await page
      .locator(`[data-testid="district-entry"][data-id="${ids.second}"]`)
      .getByTestId('nominate')
      .click();
    const refused = page.getByTestId('district-entries-error');
    await expect.poll(() => refused.textContent()).toContain('đã đề cử đủ 2 tác phẩm');
    expect(await quota.textContent()).toContain('2/2 đề cử');
    await shoot(page, 'coordinator-quota-refused');

    await page.getByTestId('forward-nominations').click();
    await page.getByTestId('forward-done').waitFor();
    await expect.poll(() => page.getByTestId('entry-forwarded').count()).toBe(2);
    await shoot(page, 'coordinator-forwarded');
    await page.close();
  });

  it('in the receipt window the secretariat returns one for a fix, the team uploads again, and it is accepted', async () => {
    await app.server.retime('receipt');
    const page = await app.browser.newPage();
    await signInAs(page, app.server.url, THUKY);
    await page.getByTestId('link-inbox').first().click();
    await expect.poll(() => page.getByTestId('inbox-entry').count()).toBe(2);
    await shoot(page, 'secretary-inbox');
    await page.locator(`[data-testid="inbox-entry"][data-id="${ids.first}"] a`).first().click();
    await page.getByTestId('receipt-panel').waitFor();
    await shoot(page, 'secretary-entry');
    await page.getByTestId('receipt-return').click();
    await page.getByTestId('receipt-reason').fill(RETURN_REASON);
    expect(await page.getByTestId('receipt-deadline').inputValue()).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
    );
    await shoot(page, 'secretary-return-form');
    await page.getByTestId('receipt-confirm').click();
    await expect.poll(() => statusOf(page)).toBe('returned');

    await signInAs(page, app.server.url, CHAUO);
    await expect
      .poll(async () => Number(await page.getByTestId('feed-unread').getAttribute('data-count')))
      .toBeGreaterThan(0);
    await shoot(page, 'team-home-feed');
    await page.getByTestId('feed-bell').click();
    await page.getByTestId('feed-item').first().waitFor();
    await shoot(page, 'team-feed');
    await page.getByTestId('feed-mark-read').click();
    await expect.poll(() => page.getByTestId('feed-unread').getAttribute('data-count')).toBe('0');
    await page.goto(`${app.server.url}/app/entries/${ids.first}`);
    await expect.poll(() => statusOf(page)).toBe('returned');
    expect(await page.getByTestId('entry-status-reason').textContent()).toContain(RETURN_REASON);
    await page.getByTestId('entry-fix-deadline').waitFor();
    await shoot(page, 'team-entry-returned');
    // This time the signal drops mid-upload: the card says so, and carries on by itself once back online.
    const patches = await uploadThroughSignalLoss(page, clip.path, 'team-upload-offline');
    await expect.poll(() => statusOf(page), { timeout: 60_000 }).toBe('received');
    expect(patches.filter((o) => o === 0)).toHaveLength(1);
    expect(patches[patches.length - 1]).toBeGreaterThan(0);
    await shoot(page, 'team-entry-resubmitted');

    await signInAs(page, app.server.url, THUKY);
    await page.goto(`${app.server.url}/app/entries/${ids.first}`);
    const manual = page.getByTestId('checklist-manual');
    await expect.poll(() => manual.count()).toBe(2);
    expect(await page.getByTestId('receipt-accept').isDisabled()).toBe(true);
    for (let i = 0; i < 2; i++) {
      await manual.nth(i).check();
      await expect.poll(() => manual.nth(i).isChecked()).toBe(true);
    }
    await page.getByTestId('receipt-accept').click();
    await expect.poll(() => statusOf(page)).toBe('accepted');
    await shoot(page, 'secretary-accepted');
    await page.close();
  });

  it('the organizer follows progress by district, downloads it, and extends one district deadline', async () => {
    const page = await app.browser.newPage();
    await signInAs(page, app.server.url, ORGANIZER);
    await page.getByTestId('open-contest').first().click();
    await page.getByTestId('link-progress').click();
    const binhSon = page.locator('[data-testid="progress-row"][data-code="524"]');
    await expect.poll(() => binhSon.locator('[data-col="submitted"]').textContent()).toBe('3');
    expect(await binhSon.locator('[data-col="nominated"]').textContent()).toBe('2');
    expect(await binhSon.locator('[data-col="accepted"]').textContent()).toBe('1');
    expect(await page.getByTestId('progress-bar').count()).toBe(13);
    await shoot(page, 'organizer-progress');
    const href = (await page.getByTestId('progress-xlsx').getAttribute('href')) ?? '';
    const xlsx = await page.request.get(`${app.server.url}${href}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

    await page.goto(`${app.server.url}/app/contests/${SLUG}`);
    const form = page.getByTestId('extend-deadline');
    await form.scrollIntoViewIfNeeded();
    await page.getByTestId('extend-round').selectOption('district');
    const closes = page.getByTestId('extend-closes-at');
    const current = await closes.inputValue();
    const later = new Date(Date.parse(`${current}:00Z`) + 86_400_000).toISOString().slice(0, 16);
    await closes.fill(later);
    const bs = await orgUnitRepository.findByCode(app.server.deps.db.kysely, '524');
    await page.getByTestId('extend-unit').fill('Bình Sơn');
    await page.getByRole('option', { name: `${bs?.name ?? ''} (524)` }).click();
    await page.getByTestId('extend-reason').fill('Huyện xin thêm một ngày do mưa bão.');
    await shoot(page, 'organizer-extend');
    await page.getByTestId('extend-submit').click();
    await page.getByTestId('extend-done').waitFor();
    const override = await app.server.deps.db.kysely
      .selectFrom('window_overrides')
      .select(['closes_at', 'org_unit_id'])
      .executeTakeFirstOrThrow();
    expect(override).toEqual({ closes_at: `${later}:00`, org_unit_id: bs?.id });
    await page.close();
  });
});
