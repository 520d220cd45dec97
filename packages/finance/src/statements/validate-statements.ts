import { checkYen, formatYenPlain, makeIssue, type ValidationIssue } from '../validation/issue';
import { monthsBetween, parseIsoDate } from '../calendar/fiscal-calendar';
import {
  BALANCE_SHEET_LINES,
  INCOME_STATEMENT_LINES,
  type BalanceSheet,
  type FinancialStatement,
  type IncomeStatement,
  type IncomeStatementLineKey,
  type ReportedBalanceSheetTotals,
} from './financial-statement';
import type { LocalizedText } from '../explain/step';

type Path = readonly (string | number)[];

/** Plain-number totals (the validator must not throw on non-integer input). */
function totalsOf(bs: BalanceSheet): Record<keyof ReportedBalanceSheetTotals, number> {
  const totalCurrentAssets = bs.cashAndDeposits + bs.notesReceivable + bs.accountsReceivable + bs.inventories + bs.otherCurrentAssets;
  const totalFixedAssets = bs.land + bs.buildings + bs.otherTangibleFixedAssets + bs.intangibleFixedAssets + bs.investmentsAndOtherAssets;
  const totalAssets = totalCurrentAssets + totalFixedAssets + bs.deferredAssets;
  const totalCurrentLiabilities =
    bs.notesPayable +
    bs.accountsPayable +
    bs.shortTermBorrowings +
    (bs.currentPortionOfLongTermBorrowings ?? 0) +
    bs.otherCurrentLiabilities;
  const totalFixedLiabilities = bs.longTermBorrowings + bs.bonds + bs.officerLoans + bs.leaseObligations + bs.otherFixedLiabilities;
  const totalLiabilities = totalCurrentLiabilities + totalFixedLiabilities;
  const totalNetAssets = bs.capitalStock + bs.retainedEarnings + bs.otherNetAssets;
  return {
    totalCurrentAssets,
    totalFixedAssets,
    totalAssets,
    totalCurrentLiabilities,
    totalFixedLiabilities,
    totalLiabilities,
    totalNetAssets,
    totalLiabilitiesAndNetAssets: totalLiabilities + totalNetAssets,
  };
}

const TOTAL_LABELS: Record<keyof ReportedBalanceSheetTotals, LocalizedText> = {
  totalCurrentAssets: { ja: '流動資産合計', en: 'total current assets' },
  totalFixedAssets: { ja: '固定資産合計', en: 'total fixed assets' },
  totalAssets: { ja: '資産合計', en: 'total assets' },
  totalCurrentLiabilities: { ja: '流動負債合計', en: 'total current liabilities' },
  totalFixedLiabilities: { ja: '固定負債合計', en: 'total fixed liabilities' },
  totalLiabilities: { ja: '負債合計', en: 'total liabilities' },
  totalNetAssets: { ja: '純資産合計', en: 'total net assets' },
  totalLiabilitiesAndNetAssets: { ja: '負債・純資産合計', en: 'total liabilities and net assets' },
};

/**
 * Validates one balance sheet: every line is integer yen; assets = liabilities + net assets (the message says by
 * how many yen and which side is larger); reported totals, when given, agree with the lines; negative asset or
 * liability lines are warnings.
 *
 * @example
 * validateBalanceSheet({ ...emptyBalanceSheet(), cashAndDeposits: yen(1000) })
 * // [{ code: 'BALANCE_SHEET_DOES_NOT_BALANCE', params: { totalAssets: 1000, totalLiabilitiesAndNetAssets: 0, difference: 1000 }, … }]
 */
