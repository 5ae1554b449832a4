import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { nowIso, type Clock } from '../db/ids.js';
import {
  DEFAULT_QUEUE,
  PermanentJobError,
  type JobCatalog,
  type JobDefinitions,
  type JobHandler,
  type JobHandlers,
} from './job-catalog.js';
import { jobRepository, type JobRow, type LeaseRef } from './job.repository.js';
import { onEnqueued } from './job-signal.js';

export interface WorkerOptions<D extends JobDefinitions> {
  db: Db;
  clock: Clock;
  log: Logger;
  catalog: JobCatalog<D>;
  handlers: JobHandlers<D>;
  queue?: string;
  /** Jobs in flight at once in this worker (default 4). */
  concurrency?: number;
  /** How often to look for due jobs when idle (default 1 s). */
  pollMs?: number;
  /** How long a claimed job stays ours without a heartbeat (default 60 s); a crash frees it after this. */
  leaseMs?: number;
  /** How often in-flight leases are extended (default a third of the lease). */
  heartbeatMs?: number;
  /** Retry delay: base × 2^(attempt−1), capped, with jitter (default 2 s … 1 h). */
  backoff?: { baseMs: number; maxMs: number };
  /** Jitter source in [0, 1); injectable so tests can pin retry times. */
  random?: () => number;
  workerId?: string;
  /** `stop()`'s default wait for in-flight handlers before aborting them (default 30 s). */
  shutdownTimeoutMs?: number;
}

interface Running {
  ref: LeaseRef;
  controller: AbortController;
  /** Why the signal was aborted, so the failure it causes is not counted as the job's fault. */
  interrupted?: 'stopping' | 'lease-lost';
  settled: boolean;
  done: Promise<void>;
}

/** After an in-process enqueue the job may not be committed yet (PostgreSQL): look once more shortly. */
const WAKE_RECHECK_MS = 100;
/** After aborting handlers at the stop deadline, how long they get to unwind before leases are released. */
const ABORT_GRACE_MS = 1_000;
const MAX_ERROR_CHARS = 4_000;

export function retryDelayMs(attempt: number, backoff: { baseMs: number; maxMs: number }, random: number) {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  // "Equal jitter": at least half the exponential delay, so retries spread out but never bunch up early.
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}

/** Host, pid and a random suffix: unique per worker, and an operator can tell which process holds a job. */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

function errorText(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.slice(0, MAX_ERROR_CHARS);
}

/**
 * Works one queue: claims due jobs up to its concurrency, runs their handlers under a lease it keeps
 * extending, and records success, a backed-off retry or failure. Several workers (in one process or many)
 * may share a queue; the claim guarantees a job runs in one of them at a time.
 */
