import { useEffect, useId, useRef, useState, type ChangeEvent, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatements } from '@kasseika/contracts';
import type { AmountInputUnit } from '@kasseika/domain';
import { ApiError } from '../../../lib/api';
import { STATEMENTS_TEMPLATE_URL, useImportStatements } from '../api/calculations';
import { saveCaseStatements } from '../api/case-statements';
import { AmountGrid, type GridValues } from './amount-grid';
import { BUTTON_PRIMARY, BUTTON_SECONDARY } from './field';
import { cellFromPointer, convertUnit, readStatements, statementRows, statementsToGrid, yearName } from './grid-model';
import { UnitToggle } from './unit-toggle';

const MAX_YEARS = 3;

/** What was typed and not yet saved, kept in this tab only (survives a session timeout and signing in again). */
interface Draft {
  readonly unit: AmountInputUnit;
  readonly columns: number;
  readonly values: GridValues;
  /** The revision the typing started from: a draft of an older revision is not restored over newer figures. */
  readonly revision: number | null;
}

const draftKey = (caseId: string) => `kasseika.draft.statements.${caseId}`;

function readDraft(caseId: string, revision: number | null): Draft | null {
  try {
    const raw = window.sessionStorage.getItem(draftKey(caseId));
    const draft = raw ? (JSON.parse(raw) as Draft) : null;
    if (!draft || draft.revision !== revision || (draft.unit !== 1 && draft.unit !== 1000)) return null;
    if (!Number.isInteger(draft.columns) || draft.columns < 1 || draft.columns > MAX_YEARS) return null;
    return typeof draft.values === 'object' ? draft : null;
  } catch {
    return null;
  }
}

function writeDraft(caseId: string, draft: Draft | null): void {
  try {
    if (draft) window.sessionStorage.setItem(draftKey(caseId), JSON.stringify(draft));
    else window.sessionStorage.removeItem(draftKey(caseId));
  } catch {
    /* storage full or unavailable: the draft is a convenience only */
  }
}

/**
 * The company's statements on its case (決算書 3期分), entered with the finance grid (typing, pasting from Excel) or
 * read from the Excel template / a CSV, then saved as a new revision. What was typed stays on screen through every
 * refusal: the grid's own checks and the server's (each cell says what to fix, in the page's language), and a save
 * that someone else's save overtook (409); unsaved typing is also kept in this tab's session storage until saved, so
 * it is still there after a session timeout and signing in again.
 */
