import { formatAmountForInput, parseAmountInput, toHalfWidthAscii, type AmountInputUnit } from '@kasseika/domain';
import {
  BALANCE_SHEET_KEYS,
  INCOME_STATEMENT_KEYS,
  type FinancialStatement,
  type IncomeStatementKey,
  type KeyFigures,
} from '@kasseika/contracts';
import type { TFunction } from 'i18next';
import { cellKey, type GridRowSpec, type GridValues } from './amount-grid';

type Translate = TFunction<'finance'>;

type SubtotalKey = 'grossProfit' | 'operatingProfit' | 'ordinaryProfit' | 'profitBeforeTax' | 'netIncome';
export const SUBTOTAL_KEYS: readonly SubtotalKey[] = ['grossProfit', 'operatingProfit', 'ordinaryProfit', 'profitBeforeTax', 'netIncome'];
const OPTIONAL_KEYS = new Set(['balanceSheet.currentPortionOfLongTermBorrowings', 'incomeStatement.depreciationInCostOfSales']);

const text = (values: GridValues, rowId: string, col: number) => values[rowId]?.[col]?.trim() ?? '';

/** Reads an ISO date typed as 2026-03-31, 2026/3/31 or with 全角 digits. */
export function readDate(input: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(toHalfWidthAscii(input.trim()));
  if (!m) return null;
  const iso = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** Column name for cells and headings: "2026年3月期" / "FY ending 2026-03", or "1期目" until a date is typed. */
export function yearName(values: GridValues, dateRow: string, col: number, lang: 'ja' | 'en', fallback: string): string {
  const date = readDate(text(values, dateRow, col));
  if (!date) return fallback;
  return lang === 'ja' ? `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月期` : `FY ending ${date.slice(0, 7)}`;
}

function amountError(problem: string, t: Translate): string {
  return problem === 'notInteger' ? t('errors.integer') : problem === 'tooLarge' ? t('errors.tooLarge') : t('errors.number');
}

/** Parses the amount cells of a column; blank = 0 (or absent for optional lines). */
function readAmounts(
  values: GridValues,
  rowIds: readonly string[],
  col: number,
  unit: AmountInputUnit,
  t: Translate,
  errors: Record<string, string>,
) {
  const out = new Map<string, number>();
  for (const rowId of rowIds) {
    const raw = text(values, rowId, col);
    if (raw === '') {
      if (!OPTIONAL_KEYS.has(rowId)) out.set(rowId, 0);
      continue;
    }
    const parsed = parseAmountInput(raw, unit);
    if (parsed.ok) out.set(rowId, parsed.value);
    else errors[cellKey(rowId, col)] = amountError(parsed.problem, t);
  }
  return out;
}

function readEmployees(values: GridValues, rowId: string, col: number, t: Translate, errors: Record<string, string>): number {
  const raw = toHalfWidthAscii(text(values, rowId, col)).replace(/[,\s人]/g, '');
  const n = Number(raw);
  if (raw === '' || !Number.isFinite(n) || n < 0) {
    errors[cellKey(rowId, col)] = t('errors.employees');
    return 0;
  }
  return n;
}

/** Subtotals of the income statement from its components (computed rows of the grid). */
export function incomeSubtotals(amount: (key: IncomeStatementKey) => number): Record<SubtotalKey, number> {
  const grossProfit = amount('netSales') - amount('costOfSales');
  const operatingProfit = grossProfit - amount('sellingGeneralAdministrativeExpenses');
  const ordinaryProfit = operatingProfit + amount('nonOperatingIncome') - amount('interestExpense') - amount('otherNonOperatingExpenses');
  const profitBeforeTax = ordinaryProfit + amount('extraordinaryGains') - amount('extraordinaryLosses');
  return { grossProfit, operatingProfit, ordinaryProfit, profitBeforeTax, netIncome: profitBeforeTax - amount('incomeTaxes') };
}

/** Rows of the statement grid: basics, balance sheet, income statement (subtotals computed). */
export function statementRows(t: Translate, values: GridValues, unit: AmountInputUnit): GridRowSpec[] {
  const subtotal = (key: SubtotalKey) => (col: number) => {
    const amounts = new Map<string, number>();
    for (const k of INCOME_STATEMENT_KEYS) {
      const p = parseAmountInput(text(values, `incomeStatement.${k}`, col) || '0', unit);
      if (!p.ok) return null;
      amounts.set(k, p.value);
    }
    return incomeSubtotals((k) => amounts.get(k) ?? 0)[key];
  };
  return [
    { id: 'fiscalYearEnd', label: t('grid.fiscalYearEnd'), kind: 'date' },
    { id: 'employees', label: t('grid.employees'), kind: 'persons' },
    { id: 'section.bs', label: t('grid.balanceSheet'), kind: 'section' },
    ...BALANCE_SHEET_KEYS.map((k): GridRowSpec => ({ id: `balanceSheet.${k}`, label: t(`lines.${k}`), kind: 'amount' })),
    { id: 'section.pl', label: t('grid.incomeStatement'), kind: 'section' },
    ...INCOME_STATEMENT_KEYS.map((k): GridRowSpec =>
      (SUBTOTAL_KEYS as readonly string[]).includes(k)
        ? { id: `incomeStatement.${k}`, label: t(`lines.${k}`), kind: 'computed', compute: subtotal(k as SubtotalKey) }
        : { id: `incomeStatement.${k}`, label: t(`lines.${k}`), kind: 'amount' },
    ),
  ];
}

/** Statements from the grid (oldest column first), or the cell errors that say what to fix. */
export function readStatements(
  values: GridValues,
  columns: number,
  unit: AmountInputUnit,
  t: Translate,
): { statements: FinancialStatement[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const bsIds = BALANCE_SHEET_KEYS.map((k) => `balanceSheet.${k}`);
  const plIds = INCOME_STATEMENT_KEYS.filter((k) => !(SUBTOTAL_KEYS as readonly string[]).includes(k)).map((k) => `incomeStatement.${k}`);
  const statements = Array.from({ length: columns }, (_, col): FinancialStatement => {
    const date = readDate(text(values, 'fiscalYearEnd', col));
    if (!date) errors[cellKey('fiscalYearEnd', col)] = t('errors.date');
    const employees = readEmployees(values, 'employees', col, t, errors);
    const bs = readAmounts(values, bsIds, col, unit, t, errors);
    const pl = readAmounts(values, plIds, col, unit, t, errors);
    const amount = (k: IncomeStatementKey) => pl.get(`incomeStatement.${k}`) ?? 0;
    const strip = (m: Map<string, number>, prefix: string) => Object.fromEntries([...m].map(([k, v]) => [k.slice(prefix.length), v]));
    return {
      fiscalYearEnd: date ?? '',
      fiscalYearEndMonth: date ? Number(date.slice(5, 7)) : 1,
      employees,
      balanceSheet: strip(bs, 'balanceSheet.') as FinancialStatement['balanceSheet'],
      incomeStatement: { ...(strip(pl, 'incomeStatement.') as FinancialStatement['incomeStatement']), ...incomeSubtotals(amount) },
    };
  });
  return { statements, errors };
}

/** An amount as grid text with thousands separators (what a person reads; the parser accepts it back). */
export function amountText(value: number, unit: AmountInputUnit): string {
  const [whole = '', frac] = formatAmountForInput(value, unit).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

/** Grid text of statements (e.g. after an import), in the chosen unit. */
export function statementsToGrid(statements: readonly FinancialStatement[], unit: AmountInputUnit): GridValues {
  const out: Record<string, string[]> = {};
  const put = (rowId: string, col: number, v: string) => {
    (out[rowId] ??= [])[col] = v;
  };
  statements.forEach((s, col) => {
    put('fiscalYearEnd', col, s.fiscalYearEnd);
    put('employees', col, String(s.employees));
    for (const [k, v] of Object.entries(s.balanceSheet)) if (typeof v === 'number') put(`balanceSheet.${k}`, col, amountText(v, unit));
    for (const [k, v] of Object.entries(s.incomeStatement))
      if (typeof v === 'number') put(`incomeStatement.${k}`, col, amountText(v, unit));
  });
  return out;
}

/** Converts typed amounts when the unit changes (円 ↔ 千円); unreadable cells are kept as typed. */
export function convertUnit(values: GridValues, amountRowIds: readonly string[], from: AmountInputUnit, to: AmountInputUnit): GridValues {
  const out: Record<string, readonly string[]> = { ...values };
  for (const id of amountRowIds) {
    const row = values[id];
    if (!row) continue;
    out[id] = row.map((cell) => {
      const p = parseAmountInput(cell, from);
      return p.ok ? amountText(p.value, to) : cell;
    });
  }
  return out;
}

export const KEY_FIGURE_FIELDS = [
  'netSales',
  'operatingProfit',
  'depreciation',
  'ordinaryProfit',
  'incomeTaxes',
  'cashAndDeposits',
  'tradeReceivables',
  'inventories',
  'tradePayables',
  'borrowings',
  'netAssets',
  'totalAssets',
] as const;

export function keyFigureRows(t: Translate): GridRowSpec[] {
  return [
    { id: 'fiscalYearEnd', label: t('keyFigures.fiscalYearEnd'), kind: 'date' },
    { id: 'employees', label: t('keyFigures.employees'), kind: 'persons' },
    ...KEY_FIGURE_FIELDS.map((k): GridRowSpec => ({ id: k, label: t(`keyFigures.${k}`), kind: 'amount' })),
  ];
}

export function readKeyFigures(
  values: GridValues,
  columns: number,
  unit: AmountInputUnit,
  t: Translate,
): { years: KeyFigures[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const years = Array.from({ length: columns }, (_, col): KeyFigures => {
    const date = readDate(text(values, 'fiscalYearEnd', col));
    if (!date) errors[cellKey('fiscalYearEnd', col)] = t('errors.date');
    const employees = readEmployees(values, 'employees', col, t, errors);
    const amounts = readAmounts(values, KEY_FIGURE_FIELDS, col, unit, t, errors);
    return {
      fiscalYearEnd: date ?? '',
      employees,
      ...(Object.fromEntries(KEY_FIGURE_FIELDS.map((k) => [k, amounts.get(k) ?? 0])) as Omit<KeyFigures, 'fiscalYearEnd' | 'employees'>),
    };
  });
  return { years, errors };
}

/** Maps a 422 pointer like /body/statements/1/balanceSheet/cashAndDeposits to a grid cell key. */
export function cellFromPointer(pointer: string, listName: 'statements' | 'years'): string | null {
  const parts = pointer.split('/').slice(2);
  if (parts[0] !== listName) return null;
  const col = Number(parts[1]);
  if (!Number.isInteger(col)) return null;
  const rest = parts.slice(2);
  if (rest.length === 0) return null;
  const rowId =
    rest.length >= 2 && (rest[0] === 'balanceSheet' || rest[0] === 'incomeStatement') ? `${rest[0]}.${rest[1]}` : (rest[0] ?? '');
  return cellKey(rowId, col);
}
