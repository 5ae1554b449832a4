import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContestConfig } from '@clipcontest/core';
import { auditRepository } from '../src/modules/audit/audit.repository.js';
import { orgUnitRepository } from '../src/modules/org-units/org-unit.repository.js';
import { dialects } from './support/databases.js';
import { createStaff, createTestContest, ensureQuangNgai } from './support/fixtures.js';
import {
  asUser,
  signInAs,
  signInWithTotp,
  startHarness,
  unique,
  type Harness,
  type Session,
} from './support/harness.js';

describe.each(dialects)('staff accounts, roles and error answers on %s', (dialect) => {
  let h: Harness;
  let admin: Session;
  let organizer: Session;
  let contest: { id: string; slug: string };
  let otherContest: { id: string; slug: string };

  beforeAll(async () => {
    h = await startHarness(dialect);
    await ensureQuangNgai(h.deps);
    contest = await createTestContest(h.deps);
    otherContest = await createTestContest(h.deps);
    const a = await createStaff(h.deps, 'admin');
    admin = await signInWithTotp(h, a.email, a.password);
    const o = await createStaff(h.deps, 'organizer', { contestId: contest.id });
    organizer = await signInWithTotp(h, o.email, o.password);
  });
  afterAll(() => h.close());

  it('lets an admin create an account; the person gets a set-password link by email', async () => {
    const email = `${unique('new')}@test.clipcontest.vn`;
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: asUser(admin),
      payload: { email, name: 'Nguyễn Văn A' },
    });
    expect(res.statusCode).toBe(201);
    const mail = h.inbox.find((m) => m.to === email);
    expect(mail?.text).toContain('/reset-password?token=');
    const dup = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: asUser(admin),
      payload: { email: email.toUpperCase(), name: 'B' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json<{ code: string }>().code).toBe('email_taken');
    const notAdmin = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: asUser(organizer),
      payload: { email: `${unique()}@x.vn`, name: 'C' },
    });
    expect(notAdmin.statusCode).toBe(403);
  });

  it('lets an organizer assign roles in their contest only, never admin, with an audit row', async () => {
    const person = await createStaff(h.deps, 'observer', { contestId: contest.id });
    const district = await orgUnitRepository.findByCode(h.deps.db.kysely, '528');
    const ok = await h.app.inject({
      method: 'POST',
      url: `/api/users/${person.id}/roles`,
      headers: asUser(organizer),
      payload: { role: 'coordinator', contestId: contest.id, orgUnitId: district?.id },
    });
    expect(ok.statusCode).toBe(200);
    const assignment = ok
      .json<{ assignments: Array<{ id: string; role: string; orgUnitName: string | null }> }>()
      .assignments.find((x) => x.role === 'coordinator');
    expect(assignment?.orgUnitName).toBe('Huyện Tư Nghĩa');
    const audit = await auditRepository.list(h.deps.db.kysely, { contestId: contest.id, limit: 1 });
    expect(audit[0]).toMatchObject({
      action: 'role.assigned',
      subjectId: person.id,
      data: { role: 'coordinator' },
    });

    const elsewhere = await h.app.inject({
      method: 'POST',
      url: `/api/users/${person.id}/roles`,
      headers: asUser(organizer),
      payload: { role: 'judge', contestId: otherContest.id },
    });
    expect(elsewhere.statusCode).toBe(403);
    const toAdmin = await h.app.inject({
      method: 'POST',
      url: `/api/users/${person.id}/roles`,
      headers: asUser(organizer),
      payload: { role: 'admin' },
    });
    expect(toAdmin.statusCode).toBe(403);
    const unscoped = await h.app.inject({
      method: 'POST',
      url: `/api/users/${person.id}/roles`,
      headers: asUser(organizer),
      payload: { role: 'team', contestId: contest.id },
    });
    expect(unscoped.json<{ code: string }>().code).toBe('role_scope_required');
    const removed = await h.app.inject({
      method: 'DELETE',
      url: `/api/users/${person.id}/roles/${assignment?.id}`,
      headers: asUser(organizer),
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json<{ assignments: Array<{ role: string }> }>().assignments.map((x) => x.role)).toEqual([
      'observer',
    ]);
  });

  it('answers bad input with a 4xx and a stable code, never a 5xx', async () => {
    const cases: Array<{ req: InjectOptions & { url: string }; status: number; code: string }> = [
      {
        req: {
          method: 'POST',
          url: '/api/auth/sign-in',
          headers: { 'content-type': 'application/json' },
          payload: '{"email":',
        },
        status: 400,
        code: 'invalid_json',
      },
      {
        req: { method: 'POST', url: '/api/auth/sign-in', payload: { email: 'a@b.c' } },
        status: 400,
        code: 'invalid_request',
      },
      {
        req: {
          method: 'POST',
          url: '/api/auth/sign-in',
          headers: { 'content-type': 'text/plain' },
          payload: 'hi',
        },
        status: 415,
        code: 'unsupported_media_type',
      },
      {
        req: {
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { email: 'a@b.c', password: 'x'.repeat(2_000_000) },
        },
        status: 413,
        code: 'body_too_large',
      },
      { req: { method: 'GET', url: '/api/nothing-here' }, status: 404, code: 'route_not_found' },
      {
        req: { method: 'GET', url: '/api/audit?limit=5000', headers: { cookie: admin.cookie } },
        status: 400,
        code: 'invalid_request',
      },
      {
        req: {
          method: 'PUT',
          url: `/api/contests/${contest.slug}/config`,
          headers: asUser(organizer),
          payload: { config: 'nope', expectedVersion: 1 },
        },
        status: 400,
        code: 'invalid_config',
      },
      {
        req: {
          method: 'PUT',
          url: `/api/contests/${contest.slug}/config`,
          headers: asUser(organizer),
          payload: { config: {}, expectedVersion: 'one' },
        },
        status: 400,
        code: 'invalid_request',
      },
      {
        req: {
          method: 'POST',
          url: `/api/users/nope/roles`,
          headers: asUser(admin),
          payload: { role: 'emperor' },
        },
        status: 400,
        code: 'invalid_request',
      },
      {
        req: {
          method: 'POST',
          url: `/api/users/nope/roles`,
          headers: asUser(admin),
          payload: { role: 'observer', contestId: contest.id },
        },
        status: 404,
        code: 'user_not_found',
      },
      { req: { method: 'GET', url: '/api/me/home' }, status: 401, code: 'unauthenticated' },
    ];
    for (const c of cases) {
      const res = await h.app.inject(c.req);
      expect({ url: c.req.url, status: res.statusCode, code: res.json<{ code: string }>().code }).toEqual({
        url: c.req.url,
        status: c.status,
        code: c.code,
      });
      expect(res.json<{ messages: { vi: string; en: string } }>().messages.vi).toBeTruthy();
    }
    const bad = await h.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'a@b.c' } });
    expect(bad.json<{ issues: Array<{ path: string }> }>().issues.map((i) => i.path)).toContain(
      'body.password',
    );
  });

  it('serves health, the OpenAPI document and the audit log to those allowed', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({
      status: 'ok',
      database: dialect,
    });
    const doc = await h.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths)).toContain(
      '/api/contests/{slug}/config',
    );
    const audit = await h.app.inject({
      method: 'GET',
      url: `/api/audit?contestId=${contest.id}`,
      headers: { cookie: organizer.cookie },
    });
    expect(audit.statusCode).toBe(200);
    const foreign = await h.app.inject({
      method: 'GET',
      url: `/api/audit?contestId=${otherContest.id}`,
      headers: { cookie: organizer.cookie },
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('lets an admin create a contest from a configuration; organizers cannot; slugs are unique', async () => {
    const config = { ...demoContestConfig({ phase: 'launch', now: h.clock.now() }), slug: unique('new-') };
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/contests',
      headers: asUser(admin),
      payload: { config },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<{ slug: string; version: number; phase: string }>()).toMatchObject({
      slug: config.slug,
      version: 1,
      phase: 'launch',
    });
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/contests',
      headers: asUser(admin),
      payload: { config },
    });
    expect(again.json<{ code: string }>().code).toBe('contest_slug_taken');
    const byOrganizer = await h.app.inject({
      method: 'POST',
      url: '/api/contests',
      headers: asUser(organizer),
      payload: { config: { ...config, slug: unique('x-') } },
    });
    expect(byOrganizer.statusCode).toBe(403);
    const invalid = await h.app.inject({
      method: 'POST',
      url: '/api/contests',
      headers: asUser(admin),
      payload: { config: { ...config, slug: 'Not A Slug' } },
    });
    expect(invalid.json<{ code: string; issues: Array<{ path: string }> }>()).toMatchObject({
      code: 'invalid_config',
      issues: [{ path: 'slug' }],
    });
  });

  it('shows each person their contests and units on the home page', async () => {
    const coord = await createStaff(h.deps, 'coordinator', { contestId: contest.id, orgUnitCode: '524' });
    const s = await signInAs(h.app, coord.email, coord.password);
    const home = await h.app.inject({ method: 'GET', url: '/api/me/home', headers: { cookie: s.cookie } });
    const body = home.json<{
      contests: Array<{ slug: string; myRoles: string[] }>;
      orgUnits: Array<{ code: string }>;
    }>();
    expect(body.contests).toEqual([
      expect.objectContaining({ slug: contest.slug, myRoles: ['coordinator'] }),
    ]);
    expect(body.orgUnits.map((u) => u.code)).toEqual(['524']);
  });
});
