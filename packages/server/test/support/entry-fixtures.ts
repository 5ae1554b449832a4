import { randomBytes, createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deps } from '../../src/infra/context.js';
import { entryUploadHooks } from '../../src/modules/entries/entry-media.service.js';
import { orgUnitRepository } from '../../src/modules/org-units/org-unit.repository.js';
import { createUser } from '../../src/modules/accounts/user.service.js';
import { TEST_PASSWORD } from './fixtures.js';
import { asUser, signInAs, unique, type Harness, type Session } from './harness.js';

export interface TeamFixture {
  session: Session;
  userId: string;
  email: string;
  teamId: string;
  unitCode: string;
}

/** A team registered by its district coordinator, whose leader can sign in. */
export async function teamIn(
  h: Harness,
  contest: { id: string; slug: string },
  coordinator: Session,
  unitCode: string,
): Promise<TeamFixture> {
  const email = `${unique('leader')}@test.clipcontest.vn`;
  const leader = {
    ...(await createUser(h.deps, null, { email, name: 'Nguyễn Thị Lan', password: TEST_PASSWORD })),
    password: TEST_PASSWORD,
  };
  const unit = await orgUnitRepository.findByCode(h.deps.db.kysely, unitCode);
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/contests/${contest.slug}/teams`,
    headers: asUser(coordinator),
    payload: {
      orgUnitId: unit?.id,
      name: `Tổ CNSCĐ ${unique()}`,
      members: [
        {
          name: 'Nguyễn Thị Lan',
          position: 'Tổ trưởng',
          phone: '0905000111',
          email: leader.email,
          isLeader: true,
        },
        { name: 'Trần Văn Bình', position: 'Thành viên', isLeader: false },
      ],
    },
  });
  if (res.statusCode !== 201) throw new Error(`team registration failed: ${res.body}`);
  return {
    session: await signInAs(h.app, leader.email, leader.password),
    userId: leader.id,
    email: leader.email,
    teamId: res.json<{ id: string }>().id,
    unitCode,
  };
}

export const declarationsOf = (config: { entryRules: { declarations: Array<{ key: string }> } }) =>
  Object.fromEntries(config.entryRules.declarations.map((d) => [d.key, true]));

/** Records an uploaded video for the entry through the same completion path the tus endpoint uses. */
export async function attachVideo(deps: Deps, entryId: string, bytes = 64 * 1024): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-entry-'));
  const path = join(dir, 'clip.mp4');
  const data = randomBytes(bytes);
  writeFileSync(path, data);
  const sha256 = createHash('sha256').update(data).digest('hex');
  await entryUploadHooks(deps).complete({
    uploadId: unique('up'),
    entryId,
    kind: 'original',
    filename: 'clip.mp4',
    path,
    size: bytes,
    sha256,
    container: 'mp4',
  });
  return sha256;
}

/** A complete entry (fields, declarations, video), submitted. */
export async function submittedEntry(
  h: Harness,
  contest: { slug: string; config: { entryRules: { declarations: Array<{ key: string }> } } },
  team: TeamFixture,
): Promise<string> {
  const created = await h.app.inject({
    method: 'POST',
    url: `/api/contests/${contest.slug}/entries`,
    headers: asUser(team.session),
    payload: {
      title: `Chuyện của Tổ ${unique()}`,
      synopsis: 'Tóm tắt',
      credits: 'Đạo diễn: A',
      declarations: declarationsOf(contest.config),
    },
  });
  if (created.statusCode !== 201) throw new Error(`entry creation failed: ${created.body}`);
  const id = created.json<{ id: string }>().id;
  await attachVideo(h.deps, id);
  const submitted = await h.app.inject({
    method: 'POST',
    url: `/api/entries/${id}/submit`,
    headers: asUser(team.session),
  });
  if (submitted.statusCode !== 200) throw new Error(`submit failed: ${submitted.body}`);
  return id;
}
