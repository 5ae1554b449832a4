/**
 * The like endpoint under a burst: autocannon (100 connections) against `POST /api/entries/:id/like`
 * (verified voters, an Idempotency-Key per request, every request a new voter × entry pair so that each
 * one writes a vote), against a baseline route of the same server that inserts one row per request into
 * the same database. SQLite always; PostgreSQL too when TEST_DATABASE_URL is set. The server runs as a
 * child process so that the load generator does not share its event loop.
 *
 *   npm run bench:votes
 *   BENCH_SECONDS=20 npm run bench:votes
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannonModule from 'autocannon';

// The slice of autocannon's API used here (its type package does not resolve in the lint's default project).
interface CannonRequest {
  method: string;
  setupRequest: (req: { headers?: Record<string, string> }) => Record<string, unknown>;
}
interface CannonOptions {
  url: string;
  duration?: number;
  connections?: number;
  title?: string;
  requests: CannonRequest[];
}
interface CannonResult {
  requests: { average: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
}
const autocannon = autocannonModule as unknown as (opts: CannonOptions) => Promise<CannonResult>;

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const VOTERS = 4000;
/** BENCH_IDEMPOTENCY=0 sends likes without an Idempotency-Key (one write less per vote). */
const IDEMPOTENCY = process.env.BENCH_IDEMPOTENCY !== '0';
const ENTRIES = 40;

interface Ready {
  port: number;
  entries: string[];
  tokensFile: string;
}

/** Child mode: the real app, a seeded contest in its voting phase, voters, and the baseline route. */
async function serve(dialect: 'sqlite' | 'postgres', dir: string): Promise<void> {
  const { pino } = await import('pino');
  const { sql } = await import('kysely');
  const { demoContestConfig } = await import('../packages/core/src/index.js');
  const { buildApp } = await import('../packages/server/src/app.js');
  const { loadConfig } = await import('../packages/server/src/infra/config/config.js');
  const { createDeps } = await import('../packages/server/src/runtime.js');
  const { newId } = await import('../packages/server/src/infra/db/ids.js');
  const { sha256 } = await import('../packages/server/src/modules/accounts/credentials.js');
  const { createContest } = await import('../packages/server/src/modules/contests/contest.service.js');
  const { ensureQuangNgai } = await import('../packages/server/test/support/fixtures.js');
  const { entriesIn } = await import('../packages/server/test/support/voting-fixtures.js');

  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL:
      dialect === 'postgres' ? (process.env.TEST_DATABASE_URL ?? '') : `sqlite:${join(dir, 'bench.db')}`,
    MEDIA_DIR: join(dir, 'media'),
    UPLOAD_DIR: join(dir, 'uploads'),
    VOTE_LIMIT_PER_IP_PER_MINUTE: '100000000',
    VOTE_LIMIT_PER_VOTER_PER_MINUTE: '100000000',
  });
  const deps = await createDeps(config, { log: pino({ level: 'silent' }) });
  const db = deps.db.kysely;
  await ensureQuangNgai(deps);
  const slug = `bench-${Date.now().toString(36)}`;
  const contest = await createContest(deps, null, {
    ...demoContestConfig({ phase: 'voting', now: new Date() }),
    slug,
  });
  const entries = await entriesIn(deps, contest, 'published', ENTRIES);
  const at = new Date().toISOString();
  const expires = new Date(Date.now() + 86_400_000).toISOString();
  const tokens: string[] = [];
  const voters = [];
  const sessions = [];
  for (let i = 0; i < VOTERS; i++) {
    const id = newId();
    const token = randomBytes(24).toString('base64url');
    tokens.push(token);
    voters.push({
      id,
      channel: 'email' as const,
      identity: `${slug}-${i}@bench.example`,
      created_at: at,
      created_ip: null,
    });
    sessions.push({
      id: newId(),
      token_hash: sha256(token),
      voter_id: id,
      created_at: at,
      expires_at: expires,
    });
  }
  for (let i = 0; i < VOTERS; i += 500) {
    await db
      .insertInto('voters')
      .values(voters.slice(i, i + 500))
      .execute();
    await db
      .insertInto('voter_sessions')
      .values(sessions.slice(i, i + 500))
      .execute();
  }
  // The baseline's table: one row per request, in the same database, through the same stack.
  await sql`create table if not exists bench_rows (id text primary key, entry_id text not null, created_at text not null)`.execute(
    db,
  );

  const app = await buildApp(deps);
  app.post<{ Params: { id: string } }>('/api/bench/baseline/:id', async (request) => {
    const row = { id: newId(), entry_id: request.params.id, created_at: new Date().toISOString() };
    await sql`insert into bench_rows (id, entry_id, created_at) values (${row.id}, ${row.entry_id}, ${row.created_at})`.execute(
      db,
    );
    return { ok: true };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const tokensFile = join(dir, `${dialect}-tokens.json`);
  writeFileSync(tokensFile, JSON.stringify(tokens));
  const ready: Ready = { port: (app.server.address() as AddressInfo).port, entries, tokensFile };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  // A clean exit on SIGTERM lets `node --cpu-prof` write the server's profile.
  process.once('SIGTERM', () => process.exit(0));
}

function startServer(dialect: string, dir: string): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), 'serve', dialect, dir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve({ child, ready: JSON.parse(line) as Ready }));
  });
}

