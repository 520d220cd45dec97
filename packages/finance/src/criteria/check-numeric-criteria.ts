import type { Yen } from '@kasseika/domain';
import { makeStep, text, type LocalizedText, type Step } from '../explain/step';
import { addMonths, firstFiscalYearStartingAfter, monthsBetween, type FiscalYearSpan, type IsoDate } from '../calendar/fiscal-calendar';
import type { FinancialStatement } from '../statements/financial-statement';
import { computeBalanceSheetTotals } from '../statements/balance-sheet-totals';
import { computeDebtRepaymentYears, debtRepaymentInputFromStatement } from '../diagnosis/debt-repayment-years';
import type { InterestBearingDebtOptions } from '../diagnosis/interest-bearing-debt';
import type { RealBalanceSheetResult } from '../real-balance-sheet/real-balance-sheet';
import type { ProjectionResult } from '../projection/projection-result';
import type { CriteriaRuleSet, CriterionRule } from './criteria-rules';

/** One plan year as seen by the criteria. */
export interface CriteriaPlanYear {
  readonly planYear: number;
  readonly statement: FinancialStatement;
  readonly operatingCashFlow?: Yen;
  readonly investingCashFlow?: Yen;
}

/** Input of {@link checkNumericCriteria}. */
export interface NumericCriteriaInput {
  /** The latest actual year (applicability: is equity / ordinary profit negative now?). */
  readonly base: FinancialStatement;
  readonly planYears: readonly CriteriaPlanYear[];
  /** Date the plan is agreed (成立日), passed in. */
  readonly agreementDate: IsoDate;
  /** 実態BS of the base year; its adjustment effect is carried into every plan year unless overridden. */
  readonly realBalanceSheet?: RealBalanceSheetResult;
  /** Per plan year effect of real-BS adjustments on net assets (overrides the carried base effect ⚠). */
  readonly realNetAssetAdjustments?: readonly Yen[];
  /** リスケジュール等の金融支援を求める (shortens the 収益力改善 horizon to 1 year). */
  readonly reschedulingRequested?: boolean;
  readonly interestBearingDebt?: InterestBearingDebtOptions;
}

/** Status of one criterion. */
export type CriterionStatus = 'passed' | 'failed' | 'notApplicable' | 'notEvaluable';

/** A criterion's value in one plan year. */
export interface CriterionYearValue {
  readonly planYear: number;
  /** Counting year (1 = first fiscal year starting after agreement); ≤ 0 for years before it. */
  readonly countingYear: number;
  readonly fiscalYearEnd: IsoDate;
  readonly value: number | null;
  readonly meets: boolean | null;
}

/** Result of one criterion. */
export interface CriterionResult {
  readonly code: string;
  readonly kind: CriterionRule['kind'];
  readonly label: LocalizedText;
  readonly mandatory: boolean;
  readonly approximate: boolean;
  readonly status: CriterionStatus;
  readonly reason?:
    | 'NOT_NEGATIVE_AT_BASE'
    | 'DEADLINE_BEYOND_HORIZON'
    | 'NOT_MET_BY_DEADLINE'
    | 'NON_POSITIVE_CASH_FLOW'
    | 'ABOVE_LIMIT'
    | 'HORIZON_OUT_OF_RANGE';
  /** Plan year by which it must be met (when the rule has a deadline). */
  readonly deadlinePlanYear: number | null;
  /** First plan year from which the condition holds through the end of the plan. */
  readonly metPlanYear: number | null;
  readonly metFiscalYearEnd: IsoDate | null;
  readonly values: readonly CriterionYearValue[];
  readonly steps: readonly Step[];
}

