import { loanBodySchema, type Loan, type LoanBody } from '@kasseika/contracts';

export const LOAN_FIELDS = [
  'label',
  'balance',
  'annualRatePercent',
  'monthlyRepayment',
  'collateral',
  'collateralAppraisal',
  'collateralHaircutPercent',
  'guaranteeCoverPercent',
] as const;
export type LoanField = (typeof LOAN_FIELDS)[number];
export type LoanFormValues = Record<LoanField, string>;

/**
 * A typed number: full-width digits and separators are folded (NFKC), commas and spaces dropped. Text that is not a
 * number becomes -1, which every amount and percentage rule refuses — so the field shows its own Japanese message
 * (the contract's) rather than a generic type error.
 */
export function typedNumber(raw: string): number | undefined {
  const s = raw.normalize('NFKC').replace(/[,\s円%]/g, '');
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : -1;
}

function toBody(v: LoanFormValues): unknown {
  return {
    label: v.label,
    balance: typedNumber(v.balance) ?? -1,
    annualRatePercent: typedNumber(v.annualRatePercent) ?? -1,
    monthlyRepayment: typedNumber(v.monthlyRepayment) ?? -1,
    collateral: v.collateral.trim() === '' ? null : v.collateral,
    collateralAppraisal: typedNumber(v.collateralAppraisal),
    collateralHaircutPercent: typedNumber(v.collateralHaircutPercent),
    guaranteeCoverPercent: typedNumber(v.guaranteeCoverPercent),
  };
}

export const loanFormValues = (loan?: Loan): LoanFormValues => ({
  label: loan?.label ?? '',
  balance: loan ? String(loan.balance) : '',
  annualRatePercent: loan ? String(loan.annualRatePercent) : '',
  monthlyRepayment: loan ? String(loan.monthlyRepayment) : '',
  collateral: loan?.collateral ?? '',
  collateralAppraisal: loan ? String(loan.collateralAppraisal) : '',
  collateralHaircutPercent: loan ? String(loan.collateralHaircutPercent) : '',
  guaranteeCoverPercent: loan ? String(loan.guaranteeCoverPercent) : '',
});

/** The request body of a filled-in loan form, or each field's first message key (the contract's, as the API says). */
export function loanFormErrors(
  values: LoanFormValues,
): { ok: true; body: LoanBody } | { ok: false; errors: Partial<Record<LoanField, string>> } {
  const parsed = loanBodySchema.safeParse(toBody(values));
  if (parsed.success) return { ok: true, body: parsed.data };
  const errors: Partial<Record<LoanField, string>> = {};
  for (const issue of parsed.error.issues) {
    const f = issue.path[0] as LoanField;
    errors[f] ??= issue.message;
  }
  return { ok: false, errors };
}
