/** A PostgreSQL error as raised by either driver (Drizzle wraps it in `cause`). */
export interface PgErrorInfo {
  readonly code: string | undefined;
  readonly message: string;
}

/** Unwraps Drizzle's "Failed query" wrapper to the database error, if there is one. */
export function pgErrorOf(error: unknown): PgErrorInfo | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (typeof current !== 'object' || current === null) break;
    const c = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code)) {
      return { code: c.code, message: typeof c.message === 'string' ? c.message : '' };
    }
    current = c.cause;
  }
  return null;
}

/** SQLSTATE codes the server reacts to. */
export const PG = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  insufficientPrivilege: '42501',
  /** Raised for "new row violates row-level security policy". */
  rlsViolation: '42501',
  raiseException: 'P0001',
} as const;
