import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../test/test-db';
import { runCli } from './main';

const dir = mkdtempSync(join(tmpdir(), 'kasseika-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const lines: string[] = [];
  try {
    const code = await runCli(args, (l) => lines.push(l));
    return { code, out: lines.join('\n') };
  } finally {
    process.env = saved;
  }
}

describe.runIf(testDatabaseKind() === 'pglite')('kasseika CLI', () => {
  it('migrate, then seed-demo idempotently; refuses seed-demo in production', async () => {
    const env = { KASSEIKA_DATA_DIR: dir, DATABASE_URL: '', KASSEIKA_ENV: 'development' };
    const m = await cli(['migrate'], env);
    expect(m.code).toBe(0);
    expect(m.out).toContain('council directory 2025-06-01 loaded');
    const s1 = await cli(['seed-demo'], env);
    expect(s1.out).toMatch(/Demo data: \d+ created, 0 already present\./);
    const s2 = await cli(['seed-demo'], env);
    expect(s2.out).toMatch(/Demo data: 0 created, \d+ already present\./);
    const prod = await cli(['seed-demo'], { ...env, KASSEIKA_ENV: 'production' });
    expect(prod.code).toBe(1);
    expect(prod.out).toMatch(/Refused/);
  }, 60_000);

  it('explains usage for unknown commands', async () => {
    const r = await cli(['frobnicate'], {});
    expect(r.code).toBe(2);
    expect(r.out).toContain('Unknown command: frobnicate');
  });
});
