import { DomainError } from '@clipcontest/core';
import { Redis } from 'ioredis';

/** A fixed-window hit counter shared by every server instance (Redis) or kept in this process. */
export interface RateLimitStore {
  readonly kind: 'memory' | 'redis';
  /** Counts one hit in the window `bucket` of `key`; returns the count so far. */
  hit(key: string, bucket: number, ttlMs: number): Promise<number>;
  close(): Promise<void>;
}

export function memoryRateLimitStore(): RateLimitStore {
  const counts = new Map<string, { n: number; expires: number }>();
  let sweepAt = 0;
  return {
    kind: 'memory',
    hit(key, bucket, ttlMs) {
      const now = Date.now();
      if (now > sweepAt) {
        for (const [k, v] of counts) if (v.expires < now) counts.delete(k);
        sweepAt = now + 60_000;
      }
      const k = `${key}:${bucket}`;
      const cur = counts.get(k);
      const n = (cur?.n ?? 0) + 1;
      counts.set(k, { n, expires: now + ttlMs });
      return Promise.resolve(n);
    },
    close: () => Promise.resolve(),
  };
}

export function redisRateLimitStore(url: string, prefix = 'cc:rl:'): RateLimitStore {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
  return {
    kind: 'redis',
    async hit(key, bucket, ttlMs) {
      const k = `${prefix}${key}:${bucket}`;
      const res = await redis.multi().incr(k).pexpire(k, ttlMs).exec();
      const first = res?.[0];
      if (!first || first[0]) throw first?.[0] ?? new Error('redis: no reply');
      return Number(first[1]);
    },
    async close() {
      await redis.quit();
    },
  };
}

export interface Limit {
  /** Stable name, part of the key (e.g. `otp-ip`). */
  name: string;
  max: number;
  windowMs: number;
}

export function rateLimitedError(retryAfterSeconds: number): DomainError {
  return new DomainError(
    'rate_limited',
    'rate_limited',
    {
      vi: `Bạn thao tác quá nhanh. Hãy thử lại sau ${retryAfterSeconds} giây.`,
      en: `Too many requests. Try again in ${retryAfterSeconds} seconds.`,
    },
    { retryAfterSeconds },
  );
}

/** Counts a hit against each limit; throws 429 (with Retry-After) when any is over. */
export async function enforceLimits(
  store: RateLimitStore,
  now: Date,
  checks: ReadonlyArray<{ limit: Limit; subject: string }>,
): Promise<void> {
  for (const { limit, subject } of checks) {
    const t = now.getTime();
    const bucket = Math.floor(t / limit.windowMs);
    const n = await store.hit(`${limit.name}:${subject}`, bucket, limit.windowMs);
    if (n > limit.max)
      throw rateLimitedError(Math.max(1, Math.ceil(((bucket + 1) * limit.windowMs - t) / 1000)));
  }
}
