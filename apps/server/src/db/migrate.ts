import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrationsDir } from '../config/paths';
import { queryRows, type Database } from './client';

/**
 * Applies pending migrations (one history for both databases). Serialised with an advisory lock so that
 * several app processes starting together migrate once.
 */
export async function runMigrations(database: Database): Promise<void> {
  const { db } = database;
  if (database.kind === 'postgres') {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(7468001)`);
      await migratePg(tx as unknown as NodePgDatabase, { migrationsFolder: migrationsDir });
    });
  } else {
    await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder: migrationsDir });
  }
}

interface Journal {
  entries: { tag: string }[];
}

/** Number of migrations in the repository's journal. */
export function expectedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta/_journal.json'), 'utf8')) as Journal;
  return journal.entries.length;
}

/** Number of migrations recorded as applied in the database (0 when none ran yet). */
export async function appliedMigrationCount(database: Database): Promise<number> {
  const rows = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return rows[0]?.n ?? 0;
}
