import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { createRcProceedingBodySchema, type CaseGuarantors, type Rechallenge } from '@kasseika/contracts';
import { RC_PROCEEDING_ROUTES, RC_PROCEEDING_STATUSES, proceedingKindOf } from '@kasseika/domain';
import { Button } from '../../../components/ui/button';
import { INPUT_CLASS, SelectField, TextAreaField, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { formatDateJst } from '../../../lib/format';
import { fieldMessage, problemMessage, type Lang } from '../../../lib/form-errors';
import { useContractForm } from '../../../lib/use-contract-form';
import { addRcProceeding, updateRcProceeding } from '../api/rechallenge';
import { yenText } from './package-view';
import { CARD, useRefresh } from './section-shared';

interface ProceedingValues {
  route: string;
  guarantorName: string;
  status: string;
  startedOn: string;
  endedOn: string;
  note: string;
}

export function Proceedings({
  caseId,
  data,
  guarantors,
  lang,
}: {
  caseId: string;
  data: Rechallenge;
  guarantors: CaseGuarantors | undefined;
  lang: Lang;
}) {
  const { t } = useTranslation('rechallenge');
  const refresh = useRefresh(caseId);
  const { form, submit, result } = useContractForm<ProceedingValues, typeof createRcProceedingBodySchema>({
    schema: createRcProceedingBodySchema,
    defaults: { route: 'private_workout', guarantorName: '', status: 'considering', startedOn: '', endedOn: '', note: '' },
    fields: ['route', 'guarantorName', 'status', 'startedOn', 'endedOn', 'note'] as const,
    toBody: (v) => ({
      ...v,
      guarantorName: v.guarantorName || null,
      startedOn: v.startedOn || null,
      endedOn: v.endedOn || null,
    }),
    send: async (body) => {
      await addRcProceeding(caseId, body);
      await refresh();
      return t('proceedings.saved');
    },
  });
  const e = form.formState.errors;
  const route = form.watch('route');
  const isGuarantor =
    RC_PROCEEDING_ROUTES.includes(route as never) && proceedingKindOf(route as (typeof RC_PROCEEDING_ROUTES)[number]) === 'guarantor';
  const [statusError, setStatusError] = useState<string | null>(null);
  const estimateOf = (name: string | null) => guarantors?.guarantors.find((g) => g.name === name)?.estimate;
  return (
    <section aria-labelledby="rc-proceedings" className={CARD}>
      <h2 id="rc-proceedings" className="text-xl">
        {t('proceedings.heading')}
      </h2>
      <p className="mt-1 text-sm text-ink-sub">{t('proceedings.lead')}</p>
      <p className="mt-1 text-sm">
        <Link to="/cases/$caseId/guarantors" params={{ caseId }}>
          {t('proceedings.guarantorsLink')}
        </Link>
      </p>
      {statusError ? <Notice tone="error" title={statusError} /> : null}
      {data.proceedings.length === 0 ? <p className="mt-3 text-ink-sub">{t('proceedings.empty')}</p> : null}
      <ul className="mt-3 grid gap-3">
        {data.proceedings.map((p) => {
          const est = estimateOf(p.guarantorName);
          return (
            <li key={p.id} className="grid gap-2 border-b border-line-light pb-3 md:grid-cols-[1fr_14rem] md:items-start">
              <div>
                <p className="font-bold" id={`proc-${p.id}`}>
                  {t(`route.${p.route}`)}
                  {p.guarantorName ? ` — ${p.guarantorName}` : ''}
                </p>
                <p className="text-sm text-ink-sub">
                  {t('proceedings.dates', {
                    start: p.startedOn ? formatDateJst(p.startedOn, lang) : '—',
                    end: p.endedOn ? formatDateJst(p.endedOn, lang) : '—',
                  })}
                </p>
                {est ? <p className="text-sm">{t('proceedings.residual', { amount: yenText(est.residualAssets) })}</p> : null}
                {p.note ? <p className="whitespace-pre-wrap text-sm">{p.note}</p> : null}
              </div>
              <select
                aria-label={t('proceedings.statusOf', { route: t(`route.${p.route}`) })}
                className={INPUT_CLASS}
                value={p.status}
                disabled={!data.abilities.write}
                onChange={(ev) => {
                  const status = ev.target.value as (typeof RC_PROCEEDING_STATUSES)[number];
                  const final = status === 'completed' || status === 'abandoned';
                  const today = new Date().toISOString().slice(0, 10);
                  void updateRcProceeding(caseId, p.id, {
                    status,
                    startedOn: p.startedOn ?? (status === 'considering' ? null : today),
                    endedOn: final ? (p.endedOn ?? today) : null,
                  })
                    .then(refresh)
                    .then(() => setStatusError(null))
                    .catch((err: unknown) => setStatusError(problemMessage(err, lang)));
                }}
              >
                {RC_PROCEEDING_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      {data.abilities.write ? (
        <form onSubmit={(ev) => void submit(ev)} noValidate className="mt-4 grid gap-3" aria-label={t('proceedings.add')}>
          {result ? <Notice tone={result.tone} title={result.text} /> : null}
          <div className="grid gap-3 md:grid-cols-2">
            <SelectField
              label={t('proceedings.route')}
              required
              registration={form.register('route')}
              error={fieldMessage(e.route?.message, lang)}
            >
              {RC_PROCEEDING_ROUTES.map((r) => (
                <option key={r} value={r}>
                  {t(`route.${r}`)}
                </option>
              ))}
            </SelectField>
            {isGuarantor ? (
              <SelectField
                label={t('proceedings.guarantor')}
                required
                hint={guarantors && guarantors.guarantors.length === 0 ? t('proceedings.noGuarantors') : undefined}
                registration={form.register('guarantorName')}
                error={fieldMessage(e.guarantorName?.message, lang)}
              >
                <option value="">{t('proceedings.chooseGuarantor')}</option>
                {(guarantors?.guarantors ?? []).map((g) => (
                  <option key={g.name} value={g.name}>
                    {g.name}
                  </option>
                ))}
              </SelectField>
            ) : null}
            <SelectField
              label={t('proceedings.status')}
              required
              registration={form.register('status')}
              error={fieldMessage(e.status?.message, lang)}
            >
              {RC_PROCEEDING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('proceedings.startedOn')}
              type="date"
              registration={form.register('startedOn')}
              error={fieldMessage(e.startedOn?.message, lang)}
            />
            <TextField
              label={t('proceedings.endedOn')}
              type="date"
              registration={form.register('endedOn')}
              error={fieldMessage(e.endedOn?.message, lang)}
            />
          </div>
          <TextAreaField label={t('proceedings.note')} registration={form.register('note')} error={fieldMessage(e.note?.message, lang)} />
          <div>
            <Button type="submit" variant="secondary" busy={form.formState.isSubmitting}>
              {t('proceedings.add')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
