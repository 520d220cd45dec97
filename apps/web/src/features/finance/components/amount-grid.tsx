import { useId, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmountInputUnit } from '@kasseika/domain';
import { Money } from './money';

/** One row of an amount grid. Computed rows show a value; section rows are headings. */
export interface GridRowSpec {
  readonly id: string;
  readonly label: string;
  readonly kind: 'date' | 'persons' | 'amount' | 'computed' | 'section';
  readonly compute?: (column: number) => number | null;
}

/** Grid values: the text typed per row id and column (what a person sees, parsed on use). */
export type GridValues = Readonly<Record<string, readonly string[]>>;

export interface AmountGridProps {
  readonly caption: string;
  readonly rows: readonly GridRowSpec[];
  readonly columns: number;
  /** Column heading and the year part of each cell's accessible name, e.g. "2026年3月期". */
  readonly columnName: (column: number) => string;
  readonly values: GridValues;
  readonly errors: Readonly<Record<string, string>>;
  readonly unit: AmountInputUnit;
  readonly onChange: (values: GridValues) => void;
  /** Shown but not editable (someone who may read the figures but not change them). */
  readonly readOnly?: boolean;
}

export const cellKey = (rowId: string, column: number) => `${rowId}|${column}`;

/** Splits pasted text (Excel copies tab-separated rows) into a matrix. */
export function parsePastedMatrix(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((l) => l.split('\t'));
}

/**
 * Statement entry as a grid: one column per fiscal year, one labelled input per line ("2026年3月期 売上高"), Tab and
 * the arrow keys move between cells, pasting a block copied from Excel fills the cells to the right and below.
 * Errors are shown in the cell, tied to the input by aria-describedby. The grid scrolls inside its own container.
 */
export function AmountGrid({ caption, rows, columns, columnName, values, errors, unit, onChange, readOnly = false }: AmountGridProps) {
  const { t } = useTranslation('finance');
  const id = useId();
  const [announcement, setAnnouncement] = useState('');
  const editable = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.kind !== 'section' && r.kind !== 'computed');
  const cellId = (row: number, col: number) => `${id}-r${row}-c${col}`;

  const set = (rowId: string, col: number, text: string, base: GridValues = values): GridValues => {
    const current = [...(base[rowId] ?? [])];
    while (current.length < columns) current.push('');
    current[col] = text;
    return { ...base, [rowId]: current };
  };

  const handlePaste = (event: ClipboardEvent<HTMLInputElement>, rowIndex: number, col: number) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.trim())) return;
    event.preventDefault();
    const matrix = parsePastedMatrix(text);
    const start = editable.findIndex((e) => e.i === rowIndex);
    let next = values;
    let count = 0;
    matrix.forEach((line, dr) => {
      const target = editable[start + dr];
      if (!target) return;
      line.forEach((cell, dc) => {
        if (col + dc >= columns) return;
        next = set(target.r.id, col + dc, cell.trim(), next);
        count += 1;
      });
    });
    onChange(next);
    setAnnouncement(t('grid.pasted', { count }));
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>, rowIndex: number, col: number) => {
    const pos = editable.findIndex((e) => e.i === rowIndex);
    let target: { i: number } | undefined;
    if (event.key === 'ArrowDown' || event.key === 'Enter') target = editable[pos + 1];
    else if (event.key === 'ArrowUp') target = editable[pos - 1];
    if (!target) return;
    event.preventDefault();
    document.getElementById(cellId(target.i, col))?.focus();
  };

  return (
    <div>
      <p className="text-sm text-ink-sub">{t('grid.pasteHint')}</p>
      <div
        className="mt-2 relative max-w-full overflow-x-auto rounded-8 border border-line-light bg-surface"
        role="region"
        aria-label={caption}
        tabIndex={-1}
      >
        <table className="w-full min-w-[36rem] border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="bg-key-light">
              <th scope="col" className="sticky left-0 z-10 bg-key-light px-3 py-2 text-left">
                {t('grid.item')}
              </th>
              {Array.from({ length: columns }, (_, c) => (
                <th key={c} scope="col" className="px-2 py-2 text-right whitespace-nowrap">
                  {columnName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => {
              if (row.kind === 'section') {
                return (
                  <tr key={row.id}>
                    <th scope="colgroup" colSpan={columns + 1} className="bg-surface-sub px-3 py-2 text-left text-base">
                      {row.label}
                    </th>
                  </tr>
                );
              }
              return (
                <tr key={row.id} className="border-t border-line-light">
                  <th
                    scope="row"
                    className={`sticky left-0 z-10 bg-surface px-3 py-1 text-left font-normal ${row.kind === 'computed' ? 'font-bold' : ''}`}
                  >
                    {row.label}
                    {row.kind === 'computed' ? <span className="ml-1 text-xs text-ink-muted">（{t('grid.computed')}）</span> : null}
                  </th>
                  {Array.from({ length: columns }, (_, c) => {
                    if (row.kind === 'computed') {
                      return (
                        <td key={c} className="px-3 py-1 text-right">
                          <Money value={row.compute?.(c) ?? null} unit={unit} strong />
                        </td>
                      );
                    }
                    const error = errors[cellKey(row.id, c)];
                    const inputId = cellId(r, c);
                    return (
                      <td key={c} className="px-1 py-1 align-top">
                        <input
                          id={inputId}
                          type="text"
                          inputMode={row.kind === 'date' ? 'numeric' : 'decimal'}
                          autoComplete="off"
                          aria-label={`${columnName(c)} ${row.label}`}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${inputId}-error` : undefined}
                          placeholder={row.kind === 'date' ? 'YYYY-MM-DD' : undefined}
                          value={values[row.id]?.[c] ?? ''}
                          readOnly={readOnly}
                          onChange={(e) => onChange(set(row.id, c, e.target.value))}
                          onPaste={(e) => handlePaste(e, r, c)}
                          onKeyDown={(e) => handleKeyDown(e, r, c)}
                          className={`ml-auto block min-h-11 w-36 rounded-4 border border-line bg-surface px-2 tabular-nums aria-[invalid=true]:border-2 aria-[invalid=true]:border-error ${row.kind === 'date' ? 'text-left' : 'text-right'}`}
                        />
                        {error ? (
                          <p id={`${inputId}-error`} className="mt-1 ml-auto w-36 text-xs font-bold text-error">
                            {error}
                          </p>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
