import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;

/** A Drizzle database over either driver; the rest of the server never knows which. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** A transaction handle (what `db.transaction(fn)` passes to `fn`). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DatabaseConfig =
  { readonly kind: 'postgres'; readonly url: string } | { readonly kind: 'pglite'; readonly dataDir: string | null };

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Human-readable description for logs (never contains a password). */
  readonly description: string;
  close(): Promise<void>;
}

/**
 * Opens the database: PGlite (PostgreSQL in WebAssembly) persisted in `dataDir` — or in memory when `dataDir` is
 * null — or a PostgreSQL server. Both speak the same SQL and run the same migrations.
 */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10, application_name: 'kasseika' });
    pool.on('error', () => {
      /* idle client errors are surfaced by the next query; never crash the process */
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    await db.execute(sql`select 1`);
    const url = new URL(config.url);
    return {
      db,
      kind: 'postgres',
      description: `postgresql://${url.hostname}:${url.port || '5432'}${url.pathname}`,
      close: () => pool.end(),
    };
  }
  if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  const client = config.dataDir ? await PGlite.create(config.dataDir) : await PGlite.create();
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    description: config.dataDir ? `pglite:${config.dataDir}` : 'pglite:memory',
    close: () => client.close(),
  };
}

/** Runs raw SQL and returns its rows, with the same shape on both drivers. */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
