import { describe, expect, it } from 'vitest';
import { yen } from '@kasseika/domain';
import { sampleCurrentYear } from '../test-support/sample-statements';
import { computeBalanceSheetTotals } from './balance-sheet-totals';
import { emptyBalanceSheet } from './statement-builder';

describe('computeBalanceSheetTotals', () => {
  it('computes balance-sheet totals with steps', () => {
    const { value, steps } = computeBalanceSheetTotals(sampleCurrentYear().balanceSheet);
    expect(value.totalCurrentAssets).toBe(40_000_000);
    expect(value.totalFixedAssets).toBe(60_000_000);
    expect(value.totalAssets).toBe(100_000_000);
    expect(value.totalLiabilities).toBe(75_000_000);
    expect(value.totalNetAssets).toBe(25_000_000);
    expect(value.imbalance).toBe(0);
    expect(steps.map((s) => s.code)).toContain('BALANCE_SHEET_IMBALANCE');
  });
  it('counts deferred assets and the current portion, and reports an imbalance', () => {
    const { value } = computeBalanceSheetTotals({
      ...emptyBalanceSheet(),
      deferredAssets: yen(7),
      cashAndDeposits: yen(3),
      currentPortionOfLongTermBorrowings: yen(4),
      capitalStock: yen(5),
    });
    expect([value.totalAssets, value.totalCurrentLiabilities, value.totalLiabilitiesAndNetAssets, value.imbalance]).toEqual([10, 4, 9, 1]);
  });
});
