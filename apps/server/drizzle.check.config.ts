import { defineConfig } from 'drizzle-kit';

/** Used by scripts/check-migrations.ts: generates into a scratch copy to detect schema/migration drift. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: process.env.KASSEIKA_MIGRATIONS_CHECK_DIR ?? '../../.tmp/migrations-check',
  entities: { roles: { provider: '', exclude: [] } },
  strict: true,
});
