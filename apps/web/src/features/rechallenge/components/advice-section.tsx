import { useTranslation } from 'react-i18next';
import { createRcAdviceBodySchema, type Rechallenge } from '@kasseika/contracts';
import { RC_ADVICE_TOPICS } from '@kasseika/domain';
import { Button } from '../../../components/ui/button';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { formatDateJst } from '../../../lib/format';
import { fieldMessage, type Lang } from '../../../lib/form-errors';
import { useContractForm } from '../../../lib/use-contract-form';
import { addRcAdvice } from '../api/rechallenge';
import { CARD, useRefresh } from './section-shared';

export function Advice({ caseId, data, lang }: { caseId: string; data: Rechallenge; lang: Lang }) {
  const { t } = useTranslation('rechallenge');
  const refresh = useRefresh(caseId);
  const { form, submit, result } = useContractForm({
    schema: createRcAdviceBodySchema,
    defaults: { advisedOn: '', topic: 'orderly_closure', text: '' },
    fields: ['advisedOn', 'topic', 'text'] as const,
    send: async (body) => {
      await addRcAdvice(caseId, body);
      await refresh();
      return t('advice.saved');
    },
  });
  const e = form.formState.errors;
  return (
    <section aria-labelledby="rc-advice" className={CARD}>
      <h2 id="rc-advice" className="text-xl">
        {t('advice.heading')}
      </h2>
      <p className="mt-1 text-sm text-ink-sub">{t('advice.lead')}</p>
      {data.advice.length === 0 ? <p className="mt-3 text-ink-sub">{t('advice.empty')}</p> : null}
      <ul className="mt-3 grid gap-2">
        {data.advice.map((a) => (
          <li key={a.id} className="border-b border-line-light pb-2">
            <span className="text-sm text-ink-sub">
              {formatDateJst(a.advisedOn, lang)} · {t(`topic.${a.topic}`)} · {a.createdByName ?? '—'}
            </span>
            <p className="whitespace-pre-wrap">{a.text}</p>
          </li>
        ))}
      </ul>
      {data.abilities.write ? (
        <form onSubmit={(ev) => void submit(ev)} noValidate className="mt-4 grid gap-3" aria-label={t('advice.add')}>
          {result ? <Notice tone={result.tone} title={result.text} /> : null}
          <div className="grid gap-3 md:grid-cols-2">
            <TextField
              label={t('advice.advisedOn')}
              type="date"
              required
              registration={form.register('advisedOn')}
              error={fieldMessage(e.advisedOn?.message, lang)}
            />
            <SelectField
              label={t('advice.topic')}
              required
              registration={form.register('topic')}
              error={fieldMessage(e.topic?.message, lang)}
            >
              {RC_ADVICE_TOPICS.map((k) => (
                <option key={k} value={k}>
                  {t(`topic.${k}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <TextAreaField
            label={t('advice.text')}
            required
            registration={form.register('text')}
            error={fieldMessage(e.text?.message, lang)}
          />
          <div>
            <Button type="submit" variant="secondary" busy={form.formState.isSubmitting}>
              {t('advice.add')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
