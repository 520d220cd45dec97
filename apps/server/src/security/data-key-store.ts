import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { councilDataKeys } from '../db/schema';
import type { DataKeyStore } from './field-cipher';

/**
 * Wrapped data keys in `council_data_keys`. Key management is a system operation: it runs on the owner connection
 * (never as the request role, which may only read the table).
 */
export function createDataKeyStore(db: Db): DataKeyStore {
  return {
    async load(keyId) {
      const [row] = await db.select().from(councilDataKeys).where(eq(councilDataKeys.councilId, keyId));
      return row ? { version: row.keyVersion, wrapped: row.wrappedKey } : null;
    },
    async create(keyId, version, wrapped) {
      await db.insert(councilDataKeys).values({ councilId: keyId, keyVersion: version, wrappedKey: wrapped }).onConflictDoNothing();
      const [row] = await db.select().from(councilDataKeys).where(eq(councilDataKeys.councilId, keyId));
      if (!row) throw new Error(`data key ${keyId} could not be stored`);
      return { version: row.keyVersion, wrapped: row.wrappedKey };
    },
  };
}
