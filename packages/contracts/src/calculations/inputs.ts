import { z } from 'zod';
import {
  finiteNumberSchema,
  idSchema,
  isoDateSchema,
  nonNegativeYenSchema,
  ratioSchema,
  yearMonthSchema,
  yearly,
  yenSchema,
} from './common';
import {
  BALANCE_SHEET_KEYS,
  balanceSheetSchema,
  financialStatementSchema,
  financialStatementsSchema,
  keyFiguresSchema,
} from './statements';

/** Request schemas of the calculators, mirroring the input types of `@kasseika/finance`. */

const text200 = z.string({ error: 'text.length' }).trim().min(1, 'text.length').max(200, 'text.length');

// ── Diagnosis ────────────────────────────────────────────────────────────────────────────────────────────────

export const debtRepaymentVariantSchema = z
  .strictObject({ numerator: z.enum(['a', 'b', 'c']), cashFlow: z.enum(['a', 'b', 'c', 'd']) })
  .meta({
    id: 'DebtRepaymentVariant',
    description:
      'REFERENCE §6.1. numerator (a) 有利子負債 (b) − 正常運転資金 (c) − 正常運転資金 − 現預金; cashFlow (a) 経常利益+減価償却費−法人税等 (b) 営業利益+減価償却費 (c) 当期純利益+減価償却費 (d) FCF',
  });

export const interestBearingDebtOptionsSchema = z
  .strictObject({ includeLeaseObligations: z.boolean().optional(), includeOfficerLoans: z.boolean().optional() })
  .meta({ id: 'InterestBearingDebtOptions' });

export const locabenSizeClassSchema = z.enum(['medium', 'small']).meta({ id: 'LocabenSizeClass' });

const diagnosisOptions = {
  industryCode: z
    .string()
    .regex(/^\d{4}$/, 'industryCode.format')
    .optional()
    .meta({ description: 'ロカベン industry code (Appendix A)' }),
  sizeClass: locabenSizeClassSchema.optional(),
  debtRepaymentVariant: debtRepaymentVariantSchema.optional().meta({ description: 'Default (c)/(a)' }),
  interestBearingDebt: interestBearingDebtOptionsSchema.optional(),
};

export const indicatorsRequestSchema = z
  .discriminatedUnion('source', [
    z.strictObject({
      source: z.literal('keyFigures'),
      years: z.array(keyFiguresSchema).min(1, 'statements.count').max(3, 'statements.count'),
      ...diagnosisOptions,
    }),
    z.strictObject({ source: z.literal('statements'), statements: financialStatementsSchema, ...diagnosisOptions }),
  ])
  .meta({ id: 'IndicatorsRequest', description: 'Key figures (quick check) or full statements of 1–3 years, oldest first' });

export type IndicatorsRequest = z.infer<typeof indicatorsRequestSchema>;

// ── 実態貸借対照表 ───────────────────────────────────────────────────────────────────────────────────────────

export const realBalanceSheetCategorySchema = z
  .enum([
    'irrecoverableReceivables',
    'obsoleteInventory',
    'underDepreciation',
    'unrecordedLiabilities',
    'realEstateFairValue',
    'securitiesFairValue',
    'insuranceSurrenderValue',
    'otherFairValue',
    'ownerPrivateAssets',
    'other',
  ])
  .meta({ id: 'RealBalanceSheetCategory' });

export const realBalanceSheetTargetSchema = z
  .enum([...BALANCE_SHEET_KEYS, 'offBalanceSheetAsset', 'offBalanceSheetLiability'])
  .meta({ id: 'RealBalanceSheetTarget' });

export const realBalanceSheetAdjustmentSchema = z
  .strictObject({
    id: idSchema,
    targetLine: realBalanceSheetTargetSchema,
    amount: yenSchema.meta({ description: 'Signed change of the target line (asset write-down: negative)' }),
    reason: text200,
    evidenceRef: z.string().max(200, 'text.length').optional(),
    category: realBalanceSheetCategorySchema,
  })
  .meta({ id: 'RealBalanceSheetAdjustment' });

export type RealBalanceSheetAdjustment = z.infer<typeof realBalanceSheetAdjustmentSchema>;

export const realBalanceSheetRequestSchema = z
  .strictObject({
    balanceSheet: balanceSheetSchema,
    adjustments: z.array(realBalanceSheetAdjustmentSchema).max(200, 'list.tooLong'),
    treatOfficerLoansAsEquity: z.boolean().optional(),
  })
  .meta({ id: 'RealBalanceSheetRequest' });

// ── Repayment schedules ──────────────────────────────────────────────────────────────────────────────────────

export const yenRoundingSchema = z.enum(['floor', 'ceil', 'roundHalfUp']).meta({ id: 'YenRounding' });

