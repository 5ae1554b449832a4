import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../src/infra/db/database.js';
import { newId } from '../src/infra/db/ids.js';
import { sha256 } from '../src/modules/accounts/credentials.js';
import { recountVotes } from '../src/modules/voting/moderation.service.js';
import { entriesIn } from './support/voting-fixtures.js';

const BIN = fileURLToPath(new URL('../bin/clipcontest.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const KILLS = 20;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/**
 * A private database: a SQLite file, or on PostgreSQL (when TEST_DATABASE_URL is set) a temporary database
 * named after the test database and dropped afterwards, since the server seeds the demo and the
 * assertions look at the whole database.
 */
async function privateDatabase(
  dialect: 'sqlite' | 'postgres',
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (dialect === 'sqlite')
    return {
      url: `sqlite:${join(mkdtempSync(join(tmpdir(), 'cc-crash-')), 'crash.db')}`,
      drop: () => Promise.resolve(),
    };
  const base = new URL(process.env.TEST_DATABASE_URL ?? '');
  const name = `${base.pathname.slice(1)}_crash_${randomBytes(4).toString('hex')}`;
  const admin = openDatabase(base.toString());
  await sql`create database ${sql.id(name)}`.execute(admin.kysely);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.kysely);
      await admin.close();
    },
  };
}

const crashDialects: Array<'sqlite' | 'postgres'> = process.env.TEST_DATABASE_URL
  ? ['sqlite', 'postgres']
  : ['sqlite'];

/**
 * `clipcontest serve` on a private database, killed with SIGKILL in the middle of a vote load, twenty
 * times. Every vote the server acknowledged must be in the ledger afterwards, and the counters must equal a
 * recount of the ledger.
 */
describe.each(crashDialects)('votes survive SIGKILL of the server (%s)', (dialect) => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-crash-'));
  let dbUrl = '';
  let dropDatabase = async (): Promise<void> => {};
  let port = 0;
  let db: Db;
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    const c = spawn(process.execPath, [BIN, 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: dbUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'true',
        DEMO_PHASE: 'voting',
        JOBS_IN_PROCESS: 'false',
        WEB_DIST_DIR: join(dir, 'no-web'),
        MEDIA_DIR: join(dir, 'media'),
        UPLOAD_DIR: join(dir, 'uploads'),
        VOTE_LIMIT_PER_IP_PER_MINUTE: '1000000',
        VOTE_LIMIT_PER_VOTER_PER_MINUTE: '1000000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = c;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
      const onData = (d: Buffer) => {
        output += d.toString();
        if (output.includes('is serving')) {
          clearTimeout(timer);
          resolve();
        }
      };
      c.stdout?.on('data', onData);
      c.stderr?.on('data', onData);
      c.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code}):\n${output}`));
      });
    });
    c.removeAllListeners('exit');
  }

  async function kill(): Promise<void> {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  }

  beforeAll(async () => {
    const target = await privateDatabase(dialect);
    dbUrl = target.url;
    dropDatabase = target.drop;
    port = await freePort();
    await start(); // migrates and seeds the demo contest
    db = openDatabase(dbUrl);
  }, 90_000);
  afterAll(async () => {
    await kill();
    await db?.close();
    await dropDatabase();
  });

  it(`keeps every acknowledged vote and exact counters across ${KILLS} kills`, async () => {
    const contest = await db.kysely.selectFrom('contests').select('id').executeTakeFirstOrThrow();
    const entries = await entriesIn({ db }, contest, 'published', 10);
    const at = new Date().toISOString();
    const voters: Array<{ id: string; cookie: string }> = [];
    for (let i = 0; i < 200; i++) {
      const id = newId();
      const token = randomBytes(24).toString('base64url');
      await db.kysely
        .insertInto('voters')
        .values({
          id,
          channel: 'email',
          identity: `crash${i}-${id}@example.vn`,
          created_at: at,
          created_ip: null,
        })
        .execute();
      await db.kysely
        .insertInto('voter_sessions')
        .values({
          id: newId(),
          token_hash: sha256(token),
          voter_id: id,
          created_at: at,
          expires_at: new Date(Date.now() + 86_400_000).toISOString(),
        })
        .execute();
      voters.push({ id, cookie: `cc_voter=${token}` });
    }

    const acknowledged = new Set<string>();
    let sent = 0;
    for (let round = 0; round < KILLS; round++) {
      if (round > 0) await start();
      let stop = false;
      const load = Array.from({ length: 16 }, async () => {
        while (!stop) {
          const voter = voters[Math.floor(Math.random() * voters.length)]!;
          const entry = entries[Math.floor(Math.random() * entries.length)]!;
          const share = Math.random() < 0.3;
          sent++;
          try {
            const res = await fetch(
              `http://127.0.0.1:${port}/api/entries/${entry}/${share ? 'share' : 'like'}`,
              {
                method: 'POST',
                headers: {
                  cookie: voter.cookie,
                  'idempotency-key': `crash-${randomBytes(8).toString('hex')}`,
                  ...(share ? { 'content-type': 'application/json' } : {}),
                },
                ...(share ? { body: JSON.stringify({ target: 'zalo' }) } : {}),
              },
            );
            if (res.status === 200) acknowledged.add(`${voter.id}|${entry}|${share ? 'share' : 'like'}`);
            else if (res.status >= 500) throw new Error(`server error ${res.status}`);
          } catch (e) {
            if (e instanceof Error && e.message.startsWith('server error')) throw e;
            // The connection died with the process: not acknowledged.
            return;
          }
        }
      });
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 350));
      await kill();
      stop = true;
      await Promise.all(load);
    }

    const ledger = await db.kysely
      .selectFrom('votes')
      .select(['voter_id', 'entry_id', 'kind'])
      .where('undone_at', 'is', null)
      .where('entry_id', 'in', entries)
      .execute();
    const stored = new Set(ledger.map((v) => `${v.voter_id}|${v.entry_id}|${v.kind}`));
    const lost = [...acknowledged].filter((k) => !stored.has(k));
    console.log(
      `crash test: ${sent} requests, ${acknowledged.size} distinct acknowledged votes, ${ledger.length} in the ledger, ${lost.length} lost`,
    );
    expect(acknowledged.size).toBeGreaterThan(50);
    expect(lost).toEqual([]);
    expect((await recountVotes({ db }, { repair: false })).mismatches).toEqual([]);
    // One active vote per voter × entry × kind, whatever the retries.
    expect(stored.size).toBe(ledger.length);
  }, 400_000);
});
