import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Executor } from '../db/database.js';
import { newId, nowIso, type Clock } from '../db/ids.js';
import { jobRepository } from './job.repository.js';
import { signalEnqueued } from './job-signal.js';

export const DEFAULT_QUEUE = 'default';
export const DEFAULT_MAX_ATTEMPTS = 5;

/** One job kind: the shape of its payload (checked when enqueued and again when run) and its retry budget. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  payload: S;
  /** Attempts before the job ends `failed` (default 5); `enqueue` may override it per job. */
  maxAttempts?: number;
}

export type JobDefinitions = Record<string, JobDefinition>;
export type JobName<D extends JobDefinitions> = keyof D & string;
/** What a handler receives (after parsing); `JobInput` is what `enqueue` accepts. */
export type JobPayload<D extends JobDefinitions, N extends JobName<D>> = z.output<D[N]['payload']>;
export type JobInput<D extends JobDefinitions, N extends JobName<D>> = z.input<D[N]['payload']>;

export interface JobContext<P> {
  id: string;
  name: string;
  payload: P;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the worker stops past its grace period or loses the job's lease: stop work promptly. */
  signal: AbortSignal;
  log: Logger;
}

export type JobHandler<P> = (ctx: JobContext<P>) => Promise<void>;

/** Exactly one handler per declared job: a missing one is a compile error (and a start-up error). */
export type JobHandlers<D extends JobDefinitions> = { [N in JobName<D>]: JobHandler<JobPayload<D, N>> };

export interface EnqueueOptions {
  /** Not before this time (default: now by the clock). */
  runAt?: Date;
  maxAttempts?: number;
  /** While a job with this key waits to start, another enqueue with the same key is a no-op. */
  dedupeKey?: string;
  queue?: string;
}

/** Thrown by a handler to fail the job at once: retrying cannot help (e.g. the entry no longer exists). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export interface JobCatalog<D extends JobDefinitions> {
  readonly definitions: D;
  readonly names: readonly JobName<D>[];
  /**
   * Inserts the job with the caller's executor — pass the transaction of the state change that needs it,
   * so the job exists exactly when that change commits. Returns the job id, or null when deduplicated.
   */
  enqueue<N extends JobName<D>>(
    trx: Executor,
    deps: { clock: Clock },
    name: N,
    payload: JobInput<D, N>,
    opts?: EnqueueOptions,
  ): Promise<string | null>;
}

/** Declares a set of jobs: `defineJobs({ 'media.probe': { payload: z.object({ entryId: z.string() }) } })`. */
export function defineJobs<D extends JobDefinitions>(definitions: D): JobCatalog<D> {
  const names = Object.keys(definitions) as JobName<D>[];
  return {
    definitions,
    names,
    async enqueue(trx, deps, name, payload, opts = {}) {
      const def = definitions[name];
      if (!def) throw new Error(`unknown job "${name}"`);
      // A bad payload is a programming error: fail inside the caller's transaction, not later in a worker.
      def.payload.parse(payload);
      const maxAttempts = opts.maxAttempts ?? def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
      if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error('maxAttempts must be ≥ 1');
      const queue = opts.queue ?? DEFAULT_QUEUE;
      const now = nowIso(deps.clock);
      const id = newId();
      const inserted = await jobRepository.insert(trx, {
        id,
        queue,
        name,
        payload_json: JSON.stringify(payload),
        status: 'queued',
        attempts: 0,
        max_attempts: maxAttempts,
        run_at: opts.runAt ? opts.runAt.toISOString() : now,
        locked_by: null,
        locked_until: null,
        dedupe_key: opts.dedupeKey ?? null,
        last_error: null,
        created_at: now,
        updated_at: now,
        finished_at: null,
      });
      if (!inserted) return null;
      signalEnqueued(queue);
      return id;
    },
  };
}
