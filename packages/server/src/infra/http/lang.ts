import type { FastifyRequest } from 'fastify';

export type Lang = 'vi' | 'en';

/** `?lang=en` wins, then Accept-Language; Vietnamese is the default. */
export function langOf(request: FastifyRequest): Lang {
  const q = (request.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'en' || q === 'vi') return q;
  const header = request.headers['accept-language'];
  if (typeof header === 'string') {
    const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
    if (first.startsWith('en')) return 'en';
  }
  return 'vi';
}