export const repaymentMethodSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('equalPrincipal') }),
    z.strictObject({ kind: z.literal('equalPayment'), paymentRounding: yenRoundingSchema.optional() }),
    z.strictObject({
      kind: z.literal('fixedPrincipal'),
      segments: z
        .array(z.strictObject({ fromMonth: yearMonthSchema, monthlyPrincipal: nonNegativeYenSchema }))
        .min(1)
        .max(24, 'list.tooLong'),
      atEnd: z.enum(['outstanding', 'balloon']),
    }),
    z.strictObject({ kind: z.literal('bullet') }),
  ])
  .meta({ id: 'RepaymentMethod' });

const scheduleFields = {
  principal: nonNegativeYenSchema,
  firstPaymentMonth: yearMonthSchema,
  termMonths: z.number({ error: 'term.range' }).int('term.range').min(1, 'term.range').max(600, 'term.range'),
  graceMonths: z.number({ error: 'number.value' }).int('number.value').min(0, 'number.value'),
  annualRate: ratioSchema.min(0, 'ratio.value'),
  interestConvention: z.enum(['monthlyRate', 'actual365']),
  interestRounding: yenRoundingSchema.optional(),
  method: repaymentMethodSchema,
};

export const repaymentScheduleInputSchema = z
  .strictObject({ loanId: idSchema, creditorId: idSchema.optional(), ...scheduleFields })
  .meta({ id: 'RepaymentScheduleInput' });

export const repaymentScheduleRequestSchema = z
  .strictObject({
    schedule: repaymentScheduleInputSchema,
    fiscalYearEndMonth: z
      .number({ error: 'fiscalMonth.range' })
      .int('fiscalMonth.range')
      .min(1, 'fiscalMonth.range')
      .max(12, 'fiscalMonth.range'),
  })
  .meta({ id: 'RepaymentScheduleRequest' });

// ── Projection ───────────────────────────────────────────────────────────────────────────────────────────────

export const debtLineSchema = z
  .enum(['shortTermBorrowings', 'longTermBorrowings', 'bonds', 'officerLoans', 'leaseObligations'])
  .meta({ id: 'DebtLine' });

export const projectionLoanSchema = z
  .strictObject({
    id: idSchema,
    creditorId: idSchema.optional(),
    line: debtLineSchema,
    schedule: z.strictObject(scheduleFields),
    drawdownMonth: yearMonthSchema.optional().meta({ description: 'New borrowing: month the cash comes in' }),
  })
  .meta({ id: 'ProjectionLoan' });

export type ProjectionLoan = z.infer<typeof projectionLoanSchema>;

const existingDepreciationSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('straightLine'), remainingLifeYears: finiteNumberSchema }),
  z.strictObject({ kind: z.literal('amounts'), amounts: z.array(yenSchema).max(10, 'list.tooLong') }),
]);

export const projectionDriversSchema = z
  .strictObject({
    horizonYears: z.number({ error: 'horizon.range' }).int('horizon.range').min(1, 'horizon.range').max(10, 'horizon.range'),
    salesGrowth: yearly(ratioSchema),
    salesAdjustment: yearly(ratioSchema).optional(),
    costOfSalesRatio: yearly(ratioSchema),
    personnelCosts: yearly(yenSchema),
    otherFixedSga: yearly(yenSchema),
    variableSgaRatio: yearly(ratioSchema).optional(),
    nonOperatingIncome: yearly(yenSchema).optional(),
    otherNonOperatingExpenses: yearly(yenSchema).optional(),
    extraordinaryGains: yearly(yenSchema).optional(),
    extraordinaryLosses: yearly(yenSchema).optional(),
    taxRate: yearly(ratioSchema),
    minimumTax: yearly(yenSchema).optional(),
    lossCarryForward: z.strictObject({ openingBalance: nonNegativeYenSchema, deductionLimitRatio: ratioSchema.optional() }).optional(),
    receivableMonths: yearly(finiteNumberSchema).optional(),
    inventoryMonths: yearly(finiteNumberSchema).optional(),
    payableMonths: yearly(finiteNumberSchema).optional(),
    existingDepreciation: z
      .strictObject({
        buildings: existingDepreciationSchema.optional(),
        otherTangible: existingDepreciationSchema.optional(),
        intangible: existingDepreciationSchema.optional(),
      })
      .optional(),
    capex: z
      .array(
        z.strictObject({
          planYear: z.number({ error: 'number.value' }).int('number.value'),
          assetClass: z.enum(['land', 'buildings', 'otherTangible', 'intangible']),
          amount: yenSchema,
          usefulLifeYears: z.number({ error: 'number.value' }).int('number.value').optional(),
        }),
      )
      .max(50, 'list.tooLong')
      .optional(),
    capexDepreciationStart: z.enum(['acquisitionYear', 'followingYear']).optional(),
    loans: z.array(projectionLoanSchema).max(60, 'list.tooLong').optional(),
    employees: yearly(finiteNumberSchema.min(0, 'employees.nonNegative')).optional(),
  })
  .meta({ id: 'ProjectionDrivers', description: 'Drivers of the plan years; ratios are decimals (0.03 = 3 %)' });

