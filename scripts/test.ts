/**
 * `npm test`: every check and every test, in order, ending with the line `N passed, N failed`.
 *
 * Static checks count one each (type-check per project, lint, format, boundaries, generated artefacts, migrations);
 * vitest and Playwright contribute one per test case. The PostgreSQL suite runs when a server answers at
 * KASSEIKA_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test); otherwise the output says clearly that
 * it did not run. Chromium comes from Debian (`apt-get install chromium`) when missing — never a browser download.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';

const root = resolve(import.meta.dirname, '..');
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });

interface Tally {
  passed: number;
  failed: number;
  notes: string[];
}
const tally: Tally = { passed: 0, failed: 0, notes: [] };
// `npm test -- typecheck lint` runs only the steps whose names start with one of the words.
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const only = filters.length > 0 ? filters : process.env.KASSEIKA_TEST_ONLY?.split(',').map((s) => s.trim());
const started = Date.now();

function section(title: string): void {
  console.log(`\n━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}`);
}

function run(cmd: string, args: string[], options: SpawnSyncOptions = {}): number {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
  return r.status ?? 1;
}

function check(name: string, cmd: string, args: string[], options: SpawnSyncOptions = {}): void {
  if (only && !only.some((o) => name.startsWith(o))) return;
  section(name);
  const t0 = Date.now();
  const code = run(cmd, args, options);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (code === 0) {
    tally.passed++;
    console.log(`✔ ${name} (${secs} s)`);
  } else {
    tally.failed++;
    tally.notes.push(`✘ ${name} failed (exit ${code})`);
    console.log(`✘ ${name} (exit ${code}, ${secs} s)`);
  }
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
  success: boolean;
}

function vitest(name: string, args: string[], env: Record<string, string> = {}): void {
  if (only && !only.some((o) => name.startsWith(o))) return;
  section(name);
  const report = join(tmp, `vitest-${name.replace(/\W+/g, '-')}.json`);
  rmSync(report, { force: true });
  const code = run('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { env });
  if (!existsSync(report)) {
    tally.failed++;
    tally.notes.push(`✘ ${name}: vitest produced no report (exit ${code})`);
    return;
  }
  const r = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
  tally.passed += r.numPassedTests;
  tally.failed += r.numFailedTests;
  if (code !== 0 && r.numFailedTests === 0) {
    tally.failed++;
    tally.notes.push(`✘ ${name}: vitest exited ${code} (a suite failed to load or an error outside tests)`);
  }
  if (r.numFailedTests > 0) tally.notes.push(`✘ ${name}: ${r.numFailedTests} failed`);
  console.log(`${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}

async function postgresUrl(): Promise<string | null> {
  const url = process.env.KASSEIKA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function ensureChromium(): string | null {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return path;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium missing: installing Debian packages chromium and fonts-noto-cjk (no browser download).');
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { env });
  }
  return existsSync(path) ? path : null;
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

function playwright(name: string, chromium: string): void {
  if (only && !only.some((o) => name.startsWith(o))) return;
  section(name);
  const report = join(tmp, 'playwright.json');
  rmSync(report, { force: true });
  const code = run('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts'], {
    env: { CI_JSON_REPORT: report, CHROMIUM_PATH: chromium },
  });
  if (!existsSync(report)) {
    tally.failed++;
    tally.notes.push(`✘ ${name}: Playwright produced no report (exit ${code})`);
    return;
  }
  const { stats } = JSON.parse(readFileSync(report, 'utf8')) as PlaywrightReport;
  tally.passed += stats.expected;
  tally.failed += stats.unexpected + stats.flaky;
  if (stats.unexpected + stats.flaky > 0) tally.notes.push(`✘ ${name}: ${stats.unexpected} failed, ${stats.flaky} flaky`);
  if (code !== 0 && stats.unexpected === 0) {
    tally.failed++;
    tally.notes.push(`✘ ${name}: Playwright exited ${code}`);
  }
}

// 1. Static checks
for (const project of [
  'tsconfig.json',
  'packages/domain',
  'packages/finance',
  'packages/contracts',
  'apps/server',
  'apps/web',
  'e2e',
  'bench',
]) {
  check(`typecheck ${project}`, 'npx', ['tsc', '-p', project, '--noEmit']);
}
check('lint (eslint)', 'npx', ['eslint', '.', '--max-warnings=0']);
check('format (prettier)', 'npx', ['prettier', '--check', '.', '--log-level=warn']);
check('boundaries (dependency-cruiser)', 'npx', [
  'depcruise',
  '--config',
  '.dependency-cruiser.cjs',
  'packages',
  'apps/server/src',
  'apps/web/src',
  'scripts',
  'e2e',
  'bench',
]);
check('generated artefacts up to date', 'npx', ['tsx', 'scripts/generate.ts', '--check']);
check('migrations match the schema', 'npx', ['tsx', 'scripts/check-migrations.ts']);

// 2. Unit and integration tests on the embedded database
vitest('unit + integration (PGlite)', []);

// 3. The PostgreSQL server suite
const pgUrl = await postgresUrl();
if (pgUrl) {
  vitest('integration (PostgreSQL server)', ['--project', 'integration'], { KASSEIKA_TEST_DATABASE_URL: pgUrl });
} else {
  section('integration (PostgreSQL server)');
  const msg =
    'PostgreSQL server suite NOT RUN: no server answered at KASSEIKA_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test)';
  console.log(`⚠ ${msg}`);
  tally.notes.push(`⚠ ${msg}`);
}

// 4. Build and browser tests
check('web build (vite)', 'npm', ['run', 'build', '-w', '@kasseika/web']);
const chromium = ensureChromium();
if (chromium) playwright('browser tests (Playwright + Debian Chromium + axe)', chromium);
else if (!only || only.some((o) => 'browser'.startsWith(o))) {
  tally.failed++;
  tally.notes.push('✘ browser tests: /usr/bin/chromium is missing and could not be installed (run as root: apt-get install chromium)');
}

section('summary');
for (const n of tally.notes) console.log(n);
console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed > 0 ? 1 : 0);
