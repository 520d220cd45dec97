import { useTranslation } from 'react-i18next';
import type { Step } from '@kasseika/contracts';
import { formatNumber, Money } from './money';

const UNIT: Record<Step['unit'], { ja: string; en: string }> = {
  yen: { ja: '円', en: 'yen' },
  ratio: { ja: '', en: '' },
  percent: { ja: '%', en: '%' },
  months: { ja: 'か月', en: 'months' },
  years: { ja: '年', en: 'years' },
  times: { ja: '倍', en: 'times' },
  persons: { ja: '人', en: 'persons' },
  thousandYenPerEmployee: { ja: '千円/人', en: '¥1,000 per employee' },
  count: { ja: '', en: '' },
  none: { ja: '', en: '' },
};

/** Renders a step value in its unit (ratios as percent with two decimals). */
export function StepValue({ step, lang }: { step: Step; lang: 'ja' | 'en' }) {
  if (step.value === null) return null;
  if (step.unit === 'yen') return <Money value={step.value} />;
  const text =
    step.unit === 'ratio'
      ? `${formatNumber(step.value * 100, 2)}%`
      : step.unit === 'count'
        ? String(step.value)
        : formatNumber(step.value, 2);
  return (
    <span className={`tabular-nums ${step.value < 0 ? 'text-error' : ''}`}>
      {text}
      {UNIT[step.unit][lang] ? ` ${UNIT[step.unit][lang]}` : ''}
    </span>
  );
}

/** The explanation of a result: the same steps the Excel 計算根拠 sheet and the PDF use. */
export function StepsList({ steps, summary }: { steps: readonly Step[]; summary: string }) {
  const { i18n } = useTranslation('finance');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  return (
    <details className="mt-1 text-sm">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-bold text-key underline">{summary}</summary>
      <ol className="mt-2 grid gap-1 border-l-4 border-key-100 pl-3">
        {steps.map((s, i) => (
          <li key={`${s.code}-${i}`} className="flex flex-wrap justify-between gap-x-4">
            <span>
              {s.label[lang]}
              {s.formula ? <span className="block text-ink-sub">= {s.formula[lang]}</span> : null}
              {s.sourceRef ? <span className="block text-xs text-ink-muted">{s.sourceRef}</span> : null}
            </span>
            <span className="text-right">
              <StepValue step={s} lang={lang} />
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}
