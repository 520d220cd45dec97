import { z } from 'zod';
import { localizedTextSchema } from '../problem';
import { calculationWarningSchema, isoDateSchema, list, stepSchema, stepUnitSchema, yearMonthSchema } from './common';
import { debtLineSchema, debtRepaymentVariantSchema, locabenSizeClassSchema, proRataMethodSchema } from './inputs';
import { financialStatementSchema } from './statements';

/**
 * Response schemas of the calculators, mirroring the results of `@kasseika/finance`. "Not computable" (算出不能) is
 * `computable: false` with `value: null` and a `reason` code, never NaN. Money fields are integer yen.
 */

const int = z.number().int();
const steps = list(stepSchema);

// ── Diagnosis ────────────────────────────────────────────────────────────────────────────────────────────────

export const locabenIndicatorCodeSchema = z
  .enum(['salesGrowth', 'operatingMargin', 'laborProductivity', 'ebitdaDebtMultiple', 'workingCapitalTurnoverMonths', 'equityRatio'])
  .meta({ id: 'LocabenIndicatorCode' });

export type LocabenIndicatorCode = z.infer<typeof locabenIndicatorCodeSchema>;

export const indicatorValueSchema = z
  .object({
    code: locabenIndicatorCodeSchema,
    label: localizedTextSchema,
    unit: stepUnitSchema,
    computable: z.boolean(),
    value: z.number().nullable().meta({ description: 'Not rounded; in the unit of the threshold table' }),
    reason: z.string().optional().meta({ description: 'Why not computable' }),
    steps,
  })
  .meta({ id: 'LocabenIndicatorValue' });

export const debtRepaymentYearsSchema = z
  .object({
    variant: debtRepaymentVariantSchema,
    variantName: localizedTextSchema,
    debtToRepay: int,
    normalWorkingCapital: int,
    computable: z.boolean(),
    value: z.number().nullable().meta({ description: 'Years (= times); null when not computable (CF ≤ 0)' }),
    reason: z.string().optional(),
    cashFlow: int.nullable(),
    steps,
  })
  .meta({ id: 'DebtRepaymentYears' });

export const locabenScoreSchema = z
  .object({
    industryCode: z.string(),
    industryName: z.string(),
    sizeClass: locabenSizeClassSchema,
    scores: list(
      z.object({
        code: locabenIndicatorCodeSchema,
        value: z.number().nullable(),
        band: z.enum(['A', 'B', 'C', 'D', 'belowD', 'notComputable']),
        score: z.number(),
        cutPoints: z.object({ median: z.number(), d: z.number(), c: z.number(), b: z.number(), a: z.number() }).nullable(),
        steps,
      }),
    ),
    total: z.number(),
    maxTotal: z.number(),
    grade: z.string().nullable(),
    verified: z.boolean(),
    steps,
  })
  .meta({ id: 'LocabenScore' });

export const diagnosisYearSchema = z
  .object({
    fiscalYearEnd: isoDateSchema,
    indicators: list(indicatorValueSchema),
    debtRepaymentYears: debtRepaymentYearsSchema,
  })
  .meta({ id: 'DiagnosisYear' });

export const thresholdInfoSchema = z
  .object({
    version: z.string(),
    verified: z.boolean(),
    label: localizedTextSchema.meta({ description: '参考値（出典未確認） / unverified reference data' }),
    description: z.string(),
    industries: list(z.object({ code: z.string(), name: z.string() })),
  })
  .meta({ id: 'LocabenThresholdInfo' });

export const indicatorsResponseSchema = z
  .object({
    years: list(diagnosisYearSchema),
    score: locabenScoreSchema.nullable().meta({ description: 'Latest year scored against the thresholds, when an industry is given' }),
    thresholds: thresholdInfoSchema,
    steps: steps.meta({ description: 'How key figures were turned into statements (quick check)' }),
    warnings: list(calculationWarningSchema),
  })
  .meta({ id: 'IndicatorsResponse' });

export type IndicatorsResponse = z.infer<typeof indicatorsResponseSchema>;

// ── 実態貸借対照表 ───────────────────────────────────────────────────────────────────────────────────────────

