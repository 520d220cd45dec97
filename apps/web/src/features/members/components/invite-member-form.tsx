import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { inviteCouncilMemberBodySchema } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { CheckboxGroup, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { useFormDraft } from '../../../lib/form-draft';
import { formatDateTimeJst } from '../../../lib/format';
import { applyProblemToForm, contractResolver, fieldMessage, langOf, problemCode, problemMessage } from '../../../lib/form-errors';
import { COUNCIL_ROLES, inviteMember, type CouncilRole } from '../api/members';

interface Values {
  email: string;
  displayName: string;
  roles: CouncilRole[];
}

/** Inviting a person to the council's staff, with one or more roles; the invitation is mailed. */
export function InviteMemberForm({ councilSlug, onInvited }: { councilSlug: string; onInvited: () => void }) {
  const { t, i18n } = useTranslation('members');
  const { t: tc } = useTranslation();
  const lang = langOf(i18n.language);
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const form = useForm<Values>({
    defaultValues: { email: '', displayName: '', roles: ['council_staff'] },
    resolver: contractResolver(inviteCouncilMemberBodySchema),
  });
  const clearDraft = useFormDraft(`invite-member-${councilSlug}`, form, ['email', 'displayName', 'roles']);
  const { register, handleSubmit, formState, setError, reset } = form;
  const submit = handleSubmit(async (body) => {
    setResult(null);
    try {
      const created = await inviteMember(councilSlug, body);
      clearDraft();
      reset();
      setResult({ tone: 'success', text: t('invite.sent', { email: created.email, expires: formatDateTimeJst(created.expiresAt, lang) }) });
      onInvited();
    } catch (error) {
      const rest =
        problemCode(error) === 'VALIDATION_FAILED'
          ? applyProblemToForm(error, setError, ['email', 'displayName', 'roles'], lang)
          : problemMessage(error, lang);
      if (rest) setResult({ tone: 'error', text: rest });
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="grid grid-cols-1 gap-4" aria-labelledby="invite-member-heading">
      <h2 id="invite-member-heading" className="text-xl">
        {t('invite.heading')}
      </h2>
      <p className="text-sm text-ink-sub">{t('invite.lead')}</p>
      {result ? <Notice tone={result.tone} title={result.text} /> : null}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
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
      </div>
      <CheckboxGroup
        legend={t('invite.roles')}
        hint={t('invite.rolesHint')}
        required
        options={COUNCIL_ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))}
        registration={register('roles')}
        error={fieldMessage(formState.errors.roles?.message, lang)}
      />
      <div>
        <Button type="submit" busy={formState.isSubmitting}>
          {t('invite.submit')}
        </Button>
      </div>
    </form>
  );
}
