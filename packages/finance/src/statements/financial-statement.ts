import type { Yen } from '@kasseika/domain';
import { text, type LocalizedText } from '../explain/step';
import type { IsoDate } from '../calendar/fiscal-calendar';

/**
 * 貸借対照表 (balance sheet) with the line items SMEs report in their 決算書. All amounts are integer yen.
 * Identifiers are English; the glossary (GLOSSARY.md) maps them to the Japanese terms.
 */
export interface BalanceSheet {
  // 流動資産 current assets
  readonly cashAndDeposits: Yen; // 現預金
  readonly notesReceivable: Yen; // 受取手形
  readonly accountsReceivable: Yen; // 売掛金
  readonly inventories: Yen; // 棚卸資産
  readonly otherCurrentAssets: Yen; // その他流動資産
  // 固定資産 fixed assets
  readonly land: Yen; // 土地
  readonly buildings: Yen; // 建物
  readonly otherTangibleFixedAssets: Yen; // その他有形固定資産
  readonly intangibleFixedAssets: Yen; // 無形固定資産
  readonly investmentsAndOtherAssets: Yen; // 投資その他の資産
  readonly deferredAssets: Yen; // 繰延資産
  // 流動負債 current liabilities
  readonly notesPayable: Yen; // 支払手形
  readonly accountsPayable: Yen; // 買掛金
  readonly shortTermBorrowings: Yen; // 短期借入金
  /** 1年以内返済長期借入金 — optional: many SMEs keep it inside 長期借入金. */
  readonly currentPortionOfLongTermBorrowings?: Yen;
  readonly otherCurrentLiabilities: Yen; // その他流動負債
  // 固定負債 fixed liabilities
  readonly longTermBorrowings: Yen; // 長期借入金
  readonly bonds: Yen; // 社債
  readonly officerLoans: Yen; // 役員借入金
  readonly leaseObligations: Yen; // リース債務
  readonly otherFixedLiabilities: Yen; // その他固定負債
  // 純資産 net assets
  readonly capitalStock: Yen; // 資本金
  readonly retainedEarnings: Yen; // 利益剰余金
  readonly otherNetAssets: Yen; // その他（資本剰余金・評価差額等）
}

/** Totals as printed in the 決算書, optional; when given they are checked against the line items. */
export interface ReportedBalanceSheetTotals {
  readonly totalCurrentAssets?: Yen;
  readonly totalFixedAssets?: Yen;
  readonly totalAssets?: Yen;
  readonly totalCurrentLiabilities?: Yen;
  readonly totalFixedLiabilities?: Yen;
  readonly totalLiabilities?: Yen;
  readonly totalNetAssets?: Yen;
  readonly totalLiabilitiesAndNetAssets?: Yen;
}

/** 損益計算書 (income statement). Subtotals are as reported; the validator checks that they agree. */
export interface IncomeStatement {
  readonly netSales: Yen; // 売上高
  readonly costOfSales: Yen; // 売上原価
  readonly grossProfit: Yen; // 売上総利益
  readonly sellingGeneralAdministrativeExpenses: Yen; // 販売費及び一般管理費
  /** 人件費 — of which, inside SG&A. */
  readonly personnelCosts: Yen;
  /** 減価償却費 — of which, inside SG&A. */
  readonly depreciation: Yen;
  /** 減価償却費 inside cost of sales (製造原価), optional; added to depreciation in EBITDA and cash flow. */
  readonly depreciationInCostOfSales?: Yen;
  readonly operatingProfit: Yen; // 営業利益
  readonly nonOperatingIncome: Yen; // 営業外収益
  readonly interestExpense: Yen; // 支払利息
  readonly otherNonOperatingExpenses: Yen; // その他営業外費用
  readonly ordinaryProfit: Yen; // 経常利益
  readonly extraordinaryGains: Yen; // 特別利益
  readonly extraordinaryLosses: Yen; // 特別損失
  readonly profitBeforeTax: Yen; // 税引前当期純利益
  readonly incomeTaxes: Yen; // 法人税等
  readonly netIncome: Yen; // 当期純利益
}

/**
 * One fiscal year of statements. The fiscal-year end date is passed in as an ISO string (no clock is read).
 *
 * @example
 * const fy: FinancialStatement = {
 *   fiscalYearEnd: '2026-03-31',
 *   fiscalYearEndMonth: 3,
 *   employees: 20,
 *   balanceSheet: emptyBalanceSheet(),
 *   incomeStatement: deriveIncomeStatement({ netSales: yen(100_000_000) }),
 * };
 */
