import { useTranslation } from 'react-i18next';
import type { DeskConsultation } from '@kasseika/contracts';
import { langOf } from '../../../lib/form-errors';

function formatIndicator(value: number | null, unit: string, lang: 'ja' | 'en'): string {
  if (value === null) return '—';
  const n = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'ja-JP', { maximumFractionDigits: unit === 'thousandYenPerEmployee' ? 0 : 2 });
  const suffix: Record<string, string> = {
    percent: '%',
    ratio: '',
    months: lang === 'en' ? ' months' : 'か月',
    years: lang === 'en' ? ' years' : '年',
    times: lang === 'en' ? '×' : '倍',
    thousandYenPerEmployee: lang === 'en' ? ' k¥/person' : '千円/人',
  };
  return `${n.format(unit === 'ratio' ? value * 100 : value)}${unit === 'ratio' ? '%' : (suffix[unit] ?? '')}`;
}

/** The finance engine's diagnosis of the company's latest statements, year by year. */
export function Diagnosis({ diagnosis }: { diagnosis: DeskConsultation['diagnosis'] }) {
  const { t, i18n } = useTranslation('casework');
  const lang = langOf(i18n.language);
  if (!diagnosis) return <p className="text-ink-sub">{t('diagnosis.none')}</p>;
  const first = diagnosis.years[0];
  return (
    <div>
      <p className="mb-2 text-sm text-ink-sub">{t('diagnosis.lead', { revision: diagnosis.statementsRevision })}</p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[32rem] border-collapse text-sm">
          <caption className="sr-only">{t('diagnosis.heading')}</caption>
          <thead>
            <tr className="border-b-2 border-line">
              <th scope="col" className="py-1 pr-3 text-left">
                {t('diagnosis.indicator')}
              </th>
              {diagnosis.years.map((y) => (
                <th key={y.fiscalYearEnd} scope="col" className="py-1 pl-3 text-right">
                  {t('diagnosis.fiscalYearEnd', { date: y.fiscalYearEnd })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(first?.indicators ?? []).map((ind, i) => (
              <tr key={ind.code} className="border-b border-line-light">
                <th scope="row" className="py-1 pr-3 text-left font-normal">
                  {ind.label[lang]}
                </th>
                {diagnosis.years.map((y) => {
                  const v = y.indicators[i];
                  return (
                    <td key={y.fiscalYearEnd} className="py-1 pl-3 text-right tabular-nums">
                      {v && v.computable ? formatIndicator(v.value, v.unit, lang) : t('diagnosis.notComputable')}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr className="border-b border-line-light">
              <th scope="row" className="py-1 pr-3 text-left font-bold">
                {t('diagnosis.debtYears')}
              </th>
              {diagnosis.years.map((y) => (
                <td key={y.fiscalYearEnd} className="py-1 pl-3 text-right font-bold tabular-nums">
                  {y.debtRepaymentYears.computable
                    ? formatIndicator(y.debtRepaymentYears.value, 'years', lang)
                    : t('diagnosis.notComputable')}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
