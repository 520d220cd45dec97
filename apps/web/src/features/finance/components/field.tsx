import { useId, type ReactNode } from 'react';

const INPUT =
  'mt-1 block min-h-11 w-full rounded-8 border border-line bg-surface px-3 py-2 aria-[invalid=true]:border-2 aria-[invalid=true]:border-error';

/** A labelled text input with a hint and an error next to it (tied by aria-describedby). */
export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
  align = 'left',
  inputMode,
  type = 'text',
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  align?: 'left' | 'right';
  inputMode?: 'decimal' | 'numeric' | 'text';
  type?: 'text' | 'date';
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div>
      <label htmlFor={id} className="font-bold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-ink-sub">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        type={type}
        value={value}
        inputMode={inputMode}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        className={`${INPUT} tabular-nums ${align === 'right' ? 'text-right' : ''}`}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-bold text-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled select. */
export function SelectField({
  label,
  value,
  onChange,
  children,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="font-bold">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={INPUT}
      >
        {children}
      </select>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-bold text-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const SECTION = 'rounded-12 border border-line-light bg-surface p-4 shadow-1 md:p-6';
export const BUTTON_SECONDARY = 'min-h-11 rounded-8 border-2 border-key bg-surface px-4 font-bold text-key hover:bg-key-light';
export const BUTTON_PRIMARY = 'min-h-11 rounded-8 bg-key px-5 font-bold text-white hover:bg-key-dark disabled:opacity-60';