/** Result of {@link checkNumericCriteria}. */
export interface NumericCriteriaResult {
  readonly ruleSetId: string;
  readonly ruleSetName: LocalizedText;
  readonly verified: boolean;
  /** The first fiscal year counted (when counting from the agreement). */
  readonly firstCountedFiscalYear: FiscalYearSpan | null;
  /** Plan year that is counting year 1 (may be ≤ 0 or beyond the horizon). */
  readonly planYearOfCountingYear1: number;
  readonly criteria: readonly CriterionResult[];
  /** `passed`: every mandatory criterion passed or does not apply; `failed`: a mandatory one failed; otherwise `incomplete`. */
  readonly overall: 'passed' | 'failed' | 'incomplete';
  readonly steps: readonly Step[];
}

/**
 * Adapts a projection to criteria plan years.
 *
 * @example
 * checkNumericCriteria({ base, planYears: criteriaPlanYearsFromProjection(projection), agreementDate: '2026-06-15' }, ruleSet)
 */
export function criteriaPlanYearsFromProjection(p: ProjectionResult): CriteriaPlanYear[] {
  return p.years.map((y) => ({
    planYear: y.planYear,
    statement: y.statement,
    operatingCashFlow: y.cashFlow.operatingCashFlow,
    investingCashFlow: y.cashFlow.investingCashFlow,
  }));
}

const STATUS_LABEL: Record<CriterionStatus, LocalizedText> = {
  passed: text('充足', 'met'),
  failed: text('未充足', 'not met'),
  notApplicable: text('対象外', 'not applicable'),
  notEvaluable: text('計画期間内では判定不能', 'cannot be judged within the plan horizon'),
};

/**
 * Checks a plan against a dated rule set (e.g. 再生計画: 実質債務超過 eliminated within about 5 years, 経常利益
 * positive within about 3 years — both counted from the first fiscal year starting after agreement — and debt/CF
 * ≤ about 10× in the final year; 収益力改善: horizon 1–3 years, 1 with rescheduling). Each criterion gives its status,
 * the year it is met, the values year by year and the steps. "Met" means the condition holds from that year through
 * the end of the plan; a deadline beyond the horizon that is not yet met is `notEvaluable`, not `failed`.
 *
 * @example
 * const r = checkNumericCriteria({ base, planYears, agreementDate: '2026-06-15', realBalanceSheet }, ruleSet);
 * r.criteria.find((c) => c.code === 'REAL_NEGATIVE_EQUITY_ELIMINATED')?.metPlanYear
 * @see REFERENCE §3.5, §2, §5.1
 */
