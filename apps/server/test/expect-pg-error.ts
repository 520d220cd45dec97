import { expect } from 'vitest';
import { pgErrorOf } from '../src/db/pg-error';

/** Asserts that a database call fails with a PostgreSQL error whose message matches. */
export async function expectPgError(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  let caught: unknown = null;
  try {
    await promise;
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected the database to refuse').not.toBeNull();
  const info = pgErrorOf(caught);
  expect(info?.message ?? String(caught)).toMatch(pattern);
}
