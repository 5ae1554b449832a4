import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import {
  enforceLimits,
  memoryRateLimitStore,
  redisRateLimitStore,
  type RateLimitStore,
} from '../src/modules/voting/rate-limit.js';
import { httpSmsSender } from '../src/modules/voting/sms-sender.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisReachable(): Promise<boolean> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await r.connect();
    await r.ping();
    return true;
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}
const haveRedis = await redisReachable();
if (!haveRedis)
  console.log(`voting-infra: Redis not reachable at ${REDIS_URL}: the Redis store test is skipped`);

const limitCodeOf = async (p: Promise<void>) => {
  try {
    await p;
    return null;
  } catch (e) {
    return e as { code: string; retryAfterSeconds: number };
  }
};

function storeSuite(name: string, make: () => RateLimitStore, skip = false) {
  describe.skipIf(skip)(`rate limits in ${name}`, () => {
    it('allows up to the limit per subject, then answers rate_limited with Retry-After until the window ends', async () => {
      const store = make();
      const prefix = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      const limit = { name: `${prefix}-ip`, max: 3, windowMs: 60_000 };
      const now = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 15_000); // 45 s before the window ends
      try {
        for (let i = 0; i < 3; i++)
          expect(await limitCodeOf(enforceLimits(store, now, [{ limit, subject: 'a' }]))).toBeNull();
        const over = await limitCodeOf(enforceLimits(store, now, [{ limit, subject: 'a' }]));
        expect(over).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 45 });
        // Another subject has its own budget; the next window starts afresh.
        expect(await limitCodeOf(enforceLimits(store, now, [{ limit, subject: 'b' }]))).toBeNull();
        const next = new Date(now.getTime() + 60_000);
        expect(await limitCodeOf(enforceLimits(store, next, [{ limit, subject: 'a' }]))).toBeNull();
      } finally {
        await store.close();
      }
    });
  });
}

storeSuite('process memory', () => memoryRateLimitStore());
storeSuite('Redis (shared by every instance)', () => redisRateLimitStore(REDIS_URL), !haveRedis);

describe.skipIf(!haveRedis)('Redis store across instances', () => {
  it('shares one budget between two stores (two server processes)', async () => {
    const a = redisRateLimitStore(REDIS_URL);
    const b = redisRateLimitStore(REDIS_URL);
    const limit = { name: `shared${Date.now().toString(36)}`, max: 2, windowMs: 60_000 };
    const now = new Date();
    try {
      await enforceLimits(a, now, [{ limit, subject: 'x' }]);
      await enforceLimits(b, now, [{ limit, subject: 'x' }]);
      expect(await limitCodeOf(enforceLimits(a, now, [{ limit, subject: 'x' }]))).toMatchObject({
        code: 'rate_limited',
      });
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('HTTP SMS sender', () => {
  it('posts the code to the configured gateway with the token, and fails on a non-2xx answer', async () => {
    const received: Array<{ auth: string | undefined; body: unknown }> = [];
    let status = 200;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ auth: req.headers.authorization, body: JSON.parse(body) as unknown });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
    try {
      const sms = httpSmsSender({ url, token: 'gw-secret' });
      await sms.send('0905123456', 'Mã xác thực 123456');
      expect(received).toEqual([
        { auth: 'Bearer gw-secret', body: { to: '+84905123456', text: 'Mã xác thực 123456' } },
      ]);
      status = 503;
      await expect(sms.send('0905123456', 'x')).rejects.toThrow(/503/);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
