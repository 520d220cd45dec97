import { VALIDATION_MESSAGES } from '@kasseika/contracts';
import { AppError } from '../../errors/app-error';
import type { CaseListKey } from './cases.repository';

const CURSOR_INVALID = () =>
  new AppError('VALIDATION_FAILED', {
    issues: [{ pointer: '/query/cursor', code: 'cursor.invalid', message: VALIDATION_MESSAGES['cursor.invalid'] }],
  });

/** The opaque cursor of a case-list page: `a` or `b` (after/before), the row's created_at and id, base64url. */
export function encodeCaseCursor(key: CaseListKey): string {
  return Buffer.from(`${key.direction === 'after' ? 'a' : 'b'}|${key.createdAt}|${key.id}`, 'utf8').toString('base64url');
}

/** Reads a cursor back; anything the server did not make is a 422 (and never reaches SQL). */
export function decodeCaseCursor(cursor: string): CaseListKey {
  const m = /^([ab])\|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(
    Buffer.from(cursor, 'base64url').toString('utf8'),
  );
  if (!m?.[2] || !m[3] || Number.isNaN(Date.parse(m[2]))) throw CURSOR_INVALID();
  return { direction: m[1] === 'a' ? 'after' : 'before', createdAt: m[2], id: m[3] };
}
