import { z } from 'zod';
import { finiteNumberSchema, isoDateSchema, nonNegativeYenSchema, yenSchema } from './common';

/**
 * 決算書 (financial statements) as the finance engine reads them (`@kasseika/finance` FinancialStatement). Every
 * line is integer yen. Subtotals of the income statement are as reported; the engine checks that they agree.
 */

export const BALANCE_SHEET_KEYS = [
  'cashAndDeposits',
  'notesReceivable',
  'accountsReceivable',
  'inventories',
  'otherCurrentAssets',
  'land',
  'buildings',
  'otherTangibleFixedAssets',
  'intangibleFixedAssets',
  'investmentsAndOtherAssets',
  'deferredAssets',
  'notesPayable',
  'accountsPayable',
  'shortTermBorrowings',
  'currentPortionOfLongTermBorrowings',
  'otherCurrentLiabilities',
  'longTermBorrowings',
  'bonds',
  'officerLoans',
  'leaseObligations',
  'otherFixedLiabilities',
  'capitalStock',
  'retainedEarnings',
  'otherNetAssets',
] as const;

export type BalanceSheetKey = (typeof BALANCE_SHEET_KEYS)[number];

export const INCOME_STATEMENT_KEYS = [
  'netSales',
  'costOfSales',
  'grossProfit',
  'sellingGeneralAdministrativeExpenses',
  'personnelCosts',
  'depreciation',
  'depreciationInCostOfSales',
  'operatingProfit',
  'nonOperatingIncome',
  'interestExpense',
  'otherNonOperatingExpenses',
  'ordinaryProfit',
  'extraordinaryGains',
  'extraordinaryLosses',
  'profitBeforeTax',
  'incomeTaxes',
  'netIncome',
] as const;

export type IncomeStatementKey = (typeof INCOME_STATEMENT_KEYS)[number];

export const balanceSheetSchema = z
  .strictObject({
    cashAndDeposits: yenSchema.meta({ description: '現預金' }),
    notesReceivable: yenSchema.meta({ description: '受取手形' }),
    accountsReceivable: yenSchema.meta({ description: '売掛金' }),
    inventories: yenSchema.meta({ description: '棚卸資産' }),
    otherCurrentAssets: yenSchema.meta({ description: 'その他流動資産' }),
    land: yenSchema.meta({ description: '土地' }),
    buildings: yenSchema.meta({ description: '建物' }),
    otherTangibleFixedAssets: yenSchema.meta({ description: 'その他有形固定資産' }),
    intangibleFixedAssets: yenSchema.meta({ description: '無形固定資産' }),
    investmentsAndOtherAssets: yenSchema.meta({ description: '投資その他の資産' }),
    deferredAssets: yenSchema.meta({ description: '繰延資産' }),
    notesPayable: yenSchema.meta({ description: '支払手形' }),
    accountsPayable: yenSchema.meta({ description: '買掛金' }),
    shortTermBorrowings: yenSchema.meta({ description: '短期借入金' }),
    currentPortionOfLongTermBorrowings: yenSchema.optional().meta({ description: '1年以内返済長期借入金 (optional)' }),
    otherCurrentLiabilities: yenSchema.meta({ description: 'その他流動負債' }),
    longTermBorrowings: yenSchema.meta({ description: '長期借入金' }),
    bonds: yenSchema.meta({ description: '社債' }),
    officerLoans: yenSchema.meta({ description: '役員借入金' }),
    leaseObligations: yenSchema.meta({ description: 'リース債務' }),
    otherFixedLiabilities: yenSchema.meta({ description: 'その他固定負債' }),
    capitalStock: yenSchema.meta({ description: '資本金' }),
    retainedEarnings: yenSchema.meta({ description: '利益剰余金' }),
    otherNetAssets: yenSchema.meta({ description: 'その他の純資産' }),
  })
  .meta({ id: 'BalanceSheet', description: '貸借対照表 (integer yen per line)' });

export type BalanceSheet = z.infer<typeof balanceSheetSchema>;

export const reportedBalanceSheetTotalsSchema = z
  .strictObject({
    totalCurrentAssets: yenSchema.optional(),
    totalFixedAssets: yenSchema.optional(),
    totalAssets: yenSchema.optional(),
    totalCurrentLiabilities: yenSchema.optional(),
    totalFixedLiabilities: yenSchema.optional(),
    totalLiabilities: yenSchema.optional(),
    totalNetAssets: yenSchema.optional(),
    totalLiabilitiesAndNetAssets: yenSchema.optional(),
  })
  .meta({ id: 'ReportedBalanceSheetTotals', description: 'Totals as printed in the 決算書; checked against the lines.' });

