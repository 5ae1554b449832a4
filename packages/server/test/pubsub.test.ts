import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryPubSub, redisPubSub, type PubSub } from '../src/infra/pubsub/pubsub.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000 });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const redisUp = await redisAnswers();
if (!redisUp) {
  const why = `pubsub: Redis does not answer at ${REDIS_URL}`;
  if (process.env.CI) throw new Error(`${why} (CI must start redis-server)`);
  console.warn(`${why}; the Redis half of this suite is skipped`);
}

function nextMessage(ps: PubSub, channel: string): Promise<{ message: string; off: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no message within 2 s')), 2000);
    let off: (() => Promise<void>) | undefined;
    void ps
      .subscribe(channel, (message) => {
        clearTimeout(timer);
        resolve({ message, off: off ?? (() => Promise.resolve()) });
      })
      .then((o) => (off = o));
  });
}

describe('memory pub/sub', () => {
  it('delivers to every subscriber of the channel and stops after unsubscribe', async () => {
    const ps = memoryPubSub();
    const got: string[] = [];
    const off = await ps.subscribe('a', (m) => got.push(`1:${m}`));
    await ps.subscribe('a', (m) => got.push(`2:${m}`));
    await ps.subscribe('b', (m) => got.push(`b:${m}`));
    await ps.publish('a', 'x');
    await new Promise((r) => setTimeout(r, 10));
    await off();
    await ps.publish('a', 'y');
    await new Promise((r) => setTimeout(r, 10));
    expect(got.sort()).toEqual(['1:x', '2:x', '2:y']);
    await ps.close();
  });
});

describe.runIf(redisUp)('redis pub/sub between two instances', () => {
  const prefix = `cc:test:${randomUUID()}:`;
  let a: PubSub;
  let b: PubSub;
  beforeAll(() => {
    a = redisPubSub(REDIS_URL, { prefix });
    b = redisPubSub(REDIS_URL, { prefix });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('a message published by one instance reaches the subscribers of the other', async () => {
    const waiting = nextMessage(b, 'ceremony');
    await new Promise((r) => setTimeout(r, 100)); // the SUBSCRIBE reaches Redis
    await a.publish('ceremony', JSON.stringify({ step: 3 }));
    const { message, off } = await waiting;
    expect(JSON.parse(message)).toEqual({ step: 3 });
    await off();
  });

  it('keeps deployments apart by prefix', async () => {
    const other = redisPubSub(REDIS_URL, { prefix: `${prefix}other:` });
    const got: string[] = [];
    const off = await other.subscribe('ceremony', (m) => got.push(m));
    await new Promise((r) => setTimeout(r, 100));
    await a.publish('ceremony', 'not for you');
    await new Promise((r) => setTimeout(r, 200));
    expect(got).toEqual([]);
    await off();
    await other.close();
  });
});
