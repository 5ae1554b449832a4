#!/usr/bin/env node
// `npm start`: build the web app if needed, then run the server (SQLite under ./data, demo seeded once).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureWebBuild, root } from './web-build.mjs';

try {
  ensureWebBuild();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}

const server = spawn(process.execPath, [join(root, 'packages/server/bin/clipcontest.mjs'), 'serve'], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