export function validateBalanceSheet(
  bs: BalanceSheet,
  reported?: ReportedBalanceSheetTotals,
  path: Path = ['balanceSheet'],
  reportedPath: Path = ['reportedBalanceSheetTotals'],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  let allInteger = true;
  for (const line of BALANCE_SHEET_LINES) {
    const value = bs[line.key];
    if (value === undefined && line.key === 'currentPortionOfLongTermBorrowings') continue;
    if (!checkYen(issues, [...path, line.key], value, line.label)) {
      allInteger = false;
      continue;
    }
    if (line.side !== 'netAssets' && (value ?? 0) < 0) {
      issues.push(
        makeIssue(
          [...path, line.key],
          'NEGATIVE_LINE_ITEM',
          {
            ja: `${line.label.ja}がマイナス（${formatYenPlain(value ?? 0)}円）です。科目の振替や引当金の控除を確認してください。`,
            en: `${line.label.en} is negative (¥${formatYenPlain(value ?? 0)}). Check reclassifications and netted allowances.`,
          },
          { severity: 'warning', params: { value: value ?? 0 } },
        ),
      );
    }
  }
  if (reported) {
    for (const key of Object.keys(TOTAL_LABELS) as (keyof ReportedBalanceSheetTotals)[]) {
      const r = reported[key];
      if (r !== undefined && !checkYen(issues, [...reportedPath, key], r, TOTAL_LABELS[key])) allInteger = false;
    }
  }
  if (!allInteger) return issues;

  const t = totalsOf(bs);
  const difference = t.totalAssets - t.totalLiabilitiesAndNetAssets;
  if (difference !== 0) {
    const larger = difference > 0;
    issues.push(
      makeIssue(
        path,
        'BALANCE_SHEET_DOES_NOT_BALANCE',
        {
          ja: `貸借が一致しません。資産合計 ${formatYenPlain(t.totalAssets)}円 が負債・純資産合計 ${formatYenPlain(
            t.totalLiabilitiesAndNetAssets,
          )}円（負債合計 ${formatYenPlain(t.totalLiabilities)}円 ＋ 純資産合計 ${formatYenPlain(
            t.totalNetAssets,
          )}円）より ${formatYenPlain(Math.abs(difference))}円 ${larger ? '多く' : '少なく'}なっています。`,
          en: `The balance sheet does not balance: total assets ¥${formatYenPlain(t.totalAssets)} are ¥${formatYenPlain(
            Math.abs(difference),
          )} ${larger ? 'more' : 'less'} than total liabilities and net assets ¥${formatYenPlain(
            t.totalLiabilitiesAndNetAssets,
          )} (liabilities ¥${formatYenPlain(t.totalLiabilities)} + net assets ¥${formatYenPlain(t.totalNetAssets)}).`,
        },
        {
          params: {
            totalAssets: t.totalAssets,
            totalLiabilities: t.totalLiabilities,
            totalNetAssets: t.totalNetAssets,
            totalLiabilitiesAndNetAssets: t.totalLiabilitiesAndNetAssets,
            difference,
          },
        },
      ),
    );
  }
  if (reported) {
    for (const key of Object.keys(TOTAL_LABELS) as (keyof ReportedBalanceSheetTotals)[]) {
      const r = reported[key];
      if (r === undefined) continue;
      const diff = r - t[key];
      if (diff === 0) continue;
      const label = TOTAL_LABELS[key];
      issues.push(
        makeIssue(
          [...reportedPath, key],
          'REPORTED_TOTAL_MISMATCH',
          {
            ja: `決算書の${label.ja} ${formatYenPlain(r)}円 が各科目の合計 ${formatYenPlain(t[key])}円 と ${formatYenPlain(
              Math.abs(diff),
            )}円 異なります（決算書の方が${diff > 0 ? '多い' : '少ない'}）。`,
            en: `The reported ${label.en} of ¥${formatYenPlain(r)} differs from the sum of its lines, ¥${formatYenPlain(
              t[key],
            )}, by ¥${formatYenPlain(Math.abs(diff))} (reported is ${diff > 0 ? 'higher' : 'lower'}).`,
          },
          { params: { reported: r, computed: t[key], difference: diff } },
        ),
      );
    }
  }
  return issues;
}

interface SubtotalRule {
  readonly key: IncomeStatementLineKey;
  readonly compute: (pl: IncomeStatement) => number;
  readonly formula: LocalizedText;
}

