import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  createRcAdviceBodySchema,
  createRcConsultationBodySchema,
  createRcProceedingBodySchema,
  prepareRcReferralBodySchema,
  type CaseGuarantors,
  type DocumentList,
  type Rechallenge,
} from '@kasseika/contracts';
import { RC_ADVICE_TOPICS, RC_PACKAGE_FIGURES, RC_PROCEEDING_ROUTES, RC_PROCEEDING_STATUSES, proceedingKindOf } from '@kasseika/domain';
import { Button } from '../../../components/ui/button';
import { CheckboxGroup, INPUT_CLASS, SelectField, TextAreaField, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { formatDateJst, formatDateTimeJst } from '../../../lib/format';
import { fieldMessage, problemMessage, type Lang } from '../../../lib/form-errors';
import { useRcForm } from './use-rc-form';
import {
  addRcAdvice,
  addRcConsultation,
  addRcProceeding,
  prepareRcReferral,
  rechallengeKeys,
  updateRcProceeding,
} from '../api/rechallenge';
import { PackageView, yenText } from './package-view';

const CARD = 'rounded-12 border border-line-light bg-surface p-4 md:p-6';

function useRefresh(caseId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: rechallengeKeys.all(caseId) }, { cancelRefetch: false });
}

function Advice({ caseId, data, lang }: { caseId: string; data: Rechallenge; lang: Lang }) {
  const { t } = useTranslation('rechallenge');
  const refresh = useRefresh(caseId);
  const { form, submit, result } = useRcForm({
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

interface ReferralValues {
  lawyerEmail: string;
  documentIds: string[];
  figures: string[];
  message: string;
}

function Referral({
  caseId,
  data,
  documents,
  lang,
}: {
  caseId: string;
  data: Rechallenge;
  documents: DocumentList | undefined;
  lang: Lang;
}) {
  const { t } = useTranslation('rechallenge');
  const refresh = useRefresh(caseId);
  const { form, submit, result } = useRcForm<ReferralValues, typeof prepareRcReferralBodySchema>({
    schema: prepareRcReferralBodySchema,
    defaults: { lawyerEmail: data.referral?.lawyerEmail ?? '', documentIds: [], figures: ['guarantors', 'advice'], message: '' },
    fields: ['lawyerEmail', 'documentIds', 'figures', 'message'] as const,
    toBody: (v) => ({ ...v, documentIds: v.documentIds, figures: v.figures }),
    send: async (body) => {
      await prepareRcReferral(caseId, body);
      await refresh();
      return t('referral.prepared');
    },
  });
  const e = form.formState.errors;
  const r = data.referral;
  return (
    <section aria-labelledby="rc-referral" className={CARD}>
      <h2 id="rc-referral" className="text-xl">
        {t('referral.heading')}
      </h2>
      <p className="mt-1 text-sm text-ink-sub">{t('referral.lead')}</p>
      {r ? (
        <div className="mt-3 grid gap-3">
          <p>
            <span className="font-bold">{t('referral.lawyer')}: </span>
            {r.lawyerName}（{r.lawyerFirm}）
          </p>
          <p className="rounded-8 border-l-8 border-key bg-key-light px-4 py-2 font-bold" data-testid="rc-consent-status">
            {r.consent.consentedAt && !r.consent.revokedAt
              ? t('referral.consented', { at: formatDateTimeJst(r.consent.consentedAt, lang), name: r.consent.consentedByName ?? '—' })
              : r.consent.revokedAt
                ? t('referral.revoked', { at: formatDateTimeJst(r.consent.revokedAt, lang) })
                : t('referral.awaiting')}
          </p>
          {r.lawyerHasAccess ? <p>{t('referral.lawyerHasAccess')}</p> : null}
          <details>
            <summary className="min-h-11 cursor-pointer py-2 font-bold">{t('referral.showPackage')}</summary>
            <PackageView pkg={r.package} hash={r.packageHash} />
          </details>
        </div>
      ) : (
        <p className="mt-3 text-ink-sub">{t('referral.none')}</p>
      )}
      {data.abilities.prepareReferral ? (
        <form onSubmit={(ev) => void submit(ev)} noValidate className="mt-4 grid gap-3" aria-label={t('referral.prepare')}>
          {result ? <Notice tone={result.tone} title={result.text} /> : null}
          <TextField
            label={t('referral.lawyerEmail')}
            hint={t('referral.lawyerEmailHint')}
            type="email"
            autoComplete="off"
            required
            registration={form.register('lawyerEmail')}
            error={fieldMessage(e.lawyerEmail?.message, lang)}
          />
          <CheckboxGroup
            legend={t('referral.documents')}
            hint={documents && documents.items.length === 0 ? t('referral.noDocuments') : undefined}
            options={(documents?.items ?? []).map((d) => ({ value: d.id, label: d.title }))}
            registration={form.register('documentIds')}
            error={fieldMessage(e.documentIds?.message, lang)}
          />
          <CheckboxGroup
            legend={t('referral.figures')}
            options={RC_PACKAGE_FIGURES.map((f) => ({ value: f, label: t(`figure.${f}`) }))}
            registration={form.register('figures')}
            error={fieldMessage(e.figures?.message, lang)}
          />
          <TextAreaField
            label={t('referral.message')}
            registration={form.register('message')}
            error={fieldMessage(e.message?.message, lang)}
          />
          <div>
            <Button type="submit" busy={form.formState.isSubmitting}>
              {t('referral.prepare')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

interface ProceedingValues {
  route: string;
  guarantorName: string;
  status: string;
  startedOn: string;
  endedOn: string;
  note: string;
}

function Proceedings({
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
  const { form, submit, result } = useRcForm<ProceedingValues, typeof createRcProceedingBodySchema>({
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

interface ConsultationValues {
  heldOn: string;
  lawyerName: string;
  feeYen: string;
  feeSupported: boolean;
  note: string;
}

function Consultations({ caseId, data, lang }: { caseId: string; data: Rechallenge; lang: Lang }) {
  const { t } = useTranslation('rechallenge');
  const refresh = useRefresh(caseId);
  const f = data.feeSupport;
  const { form, submit, result } = useRcForm<ConsultationValues, typeof createRcConsultationBodySchema>({
    schema: createRcConsultationBodySchema,
    defaults: { heldOn: '', lawyerName: data.referral?.lawyerName ?? '', feeYen: '', feeSupported: f.remaining > 0, note: '' },
    fields: ['heldOn', 'lawyerName', 'feeYen', 'feeSupported', 'note'] as const,
    toBody: (v) => ({ ...v, feeYen: v.feeYen.trim() === '' ? Number.NaN : Number(v.feeYen.replace(/[,，円\s]/g, '')) }),
    send: async (body) => {
      const r = await addRcConsultation(caseId, body);
      await refresh();
      const counted = r.supportOrdinal
        ? t('consultations.counted', { n: r.supportOrdinal, limit: f.limit })
        : t('consultations.notCounted');
      return r.warning ? `${counted} ${r.warning[lang]}` : counted;
    },
  });
  const e = form.formState.errors;
  return (
    <section aria-labelledby="rc-consultations" className={CARD}>
      <h2 id="rc-consultations" className="text-xl">
        {t('consultations.heading')}
      </h2>
      <p className="mt-2 rounded-8 border-l-8 border-key bg-key-light px-4 py-2 font-bold" data-testid="rc-fee-support">
        {t('consultations.meter', { used: f.used, limit: f.limit, remaining: f.remaining })}
      </p>
      {f.remaining === 0 && f.limit > 0 ? (
        <Notice tone="warning" title={t('consultations.limitReachedTitle')}>
          <p>{t('consultations.limitReachedBody')}</p>
        </Notice>
      ) : null}
      {!f.verified ? <p className="mt-2 text-sm text-ink-sub">{t('consultations.unverified')}</p> : null}
      {data.consultations.length === 0 ? <p className="mt-3 text-ink-sub">{t('consultations.empty')}</p> : null}
      <ul className="mt-3 grid gap-2">
        {data.consultations.map((k) => (
          <li key={k.id} className="grid gap-1 border-b border-line-light pb-2 md:grid-cols-[9rem_1fr_9rem_10rem] md:items-center">
            <span>{formatDateJst(k.heldOn, lang)}</span>
            <span>{k.lawyerName}</span>
            <span className="tabular-nums">{yenText(k.feeYen)}</span>
            <span>{k.supportOrdinal ? t('consultations.supportedN', { n: k.supportOrdinal }) : t('consultations.unsupported')}</span>
          </li>
        ))}
      </ul>
      {data.abilities.write ? (
        <form onSubmit={(ev) => void submit(ev)} noValidate className="mt-4 grid gap-3" aria-label={t('consultations.add')}>
          {result ? <Notice tone={result.tone} title={result.text} /> : null}
          <div className="grid gap-3 md:grid-cols-3">
            <TextField
              label={t('consultations.heldOn')}
              type="date"
              required
              registration={form.register('heldOn')}
              error={fieldMessage(e.heldOn?.message, lang)}
            />
            <TextField
              label={t('consultations.lawyerName')}
              required
              registration={form.register('lawyerName')}
              error={fieldMessage(e.lawyerName?.message, lang)}
            />
            <TextField
              label={t('consultations.fee')}
              inputMode="numeric"
              required
              registration={form.register('feeYen')}
              error={fieldMessage(e.feeYen?.message, lang)}
            />
          </div>
          <label className="inline-flex min-h-11 items-center gap-2">
            <input
              type="checkbox"
              className="size-5 accent-key"
              {...form.register('feeSupported')}
              aria-describedby="fee-supported-error"
            />
            {t('consultations.feeSupported')}
          </label>
          {e.feeSupported?.message ? (
            <p id="fee-supported-error" className="text-sm font-bold text-error">
              {fieldMessage(e.feeSupported.message, lang)}
            </p>
          ) : null}
          <TextAreaField label={t('consultations.note')} registration={form.register('note')} error={fieldMessage(e.note?.message, lang)} />
          <div>
            <Button type="submit" variant="secondary" busy={form.formState.isSubmitting}>
              {t('consultations.add')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

/** The council's 再チャレンジ支援 record: advice, lawyer referral, routes and workouts, consultations. */
export function CouncilRechallenge({
  caseId,
  data,
  documents,
  guarantors,
  lang,
}: {
  caseId: string;
  data: Rechallenge;
  documents: DocumentList | undefined;
  guarantors: CaseGuarantors | undefined;
  lang: Lang;
}) {
  return (
    <div className="grid gap-6">
      <Advice caseId={caseId} data={data} lang={lang} />
      <Referral caseId={caseId} data={data} documents={documents} lang={lang} />
      <Proceedings caseId={caseId} data={data} guarantors={guarantors} lang={lang} />
      <Consultations caseId={caseId} data={data} lang={lang} />
    </div>
  );
}
