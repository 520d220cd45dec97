import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { adoptEarningsPlanBodySchema, createActionItemBodySchema, type CaseDetail, type EarningsImprovement } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { INPUT_CLASS, SelectField, TextAreaField, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { ErrorNotice, Loading } from '../../../components/ui/status';
import { formatDateJst, formatDateTimeJst } from '../../../lib/format';
import { fieldMessage, langOf, problemMessage, type Lang } from '../../../lib/form-errors';
import {
  adoptEarningsPlan,
  caseworkKeys,
  createActionItem,
  saveGovernanceCheck,
  transitionCase,
  updateActionItem,
  useEarningsImprovement,
} from '../api/casework';
import { useContractForm } from '../../../lib/use-contract-form';

const SUB_CARD = 'rounded-8 border border-line-light p-4';
const GOVERNANCE = ['met', 'partly', 'not_met', 'not_applicable'] as const;
const ACTION = ['planned', 'in_progress', 'done', 'dropped'] as const;

function Governance({ caseId, data, lang }: { caseId: string; data: EarningsImprovement; lang: Lang }) {
  const { t } = useTranslation('casework');
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const save = (key: string, status: string) => {
    setError(null);
    saveGovernanceCheck(caseId, key, status)
      .then(() => queryClient.invalidateQueries({ queryKey: caseworkKeys.earnings(caseId) }, { cancelRefetch: false }))
      .catch((e: unknown) => setError(problemMessage(e, lang)));
  };
  return (
    <div className="grid gap-4">
      {error ? <Notice tone="error" title={error} /> : null}
      {data.governance.map((section) => (
        <fieldset key={section.key}>
          <legend className="font-bold">{section.label[lang]}</legend>
          <ul className="mt-1 grid gap-2">
            {section.items.map((item) => (
              <li key={item.key} className="grid gap-1 border-b border-line-light pb-2 md:grid-cols-[1fr_14rem] md:items-center">
                <span id={`gov-${item.key}`}>
                  {item.important ? <span className="mr-1 font-bold text-key">◎</span> : null}
                  {item.label[lang]}
                  {item.checkedAt ? (
                    <span className="block text-xs text-ink-sub">
                      {item.checkedByName ?? '—'} · {formatDateTimeJst(item.checkedAt, lang)}
                    </span>
                  ) : null}
                </span>
                <select
                  aria-labelledby={`gov-${item.key}`}
                  className={INPUT_CLASS}
                  value={item.status ?? ''}
                  disabled={!data.abilities.write}
                  onChange={(e) => save(item.key, e.target.value)}
                >
                  <option value="" disabled>
                    {t('earnings.unchecked')}
                  </option>
                  {GOVERNANCE.map((g) => (
                    <option key={g} value={g}>
                      {t(`earnings.governanceStatus.${g}`)}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}

function ActionItems({ caseId, data, lang }: { caseId: string; data: EarningsImprovement; lang: Lang }) {
  const { t } = useTranslation('casework');
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: caseworkKeys.earnings(caseId) }, { cancelRefetch: false });
  const { form, submit, result } = useContractForm({
    schema: createActionItemBodySchema,
    defaults: { what: '', owner: '', dueOn: '' },
    fields: ['what', 'owner', 'dueOn'] as const,
    send: async (body) => {
      await createActionItem(caseId, body);
      await refresh();
      return t('earnings.actionSaved');
    },
  });
  const e = form.formState.errors;
  return (
    <div className="grid gap-3">
      {data.actionItems.length === 0 ? <p className="text-ink-sub">{t('earnings.noActions')}</p> : null}
      <ul className="grid gap-2">
        {data.actionItems.map((a) => (
          <li key={a.id} className="grid gap-1 border-b border-line-light pb-2 md:grid-cols-[1fr_10rem_9rem_12rem] md:items-center">
            <span id={`act-${a.id}`} className="whitespace-pre-wrap">
              {a.what}
            </span>
            <span>{a.owner}</span>
            <span className="tabular-nums">{formatDateJst(a.dueOn, lang)}</span>
            <select
              aria-label={t('earnings.actionStatusOf', { what: a.what.slice(0, 30) })}
              className={INPUT_CLASS}
              value={a.status}
              disabled={!data.abilities.write}
              onChange={(ev) => void updateActionItem(caseId, a.id, ev.target.value).then(refresh)}
            >
              {ACTION.map((s) => (
                <option key={s} value={s}>
                  {t(`earnings.actionStatus.${s}`)}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      {data.abilities.write ? (
        <form onSubmit={(ev) => void submit(ev)} noValidate className="grid gap-3" aria-label={t('earnings.addAction')}>
          {result ? <Notice tone={result.tone} title={result.text} /> : null}
          <div className="grid gap-3 md:grid-cols-[2fr_1fr_12rem]">
            <TextField
              label={t('earnings.what')}
              required
              registration={form.register('what')}
              error={fieldMessage(e.what?.message, lang)}
            />
            <TextField
              label={t('earnings.owner')}
              required
              registration={form.register('owner')}
              error={fieldMessage(e.owner?.message, lang)}
            />
            <TextField
              label={t('earnings.dueOn')}
              type="date"
              required
              registration={form.register('dueOn')}
              error={fieldMessage(e.dueOn?.message, lang)}
            />
          </div>
          <div>
            <Button type="submit" variant="secondary" busy={form.formState.isSubmitting}>
              {t('earnings.addAction')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

interface PlanValues {
  planYears: string;
  reschedulingRequested: boolean;
  startsOn: string;
  summary: string;
}

function PlanForm({ caseId, lang }: { caseId: string; lang: Lang }) {
  const { t } = useTranslation('casework');
  const queryClient = useQueryClient();
  const { form, submit, result } = useContractForm<PlanValues, typeof adoptEarningsPlanBodySchema>({
    schema: adoptEarningsPlanBodySchema,
    defaults: { planYears: '3', reschedulingRequested: false, startsOn: '', summary: '' },
    fields: ['planYears', 'reschedulingRequested', 'startsOn', 'summary'] as const,
    toBody: (v) => ({ ...v, planYears: Number(v.planYears) }),
    send: async (body) => {
      await adoptEarningsPlan(caseId, body);
      await queryClient.invalidateQueries({ queryKey: caseworkKeys.case(caseId) }, { cancelRefetch: false });
      return t('earnings.adopted');
    },
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate className="grid gap-3" aria-label={t('earnings.adopt')}>
      {result ? <Notice tone={result.tone} title={result.text} /> : null}
      <p className="text-sm text-ink-sub">{t('earnings.planRule')}</p>
      <div className="grid gap-3 md:grid-cols-3">
        <SelectField
          label={t('earnings.planYears')}
          required
          registration={form.register('planYears')}
          error={fieldMessage(e.planYears?.message, lang)}
        >
          {['1', '2', '3'].map((y) => (
            <option key={y} value={y}>
              {t('earnings.years', { count: Number(y) })}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('earnings.startsOn')}
          type="date"
          required
          registration={form.register('startsOn')}
          error={fieldMessage(e.startsOn?.message, lang)}
        />
        <label className="flex min-h-12 items-center gap-2 self-end font-bold">
          <input type="checkbox" className="size-6" {...form.register('reschedulingRequested')} />
          {t('earnings.rescheduling')}
        </label>
      </div>
      <TextAreaField
        label={t('earnings.summary')}
        required
        registration={form.register('summary')}
        error={fieldMessage(e.summary?.message, lang)}
      />
      <div>
        <Button type="submit" busy={form.formState.isSubmitting}>
          {t('earnings.adopt')}
        </Button>
      </div>
    </form>
  );
}

function MoveToMonitoring({ detail, lang }: { detail: CaseDetail; lang: Lang }) {
  const { t } = useTranslation('casework');
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = detail.nextTransitions.find((n) => n.event === 'ei_start_monitoring');
  if (!next?.allowed) return null;
  return (
    <form
      className="grid gap-2"
      aria-label={t('earnings.toMonitoring')}
      onSubmit={(ev) => {
        ev.preventDefault();
        setBusy(true);
        setError(null);
        transitionCase(detail.id, { event: 'ei_start_monitoring', expectedStage: detail.stage, reason })
          .then(() => queryClient.invalidateQueries({ queryKey: caseworkKeys.case(detail.id) }, { cancelRefetch: false }))
          .catch((e: unknown) => setError(problemMessage(e, lang)))
          .finally(() => setBusy(false));
      }}
    >
      <TextField
        label={t('earnings.toMonitoringReason')}
        required
        value={reason}
        onChange={(ev) => setReason(ev.target.value)}
        error={error ?? undefined}
      />
      <div>
        <Button type="submit" busy={busy}>
          {t('earnings.toMonitoring')}
        </Button>
      </div>
    </form>
  );
}

/** 収益力改善支援 on the case page: governance checklist, action plan, plan adoption and the move to monitoring. */
export function EarningsSection({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation('casework');
  const lang = langOf(i18n.language);
  const q = useEarningsImprovement(detail.id);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice message={problemMessage(q.error, lang)} onRetry={() => void q.refetch()} />;
  const data = q.data;
  return (
    <div className="grid gap-6">
      <section aria-labelledby="governance-heading" className={SUB_CARD}>
        <h4 id="governance-heading" className="text-lg">
          {t('earnings.governance')}
        </h4>
        <p className="mb-3 text-sm text-ink-sub">{t('earnings.governanceLead')}</p>
        <Governance caseId={detail.id} data={data} lang={lang} />
      </section>
      <section aria-labelledby="actions-heading" className={SUB_CARD}>
        <h4 id="actions-heading" className="text-lg">
          {t('earnings.actions')}
        </h4>
        <ActionItems caseId={detail.id} data={data} lang={lang} />
      </section>
      <section aria-labelledby="plan-heading" className={SUB_CARD}>
        <h4 id="plan-heading" className="text-lg">
          {t('earnings.plan')}
        </h4>
        {data.plan ? (
          <div className="grid gap-3">
            <p className="font-bold">
              {t('earnings.adoptedSummary', {
                years: t('earnings.years', { count: data.plan.planYears }),
                start: formatDateJst(data.plan.startsOn, lang),
                name: data.plan.adoptedByName ?? '—',
              })}
              {data.plan.reschedulingRequested ? `（${t('earnings.rescheduling')}）` : ''}
            </p>
            <p className="whitespace-pre-wrap">{data.plan.summary}</p>
            <MoveToMonitoring detail={detail} lang={lang} />
          </div>
        ) : data.abilities.write ? (
          <PlanForm caseId={detail.id} lang={lang} />
        ) : (
          <p className="text-ink-sub">{t('earnings.noPlan')}</p>
        )}
      </section>
    </div>
  );
}
