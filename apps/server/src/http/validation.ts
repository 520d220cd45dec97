import { z } from 'zod';
import { VALIDATION_MESSAGES, isValidationMessageKey, type FieldIssue } from '@kasseika/contracts';

export type RequestPart = 'params' | 'query' | 'body';

const ja = z.locales.ja();
const en = z.locales.en();

function escapePointer(segment: PropertyKey): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** A zod issue as a field issue: JSON pointer, stable code, message in both languages. */
export function toFieldIssues(part: RequestPart, issue: z.core.$ZodIssue): FieldIssue[] {
  const base = `/${part}${issue.path.map((p) => `/${escapePointer(p)}`).join('')}`;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      pointer: `${base}/${escapePointer(key)}`,
      code: 'unrecognized_key',
      message: {
        ja: `「${key}」という項目は受け付けていません。項目名を確認してください`,
        en: `The field "${key}" is not accepted. Check the field name`,
      },
    }));
  }
  if (isValidationMessageKey(issue.message)) {
    return [{ pointer: base, code: issue.message, message: VALIDATION_MESSAGES[issue.message] }];
  }
  const raw = issue as unknown as z.core.$ZodRawIssue;
  return [
    {
      pointer: base,
      code: issue.code,
      message: { ja: messageOf(ja.localeError(raw)) ?? issue.message, en: messageOf(en.localeError(raw)) ?? issue.message },
    },
  ];
}

function messageOf(result: string | { message: string } | undefined | null): string | undefined {
  if (result === undefined || result === null) return undefined;
  return typeof result === 'string' ? result : result.message;
}

/**
 * Pointers of every string (value or key) holding U+0000. PostgreSQL cannot store that character in text or jsonb,
 * and no user types it, so it is refused up front as a field error instead of failing deep in a query.
 */
export function nulCharacterIssues(part: RequestPart, value: unknown, path: readonly PropertyKey[] = []): FieldIssue[] {
  const pointer = (p: readonly PropertyKey[]): string => `/${part}${p.map((s) => `/${escapePointer(s)}`).join('')}`;
  const issue = (p: readonly PropertyKey[]): FieldIssue => ({
    pointer: pointer(p),
    code: 'text.nul_character',
    message: {
      ja: '使用できない制御文字（NUL）が含まれています。文字を入力し直してください',
      en: 'Contains a control character (NUL) that cannot be accepted. Please retype the text',
    },
  });
  if (typeof value === 'string') return value.includes('\u0000') ? [issue(path)] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulCharacterIssues(part, v, [...path, i]));
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return Object.entries(value).flatMap(([k, v]) =>
      k.includes('\u0000') ? [issue([...path, k])] : nulCharacterIssues(part, v, [...path, k]),
    );
  }
  return [];
}

/** Parses one part of a request; returns the data or the list of every issue. */
export function parsePart<S extends z.ZodType>(
  part: RequestPart,
  schema: S,
  value: unknown,
): { ok: true; data: z.output<S> } | { ok: false; issues: FieldIssue[] } {
  const nul = nulCharacterIssues(part, value);
  if (nul.length > 0) return { ok: false, issues: nul };
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, issues: result.error.issues.flatMap((i) => toFieldIssues(part, i)) };
}
