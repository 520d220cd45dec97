import { sql } from 'drizzle-orm';
import { APP_ROLE_NAME } from './schema/roles';
import type { Db, Tx } from './client';

/**
 * Who a transaction acts for. Row-level security policies read these values; an unset council means "no
 * council", and tenant tables then show nothing (fail closed).
 */
export interface TenantContext {
  /** Council (tenant) id 1–47, or null for anonymous / cross-council actors. */
  readonly councilId: number | null;
  /** Acting user id, or null for anonymous requests. */
  readonly userId: string | null;
  /** The actor's roles, comma-separated in `app.roles`. */
  readonly roles: readonly string[];
}

export const ANONYMOUS: TenantContext = Object.freeze({ councilId: null, userId: null, roles: [] });

/**
 * Runs `fn` in a transaction as the application role with the tenant context set transaction-locally
 * (`SET LOCAL ROLE` and `set_config(…, true)`): nothing leaks to the next user of the connection. This is the
 * only way repositories get a connection.
 */
export async function withTenantTx<T>(db: Db, ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local role ${APP_ROLE_NAME}`));
    await tx.execute(
      sql`select set_config('app.council_id', ${ctx.councilId === null ? '' : String(ctx.councilId)}, true),
                 set_config('app.user_id', ${ctx.userId ?? ''}, true),
                 set_config('app.roles', ${ctx.roles.join(',')}, true)`,
    );
    return fn(tx);
  });
}
