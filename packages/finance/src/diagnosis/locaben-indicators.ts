import { makeStep, text, type Computed, type LocalizedText, type Step, type StepUnit } from '../explain/step';
import type { FinancialStatement } from '../statements/financial-statement';
import { computeBalanceSheetTotals } from '../statements/balance-sheet-totals';
import { totalDepreciation } from '../statements/statement-builder';
import { computeInterestBearingDebt, type InterestBearingDebtOptions } from './interest-bearing-debt';
import type { LocabenIndicatorCode } from './locaben-thresholds';

/** Why an indicator could not be computed. */
export type LocabenNotComputableReason =
  | 'PRIOR_YEAR_MISSING'
  | 'NON_POSITIVE_PRIOR_SALES'
  | 'NON_POSITIVE_SALES'
  | 'NO_EMPLOYEES'
  | 'NON_POSITIVE_EBITDA'
  | 'NON_POSITIVE_TOTAL_ASSETS';

/** One indicator, in the unit of the threshold table (percent, 千円/人, times, months). */
export type LocabenIndicatorValue = Computed<number, LocabenNotComputableReason> & {
  readonly code: LocabenIndicatorCode;
  readonly unit: StepUnit;
  readonly label: LocalizedText;
};

/** Options of {@link computeLocabenIndicators}. */
export interface LocabenIndicatorOptions {
  /** What counts as 借入金 for ④ (default: 短期 + 1年以内 + 長期借入金 + 社債; no leases, no officer loans). */
  readonly borrowings?: InterestBearingDebtOptions;
}

/** The six indicators ①–⑥. */
export type LocabenIndicators = Readonly<Record<LocabenIndicatorCode, LocabenIndicatorValue>>;

const LABELS: Record<LocabenIndicatorCode, LocalizedText> = {
  salesGrowth: text('① 売上高増加率（売上持続性）', '① Sales growth (sales sustainability)'),
  operatingMargin: text('② 営業利益率（収益性）', '② Operating margin (profitability)'),
  laborProductivity: text('③ 労働生産性（生産性）', '③ Labour productivity (productivity)'),
  ebitdaDebtMultiple: text('④ EBITDA有利子負債倍率（健全性）', '④ EBITDA interest-bearing-debt multiple (soundness)'),
  workingCapitalTurnoverMonths: text('⑤ 営業運転資本回転期間（効率性）', '⑤ Operating working-capital period (efficiency)'),
  equityRatio: text('⑥ 自己資本比率（安全性）', '⑥ Equity ratio (safety)'),
};

function ok(code: LocabenIndicatorCode, unit: StepUnit, value: number, steps: Step[]): LocabenIndicatorValue {
  return { code, unit, label: LABELS[code], computable: true, value, steps };
}
function notComputable(
  code: LocabenIndicatorCode,
  unit: StepUnit,
  reason: LocabenNotComputableReason,
  why: LocalizedText,
  steps: Step[],
): LocabenIndicatorValue {
  return {
    code,
    unit,
    label: LABELS[code],
    computable: false,
    reason,
    steps: [...steps, makeStep('NOT_COMPUTABLE', { ja: `算出不能：${why.ja}`, en: `Not computable: ${why.en}` }, null, 'none')],
  };
}

/**
 * The six ローカルベンチマーク financial indicators with REFERENCE §6.5's exact definitions, each in the unit of the
 * threshold table: ① 売上高増加率 % = (売上高 ÷ 前年度売上高 − 1) × 100; ② 営業利益率 % = 営業利益 ÷ 売上高 × 100;
 * ③ 労働生産性 千円/人 = 営業利益 ÷ 従業員数 ÷ 1,000; ④ EBITDA有利子負債倍率 = (借入金 − 現預金) ÷ (営業利益 +
 * 減価償却費); ⑤ 営業運転資本回転期間 months = (売上債権 + 棚卸資産 − 買入債務) ÷ (売上高 ÷ 12);
 * ⑥ 自己資本比率 % = 純資産 ÷ 総資産 × 100. Values are not rounded. Division by zero or a non-positive EBITDA
 * gives "not computable" (⚠ the sheet's own handling is unknown).
 *
 * @example
 * const ind = computeLocabenIndicators({ current: fy2026, prior: fy2025 });
 * ind.laborProductivity.computable && ind.laborProductivity.value // 200 (REFERENCE §10.4)
 * @see REFERENCE §6.5, §10.4
 */
