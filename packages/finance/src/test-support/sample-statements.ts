import { yen } from '@kasseika/domain';
import type { FinancialStatement } from '../statements/financial-statement';
import { deriveIncomeStatement, emptyBalanceSheet } from '../statements/statement-builder';

/**
 * Test fixture: the REFERENCE §10.4 illustrative company expressed in yen (the vector is in 千円).
 * Balance sheet (yen): cash 15,000,000; AR 12,000,000; inventories 8,000,000; other current 5,000,000 → current
 * 40,000,000; land 30,000,000; buildings 20,000,000; other tangible 10,000,000 → total assets 100,000,000.
 * AP 9,000,000; short-term borrowings 10,000,000; other current liabilities 6,000,000; long-term borrowings
 * 50,000,000 → liabilities 75,000,000; capital 10,000,000 + retained 15,000,000 = net assets 25,000,000.
 * P/L: sales 105,000,000 − COGS 70,000,000 = 35,000,000; SG&A 31,000,000 (personnel 15,000,000, depreciation
 * 3,000,000) → operating 4,000,000; + non-op income 500,000 − interest 1,000,000 = ordinary 3,500,000;
 * − tax 1,050,000 = net 2,450,000.
 */
export function sampleCurrentYear(): FinancialStatement {
  return {
    fiscalYearEnd: '2026-03-31',
    fiscalYearEndMonth: 3,
    employees: 20,
    balanceSheet: {
      ...emptyBalanceSheet(),
      cashAndDeposits: yen(15_000_000),
      accountsReceivable: yen(12_000_000),
      inventories: yen(8_000_000),
      otherCurrentAssets: yen(5_000_000),
      land: yen(30_000_000),
      buildings: yen(20_000_000),
      otherTangibleFixedAssets: yen(10_000_000),
      accountsPayable: yen(9_000_000),
      shortTermBorrowings: yen(10_000_000),
      otherCurrentLiabilities: yen(6_000_000),
      longTermBorrowings: yen(50_000_000),
      capitalStock: yen(10_000_000),
      retainedEarnings: yen(15_000_000),
    },
    incomeStatement: deriveIncomeStatement({
      netSales: yen(105_000_000),
      costOfSales: yen(70_000_000),
      sellingGeneralAdministrativeExpenses: yen(31_000_000),
      personnelCosts: yen(15_000_000),
      depreciation: yen(3_000_000),
      nonOperatingIncome: yen(500_000),
      interestExpense: yen(1_000_000),
      incomeTaxes: yen(1_050_000),
    }),
  };
}

/** The prior year of {@link sampleCurrentYear}: sales 100,000,000, otherwise the same balance sheet. */
export function samplePriorYear(): FinancialStatement {
  const cur = sampleCurrentYear();
  return {
    ...cur,
    fiscalYearEnd: '2025-03-31',
    incomeStatement: deriveIncomeStatement({
      netSales: yen(100_000_000),
      costOfSales: yen(67_000_000),
      sellingGeneralAdministrativeExpenses: yen(30_000_000),
      personnelCosts: yen(15_000_000),
      depreciation: yen(3_000_000),
      interestExpense: yen(1_100_000),
      incomeTaxes: yen(570_000),
    }),
  };
}
