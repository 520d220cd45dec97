import { describe, expect, it } from 'vitest';
import { yen } from '@kasseika/domain';
import { emptyBalanceSheet } from '../statements/statement-builder';
import { sampleCurrentYear } from '../test-support/sample-statements';
import { computeEquityRatio } from './equity-ratio';

describe('computeEquityRatio', () => {
  it('equity ratio = 25,000,000 ÷ 100,000,000 = 0.25 (plain ratio, not rounded)', () => {
    const r = computeEquityRatio(sampleCurrentYear().balanceSheet);
    expect(r.computable && r.value).toBe(0.25);
  });
  it('is negative under negative equity: −10 ÷ 90', () => {
    const r = computeEquityRatio({
      ...emptyBalanceSheet(),
      cashAndDeposits: yen(90),
      otherCurrentLiabilities: yen(100),
      retainedEarnings: yen(-10),
    });
    expect(r.computable && r.value).toBeCloseTo(-10 / 90, 12);
  });
  it('is not computable without assets', () => {
    expect(computeEquityRatio(emptyBalanceSheet())).toMatchObject({ computable: false, reason: 'NON_POSITIVE_TOTAL_ASSETS' });
  });
});
