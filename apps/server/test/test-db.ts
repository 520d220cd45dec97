import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import pg from 'pg';
import { openDatabase, type Database, type Db } from '../src/db/client';
import * as schema from '../src/db/schema';
import { prepareDatabase } from '../src/bootstrap';
import { TEMPLATE_ENV } from './global-setup';

/**
 * The database a test file runs against:
 * - by default an embedded PGlite, restored from a template prepared once per run (migrations + master data);
 * - when KASSEIKA_TEST_DATABASE_URL is set (the PostgreSQL suite), a fresh database on that server, created here
 *   and dropped when the file ends.
 */
export interface TestDatabase extends Database {
  readonly label: string;
  /** The raw database contents (PGlite data directory tarball, or pg_dump output) for at-rest checks. */
  dump(): Promise<Buffer>;
}

export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.KASSEIKA_TEST_DATABASE_URL ? 'postgres' : 'pglite';
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.KASSEIKA_TEST_DATABASE_URL;
  if (serverUrl) return createServerDatabase(serverUrl);
  const template = process.env[TEMPLATE_ENV];
  if (template) {
    const blob = new Blob([readFileSync(template)]);
    const client = await PGlite.create({ loadDataDir: blob });
    const db = drizzle(client, { schema }) as unknown as Db;
    const database: Database = { db, kind: 'pglite', description: 'pglite:memory(template)', close: () => client.close() };
    await prepareDatabase(database); // no-op when the template is current; keeps the file honest if it is not
    return { ...database, label: 'PGlite', dump: () => dumpPglite(client) };
  }
  const client = await PGlite.create();
  const database: Database = {
    db: drizzle(client, { schema }),
    kind: 'pglite',
    description: 'pglite:memory',
    close: () => client.close(),
  };
  await prepareDatabase(database);
  return { ...database, label: 'PGlite', dump: () => dumpPglite(client) };
}

async function createServerDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `kasseika_t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  await prepareDatabase(database);
  return {
    ...database,
    label: 'PostgreSQL',
    dump: () => Promise.resolve(execFileSync('pg_dump', ['--no-owner', '--data-only', url.toString()], { maxBuffer: 512 * 1024 * 1024 })),
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** Checkpoints (so every page is written out) and returns the data directory as a tarball. */
async function dumpPglite(client: PGlite): Promise<Buffer> {
  await client.query('checkpoint');
  const tar = await client.dumpDataDir('none');
  return Buffer.from(await tar.arrayBuffer());
}
