import type { Logger } from 'pino';

/** Where voter OTPs go by SMS. Pluggable: a console sender for development, a generic HTTP gateway. */
export interface SmsSender {
  readonly kind: string;
  send(to: string, text: string): Promise<void>;
}

export function consoleSmsSender(log: Logger): SmsSender {
  return {
    kind: 'console',
    send(to, text) {
      log.warn({ to, text }, 'SMS not sent (no SMS_HTTP_URL): logged instead');
      return Promise.resolve();
    },
  };
}

/**
 * POSTs `{ "to": "+84…", "text": "…" }` as JSON to the gateway, with `Authorization: Bearer <token>` when a
 * token is set. Any non-2xx answer is a failure (the voter is told to try again).
 */
export function httpSmsSender(opts: {
  url: string;
  token?: string | undefined;
  timeoutMs?: number;
}): SmsSender {
  return {
    kind: 'http',
    async send(to, text) {
      const international = to.startsWith('0') ? `+84${to.slice(1)}` : to;
      const res = await fetch(opts.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        },
        body: JSON.stringify({ to: international, text }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}