export interface FinancialStatement {
  /** 決算日, e.g. '2026-03-31'. */
  readonly fiscalYearEnd: IsoDate;
  /** 決算月 1–12; must match the month of `fiscalYearEnd`. */
  readonly fiscalYearEndMonth: number;
  /** Length of the period in months (12 unless 変則決算). */
  readonly periodMonths?: number;
  /** 従業員数 (persons; may be a full-time equivalent with decimals). */
  readonly employees: number;
  readonly balanceSheet: BalanceSheet;
  readonly reportedBalanceSheetTotals?: ReportedBalanceSheetTotals;
  readonly incomeStatement: IncomeStatement;
}

/** Section of the balance sheet a line belongs to. */
export type BalanceSheetSection =
  | 'currentAssets'
  | 'tangibleFixedAssets'
  | 'intangibleFixedAssets'
  | 'investmentsAndOtherAssets'
  | 'deferredAssets'
  | 'currentLiabilities'
  | 'fixedLiabilities'
  | 'netAssets';

/** Key of a balance-sheet line. */
export type BalanceSheetLineKey = keyof BalanceSheet;

/** Metadata of one balance-sheet line: its section, side and bilingual label. */
export interface BalanceSheetLineInfo {
  readonly key: BalanceSheetLineKey;
  readonly section: BalanceSheetSection;
  readonly side: 'asset' | 'liability' | 'netAssets';
  readonly label: LocalizedText;
  readonly interestBearing?: boolean;
}

/**
 * Every balance-sheet line in 決算書 order, with its section and label.
 *
 * @example
 * BALANCE_SHEET_LINES.find((l) => l.key === 'officerLoans')?.label.ja // '役員借入金'
 */
export const BALANCE_SHEET_LINES: readonly BalanceSheetLineInfo[] = [
  { key: 'cashAndDeposits', section: 'currentAssets', side: 'asset', label: text('現預金', 'Cash and deposits') },
  { key: 'notesReceivable', section: 'currentAssets', side: 'asset', label: text('受取手形', 'Notes receivable') },
  { key: 'accountsReceivable', section: 'currentAssets', side: 'asset', label: text('売掛金', 'Accounts receivable') },
  { key: 'inventories', section: 'currentAssets', side: 'asset', label: text('棚卸資産', 'Inventories') },
  {
    key: 'otherCurrentAssets',
    section: 'currentAssets',
    side: 'asset',
    label: text('その他流動資産', 'Other current assets'),
  },
  { key: 'land', section: 'tangibleFixedAssets', side: 'asset', label: text('土地', 'Land') },
  { key: 'buildings', section: 'tangibleFixedAssets', side: 'asset', label: text('建物', 'Buildings') },
  {
    key: 'otherTangibleFixedAssets',
    section: 'tangibleFixedAssets',
    side: 'asset',
    label: text('その他有形固定資産', 'Other tangible fixed assets'),
  },
  {
    key: 'intangibleFixedAssets',
    section: 'intangibleFixedAssets',
    side: 'asset',
    label: text('無形固定資産', 'Intangible fixed assets'),
  },
  {
    key: 'investmentsAndOtherAssets',
    section: 'investmentsAndOtherAssets',
    side: 'asset',
    label: text('投資その他の資産', 'Investments and other assets'),
  },
  { key: 'deferredAssets', section: 'deferredAssets', side: 'asset', label: text('繰延資産', 'Deferred assets') },
  { key: 'notesPayable', section: 'currentLiabilities', side: 'liability', label: text('支払手形', 'Notes payable') },
  {
    key: 'accountsPayable',
    section: 'currentLiabilities',
    side: 'liability',
    label: text('買掛金', 'Accounts payable'),
  },
  {
    key: 'shortTermBorrowings',
    section: 'currentLiabilities',
    side: 'liability',
    label: text('短期借入金', 'Short-term borrowings'),
    interestBearing: true,
  },
  {
    key: 'currentPortionOfLongTermBorrowings',
    section: 'currentLiabilities',
    side: 'liability',
    label: text('1年以内返済長期借入金', 'Current portion of long-term borrowings'),
    interestBearing: true,
  },
  {
    key: 'otherCurrentLiabilities',
    section: 'currentLiabilities',
    side: 'liability',
    label: text('その他流動負債', 'Other current liabilities'),
  },
  {
    key: 'longTermBorrowings',
    section: 'fixedLiabilities',
    side: 'liability',
    label: text('長期借入金', 'Long-term borrowings'),
    interestBearing: true,
  },
  { key: 'bonds', section: 'fixedLiabilities', side: 'liability', label: text('社債', 'Bonds'), interestBearing: true },
  {
    key: 'officerLoans',
    section: 'fixedLiabilities',
    side: 'liability',
    label: text('役員借入金', 'Loans from officers'),
  },
  {
    key: 'leaseObligations',
    section: 'fixedLiabilities',
    side: 'liability',
    label: text('リース債務', 'Lease obligations'),
  },
  {
    key: 'otherFixedLiabilities',
    section: 'fixedLiabilities',
    side: 'liability',
    label: text('その他固定負債', 'Other fixed liabilities'),
  },
  { key: 'capitalStock', section: 'netAssets', side: 'netAssets', label: text('資本金', 'Capital stock') },
  {
    key: 'retainedEarnings',
    section: 'netAssets',
    side: 'netAssets',
    label: text('利益剰余金', 'Retained earnings'),
  },
  {
    key: 'otherNetAssets',
    section: 'netAssets',
    side: 'netAssets',
    label: text('その他の純資産', 'Other net assets'),
  },
];

