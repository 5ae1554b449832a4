import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';

/**
 * Messages between server instances: cache invalidation (sessions, entries), ceremony steps, anything a
 * screen connected to another instance must hear. Delivery is at most once and only to subscribers that
 * are connected at the time: a subscriber that needs the current state after a gap reads it from the
 * database, never from this channel.
 */
export interface PubSub {
  readonly kind: 'memory' | 'redis';
  publish(channel: string, message: string): Promise<void>;
  /** Calls `handler` for every message on `channel` from now on; the returned function unsubscribes. */
  subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** One process: every publish reaches this process's subscribers synchronously after the current tick. */
export function memoryPubSub(): PubSub {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    kind: 'memory',
    publish(channel, message) {
      queueMicrotask(() => emitter.emit(channel, message));
      return Promise.resolve();
    },
    subscribe(channel, handler) {
      emitter.on(channel, handler);
      return Promise.resolve(() => {
        emitter.off(channel, handler);
        return Promise.resolve();
      });
    },
    close() {
      emitter.removeAllListeners();
      return Promise.resolve();
    },
  };
}

export interface RedisPubSubOptions {
  /** Prefixed to every channel so that several deployments (or test runs) can share one Redis. */
  prefix?: string;
  onError?: (err: Error) => void;
}

/**
 * Redis PUBLISH / SUBSCRIBE. A subscribing connection cannot issue other commands, so there are two: one
 * publishes, one receives and fans out to this process's handlers. Both reconnect by themselves; while
 * Redis is away, publishes fail fast (no offline queue) so that callers can fall back.
 */
export function redisPubSub(url: string, opts: RedisPubSubOptions = {}): PubSub {
  const prefix = opts.prefix ?? 'cc:ps:';
  const onError = opts.onError ?? (() => undefined);
  const pub = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
  const sub = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: false });
  pub.on('error', onError);
  sub.on('error', onError);
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const counts = new Map<string, number>();
  sub.on('message', (channel: string, message: string) => {
    if (channel.startsWith(prefix)) local.emit(channel.slice(prefix.length), message);
  });
  return {
    kind: 'redis',
    async publish(channel, message) {
      await pub.publish(prefix + channel, message);
    },
    async subscribe(channel, handler) {
      const n = counts.get(channel) ?? 0;
      counts.set(channel, n + 1);
      local.on(channel, handler);
      if (n === 0) await sub.subscribe(prefix + channel);
      return async () => {
        local.off(channel, handler);
        const left = (counts.get(channel) ?? 1) - 1;
        if (left > 0) counts.set(channel, left);
        else {
          counts.delete(channel);
          await sub.unsubscribe(prefix + channel).catch(onError);
        }
      };
    },
    async close() {
      local.removeAllListeners();
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
