import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/infra/config/config.js';
import type { Deps } from '../../src/infra/context.js';
import type { Clock } from '../../src/infra/db/ids.js';
import { createDeps } from '../../src/runtime.js';
import { totpCodeAt } from '../../src/modules/accounts/credentials.js';
import type { DialectName } from './databases.js';
import { sharedDatabaseUrl } from './databases.js';
import { startSmtp, type ReceivedMail } from './smtp.js';

export class TestClock implements Clock {
  constructor(private t: Date = new Date()) {}
  now(): Date {
    return new Date(this.t);
  }
  set(d: Date): void {
    this.t = new Date(d);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export interface Harness {
  app: FastifyInstance;
  deps: Deps;
  clock: TestClock;
  inbox: ReceivedMail[];
  close(): Promise<void>;
}

/** The real app on a real database and a real local SMTP server, driven through `app.inject`. */
export async function startHarness(
  dialect: DialectName,
  opts: { databaseUrl?: string } = {},
): Promise<Harness> {
  const smtp = await startSmtp();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: opts.databaseUrl ?? sharedDatabaseUrl(dialect),
    SMTP_URL: smtp.url,
    PUBLIC_URL: 'http://clipcontest.test',
    MEDIA_DIR: mkdtempSync(join(tmpdir(), 'cc-media-')),
    UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'cc-uploads-')),
  });
  const clock = new TestClock();
  const deps = await createDeps(config, { clock, log: pino({ level: 'silent' }) });
  const app = await buildApp(deps);
  // The suite's bar: no request may ever end in a 5xx. Every harness checks it when it closes.
  const serverErrors: string[] = [];
  app.addHook('onResponse', (request, reply, done) => {
    if (reply.statusCode >= 500) serverErrors.push(`${request.method} ${request.url} -> ${reply.statusCode}`);
    done();
  });
  await app.ready();
  return {
    app,
    deps,
    clock,
    inbox: smtp.inbox,
    async close() {
      await app.close();
      await deps.close();
      await smtp.close();
      if (serverErrors.length) throw new Error(`requests ended in 5xx:\n${serverErrors.join('\n')}`);
    },
  };
}

export const unique = (prefix = 't'): string =>
  `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export interface Session {
  cookie: string;
  csrf: string;
}

/** Signs in through the API and keeps what a browser would: the cookie and the CSRF token. */
export async function signInAs(
  app: FastifyInstance,
  email: string,
  password: string,
  totpCode?: string,
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password, ...(totpCode ? { totpCode } : {}) },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return sessionFrom(res);
}

export function sessionFrom(res: LightMyRequestResponse): Session {
  const cookie = res.cookies.find((c) => c.name === 'cc_session');
  if (!cookie) throw new Error('no session cookie');
  const body = res.json<{ session: { csrfToken: string } }>();
  return { cookie: `cc_session=${cookie.value}`, csrf: body.session.csrfToken };
}

export function asUser(s: Session): { cookie: string; 'x-csrf-token': string } {
  return { cookie: s.cookie, 'x-csrf-token': s.csrf };
}

/** Signs in a staff member who must use TOTP: enrols on first use, then signs in with a fresh code. */
export async function signInWithTotp(h: Harness, email: string, password: string): Promise<Session> {
  const first = await signInAs(h.app, email, password);
  const setup = await h.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: asUser(first) });
  if (setup.statusCode !== 200) return first; // already enrolled or not required
  const { secret } = setup.json<{ secret: string }>();
  const confirm = await h.app.inject({
    method: 'POST',
    url: '/api/auth/totp/confirm',
    headers: asUser(first),
    payload: { code: totpCodeAt(secret, h.clock.now()) },
  });
  if (confirm.statusCode !== 200) throw new Error(`TOTP enrolment failed: ${confirm.body}`);
  return first;
}
