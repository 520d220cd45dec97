import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { createCaseBodySchema, type CaseDetail } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { useFormDraft } from '../../../lib/form-draft';
import { applyProblemToForm, contractResolver, fieldMessage, langOf, problemCode, problemMessage } from '../../../lib/form-errors';
import { createCase } from '../api/cases';

/** Opening a case in the user's council (only shown when the server says the user may). */
export function CreateCaseForm({ onCreated }: { onCreated: (created: CaseDetail) => void }) {
  const { t, i18n } = useTranslation('cases');
  const lang = langOf(i18n.language);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ companyName: string }>({ defaultValues: { companyName: '' }, resolver: contractResolver(createCaseBodySchema) });
  const clearDraft = useFormDraft('create-case', form, ['companyName']);
  const { register, handleSubmit, formState, setError } = form;
  const submit = handleSubmit(async (body) => {
    setFormError(null);
    try {
      const created = await createCase(body);
      clearDraft();
      onCreated(created);
    } catch (error) {
      setFormError(
        problemCode(error) === 'VALIDATION_FAILED'
          ? applyProblemToForm(error, setError, ['companyName'], lang)
          : problemMessage(error, lang),
      );
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="grid grid-cols-1 gap-4">
      {formError ? <Notice tone="error" title={formError} /> : null}
      <TextField
        label={t('create.companyName')}
        hint={t('create.companyNameHint')}
        required
        autoComplete="organization"
        registration={register('companyName')}
        error={fieldMessage(formState.errors.companyName?.message, lang)}
      />
      <div>
        <Button type="submit" busy={formState.isSubmitting}>
          {t('create.submit')}
        </Button>
      </div>
    </form>
  );
}
