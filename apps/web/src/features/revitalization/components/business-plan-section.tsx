import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Revitalization } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { INPUT_CLASS, SelectField, TextAreaField, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { formatDateJst, formatDateTimeJst } from '../../../lib/format';
import type { Lang } from '../../../lib/form-errors';
import { revitalizationKeys, saveBusinessPlan } from '../api/revitalization';
import { problemLines } from './use-rv-form';
import { VersionedRecordSection } from './versioned-record-section';

const yen = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });

function parseYen(text: string): number {
  const s = text.replace(/[,\s円]/g, '').replace(/[－−ー]/g, '-');
  if (s === '') return Number.NaN;
  return /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
}

function PlanForm({
  caseId,
  data,
  lang,
  onSaved,
}: {
  caseId: string;
  data: Revitalization;
  lang: Lang;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation('revitalization');
  const queryClient = useQueryClient();
  const prev = data.businessPlan;
  const pre = data.profile?.supportKind === 'pre_revitalization';
  const [planYears, setPlanYears] = useState(prev?.planYears ?? (pre ? 3 : 5));
  const [startsOn, setStartsOn] = useState(prev?.startsOn ?? '');
  const [causes, setCauses] = useState(prev?.causesOfDistress ?? '');
  const [measures, setMeasures] = useState(prev?.measures ?? '');
  const [years, setYears] = useState(() =>
    Array.from({ length: 10 }, (_, i) => ({
      sales: prev?.years[i] ? String(prev.years[i].sales) : '',
      ordinaryProfit: prev?.years[i] ? String(prev.years[i].ordinaryProfit) : '',
    })),
  );
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'error'; lines: string[] } | null>(null);

  async function save(ev: React.SyntheticEvent) {
    ev.preventDefault();
    setBusy(true);
    setResult(null);
    try {
      const { version } = await saveBusinessPlan(caseId, {
        planYears,
        startsOn,
        causesOfDistress: causes,
        measures,
        years: years.slice(0, planYears).map((y) => ({ sales: parseYen(y.sales), ordinaryProfit: parseYen(y.ordinaryProfit) })),
      });
      await queryClient.invalidateQueries({ queryKey: revitalizationKeys.record(caseId) }, { cancelRefetch: false });
      await queryClient.invalidateQueries({ queryKey: revitalizationKeys.case(caseId), exact: true }, { cancelRefetch: false });
      onSaved(t('plan.saved', { version }));
    } catch (error) {
      setResult({ tone: 'error', lines: problemLines(error, lang) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(ev) => void save(ev)} noValidate className="grid gap-3" aria-label={t('plan.form')}>
      <p className="text-sm text-ink-sub">{pre ? t('plan.rulePre') : t('plan.rule')}</p>
      <div className="grid gap-3 md:grid-cols-2">
        <SelectField label={t('plan.planYears')} required value={String(planYears)} onChange={(e) => setPlanYears(Number(e.target.value))}>
          {Array.from({ length: 10 }, (_, i) => i + 1).map((y) => (
            <option key={y} value={y}>
              {t('plan.years', { count: y })}
            </option>
          ))}
        </SelectField>
        <TextField label={t('plan.startsOn')} type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
      </div>
      <TextAreaField
        label={t('plan.causes')}
        hint={t('plan.causesHint')}
        required
        value={causes}
        onChange={(e) => setCauses(e.target.value)}
      />
      <TextAreaField label={t('plan.measures')} required value={measures} onChange={(e) => setMeasures(e.target.value)} />
      <div className="relative max-w-full overflow-x-auto" role="region" aria-label={t('plan.figures')} tabIndex={-1}>
        <table className="w-full min-w-[28rem] text-left">
          <caption className="sr-only">{t('plan.figures')}</caption>
          <thead>
            <tr className="border-b border-line text-sm">
              <th scope="col" className="py-2 pr-2">
                {t('plan.year')}
              </th>
              <th scope="col" className="py-2 pr-2">
                {t('plan.sales')}
              </th>
              <th scope="col" className="py-2">
                {t('plan.ordinaryProfit')}
              </th>
            </tr>
          </thead>
          <tbody>
            {years.slice(0, planYears).map((y, i) => (
              <tr key={i} className="border-b border-line-light">
                <th scope="row" className="py-1 pr-2 font-normal">
                  {t('plan.yearN', { n: i + 1 })}
                </th>
                <td className="py-1 pr-2">
                  <input
                    className={`${INPUT_CLASS} text-right tabular-nums`}
                    inputMode="numeric"
                    aria-label={t('plan.salesOf', { n: i + 1 })}
                    value={y.sales}
                    onChange={(e) => setYears((ys) => ys.map((x, j) => (j === i ? { ...x, sales: e.target.value } : x)))}
                  />
                </td>
                <td className="py-1">
                  <input
                    className={`${INPUT_CLASS} text-right tabular-nums`}
                    inputMode="numeric"
                    aria-label={t('plan.ordinaryProfitOf', { n: i + 1 })}
                    value={y.ordinaryProfit}
                    onChange={(e) => setYears((ys) => ys.map((x, j) => (j === i ? { ...x, ordinaryProfit: e.target.value } : x)))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result ? (
        <Notice tone={result.tone} title={result.lines[0]}>
          {result.lines.length > 1 ? (
            <ul className="list-disc pl-5">
              {result.lines.slice(1).map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      <div>
        <Button type="submit" busy={busy}>
          {t('plan.save')}
        </Button>
      </div>
    </form>
  );
}

/** The company's 事業計画 draft (REFERENCE §3.3 step 4, §3.4): causes of distress, measures, yearly figures; versions kept. */
export function BusinessPlanSection({ caseId, data, lang }: { caseId: string; data: Revitalization; lang: Lang }) {
  const { t } = useTranslation('revitalization');
  const p = data.businessPlan;
  return (
    <VersionedRecordSection
      latest={
        p ? (
          <div className="grid gap-3" data-testid="rv-business-plan">
            <p className="text-sm text-ink-sub">
              {t('plan.versionInfo', { version: p.version, name: p.createdByName ?? '—', at: formatDateTimeJst(p.createdAt, lang) })}
            </p>
            <p>
              {t('plan.summary', { count: p.planYears, date: formatDateJst(p.startsOn, lang) })}{' '}
              {p.firstProfitableYear === null ? t('plan.noProfit') : t('plan.firstProfit', { n: p.firstProfitableYear })}
            </p>
            <div>
              <h4 className="font-bold">{t('plan.causes')}</h4>
              <p className="whitespace-pre-wrap">{p.causesOfDistress}</p>
            </div>
            <div>
              <h4 className="font-bold">{t('plan.measures')}</h4>
              <p className="whitespace-pre-wrap">{p.measures}</p>
            </div>
            <div className="relative max-w-full overflow-x-auto" role="region" aria-label={t('plan.figures')} tabIndex={-1}>
              <table className="w-full min-w-[24rem] text-left">
                <caption className="sr-only">{t('plan.figures')}</caption>
                <thead>
                  <tr className="border-b border-line text-sm">
                    <th scope="col" className="py-2 pr-3">
                      {t('plan.year')}
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right">
                      {t('plan.sales')}
                    </th>
                    <th scope="col" className="py-2 text-right">
                      {t('plan.ordinaryProfit')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {p.years.map((y, i) => (
                    <tr key={i} className="border-b border-line-light">
                      <th scope="row" className="py-1 pr-3 font-normal">
                        {t('plan.yearN', { n: i + 1 })}
                      </th>
                      <td className="py-1 pr-3 text-right tabular-nums">{yen.format(y.sales)}</td>
                      <td className={`py-1 text-right tabular-nums ${y.ordinaryProfit < 0 ? 'text-error' : ''}`}>
                        {yen.format(y.ordinaryProfit)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ) : null
      }
      empty={t('plan.empty')}
      canWrite={data.abilities.write}
      version={p?.version ?? 0}
      newVersionLabel={t('plan.newVersion')}
      form={(onSaved) => <PlanForm caseId={caseId} data={data} lang={lang} onSaved={onSaved} />}
      history={{
        summary: t('plan.history', { count: data.businessPlanVersions.length }),
        items: data.businessPlanVersions.map((v) => ({
          key: v.version,
          text: t('plan.historyItem', {
            version: v.version,
            count: v.planYears,
            name: v.createdByName ?? '—',
            at: formatDateTimeJst(v.createdAt, lang),
          }),
        })),
      }}
    />
  );
}