export const realBalanceSheetResultSchema = z
  .object({
    lines: list(
      z.object({
        key: z.string(),
        label: localizedTextSchema,
        side: z.enum(['asset', 'liability', 'netAssets']),
        book: int,
        adjustment: int,
        real: int,
        adjustmentIds: list(z.string()),
      }),
    ),
    bookTotalAssets: int,
    bookTotalLiabilities: int,
    bookNetAssets: int,
    realTotalAssets: int,
    realTotalLiabilities: int,
    adjustmentEffect: int,
    effectByCategory: list(z.object({ category: z.string(), effect: int })),
    officerLoansTreatedAsEquity: z.boolean(),
    officerLoansAddedBack: int,
    realNetAssets: int,
    isRealNegativeEquity: z.boolean(),
    realNegativeEquityAmount: int,
    steps,
    warnings: list(calculationWarningSchema),
  })
  .meta({ id: 'RealBalanceSheetResult' });

// ── Schedules ────────────────────────────────────────────────────────────────────────────────────────────────

export const repaymentScheduleSchema = z
  .object({
    loanId: z.string(),
    creditorId: z.string().optional(),
    principal: int,
    rows: list(
      z.object({
        month: yearMonthSchema,
        openingBalance: int,
        interest: int,
        principal: int,
        payment: int,
        closingBalance: int,
        isGrace: z.boolean(),
      }),
    ),
    totalInterest: int,
    totalPrincipal: int,
    endingBalance: int,
    steps,
  })
  .meta({ id: 'RepaymentSchedule' });

export const annualRepaymentSchema = z
  .object({
    fiscalYearEnd: yearMonthSchema,
    openingBalance: int,
    interest: int,
    principal: int,
    closingBalance: int,
    payments: int,
  })
  .meta({ id: 'AnnualRepayment' });

export const repaymentScheduleResponseSchema = z
  .object({ schedule: repaymentScheduleSchema, annual: list(annualRepaymentSchema), warnings: list(calculationWarningSchema) })
  .meta({ id: 'RepaymentScheduleResponse' });

// ── Projection ───────────────────────────────────────────────────────────────────────────────────────────────

export const cashFlowStatementSchema = z
  .object({
    netIncome: int,
    depreciation: int,
    changeInTradeReceivables: int,
    changeInInventories: int,
    changeInTradePayables: int,
    operatingCashFlow: int,
    capitalExpenditure: int,
    investingCashFlow: int,
    borrowings: int,
    repayments: int,
    financingCashFlow: int,
    netChangeInCash: int,
    openingCash: int,
    closingCash: int,
  })
  .meta({ id: 'CashFlowStatement', description: 'Indirect method; outflows negative' });

const assetClassYear = z.object({ opening: int, capex: int, depreciation: int, closing: int });

export const projectionYearSchema = z
  .object({
    planYear: int,
    fiscalYearEndMonth: yearMonthSchema,
    statement: financialStatementSchema,
    cashFlow: cashFlowStatementSchema,
    loans: list(
      z.object({
        loanId: z.string(),
        creditorId: z.string().optional(),
        line: debtLineSchema,
        openingBalance: int,
        drawdown: int,
        interest: int,
        principal: int,
        closingBalance: int,
      }),
    ),
    unscheduledDebt: z.record(z.string(), int),
    fixedAssets: z.object({
      planYear: int,
      byClass: z.object({ land: assetClassYear, buildings: assetClassYear, otherTangible: assetClassYear, intangible: assetClassYear }),
      capex: int,
      depreciation: int,
    }),
    taxableIncome: int,
    lossCarryForwardUsed: int,
    lossCarryForwardClosing: int,
    interestBearingDebt: int,
    debtRepaymentYears: debtRepaymentYearsSchema,
    steps,
  })
  .meta({ id: 'ProjectionYear' });

export const projectionCheckSchema = z
  .object({ code: z.string(), year: int, passed: z.boolean(), difference: z.number(), label: localizedTextSchema })
  .meta({ id: 'ProjectionCheck', description: 'A stated tie-out check; difference 0 = passed (never a plug)' });

export const projectionResultSchema = z
  .object({
    base: financialStatementSchema,
    years: list(projectionYearSchema),
    schedules: list(repaymentScheduleSchema),
    checks: list(projectionCheckSchema),
    allChecksPassed: z.boolean(),
    alerts: list(z.object({ code: z.string(), year: int, value: z.number().nullable(), message: localizedTextSchema })),
    steps,
    warnings: list(calculationWarningSchema),
  })
  .meta({ id: 'ProjectionResult' });