export function computeLocabenIndicators(
  years: { readonly current: FinancialStatement; readonly prior?: FinancialStatement },
  options: LocabenIndicatorOptions = {},
): LocabenIndicators {
  const { current, prior } = years;
  const pl = current.incomeStatement;
  const bs = current.balanceSheet;
  const sales = pl.netSales;
  const op = pl.operatingProfit;
  const salesStep = makeStep('NET_SALES', text('売上高', 'Net sales'), sales, 'yen');
  const opStep = makeStep('OPERATING_PROFIT', text('営業利益', 'Operating profit'), op, 'yen');

  // ① 売上高増加率
  let salesGrowth: LocabenIndicatorValue;
  if (!prior) {
    salesGrowth = notComputable(
      'salesGrowth',
      'percent',
      'PRIOR_YEAR_MISSING',
      text('前年度の決算書がありません', 'no prior-year statement'),
      [salesStep],
    );
  } else {
    const priorSales = prior.incomeStatement.netSales;
    const s = [salesStep, makeStep('PRIOR_NET_SALES', text('前年度売上高', 'Prior-year net sales'), priorSales, 'yen')];
    salesGrowth =
      priorSales <= 0
        ? notComputable(
            'salesGrowth',
            'percent',
            'NON_POSITIVE_PRIOR_SALES',
            text('前年度売上高が0以下です', 'prior-year sales are zero or negative'),
            s,
          )
        : ok('salesGrowth', 'percent', (sales / priorSales - 1) * 100, [
            ...s,
            makeStep('SALES_GROWTH', LABELS.salesGrowth, (sales / priorSales - 1) * 100, 'percent', {
              formula: text('（売上高 ÷ 前年度売上高 − 1）× 100', '(net sales ÷ prior-year net sales − 1) × 100'),
              sourceRef: 'REFERENCE §6.5 ①',
            }),
          ]);
  }

  // ② 営業利益率
  const operatingMargin =
    sales <= 0
      ? notComputable('operatingMargin', 'percent', 'NON_POSITIVE_SALES', text('売上高が0以下です', 'sales are zero or negative'), [
          salesStep,
          opStep,
        ])
      : ok('operatingMargin', 'percent', (op / sales) * 100, [
          salesStep,
          opStep,
          makeStep('OPERATING_MARGIN', LABELS.operatingMargin, (op / sales) * 100, 'percent', {
            formula: text('営業利益 ÷ 売上高 × 100', 'operating profit ÷ net sales × 100'),
            sourceRef: 'REFERENCE §6.5 ②',
          }),
        ]);

  // ③ 労働生産性（千円/人）
  const employeesStep = makeStep('EMPLOYEES', text('従業員数', 'Employees'), current.employees, 'persons');
  const laborProductivity =
    current.employees <= 0
      ? notComputable('laborProductivity', 'thousandYenPerEmployee', 'NO_EMPLOYEES', text('従業員数が0です', 'there are no employees'), [
          opStep,
          employeesStep,
        ])
      : ok('laborProductivity', 'thousandYenPerEmployee', op / current.employees / 1000, [
          opStep,
          employeesStep,
          makeStep('LABOR_PRODUCTIVITY', LABELS.laborProductivity, op / current.employees / 1000, 'thousandYenPerEmployee', {
            formula: text('営業利益 ÷ 従業員数 ÷ 1,000（千円/人）', 'operating profit ÷ employees ÷ 1,000 (¥1,000 per employee)'),
            sourceRef: 'REFERENCE §6.5 ③',
          }),
        ]);

  // ④ EBITDA有利子負債倍率
  const debt = computeInterestBearingDebt(bs, options.borrowings);
  const dep = totalDepreciation(pl);
  const ebitda = op + dep;
  const s4 = [
    makeStep('BORROWINGS', text('借入金', 'Borrowings'), debt.value, 'yen'),
    makeStep('CASH_AND_DEPOSITS', text('現預金', 'Cash and deposits'), bs.cashAndDeposits, 'yen'),
    opStep,
    makeStep('DEPRECIATION', text('減価償却費', 'Depreciation'), dep, 'yen'),
    makeStep('EBITDA', text('EBITDA（営業利益 + 減価償却費）', 'EBITDA (operating profit + depreciation)'), ebitda, 'yen', {
      sourceRef: 'REFERENCE §6.3',
    }),
  ];
  const multiple = (debt.value - bs.cashAndDeposits) / ebitda;
  const ebitdaDebtMultiple =
    ebitda <= 0
      ? notComputable('ebitdaDebtMultiple', 'times', 'NON_POSITIVE_EBITDA', text('EBITDAが0以下です', 'EBITDA is zero or negative'), s4)
      : ok('ebitdaDebtMultiple', 'times', multiple, [
          ...s4,
          makeStep('EBITDA_DEBT_MULTIPLE', LABELS.ebitdaDebtMultiple, multiple, 'times', {
            formula: text(
              '（借入金 − 現預金）÷（営業利益 + 減価償却費）',
              '(borrowings − cash and deposits) ÷ (operating profit + depreciation)',
            ),
            sourceRef: 'REFERENCE §6.5 ④',
          }),
        ]);

  // ⑤ 営業運転資本回転期間
  const receivables = bs.notesReceivable + bs.accountsReceivable;
  const payables = bs.notesPayable + bs.accountsPayable;
  const operatingWorkingCapital = receivables + bs.inventories - payables;
  const s5 = [
    makeStep(
      'TRADE_RECEIVABLES',
      text('売上債権（受取手形 + 売掛金）', 'Trade receivables (notes + accounts receivable)'),
      receivables,
      'yen',
    ),
    makeStep('INVENTORIES', text('棚卸資産', 'Inventories'), bs.inventories, 'yen'),
    makeStep('TRADE_PAYABLES', text('買入債務（支払手形 + 買掛金）', 'Trade payables (notes + accounts payable)'), payables, 'yen'),
    makeStep('OPERATING_WORKING_CAPITAL', text('営業運転資本', 'Operating working capital'), operatingWorkingCapital, 'yen'),
  ];
  const monthlySales = sales / 12;
  const workingCapitalTurnoverMonths =
    sales <= 0
      ? notComputable(
          'workingCapitalTurnoverMonths',
          'months',
          'NON_POSITIVE_SALES',
          text('売上高が0以下です', 'sales are zero or negative'),
          s5,
        )
      : ok('workingCapitalTurnoverMonths', 'months', operatingWorkingCapital / monthlySales, [
          ...s5,
          makeStep('MONTHLY_SALES', text('月商（売上高 ÷ 12）', 'Monthly sales (net sales ÷ 12)'), monthlySales, 'yen'),
          makeStep(
            'WORKING_CAPITAL_TURNOVER_MONTHS',
            LABELS.workingCapitalTurnoverMonths,
            operatingWorkingCapital / monthlySales,
            'months',
            {
              formula: text(
                '（売上債権 + 棚卸資産 − 買入債務）÷ 月商',
                '(trade receivables + inventories − trade payables) ÷ monthly sales',
              ),
              sourceRef: 'REFERENCE §6.5 ⑤',
            },
          ),
        ]);

  // ⑥ 自己資本比率
  const { value: totals } = computeBalanceSheetTotals(bs);
  const s6 = [
    makeStep('TOTAL_NET_ASSETS', text('純資産合計', 'Total net assets'), totals.totalNetAssets, 'yen'),
    makeStep(
      'TOTAL_ASSETS',
      text('総資産（負債・純資産合計）', 'Total assets (total liabilities and net assets)'),
      totals.totalAssets,
      'yen',
    ),
  ];
  const equityRatio =
    totals.totalAssets <= 0
      ? notComputable(
          'equityRatio',
          'percent',
          'NON_POSITIVE_TOTAL_ASSETS',
          text('総資産が0以下です', 'total assets are zero or negative'),
          s6,
        )
      : ok('equityRatio', 'percent', (totals.totalNetAssets / totals.totalAssets) * 100, [
          ...s6,
          makeStep('EQUITY_RATIO', LABELS.equityRatio, (totals.totalNetAssets / totals.totalAssets) * 100, 'percent', {
            formula: text('純資産 ÷ 総資産 × 100', 'net assets ÷ total assets × 100'),
            sourceRef: 'REFERENCE §6.5 ⑥',
          }),
        ]);

  return {
    salesGrowth,
    operatingMargin,
    laborProductivity,
    ebitdaDebtMultiple,
    workingCapitalTurnoverMonths,
    equityRatio,
  };
}
