import { useQueryClient } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { triageBodySchema, type CaseDetail } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { fieldMessage } from '../../../lib/form-errors';
import { caseworkKeys, triageCase } from '../api/casework';
import { useContractForm } from '../../../lib/use-contract-form';

interface TriageValues {
  decision: 'refer' | 'resolve_by_advice' | 'earnings_improvement' | 'revitalization' | 'rechallenge';
  referralBody: '' | 'yorozu' | 'succession_center' | 'other';
  referralBodyName: string;
  reasons: string;
}

/** The triage decision (PM / SM): decision, referral body when referring, reasons. Moves the case on success. */
export function TriageForm({ caseId, stage }: { caseId: string; stage: CaseDetail['stage'] }) {
  const { t } = useTranslation('casework');
  const queryClient = useQueryClient();
  const { form, submit, result, lang } = useContractForm<TriageValues, typeof triageBodySchema>({
    schema: triageBodySchema,
    defaults: { decision: 'earnings_improvement', referralBody: '', referralBodyName: '', reasons: '' },
    fields: ['decision', 'referralBody', 'referralBodyName', 'reasons'] as const,
    toBody: (v: TriageValues) => ({
      decision: v.decision,
      reasons: v.reasons,
      expectedStage: stage,
      ...(v.decision === 'refer' && v.referralBody ? { referralBody: v.referralBody } : {}),
      ...(v.decision === 'refer' && v.referralBody === 'other' && v.referralBodyName.trim()
        ? { referralBodyName: v.referralBodyName }
        : {}),
    }),
    send: async (body) => {
      await triageCase(caseId, body);
      await queryClient.invalidateQueries({ queryKey: caseworkKeys.case(caseId) }, { cancelRefetch: false });
      return t('triage.done');
    },
  });
  const decision = useWatch({ control: form.control, name: 'decision' });
  const body = useWatch({ control: form.control, name: 'referralBody' });
  const e = form.formState.errors;
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate className="grid grid-cols-1 gap-3" aria-labelledby="triage-heading">
      {result ? <Notice tone={result.tone} title={result.text} /> : null}
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        <SelectField
          label={t('triage.decision')}
          required
          registration={form.register('decision')}
          error={fieldMessage(e.decision?.message, lang)}
        >
          {(['refer', 'resolve_by_advice', 'earnings_improvement', 'revitalization', 'rechallenge'] as const).map((d) => (
            <option key={d} value={d}>
              {t(`triage.decisions.${d}`)}
            </option>
          ))}
        </SelectField>
        {decision === 'refer' ? (
          <SelectField
            label={t('triage.referralBody')}
            required
            registration={form.register('referralBody')}
            error={fieldMessage(e.referralBody?.message, lang)}
          >
            <option value="">—</option>
            {(['yorozu', 'succession_center', 'other'] as const).map((b) => (
              <option key={b} value={b}>
                {t(`triage.referralBodies.${b}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
        {decision === 'refer' && body === 'other' ? (
          <TextField
            label={t('triage.referralBodyName')}
            required
            registration={form.register('referralBodyName')}
            error={fieldMessage(e.referralBodyName?.message, lang)}
          />
        ) : null}
      </div>
      <TextAreaField
        label={t('triage.reasons')}
        required
        rows={3}
        registration={form.register('reasons')}
        error={fieldMessage(e.reasons?.message, lang)}
      />
      <div>
        <Button type="submit" busy={form.formState.isSubmitting}>
          {t('triage.submit')}
        </Button>
      </div>
    </form>
  );
}