interface Run {
  rps: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function run(title: string, opts: CannonOptions): Promise<Run> {
  const r = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...opts, title });
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

async function bench(dialect: 'sqlite' | 'postgres'): Promise<{ like: Run; baseline: Run }> {
  const dir = await mkdtemp(join(tmpdir(), 'cc-bench-votes-'));
  const { child, ready } = await startServer(dialect, dir);
  try {
    const tokens = JSON.parse(readFileSync(ready.tokensFile, 'utf8')) as string[];
    const base = `http://127.0.0.1:${ready.port}`;
    let n = 0;
    const nextPair = () => {
      const i = n++;
      const voter = tokens[i % tokens.length] ?? '';
      const entry = ready.entries[Math.floor(i / tokens.length) % ready.entries.length] ?? '';
      return { voter, entry };
    };
    // Warm-up: JIT, connection pools, statement caches.
    await run('warm-up', {
      url: base,
      duration: 2,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({ ...req, path: `/api/bench/baseline/${nextPair().entry}` }),
        },
      ],
    });
    const baseline = await run('baseline', {
      url: base,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({ ...req, path: `/api/bench/baseline/${nextPair().entry}` }),
        },
      ],
    });
    n = 0;
    const like = await run('like', {
      url: base,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const { voter, entry } = nextPair();
            return {
              ...req,
              path: `/api/entries/${entry}/like`,
              headers: {
                ...req.headers,
                cookie: `cc_voter=${voter}`,
                ...(IDEMPOTENCY ? { 'idempotency-key': `bench-${randomBytes(9).toString('hex')}` } : {}),
              },
            };
          },
        },
      ],
    });
    if (n > tokens.length * ready.entries.length)
      console.warn('warning: voter × entry pairs ran out; later likes were repeats');
    return { like, baseline };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const dialects: Array<'sqlite' | 'postgres'> = process.env.TEST_DATABASE_URL
    ? ['sqlite', 'postgres']
    : ['sqlite'];
  const ratios: string[] = [];
  for (const dialect of dialects) {
    const { like, baseline } = await bench(dialect);
    console.log(
      `${dialect}: baseline insert ${baseline.rps.toFixed(0)} req/s, p99 ${baseline.p99} ms (non-2xx ${baseline.non2xx}, errors ${baseline.errors})`,
    );
    console.log(
      `${dialect}: like ${like.rps.toFixed(0)} votes/s, p99 ${like.p99} ms (non-2xx ${like.non2xx}, errors ${like.errors})`,
    );
    ratios.push(`${dialect} ${(like.rps / baseline.rps).toFixed(2)} (p99 ${like.p99} ms)`);
  }
  console.log(`like/baseline ratio (${CONNECTIONS} connections, ${SECONDS} s): ${ratios.join(' · ')}`);
}

if (process.argv[2] === 'serve')
  await serve(process.argv[3] as 'sqlite' | 'postgres', process.argv[4] ?? tmpdir());
else await main();
