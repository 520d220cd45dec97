import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { caseDetailSchema, casePlanSchema, type CasePlan } from '@kasseika/contracts';
import { apiGet, apiPost } from '../../../lib/api';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { formatDateTimeJst } from '../../../lib/format';
import { langOf, problemMessage } from '../../../lib/form-errors';
import { creditorKeys, respondToPlan, submitPlanVersion } from '../api/creditors';

const yen = (n: number, lang: 'ja' | 'en') => `${n.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US')}${lang === 'ja' ? '円' : ' yen'}`;

/** The current plan version (its SHA-256), who has consented, and the actions of the council and the banks. */
export function PlanSection({ caseId, plan, stage, onMoved }: { caseId: string; plan: CasePlan; stage: string; onMoved: () => void }) {
  const { t, i18n } = useTranslation('creditors');
  const lang = langOf(i18n.language);
  const qc = useQueryClient();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const current = plan.current;
  const [title, setTitle] = useState(current?.content.title ?? '');
  const [summary, setSummary] = useState(current?.content.summary ?? '');
  const [total, setTotal] = useState(String(current?.content.monthlyRepaymentTotal ?? ''));
  const [reason, setReason] = useState('');

  async function run(action: () => Promise<CasePlan>, ok: string) {
    setBusy(true);
    setMessage(null);
    try {
      qc.setQueryData(creditorKeys.plan(caseId), await action());
      setMessage({ tone: 'success', text: ok });
    } catch (error) {
      setMessage({ tone: 'error', text: problemMessage(error, lang) });
    } finally {
      setBusy(false);
    }
  }

  const mine = plan.consent.targets.find((x) => x.bankCode === plan.myBankCode);
  return (
    <div className="grid grid-cols-1 gap-4">
      {message ? <Notice tone={message.tone} title={message.text} /> : null}
      {plan.baseline ? (
        <Notice tone="success" title={t('plan.effective', { n: plan.baseline.versionNo })}>
          <p className="font-mono text-sm break-all">SHA-256: {plan.baseline.sha256}</p>
        </Notice>
      ) : null}
      {current ? (
        <div className="grid grid-cols-1 gap-3" data-testid="current-version">
          <h3 className="text-lg">{t('plan.current', { n: current.versionNo, title: current.content.title })}</h3>
          <p className="font-mono text-sm break-all">SHA-256: {current.sha256}</p>
          <p className="text-sm text-ink-sub">{t('plan.submittedAt', { at: formatDateTimeJst(current.submittedAt, lang) })}</p>
          <p className="whitespace-pre-wrap">{current.content.summary}</p>
          <div
            className="overflow-x-auto"
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a table wider than a 360 px screen scrolls; keyboard users must be able to reach it (axe scrollable-region-focusable)
            tabIndex={0}
            role="region"
            aria-label={t('plan.proposed')}
          >
            <table className="w-full min-w-[36rem] text-left text-sm">
              <caption className="text-left font-bold">
                {t('plan.tableCaption', { total: yen(current.content.monthlyRepaymentTotal, lang) })}
              </caption>
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="py-2">
                    {t('table.bank')}
                  </th>
                  <th scope="col" className="py-2 text-right">
                    {t('table.balance')}
                  </th>
                  <th scope="col" className="py-2 text-right">
                    {t('table.unsecured')}
                  </th>
                  <th scope="col" className="py-2 text-right">
                    {t('plan.proposed')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {current.content.creditors.map((c) => (
                  <tr key={c.bankCode} className="border-b border-line">
                    <th scope="row" className="py-2 font-normal">
                      {c.bankName}（{c.bankCode}）{c.isMainBank ? ` · ${t('table.main')}` : ''}
                    </th>
                    <td className="py-2 text-right tabular-nums">{yen(c.balance, lang)}</td>
                    <td className="py-2 text-right tabular-nums">{yen(c.unsecured, lang)}</td>
                    <td className="py-2 text-right tabular-nums">{yen(c.proposedMonthlyRepayment, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 className="text-lg">{t('plan.consentHeading')}</h3>
          <p data-testid="consent-summary" className="font-bold">
            {plan.consent.allConsented ? t('plan.allConsented') : t('plan.outstanding', { count: plan.consent.outstanding.length })}
          </p>
          <ul className="grid gap-1" data-testid="consent-list">
            {plan.consent.targets.map((x) => (
              <li key={x.bankCode}>
                {x.bankName}（{x.bankCode}）:{' '}
                {x.consented ? t('plan.consented') : x.stance ? t(`plan.stance.${x.stance}`) : t('plan.noAnswer')}
                {x.conditions ? `（${x.conditions}）` : ''}{' '}
                <a
                  className="underline underline-offset-4"
                  href={`/api/v1/cases/${encodeURIComponent(caseId)}/plan/consent-form.pdf?bankCode=${encodeURIComponent(x.bankCode)}`}
                  download
                >
                  {t('plan.consentForm', { bank: x.bankName })}
                </a>
              </li>
            ))}
          </ul>
          {plan.abilities.respond && mine && !mine.consented ? (
            <div>
              <Button
                busy={busy}
                onClick={() =>
                  void run(
                    () => respondToPlan(caseId, { versionSha256: current.sha256, kind: 'consent' }),
                    t('plan.consentDone', { n: current.versionNo }),
                  )
                }
              >
                {t('plan.consent', { n: current.versionNo })}
              </Button>
            </div>
          ) : null}
        </div>
      ) : (
        <p>{t('plan.none')}</p>
      )}
      {plan.abilities.submit && plan.consent.allConsented && stage === 'rv_creditor_consent' ? (
        <form
          noValidate
          aria-labelledby="effective-heading"
          className="grid grid-cols-1 gap-3 rounded-8 border-2 border-success p-4"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await apiPost(
                `/api/v1/cases/${encodeURIComponent(caseId)}/transitions`,
                { event: 'rv_plan_effective', expectedStage: 'rv_creditor_consent', reason },
                caseDetailSchema,
              );
              onMoved();
              return apiGet(`/api/v1/cases/${encodeURIComponent(caseId)}/plan`, casePlanSchema);
            }, t('plan.effectiveDone'));
          }}
        >
          <h3 id="effective-heading" className="text-lg">
            {t('plan.effectiveHeading')}
          </h3>
          <TextField label={t('plan.effectiveReason')} required value={reason} onChange={(e) => setReason(e.target.value)} />
          <div>
            <Button type="submit" busy={busy}>
              {t('plan.effectiveSubmit')}
            </Button>
          </div>
        </form>
      ) : null}
      {plan.abilities.submit ? (
        <form
          noValidate
          aria-labelledby="plan-form-heading"
          className="grid grid-cols-1 gap-3 rounded-8 border border-line p-4"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () =>
                submitPlanVersion(caseId, {
                  title,
                  summary,
                  supportMeasures: ['reschedule'],
                  planYears: current?.content.planYears ?? 5,
                  monthlyRepaymentTotal: Number(total.replace(/[,，\s]/g, '').normalize('NFKC')),
                  proRataMethod: 'balance',
                  roundingUnit: 1000,
                }),
              t('plan.submitted'),
            );
          }}
        >
          <h3 id="plan-form-heading" className="text-lg">
            {t('plan.formHeading')}
          </h3>
          <p className="text-sm text-ink-sub">{t('plan.formLead')}</p>
          <TextField label={t('plan.title')} required value={title} onChange={(e) => setTitle(e.target.value)} />
          <TextField label={t('plan.summary')} required value={summary} onChange={(e) => setSummary(e.target.value)} />
          <TextField
            label={t('plan.total')}
            hint={t('plan.totalHint')}
            required
            inputMode="numeric"
            value={total}
            onChange={(e) => setTotal(e.target.value)}
            className="max-w-56"
          />
          <div>
            <Button type="submit" busy={busy}>
              {t('plan.submit')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
