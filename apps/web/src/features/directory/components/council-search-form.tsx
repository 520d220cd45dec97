import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PREFECTURES } from '@kasseika/domain';
import { VALIDATION_MESSAGES, councilSearchQuerySchema, isValidationMessageKey, type CouncilSearchQuery } from '@kasseika/contracts';

type Field = 'q' | 'prefecture' | 'postalCode';

export interface CouncilSearchFormProps {
  readonly initial: CouncilSearchQuery;
  readonly onSearch: (query: CouncilSearchQuery) => void;
}

const input =
  'mt-1 block min-h-12 w-full rounded-8 border border-line bg-surface px-3 py-2 text-base aria-[invalid=true]:border-2 aria-[invalid=true]:border-error';

/**
 * Directory search. Validates with the same zod schema as the API, keeps what was typed on error, and names the
 * fix next to the field (JIS X 8341-3: 3.3.1, 3.3.3).
 */
export function CouncilSearchForm({ initial, onSearch }: CouncilSearchFormProps) {
  const { t, i18n } = useTranslation('directory');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const id = useId();
  const [values, setValues] = useState({ q: initial.q ?? '', prefecture: initial.prefecture ?? '', postalCode: initial.postalCode ?? '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const handleSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const candidate = {
      ...(values.q.trim() ? { q: values.q } : {}),
      ...(values.prefecture ? { prefecture: values.prefecture } : {}),
      ...(values.postalCode.trim() ? { postalCode: values.postalCode } : {}),
    };
    const parsed = councilSearchQuerySchema.safeParse(candidate);
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        next[field] = isValidationMessageKey(issue.message) ? VALIDATION_MESSAGES[issue.message][lang] : issue.message;
      }
      setErrors(next);
      const first = (['q', 'prefecture', 'postalCode'] as const).find((f) => next[f]);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setErrors({});
    onSearch(parsed.data);
  };

  const handleClear = () => {
    setValues({ q: '', prefecture: '', postalCode: '' });
    setErrors({});
    onSearch({});
  };

  const describedBy = (field: Field) => [`${id}-${field}-hint`, errors[field] ? `${id}-${field}-error` : ''].filter(Boolean).join(' ');

  return (
    <form role="search" onSubmit={handleSubmit} noValidate className="rounded-12 border border-line-light bg-surface p-4 shadow-1 md:p-6">
      <fieldset>
        <legend className="text-lg font-bold">{t('search.legend')}</legend>
        <div className="mt-3 grid gap-4 md:grid-cols-[2fr_1fr_1fr]">
          <div>
            <label htmlFor={`${id}-q`} className="font-bold">
              {t('search.q')}
            </label>
            <p id={`${id}-q-hint`} className="text-sm text-ink-sub">
              {t('search.qHint')}
            </p>
            <input
              id={`${id}-q`}
              name="q"
              type="search"
              value={values.q}
              onChange={(e) => setValues({ ...values, q: e.target.value })}
              aria-invalid={errors.q ? true : undefined}
              aria-describedby={describedBy('q')}
              className={input}
              autoComplete="off"
            />
            {errors.q ? (
              <p id={`${id}-q-error`} className="mt-1 text-sm font-bold text-error">
                {errors.q}
              </p>
            ) : null}
          </div>
          <div>
            <label htmlFor={`${id}-prefecture`} className="font-bold">
              {t('search.prefecture')}
            </label>
            <p id={`${id}-prefecture-hint`} className="text-sm text-ink-sub">
              &nbsp;
            </p>
            <select
              id={`${id}-prefecture`}
              name="prefecture"
              value={values.prefecture}
              onChange={(e) => setValues({ ...values, prefecture: e.target.value })}
              aria-describedby={describedBy('prefecture')}
              className={input}
            >
              <option value="">{t('search.anyPrefecture')}</option>
              {PREFECTURES.map((p) => (
                <option key={p.code} value={p.code}>
                  {lang === 'en' ? p.nameEn : p.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-postalCode`} className="font-bold">
              {t('search.postalCode')}
            </label>
            <p id={`${id}-postalCode-hint`} className="text-sm text-ink-sub">
              {t('search.postalCodeHint')}
            </p>
            <input
              id={`${id}-postalCode`}
              name="postalCode"
              type="text"
              inputMode="numeric"
              autoComplete="postal-code"
              value={values.postalCode}
              onChange={(e) => setValues({ ...values, postalCode: e.target.value })}
              aria-invalid={errors.postalCode ? true : undefined}
              aria-describedby={describedBy('postalCode')}
              className={input}
            />
            {errors.postalCode ? (
              <p id={`${id}-postalCode-error`} className="mt-1 text-sm font-bold text-error">
                {errors.postalCode}
              </p>
            ) : null}
          </div>
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <button type="submit" className="min-h-11 rounded-8 bg-key px-6 py-2 font-bold text-white hover:bg-key-dark">
            {t('search.submit')}
          </button>
          <button
            type="button"
            onClick={handleClear}
            className="min-h-11 rounded-8 border-2 border-key bg-surface px-6 py-2 font-bold text-key hover:bg-key-light"
          >
            {t('search.clear')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
