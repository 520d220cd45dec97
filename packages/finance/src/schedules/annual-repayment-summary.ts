import { yen, type Yen } from '@kasseika/domain';
import { makeStep, text, type Step } from '../explain/step';
import { addMonths, fiscalYearEndContaining, type YearMonth } from '../calendar/fiscal-calendar';
import type { RepaymentSchedule } from './repayment-schedule';

/** Interest and principal of one fiscal year, from the monthly rows. */
export interface AnnualRepaymentSummary {
  /** The fiscal year, named by its end month `YYYY-MM`. */
  readonly fiscalYearEnd: YearMonth;
  readonly openingBalance: Yen;
  readonly interest: Yen;
  readonly principal: Yen;
  readonly closingBalance: Yen;
  /** Number of scheduled payments in the year. */
  readonly payments: number;
}

/**
 * Balance of a schedule at the end of a month: the starting principal before the first payment, afterwards the
 * closing balance of the last payment on or before that month.
 *
 * @example
 * balanceAtEndOfMonth(schedule, '2027-03')
 */
export function balanceAtEndOfMonth(schedule: RepaymentSchedule, month: YearMonth): Yen {
  let balance = schedule.principal as number;
  for (const row of schedule.rows) {
    if (row.month > month) break;
    balance = row.closingBalance;
  }
  return yen(balance);
}

/**
 * Principal falling due in the `months` months after `afterMonth` (e.g. 1年以内返済長期借入金 at a year end).
 *
 * @example
 * principalDueWithin(schedule, '2027-03', 12) // principal of 2027-04 … 2028-03
 */
export function principalDueWithin(schedule: RepaymentSchedule, afterMonth: YearMonth, months = 12): Yen {
  const last = addMonths(afterMonth, months);
  return yen(schedule.rows.filter((r) => r.month > afterMonth && r.month <= last).reduce((s, r) => s + r.principal, 0));
}

/**
 * Aggregates a monthly schedule into fiscal years (決算月 `fiscalYearEndMonth`). With `fiscalYearEnds` the given
 * years are returned in order, including years without payments (balances carried); otherwise every year that has
 * a payment. The projection uses this same function, so plan interest and repayments equal the schedules.
 *
 * @example
 * summarizeScheduleByFiscalYear(schedule, 3, ['2027-03', '2028-03'])
 * // [{ fiscalYearEnd: '2027-03', interest: …, principal: …, … }, { fiscalYearEnd: '2028-03', … }]
 */
export function summarizeScheduleByFiscalYear(
  schedule: RepaymentSchedule,
  fiscalYearEndMonth: number,
  fiscalYearEnds?: readonly YearMonth[],
): AnnualRepaymentSummary[] {
  const years = fiscalYearEnds ?? [...new Set(schedule.rows.map((r) => fiscalYearEndContaining(r.month, fiscalYearEndMonth)))];
  return years.map((fyEnd) => {
    const fyStart = addMonths(fyEnd, -11);
    const rows = schedule.rows.filter((r) => r.month >= fyStart && r.month <= fyEnd);
    return {
      fiscalYearEnd: fyEnd,
      openingBalance: balanceAtEndOfMonth(schedule, addMonths(fyStart, -1)),
      interest: yen(rows.reduce((s, r) => s + r.interest, 0)),
      principal: yen(rows.reduce((s, r) => s + r.principal, 0)),
      closingBalance: balanceAtEndOfMonth(schedule, fyEnd),
      payments: rows.length,
    };
  });
}

/**
 * Explanation steps for an annual summary (one step per year for interest and for principal).
 *
 * @example
 * describeAnnualRepayments(summarizeScheduleByFiscalYear(schedule, 3))
 */
export function describeAnnualRepayments(summary: readonly AnnualRepaymentSummary[]): Step[] {
  return summary.flatMap((y) => [
    makeStep(
      'ANNUAL_INTEREST',
      { ja: `${y.fiscalYearEnd}期 支払利息`, en: `Interest, fiscal year ending ${y.fiscalYearEnd}` },
      y.interest,
      'yen',
    ),
    makeStep(
      'ANNUAL_PRINCIPAL',
      { ja: `${y.fiscalYearEnd}期 元金返済`, en: `Principal repaid, fiscal year ending ${y.fiscalYearEnd}` },
      y.principal,
      'yen',
    ),
    makeStep(
      'CLOSING_BALANCE',
      { ja: `${y.fiscalYearEnd}期末 残高`, en: `Balance at the end of fiscal year ${y.fiscalYearEnd}` },
      y.closingBalance,
      'yen',
      {
        formula: text('期首残高 − 元金返済', 'Opening balance − principal repaid'),
      },
    ),
  ]);
}
