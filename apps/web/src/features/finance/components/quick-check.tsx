import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorsResponse } from '@kasseika/contracts';
import type { AmountInputUnit } from '@kasseika/domain';
import thresholdData from '../../../../../../data/finance/locaben-thresholds.v2026-04-11.json';
import { ApiError } from '../../../lib/api';
import { useQuickCheck } from '../api/calculations';
import { AmountGrid, type GridValues } from './amount-grid';
import { cellFromPointer, convertUnit, KEY_FIGURE_FIELDS, keyFigureRows, readKeyFigures, yearName } from './grid-model';
import { IndicatorResults } from './indicator-results';
import { UnitToggle } from './unit-toggle';

const INDUSTRIES = thresholdData.industries.map((i) => ({ code: i.code, name: i.name }));

/** The latest year's figures a caller may act on (the intake self-check's recommendation). */
export interface QuickCheckFigures {
  readonly ordinaryProfit: number;
  readonly netAssets: number;
  readonly borrowings: number;
}

/**
 * The public quick check: key figures of up to three years → six ロカベン indicators and 債務償還年数. `onResult`
 * (optional) receives each result with the figures sent, oldest year first.
 */
export function QuickCheck({ onResult }: { onResult?: (result: IndicatorsResponse, years: readonly QuickCheckFigures[]) => void } = {}) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const id = useId();
  const [unit, setUnit] = useState<AmountInputUnit>(1);
  const [columns, setColumns] = useState(2);
  const [values, setValues] = useState<GridValues>({});
  const [industry, setIndustry] = useState('');
  const [size, setSize] = useState<'medium' | 'small'>('medium');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const check = useQuickCheck();
  const rows = keyFigureRows(t);

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readKeyFigures(values, columns, unit, t);
    setErrors(read.errors);
    if (Object.keys(read.errors).length > 0) {
      document.getElementById(`${id}-summary`)?.focus();
      return;
    }
    check.mutate(
      { source: 'keyFigures', years: read.years, ...(industry ? { industryCode: industry, sizeClass: size } : {}) },
      {
        onSuccess: (data) => onResult?.(data, read.years),
        onError: (e) => {
          if (e instanceof ApiError && e.problem?.errors) {
            const next: Record<string, string> = {};
            for (const issue of e.problem.errors) {
              const key = cellFromPointer(issue.pointer, 'years');
              if (key) next[key] = issue.message[lang];
            }
            setErrors(next);
          }
        },
      },
    );
  };
  const errorCount = Object.keys(errors).length;
  const apiError = check.error instanceof ApiError ? check.error : null;

  return (
    <div className="grid grid-cols-1 gap-8">
      <form
        onSubmit={submit}
        noValidate
        className="grid grid-cols-1 gap-4 rounded-12 border border-line-light bg-surface p-4 shadow-1 md:p-6"
      >
        <div className="grid gap-4 md:grid-cols-2">
          <div>
            <label htmlFor={`${id}-industry`} className="font-bold">
              {t('quickCheck.industry')}
            </label>
            <select
              id={`${id}-industry`}
              value={industry}
              onChange={(e) => setIndustry(e.target.value)}
              className="mt-1 block min-h-12 w-full rounded-8 border border-line bg-surface px-3"
            >
              <option value="">{t('quickCheck.industryNone')}</option>
              {INDUSTRIES.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.code} {i.name}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend className="font-bold">{t('quickCheck.sizeClass')}</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {(['medium', 'small'] as const).map((s) => (
                <label key={s} className="inline-flex min-h-11 items-center gap-2">
                  <input type="radio" name={`${id}-size`} checked={size === s} onChange={() => setSize(s)} className="size-4 accent-key" />
                  {t(`quickCheck.${s}`)}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <UnitToggle
          unit={unit}
          onChange={(u) => {
            setValues(convertUnit(values, KEY_FIGURE_FIELDS, unit, u));
            setUnit(u);
          }}
        />
        <p className="text-sm text-ink-sub">{t('unit.hint')}</p>
        {errorCount > 0 ? (
          <p id={`${id}-summary`} tabIndex={-1} role="alert" className="rounded-8 border-2 border-error p-3 font-bold text-error">
            {t('errors.summary', { count: errorCount })}
          </p>
        ) : null}
        <AmountGrid
          caption={t('grid.caption', { unit: unit === 1 ? t('unit.yen') : t('unit.thousandYen') })}
          rows={rows}
          columns={columns}
          columnName={(c) => yearName(values, 'fiscalYearEnd', c, lang, t('grid.year', { n: c + 1 }))}
          values={values}
          errors={errors}
          unit={unit}
          onChange={setValues}
        />
        <div className="flex flex-wrap gap-3">
          {columns < 3 ? (
            <button
              type="button"
              onClick={() => setColumns(columns + 1)}
              className="min-h-11 rounded-8 border-2 border-key bg-surface px-4 font-bold text-key hover:bg-key-light"
            >
              {t('grid.addYear')}
            </button>
          ) : null}
          {columns > 1 ? (
            <button
              type="button"
              onClick={() => setColumns(columns - 1)}
              className="min-h-11 rounded-8 border-2 border-key bg-surface px-4 font-bold text-key hover:bg-key-light"
            >
              {t('grid.removeYear')}
            </button>
          ) : null}
          <button
            type="submit"
            className="min-h-11 rounded-8 bg-key px-6 font-bold text-white hover:bg-key-dark"
            disabled={check.isPending}
          >
            {check.isPending ? t('quickCheck.running') : t('quickCheck.submit')}
          </button>
        </div>
      </form>
      {apiError && !apiError.problem?.errors ? (
        <p role="alert" className="rounded-8 border-2 border-error bg-surface p-3 font-bold text-error">
          {apiError.status === 429 ? t('errors.rateLimited') : t('errors.api')}
        </p>
      ) : null}
      <section aria-labelledby={`${id}-results`} aria-live="polite">
        {check.data ? (
          <>
            <h2 id={`${id}-results`} className="text-2xl">
              {t('quickCheck.results')}
            </h2>
            <div className="mt-4">
              <IndicatorResults result={check.data} />
            </div>
          </>
        ) : (
          <h2 id={`${id}-results`} className="sr-only">
            {t('quickCheck.results')}
          </h2>
        )}
      </section>
    </div>
  );
}
