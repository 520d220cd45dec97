import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** The repository root (apps/server/src/config → ../../../..). */
export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');

/** Versioned master data. */
export const dataDir = resolve(repoRoot, 'data');

/** SQL migrations, applied at start on both PGlite and PostgreSQL. */
export const migrationsDir = resolve(repoRoot, 'apps/server/src/db/migrations');