const SUBTOTAL_RULES: readonly SubtotalRule[] = [
  {
    key: 'grossProfit',
    compute: (p) => p.netSales - p.costOfSales,
    formula: { ja: '売上高 − 売上原価', en: 'net sales − cost of sales' },
  },
  {
    key: 'operatingProfit',
    compute: (p) => p.grossProfit - p.sellingGeneralAdministrativeExpenses,
    formula: { ja: '売上総利益 − 販売費及び一般管理費', en: 'gross profit − SG&A expenses' },
  },
  {
    key: 'ordinaryProfit',
    compute: (p) => p.operatingProfit + p.nonOperatingIncome - p.interestExpense - p.otherNonOperatingExpenses,
    formula: {
      ja: '営業利益 + 営業外収益 − 支払利息 − その他営業外費用',
      en: 'operating profit + non-operating income − interest expense − other non-operating expenses',
    },
  },
  {
    key: 'profitBeforeTax',
    compute: (p) => p.ordinaryProfit + p.extraordinaryGains - p.extraordinaryLosses,
    formula: { ja: '経常利益 + 特別利益 − 特別損失', en: 'ordinary profit + extraordinary gains − extraordinary losses' },
  },
  {
    key: 'netIncome',
    compute: (p) => p.profitBeforeTax - p.incomeTaxes,
    formula: { ja: '税引前当期純利益 − 法人税等', en: 'profit before income taxes − income taxes' },
  },
];

const NON_NEGATIVE_COMPONENTS: readonly IncomeStatementLineKey[] = [
  'costOfSales',
  'sellingGeneralAdministrativeExpenses',
  'personnelCosts',
  'depreciation',
  'depreciationInCostOfSales',
  'nonOperatingIncome',
  'interestExpense',
  'otherNonOperatingExpenses',
  'extraordinaryGains',
  'extraordinaryLosses',
];

/**
 * Validates one income statement line by line: every line integer yen; each reported subtotal equals its formula
 * over the reported lines (one issue per subtotal, with both figures and the difference in yen); the "of which"
 * lines (人件費, 減価償却費) do not exceed SG&A; negative sales is an error, other negative costs are warnings.
 *
 * @example
 * validateIncomeStatement({ ...deriveIncomeStatement({ netSales: yen(100) }), grossProfit: yen(90) })
 * // [{ code: 'INCOME_STATEMENT_SUBTOTAL_MISMATCH', path: ['incomeStatement', 'grossProfit'], params: { difference: -10, … } }, …]
 */
export function validateIncomeStatement(pl: IncomeStatement, path: Path = ['incomeStatement']): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  let allInteger = true;
  for (const line of INCOME_STATEMENT_LINES) {
    const value = pl[line.key];
    if (value === undefined && line.key === 'depreciationInCostOfSales') continue;
    if (!checkYen(issues, [...path, line.key], value, line.label)) allInteger = false;
  }
  if (!allInteger) return issues;

  for (const rule of SUBTOTAL_RULES) {
    const reported = pl[rule.key] ?? 0;
    const computed = rule.compute(pl);
    const difference = computed - reported;
    if (difference === 0) continue;
    const label = INCOME_STATEMENT_LINES.find((l) => l.key === rule.key)?.label ?? { ja: rule.key, en: rule.key };
    issues.push(
      makeIssue(
        [...path, rule.key],
        'INCOME_STATEMENT_SUBTOTAL_MISMATCH',
        {
          ja: `${label.ja}が一致しません。決算書 ${formatYenPlain(reported)}円 に対し、${rule.formula.ja} = ${formatYenPlain(
            computed,
          )}円 で、差額は ${formatYenPlain(difference)}円 です。`,
          en: `${label.en} does not agree: reported ¥${formatYenPlain(reported)}, but ${rule.formula.en} = ¥${formatYenPlain(
            computed,
          )}; difference ¥${formatYenPlain(difference)}.`,
        },
        { params: { reported, computed, difference } },
      ),
    );
  }
  const ofWhich = pl.personnelCosts + pl.depreciation;
  if (ofWhich > pl.sellingGeneralAdministrativeExpenses) {
    const excess = ofWhich - pl.sellingGeneralAdministrativeExpenses;
    issues.push(
      makeIssue(
        [...path, 'sellingGeneralAdministrativeExpenses'],
        'SGA_BREAKDOWN_EXCEEDS_TOTAL',
        {
          ja: `販管費の内訳（人件費 ${formatYenPlain(pl.personnelCosts)}円 ＋ 減価償却費 ${formatYenPlain(
            pl.depreciation,
          )}円）が販管費合計 ${formatYenPlain(pl.sellingGeneralAdministrativeExpenses)}円 を ${formatYenPlain(excess)}円 上回っています。`,
          en: `The SG&A breakdown (personnel costs ¥${formatYenPlain(pl.personnelCosts)} + depreciation ¥${formatYenPlain(
            pl.depreciation,
          )}) exceeds total SG&A of ¥${formatYenPlain(pl.sellingGeneralAdministrativeExpenses)} by ¥${formatYenPlain(excess)}.`,
        },
        { params: { excess } },
      ),
    );
  }
  if (pl.netSales < 0) {
    issues.push(
      makeIssue([...path, 'netSales'], 'NEGATIVE_SALES', {
        ja: `売上高がマイナス（${formatYenPlain(pl.netSales)}円）です。`,
        en: `Net sales are negative (¥${formatYenPlain(pl.netSales)}).`,
      }),
    );
  }
  for (const key of NON_NEGATIVE_COMPONENTS) {
    const value = pl[key];
    if (value === undefined || value >= 0) continue;
    const label = INCOME_STATEMENT_LINES.find((l) => l.key === key)?.label ?? { ja: key, en: key };
    issues.push(
      makeIssue(
        [...path, key],
        'NEGATIVE_LINE_ITEM',
        {
          ja: `${label.ja}がマイナス（${formatYenPlain(value)}円）です。`,
          en: `${label.en} is negative (¥${formatYenPlain(value)}).`,
        },
        { severity: 'warning', params: { value } },
      ),
    );
  }
  return issues;
}

