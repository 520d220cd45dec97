import { describe, expect, it } from 'vitest';
import { yen } from '@kasseika/domain';
import { deriveIncomeStatement, emptyBalanceSheet } from './statement-builder';
import { validateIncomeStatement } from './validate-statements';

describe('statement builder', () => {
  it('builds an all-zero balance sheet', () => {
    expect(Object.values(emptyBalanceSheet()).every((v) => v === 0)).toBe(true);
  });
  it('derives a consistent income statement from components, including a loss', () => {
    // 10,000 − 12,000 = −2,000 gross; − 1,000 SG&A = −3,000; + 500 − 200 − 100 = −2,800; + 0 − 700 = −3,500; − 70 = −3,570
    const pl = deriveIncomeStatement({
      netSales: yen(10_000),
      costOfSales: yen(12_000),
      sellingGeneralAdministrativeExpenses: yen(1_000),
      nonOperatingIncome: yen(500),
      interestExpense: yen(200),
      otherNonOperatingExpenses: yen(100),
      extraordinaryLosses: yen(700),
      incomeTaxes: yen(70),
    });
    expect([pl.grossProfit, pl.operatingProfit, pl.ordinaryProfit, pl.profitBeforeTax, pl.netIncome]).toEqual([
      -2_000, -3_000, -2_800, -3_500, -3_570,
    ]);
    expect(validateIncomeStatement(pl)).toEqual([]);
    expect('depreciationInCostOfSales' in pl).toBe(false);
  });
});
