import type { Yen } from '@kasseika/domain';
import { makeStep, text, type LocalizedText, type Step } from '../explain/step';
import type { FinancialStatement, IncomeStatement } from '../statements/financial-statement';
import type { DebtRepaymentYearsResult } from '../diagnosis/debt-repayment-years';
import type { DebtLine, ProjectionDrivers } from './projection-input';
import type { CashFlowStatement } from './projection-result';

/**
 * Explanation steps of one plan year (sales to closing cash, debt and repayment years).
 *
 * @example
 * describeProjectionYear({ year: 1, growth: 0.03, adjustment: 0, incomeStatement, cashFlow, lossCarryForwardUsed,
 *   interestBearingDebt, debtRepaymentYears })[1].label.ja // '計画1年度 売上高'
 */
export function describeProjectionYear(x: {
  readonly year: number;
  readonly growth: number;
  readonly adjustment: number;
  readonly incomeStatement: IncomeStatement;
  readonly cashFlow: CashFlowStatement;
  readonly lossCarryForwardUsed: number;
  readonly interestBearingDebt: Yen;
  readonly debtRepaymentYears: DebtRepaymentYearsResult;
}): Step[] {
  const t = x.year;
  const pl = x.incomeStatement;
  const cf = x.cashFlow;
  const dry = x.debtRepaymentYears;
  const label = (ja: string, en: string): LocalizedText => ({ ja: `計画${t}年度 ${ja}`, en: `Plan year ${t}: ${en}` });
  return [
    makeStep('SALES_GROWTH_RATE', label('売上高成長率', 'sales growth'), x.growth, 'ratio'),
    makeStep('NET_SALES', label('売上高', 'net sales'), pl.netSales, 'yen', {
      formula:
        x.adjustment === 0
          ? text('前年度売上高 × (1 + 成長率)（円未満四捨五入）', 'prior-year sales × (1 + growth), rounded half up')
          : text('成長率による売上高 × (1 + 調整率)', 'sales from growth × (1 + adjustment)'),
    }),
    makeStep('COST_OF_SALES', label('売上原価', 'cost of sales'), pl.costOfSales, 'yen', {
      formula: text('売上高 × 売上原価率（円未満四捨五入）', 'net sales × cost-of-sales ratio, rounded half up'),
    }),
    makeStep('PERSONNEL_COSTS', label('人件費', 'personnel costs'), pl.personnelCosts, 'yen'),
    makeStep('DEPRECIATION', label('減価償却費', 'depreciation'), pl.depreciation, 'yen'),
    makeStep('SGA', label('販売費及び一般管理費', 'SG&A expenses'), pl.sellingGeneralAdministrativeExpenses, 'yen', {
      formula: text('人件費 + その他固定費 + 変動販管費 + 減価償却費', 'personnel + other fixed + variable SG&A + depreciation'),
    }),
    makeStep('OPERATING_PROFIT', label('営業利益', 'operating profit'), pl.operatingProfit, 'yen'),
    makeStep(
      'INTEREST_EXPENSE',
      label('支払利息（返済予定表の年間合計）', 'interest expense (annual sum of the schedules)'),
      pl.interestExpense,
      'yen',
    ),
    makeStep('ORDINARY_PROFIT', label('経常利益', 'ordinary profit'), pl.ordinaryProfit, 'yen'),
    makeStep('LOSS_CARRY_FORWARD_USED', label('繰越欠損金の控除額', 'loss carry-forward used'), x.lossCarryForwardUsed, 'yen'),
    makeStep('INCOME_TAXES', label('法人税等', 'income taxes'), pl.incomeTaxes, 'yen', {
      formula: text('課税所得 × 税率（円未満切り捨て）+ 均等割', 'taxable income × tax rate (rounded down) + minimum tax'),
    }),
    makeStep('NET_INCOME', label('当期純利益', 'net income'), pl.netIncome, 'yen'),
    makeStep('OPERATING_CASH_FLOW', label('営業キャッシュフロー', 'operating cash flow'), cf.operatingCashFlow, 'yen', {
      formula: text(
        '当期純利益 + 減価償却費 − 売上債権増加 − 棚卸資産増加 + 仕入債務増加',
        'net income + depreciation − Δreceivables − Δinventories + Δpayables',
      ),
    }),
    makeStep('INVESTING_CASH_FLOW', label('投資キャッシュフロー', 'investing cash flow'), cf.investingCashFlow, 'yen'),
    makeStep('FINANCING_CASH_FLOW', label('財務キャッシュフロー', 'financing cash flow'), cf.financingCashFlow, 'yen', {
      formula: text('新規借入 − 元金返済（配当なし）', 'borrowings − principal repaid (no dividends)'),
    }),
    makeStep('CLOSING_CASH', label('期末現預金', 'closing cash'), cf.closingCash, 'yen', {
      formula: text('期首現預金 + 営業CF + 投資CF + 財務CF', 'opening cash + operating + investing + financing cash flow'),
    }),
    makeStep('INTEREST_BEARING_DEBT', label('有利子負債', 'interest-bearing debt'), x.interestBearingDebt, 'yen'),
    dry.computable
      ? makeStep('DEBT_REPAYMENT_YEARS', label('債務償還年数', 'debt repayment years'), dry.value, 'years', { formula: dry.variantName })
      : makeStep(
          'DEBT_REPAYMENT_YEARS_NOT_COMPUTABLE',
          label('債務償還年数：算出不能', 'debt repayment years: not computable'),
          null,
          'none',
        ),
  ];
}

