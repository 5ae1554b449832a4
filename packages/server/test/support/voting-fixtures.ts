import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../src/infra/context.js';
import { newId } from '../../src/infra/db/ids.js';
import { orgUnitRepository } from '../../src/modules/org-units/org-unit.repository.js';
import type { Harness } from './harness.js';
import { unique } from './harness.js';

/** Solves the server's proof-of-work challenge the way the browser does. */
export async function solvedAltcha(app: FastifyInstance): Promise<unknown> {
  const res = await app.inject({ method: 'GET', url: '/api/voting/challenge' });
  if (res.statusCode !== 200) throw new Error(`challenge: ${res.statusCode} ${res.body}`);
  const challenge = res.json<Challenge>();
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('challenge not solved');
  return { challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
}

/** The code from the last voting email sent to `to`. */
export function otpFromInbox(h: Harness, to: string): string {
  const mail = [...h.inbox].reverse().find((m) => m.to === to && /\d{6}/.test(m.subject));
  const code = /(\d{6})/.exec(mail?.subject ?? '')?.[1];
  if (!code) throw new Error(`no code mailed to ${to}`);
  return code;
}

/** A verified voter (email OTP through the real SMTP server): the `cc_voter` cookie. */
export async function verifiedVoter(h: Harness, email = `${unique('voter')}@example.vn`): Promise<string> {
  const requested = await h.app.inject({
    method: 'POST',
    url: '/api/voting/otp/request',
    payload: { channel: 'email', address: email, altcha: await solvedAltcha(h.app) },
  });
  if (requested.statusCode !== 202) throw new Error(`otp request: ${requested.body}`);
  const verified = await h.app.inject({
    method: 'POST',
    url: '/api/voting/otp/verify',
    payload: { channel: 'email', address: email, code: otpFromInbox(h, email.toLowerCase()) },
  });
  const cookie = verified.cookies.find((c) => c.name === 'cc_voter');
  if (verified.statusCode !== 200 || !cookie) throw new Error(`otp verify: ${verified.body}`);
  return `cc_voter=${cookie.value}`;
}

/** Entries inserted straight into a state (a fast path past the submission and receipt workflow). */
export async function entriesIn(
  deps: Pick<Deps, 'db'>,
  contest: { id: string },
  status: string,
  count: number,
  unitCode = '21040',
): Promise<string[]> {
  const db = deps.db.kysely;
  const unit = await orgUnitRepository.findByCode(db, unitCode);
  if (!unit) throw new Error(`no unit ${unitCode}`);
  const at = new Date().toISOString();
  let team = await db
    .selectFrom('teams')
    .select('id')
    .where('contest_id', '=', contest.id)
    .where('org_unit_id', '=', unit.id)
    .executeTakeFirst();
  if (!team) {
    team = { id: newId() };
    await db
      .insertInto('teams')
      .values({
        id: team.id,
        contest_id: contest.id,
        org_unit_id: unit.id,
        name: `Tổ CNSCĐ ${unit.name}`,
        status: 'approved',
        created_at: at,
        created_by: null,
        approved_at: at,
        approved_by: null,
      })
      .execute();
  }
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = newId();
    ids.push(id);
    await db
      .insertInto('entries')
      .values({
        id,
        contest_id: contest.id,
        round_key: 'final',
        team_id: team.id,
        org_unit_id: unit.id,
        scope_unit_id: unit.parent_id,
        title: `Chuyện của Tổ ${unique()}`,
        synopsis: 'Tổ công nghệ số cộng đồng giúp người dân dùng dịch vụ công trực tuyến.',
        credits: 'Đạo diễn: Nguyễn Văn A',
        declarations_json: '{}',
        checklist_json: '{}',
        status,
        status_reason: null,
        fix_deadline: null,
        original_media_id: null,
        subtitle_media_id: null,
        submitted_at: at,
        forwarded_at: at,
        version: 1,
        created_by: newId(),
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  return ids;
}