export const incomeStatementSchema = z
  .strictObject({
    netSales: yenSchema.meta({ description: '売上高' }),
    costOfSales: yenSchema.meta({ description: '売上原価' }),
    grossProfit: yenSchema.meta({ description: '売上総利益 (as reported)' }),
    sellingGeneralAdministrativeExpenses: yenSchema.meta({ description: '販売費及び一般管理費' }),
    personnelCosts: yenSchema.meta({ description: 'うち人件費' }),
    depreciation: yenSchema.meta({ description: 'うち減価償却費' }),
    depreciationInCostOfSales: yenSchema.optional().meta({ description: '売上原価に含まれる減価償却費 (optional)' }),
    operatingProfit: yenSchema.meta({ description: '営業利益 (as reported)' }),
    nonOperatingIncome: yenSchema.meta({ description: '営業外収益' }),
    interestExpense: yenSchema.meta({ description: '支払利息' }),
    otherNonOperatingExpenses: yenSchema.meta({ description: 'その他営業外費用' }),
    ordinaryProfit: yenSchema.meta({ description: '経常利益 (as reported)' }),
    extraordinaryGains: yenSchema.meta({ description: '特別利益' }),
    extraordinaryLosses: yenSchema.meta({ description: '特別損失' }),
    profitBeforeTax: yenSchema.meta({ description: '税引前当期純利益 (as reported)' }),
    incomeTaxes: yenSchema.meta({ description: '法人税等' }),
    netIncome: yenSchema.meta({ description: '当期純利益 (as reported)' }),
  })
  .meta({ id: 'IncomeStatement', description: '損益計算書 (integer yen per line; subtotals as reported)' });

export type IncomeStatement = z.infer<typeof incomeStatementSchema>;

export const financialStatementSchema = z
  .strictObject({
    fiscalYearEnd: isoDateSchema.meta({ description: '決算日' }),
    fiscalYearEndMonth: z
      .number({ error: 'fiscalMonth.range' })
      .int('fiscalMonth.range')
      .min(1, 'fiscalMonth.range')
      .max(12, 'fiscalMonth.range'),
    periodMonths: z.number({ error: 'number.value' }).int('number.value').optional().meta({ description: '12 unless 変則決算' }),
    employees: finiteNumberSchema.min(0, 'employees.nonNegative').meta({ description: '従業員数 (may be a full-time equivalent)' }),
    balanceSheet: balanceSheetSchema,
    reportedBalanceSheetTotals: reportedBalanceSheetTotalsSchema.optional(),
    incomeStatement: incomeStatementSchema,
  })
  .meta({ id: 'FinancialStatement', description: 'One fiscal year of statements' });

export type FinancialStatement = z.infer<typeof financialStatementSchema>;

export const financialStatementsSchema = z
  .array(financialStatementSchema)
  .min(1, 'statements.count')
  .max(3, 'statements.count')
  .meta({ description: '1–3 fiscal years, oldest first; the last is the base (latest actual) year' });

/**
 * Key figures of one year for the public quick check: only what the six ロカベン indicators and 債務償還年数 need.
 * The server turns them into a statement (explained in the response) so the same engine computes everything.
 */
export const keyFiguresSchema = z
  .strictObject({
    fiscalYearEnd: isoDateSchema,
    employees: finiteNumberSchema.min(0, 'employees.nonNegative'),
    netSales: nonNegativeYenSchema.meta({ description: '売上高' }),
    operatingProfit: yenSchema.meta({ description: '営業利益' }),
    depreciation: nonNegativeYenSchema.meta({ description: '減価償却費' }),
    ordinaryProfit: yenSchema.meta({ description: '経常利益' }),
    incomeTaxes: nonNegativeYenSchema.meta({ description: '法人税等' }),
    cashAndDeposits: nonNegativeYenSchema.meta({ description: '現預金' }),
    tradeReceivables: nonNegativeYenSchema.meta({ description: '売上債権（受取手形＋売掛金）' }),
    inventories: nonNegativeYenSchema.meta({ description: '棚卸資産' }),
    tradePayables: nonNegativeYenSchema.meta({ description: '買入債務（支払手形＋買掛金）' }),
    borrowings: nonNegativeYenSchema.meta({ description: '借入金（短期＋長期＋社債）' }),
    netAssets: yenSchema.meta({ description: '純資産' }),
    totalAssets: nonNegativeYenSchema.meta({ description: '総資産' }),
  })
  .meta({ id: 'KeyFigures', description: 'Key figures of one fiscal year (integer yen)' });

export type KeyFigures = z.infer<typeof keyFiguresSchema>;
