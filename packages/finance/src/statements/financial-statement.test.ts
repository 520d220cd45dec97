import { describe, expect, it } from 'vitest';
import { yen } from '@kasseika/domain';
import { sampleCurrentYear } from '../test-support/sample-statements';
import { BALANCE_SHEET_LINES, INCOME_STATEMENT_LINES, balanceSheetLineLabel, incomeStatementLineLabel } from './financial-statement';
import { deriveIncomeStatement, emptyBalanceSheet, totalDepreciation } from './statement-builder';

describe('statement model', () => {
  it('lists every balance-sheet and income-statement line with bilingual labels', () => {
    expect(BALANCE_SHEET_LINES).toHaveLength(24);
    expect(new Set(BALANCE_SHEET_LINES.map((l) => l.key)).size).toBe(24);
    expect(Object.keys(emptyBalanceSheet()).length).toBe(23); // current portion is optional
    expect(INCOME_STATEMENT_LINES).toHaveLength(17);
    for (const l of [...BALANCE_SHEET_LINES, ...INCOME_STATEMENT_LINES]) {
      expect(l.label.ja.length).toBeGreaterThan(0);
      expect(l.label.en.length).toBeGreaterThan(0);
    }
    expect(balanceSheetLineLabel('officerLoans').ja).toBe('役員借入金');
    expect(incomeStatementLineLabel('ordinaryProfit').ja).toBe('経常利益');
  });

  it('derives P/L subtotals: 105,000,000 − 70,000,000 = 35,000,000; − 31,000,000 = 4,000,000; …', () => {
    const pl = sampleCurrentYear().incomeStatement;
    expect(pl.grossProfit).toBe(35_000_000);
    expect(pl.operatingProfit).toBe(4_000_000);
    expect(pl.ordinaryProfit).toBe(3_500_000); // 4,000,000 + 500,000 − 1,000,000
    expect(pl.profitBeforeTax).toBe(3_500_000);
    expect(pl.netIncome).toBe(2_450_000); // 3,500,000 − 1,050,000
    expect(totalDepreciation(pl)).toBe(3_000_000);
    expect(totalDepreciation(deriveIncomeStatement({ depreciation: yen(3), depreciationInCostOfSales: yen(2) }))).toBe(5);
  });
});
