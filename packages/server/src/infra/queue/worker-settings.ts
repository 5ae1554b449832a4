import { z } from 'zod';
import { DEFAULT_QUEUE } from './job-catalog.js';

export interface WorkerSettings {
  queue: string;
  concurrency: number;
  pollMs: number;
  leaseMs: number;
  shutdownTimeoutMs: number;
  /** Whether `serve` works the queue itself (the embedded shape); turn off when `worker` processes run. */
  inProcess: boolean;
}

const schema = z.object({
  JOB_QUEUE: z.string().min(1).default(DEFAULT_QUEUE),
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  JOB_POLL_MS: z.coerce.number().int().min(10).default(1_000),
  /** Fractions allowed so tests can run with sub-second leases. */
  JOB_LEASE_SECONDS: z.coerce.number().min(0.1).default(60),
  JOB_SHUTDOWN_SECONDS: z.coerce.number().min(0).default(30),
  JOBS_IN_PROCESS: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .transform((v) => v === 'true' || v === '1' || v === 'yes')
    .default(true),
});

/** The worker's tuning knobs, read from the environment with embedded defaults like the rest of the config. */
export function workerSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerSettings {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid job queue configuration in the environment:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    queue: c.JOB_QUEUE,
    concurrency: c.JOB_CONCURRENCY,
    pollMs: c.JOB_POLL_MS,
    leaseMs: Math.round(c.JOB_LEASE_SECONDS * 1000),
    shutdownTimeoutMs: Math.round(c.JOB_SHUTDOWN_SECONDS * 1000),
    inProcess: c.JOBS_IN_PROCESS,
  };
}
