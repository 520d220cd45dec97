import { useNavigate } from '@tanstack/react-router';
import { useId, useState, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationForm } from '@kasseika/contracts';
import { PREFECTURES, recommendSupport, type QuickCheckFindings, type Recommendation } from '@kasseika/domain';
import { Button } from '../../../components/ui/button';
import { INPUT_CLASS } from '../../../components/ui/form-field';
import { langOf } from '../../../lib/form-errors';
import { SELF_CHECK_HANDOVER } from './consultation-form';

/**
 * The pamphlet's two □ checklists → which support to ask about, which council, why and what to bring. Runs in the
 * browser with the domain's rule; nothing is sent or stored unless the visitor goes on to the request form (the
 * ticked items and prefecture are handed over in this tab's session storage).
 */
export function SelfCheck({
  choices,
  renderFigures,
}: {
  choices: ConsultationForm;
  /** The optional quick financial check (composed by the page), reporting what it found. */
  renderFigures: (onFindings: (findings: QuickCheckFindings | null) => void) => ReactNode;
}) {
  const { t, i18n } = useTranslation('intake');
  const lang = langOf(i18n.language);
  const navigate = useNavigate();
  const prefId = useId();
  const [checked, setChecked] = useState<string[]>([]);
  const [prefectureCode, setPrefectureCode] = useState('');
  const [result, setResult] = useState<Recommendation | null>(null);
  const [findings, setFindings] = useState<QuickCheckFindings | null>(null);
  const formId = useId();
  const pref = PREFECTURES.find((p) => p.code === prefectureCode);

  const onSubmit = (e: SyntheticEvent) => {
    e.preventDefault();
    setResult(recommendSupport(checked, findings, { debtRepaymentYearsConcern: choices.debtRepaymentYearsConcern }));
    window.setTimeout(() => document.getElementById('self-check-result')?.focus(), 0);
  };

  return (
    <div className="grid grid-cols-1 gap-5">
      <form id={formId} onSubmit={onSubmit} className="grid grid-cols-1 gap-5" aria-label={t('guide.title')}>
        {choices.checklists.map((list) => (
          <fieldset key={list.id} className="rounded-12 border border-line-light p-4">
            <legend className="px-1 font-bold">{t('guide.checklistLegend', { title: lang === 'en' ? list.titleEn : list.titleJa })}</legend>
            <div className="grid gap-1">
              {list.items.map((item) => (
                <label key={item.id} className="flex min-h-11 items-center gap-3">
                  <input
                    type="checkbox"
                    className="size-5 shrink-0 accent-key"
                    checked={checked.includes(item.id)}
                    onChange={(e) => setChecked((c) => (e.target.checked ? [...c, item.id] : c.filter((x) => x !== item.id)))}
                  />
                  {lang === 'en' ? item.en : item.ja}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <div>
          <label htmlFor={prefId} className="block font-bold">
            {t('guide.prefecture')}
          </label>
          <p className="text-sm text-ink-sub">{t('guide.prefectureHint')}</p>
          <select id={prefId} value={prefectureCode} onChange={(e) => setPrefectureCode(e.target.value)} className={INPUT_CLASS}>
            <option value="">—</option>
            {PREFECTURES.map((p) => (
              <option key={p.code} value={p.code}>
                {lang === 'en' ? p.nameEn : p.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      <details className="rounded-12 border border-line-light p-4">
        <summary className="min-h-11 cursor-pointer font-bold">{t('guide.figuresToggle')}</summary>
        <p className="mt-2 text-sm text-ink-sub">{t('guide.figuresHint')}</p>
        <div className="mt-4">{renderFigures(setFindings)}</div>
      </details>
      <div>
        <Button type="submit" form={formId}>
          {t('guide.check')}
        </Button>
      </div>
      {result ? (
        <section
          id="self-check-result"
          tabIndex={-1}
          aria-labelledby="self-check-result-title"
          className="rounded-12 border-2 border-key bg-key-light p-4 outline-none"
        >
          <h3 id="self-check-result-title" className="text-xl">
            {t('guide.resultTitle', { support: t(`guide.support.${result.support}`) })}
          </h3>
          <h4 className="mt-3 font-bold">{t('guide.why')}</h4>
          <ul className="list-disc pl-5">
            {result.reasons.map((r) => (
              <li key={r.ja}>{r[lang]}</li>
            ))}
          </ul>
          <h4 className="mt-3 font-bold">{t('guide.where')}</h4>
          <p>
            {pref
              ? t('guide.whereBody', {
                  council: lang === 'en' ? `SME Revitalization Council of ${pref.nameEn}` : `${pref.name}中小企業活性化協議会`,
                })
              : t('guide.chooseCouncil')}
          </p>
          <h4 className="mt-3 font-bold">{t('guide.bring')}</h4>
          <ul className="list-disc pl-5">
            {choices.documents.map((d) => (
              <li key={d.id}>{lang === 'en' ? d.en : d.ja}</li>
            ))}
          </ul>
          <div className="mt-4">
            <Button
              type="button"
              onClick={() => {
                try {
                  window.sessionStorage.setItem(SELF_CHECK_HANDOVER, JSON.stringify({ needs: checked, prefectureCode }));
                } catch {
                  /* a convenience only */
                }
                void navigate({ to: '/consultation/request' });
              }}
            >
              {t('guide.next')}
            </Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