/**
 * Validates one fiscal year: the period (決算月 1–12 matching the end date, 12-month period or a 変則決算 warning),
 * employees (finite, not negative), the balance sheet and the income statement. Returns every issue.
 *
 * @example
 * validateFinancialStatement({ fiscalYearEnd: '2026-03-31', fiscalYearEndMonth: 3, employees: -1,
 *   balanceSheet: emptyBalanceSheet(), incomeStatement: deriveIncomeStatement({}) })
 * // [{ code: 'NEGATIVE_EMPLOYEES', path: ['employees'], … }]
 */
export function validateFinancialStatement(st: FinancialStatement, path: Path = []): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const date = parseIsoDate(st.fiscalYearEnd);
  const monthOk = Number.isInteger(st.fiscalYearEndMonth) && st.fiscalYearEndMonth >= 1 && st.fiscalYearEndMonth <= 12;
  if (!date) {
    issues.push(
      makeIssue([...path, 'fiscalYearEnd'], 'INVALID_DATE', {
        ja: `決算日「${st.fiscalYearEnd}」は YYYY-MM-DD 形式の実在する日付ではありません。`,
        en: `Fiscal year end "${st.fiscalYearEnd}" is not a valid YYYY-MM-DD date.`,
      }),
    );
  }
  if (!monthOk) {
    issues.push(
      makeIssue([...path, 'fiscalYearEndMonth'], 'INVALID_FISCAL_YEAR_END_MONTH', {
        ja: `決算月は1〜12の整数で指定してください（入力値: ${String(st.fiscalYearEndMonth)}）。`,
        en: `The fiscal year-end month must be an integer from 1 to 12 (got ${String(st.fiscalYearEndMonth)}).`,
      }),
    );
  }
  if (date && monthOk && date.month !== st.fiscalYearEndMonth) {
    issues.push(
      makeIssue([...path, 'fiscalYearEndMonth'], 'FISCAL_YEAR_END_MONTH_MISMATCH', {
        ja: `決算月（${st.fiscalYearEndMonth}月）と決算日（${st.fiscalYearEnd}）の月が一致しません。`,
        en: `The fiscal year-end month (${st.fiscalYearEndMonth}) does not match the fiscal year end date (${st.fiscalYearEnd}).`,
      }),
    );
  }
  const months = st.periodMonths ?? 12;
  if (!Number.isInteger(months) || months < 1 || months > 12) {
    issues.push(
      makeIssue([...path, 'periodMonths'], 'INVALID_PERIOD_MONTHS', {
        ja: `事業年度の月数は1〜12の整数で指定してください（入力値: ${String(months)}）。`,
        en: `The period length must be an integer from 1 to 12 months (got ${String(months)}).`,
      }),
    );
  } else if (months !== 12) {
    issues.push(
      makeIssue(
        [...path, 'periodMonths'],
        'IRREGULAR_PERIOD',
        {
          ja: `変則決算（${months}か月）です。増加率や月商を用いる指標は年換算されていません。`,
          en: `Irregular fiscal period (${months} months); growth rates and monthly-sales indicators are not annualised.`,
        },
        { severity: 'warning', params: { months } },
      ),
    );
  }
  if (typeof st.employees !== 'number' || !Number.isFinite(st.employees)) {
    issues.push(
      makeIssue([...path, 'employees'], 'INVALID_EMPLOYEES', {
        ja: '従業員数は数値で入力してください。',
        en: 'Employees must be a number.',
      }),
    );
  } else if (st.employees < 0) {
    issues.push(
      makeIssue(
        [...path, 'employees'],
        'NEGATIVE_EMPLOYEES',
        {
          ja: `従業員数がマイナス（${st.employees}人）です。`,
          en: `Employees is negative (${st.employees}).`,
        },
        { params: { employees: st.employees } },
      ),
    );
  }
  issues.push(
    ...validateBalanceSheet(
      st.balanceSheet,
      st.reportedBalanceSheetTotals,
      [...path, 'balanceSheet'],
      [...path, 'reportedBalanceSheetTotals'],
    ),
  );
  issues.push(...validateIncomeStatement(st.incomeStatement, [...path, 'incomeStatement']));
  return issues;
}

