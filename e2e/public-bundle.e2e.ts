import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ensureWebBuild, root } from '../scripts/web-build.mjs';
import { startServer } from './support/server.js';

/** The budget: the JavaScript a public route loads before the player starts, gzipped. */
const BUDGET_BYTES = 100 * 1024;

const dist = join(root, 'packages', 'web', 'dist');

/** Scripts the page loads at once: its module entry and every chunk it preloads (static imports). */
function initialScripts(html: string): string[] {
  const srcs = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  return [...srcs, ...preloads].filter((s): s is string => s !== undefined);
}

describe('public site weight', () => {
  it(`loads at most ${BUDGET_BYTES / 1024} KB of gzipped JavaScript before the player starts`, () => {
    ensureWebBuild();
    const html = readFileSync(join(dist, 'public.html'), 'utf8');
    const scripts = initialScripts(html);
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = scripts.map((src) => gzipSync(readFileSync(join(dist, src)), { level: 9 }).length);
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(
      `public JS before the player: ${(total / 1024).toFixed(1)} KB gzipped (${scripts.join(', ')})`,
    );
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('is served compressed, with hashed assets cached for a year', async () => {
    const server = await startServer();
    try {
      const html = await (await fetch(`${server.url}/c/quang-ngai-2023`)).text();
      expect(html).toContain('/assets/public-');
      const [script] = initialScripts(html);
      const res = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toMatch(/br|gzip/);
      expect(res.headers.get('cache-control')).toContain('immutable');
      // The staff app keeps its own shell.
      expect(await (await fetch(`${server.url}/sign-in`)).text()).toContain('/assets/index-');
    } finally {
      await server.close();
    }
  });
});
