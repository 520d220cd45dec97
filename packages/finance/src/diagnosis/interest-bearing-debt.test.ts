import { describe, expect, it } from 'vitest';
import { yen } from '@kasseika/domain';
import { emptyBalanceSheet } from '../statements/statement-builder';
import { computeInterestBearingDebt } from './interest-bearing-debt';

describe('interest-bearing debt', () => {
  const bs = {
    ...emptyBalanceSheet(),
    shortTermBorrowings: yen(10),
    currentPortionOfLongTermBorrowings: yen(5),
    longTermBorrowings: yen(50),
    bonds: yen(7),
    leaseObligations: yen(3),
    officerLoans: yen(20),
  };
  it('counts short + current portion + long + bonds by default (10 + 5 + 50 + 7 = 72)', () => {
    const r = computeInterestBearingDebt(bs);
    expect(r.value).toBe(72);
    expect(r.steps.find((s) => s.code === 'OFFICER_LOANS_COUNTED')?.label.ja).toContain('含めない');
  });
  it('adds leases and officer loans only when chosen (72 + 3 + 20 = 95)', () => {
    const r = computeInterestBearingDebt(bs, { includeLeaseObligations: true, includeOfficerLoans: true });
    expect(r.value).toBe(95);
    expect(r.steps.find((s) => s.code === 'OFFICER_LOANS_COUNTED')?.value).toBe(20);
  });
});
