import { yen, type Yen } from '@kasseika/domain';
import type { YearMonth } from '../calendar/fiscal-calendar';
import { allocateByWeights } from '../money/allocate-by-weights';
import type { YenRounding } from '../money/exact-fraction';
import { buildRepaymentSchedule, type InterestConvention, type RepaymentSchedule } from './repayment-schedule';

/** A loan that takes part in a pro-rata repayment plan. */
export interface ProRataLoan {
  readonly loanId: string;
  readonly creditorId: string;
  readonly principal: Yen;
  readonly annualRate: number;
}

/** Input of {@link buildProRataRepaymentSchedules}. */
export interface ProRataScheduleInput {
  /** Each creditor's monthly principal, e.g. the allocations of {@link allocateProRata}. */
  readonly allocations: readonly { readonly creditorId: string; readonly amount: Yen }[];
  readonly loans: readonly ProRataLoan[];
  readonly firstPaymentMonth: YearMonth;
  readonly termMonths: number;
  readonly graceMonths: number;
  readonly interestConvention: InterestConvention;
  readonly interestRounding?: YenRounding;
  /** What happens to the balance left at the end of the term (default: stays outstanding). */
  readonly atEnd?: 'outstanding' | 'balloon';
}

/**
 * Turns a creditor's pro-rata share of a monthly total into `fixedPrincipal` schedules, one per loan. When a creditor
 * has several loans its monthly share is split by loan balance (largest remainder, so the loan amounts add up to the
 * creditor's share). A loan stops paying once repaid; its share is not re-allocated to the others.
 *
 * @example
 * buildProRataRepaymentSchedules({ allocations: [{ creditorId: 'A', amount: yen(600_000) }], loans: [...],
 *   firstPaymentMonth: '2026-04', termMonths: 60, graceMonths: 0, interestConvention: 'monthlyRate' })
 * @see REFERENCE §7 (monthly amounts allocated pro rata)
 */
export function buildProRataRepaymentSchedules(input: ProRataScheduleInput): RepaymentSchedule[] {
  const schedules: RepaymentSchedule[] = [];
  for (const allocation of input.allocations) {
    const loans = input.loans.filter((l) => l.creditorId === allocation.creditorId);
    if (loans.length === 0) continue;
    const totalPrincipal = loans.reduce((s, l) => s + l.principal, 0);
    const parts =
      totalPrincipal === 0
        ? loans.map(() => yen(0))
        : allocateByWeights(
            allocation.amount,
            loans.map((l) => BigInt(l.principal)),
            {
              unit: 1,
              residual: 'largestRemainder',
            },
          ).map((s) => s.amount);
    loans.forEach((loan, i) => {
      schedules.push(
        buildRepaymentSchedule({
          loanId: loan.loanId,
          creditorId: loan.creditorId,
          principal: loan.principal,
          firstPaymentMonth: input.firstPaymentMonth,
          termMonths: input.termMonths,
          graceMonths: input.graceMonths,
          annualRate: loan.annualRate,
          interestConvention: input.interestConvention,
          ...(input.interestRounding ? { interestRounding: input.interestRounding } : {}),
          method: {
            kind: 'fixedPrincipal',
            segments: [{ fromMonth: input.firstPaymentMonth, monthlyPrincipal: parts[i] ?? yen(0) }],
            atEnd: input.atEnd ?? 'outstanding',
          },
        }),
      );
    });
  }
  return schedules;
}
