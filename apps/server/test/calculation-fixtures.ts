import type { FinancialStatement, PlanDocument } from '@kasseika/contracts';

/**
 * Request fixtures for the calculation routes, as a client would send them (plain JSON, integer yen): the REFERENCE
 * §10.4 illustrative company in yen (base year ending 2026-03-31, prior year 2025-03-31) and a 5-year plan.
 */
export function baseYear(): FinancialStatement {
  return {
    fiscalYearEnd: '2026-03-31',
    fiscalYearEndMonth: 3,
    employees: 20,
    balanceSheet: {
      cashAndDeposits: 15_000_000,
      notesReceivable: 0,
      accountsReceivable: 12_000_000,
      inventories: 8_000_000,
      otherCurrentAssets: 5_000_000,
      land: 30_000_000,
      buildings: 20_000_000,
      otherTangibleFixedAssets: 10_000_000,
      intangibleFixedAssets: 0,
      investmentsAndOtherAssets: 0,
      deferredAssets: 0,
      notesPayable: 0,
      accountsPayable: 9_000_000,
      shortTermBorrowings: 10_000_000,
      otherCurrentLiabilities: 6_000_000,
      longTermBorrowings: 50_000_000,
      bonds: 0,
      officerLoans: 0,
      leaseObligations: 0,
      otherFixedLiabilities: 0,
      capitalStock: 10_000_000,
      retainedEarnings: 15_000_000,
      otherNetAssets: 0,
    },
    incomeStatement: {
      netSales: 105_000_000,
      costOfSales: 70_000_000,
      grossProfit: 35_000_000,
      sellingGeneralAdministrativeExpenses: 31_000_000,
      personnelCosts: 15_000_000,
      depreciation: 3_000_000,
      operatingProfit: 4_000_000,
      nonOperatingIncome: 500_000,
      interestExpense: 1_000_000,
      otherNonOperatingExpenses: 0,
      ordinaryProfit: 3_500_000,
      extraordinaryGains: 0,
      extraordinaryLosses: 0,
      profitBeforeTax: 3_500_000,
      incomeTaxes: 1_050_000,
      netIncome: 2_450_000,
    },
  };
}

export function priorYear(): FinancialStatement {
  const cur = baseYear();
  return {
    ...cur,
    fiscalYearEnd: '2025-03-31',
    incomeStatement: {
      netSales: 100_000_000,
      costOfSales: 67_000_000,
      grossProfit: 33_000_000,
      sellingGeneralAdministrativeExpenses: 30_000_000,
      personnelCosts: 15_000_000,
      depreciation: 3_000_000,
      operatingProfit: 3_000_000,
      nonOperatingIncome: 0,
      interestExpense: 1_100_000,
      otherNonOperatingExpenses: 0,
      ordinaryProfit: 1_900_000,
      extraordinaryGains: 0,
      extraordinaryLosses: 0,
      profitBeforeTax: 1_900_000,
      incomeTaxes: 570_000,
      netIncome: 1_330_000,
    },
  };
}

/** A 5-year plan of the base year with two creditors, a 実態BS write-down and a pro-rata of ¥500,000 a month. */
export function planDocument(): PlanDocument {
  return {
    company: { name: '株式会社テスト製作所', industryCode: '0201', locabenSizeClass: 'medium' },
    statements: [priorYear(), baseYear()],
    adjustments: [
      {
        id: 'A1',
        targetLine: 'accountsReceivable',
        amount: -3_000_000,
        reason: '得意先倒産による回収不能',
        category: 'irrecoverableReceivables',
      },
      { id: 'A2', targetLine: 'land', amount: -30_000_000, reason: '路線価による時価評価', category: 'realEstateFairValue' },
    ],
    treatOfficerLoansAsEquity: false,
    drivers: {
      horizonYears: 5,
      salesGrowth: [0.03, 0.03, 0.02, 0.02, 0.02],
      costOfSalesRatio: 0.66,
      personnelCosts: 15_000_000,
      otherFixedSga: 13_000_000,
      taxRate: 0.3,
      existingDepreciation: {
        buildings: { kind: 'straightLine', remainingLifeYears: 20 },
        otherTangible: { kind: 'straightLine', remainingLifeYears: 5 },
      },
      loans: [
        {
          id: 'ST1',
          creditorId: 'BANK-A',
          line: 'shortTermBorrowings',
          schedule: {
            principal: 10_000_000,
            firstPaymentMonth: '2026-04',
            termMonths: 120,
            graceMonths: 0,
            annualRate: 0.024,
            interestConvention: 'monthlyRate',
            method: { kind: 'bullet' },
          },
        },
        {
          id: 'LT1',
          creditorId: 'BANK-B',
          line: 'longTermBorrowings',
          schedule: {
            principal: 50_000_000,
            firstPaymentMonth: '2026-04',
            termMonths: 100,
            graceMonths: 0,
            annualRate: 0.012,
            interestConvention: 'monthlyRate',
            method: { kind: 'equalPrincipal' },
          },
        },
      ],
    },
    criteria: { planType: 'revitalization', sizeClass: 'sme', agreementDate: '2026-06-15' },
    proRata: {
      amount: 500_000,
      creditors: [
        { id: 'BANK-A', name: 'あおば銀行', balance: 10_000_000, isMainBank: true },
        { id: 'BANK-B', name: 'みなと信用金庫', balance: 50_000_000 },
      ],
      method: { kind: 'balance' },
      guaranteeCoverTreatment: 'secured',
      rounding: { unit: 1, residual: 'largestRemainder' },
      schedule: {
        firstPaymentMonth: '2026-04',
        termMonths: 60,
        graceMonths: 0,
        interestConvention: 'monthlyRate',
        loans: [
          { loanId: 'ST1', creditorId: 'BANK-A', principal: 10_000_000, annualRate: 0.024 },
          { loanId: 'LT1', creditorId: 'BANK-B', principal: 50_000_000, annualRate: 0.012 },
        ],
      },
    },
  };
}
