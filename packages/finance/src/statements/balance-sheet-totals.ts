import { yen, type Yen } from '@kasseika/domain';
import { makeStep, text, type Step } from '../explain/step';
import type { BalanceSheet } from './financial-statement';

/** Section totals of a balance sheet computed from its lines. */
export interface BalanceSheetTotals {
  readonly totalCurrentAssets: Yen; // 流動資産合計
  readonly totalTangibleFixedAssets: Yen; // 有形固定資産合計
  readonly totalFixedAssets: Yen; // 固定資産合計
  readonly totalAssets: Yen; // 資産合計
  readonly totalCurrentLiabilities: Yen; // 流動負債合計
  readonly totalFixedLiabilities: Yen; // 固定負債合計
  readonly totalLiabilities: Yen; // 負債合計
  readonly totalNetAssets: Yen; // 純資産合計
  readonly totalLiabilitiesAndNetAssets: Yen; // 負債・純資産合計
  /** 資産合計 − 負債・純資産合計; 0 when the balance sheet balances. */
  readonly imbalance: Yen;
}

/**
 * Computes the section totals of a balance sheet from its lines (繰延資産 are part of total assets, outside fixed
 * assets). `imbalance` is assets minus liabilities-and-net-assets.
 *
 * @example
 * const { value } = computeBalanceSheetTotals({ ...emptyBalanceSheet(), cashAndDeposits: yen(10), capitalStock: yen(10) });
 * value.totalAssets // 10
 * value.imbalance   // 0
 */
export function computeBalanceSheetTotals(bs: BalanceSheet): { value: BalanceSheetTotals; steps: Step[] } {
  const totalCurrentAssets = bs.cashAndDeposits + bs.notesReceivable + bs.accountsReceivable + bs.inventories + bs.otherCurrentAssets;
  const totalTangibleFixedAssets = bs.land + bs.buildings + bs.otherTangibleFixedAssets;
  const totalFixedAssets = totalTangibleFixedAssets + bs.intangibleFixedAssets + bs.investmentsAndOtherAssets;
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
  const totalLiabilitiesAndNetAssets = totalLiabilities + totalNetAssets;
  const value: BalanceSheetTotals = {
    totalCurrentAssets: yen(totalCurrentAssets),
    totalTangibleFixedAssets: yen(totalTangibleFixedAssets),
    totalFixedAssets: yen(totalFixedAssets),
    totalAssets: yen(totalAssets),
    totalCurrentLiabilities: yen(totalCurrentLiabilities),
    totalFixedLiabilities: yen(totalFixedLiabilities),
    totalLiabilities: yen(totalLiabilities),
    totalNetAssets: yen(totalNetAssets),
    totalLiabilitiesAndNetAssets: yen(totalLiabilitiesAndNetAssets),
    imbalance: yen(totalAssets - totalLiabilitiesAndNetAssets),
  };
  const steps = [
    makeStep('TOTAL_CURRENT_ASSETS', text('流動資産合計', 'Total current assets'), totalCurrentAssets, 'yen', {
      formula: text(
        '現預金 + 受取手形 + 売掛金 + 棚卸資産 + その他流動資産',
        'Cash and deposits + notes receivable + accounts receivable + inventories + other current assets',
      ),
    }),
    makeStep('TOTAL_FIXED_ASSETS', text('固定資産合計', 'Total fixed assets'), totalFixedAssets, 'yen', {
      formula: text(
        '土地 + 建物 + その他有形固定資産 + 無形固定資産 + 投資その他の資産',
        'Land + buildings + other tangible fixed assets + intangible fixed assets + investments and other assets',
      ),
    }),
    makeStep('TOTAL_ASSETS', text('資産合計', 'Total assets'), totalAssets, 'yen', {
      formula: text('流動資産合計 + 固定資産合計 + 繰延資産', 'Current assets + fixed assets + deferred assets'),
    }),
    makeStep('TOTAL_LIABILITIES', text('負債合計', 'Total liabilities'), totalLiabilities, 'yen', {
      formula: text('流動負債合計 + 固定負債合計', 'Current liabilities + fixed liabilities'),
    }),
    makeStep('TOTAL_NET_ASSETS', text('純資産合計', 'Total net assets'), totalNetAssets, 'yen', {
      formula: text('資本金 + 利益剰余金 + その他の純資産', 'Capital stock + retained earnings + other net assets'),
    }),
    makeStep(
      'BALANCE_SHEET_IMBALANCE',
      text('貸借差額（資産合計 − 負債・純資産合計）', 'Imbalance (total assets − total liabilities and net assets)'),
      value.imbalance,
      'yen',
    ),
  ];
  return { value, steps };
}