/**
 * Validates several fiscal years: each year as {@link validateFinancialStatement} (paths prefixed with the index),
 * then the series — strictly ascending, no duplicate year, consecutive (a gap is a warning) and an unchanged 決算月
 * (a change is a warning).
 *
 * @example
 * validateFinancialStatements([fy2025, fy2024]) // includes { code: 'STATEMENTS_NOT_IN_ORDER', path: [1, 'fiscalYearEnd'] }
 */
export function validateFinancialStatements(statements: readonly FinancialStatement[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  statements.forEach((st, i) => issues.push(...validateFinancialStatement(st, [i])));
  for (let i = 1; i < statements.length; i += 1) {
    const prev = statements[i - 1];
    const cur = statements[i];
    if (!prev || !cur || !parseIsoDate(prev.fiscalYearEnd) || !parseIsoDate(cur.fiscalYearEnd)) continue;
    if (cur.fiscalYearEnd === prev.fiscalYearEnd) {
      issues.push(
        makeIssue([i, 'fiscalYearEnd'], 'DUPLICATE_FISCAL_YEAR', {
          ja: `決算日 ${cur.fiscalYearEnd} の決算書が重複しています。`,
          en: `There are two statements for the fiscal year ending ${cur.fiscalYearEnd}.`,
        }),
      );
      continue;
    }
    if (cur.fiscalYearEnd < prev.fiscalYearEnd) {
      issues.push(
        makeIssue([i, 'fiscalYearEnd'], 'STATEMENTS_NOT_IN_ORDER', {
          ja: `決算書は古い年度から順に並べてください（${prev.fiscalYearEnd} の後に ${cur.fiscalYearEnd}）。`,
          en: `List statements from the oldest year (${cur.fiscalYearEnd} comes after ${prev.fiscalYearEnd}).`,
        }),
      );
      continue;
    }
    const gap = monthsBetween(prev.fiscalYearEnd.slice(0, 7), cur.fiscalYearEnd.slice(0, 7));
    if (gap !== (cur.periodMonths ?? 12)) {
      issues.push(
        makeIssue(
          [i, 'fiscalYearEnd'],
          'NON_CONSECUTIVE_FISCAL_YEARS',
          {
            ja: `前期末 ${prev.fiscalYearEnd} から当期末 ${cur.fiscalYearEnd} までが ${gap}か月で、当期の月数と一致しません。`,
            en: `${gap} months lie between ${prev.fiscalYearEnd} and ${cur.fiscalYearEnd}, which does not match the period length.`,
          },
          { severity: 'warning', params: { months: gap } },
        ),
      );
    }
    if (cur.fiscalYearEndMonth !== prev.fiscalYearEndMonth) {
      issues.push(
        makeIssue(
          [i, 'fiscalYearEndMonth'],
          'FISCAL_YEAR_END_CHANGED',
          {
            ja: `決算月が ${prev.fiscalYearEndMonth}月 から ${cur.fiscalYearEndMonth}月 に変更されています。`,
            en: `The fiscal year-end month changed from ${prev.fiscalYearEndMonth} to ${cur.fiscalYearEndMonth}.`,
          },
          { severity: 'warning' },
        ),
      );
    }
  }
  return issues;
}
