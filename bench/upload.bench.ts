/**
 * Resumable-upload throughput against the raw disk: a tus upload (tus-js-client, 8 MiB chunks) of a random
 * file through the real app, against `fs.copyFile` of the same file on the same disk, in the same run.
 * The server runs as a child process so its resident memory can be sampled on its own.
 *
 *   npm run bench:upload                      (500 MB)
 *   BENCH_UPLOAD_MB=2000 npm run bench:upload
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as tus from 'tus-js-client';
import { sha256File } from '../packages/server/src/modules/uploads/upload-file.service.js';

const MIB = 1024 * 1024;
const ENDPOINT = '/api/bench-uploads';
const PASSWORD = 'correct horse battery staple';

interface Ready {
  port: number;
  cookie: string;
  csrf: string;
}

/** Child mode: the real app plus the upload plugin with hooks that accept everything. */
async function serve(dir: string): Promise<void> {
  const { pino } = await import('pino');
  const { buildApp } = await import('../packages/server/src/app.js');
  const { loadConfig } = await import('../packages/server/src/infra/config/config.js');
  const { createDeps } = await import('../packages/server/src/runtime.js');
  const { createUser } = await import('../packages/server/src/modules/accounts/user.service.js');
  const { uploadRoutes } = await import('../packages/server/src/modules/uploads/upload.routes.js');

  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
    MEDIA_DIR: join(dir, 'media'),
    UPLOAD_DIR: join(dir, 'app-uploads'),
  });
  const deps = await createDeps(config, { log: pino({ level: 'silent' }) });
  const app = await buildApp(deps);
  await app.register(
    uploadRoutes(
      deps,
      {
        authorize: (request, meta) =>
          Promise.resolve({
            entryId: meta.entryId,
            kind: 'original',
            maxBytes: Number.MAX_SAFE_INTEGER,
            allowedContainers: ['mp4'],
            userId: request.auth?.user.id ?? '',
          }),
        complete: () => Promise.resolve(),
      },
      { directory: join(dir, 'uploads'), path: ENDPOINT },
    ),
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  await createUser(deps, null, { email: 'bench@clipcontest.test', name: 'Bench', password: PASSWORD });
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email: 'bench@clipcontest.test', password: PASSWORD },
  });
  const cookie = res.cookies.find((c) => c.name === 'cc_session')?.value ?? '';
  const { session } = res.json<{ session: { csrfToken: string } }>();
  const ready: Ready = {
    port: (app.server.address() as AddressInfo).port,
    cookie: `cc_session=${cookie}`,
    csrf: session.csrfToken,
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => deps.close())
      .finally(() => process.exit(0));
  });
}

/** A file that sniffs as MP4 (an `ftyp` box) followed by random bytes, written in 8 MiB pieces. */
async function writeSource(path: string, bytes: number): Promise<void> {
  const ftyp = Buffer.alloc(28);
  ftyp.writeUInt32BE(28, 0);
  ftyp.write('ftypisom', 4, 'latin1');
  ftyp.write('isomavc1mp41', 16, 'latin1');
  const out = createWriteStream(path);
  const write = (chunk: Buffer) =>
    new Promise<void>((resolve, reject) => out.write(chunk, (err) => (err ? reject(err) : resolve())));
  await write(ftyp);
  for (let left = bytes - ftyp.length; left > 0; left -= 8 * MIB)
    await write(randomBytes(Math.min(left, 8 * MIB)));
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
}

function rssKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : 0;
}

/** User + system CPU seconds of a process so far (clock ticks are 100 Hz on Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100;
}

function startServer(dir: string): Promise<{ child: ChildProcess; ready: Ready }> {
  // Same Node and the same loader flags (tsx) as this process, but the server's own pid to sample.
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'serve', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited early (${code})`)));
    const lines = createInterface({ input: child.stdout ?? process.stdin });
    lines.once('line', (line) => resolve({ child, ready: JSON.parse(line) as Ready }));
  });
}

function upload(source: string, ready: Ready): Promise<void> {
  return new Promise((resolve, reject) => {
    const up = new tus.Upload(createReadStream(source), {
      endpoint: `http://127.0.0.1:${ready.port}${ENDPOINT}`,
      chunkSize: 8 * MIB,
      retryDelays: [],
      headers: { cookie: ready.cookie, 'x-csrf-token': ready.csrf },
      metadata: { entryId: 'bench', kind: 'original', filename: 'bench.mp4' },
      onSuccess: () => resolve(),
      onError: reject,
    });
    up.start();
  });
}

const mbps = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);

async function main(): Promise<void> {
  const megabytes = Number(process.env.BENCH_UPLOAD_MB ?? 500);
  if (!Number.isFinite(megabytes) || megabytes <= 0)
    throw new Error('BENCH_UPLOAD_MB must be a positive number');
  const bytes = Math.round(megabytes * 1e6);
  const dir = await mkdtemp(join(tmpdir(), 'clipcontest-bench-upload-'));
  let child: ChildProcess | undefined;
  try {
    const source = join(dir, 'source.mp4');
    await writeSource(source, bytes);

    let started = performance.now();
    await copyFile(source, join(dir, 'copy.mp4'));
    const copyMs = performance.now() - started;
    await rm(join(dir, 'copy.mp4'));

    await mkdir(join(dir, 'server'));
    const server = await startServer(join(dir, 'server'));
    child = server.child;
    const pid = child.pid ?? 0;
    const idleRss = rssKiB(pid, 'VmRSS');
    let peakRss = idleRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, rssKiB(pid, 'VmRSS'));
    }, 100);

    const serverCpuBefore = cpuSeconds(pid);
    const clientCpuBefore = process.cpuUsage();
    started = performance.now();
    await upload(source, server.ready);
    const uploadMs = performance.now() - started;
    const serverCpu = cpuSeconds(pid) - serverCpuBefore;
    const clientCpuUsage = process.cpuUsage(clientCpuBefore);
    const clientCpu = (clientCpuUsage.user + clientCpuUsage.system) / 1e6;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, rssKiB(pid, 'VmRSS'));
    const hwm = rssKiB(pid, 'VmHWM');

    started = performance.now();
    await sha256File(source);
    const hashMs = performance.now() - started;

    const uploadRate = mbps(bytes, uploadMs);
    const copyRate = mbps(bytes, copyMs);
    console.log(`file: ${megabytes} MB random (MP4 header), same disk (${tmpdir()})`);
    console.log(`fs.copyFile: ${(copyMs / 1000).toFixed(2)} s, ${copyRate.toFixed(1)} MB/s`);
    console.log(
      `tus upload (8 MiB chunks, loopback): ${(uploadMs / 1000).toFixed(2)} s, ${uploadRate.toFixed(1)} MB/s` +
        ` (includes the server's SHA-256 pass; alone it takes ${(hashMs / 1000).toFixed(2)} s here)`,
    );
    console.log(
      `server RSS: idle ${(idleRss / 1024).toFixed(0)} MB, peak sampled every 100 ms ${(peakRss / 1024).toFixed(0)} MB, VmHWM ${(hwm / 1024).toFixed(0)} MB`,
    );
    console.log(`CPU during the upload: server ${serverCpu.toFixed(2)} s, client ${clientCpu.toFixed(2)} s`);
    console.log(`upload/copy throughput ratio: ${(uploadRate / copyRate).toFixed(2)}`);
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'serve') await serve(process.argv[3] ?? tmpdir());
else await main();