export function checkNumericCriteria(input: NumericCriteriaInput, ruleSet: CriteriaRuleSet): NumericCriteriaResult {
  const n = input.planYears.length;
  const fyEndMonth = input.base.fiscalYearEndMonth;
  let firstCounted: FiscalYearSpan | null = null;
  let s = 1;
  if (ruleSet.counting.start === 'firstFiscalYearStartingAfterAgreement') {
    firstCounted = firstFiscalYearStartingAfter(input.agreementDate, fyEndMonth, {
      sameDayCounts: ruleSet.counting.sameDayCounts === true,
    });
    const year1End = input.planYears[0]?.statement.fiscalYearEnd.slice(0, 7) ?? addMonths(input.base.fiscalYearEnd.slice(0, 7), 12);
    s = 1 + Math.round(monthsBetween(year1End, firstCounted.endMonth) / 12);
  }
  const countingYear = (t: number) => t - s + 1;
  const fyEndOf = (t: number) => input.planYears[t - 1]?.statement.fiscalYearEnd ?? '';

  // Real net assets per plan year
  const rbs = input.realBalanceSheet;
  const treatOfficer = rbs?.officerLoansTreatedAsEquity === true;
  const baseEffect = rbs?.adjustmentEffect ?? 0;
  const bookNet = (st: FinancialStatement) => computeBalanceSheetTotals(st.balanceSheet).value.totalNetAssets;
  const baseReal = rbs ? rbs.realNetAssets : bookNet(input.base);
  const realNet = input.planYears.map((y, i) => {
    const adj = input.realNetAssetAdjustments?.[i] ?? baseEffect;
    return bookNet(y.statement) + adj + (treatOfficer ? y.statement.balanceSheet.officerLoans : 0);
  });

  const sustainedFrom = (meets: readonly boolean[]): number | null => {
    let from: number | null = null;
    for (let t = n; t >= 1; t -= 1) {
      if (meets[t - 1] === true) from = t;
      else break;
    }
    return from;
  };

  const results: CriterionResult[] = [];
  let equityMetYear: number | null = null;
  const ordered = [...ruleSet.criteria].sort(
    (a, b) => (a.kind === 'debtToCashFlowAtMost' ? 1 : 0) - (b.kind === 'debtToCashFlowAtMost' ? 1 : 0),
  );
  for (const rule of ordered) {
    const common = { code: rule.code, kind: rule.kind, label: rule.label, mandatory: rule.mandatory, approximate: rule.approximate };
    const steps: Step[] = [makeStep('CRITERION', rule.label, null, 'none', { sourceRef: ruleSet.sources[0]?.url ?? '' })];
    if (rule.kind === 'realNegativeEquityEliminatedWithin' || rule.kind === 'ordinaryProfitPositiveWithin') {
      const isEquity = rule.kind === 'realNegativeEquityEliminatedWithin';
      const series = isEquity ? realNet : input.planYears.map((y) => y.statement.incomeStatement.ordinaryProfit as number);
      const meets = series.map((v) => (isEquity ? v >= 0 : v > 0));
      const baseValue = isEquity ? baseReal : input.base.incomeStatement.ordinaryProfit;
      const applies = rule.applicability === 'always' || baseValue < 0;
      const values: CriterionYearValue[] = series.map((v, i) => ({
        planYear: i + 1,
        countingYear: countingYear(i + 1),
        fiscalYearEnd: fyEndOf(i + 1),
        value: v,
        meets: meets[i] ?? null,
      }));
      const met = sustainedFrom(meets);
      if (isEquity) equityMetYear = met;
      const deadline = rule.years === null ? n : s + rule.years - 1 + (rule.toleranceYears ?? 0);
      steps.push(
        makeStep(
          isEquity ? 'BASE_REAL_NET_ASSETS' : 'BASE_ORDINARY_PROFIT',
          isEquity
            ? text('基準年度の実態純資産', 'Real net assets in the base year')
            : text('基準年度の経常利益', 'Ordinary profit in the base year'),
          baseValue,
          'yen',
        ),
        ...values.map((v) =>
          makeStep(
            isEquity ? 'REAL_NET_ASSETS' : 'ORDINARY_PROFIT',
            {
              ja: `計画${v.planYear}年度（${v.countingYear >= 1 ? `基準${v.countingYear}年目` : '計数開始前'}）の${isEquity ? '実態純資産' : '経常利益'}`,
              en: `${isEquity ? 'Real net assets' : 'Ordinary profit'} in plan year ${v.planYear} (${v.countingYear >= 1 ? `counting year ${v.countingYear}` : 'before counting starts'})`,
            },
            v.value,
            'yen',
          ),
        ),
        makeStep('DEADLINE_PLAN_YEAR', text('期限となる計画年度', 'Plan year of the deadline'), deadline, 'count'),
      );
      let status: CriterionStatus;
      let reason: CriterionResult['reason'];
      if (!applies) {
        status = 'notApplicable';
        reason = 'NOT_NEGATIVE_AT_BASE';
      } else if (met !== null && met <= deadline) status = 'passed';
      else if (deadline > n) {
        status = 'notEvaluable';
        reason = 'DEADLINE_BEYOND_HORIZON';
      } else {
        status = 'failed';
        reason = 'NOT_MET_BY_DEADLINE';
      }
      steps.push(
        makeStep(
          'CRITERION_STATUS',
          {
            ja: `判定：${STATUS_LABEL[status].ja}${met !== null ? `（計画${met}年度に達成）` : ''}`,
            en: `Result: ${STATUS_LABEL[status].en}${met !== null ? ` (met in plan year ${met})` : ''}`,
          },
          met,
          'count',
        ),
      );
      results.push({
        ...common,
        status,
        ...(reason ? { reason } : {}),
        deadlinePlanYear: deadline,
        metPlanYear: met,
        metFiscalYearEnd: met !== null ? fyEndOf(met) : null,
        values,
        steps,
      });
      continue;
    }
    if (rule.kind === 'debtToCashFlowAtMost') {
      const computed = input.planYears.map((y) =>
        computeDebtRepaymentYears(
          debtRepaymentInputFromStatement(y.statement, input.interestBearingDebt, {
            ...(y.operatingCashFlow !== undefined ? { operatingCashFlow: y.operatingCashFlow } : {}),
            ...(y.investingCashFlow !== undefined ? { investingCashFlow: y.investingCashFlow } : {}),
          }),
          rule.variant,
        ),
      );
      const values: CriterionYearValue[] = computed.map((c, i) => ({
        planYear: i + 1,
        countingYear: countingYear(i + 1),
        fiscalYearEnd: fyEndOf(i + 1),
        value: c.computable ? c.value : null,
        meets: c.computable ? c.value <= rule.maxTimes : false,
      }));
      const target = rule.evaluatedIn === 'negativeEquityEliminationYear' && equityMetYear !== null ? equityMetYear : n;
      const at = computed[target - 1];
      steps.push(makeStep('DEBT_TO_CASH_FLOW_VARIANT', at?.variantName ?? text('', ''), null, 'none', { sourceRef: 'REFERENCE §6.1' }));
      steps.push(
        makeStep(
          'TARGET_PLAN_YEAR',
          rule.evaluatedIn === 'finalPlanYear'
            ? text('判定年度（計画最終年度）', 'Year tested (final plan year)')
            : text('判定年度（実質債務超過解消年度）', 'Year tested (year negative equity is eliminated)'),
          target,
          'count',
        ),
      );
      steps.push(...(at?.steps ?? []));
      let status: CriterionStatus;
      let reason: CriterionResult['reason'];
      if (!at || n === 0) {
        status = 'notEvaluable';
        reason = 'DEADLINE_BEYOND_HORIZON';
      } else if (!at.computable) {
        status = 'failed';
        reason = 'NON_POSITIVE_CASH_FLOW';
      } else if (at.value <= rule.maxTimes) status = 'passed';
      else {
        status = 'failed';
        reason = 'ABOVE_LIMIT';
      }
      steps.push(makeStep('LIMIT_TIMES', text('上限（倍）', 'Limit (times)'), rule.maxTimes, 'times'));
      steps.push(
        makeStep(
          'CRITERION_STATUS',
          { ja: `判定：${STATUS_LABEL[status].ja}`, en: `Result: ${STATUS_LABEL[status].en}` },
          at?.computable ? at.value : null,
          'times',
        ),
      );
      results.push({
        ...common,
        status,
        ...(reason ? { reason } : {}),
        deadlinePlanYear: target,
        metPlanYear: status === 'passed' ? target : null,
        metFiscalYearEnd: status === 'passed' ? fyEndOf(target) : null,
        values,
        steps,
      });
      continue;
    }
    // planHorizonWithin
    const horizon = n - s + 1;
    const max =
      input.reschedulingRequested === true && rule.maxYearsWhenRescheduling !== undefined ? rule.maxYearsWhenRescheduling : rule.maxYears;
    const ok = horizon >= rule.minYears && horizon <= max;
    steps.push(
      makeStep('PLAN_HORIZON', text('計画期間（年）', 'Plan horizon (years)'), horizon, 'years'),
      makeStep(
        'MAX_HORIZON',
        input.reschedulingRequested === true && rule.maxYearsWhenRescheduling !== undefined
          ? text('上限（リスケジュール等を求める場合）', 'Maximum (with rescheduling requested)')
          : text('上限', 'Maximum'),
        max,
        'years',
      ),
      makeStep('CRITERION_STATUS', { ja: `判定：${ok ? '充足' : '未充足'}`, en: `Result: ${ok ? 'met' : 'not met'}` }, null, 'none'),
    );
    results.push({
      ...common,
      status: ok ? 'passed' : 'failed',
      ...(ok ? {} : { reason: 'HORIZON_OUT_OF_RANGE' as const }),
      deadlinePlanYear: null,
      metPlanYear: ok ? n : null,
      metFiscalYearEnd: ok ? fyEndOf(n) : null,
      values: [{ planYear: n, countingYear: horizon, fiscalYearEnd: fyEndOf(n), value: horizon, meets: ok }],
      steps,
    });
  }
  // restore rule order
  const criteria = ruleSet.criteria
    .map((r) => results.find((x) => x.code === r.code && x.kind === r.kind))
    .filter((x): x is CriterionResult => x !== undefined);
  const mandatory = criteria.filter((c) => c.mandatory);
  const overall = mandatory.some((c) => c.status === 'failed')
    ? 'failed'
    : mandatory.some((c) => c.status === 'notEvaluable')
      ? 'incomplete'
      : 'passed';
  const steps: Step[] = [
    makeStep(
      'RULE_SET',
      {
        ja: `${ruleSet.name.ja}（${ruleSet.validFrom}〜${ruleSet.verified ? '' : '・未検証'}）`,
        en: `${ruleSet.name.en} (from ${ruleSet.validFrom}${ruleSet.verified ? '' : ', unverified'})`,
      },
      null,
      'none',
      { sourceRef: ruleSet.sources.map((x) => x.url).join(' ; ') },
    ),
    ...(firstCounted
      ? [
          makeStep(
            'FIRST_COUNTED_FISCAL_YEAR',
            {
              ja: `計数開始：合意日 ${input.agreementDate} 後に開始する最初の事業年度（${firstCounted.startDate}〜${firstCounted.endDate}）＝ 計画${s}年度`,
              en: `Counting starts with the first fiscal year beginning after agreement on ${input.agreementDate} (${firstCounted.startDate} to ${firstCounted.endDate}) = plan year ${s}`,
            },
            s,
            'count',
            { sourceRef: 'REFERENCE §3.5' },
          ),
        ]
      : [makeStep('FIRST_COUNTED_FISCAL_YEAR', text('計数開始：計画1年度', 'Counting starts with plan year 1'), 1, 'count')]),
    ...(rbs
      ? [
          makeStep(
            'REAL_NET_ASSET_ADJUSTMENT_CARRIED',
            text(
              '基準年度の実態修正額を各計画年度に据え置いて実態純資産を算定（⚠簡便法）',
              'The base-year real-BS adjustment is carried into every plan year (⚠ simplification)',
            ),
            input.realNetAssetAdjustments ? null : baseEffect,
            input.realNetAssetAdjustments ? 'none' : 'yen',
          ),
        ]
      : []),
    makeStep(
      'OVERALL',
      {
        ja: `総合判定：${overall === 'passed' ? '基準を満たす' : overall === 'failed' ? '基準を満たさない' : '計画期間内では判定できない基準あり'}`,
        en: `Overall: ${overall === 'passed' ? 'criteria met' : overall === 'failed' ? 'criteria not met' : 'some criteria cannot be judged within the horizon'}`,
      },
      null,
      'none',
    ),
  ];
  return {
    ruleSetId: ruleSet.id,
    ruleSetName: ruleSet.name,
    verified: ruleSet.verified,
    firstCountedFiscalYear: firstCounted,
    planYearOfCountingYear1: s,
    criteria,
    overall,
    steps,
  };
}
