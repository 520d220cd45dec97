import { z } from 'zod';
import { calculationWarningSchema, idSchema, list, nonNegativeYenSchema, ratioSchema, stepSchema, yearMonthSchema } from './common';
import {
  collateralSchema,
  criteriaSettingsSchema,
  debtRepaymentVariantSchema,
  locabenSizeClassSchema,
  projectionDriversSchema,
  projectionOptionsSchema,
  proRataCreditorSchema,
  proRataMethodSchema,
  realBalanceSheetAdjustmentSchema,
  yenRoundingSchema,
} from './inputs';
import {
  annualRepaymentSchema,
  criteriaResultSchema,
  diagnosisYearSchema,
  locabenScoreSchema,
  projectionResultSchema,
  proRataResultSchema,
  realBalanceSheetResultSchema,
  repaymentScheduleSchema,
  thresholdInfoSchema,
} from './results';
import { financialStatementsSchema } from './statements';

/**
 * The plan workbench document (経営改善計画 / 再生計画 の数値計画): history, 実態BS adjustments, drivers, criteria
 * settings and the creditors' pro-rata. `POST /api/v1/calculations/plan` computes everything from it, and the Excel
 * and PDF exports compute from the same document with the same code, so their numbers equal the API's.
 */
export const planProRataSchema = z
  .strictObject({
    amount: nonNegativeYenSchema.meta({ description: 'Monthly repayment total to allocate (返済原資の月額)' }),
    creditors: z.array(proRataCreditorSchema).min(1).max(60, 'list.tooLong'),
    collaterals: z.array(collateralSchema).max(60, 'list.tooLong').optional(),
    method: proRataMethodSchema,
    guaranteeCoverTreatment: z.enum(['secured', 'unsecured']),
    rounding: z.strictObject({ unit: z.number({ error: 'number.value' }), residual: z.enum(['largestRemainder', 'residualToMainBank']) }),
    schedule: z
      .strictObject({
        firstPaymentMonth: yearMonthSchema,
        termMonths: z.number({ error: 'term.range' }).int('term.range').min(1, 'term.range').max(600, 'term.range'),
        graceMonths: z.number({ error: 'number.value' }).int('number.value').min(0, 'number.value'),
        interestConvention: z.enum(['monthlyRate', 'actual365']),
        interestRounding: yenRoundingSchema.optional(),
        atEnd: z.enum(['outstanding', 'balloon']).optional(),
        loans: z
          .array(z.strictObject({ loanId: idSchema, creditorId: idSchema, principal: nonNegativeYenSchema, annualRate: ratioSchema }))
          .max(60, 'list.tooLong'),
      })
      .optional()
      .meta({ description: 'Turns each creditor’s monthly share into repayment schedules (金融機関別返済計画)' }),
  })
  .meta({ id: 'PlanProRata' });

export const planDocumentSchema = z
  .strictObject({
    company: z.strictObject({
      name: z.string({ error: 'companyName.length' }).trim().min(1, 'companyName.length').max(100, 'companyName.length'),
      industryCode: z
        .string()
        .regex(/^\d{4}$/, 'industryCode.format')
        .optional(),
      locabenSizeClass: locabenSizeClassSchema.optional(),
    }),
    statements: financialStatementsSchema,
    adjustments: z.array(realBalanceSheetAdjustmentSchema).max(200, 'list.tooLong'),
    treatOfficerLoansAsEquity: z.boolean(),
    drivers: projectionDriversSchema,
    options: projectionOptionsSchema.optional(),
    debtRepaymentVariant: debtRepaymentVariantSchema.optional().meta({ description: 'Variant for the diagnosis of actual years' }),
    criteria: criteriaSettingsSchema,
    proRata: planProRataSchema.optional(),
  })
  .meta({ id: 'PlanDocument', description: 'Everything the plan workbench holds; the last statement is the base year' });

export type PlanDocument = z.infer<typeof planDocumentSchema>;

export const creditorAnnualRepaymentSchema = z
  .object({
    creditorId: z.string(),
    name: z.string().optional(),
    years: list(annualRepaymentSchema),
  })
  .meta({ id: 'CreditorAnnualRepayment' });

export const creditorPlanYearsSchema = z
  .object({
    creditorId: z.string().meta({ description: 'Creditor id; "unscheduled" for base-year debt without a schedule' }),
    name: z.string().optional(),
    years: list(
      z.object({
        planYear: z.number().int(),
        fiscalYearEnd: yearMonthSchema,
        openingBalance: z.number().int(),
        drawdown: z.number().int(),
        interest: z.number().int(),
        principal: z.number().int(),
        closingBalance: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'CreditorPlanYears' });

export const planResultSchema = z
  .object({
    company: planDocumentSchema.shape.company,
    diagnosis: z.object({ years: list(diagnosisYearSchema), score: locabenScoreSchema.nullable(), thresholds: thresholdInfoSchema }),
    realBalanceSheet: realBalanceSheetResultSchema,
    projection: projectionResultSchema,
    criteria: criteriaResultSchema,
    proRata: proRataResultSchema.nullable(),
    proRataSchedules: z.object({ schedules: list(repaymentScheduleSchema), byCreditor: list(creditorAnnualRepaymentSchema) }).nullable(),
    repaymentsByCreditor: z
      .array(creditorPlanYearsSchema)
      .meta({ description: 'The plan’s own loans summed by creditor and plan year (金融機関別返済計画)' }),
    steps: list(stepSchema),
    warnings: list(calculationWarningSchema),
  })
  .meta({ id: 'PlanResult' });

export type PlanResult = z.infer<typeof planResultSchema>;

/** Result of importing statements from the Excel template or a CSV file. */
export const statementsImportResultSchema = z
  .object({
    format: z.enum(['xlsx', 'csv']),
    statements: financialStatementsSchema,
    warnings: list(calculationWarningSchema),
  })
  .meta({ id: 'StatementsImportResult' });

export type StatementsImportResult = z.infer<typeof statementsImportResultSchema>;
