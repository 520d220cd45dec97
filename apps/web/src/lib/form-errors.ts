import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { ERROR_TITLES, VALIDATION_MESSAGES, isValidationMessageKey, type ErrorCode } from '@kasseika/contracts';
import { ApiError } from './api';

export type Lang = 'ja' | 'en';

export function langOf(language: string): Lang {
  return language === 'en' ? 'en' : 'ja';
}

/** A field message: our validation keys (shared with the API) are translated; any other text is shown as is. */
export function fieldMessage(message: string | undefined, lang: Lang): string | undefined {
  if (!message) return undefined;
  return isValidationMessageKey(message) ? VALIDATION_MESSAGES[message][lang] : message;
}

/**
 * A react-hook-form resolver that validates with a contract schema (the one the API validates the body with), so
 * the form and the server say the same thing. `prepare` turns the form's values into the request body (for
 * example an empty optional field into `undefined`). Errors keep the message keys; `fieldMessage` translates them.
 */
export function contractResolver<TForm extends FieldValues, S extends z.ZodType>(
  schema: S,
  prepare: (values: TForm) => unknown = (v) => v,
): Resolver<TForm, unknown, z.output<S>> {
  return (values) => {
    const parsed = schema.safeParse(prepare(values));
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'root');
      errors[field] ??= { type: issue.code, message: issue.message };
    }
    return { values: {}, errors: errors as FieldErrors<TForm> };
  };
}

/** The code of a failed API call, or null (network failure, other errors). */
export function problemCode(error: unknown): ErrorCode | null {
  return error instanceof ApiError ? (error.problem?.code ?? null) : null;
}

/** What to tell the user about a failed call: the problem's detail (or title) in their language. */
export function problemMessage(error: unknown, lang: Lang): string {
  if (error instanceof ApiError && error.problem) {
    return error.problem.messages.detail?.[lang] ?? error.problem.messages.title[lang];
  }
  if (error instanceof ApiError && error.status >= 500) return ERROR_TITLES.INTERNAL_ERROR[lang];
  return lang === 'en'
    ? 'Could not reach the server. Check your connection and try again'
    : 'サーバーと通信できませんでした。接続を確かめて、もう一度お試しください';
}

/**
 * Puts a 422 problem's field issues (`errors[].pointer` such as `/body/email`) onto the form's fields. Returns
 * the message for the whole form (the title, or what could not be tied to a field), or null when every issue
 * landed on a field. Focus moves to the first field with an error.
 */
export function applyProblemToForm<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  lang: Lang,
): string | null {
  if (!(error instanceof ApiError) || !error.problem?.errors?.length) return problemMessage(error, lang);
  const unplaced: string[] = [];
  let first = true;
  for (const issue of error.problem.errors) {
    const name = issue.pointer.replace(/^\/body\//, '').split('/')[0] as Path<T>;
    if (fields.includes(name)) {
      setError(
        name,
        { type: 'server', message: isValidationMessageKey(issue.code) ? issue.code : issue.message[lang] },
        { shouldFocus: first },
      );
      first = false;
    } else {
      unplaced.push(issue.message[lang]);
    }
  }
  return unplaced.length > 0 ? unplaced.join(' / ') : null;
}
