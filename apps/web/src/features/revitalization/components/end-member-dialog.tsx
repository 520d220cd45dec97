import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { endRvMemberBodySchema, RV_MEMBER_END_KINDS, type RvTeamMember } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/form-field';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { Notice } from '../../../components/ui/notice';
import { applyProblemToForm, contractResolver, fieldMessage, problemCode, problemMessage, type Lang } from '../../../lib/form-errors';
import { endMember } from '../api/revitalization';

interface EndValues {
  endedOn: string;
  endKind: string;
  reason: string;
}

/** Today as a JST calendar date (the default end date). */
function todayJst(): string {
  return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The confirmation before a membership ends (解任 / 任期終了): the date, the kind and the reason. For an expert the
 * dialog says what follows — the case grant is revoked and an outstanding invitation withdrawn at once.
 */
export function EndMemberDialog({
  caseId,
  member,
  lang,
  onClose,
  onEnded,
}: {
  caseId: string;
  member: RvTeamMember | null;
  lang: Lang;
  onClose: () => void;
  onEnded: (name: string) => Promise<void>;
}) {
  const { t } = useTranslation('revitalization');
  const id = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<EndValues, unknown, { endedOn: string; endKind: 'dismissed' | 'term_ended'; reason: string }>({
    defaultValues: { endedOn: todayJst(), endKind: '', reason: '' },
    resolver: contractResolver(endRvMemberBodySchema),
  });
  const { register, handleSubmit, formState, setError, reset } = form;
  const close = () => {
    reset({ endedOn: todayJst(), endKind: '', reason: '' });
    setFormError(null);
    onClose();
  };
  const submit = handleSubmit(async (body) => {
    if (!member) return;
    setFormError(null);
    try {
      await endMember(caseId, member.id, body);
      reset({ endedOn: todayJst(), endKind: '', reason: '' });
      await onEnded(member.name);
    } catch (error) {
      setFormError(
        problemCode(error) === 'VALIDATION_FAILED'
          ? applyProblemToForm(error, setError, ['endedOn', 'endKind', 'reason'], lang)
          : problemMessage(error, lang),
      );
    }
  });
  const e = formState.errors;
  return (
    <ModalDialog open={member !== null} onEscape={close} role="alertdialog" titleId={`${id}-title`} descriptionId={`${id}-desc`}>
      <h2 id={`${id}-title`} className="text-xl">
        {t('end.title', { name: member?.name ?? '' })}
      </h2>
      <p id={`${id}-desc`} className="mt-2">
        {member?.kind === 'expert' ? t('end.leadExpert') : t('end.leadStaff')}
      </p>
      <form onSubmit={(ev) => void submit(ev)} noValidate className="mt-4 grid gap-4" aria-label={t('end.form')}>
        {formError ? <Notice tone="error" title={formError} /> : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label={t('end.endedOn')}
            type="date"
            required
            hint={t('end.endedOnHint')}
            registration={register('endedOn')}
            error={fieldMessage(e.endedOn?.message, lang)}
          />
          <SelectField label={t('end.endKind')} required registration={register('endKind')} error={fieldMessage(e.endKind?.message, lang)}>
            <option value="">{t('choose')}</option>
            {RV_MEMBER_END_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`endKind.${k}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <TextAreaField
          label={t('end.reason')}
          required
          maxLength={1000}
          registration={register('reason')}
          error={fieldMessage(e.reason?.message, lang)}
        />
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <button
            type="button"
            onClick={close}
            className="min-h-11 rounded-8 border-2 border-key bg-surface px-5 font-bold text-key hover:bg-key-light"
          >
            {t('end.cancel')}
          </button>
          <Button type="submit" variant="dangerSolid" busy={formState.isSubmitting}>
            {t('end.submit')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
