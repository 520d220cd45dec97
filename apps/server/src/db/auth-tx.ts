import { sql } from 'drizzle-orm';
import { AUTH_ROLE_NAME } from './schema/roles';
import type { Db, Tx } from './client';

/**
 * Runs `fn` as the identity role (`kasseika_auth`): sessions, credentials, tokens and rate limits — and nothing of
 * the tenant data. `userId` (when known) is set as `app.user_id` for the few policies that read it.
 */
export async function withAuthTx<T>(db: Db, userId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local role ${AUTH_ROLE_NAME}`));
    await tx.execute(sql`select set_config('app.user_id', ${userId ?? ''}, true)`);
    return fn(tx);
  });
}