/** Key of an income-statement line. */
export type IncomeStatementLineKey = keyof IncomeStatement;

/**
 * Every income-statement line with its label; `kind` tells components from reported subtotals and "of which" lines.
 *
 * @example
 * INCOME_STATEMENT_LINES.find((l) => l.key === 'ordinaryProfit')?.label.en // 'Ordinary profit'
 */
export const INCOME_STATEMENT_LINES: readonly {
  readonly key: IncomeStatementLineKey;
  readonly kind: 'component' | 'subtotal' | 'ofWhich';
  readonly label: LocalizedText;
}[] = [
  { key: 'netSales', kind: 'component', label: text('売上高', 'Net sales') },
  { key: 'costOfSales', kind: 'component', label: text('売上原価', 'Cost of sales') },
  { key: 'grossProfit', kind: 'subtotal', label: text('売上総利益', 'Gross profit') },
  {
    key: 'sellingGeneralAdministrativeExpenses',
    kind: 'component',
    label: text('販売費及び一般管理費', 'Selling, general and administrative expenses'),
  },
  { key: 'personnelCosts', kind: 'ofWhich', label: text('うち人件費', 'of which personnel costs') },
  { key: 'depreciation', kind: 'ofWhich', label: text('うち減価償却費', 'of which depreciation') },
  {
    key: 'depreciationInCostOfSales',
    kind: 'ofWhich',
    label: text('売上原価に含まれる減価償却費', 'Depreciation included in cost of sales'),
  },
  { key: 'operatingProfit', kind: 'subtotal', label: text('営業利益', 'Operating profit') },
  { key: 'nonOperatingIncome', kind: 'component', label: text('営業外収益', 'Non-operating income') },
  { key: 'interestExpense', kind: 'component', label: text('支払利息', 'Interest expense') },
  {
    key: 'otherNonOperatingExpenses',
    kind: 'component',
    label: text('その他営業外費用', 'Other non-operating expenses'),
  },
  { key: 'ordinaryProfit', kind: 'subtotal', label: text('経常利益', 'Ordinary profit') },
  { key: 'extraordinaryGains', kind: 'component', label: text('特別利益', 'Extraordinary gains') },
  { key: 'extraordinaryLosses', kind: 'component', label: text('特別損失', 'Extraordinary losses') },
  { key: 'profitBeforeTax', kind: 'subtotal', label: text('税引前当期純利益', 'Profit before income taxes') },
  { key: 'incomeTaxes', kind: 'component', label: text('法人税等', 'Income taxes') },
  { key: 'netIncome', kind: 'subtotal', label: text('当期純利益', 'Net income') },
];

/**
 * Label of a balance-sheet line.
 *
 * @example
 * balanceSheetLineLabel('land') // { ja: '土地', en: 'Land' }
 */
export function balanceSheetLineLabel(key: BalanceSheetLineKey): LocalizedText {
  return BALANCE_SHEET_LINES.find((l) => l.key === key)?.label ?? text(key, key);
}

/**
 * Label of an income-statement line.
 *
 * @example
 * incomeStatementLineLabel('netSales') // { ja: '売上高', en: 'Net sales' }
 */
export function incomeStatementLineLabel(key: IncomeStatementLineKey): LocalizedText {
  return INCOME_STATEMENT_LINES.find((l) => l.key === key)?.label ?? text(key, key);
}
