import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { createRcConsultationBodySchema, type Rechallenge } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { TextAreaField, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { formatDateJst } from '../../../lib/format';
import { fieldMessage, type Lang } from '../../../lib/form-errors';
import { useContractForm } from '../../../lib/use-contract-form';
import { addRcConsultation } from '../api/rechallenge';
import { yenText } from './package-view';
import { CARD, useRefresh } from './section-shared';

interface ConsultationValues {
  heldOn: string;
  lawyerName: string;
  feeYen: string;
  feeSupported: boolean;
  note: string;
}

export function Consultations({ caseId, data, lang }: { caseId: string; data: Rechallenge; lang: Lang }) {
  const { t } = useTranslation('rechallenge');
  const refresh = useRefresh(caseId);
  const f = data.feeSupport;
  // Fee support is ticked by default only while some of the limit is left — also after a recorded consultation used
  // the last of it (the answer's `remaining`, not the value when the form was first drawn).
  const supportLeft = useRef(f.remaining > 0);
  const blank = (feeSupported: boolean): ConsultationValues => ({
    heldOn: '',
    lawyerName: data.referral?.lawyerName ?? '',
    feeYen: '',
    feeSupported,
    note: '',
  });
  const { form, submit, result } = useContractForm<ConsultationValues, typeof createRcConsultationBodySchema>({
    schema: createRcConsultationBodySchema,
    defaults: blank(f.remaining > 0),
    resetValues: () => blank(supportLeft.current),
    fields: ['heldOn', 'lawyerName', 'feeYen', 'feeSupported', 'note'] as const,
    toBody: (v) => ({ ...v, feeYen: v.feeYen.trim() === '' ? Number.NaN : Number(v.feeYen.replace(/[,，円\s]/g, '')) }),
    send: async (body) => {
      const r = await addRcConsultation(caseId, body);
      supportLeft.current = r.remaining > 0;
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