/**
 * Plan-level explanation steps: horizon, base year, depreciation policy, tax policy, what is held constant, debt
 * without a schedule and the overall result of the tie-out checks.
 *
 * @example
 * describeProjection({ base, drivers, assetSteps: [], unscheduled: [], failedChecks: 0 }).at(-1)?.code // 'ALL_CHECKS_PASSED'
 */
export function describeProjection(x: {
  readonly base: FinancialStatement;
  readonly drivers: ProjectionDrivers;
  readonly assetSteps: readonly Step[];
  readonly unscheduled: readonly { readonly line: DebtLine; readonly amount: Yen }[];
  readonly failedChecks: number;
}): Step[] {
  return [
    makeStep('PROJECTION_HORIZON', text('計画期間', 'Plan horizon'), x.drivers.horizonYears, 'years'),
    makeStep(
      'BASE_YEAR',
      { ja: `基準年度（実績）：${x.base.fiscalYearEnd}期`, en: `Base year (actual): fiscal year ending ${x.base.fiscalYearEnd}` },
      null,
      'none',
    ),
    ...x.assetSteps,
    makeStep(
      'TAX_POLICY',
      x.drivers.lossCarryForward
        ? text(
            '法人税等は課税所得（繰越欠損金控除後）× 税率、同年度に納付',
            'Income taxes = taxable income after loss carry-forward × rate, paid in the same year',
          )
        : text(
            '法人税等は税引前利益（正の場合）× 税率、同年度に納付、繰越欠損金なし',
            'Income taxes = positive pre-tax profit × rate, paid in the same year; no loss carry-forward',
          ),
      null,
      'none',
    ),
    makeStep('NO_DIVIDENDS', text('配当は行わない', 'No dividends are paid'), null, 'none'),
    makeStep(
      'CONSTANT_ITEMS',
      text(
        'その他流動資産・投資その他の資産・繰延資産・その他負債・資本金等は基準年度の額で据え置き',
        'Other current assets, investments, deferred assets, other liabilities and capital are held at base-year amounts',
      ),
      null,
      'none',
    ),
    ...x.unscheduled.map((u) =>
      makeStep(
        'UNSCHEDULED_DEBT',
        { ja: `返済予定のない借入残高（${u.line}、据え置き）`, en: `Debt without a schedule (${u.line}, carried unchanged)` },
        u.amount,
        'yen',
      ),
    ),
    makeStep(
      x.failedChecks === 0 ? 'ALL_CHECKS_PASSED' : 'CHECKS_FAILED',
      x.failedChecks === 0
        ? text(
            'すべての整合性チェックに合格（貸借一致・資金繰り一致）',
            'All tie-out checks passed (balance sheet balances, cash ties out)',
          )
        : text('整合性チェックに不合格があります', 'Some tie-out checks failed'),
      x.failedChecks,
      'count',
    ),
  ];
}
