import { useEffect, useId, useMemo, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDocument } from '@kasseika/contracts';
import thresholdData from '../../../../../../data/finance/locaben-thresholds.v2026-04-11.json';
import { ApiError } from '../../../lib/api';
import { STATEMENTS_TEMPLATE_URL, useExportPlan, useImportStatements, usePlan } from '../api/calculations';
import { AmountGrid } from './amount-grid';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, SECTION, SelectField, TextField } from './field';
import { cellFromPointer, convertUnit, statementRows, statementsToGrid, yearName } from './grid-model';
import { IndicatorResults } from './indicator-results';
import { Money } from './money';
import { AdjustmentsInput, CreditorsInput, CriteriaInput, DriversInput } from './plan-inputs';
import { PlanResults } from './plan-results';
import { buildPlanDocument, EMPTY_PLAN, fieldFromPointer, samplePlan, type PlanState } from './plan-state';
import { UnitToggle } from './unit-toggle';

const INDUSTRIES = thresholdData.industries.map((i) => ({ code: i.code, name: i.name }));

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The plan workbench: statements (grid, paste, template import), diagnosis, 実態BS, drivers, lenders and criteria
 * settings; every change recomputes the whole plan through the API after a short pause, and the plan exports to
 * Excel and PDF built from the same computation.
 */
