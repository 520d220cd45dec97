import { useTranslation } from 'react-i18next';
import type { AmountInputUnit } from '@kasseika/domain';
import { BALANCE_SHEET_KEYS, INCOME_STATEMENT_KEYS, type PlanResult } from '@kasseika/contracts';
import { EChart } from './echart';
import { formatMoney, formatNumber, Money } from './money';
import { StepsList } from './steps-list';

type Statement = PlanResult['projection']['base'];
type Row = { label: string; values: readonly (number | null)[]; strong?: boolean };

function YearTable({
  caption,
  headers,
  rows,
  unit,
}: {
  caption: string;
  headers: readonly string[];
  rows: readonly Row[];
  unit: AmountInputUnit;
}) {
  const { t } = useTranslation('finance');
  return (
    <div
      className="relative max-w-full overflow-x-auto rounded-8 border border-line-light bg-surface"
      role="region"
      aria-label={caption}
      tabIndex={-1}
    >
      <table className="w-full min-w-[40rem] border-collapse text-sm">
        <caption className="px-3 py-2 text-left font-bold">
          {caption}（{unit === 1 ? t('unit.yen') : t('unit.thousandYen')}）
        </caption>
        <thead>
          <tr className="bg-key-light">
            <th scope="col" className="sticky left-0 bg-key-light px-3 py-2 text-left">
              {t('grid.item')}
            </th>
            {headers.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 text-right whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-t border-line-light">
              <th scope="row" className={`sticky left-0 bg-surface px-3 py-1 text-left ${r.strong ? 'font-bold' : 'font-normal'}`}>
                {r.label}
              </th>
              {r.values.map((v, i) => (
                <td key={i} className="px-3 py-1 text-right">
                  <Money value={v} unit={unit} strong={r.strong ?? false} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const STATUS_STYLE = { passed: 'text-success', failed: 'text-error', notApplicable: 'text-ink-sub', notEvaluable: 'text-ink-sub' } as const;
const STATUS_MARK = { passed: '○', failed: '×', notApplicable: '―', notEvaluable: '△' } as const;

/** Results of the plan: chart, P/L, B/S, cash flow with the tie-out checks, criteria by year, pro-rata. */
export function PlanResults({ plan, unit }: { plan: PlanResult; unit: AmountInputUnit }) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const years = plan.projection.years;
  const statements: Statement[] = [plan.projection.base, ...years.map((y) => y.statement)];
  const headers = [t('plan.baseYear'), ...years.map((y) => t('plan.planYear', { n: y.planYear }))];
  const planHeaders = years.map((y) => `${t('plan.planYear', { n: y.planYear })}（${y.fiscalYearEndMonth}）`);
  const plRows: Row[] = INCOME_STATEMENT_KEYS.filter((k) => k !== 'depreciationInCostOfSales').map((k) => ({
    label: t(`lines.${k}`),
    values: statements.map((s) => s.incomeStatement[k] ?? null),
    strong: ['grossProfit', 'operatingProfit', 'ordinaryProfit', 'netIncome'].includes(k),
  }));
  const bsRows: Row[] = BALANCE_SHEET_KEYS.filter((k) => k !== 'currentPortionOfLongTermBorrowings').map((k) => ({
    label: t(`lines.${k}`),
    values: statements.map((s) => s.balanceSheet[k] ?? null),
  }));
  const cf = (k: keyof PlanResult['projection']['years'][number]['cashFlow']) => years.map((y) => y.cashFlow[k]);
  const cfRows: Row[] = [
    { label: t('lines.netIncome'), values: cf('netIncome') },
    { label: t('lines.depreciation'), values: cf('depreciation') },
    { label: t('plan.operatingCashFlow'), values: cf('operatingCashFlow'), strong: true },
    { label: t('plan.investingCashFlow'), values: cf('investingCashFlow'), strong: true },
    { label: t('plan.financingCashFlow'), values: cf('financingCashFlow'), strong: true },
    { label: t('plan.openingCash'), values: cf('openingCash') },
    { label: t('plan.closingCash'), values: cf('closingCash'), strong: true },
  ];
  const c = plan.criteria;
  const failedChecks = plan.projection.checks.filter((x) => !x.passed);
  return (
    <div className="grid grid-cols-1 gap-6">
      <section aria-labelledby="chart-heading" className="rounded-8 border border-line-light bg-surface p-4">
        <h3 id="chart-heading" className="text-lg font-bold">
          {t('plan.chartTitle')}
        </h3>
        <EChart
          className="mt-2 h-72 w-full"
          label={years
            .map((y) =>
              t('plan.chartSummary', {
                year: t('plan.planYear', { n: y.planYear }),
                sales: formatMoney(y.statement.incomeStatement.netSales, unit),
                op: formatMoney(y.statement.incomeStatement.operatingProfit, unit),
                cash: formatMoney(y.cashFlow.closingCash, unit),
              }),
            )
            .join('。')}
          option={
            {
              animation: false,
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
              xAxis: { type: 'category', data: headers },
              yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatMoney(v, 1000) } },
              series: [
                {
                  name: t('lines.netSales'),
                  type: 'bar',
                  data: statements.map((s) => s.incomeStatement.netSales),
                  itemStyle: { color: '#7096f8' },
                },
                {
                  name: t('lines.operatingProfit'),
                  type: 'bar',
                  data: statements.map((s) => s.incomeStatement.operatingProfit),
                  itemStyle: { color: '#0017c1' },
                },
                {
                  name: t('plan.closingCash'),
                  type: 'line',
                  data: statements.map((s) => s.balanceSheet.cashAndDeposits),
                  itemStyle: { color: '#e25100' },
                },
              ],
            } as never
          }
        />
      </section>

      <section aria-labelledby="criteria-heading" className="rounded-8 border border-line-light bg-surface p-4">
        <h3 id="criteria-heading" className="text-lg font-bold">
          {t('plan.criteria')}：{c.ruleSetName[lang]}
        </h3>
        <p
          data-testid="criteria-overall"
          className={`mt-2 text-lg font-bold ${c.overall === 'failed' ? 'text-error' : c.overall === 'passed' ? 'text-success' : ''}`}
        >
          {c.overall === 'passed'
            ? `○ ${t('plan.overallPassed')}`
            : c.overall === 'failed'
              ? `× ${t('plan.overallFailed')}`
              : `△ ${t('plan.overallIncomplete')}`}
        </p>
        <div className="mt-2 relative max-w-full overflow-x-auto" role="region" aria-label={t('plan.criteria')} tabIndex={-1}>
          <table className="w-full min-w-[40rem] border-collapse text-sm">
            <thead>
              <tr className="bg-key-light">
                <th scope="col" className="px-3 py-2 text-left">
                  {t('plan.criteria')}
                </th>
                <th scope="col" className="px-3 py-2 text-left">
                  {t('plan.status.passed')} / {t('plan.status.failed')}
                </th>
                {planHeaders.map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 text-right whitespace-nowrap">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {c.criteria.map((k) => (
                <tr key={k.code} className="border-t border-line-light align-top">
                  <th scope="row" className="min-w-56 px-3 py-2 text-left font-normal">
                    <span className="font-bold">{k.label[lang]}</span>
                    <span className="block text-xs text-ink-sub">
                      {k.mandatory ? t('plan.mandatory') : t('plan.advisory')}
                      {k.deadlinePlanYear !== null && k.kind !== 'debtToCashFlowAtMost'
                        ? `／${t('plan.deadline', { year: k.deadlinePlanYear })}`
                        : ''}
                    </span>
                    <StepsList steps={k.steps} summary={t('quickCheck.explanation')} />
                  </th>
                  <td className={`px-3 py-2 font-bold whitespace-nowrap ${STATUS_STYLE[k.status]}`}>
                    {STATUS_MARK[k.status]} {t(`plan.status.${k.status}`)}
                  </td>
                  {years.map((y) => {
                    const v = k.values.find((x) => x.planYear === y.planYear);
                    if (!v) return <td key={y.planYear} />;
                    const text =
                      v.value === null
                        ? t('money.notComputable')
                        : k.kind === 'debtToCashFlowAtMost'
                          ? formatNumber(v.value, 1)
                          : k.kind === 'planHorizonWithin'
                            ? String(v.value)
                            : formatMoney(v.value, unit);
                    return (
                      <td
                        key={y.planYear}
                        className={`px-3 py-2 text-right whitespace-nowrap tabular-nums ${v.meets === false ? 'text-error' : ''}`}
                      >
                        <span aria-hidden="true">{v.meets === true ? '○ ' : v.meets === false ? '× ' : ''}</span>
                        <span className="sr-only">
                          {v.meets === true ? t('plan.status.passed') : v.meets === false ? t('plan.status.failed') : ''}{' '}
                        </span>
                        {text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <YearTable caption={t('plan.pl')} headers={headers} rows={plRows} unit={unit} />
      <YearTable caption={t('plan.bs')} headers={headers} rows={bsRows} unit={unit} />
      <YearTable caption={t('plan.cf')} headers={planHeaders} rows={cfRows} unit={unit} />
      <p data-testid="checks" className={`font-bold ${plan.projection.allChecksPassed ? 'text-success' : 'text-error'}`}>
        {plan.projection.allChecksPassed ? `○ ${t('plan.checksPassed')}` : `× ${t('plan.checksFailed')}`}
      </p>
      {failedChecks.length > 0 ? (
        <ul className="list-disc pl-6 text-error">
          {failedChecks.map((x) => (
            <li key={`${x.code}-${x.year}`}>
              {t('plan.planYear', { n: x.year })}: {x.label[lang]}（{formatMoney(x.difference)}）
            </li>
          ))}
        </ul>
      ) : null}
      <StepsList steps={plan.projection.steps} summary={t('quickCheck.explanation')} />

      {plan.proRata ? (
        <section aria-labelledby="prorata-heading" className="rounded-8 border border-line-light bg-surface p-4">
          <h3 id="prorata-heading" className="text-lg font-bold">
            {t('plan.proRata')}
          </h3>
          <div className="mt-2 relative max-w-full overflow-x-auto" role="region" aria-label={t('plan.proRata')} tabIndex={-1}>
            <table className="w-full min-w-[36rem] border-collapse text-sm">
              <thead>
                <tr className="bg-key-light">
                  <th scope="col" className="px-3 py-2 text-left">
                    {t('plan.creditorName')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t('plan.balance')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t('plan.unsecured')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t('plan.share')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t('plan.monthly')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {plan.proRata.allocations.map((a) => (
                  <tr key={a.creditorId} className="border-t border-line-light">
                    <th scope="row" className="px-3 py-1 text-left font-normal">
                      {a.name ?? a.creditorId}
                    </th>
                    <td className="px-3 py-1 text-right">
                      <Money value={a.coverage.balance} unit={unit} />
                    </td>
                    <td className="px-3 py-1 text-right">
                      <Money value={a.coverage.unsecured} unit={unit} />
                    </td>
                    <td className="px-3 py-1 text-right tabular-nums">{formatNumber(a.share * 100, 2)}%</td>
                    <td className="px-3 py-1 text-right">
                      <Money value={a.amount} strong />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {plan.proRataSchedules ? (
            <YearTable
              caption={t('plan.annualRepayments')}
              headers={planHeaders}
              unit={unit}
              rows={plan.proRataSchedules.byCreditor.flatMap((cr) => [
                { label: `${cr.name ?? cr.creditorId} ${t('plan.principal')}`, values: cr.years.map((y) => y.principal) },
                { label: `${cr.name ?? cr.creditorId} ${t('plan.interest')}`, values: cr.years.map((y) => y.interest) },
                { label: `${cr.name ?? cr.creditorId} ${t('plan.closing')}`, values: cr.years.map((y) => y.closingBalance), strong: true },
              ])}
            />
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