export type ProjectionResult = z.infer<typeof projectionResultSchema>;

// ── Numeric criteria ─────────────────────────────────────────────────────────────────────────────────────────

export const criterionResultSchema = z
  .object({
    code: z.string(),
    kind: z.string(),
    label: localizedTextSchema,
    mandatory: z.boolean(),
    approximate: z.boolean(),
    status: z.enum(['passed', 'failed', 'notApplicable', 'notEvaluable']),
    reason: z.string().optional(),
    deadlinePlanYear: int.nullable(),
    metPlanYear: int.nullable(),
    metFiscalYearEnd: z.string().nullable(),
    values: list(
      z.object({
        planYear: int,
        countingYear: int,
        fiscalYearEnd: z.string(),
        value: z.number().nullable(),
        meets: z.boolean().nullable(),
      }),
    ),
    steps,
  })
  .meta({ id: 'CriterionResult' });

export const criteriaResultSchema = z
  .object({
    ruleSetId: z.string(),
    ruleSetName: localizedTextSchema,
    verified: z.boolean(),
    firstCountedFiscalYear: z.object({ startDate: z.string(), endDate: z.string(), endMonth: z.string() }).nullable(),
    planYearOfCountingYear1: int,
    criteria: list(criterionResultSchema),
    overall: z.enum(['passed', 'failed', 'incomplete']),
    steps,
  })
  .meta({ id: 'NumericCriteriaResult' });

export const criteriaResponseSchema = z
  .object({
    criteria: criteriaResultSchema,
    projection: projectionResultSchema,
    realNetAssets: int.meta({ description: 'Base-year 実態純資産 used by the criteria' }),
    warnings: list(calculationWarningSchema),
  })
  .meta({ id: 'CriteriaResponse' });

// ── Pro-rata ─────────────────────────────────────────────────────────────────────────────────────────────────

export const creditorCoverageSchema = z
  .object({
    creditorId: z.string(),
    balance: int,
    securedByCollateral: int,
    securedByDeposits: int,
    securedByOtherSecurity: int,
    guaranteeCover: int,
    guaranteeCoverCounted: int,
    totalSecured: int,
    unsecured: int,
    steps,
  })
  .meta({ id: 'CreditorCoverage' });

export const proRataResultSchema = z
  .object({
    method: proRataMethodSchema,
    amount: int,
    coverage: list(creditorCoverageSchema),
    collaterals: list(
      z.object({
        collateralId: z.string(),
        valueAfterHaircut: int,
        liens: list(z.object({ creditorId: z.string(), rank: int, covered: int })),
        unusedValue: int,
      }),
    ),
    totalBalance: int,
    totalUnsecured: int,
    computable: z.boolean(),
    reason: z.string().optional(),
    allocations: list(
      z.object({
        creditorId: z.string(),
        name: z.string().optional(),
        coverage: creditorCoverageSchema,
        share: z.number().meta({ description: 'Exact share, not rounded (display only)' }),
        amount: int,
        residualReceived: int,
        steps,
      }),
    ),
    steps,
    warnings: list(calculationWarningSchema),
  })
  .meta({ id: 'ProRataResult', description: 'Allocations always sum exactly to the amount' });

export type ProRataResult = z.infer<typeof proRataResultSchema>;

// ── Subsidy ──────────────────────────────────────────────────────────────────────────────────────────────────

export const subsidyResultSchema = z
  .object({
    ruleSetId: z.string(),
    ruleSetName: localizedTextSchema,
    verified: z.boolean(),
    categories: list(
      z.object({
        code: z.string(),
        label: localizedTextSchema,
        eligibleCost: int,
        rateAmount: int,
        cap: int,
        subsidy: int,
        capped: z.boolean(),
        steps,
      }),
    ),
    excludedLines: list(z.object({ lineId: z.string(), amount: int, reason: z.string(), message: localizedTextSchema })),
    totalCost: int,
    eligibleCost: int,
    excludedCost: int,
    subsidyBeforeTotalCaps: int,
    totalCapReduction: int,
    sizeClassCapReduction: int,
    subsidy: int,
    smeShareOfEligibleCost: int,
    smePays: int,
    checks: list(z.object({ code: z.string(), passed: z.boolean(), value: int, limit: int, label: localizedTextSchema })),
    steps,
    warnings: list(calculationWarningSchema),
  })
  .meta({ id: 'SubsidyResult' });
