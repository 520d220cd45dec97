import { useTranslation } from 'react-i18next';
import type { IndicatorsResponse } from '@kasseika/contracts';
import { EChart } from './echart';
import { formatNumber } from './money';
import { StepsList } from './steps-list';

const UNIT_LABEL = {
  percent: { ja: '%', en: '%' },
  thousandYenPerEmployee: { ja: '千円/人', en: '¥1,000/employee' },
  times: { ja: '倍', en: 'times' },
  months: { ja: 'か月', en: 'months' },
} as const;

function indicatorText(value: number | null, unit: string, lang: 'ja' | 'en', notComputable: string): string {
  if (value === null) return notComputable;
  const u = UNIT_LABEL[unit as keyof typeof UNIT_LABEL]?.[lang] ?? '';
  return `${formatNumber(value, unit === 'thousandYenPerEmployee' ? 0 : 2)}${u === '%' ? '%' : ` ${u}`}`;
}

/** The six indicators per year with their explanations, 債務償還年数, and the peer radar when scored. */
export function IndicatorResults({
  result,
  headingLevel = 2,
}: {
  result: Pick<IndicatorsResponse, 'years' | 'score' | 'thresholds'>;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const latest = result.years.at(-1);
  if (!latest) return null;
  const H = headingLevel === 2 ? 'h3' : 'h4';
  const score = result.score;
  const na = t('money.notComputable');
  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="relative max-w-full overflow-x-auto rounded-8 border border-line-light bg-surface">
        <table className="w-full min-w-[32rem] border-collapse text-sm">
          <caption className="px-3 py-2 text-left font-bold">{t('quickCheck.latestYear', { date: latest.fiscalYearEnd })}</caption>
          <thead>
            <tr className="bg-key-light">
              <th scope="col" className="px-3 py-2 text-left">
                {t('quickCheck.indicator')}
              </th>
              {result.years.map((y) => (
                <th key={y.fiscalYearEnd} scope="col" className="px-3 py-2 text-right whitespace-nowrap">
                  {y.fiscalYearEnd}
                </th>
              ))}
              {score ? (
                <th scope="col" className="px-3 py-2 text-right">
                  {t('quickCheck.score')}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {latest.indicators.map((ind, k) => (
              <tr key={ind.code} className="border-t border-line-light align-top">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <span className="font-bold">{ind.label[lang]}</span>
                  <StepsList steps={ind.steps} summary={t('quickCheck.explanation')} />
                </th>
                {result.years.map((y) => {
                  const v = y.indicators[k];
                  return (
                    <td
                      key={y.fiscalYearEnd}
                      className={`px-3 py-2 text-right tabular-nums ${v?.value !== null && (v?.value ?? 0) < 0 ? 'text-error' : ''}`}
                    >
                      {indicatorText(v?.value ?? null, v?.unit ?? '', lang, na)}
                    </td>
                  );
                })}
                {score ? <td className="px-3 py-2 text-right font-bold">{score.scores[k]?.score ?? ''}</td> : null}
              </tr>
            ))}
            <tr className="border-t-2 border-line align-top">
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <span className="font-bold">{t('quickCheck.debtYears')}</span>
                <span className="block text-xs text-ink-sub">{latest.debtRepaymentYears.variantName[lang]}</span>
                <StepsList steps={latest.debtRepaymentYears.steps} summary={t('quickCheck.explanation')} />
              </th>
              {result.years.map((y) => (
                <td key={y.fiscalYearEnd} className="px-3 py-2 text-right tabular-nums">
                  {y.debtRepaymentYears.value === null
                    ? na
                    : `${formatNumber(y.debtRepaymentYears.value, 1)} ${lang === 'ja' ? '年' : 'years'}`}
                </td>
              ))}
              {score ? <td /> : null}
            </tr>
          </tbody>
        </table>
      </div>
      <section aria-labelledby="radar-heading" className="rounded-8 border border-line-light bg-surface p-4">
        <H id="radar-heading" className="text-lg font-bold">
          {t('quickCheck.radarTitle')}
        </H>
        <p className="mt-1 inline-block rounded-4 bg-notice-bg px-2 py-1 text-sm font-bold">{result.thresholds.label[lang]}</p>
        <p className="mt-1 text-sm text-ink-sub">{t('quickCheck.unverifiedNote')}</p>
        {score ? (
          <>
            <p className="mt-2 font-bold">
              {score.industryCode} {score.industryName}／{t('quickCheck.total', { total: score.total, max: score.maxTotal })}
              {score.grade ? `／${t('quickCheck.grade', { grade: score.grade })}` : ''}
            </p>
            <EChart
              className="mt-2 h-80 w-full"
              label={t('quickCheck.radarSummary', {
                list: latest.indicators.map((ind, k) => `${ind.label[lang]} ${score.scores[k]?.score ?? 0}`).join('、'),
              })}
              option={{
                animation: false,
                radar: {
                  indicator: latest.indicators.map((ind) => ({ name: ind.label[lang].replace(/（.*）|\(.*\)/, ''), max: 5, min: 0 })),
                  radius: '60%',
                  axisName: { color: '#1a1a1a', fontSize: 11 },
                },
                series: [
                  {
                    type: 'radar',
                    data: [
                      {
                        value: score.scores.map((s) => s.score),
                        name: score.industryName,
                        areaStyle: { opacity: 0.25 },
                        lineStyle: { color: '#0017c1' },
                        itemStyle: { color: '#0017c1' },
                      },
                    ],
                  },
                ],
              }}
            />
          </>
        ) : (
          <p className="mt-2">{t('quickCheck.radarHint')}</p>
        )}
      </section>
    </div>
  );
}
