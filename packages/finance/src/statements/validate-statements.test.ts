import { describe, expect, it } from 'vitest';
import { yen, type Yen } from '@kasseika/domain';
import { sampleCurrentYear, samplePriorYear } from '../test-support/sample-statements';
import { deriveIncomeStatement, emptyBalanceSheet } from './statement-builder';
import {
  validateBalanceSheet,
  validateFinancialStatement,
  validateFinancialStatements,
  validateIncomeStatement,
} from './validate-statements';

const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe('validation', () => {
  it('accepts the sample years', () => {
    expect(validateFinancialStatements([samplePriorYear(), sampleCurrentYear()])).toEqual([]);
  });

  it('says by how many yen and which totals an unbalanced balance sheet differs', () => {
    const bs = { ...sampleCurrentYear().balanceSheet, cashAndDeposits: yen(15_001_000) };
    const [issue] = validateBalanceSheet(bs);
    expect(issue?.code).toBe('BALANCE_SHEET_DOES_NOT_BALANCE');
    expect(issue?.params).toMatchObject({
      totalAssets: 100_001_000,
      totalLiabilitiesAndNetAssets: 100_000_000,
      difference: 1_000,
    });
    expect(issue?.message.ja).toContain('1,000円 多く');
    expect(issue?.message.en).toContain('¥1,000 more');
    const less = validateBalanceSheet({ ...bs, cashAndDeposits: yen(14_999_000) });
    expect(less[0]?.message.ja).toContain('少なく');
  });

  it('checks reported totals one by one', () => {
    const issues = validateBalanceSheet(sampleCurrentYear().balanceSheet, {
      totalAssets: yen(100_000_000),
      totalCurrentAssets: yen(39_000_000),
      totalNetAssets: yen(25_000_500),
    });
    expect(issues.map((i) => [i.path.join('.'), i.params?.difference])).toEqual([
      ['reportedBalanceSheetTotals.totalCurrentAssets', -1_000_000],
      ['reportedBalanceSheetTotals.totalNetAssets', 500],
    ]);
  });

  it('explains each P/L subtotal mismatch line by line', () => {
    const pl = { ...sampleCurrentYear().incomeStatement, grossProfit: yen(35_000_100) };
    const issues = validateIncomeStatement(pl);
    // A wrong 売上総利益 breaks both its own formula and the 営業利益 formula that uses it.
    expect(issues.map((i) => [i.path.at(-1), i.params?.difference])).toEqual([
      ['grossProfit', -100],
      ['operatingProfit', 100],
    ]);
    expect(issues[0]?.message.ja).toContain('売上高 − 売上原価 = 35,000,000円');
  });

  it('flags an SG&A breakdown above the total, negative sales and negative costs', () => {
    const pl = deriveIncomeStatement({
      netSales: yen(-1),
      sellingGeneralAdministrativeExpenses: yen(10),
      personnelCosts: yen(8),
      depreciation: yen(5),
      interestExpense: yen(-3),
    });
    expect(codes(validateIncomeStatement(pl))).toEqual(['SGA_BREAKDOWN_EXCEEDS_TOTAL', 'NEGATIVE_SALES', 'NEGATIVE_LINE_ITEM']);
  });

  it('reports non-integer yen and skips the arithmetic checks', () => {
    const bs = { ...emptyBalanceSheet(), land: 1.5 as Yen };
    expect(codes(validateBalanceSheet(bs))).toEqual(['NOT_INTEGER_YEN']);
    const pl = { ...deriveIncomeStatement({}), netSales: 0.1 as Yen };
    expect(codes(validateIncomeStatement(pl))).toEqual(['NOT_INTEGER_YEN']);
    expect(codes(validateBalanceSheet(emptyBalanceSheet(), { totalAssets: 2.5 as Yen }))).toEqual(['NOT_INTEGER_YEN']);
  });

  it('warns about negative asset or liability lines', () => {
    const bs = { ...emptyBalanceSheet(), otherCurrentAssets: yen(-10), otherCurrentLiabilities: yen(-10) };
    const issues = validateBalanceSheet(bs);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ['NEGATIVE_LINE_ITEM', 'warning'],
      ['NEGATIVE_LINE_ITEM', 'warning'],
    ]);
  });

  it('validates the period and employees, collecting every issue', () => {
    const st = {
      ...sampleCurrentYear(),
      fiscalYearEnd: '2026-02-30',
      fiscalYearEndMonth: 13,
      periodMonths: 0,
      employees: -2,
    };
    expect(codes(validateFinancialStatement(st))).toEqual([
      'INVALID_DATE',
      'INVALID_FISCAL_YEAR_END_MONTH',
      'INVALID_PERIOD_MONTHS',
      'NEGATIVE_EMPLOYEES',
    ]);
    expect(codes(validateFinancialStatement({ ...sampleCurrentYear(), fiscalYearEndMonth: 12 }))).toEqual([
      'FISCAL_YEAR_END_MONTH_MISMATCH',
    ]);
    expect(codes(validateFinancialStatement({ ...sampleCurrentYear(), periodMonths: 8 }))).toEqual(['IRREGULAR_PERIOD']);
    expect(codes(validateFinancialStatement({ ...sampleCurrentYear(), employees: Number.NaN }))).toEqual(['INVALID_EMPLOYEES']);
  });

  it('validates the order and continuity of a series', () => {
    const a = samplePriorYear();
    const b = sampleCurrentYear();
    expect(codes(validateFinancialStatements([b, a]))).toEqual(['STATEMENTS_NOT_IN_ORDER']);
    expect(codes(validateFinancialStatements([b, b]))).toEqual(['DUPLICATE_FISCAL_YEAR']);
    const gap = { ...b, fiscalYearEnd: '2027-03-31' };
    expect(codes(validateFinancialStatements([a, gap]))).toEqual(['NON_CONSECUTIVE_FISCAL_YEARS']);
    const changed = { ...b, fiscalYearEnd: '2025-12-31', fiscalYearEndMonth: 12, periodMonths: 9 };
    expect(codes(validateFinancialStatements([a, changed]))).toEqual(['IRREGULAR_PERIOD', 'FISCAL_YEAR_END_CHANGED']);
    // paths are prefixed with the index of the year
    const bad = { ...b, employees: -1 };
    expect(validateFinancialStatements([a, bad])[0]?.path).toEqual([1, 'employees']);
  });
});
