import { useEffect } from 'react';
import type { FieldValues, Path, PathValue, UseFormReturn } from 'react-hook-form';

const PREFIX = 'kasseika.draft.';

function read(key: string): Record<string, unknown> | null {
  try {
    const raw = window.sessionStorage.getItem(PREFIX + key);
    const value: unknown = raw ? JSON.parse(raw) : null;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Keeps what the user typed in a form (never secrets: only the listed fields) in this tab's session storage, so
 * that it is still there after the session timed out and the user signed in again. Returns `clear` for after a
 * successful submit.
 */
export function useFormDraft<T extends FieldValues, TOut extends FieldValues = T>(
  key: string,
  form: UseFormReturn<T, unknown, TOut>,
  fields: readonly Path<T>[],
): () => void {
  const { setValue, watch } = form;
  useEffect(() => {
    const saved = read(key);
    if (saved) {
      for (const field of fields) {
        if (field in saved) setValue(field, saved[field] as PathValue<T, Path<T>>, { shouldDirty: true });
      }
    }
    const subscription = watch((values) => {
      const picked: Record<string, unknown> = {};
      for (const field of fields) picked[field] = (values as Record<string, unknown>)[field];
      try {
        window.sessionStorage.setItem(PREFIX + key, JSON.stringify(picked));
      } catch {
        /* storage full or unavailable: the draft is a convenience only */
      }
    });
    return () => subscription.unsubscribe();
    // The field list is fixed per form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, setValue, watch]);
  return () => {
    try {
      window.sessionStorage.removeItem(PREFIX + key);
    } catch {
      /* ignore */
    }
  };
}

/**
 * Forgets every unsaved draft of this tab (forms and the statements grid share the `kasseika.draft.` prefix). Called
 * when the user signs out on purpose: a draft may hold confidential figures, and the next person at a shared computer
 * must not find them. A session that merely timed out keeps its drafts, so that signing in again loses nothing.
 */
export function forgetAllDrafts(): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < window.sessionStorage.length; i++) {
      const key = window.sessionStorage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) window.sessionStorage.removeItem(key);
  } catch {
    /* storage unavailable */
  }
}
