/**
 * Lighthouse (mobile profile: Moto G-class CPU, slow 4G, simulated throttling) on the public pages of the
 * production build, served by the real `clipcontest serve` on a fresh SQLite demo in its voting phase.
 * The baseline, measured in the same run, is a static page of the same server with no JavaScript at all
 * (the best this machine and profile can score), so the last line's ratio reads "how close to free".
 * Goal (issue 5): each public page scores at least 90.
 *
 *   npm run bench:lighthouse
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ensureWebBuild } from '../scripts/web-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function startServer(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, 'packages/server/bin/clipcontest.mjs'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
      MEDIA_DIR: join(dir, 'media'),
      UPLOAD_DIR: join(dir, 'uploads'),
      DEMO_PHASE: 'voting',
    },
    // Not inherited: a server left behind by a crash must not hold the caller's pipes open.
    stdio: 'ignore',
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start');
}

/** A page with text and no script: the best score this machine and profile allow. */
async function staticBaseline(): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" ' +
        'content="width=device-width, initial-scale=1"><title>baseline</title></head><body><h1>Cuộc thi</h1>' +
        '<p>Trang tĩnh làm mốc so sánh.</p></body></html>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

interface Score {
  score: number;
  metrics: string;
}

const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
] as const;

async function performanceScore(url: string, port: number, attempt = 1): Promise<Score> {
  const result = await lighthouse(url, {
    port,
    onlyCategories: ['performance'],
    output: 'json',
    logLevel: process.env.LH_LOG === 'info' ? 'info' : 'error',
  });
  const score = result?.lhr.categories['performance']?.score;
  if (typeof score !== 'number') {
    // A run can fail on a loaded machine (e.g. NO_FCP): try again rather than report nothing.
    const why = result?.lhr.runtimeError?.code ?? 'unknown';
    if (attempt < 3) return performanceScore(url, port, attempt + 1);
    throw new Error(`no performance score for ${url} after ${attempt} runs (${why})`);
  }
  const metrics = METRICS.map(
    ([id, label]) => `${label} ${result?.lhr.audits[id]?.displayValue ?? '-'}`,
  ).join(', ');
  return { score: Math.round(score * 100), metrics };
}

async function main(): Promise<void> {
  ensureWebBuild();
  const dir = await mkdtemp(join(tmpdir(), 'clipcontest-lighthouse-'));
  const port = 4600 + Math.floor(Math.random() * 300);
  const server = await startServer(dir, port);
  process.on('exit', () => server.kill('SIGKILL'));
  await mkdir(join(dir, 'chrome'));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
    userDataDir: join(dir, 'chrome'),
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    const gallery = (await (await fetch(`${base}/api/public/contests/quang-ngai-2023/entries`)).json()) as {
      entries?: Array<{ id: string }>;
    };
    const entryId = gallery.entries?.[0]?.id;
    if (!entryId) throw new Error('the demo has no published entry to open');
    const pages: Array<[string, string]> = [
      ['contest list', `${base}/`],
      ['landing', `${base}/c/quang-ngai-2023`],
      ['gallery', `${base}/c/quang-ngai-2023/entries`],
      ['entry', `${base}/c/quang-ngai-2023/e/${entryId}`],
    ];
    const baseline = (await performanceScore(await staticBaseline(), chrome.port)).score;
    console.log(`baseline (static page, no app JavaScript): ${baseline}`);
    const scores: number[] = [];
    for (const [name, url] of pages) {
      const { score, metrics } = await performanceScore(url, chrome.port);
      scores.push(score);
      console.log(`${name}: ${score}${score >= 90 ? '' : '  (below the goal of 90)'} — ${metrics}`);
    }
    const worst = Math.min(...scores);
    console.log(`lowest public page score ${worst} vs baseline ${baseline}`);
    console.log(
      `lighthouse mobile performance ratio (worst public page / static baseline): ${(worst / baseline).toFixed(2)}`,
    );
  } finally {
    chrome.kill();
    server.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
