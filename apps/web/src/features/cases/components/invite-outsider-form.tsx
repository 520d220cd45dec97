import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { inviteToCaseBodySchema } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { useFormDraft } from '../../../lib/form-draft';
import { formatDateTimeJst } from '../../../lib/format';
import { applyProblemToForm, contractResolver, fieldMessage, langOf, problemCode, problemMessage } from '../../../lib/form-errors';
import { inviteToCase } from '../api/cases';

interface Values {
  email: string;
  displayName: string;
  roleInCase: 'company' | 'expert' | 'bank' | 'lawyer';
  organizationName: string;
  bankCode: string;
  expiresAt: string;
}

const FIELDS = ['email', 'displayName', 'roleInCase', 'organizationName', 'bankCode', 'expiresAt'] as const;

/** Empty optional fields are left out of the request; the bank code only counts for banks. */
function toBody(v: Values) {
  return {
    email: v.email,
    displayName: v.displayName,
    roleInCase: v.roleInCase,
    organizationName: v.organizationName,
    ...(v.roleInCase === 'bank' && v.bankCode.trim() ? { bankCode: v.bankCode.normalize('NFKC').trim() } : {}),
    ...(v.expiresAt ? { expiresAt: v.expiresAt } : {}),
  };
}

/** Inviting an outsider to this case: the company, an appointed expert, a bank (a target creditor) or a lawyer. */
export function InviteOutsiderForm({ caseId, onInvited }: { caseId: string; onInvited: () => void }) {
  const { t, i18n } = useTranslation('cases');
  const { t: tc } = useTranslation();
  const lang = langOf(i18n.language);
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const form = useForm<Values, unknown, z.output<typeof inviteToCaseBodySchema>>({
    defaultValues: { email: '', displayName: '', roleInCase: 'company', organizationName: '', bankCode: '', expiresAt: '' },
    resolver: contractResolver(inviteToCaseBodySchema, toBody),
  });
  const clearDraft = useFormDraft(`invite-case-${caseId}`, form, FIELDS);
  const { register, handleSubmit, formState, setError, reset, control } = form;
  const role = useWatch({ control, name: 'roleInCase' });

  const submit = handleSubmit(async (body) => {
    setResult(null);
    try {
      const created = await inviteToCase(caseId, body);
      clearDraft();
      reset();
      setResult({ tone: 'success', text: t('invite.sent', { email: created.email, expires: formatDateTimeJst(created.expiresAt, lang) }) });
      onInvited();
    } catch (error) {
      const rest =
        problemCode(error) === 'VALIDATION_FAILED' ? applyProblemToForm(error, setError, FIELDS, lang) : problemMessage(error, lang);
      if (rest) setResult({ tone: 'error', text: rest });
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="grid grid-cols-1 gap-4" aria-labelledby="invite-heading">
      <h3 id="invite-heading" className="text-lg">
        {t('invite.heading')}
      </h3>
      <p className="text-sm text-ink-sub">{t('invite.lead')}</p>
      {result ? <Notice tone={result.tone} title={result.text} /> : null}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <SelectField
          label={t('invite.roleInCase')}
          required
          registration={register('roleInCase')}
          error={fieldMessage(formState.errors.roleInCase?.message, lang)}
        >
          {(['company', 'expert', 'bank', 'lawyer'] as const).map((r) => (
            <option key={r} value={r}>
              {tc(`roleInCase.${r}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('invite.organizationName')}
          hint={t(`invite.organizationHint.${role}`)}
          required
          registration={register('organizationName')}
          error={fieldMessage(formState.errors.organizationName?.message, lang)}
        />
        <TextField
          label={t('invite.displayName')}
          required
          autoComplete="off"
          registration={register('displayName')}
          error={fieldMessage(formState.errors.displayName?.message, lang)}
        />
        <TextField
          label={t('invite.email')}
          type="email"
          required
          autoComplete="off"
          registration={register('email')}
          error={fieldMessage(formState.errors.email?.message, lang)}
        />
        {role === 'bank' ? (
          <TextField
            label={t('invite.bankCode')}
            hint={t('invite.bankCodeHint')}
            inputMode="numeric"
            maxLength={4}
            registration={register('bankCode')}
            error={fieldMessage(formState.errors.bankCode?.message, lang)}
            className="max-w-40 font-mono"
          />
        ) : null}
        <TextField
          label={t('invite.expiresAt')}
          hint={t('invite.expiresAtHint')}
          type="date"
          registration={register('expiresAt')}
          error={fieldMessage(formState.errors.expiresAt?.message, lang)}
          className="max-w-56"
        />
      </div>
      <div>
        <Button type="submit" busy={formState.isSubmitting}>
          {t('invite.submit')}
        </Button>
      </div>
    </form>
  );
}
