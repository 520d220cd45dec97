import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { yen } from '@kasseika/domain';
import { buildRepaymentSchedule } from './repayment-schedule';
import {
  balanceAtEndOfMonth,
  describeAnnualRepayments,
  principalDueWithin,
  summarizeScheduleByFiscalYear,
} from './annual-repayment-summary';

// 3,600,000 over 36 months from 2026-01 at 2.4 %: principal 100,000/month; March year-end.
const s = buildRepaymentSchedule({
  loanId: 'L',
  principal: yen(3_600_000),
  firstPaymentMonth: '2026-01',
  termMonths: 36,
  graceMonths: 0,
  annualRate: 0.024,
  interestConvention: 'monthlyRate',
  method: { kind: 'equalPrincipal' },
});

describe('annual aggregation', () => {
  it('splits by fiscal year (March year-end): 3 payments in FY2026-03, 12, 12, 9', () => {
    const years = summarizeScheduleByFiscalYear(s, 3);
    expect(years.map((y) => [y.fiscalYearEnd, y.payments, y.principal])).toEqual([
      ['2026-03', 3, 300_000],
      ['2027-03', 12, 1_200_000],
      ['2028-03', 12, 1_200_000],
      ['2029-03', 9, 900_000],
    ]);
    // Interest FY2026-03: (3,600,000 + 3,500,000 + 3,400,000) × 0.002 = 21,000
    expect(years[0]?.interest).toBe(21_000);
    expect(years[1]?.openingBalance).toBe(3_300_000);
    expect(years[1]?.closingBalance).toBe(2_100_000);
  });

  it('returns requested years, including ones without payments', () => {
    const years = summarizeScheduleByFiscalYear(s, 3, ['2025-03', '2029-03', '2030-03']);
    expect(years.map((y) => [y.openingBalance, y.principal, y.closingBalance])).toEqual([
      [3_600_000, 0, 3_600_000],
      [900_000, 900_000, 0],
      [0, 0, 0],
    ]);
  });

  it('gives balances and the principal due within 12 months', () => {
    expect(balanceAtEndOfMonth(s, '2025-12')).toBe(3_600_000);
    expect(balanceAtEndOfMonth(s, '2026-03')).toBe(3_300_000);
    expect(principalDueWithin(s, '2026-03')).toBe(1_200_000);
    expect(principalDueWithin(s, '2028-03')).toBe(900_000);
  });

  it('explains each year', () => {
    const steps = describeAnnualRepayments(summarizeScheduleByFiscalYear(s, 3));
    expect(steps).toHaveLength(12);
    expect(steps[0]?.label.ja).toBe('2026-03期 支払利息');
  });

  it('property: annual sums equal the monthly totals for any year-end month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), (fyEnd) => {
        const years = summarizeScheduleByFiscalYear(s, fyEnd);
        expect(years.reduce((a, y) => a + y.interest, 0)).toBe(s.totalInterest);
        expect(years.reduce((a, y) => a + y.principal, 0)).toBe(s.totalPrincipal);
        expect(years.reduce((a, y) => a + y.payments, 0)).toBe(36);
      }),
    );
  });
});