export class Worker<D extends JobDefinitions> {
  readonly id: string;
  readonly queue: string;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly backoff: { baseMs: number; maxMs: number };
  private readonly random: () => number;
  private readonly names: readonly string[];
  private readonly running = new Map<string, Running>();
  private started = false;
  private stopping = false;
  private stopped: Promise<void> | undefined;
  private polling: Promise<void> | undefined;
  private pollAgain = false;
  private timer: NodeJS.Timeout | undefined;
  private timerDue = 0;
  private heartbeat: NodeJS.Timeout | undefined;
  private extending = false;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly opts: WorkerOptions<D>) {
    const handlers: Record<string, unknown> = opts.handlers;
    const missing = opts.catalog.names.filter((n) => typeof handlers[n] !== 'function');
    if (missing.length) throw new Error(`no handler for job(s): ${missing.join(', ')}`);
    const extra = Object.keys(handlers).filter((n) => !(n in opts.catalog.definitions));
    if (extra.length) throw new Error(`handler(s) for undeclared job(s): ${extra.join(', ')}`);
    this.names = opts.catalog.names;
    this.queue = opts.queue ?? DEFAULT_QUEUE;
    this.concurrency = Math.max(1, opts.concurrency ?? 4);
    this.pollMs = opts.pollMs ?? 1_000;
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.heartbeatMs = opts.heartbeatMs ?? Math.max(10, Math.floor(this.leaseMs / 3));
    this.backoff = opts.backoff ?? { baseMs: 2_000, maxMs: 3_600_000 };
    this.random = opts.random ?? Math.random;
    this.id = opts.workerId ?? newWorkerId();
  }

  get inFlight(): number {
    return this.running.size;
  }

  /** Starts polling (and listening for in-process enqueues) until `stop()`. */
  start(): void {
    if (this.started || this.stopping) return;
    this.started = true;
    this.unsubscribe = onEnqueued(this.queue, () => {
      this.poll();
      this.pollIn(WAKE_RECHECK_MS);
    });
    this.poll();
  }

  /**
   * Claims what fits and runs it to completion; for callers that drive the worker themselves (tests, a
   * one-off drain). Returns how many jobs were claimed.
   */
  async runOnce(): Promise<number> {
    const before = new Set(this.running.keys());
    const claimed = await this.claim();
    await Promise.all([...this.running].filter(([id]) => !before.has(id)).map(([, r]) => r.done));
    return claimed;
  }

  /**
   * Stops claiming, waits up to `timeoutMs` for in-flight handlers, then aborts them through their signal
   * and gives their jobs back (leases released) so another worker can run them at once.
   */
  stop(opts: { timeoutMs?: number } = {}): Promise<void> {
    this.stopped ??= this.shutdown(opts.timeoutMs ?? this.opts.shutdownTimeoutMs ?? 30_000);
    return this.stopped;
  }

  private async shutdown(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    clearTimeout(this.timer);
    await this.polling;
    if (!(await this.settleWithin(timeoutMs))) {
      for (const r of this.running.values()) {
        r.interrupted = 'stopping';
        r.controller.abort(new Error('the worker is stopping'));
      }
      await this.settleWithin(Math.min(ABORT_GRACE_MS, timeoutMs));
      const now = nowIso(this.opts.clock);
      for (const r of this.running.values()) {
        // A handler that ignores its signal may still finish, but its result can no longer be recorded.
        await jobRepository
          .release(this.opts.db.kysely, r.ref, now)
          .catch((e: unknown) => this.opts.log.error({ err: e, jobId: r.ref.id }, 'could not release a job'));
      }
    }
    this.stopHeartbeat();
  }

  private async settleWithin(ms: number): Promise<boolean> {
    const all = Promise.allSettled([...this.running.values()].map((r) => r.done)).then(() => true);
    let t: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((r) => (t = setTimeout(() => r(false), ms)));
    try {
      return await Promise.race([all, timeout]);
    } finally {
      clearTimeout(t);
    }
  }

  /** Polls now, or right after the poll in progress (so no wake-up is lost). */
  private poll(): void {
    if (this.stopping) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    this.polling = (async () => {
      try {
        do {
          this.pollAgain = false;
          await this.claim();
        } while (this.pollAgain && !this.stopping);
      } catch (e) {
        this.opts.log.error({ err: e, queue: this.queue }, 'claiming jobs failed; retrying at the next poll');
      } finally {
        this.polling = undefined;
        this.pollIn(this.pollMs);
      }
    })();
  }

  /** Schedules a poll; an earlier one already scheduled wins. Timers are real time: this is pacing only. */
  private pollIn(ms: number): void {
    if (this.stopping || !this.started) return;
    const due = performance.now() + ms;
    if (this.timer && this.timerDue <= due) return;
    clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.poll();
    }, ms);
  }

  private async claim(): Promise<number> {
    const free = this.concurrency - this.running.size;
    if (free < 1 || this.stopping) return 0;
    const { db, clock } = this.opts;
    const now = clock.now();
    const req = { queue: this.queue, names: this.names, now: now.toISOString() };
    await jobRepository.failExhausted(db, req);
    const jobs = await jobRepository.claim(db, {
      ...req,
      workerId: this.id,
      limit: free,
      lockedUntil: new Date(now.getTime() + this.leaseMs).toISOString(),
    });
    for (const job of jobs) this.launch(job);
    // A full batch suggests more are due: look again as soon as a slot frees (see launch).
    return jobs.length;
  }

  private launch(job: JobRow): void {
    const r: Running = {
      ref: { id: job.id, workerId: this.id, attempt: job.attempts },
      controller: new AbortController(),
      settled: false,
      done: Promise.resolve(),
    };
    r.done = this.execute(job, r)
      .catch((e: unknown) =>
        // The database failed us mid-job: the lease expires and another attempt picks the job up.
        this.opts.log.error({ err: e, jobId: job.id }, 'could not record a job outcome'),
      )
      .finally(() => {
        this.running.delete(job.id);
        if (this.running.size === 0) this.stopHeartbeat();
        if (this.started) this.poll();
      });
    this.running.set(job.id, r);
    this.heartbeat ??= setInterval(() => void this.extendLeases(), this.heartbeatMs);
  }

  private async execute(job: JobRow, r: Running): Promise<void> {
    const { catalog, clock, db } = this.opts;
    const log = this.opts.log.child({ jobId: job.id, job: job.name, attempt: job.attempts });
    const def = catalog.definitions[job.name];
    const handler = (this.opts.handlers as Record<string, JobHandler<unknown>>)[job.name];
    let outcome: unknown = undefined;
    let ok = false;
    try {
      if (!def || !handler) throw new PermanentJobError(`no handler for job "${job.name}"`);
      const parsed = def.payload.safeParse(JSON.parse(job.payload_json));
      if (!parsed.success) throw new PermanentJobError(`invalid payload: ${parsed.error.message}`);
      await handler({
        id: job.id,
        name: job.name,
        payload: parsed.data,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
        signal: r.controller.signal,
        log,
      });
      ok = true;
    } catch (e) {
      outcome = e;
    } finally {
      r.settled = true;
    }
    const now = nowIso(clock);
    const k = db.kysely;
    if (ok) {
      if (!(await jobRepository.succeed(k, r.ref, now)))
        log.warn('job finished after losing its lease; another attempt owns it now');
      return;
    }
    if (r.interrupted === 'lease-lost') return;
    if (r.interrupted === 'stopping') {
      await jobRepository.release(k, r.ref, now);
      return;
    }
    const error = errorText(outcome);
    if (outcome instanceof PermanentJobError || job.attempts >= job.max_attempts) {
      log.error({ err: outcome }, 'job failed');
      await jobRepository.fail(k, r.ref, error, now);
      return;
    }
    const delay = retryDelayMs(job.attempts, this.backoff, this.random());
    const runAt = new Date(clock.now().getTime() + delay).toISOString();
    log.warn({ err: outcome, retryInMs: delay }, 'job failed; will retry');
    await jobRepository.retryLater(k, r.ref, error, runAt, now);
  }

  private async extendLeases(): Promise<void> {
    if (this.extending) return; // a slow database must not stack heartbeats
    this.extending = true;
    try {
      await this.extendEach();
    } finally {
      this.extending = false;
    }
  }

  private async extendEach(): Promise<void> {
    const now = this.opts.clock.now();
    const until = new Date(now.getTime() + this.leaseMs).toISOString();
    for (const r of [...this.running.values()]) {
      if (r.settled || r.interrupted) continue;
      try {
        const kept = await jobRepository.extend(this.opts.db.kysely, r.ref, until, now.toISOString());
        if (!kept && !r.settled) {
          // Someone else owns the job now (we stalled past the lease): stop duplicating their work.
          r.interrupted = 'lease-lost';
          r.controller.abort(new Error('the job lease was lost'));
          this.opts.log.warn({ jobId: r.ref.id }, 'job lease lost; aborting the handler');
        }
      } catch (e) {
        this.opts.log.warn({ err: e, jobId: r.ref.id }, 'could not extend a job lease');
      }
    }
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}
