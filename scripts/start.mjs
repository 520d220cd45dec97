#!/usr/bin/env node
/**
 * `npm start`: builds the web app when it is missing or older than its sources, then runs the server in this
 * process (TypeScript through tsx), so Ctrl-C / SIGTERM reach the server's graceful shutdown directly.
 */
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'apps/web/dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const webSources = [join(root, 'apps/web/src'), join(root, 'packages/contracts/src'), join(root, 'packages/domain/src')];
const stale = !existsSync(dist) || Math.max(...webSources.map(newestMtime)) > statSync(dist).mtimeMs;
if (stale && process.env.KASSEIKA_WEB_DIST === undefined) {
  console.log('Building the web app (apps/web/dist)…');
  const r = spawnSync('npm', ['run', 'build', '-w', '@kasseika/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/server/src/main.ts')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
