import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Loan, LoanBody } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/form-field';
import { ApiError } from '../../../lib/api';
import { fieldMessage, langOf, problemMessage } from '../../../lib/form-errors';
import {
  LOAN_FIELDS as FIELDS,
  loanFormErrors,
  loanFormValues,
  type LoanField as Field,
  type LoanFormValues as Values,
} from './loan-values';

/**
 * Adds or edits one loan (integer yen; rate in % a year). The contract schema the API validates with checks the form
 * first, so each field shows the same Japanese message the server would give; a 422 from the server lands on its
 * field too.
 */
export function LoanForm({
  loan,
  bankName,
  onSubmit,
  onCancel,
}: {
  loan?: Loan;
  bankName: string;
  onSubmit: (body: LoanBody) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t, i18n } = useTranslation('creditors');
  const lang = langOf(i18n.language);
  const [values, setValues] = useState<Values>(() => loanFormValues(loan));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (f: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f]: e.target.value }));
  const field = (f: Field, extra: { required?: boolean; numeric?: boolean; hint?: string } = {}) => (
    <TextField
      label={t(`loan.${f}`)}
      name={f}
      hint={extra.hint}
      required={extra.required ?? false}
      inputMode={extra.numeric ? 'decimal' : undefined}
      value={values[f]}
      onChange={set(f)}
      error={fieldMessage(errors[f], lang)}
    />
  );

  return (
    <form
      noValidate
      aria-label={loan ? t('loan.editLabel', { bank: bankName, loan: loan.label }) : t('loan.addLabel', { bank: bankName })}
      className="grid grid-cols-1 gap-3 rounded-8 border border-line p-3 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        setFormError(null);
        const parsed = loanFormErrors(values);
        if (!parsed.ok) {
          const next = parsed.errors;
          setErrors(next);
          const first = FIELDS.find((f) => next[f]);
          if (first) (e.currentTarget.elements.namedItem(first) as HTMLInputElement | null)?.focus();
          return;
        }
        setErrors({});
        setBusy(true);
        onSubmit(parsed.body)
          .then(() => {
            if (!loan) setValues(loanFormValues());
          })
          .catch((error: unknown) => {
            const next: Partial<Record<Field, string>> = {};
            if (error instanceof ApiError && error.problem?.errors?.length) {
              for (const issue of error.problem.errors) {
                const f = issue.pointer.replace(/^\/body\//, '').split('/')[0] as Field;
                if (FIELDS.includes(f)) next[f] ??= issue.code;
              }
            }
            setErrors(next);
            setFormError(problemMessage(error, lang));
          })
          .finally(() => setBusy(false));
      }}
    >
      {formError ? (
        <p role="alert" className="font-bold text-error sm:col-span-2">
          {formError}
        </p>
      ) : null}
      {field('label', { required: true, hint: t('loan.labelHint') })}
      {field('balance', { required: true, numeric: true })}
      {field('annualRatePercent', { required: true, numeric: true, hint: t('loan.rateHint') })}
      {field('monthlyRepayment', { required: true, numeric: true })}
      {field('collateral')}
      {field('collateralAppraisal', { numeric: true })}
      {field('collateralHaircutPercent', { numeric: true, hint: t('loan.haircutHint') })}
      {field('guaranteeCoverPercent', { numeric: true, hint: t('loan.coverHint') })}
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <Button type="submit" busy={busy}>
          {loan ? t('loan.save') : t('loan.add')}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('loan.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