export function CaseStatementsEditor({
  caseId,
  initial,
  onSaved,
}: {
  caseId: string;
  initial: CaseStatements;
  onSaved: (saved: CaseStatements) => void;
}) {
  const { t: tf, i18n } = useTranslation('finance');
  const { t } = useTranslation('statements');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const id = useId();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [restored] = useState(() => (initial.abilities.write ? readDraft(caseId, initial.revision) : null));
  const [unit, setUnit] = useState<AmountInputUnit>(restored?.unit ?? 1);
  const [columns, setColumns] = useState(restored?.columns ?? Math.max(initial.statements.length, MAX_YEARS));
  const [values, setValues] = useState<GridValues>(() => restored?.values ?? statementsToGrid(initial.statements, 1));
  const [revision, setRevision] = useState<number | null>(initial.revision);
  const [dirty, setDirty] = useState(restored !== null);
  useEffect(() => {
    if (dirty) writeDraft(caseId, { unit, columns, values, revision });
  }, [caseId, dirty, unit, columns, values, revision]);
  const edit = (next: GridValues) => {
    setValues(next);
    setDirty(true);
  };
  const [cellErrors, setCellErrors] = useState<Record<string, string>>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [importMessage, setImportMessage] = useState<string | null>(null);
  const importer = useImportStatements();
  const write = initial.abilities.write;
  const rows = statementRows(tf, values, unit);
  const amountRows = rows.filter((r) => r.kind === 'amount').map((r) => r.id);
  const errorCount = Object.keys(cellErrors).length + otherErrors.length;

  const showErrors = (cells: Record<string, string>, others: string[]) => {
    setCellErrors(cells);
    setOtherErrors(others);
    if (Object.keys(cells).length + others.length > 0) window.setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setImportMessage(null);
    const read = readStatements(values, columns, unit, tf);
    if (Object.keys(read.errors).length > 0) {
      showErrors(read.errors, []);
      return;
    }
    setSaving(true);
    try {
      const saved = await saveCaseStatements(caseId, { statements: read.statements, expectedRevision: revision });
      setRevision(saved.revision);
      setDirty(false);
      writeDraft(caseId, null);
      showErrors({}, []);
      onSaved(saved);
    } catch (e) {
      const problem = e instanceof ApiError ? e.problem : null;
      const cells: Record<string, string> = {};
      const others: string[] = [];
      for (const issue of problem?.errors ?? []) {
        const cell = cellFromPointer(issue.pointer, 'statements');
        if (cell) cells[cell] = issue.message[lang];
        else others.push(issue.message[lang]);
      }
      if (others.length === 0 && Object.keys(cells).length === 0)
        others.push(problem?.messages.detail?.[lang] ?? problem?.messages.title[lang] ?? t('saveFailed'));
      showErrors(cells, others);
    } finally {
      setSaving(false);
    }
  };

  const onImport = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setImportMessage(null);
    importer.mutate(file, {
      onSuccess: (result) => {
        edit(statementsToGrid(result.statements, unit));
        setColumns(Math.max(result.statements.length, 1));
        showErrors({}, []);
        setImportMessage(
          [
            t('imported', { count: result.statements.length }),
            ...(result.warnings.length > 0 ? [tf('plan.importWarnings'), ...result.warnings.map((w) => w.message[lang])] : []),
          ].join(' '),
        );
      },
      onError: (e) => {
        const problem = e instanceof ApiError ? e.problem : null;
        setImportMessage(
          [
            problem?.messages.detail?.[lang] ?? problem?.messages.title[lang] ?? tf('errors.api'),
            ...(problem?.errors ?? []).map((x) => x.message[lang]),
          ].join(' '),
        );
      },
    });
  };

  return (
    <form aria-labelledby={`${id}-heading`} noValidate onSubmit={(e) => void submit(e)} className="grid grid-cols-1 gap-4">
      <h2 id={`${id}-heading`} className="text-xl">
        {t('grid.heading')}
      </h2>
      {write ? (
        <div className="grid gap-3 rounded-8 border border-line-light bg-surface-sub p-4">
          <h3 className="text-lg">{t('import.heading')}</h3>
          <p className="text-sm">{t('import.lead')}</p>
          <p>
            <a href={STATEMENTS_TEMPLATE_URL} download className="inline-flex min-h-11 items-center font-bold">
              {tf('plan.templateDownload')}
            </a>
          </p>
          <div>
            <label htmlFor={`${id}-import`} className="block font-bold">
              {tf('plan.import')}
            </label>
            <input
              id={`${id}-import`}
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={onImport}
              aria-describedby={`${id}-import-hint`}
              className="mt-1 block min-h-11 max-w-full text-sm"
            />
            <p id={`${id}-import-hint`} className="text-sm text-ink-sub">
              {tf('plan.importHint')} {t('import.notSavedYet')}
            </p>
          </div>
          <p role="status" className={importMessage ? 'font-bold' : 'sr-only'} data-testid="statements-import-message">
            {importer.isPending ? t('import.reading') : importMessage}
          </p>
        </div>
      ) : null}
      <div className="flex flex-wrap items-end gap-4">
        <UnitToggle
          unit={unit}
          onChange={(u) => {
            edit(convertUnit(values, amountRows, unit, u));
            setUnit(u);
          }}
        />
      </div>
      <p className="text-sm text-ink-sub">{t('grid.hint')}</p>
      {restored ? (
        <p className="rounded-8 border-l-8 border-key bg-key-light px-4 py-2" data-testid="statements-draft-restored">
          {t('draftRestored')}
        </p>
      ) : null}
      <div ref={summaryRef} tabIndex={-1} className={errorCount > 0 ? 'rounded-8 border-2 border-error p-3' : 'sr-only'}>
        {errorCount > 0 ? (
          <div role="alert">
            <p className="font-bold text-error">{tf('errors.summary', { count: errorCount })}</p>
            {otherErrors.length > 0 ? (
              <ul className="mt-1 list-disc pl-6">
                {otherErrors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm">{t('grid.fixCells')}</p>
            )}
          </div>
        ) : null}
      </div>
      <AmountGrid
        caption={tf('grid.caption', { unit: unit === 1 ? tf('unit.yen') : tf('unit.thousandYen') })}
        rows={rows}
        columns={columns}
        columnName={(c) => yearName(values, 'fiscalYearEnd', c, lang, tf('grid.year', { n: c + 1 }))}
        values={values}
        errors={cellErrors}
        unit={unit}
        readOnly={!write}
        onChange={edit}
      />
      {write ? (
        <div className="flex flex-wrap items-center gap-3">
          {columns < MAX_YEARS ? (
            <button
              type="button"
              className={BUTTON_SECONDARY}
              onClick={() => {
                setColumns(columns + 1);
                setDirty(true);
              }}
            >
              {tf('grid.addYear')}
            </button>
          ) : null}
          {columns > 1 ? (
            <button
              type="button"
              className={BUTTON_SECONDARY}
              onClick={() => {
                setColumns(columns - 1);
                setDirty(true);
              }}
            >
              {tf('grid.removeYear')}
            </button>
          ) : null}
          <button type="submit" className={BUTTON_PRIMARY} disabled={saving}>
            {saving ? t('saving') : t('save')}
          </button>
        </div>
      ) : null}
    </form>
  );
}
