import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Revitalization, SaveSupportDesignBody } from '@kasseika/contracts';
import { RV_SUPPORT_MEASURES, seeksForgiveness, type RvSupportMeasure } from '@kasseika/domain';
import { Button } from '../../../components/ui/button';
import { INPUT_CLASS, TextAreaField, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { formatDateTimeJst } from '../../../lib/format';
import type { Lang } from '../../../lib/form-errors';
import { revitalizationKeys, saveSupportDesign } from '../api/revitalization';
import { problemLines } from './use-rv-form';
import { VersionedRecordSection } from './versioned-record-section';

const yen = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });
const pct = (bp: number) => (bp / 100).toFixed(2);
type Status = 'met' | 'not_met' | 'not_applicable';

/** "60,000,000" → 60000000; blank → undefined; anything else → NaN (the server refuses it with a reason). */
function parseAmount(text: string): number | undefined {
  const s = text.replace(/[,\s円]/g, '');
  if (s === '') return undefined;
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}
const str = (n: number | undefined) => (n === undefined ? '' : String(n));

function DesignForm({
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
  const prev = data.supportDesign?.input;
  const [measures, setMeasures] = useState<RvSupportMeasure[]>(prev?.measures ?? []);
  const [grace, setGrace] = useState(str(prev?.reschedulingGraceMonths));
  const [dds, setDds] = useState(str(prev?.ddsAmount));
  const [des, setDes] = useState(str(prev?.desAmount));
  const [forgiven, setForgiven] = useState(str(prev?.forgivenessAmount));
  const [notes, setNotes] = useState(prev?.notes ?? '');
  const [answers, setAnswers] = useState<Record<string, { status: Status | ''; note: string }>>(() =>
    Object.fromEntries(
      data.forgivenessRequirements.items.map((i) => {
        const a = prev?.requirements.find((r) => r.key === i.key);
        return [i.key, { status: a?.status ?? '', note: a?.note ?? '' }];
      }),
    ),
  );
  const [liq, setLiq] = useState({
    liquidationAssets: str(prev?.liquidation?.liquidationAssets),
    priorityClaims: str(prev?.liquidation?.priorityClaims),
    unsecuredClaims: str(prev?.liquidation?.unsecuredClaims),
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string[] | null>(null);
  const forgiveness = seeksForgiveness(measures);
  const has = (m: RvSupportMeasure) => measures.includes(m);

  async function save(ev: React.SyntheticEvent) {
    ev.preventDefault();
    setBusy(true);
    setError(null);
    const liquidationGiven = Object.values(liq).some((v) => v.trim() !== '');
    const body: SaveSupportDesignBody = {
      measures,
      ...(has('rescheduling') && grace.trim() !== '' ? { reschedulingGraceMonths: Number(grace) } : {}),
      ...(has('dds') && parseAmount(dds) !== undefined ? { ddsAmount: parseAmount(dds) } : {}),
      ...(has('des') && parseAmount(des) !== undefined ? { desAmount: parseAmount(des) } : {}),
      ...((has('forgiveness') || has('second_company')) && parseAmount(forgiven) !== undefined
        ? { forgivenessAmount: parseAmount(forgiven) }
        : {}),
      ...(notes.trim() ? { notes } : {}),
      requirements: forgiveness
        ? Object.entries(answers)
            .filter(([, a]) => a.status !== '')
            .map(([key, a]) => ({ key, status: a.status as Status, ...(a.note.trim() ? { note: a.note } : {}) }))
        : [],
      ...(forgiveness && liquidationGiven
        ? {
            liquidation: {
              liquidationAssets: parseAmount(liq.liquidationAssets) ?? 0,
              priorityClaims: parseAmount(liq.priorityClaims) ?? 0,
              unsecuredClaims: parseAmount(liq.unsecuredClaims) ?? 0,
            },
          }
        : {}),
    };
    try {
      const { version } = await saveSupportDesign(caseId, body);
      await queryClient.invalidateQueries({ queryKey: revitalizationKeys.record(caseId) }, { cancelRefetch: false });
      onSaved(t('design.saved', { version }));
    } catch (e) {
      setError(problemLines(e, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(ev) => void save(ev)} noValidate className="grid gap-4" aria-label={t('design.form')}>
      <fieldset>
        <legend className="font-bold">{t('design.measures')}</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
          {RV_SUPPORT_MEASURES.map((m) => (
            <label key={m} className="inline-flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                className="size-5 accent-key"
                checked={has(m)}
                onChange={(e) => setMeasures((ms) => (e.target.checked ? [...ms, m] : ms.filter((x) => x !== m)))}
              />
              {t(`measure.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 md:grid-cols-2">
        {has('rescheduling') ? (
          <TextField label={t('design.graceMonths')} inputMode="numeric" value={grace} onChange={(e) => setGrace(e.target.value)} />
        ) : null}
        {has('dds') ? (
          <TextField label={t('design.ddsAmount')} inputMode="numeric" value={dds} onChange={(e) => setDds(e.target.value)} />
        ) : null}
        {has('des') ? (
          <TextField label={t('design.desAmount')} inputMode="numeric" value={des} onChange={(e) => setDes(e.target.value)} />
        ) : null}
        {has('forgiveness') || has('second_company') ? (
          <TextField
            label={t('design.forgivenessAmount')}
            inputMode="numeric"
            value={forgiven}
            onChange={(e) => setForgiven(e.target.value)}
          />
        ) : null}
      </div>
      <TextAreaField label={t('design.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} />
      {forgiveness ? (
        <fieldset className="grid gap-3 rounded-8 border border-line-light p-4">
          <legend className="px-1 font-bold">{t('design.requirements')}</legend>
          <p className="text-sm text-ink-sub">{t('design.requirementsLead', { version: data.forgivenessRequirements.version })}</p>
          {data.forgivenessRequirements.items.map((item) => (
            <div key={item.key} className="grid gap-2 border-b border-line-light pb-3 md:grid-cols-[1fr_12rem]">
              <div>
                <p id={`req-${item.key}`} className="font-bold">
                  {item.label[lang]}
                </p>
                <p className="text-sm text-ink-sub">{item.hint[lang]}</p>
                <input
                  className={INPUT_CLASS}
                  aria-label={t('design.requirementNote', { item: item.label[lang] })}
                  value={answers[item.key]?.note ?? ''}
                  onChange={(e) => setAnswers((a) => ({ ...a, [item.key]: { status: a[item.key]?.status ?? '', note: e.target.value } }))}
                />
              </div>
              <select
                className={INPUT_CLASS}
                aria-labelledby={`req-${item.key}`}
                value={answers[item.key]?.status ?? ''}
                onChange={(e) =>
                  setAnswers((a) => ({ ...a, [item.key]: { note: a[item.key]?.note ?? '', status: e.target.value as Status | '' } }))
                }
              >
                <option value="">{t('design.unanswered')}</option>
                {(['met', 'not_met', 'not_applicable'] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`design.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <div className="grid gap-3 md:grid-cols-3">
            <TextField
              label={t('design.liquidationAssets')}
              inputMode="numeric"
              value={liq.liquidationAssets}
              onChange={(e) => setLiq((l) => ({ ...l, liquidationAssets: e.target.value }))}
            />
            <TextField
              label={t('design.priorityClaims')}
              inputMode="numeric"
              value={liq.priorityClaims}
              onChange={(e) => setLiq((l) => ({ ...l, priorityClaims: e.target.value }))}
            />
            <TextField
              label={t('design.unsecuredClaims')}
              inputMode="numeric"
              value={liq.unsecuredClaims}
              onChange={(e) => setLiq((l) => ({ ...l, unsecuredClaims: e.target.value }))}
            />
          </div>
        </fieldset>
      ) : null}
      {error ? (
        <Notice tone="error" title={error[0]}>
          {error.length > 1 ? (
            <ul className="list-disc pl-5">
              {error.slice(1).map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      <div>
        <Button type="submit" busy={busy}>
          {t('design.save')}
        </Button>
      </div>
    </form>
  );
}

/** 金融支援策 (REFERENCE §3.3 step 5, §3.6): measures, the forgiveness requirements and the 清算価値保障 comparison. */
export function SupportDesignSection({ caseId, data, lang }: { caseId: string; data: Revitalization; lang: Lang }) {
  const { t } = useTranslation('revitalization');
  const d = data.supportDesign;
  return (
    <VersionedRecordSection
      latest={
        d ? (
          <div className="grid gap-2" data-testid="rv-support-design">
            <p className="text-sm text-ink-sub">
              {t('design.versionInfo', { version: d.version, name: d.createdByName ?? '—', at: formatDateTimeJst(d.createdAt, lang) })}
            </p>
            <ul className="list-disc pl-5">
              {d.input.measures.map((m) => (
                <li key={m}>
                  {t(`measure.${m}`)}
                  {m === 'rescheduling' && d.input.reschedulingGraceMonths !== undefined
                    ? `（${t('design.graceShort', { months: d.input.reschedulingGraceMonths })}）`
                    : ''}
                  {m === 'dds' && d.input.ddsAmount ? `（${yen.format(d.input.ddsAmount)}円）` : ''}
                  {m === 'des' && d.input.desAmount ? `（${yen.format(d.input.desAmount)}円）` : ''}
                  {(m === 'forgiveness' || m === 'second_company') && d.input.forgivenessAmount
                    ? `（${yen.format(d.input.forgivenessAmount)}円）`
                    : ''}
                </li>
              ))}
            </ul>
            {d.input.notes ? <p className="whitespace-pre-wrap">{d.input.notes}</p> : null}
            {d.seeksForgiveness ? (
              <>
                <ul className="grid gap-1">
                  {data.forgivenessRequirements.items.map((item) => {
                    const a = d.input.requirements.find((r) => r.key === item.key);
                    return (
                      <li key={item.key}>
                        <span className="font-bold">{item.label[lang]}</span>: {a ? t(`design.status.${a.status}`) : t('design.unanswered')}
                        {a?.note ? ` — ${a.note}` : ''}
                      </li>
                    );
                  })}
                </ul>
                {d.liquidationComparison ? (
                  <Notice
                    tone={d.liquidationComparison.met ? 'success' : 'warning'}
                    title={t(d.liquidationComparison.met ? 'design.liquidationMet' : 'design.liquidationNotMet')}
                  >
                    <p>
                      {t('design.liquidationRates', {
                        plan: pct(d.liquidationComparison.planRecoveryBp),
                        liquidation: pct(d.liquidationComparison.liquidationDividendBp),
                      })}
                    </p>
                  </Notice>
                ) : null}
              </>
            ) : null}
          </div>
        ) : null
      }
      empty={t('design.empty')}
      canWrite={data.abilities.write}
      version={d?.version ?? 0}
      newVersionLabel={t('design.newVersion')}
      form={(onSaved) => <DesignForm caseId={caseId} data={data} lang={lang} onSaved={onSaved} />}
    />
  );
}
