import { defineConfig } from 'drizzle-kit';

/** drizzle-kit generates SQL from the schema; the server applies it at start (see src/db/migrate.ts). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
  entities: { roles: { provider: '', exclude: [] } },
  strict: true,
  verbose: false,
});
