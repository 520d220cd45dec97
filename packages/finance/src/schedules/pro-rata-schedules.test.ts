import { describe, expect, it } from 'vitest';
import { yen } from '@kasseika/domain';
import { allocateProRata } from '../pro-rata/pro-rata';
import { buildProRataRepaymentSchedules } from './pro-rata-schedules';

describe('buildProRataRepaymentSchedules', () => {
  it('turns PR-1 allocations into monthly schedules, splitting a creditor’s share across its loans', () => {
    const pr = allocateProRata({
      amount: yen(1_000_000),
      creditors: [
        { id: 'A', balance: yen(50_000_000) },
        { id: 'B', balance: yen(30_000_000) },
        { id: 'C', balance: yen(20_000_000) },
      ],
      method: { kind: 'balance' },
      guaranteeCoverTreatment: 'secured',
      rounding: { unit: 1, residual: 'largestRemainder' },
    });
    if (!pr.computable) throw new Error('not computable');
    const schedules = buildProRataRepaymentSchedules({
      allocations: pr.allocations,
      loans: [
        { loanId: 'A-1', creditorId: 'A', principal: yen(30_000_000), annualRate: 0.01 },
        { loanId: 'A-2', creditorId: 'A', principal: yen(20_000_000), annualRate: 0.02 },
        { loanId: 'B-1', creditorId: 'B', principal: yen(30_000_000), annualRate: 0.015 },
        { loanId: 'C-1', creditorId: 'C', principal: yen(20_000_000), annualRate: 0.015 },
      ],
      firstPaymentMonth: '2026-04',
      termMonths: 60,
      graceMonths: 0,
      interestConvention: 'monthlyRate',
    });
    expect(schedules.map((s) => [s.loanId, s.rows[0]?.principal])).toEqual([
      ['A-1', 300_000], // A's 500,000 split 30:20
      ['A-2', 200_000],
      ['B-1', 300_000],
      ['C-1', 200_000],
    ]);
    // Monthly total of principal = the monthly repayment total.
    expect(schedules.reduce((s, x) => s + (x.rows[0]?.principal ?? 0), 0)).toBe(1_000_000);
    expect(schedules[0]?.endingBalance).toBe(30_000_000 - 60 * 300_000);
    expect(schedules[0]?.rows[0]?.interest).toBe(25_000); // 30,000,000 × 1 % ÷ 12
  });

  it('skips creditors without loans and pays a balloon when asked', () => {
    const schedules = buildProRataRepaymentSchedules({
      allocations: [
        { creditorId: 'X', amount: yen(1) },
        { creditorId: 'A', amount: yen(100) },
      ],
      loans: [{ loanId: 'A-1', creditorId: 'A', principal: yen(1_000), annualRate: 0 }],
      firstPaymentMonth: '2026-04',
      termMonths: 3,
      graceMonths: 0,
      interestConvention: 'actual365',
      interestRounding: 'roundHalfUp',
      atEnd: 'balloon',
    });
    expect(schedules).toHaveLength(1);
    expect(schedules[0]?.rows.map((r) => r.principal)).toEqual([100, 100, 800]);
  });
});
