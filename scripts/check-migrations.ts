/**
 * Fails when the Drizzle schema has changes that no migration contains: regenerates into a scratch copy of the
 * migrations folder and checks that nothing new appears.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const source = join(root, 'apps/server/src/db/migrations');
const scratch = join(root, '.tmp/migrations-check');
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
cpSync(source, scratch, { recursive: true });
const before = new Set(readdirSync(scratch));
const r = spawnSync('npx', ['drizzle-kit', 'generate', '--config', 'drizzle.check.config.ts', '--name', 'drift'], {
  cwd: join(root, 'apps/server'),
  // drizzle-kit wants `out` relative to its working directory.
  env: { ...process.env, KASSEIKA_MIGRATIONS_CHECK_DIR: relative(join(root, 'apps/server'), scratch) },
  encoding: 'utf8',
});
// drizzle-kit can exit 0 after an error: look at its output too.
if (r.status !== 0 || /error/i.test(`${r.stdout}${r.stderr}`)) {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
const added = readdirSync(scratch).filter((f) => !before.has(f));
if (added.length > 0) {
  console.error(`Schema changes without a migration: drizzle-kit would create ${added.join(', ')}.`);
  console.error('Run `npm run db:generate -w @kasseika/server` and commit the migration.');
  process.exit(1);
}
console.log('migrations match the schema');
