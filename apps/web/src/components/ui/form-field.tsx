import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseFormRegisterReturn } from 'react-hook-form';

export const INPUT_CLASS =
  'mt-1 block min-h-12 w-full rounded-8 border border-line bg-surface px-3 py-2 text-base text-ink aria-[invalid=true]:border-2 aria-[invalid=true]:border-error';

interface FieldFrameProps {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly required?: boolean;
  readonly children: ReactNode;
}

/** Label, optional "required" tag, hint and error around a control (DA form pattern; JIS X 8341-3 3.3.1/3.3.2). */
function FieldFrame({ id, label, hint, error, required, children }: FieldFrameProps) {
  const { t } = useTranslation();
  return (
    <div>
      <label htmlFor={id} className="flex flex-wrap items-center gap-2 font-bold">
        {label}
        {required ? (
          // Shown to the eye; assistive technology hears "required" from aria-required on the control itself.
          <span aria-hidden="true" className="rounded-4 bg-error px-1.5 py-0.5 text-xs font-bold text-white">
            {t('form.required')}
          </span>
        ) : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-ink-sub">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="mt-1 flex gap-1 text-sm font-bold text-error">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-describedby' | 'aria-invalid' | 'required'> & {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly required?: boolean;
  readonly registration?: UseFormRegisterReturn;
};

/** A labelled text input wired to react-hook-form (`registration`), with hint and error tied by aria-describedby. */
export function TextField({ label, hint, error, required, registration, className, ...rest }: InputProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required ?? false}>
      <input
        id={id}
        type="text"
        {...rest}
        {...registration}
        aria-required={required ? true : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`${INPUT_CLASS} ${className ?? ''}`}
      />
    </FieldFrame>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'aria-describedby' | 'aria-invalid' | 'required'> & {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly required?: boolean;
  readonly registration?: UseFormRegisterReturn;
};

export function SelectField({ label, hint, error, required, registration, children, ...rest }: SelectProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required ?? false}>
      <select
        id={id}
        {...rest}
        {...registration}
        aria-required={required ? true : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={INPUT_CLASS}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'aria-describedby' | 'aria-invalid' | 'required'> & {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly required?: boolean;
  readonly registration?: UseFormRegisterReturn;
};

export function TextAreaField({ label, hint, error, required, registration, ...rest }: TextAreaProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required ?? false}>
      <textarea
        id={id}
        rows={3}
        {...rest}
        {...registration}
        aria-required={required ? true : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={INPUT_CLASS}
      />
    </FieldFrame>
  );
}

/** A group of checkboxes (e.g. roles) as a fieldset with legend, hint and error. */
export function CheckboxGroup({
  legend,
  hint,
  error,
  required,
  options,
  registration,
}: {
  readonly legend: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly required?: boolean;
  readonly options: readonly { readonly value: string; readonly label: ReactNode }[];
  readonly registration: UseFormRegisterReturn;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
      <legend className="flex flex-wrap items-center gap-2 font-bold">
        {legend}
        {required ? (
          <span className="rounded-4 bg-error px-1.5 py-0.5 text-xs font-bold text-white">
            <span className="sr-only">（</span>
            {t('form.required')}
            <span className="sr-only">）</span>
          </span>
        ) : null}
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-ink-sub">
          {hint}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="inline-flex min-h-11 items-center gap-2">
            <input type="checkbox" value={o.value} {...registration} className="size-5 accent-key" />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 flex gap-1 text-sm font-bold text-error">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </p>
      ) : null}
    </fieldset>
  );
}