export function PlanWorkbench() {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const id = useId();
  const [state, setState] = useState<PlanState>(EMPTY_PLAN);
  const update = (patch: Partial<PlanState>) => setState((s) => ({ ...s, ...patch }));
  const built = useMemo(() => buildPlanDocument(state, t), [state, t]);
  const docKey = built.doc ? JSON.stringify(built.doc) : null;
  const debouncedKey = useDebounced(docKey, 500);
  const doc = useMemo(() => (debouncedKey ? (JSON.parse(debouncedKey) as PlanDocument) : null), [debouncedKey]);
  const plan = usePlan(doc);
  const exporter = useExportPlan();
  const importer = useImportStatements();
  const [importMessage, setImportMessage] = useState<string | null>(null);

  const apiError = plan.error instanceof ApiError ? plan.error : null;
  const apiFieldErrors: Record<string, string> = {};
  const apiGridErrors: Record<string, string> = {};
  const otherApiErrors: string[] = [];
  for (const issue of apiError?.problem?.errors ?? []) {
    const cell = cellFromPointer(issue.pointer, 'statements');
    const field = fieldFromPointer(issue.pointer);
    if (cell) apiGridErrors[cell] = issue.message[lang];
    else if (field) apiFieldErrors[field] = issue.message[lang];
    else otherApiErrors.push(issue.message[lang]);
  }
  const fieldErrors = { ...apiFieldErrors, ...built.errors };
  const gridErrors = { ...apiGridErrors, ...built.gridErrors };
  const errorCount = Object.keys(fieldErrors).length + Object.keys(gridErrors).length + otherApiErrors.length;
  const current = plan.data && docKey === debouncedKey && !plan.isFetching && !apiError;
  const rows = statementRows(t, state.values, state.unit);
  const amountRows = rows.filter((r) => r.kind === 'amount').map((r) => r.id);

  const onImport = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setImportMessage(null);
    importer.mutate(file, {
      onSuccess: (result) => {
        update({ values: statementsToGrid(result.statements, state.unit), columns: result.statements.length });
        setImportMessage(
          [
            t('plan.imported', { count: result.statements.length }),
            ...(result.warnings.length > 0 ? [t('plan.importWarnings'), ...result.warnings.map((w) => w.message[lang])] : []),
          ].join(' '),
        );
      },
      onError: (e) => {
        const problem = e instanceof ApiError ? e.problem : null;
        setImportMessage(
          [
            problem?.messages.detail?.[lang] ?? problem?.messages.title[lang] ?? t('errors.api'),
            ...(problem?.errors ?? []).map((x) => x.message[lang]),
          ].join(' '),
        );
      },
    });
  };

  const status =
    errorCount > 0
      ? t('plan.fixErrors')
      : plan.isFetching || docKey !== debouncedKey
        ? t('plan.recomputing')
        : current
          ? t('plan.upToDate')
          : '';

  return (
    <div className="grid grid-cols-1 gap-8">
      <div className="flex flex-wrap gap-3">
        <button type="button" className={BUTTON_SECONDARY} onClick={() => setState(samplePlan())}>
          {t('plan.loadSample')}
        </button>
      </div>

      <section aria-labelledby={`${id}-company`} className={SECTION}>
        <h2 id={`${id}-company`} className="text-2xl">
          {t('plan.company')}
        </h2>
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          <TextField
            label={t('plan.companyName')}
            value={state.companyName}
            onChange={(v) => update({ companyName: v })}
            error={fieldErrors.companyName}
          />
          <SelectField label={t('quickCheck.industry')} value={state.industry} onChange={(v) => update({ industry: v })}>
            <option value="">{t('quickCheck.industryNone')}</option>
            {INDUSTRIES.map((i) => (
              <option key={i.code} value={i.code}>
                {i.code} {i.name}
              </option>
            ))}
          </SelectField>
        </div>
      </section>

      <section aria-labelledby={`${id}-statements`} className={SECTION}>
        <h2 id={`${id}-statements`} className="text-2xl">
          {t('plan.statements')}
        </h2>
        <div className="mt-4 flex flex-wrap items-end gap-4">
          <UnitToggle
            unit={state.unit}
            onChange={(u) => {
              const convert = (s: string) => convertUnit({ x: [s] }, ['x'], state.unit, u).x?.[0] ?? s;
              update({
                unit: u,
                values: convertUnit(state.values, amountRows, state.unit, u),
                personnel: convert(state.personnel),
                otherFixed: convert(state.otherFixed),
                proRataAmount: convert(state.proRataAmount),
                creditors: state.creditors.map((c) => ({ ...c, balance: convert(c.balance) })),
                adjustments: state.adjustments.map((a) => ({ ...a, amount: convert(a.amount) })),
              });
            }}
          />
          <a href={STATEMENTS_TEMPLATE_URL} download className="inline-flex min-h-11 items-center font-bold">
            {t('plan.templateDownload')}
          </a>
          <div>
            <label htmlFor={`${id}-import`} className="block font-bold">
              {t('plan.import')}
            </label>
            <input
              id={`${id}-import`}
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={onImport}
              aria-describedby={`${id}-import-hint`}
              className="mt-1 block min-h-11 text-sm"
            />
            <p id={`${id}-import-hint`} className="text-sm text-ink-sub">
              {t('plan.importHint')}
            </p>
          </div>
        </div>
        <p className="mt-2 text-sm text-ink-sub">{t('unit.hint')}</p>
        <p role="status" className="mt-2 font-bold" data-testid="import-message">
          {importMessage}
        </p>
        <div className="mt-4">
          <AmountGrid
            caption={t('grid.caption', { unit: state.unit === 1 ? t('unit.yen') : t('unit.thousandYen') })}
            rows={rows}
            columns={state.columns}
            columnName={(c) => yearName(state.values, 'fiscalYearEnd', c, lang, t('grid.year', { n: c + 1 }))}
            values={state.values}
            errors={gridErrors}
            unit={state.unit}
            onChange={(values) => update({ values })}
          />
        </div>
        <div className="mt-3 flex flex-wrap gap-3">
          {state.columns < 3 ? (
            <button type="button" className={BUTTON_SECONDARY} onClick={() => update({ columns: state.columns + 1 })}>
              {t('grid.addYear')}
            </button>
          ) : null}
          {state.columns > 1 ? (
            <button type="button" className={BUTTON_SECONDARY} onClick={() => update({ columns: state.columns - 1 })}>
              {t('grid.removeYear')}
            </button>
          ) : null}
        </div>
      </section>

      <section aria-labelledby={`${id}-realbs`} className={SECTION}>
        <h2 id={`${id}-realbs`} className="text-2xl">
          {t('plan.realBs')}
        </h2>
        <div className="mt-4">
          <AdjustmentsInput state={state} update={update} errors={fieldErrors} />
        </div>
        {plan.data ? (
          <dl className="mt-4 grid grid-cols-2 gap-2 sm:max-w-md">
            <dt>{t('plan.bookNetAssets')}</dt>
            <dd className="text-right">
              <Money value={plan.data.realBalanceSheet.bookNetAssets} unit={state.unit} />
            </dd>
            <dt className="font-bold">{t('plan.realNetAssets')}</dt>
            <dd className="text-right" data-testid="real-net-assets">
              <Money value={plan.data.realBalanceSheet.realNetAssets} unit={state.unit} strong />
              {plan.data.realBalanceSheet.isRealNegativeEquity ? (
                <span className="block text-sm font-bold text-error">{t('plan.negativeEquity')}</span>
              ) : null}
            </dd>
          </dl>
        ) : null}
      </section>

      <section aria-labelledby={`${id}-drivers`} className={SECTION}>
        <h2 id={`${id}-drivers`} className="text-2xl">
          {t('plan.drivers')}
        </h2>
        <div className="mt-4">
          <DriversInput state={state} update={update} errors={fieldErrors} />
        </div>
        <h3 className="mt-6 text-xl">{t('plan.creditors')}</h3>
        <div className="mt-2">
          <CreditorsInput state={state} update={update} errors={fieldErrors} />
        </div>
        <h3 className="mt-6 text-xl">{t('plan.criteria')}</h3>
        <div className="mt-2">
          <CriteriaInput state={state} update={update} errors={fieldErrors} />
        </div>
      </section>

      <section aria-labelledby={`${id}-results`} className={SECTION}>
        <h2 id={`${id}-results`} className="text-2xl">
          {t('plan.results')}
        </h2>
        <p role="status" aria-live="polite" data-testid="plan-status" className="mt-2 font-bold">
          {status}
        </p>
        {errorCount > 0 ? (
          <div role="alert" className="mt-2 rounded-8 border-2 border-error p-3">
            <p className="font-bold text-error">{t('errors.summary', { count: errorCount })}</p>
            {otherApiErrors.length > 0 ? (
              <ul className="mt-1 list-disc pl-6">
                {otherApiErrors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {plan.data ? (
          <div className="mt-4 grid grid-cols-1 gap-8">
            <div className="flex flex-wrap gap-3">
              <button
                type="button"
                className={BUTTON_PRIMARY}
                disabled={!built.doc || exporter.isPending}
                onClick={() => built.doc && exporter.mutate({ doc: built.doc, kind: 'xlsx' })}
              >
                {t('plan.exportXlsx')}
              </button>
              <button
                type="button"
                className={BUTTON_PRIMARY}
                disabled={!built.doc || exporter.isPending}
                onClick={() => built.doc && exporter.mutate({ doc: built.doc, kind: 'pdf' })}
              >
                {t('plan.exportPdf')}
              </button>
              <p role="status" className="self-center text-sm">
                {exporter.isPending ? t('plan.exporting') : exporter.data ? t('plan.exported', { name: exporter.data }) : ''}
              </p>
            </div>
            <section aria-labelledby={`${id}-diagnosis`}>
              <h3 id={`${id}-diagnosis`} className="text-xl">
                {t('plan.diagnosis')}
              </h3>
              <div className="mt-2">
                <IndicatorResults result={plan.data.diagnosis} headingLevel={3} />
              </div>
            </section>
            <PlanResults plan={plan.data} unit={state.unit} />
          </div>
        ) : null}
      </section>
    </div>
  );
}
