// Builds the web app when its sources are newer than the last build (used by `npm start` and e2e).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'packages', 'web');
const built = join(web, 'dist', 'index.html');

function newestMtime(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newestMtime(join(path, name))), s.mtimeMs);
}

export function webBuildIsStale() {
  if (!existsSync(built)) return true;
  const sources = [
    'src',
    'index.html',
    'public.html',
    'vite.config.ts',
    'vite.public.config.ts',
    'package.json',
    'public',
  ]
    .map((p) => join(web, p))
    .filter(existsSync);
  return Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

export function ensureWebBuild() {
  if (!webBuildIsStale()) return;
  console.log('building the web app…');
  const r = spawnSync('npm', ['run', 'build', '-w', '@clipcontest/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`web build failed with exit code ${r.status}`);
}
