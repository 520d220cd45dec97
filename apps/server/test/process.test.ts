import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from './test-db';

const root = resolve(import.meta.dirname, '../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'kasseika-proc-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function startServer(port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KASSEIKA_DATA_DIR: dataDir,
      KASSEIKA_ENV: 'development',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function waitReady(port: number): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become ready');
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((r) => child.on('exit', (code) => r(code)));
}

describe.runIf(testDatabaseKind() === 'pglite')('the server process (npm start path, embedded database)', () => {
  it('starts on an empty data directory, serves, shuts down gracefully on SIGTERM, and restarts on the same data', async () => {
    const port = 3300 + (process.pid % 500);
    const first = startServer(port);
    await waitReady(port);
    const list = (await (await fetch(`http://127.0.0.1:${port}/api/v1/councils?prefecture=13`)).json()) as { total: number };
    expect(list.total).toBe(1);
    // A request in flight when SIGTERM arrives still completes.
    const inflight = fetch(`http://127.0.0.1:${port}/api/v1/councils`).then((r) => r.status);
    first.kill('SIGTERM');
    expect(await inflight).toBe(200);
    expect(await exitOf(first)).toBe(0);

    const second = startServer(port);
    await waitReady(port);
    const health = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(health.status).toBe(200);
    second.kill('SIGINT');
    expect(await exitOf(second)).toBe(0);
  }, 90_000);
});
