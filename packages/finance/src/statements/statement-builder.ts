import { yen, type Yen } from '@kasseika/domain';
import type { BalanceSheet, IncomeStatement } from './financial-statement';

/**
 * A balance sheet with every line at ¥0, to spread partial data over.
 *
 * @example
 * const bs = { ...emptyBalanceSheet(), cashAndDeposits: yen(15_000_000), capitalStock: yen(15_000_000) };
 */
export function emptyBalanceSheet(): BalanceSheet {
  const z = yen(0);
  return {
    cashAndDeposits: z,
    notesReceivable: z,
    accountsReceivable: z,
    inventories: z,
    otherCurrentAssets: z,
    land: z,
    buildings: z,
    otherTangibleFixedAssets: z,
    intangibleFixedAssets: z,
    investmentsAndOtherAssets: z,
    deferredAssets: z,
    notesPayable: z,
    accountsPayable: z,
    shortTermBorrowings: z,
    otherCurrentLiabilities: z,
    longTermBorrowings: z,
    bonds: z,
    officerLoans: z,
    leaseObligations: z,
    otherFixedLiabilities: z,
    capitalStock: z,
    retainedEarnings: z,
    otherNetAssets: z,
  };
}

/** The component (non-subtotal) lines of an income statement; missing ones are ¥0. */
export type IncomeStatementComponents = Partial<
  Pick<
    IncomeStatement,
    | 'netSales'
    | 'costOfSales'
    | 'sellingGeneralAdministrativeExpenses'
    | 'personnelCosts'
    | 'depreciation'
    | 'depreciationInCostOfSales'
    | 'nonOperatingIncome'
    | 'interestExpense'
    | 'otherNonOperatingExpenses'
    | 'extraordinaryGains'
    | 'extraordinaryLosses'
    | 'incomeTaxes'
  >
>;

/**
 * Builds a full income statement from its components, computing every subtotal:
 * 売上総利益 = 売上高 − 売上原価; 営業利益 = 売上総利益 − 販管費; 経常利益 = 営業利益 + 営業外収益 − 支払利息 −
 * その他営業外費用; 税引前当期純利益 = 経常利益 + 特別利益 − 特別損失; 当期純利益 = 税引前 − 法人税等.
 *
 * @example
 * deriveIncomeStatement({ netSales: yen(105_000_000), costOfSales: yen(70_000_000),
 *   sellingGeneralAdministrativeExpenses: yen(31_000_000) }).operatingProfit // 4000000
 */
export function deriveIncomeStatement(c: IncomeStatementComponents): IncomeStatement {
  const v = (x: Yen | undefined): number => x ?? 0;
  const grossProfit = v(c.netSales) - v(c.costOfSales);
  const operatingProfit = grossProfit - v(c.sellingGeneralAdministrativeExpenses);
  const ordinaryProfit = operatingProfit + v(c.nonOperatingIncome) - v(c.interestExpense) - v(c.otherNonOperatingExpenses);
  const profitBeforeTax = ordinaryProfit + v(c.extraordinaryGains) - v(c.extraordinaryLosses);
  const netIncome = profitBeforeTax - v(c.incomeTaxes);
  return {
    netSales: yen(v(c.netSales)),
    costOfSales: yen(v(c.costOfSales)),
    grossProfit: yen(grossProfit),
    sellingGeneralAdministrativeExpenses: yen(v(c.sellingGeneralAdministrativeExpenses)),
    personnelCosts: yen(v(c.personnelCosts)),
    depreciation: yen(v(c.depreciation)),
    ...(c.depreciationInCostOfSales !== undefined ? { depreciationInCostOfSales: c.depreciationInCostOfSales } : {}),
    operatingProfit: yen(operatingProfit),
    nonOperatingIncome: yen(v(c.nonOperatingIncome)),
    interestExpense: yen(v(c.interestExpense)),
    otherNonOperatingExpenses: yen(v(c.otherNonOperatingExpenses)),
    ordinaryProfit: yen(ordinaryProfit),
    extraordinaryGains: yen(v(c.extraordinaryGains)),
    extraordinaryLosses: yen(v(c.extraordinaryLosses)),
    profitBeforeTax: yen(profitBeforeTax),
    incomeTaxes: yen(v(c.incomeTaxes)),
    netIncome: yen(netIncome),
  };
}

/**
 * Total depreciation of the year: SG&A depreciation plus any depreciation inside cost of sales.
 *
 * @example
 * totalDepreciation(deriveIncomeStatement({ depreciation: yen(3), depreciationInCostOfSales: yen(2) })) // 5
 */
export function totalDepreciation(pl: IncomeStatement): Yen {
  return yen(pl.depreciation + (pl.depreciationInCostOfSales ?? 0));
}
