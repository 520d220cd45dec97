import { yen, type Yen } from '@kasseika/domain';
import { makeStep, text, type Step } from '../explain/step';
import type { BalanceSheet } from '../statements/financial-statement';

/**
 * What counts as 有利子負債 (interest-bearing debt). The base is 短期借入金 + 1年以内返済長期借入金 + 長期借入金 + 社債;
 * lease obligations and officer loans are added only when chosen (officer loans are usually excluded when
 * interest-free with no fixed term).
 */
export interface InterestBearingDebtOptions {
  /** Add リース債務 (some variants count lease/instalment payables). Default false. */
  readonly includeLeaseObligations?: boolean;
  /** Add 役員借入金. Default false. */
  readonly includeOfficerLoans?: boolean;
}

/**
 * Computes 有利子負債 from a balance sheet under the chosen definition; the steps list each component and whether
 * leases and officer loans were counted.
 *
 * @example
 * computeInterestBearingDebt({ ...emptyBalanceSheet(), shortTermBorrowings: yen(10), longTermBorrowings: yen(50),
 *   officerLoans: yen(5) }).value // 60
 * @see REFERENCE §6.1 (有利子負債 row)
 */
export function computeInterestBearingDebt(bs: BalanceSheet, options: InterestBearingDebtOptions = {}): { value: Yen; steps: Step[] } {
  const lease = options.includeLeaseObligations === true ? bs.leaseObligations : 0;
  const officer = options.includeOfficerLoans === true ? bs.officerLoans : 0;
  const value = yen(
    bs.shortTermBorrowings + (bs.currentPortionOfLongTermBorrowings ?? 0) + bs.longTermBorrowings + bs.bonds + lease + officer,
  );
  const steps: Step[] = [
    makeStep('SHORT_TERM_BORROWINGS', text('短期借入金', 'Short-term borrowings'), bs.shortTermBorrowings, 'yen'),
    makeStep(
      'CURRENT_PORTION_OF_LONG_TERM_BORROWINGS',
      text('1年以内返済長期借入金', 'Current portion of long-term borrowings'),
      bs.currentPortionOfLongTermBorrowings ?? 0,
      'yen',
    ),
    makeStep('LONG_TERM_BORROWINGS', text('長期借入金', 'Long-term borrowings'), bs.longTermBorrowings, 'yen'),
    makeStep('BONDS', text('社債', 'Bonds'), bs.bonds, 'yen'),
    makeStep(
      'LEASE_OBLIGATIONS_COUNTED',
      options.includeLeaseObligations === true
        ? text('リース債務（有利子負債に含める）', 'Lease obligations (counted as interest-bearing debt)')
        : text('リース債務は有利子負債に含めない', 'Lease obligations are not counted as interest-bearing debt'),
      lease,
      'yen',
    ),
    makeStep(
      'OFFICER_LOANS_COUNTED',
      options.includeOfficerLoans === true
        ? text('役員借入金（有利子負債に含める）', 'Loans from officers (counted as interest-bearing debt)')
        : text('役員借入金は有利子負債に含めない', 'Loans from officers are not counted as interest-bearing debt'),
      officer,
      'yen',
    ),
    makeStep('INTEREST_BEARING_DEBT', text('有利子負債', 'Interest-bearing debt'), value, 'yen', {
      formula: text(
        '短期借入金 + 1年以内返済長期借入金 + 長期借入金 + 社債（+ リース債務）（+ 役員借入金）',
        'Short-term + current portion + long-term borrowings + bonds (+ lease obligations) (+ officer loans)',
      ),
      sourceRef: 'REFERENCE §6.1',
    }),
  ];
  return { value, steps };
}