export type ProjectionDrivers = z.infer<typeof projectionDriversSchema>;

export const projectionOptionsSchema = z
  .strictObject({
    debtRepaymentVariant: debtRepaymentVariantSchema.optional(),
    interestBearingDebt: interestBearingDebtOptionsSchema.optional(),
    presentCurrentPortion: z.boolean().optional(),
  })
  .meta({ id: 'ProjectionOptions' });

export const projectionRequestSchema = z
  .strictObject({ base: financialStatementSchema, drivers: projectionDriversSchema, options: projectionOptionsSchema.optional() })
  .meta({ id: 'ProjectionRequest', description: 'Base (latest actual) year and the drivers of 1–10 plan years' });

// ── Numeric criteria ─────────────────────────────────────────────────────────────────────────────────────────

export const planTypeSchema = z
  .enum(['revitalization', 'earningsImprovement', 'bankNormalisation405', 'smeGuidelineRevitalization'])
  .meta({ id: 'PlanType' });

export const criteriaSettingsSchema = z
  .strictObject({
    planType: planTypeSchema,
    sizeClass: z.enum(['sme', 'smallBusiness']),
    agreementDate: isoDateSchema.meta({ description: '計画成立日; also selects the rule set in force' }),
    reschedulingRequested: z.boolean().optional(),
  })
  .meta({ id: 'CriteriaSettings' });

export const criteriaRequestSchema = z
  .strictObject({
    base: financialStatementSchema,
    drivers: projectionDriversSchema,
    options: projectionOptionsSchema.optional(),
    criteria: criteriaSettingsSchema,
    adjustments: z.array(realBalanceSheetAdjustmentSchema).max(200, 'list.tooLong').optional(),
    treatOfficerLoansAsEquity: z.boolean().optional(),
  })
  .meta({ id: 'CriteriaRequest', description: 'A plan (projection input + 実態BS adjustments) checked against the numeric criteria' });

// ── Pro-rata ─────────────────────────────────────────────────────────────────────────────────────────────────

export const proRataCreditorSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().max(100, 'text.length').optional(),
    balance: nonNegativeYenSchema,
    isMainBank: z.boolean().optional(),
    pledgedDeposits: nonNegativeYenSchema.optional(),
    otherSecurity: nonNegativeYenSchema.optional(),
    guaranteedLoans: z
      .array(z.strictObject({ balance: nonNegativeYenSchema, coverPercent: finiteNumberSchema }))
      .max(20, 'list.tooLong')
      .optional(),
  })
  .meta({ id: 'ProRataCreditor' });

export type ProRataCreditor = z.infer<typeof proRataCreditorSchema>;

export const collateralSchema = z
  .strictObject({
    id: idSchema,
    description: z.string().max(200, 'text.length').optional(),
    appraisalValue: nonNegativeYenSchema,
    haircut: ratioSchema,
    liens: z
      .array(
        z.strictObject({
          creditorId: idSchema,
          rank: z.number({ error: 'number.value' }).int('number.value'),
          securedAmountCap: nonNegativeYenSchema.optional(),
        }),
      )
      .max(20, 'list.tooLong'),
  })
  .meta({ id: 'Collateral' });

export const proRataMethodSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('balance') }),
    z.strictObject({ kind: z.literal('unsecured') }),
    z.strictObject({ kind: z.literal('hybrid'), balanceWeightPercent: finiteNumberSchema }),
  ])
  .meta({ id: 'ProRataMethod' });

export const proRataRequestSchema = z
  .strictObject({
    amount: nonNegativeYenSchema.meta({ description: 'Amount to allocate (e.g. the monthly repayment total)' }),
    creditors: z.array(proRataCreditorSchema).min(1).max(60, 'list.tooLong'),
    collaterals: z.array(collateralSchema).max(60, 'list.tooLong').optional(),
    method: proRataMethodSchema,
    guaranteeCoverTreatment: z.enum(['secured', 'unsecured']),
    rounding: z.strictObject({ unit: z.number({ error: 'number.value' }), residual: z.enum(['largestRemainder', 'residualToMainBank']) }),
  })
  .meta({ id: 'ProRataRequest' });

export type ProRataRequest = z.infer<typeof proRataRequestSchema>;

// ── Subsidy ──────────────────────────────────────────────────────────────────────────────────────────────────

export const subsidyRequestSchema = z
  .strictObject({
    program: z.enum(['405-standard', '405-sme-guideline', 'early']),
    acceptanceDate: isoDateSchema.meta({ description: '受理日; selects the rule set in force' }),
    sizeClass: z.enum(['small', 'medium', 'midTier']).optional(),
    costLines: z
      .array(
        z.strictObject({
          id: idSchema,
          category: z.string().min(1).max(40),
          description: z.string().max(200, 'text.length').optional(),
          amount: nonNegativeYenSchema,
          workDate: isoDateSchema,
        }),
      )
      .min(1)
      .max(50, 'list.tooLong'),
  })
  .meta({ id: 'SubsidyRequest' });
