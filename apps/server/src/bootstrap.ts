import type { Database } from './db/client';
import { runMigrations } from './db/migrate';
import { loadDirectoryDataset } from './modules/directory/directory-dataset';
import { syncDirectory } from './modules/directory/directory.repository';
import { syncOrganizations } from './modules/auth/organizations-sync';

export interface PrepareResult {
  readonly directoryVersion: string;
  readonly directoryChanged: boolean;
}

/**
 * Brings a database to the state the code expects: applies pending migrations, then loads the newest master
 * data (council directory, the council, HQ and platform organisations). Idempotent; run at every start and by `kasseika migrate`.
 */
export async function prepareDatabase(database: Database): Promise<PrepareResult> {
  await runMigrations(database);
  const dataset = loadDirectoryDataset();
  const changed = await syncDirectory(database.db, dataset);
  await syncOrganizations(database.db);
  return { directoryVersion: dataset.version, directoryChanged: changed };
}
