import { makeStep, text, type Computed } from '../explain/step';
import type { BalanceSheet } from '../statements/financial-statement';
import { computeBalanceSheetTotals } from '../statements/balance-sheet-totals';

/**
 * 自己資本比率 = 純資産合計 ÷ 資産合計 (= 負債・純資産合計), as a plain ratio (0.25 = 25 %), not rounded.
 * Not computable when total assets are zero or negative.
 *
 * @example
 * const r = computeEquityRatio(bs); // bs: net assets 25,000,000, total assets 100,000,000
 * r.computable && r.value // 0.25
 * @see REFERENCE §6.5 ⑥
 */
export function computeEquityRatio(bs: BalanceSheet): Computed<number, 'NON_POSITIVE_TOTAL_ASSETS'> {
  const { value: t } = computeBalanceSheetTotals(bs);
  const steps = [
    makeStep('TOTAL_NET_ASSETS', text('純資産合計', 'Total net assets'), t.totalNetAssets, 'yen'),
    makeStep('TOTAL_ASSETS', text('資産合計', 'Total assets'), t.totalAssets, 'yen'),
  ];
  if (t.totalAssets <= 0) {
    return {
      computable: false,
      reason: 'NON_POSITIVE_TOTAL_ASSETS',
      steps: [
        ...steps,
        makeStep(
          'EQUITY_RATIO_NOT_COMPUTABLE',
          text('自己資本比率は算出不能（資産合計が0以下）', 'Equity ratio not computable (total assets ≤ 0)'),
          null,
          'none',
        ),
      ],
    };
  }
  const value = t.totalNetAssets / t.totalAssets;
  return {
    computable: true,
    value,
    steps: [
      ...steps,
      makeStep('EQUITY_RATIO', text('自己資本比率', 'Equity ratio'), value, 'ratio', {
        formula: text('純資産合計 ÷ 資産合計', 'Total net assets ÷ total assets'),
        sourceRef: 'REFERENCE §6.5',
      }),
    ],
  };
}
