import { z } from 'zod';

// ── Financial institutions (master data) ─────────────────────────────────────

export const financialInstitutionSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(['bank', 'government', 'guarantee_corporation']),
    codeSource: z.enum(['zengin', 'kasseika-local']).meta({
      description: '`zengin`: 全銀 code from the zengin-code list; `kasseika-local`: a local code assigned by Kasseika (unverified)',
    }),
  })
  .meta({ id: 'FinancialInstitution' });

export const financialInstitutionQuerySchema = z.strictObject({
  q: z.string().trim().max(100, 'search.tooLong').optional(),
});

export const financialInstitutionListSchema = z
  .object({ items: z.array(financialInstitutionSchema), total: z.number().int() })
  .meta({ id: 'FinancialInstitutionList' });

// ── Creditors and loans ──────────────────────────────────────────────────────

const bankCodeSchema = z.string().regex(/^\d{4}$/, 'bankCode.format');
const yenSchema = z.number().int('yen.amount').min(0, 'yen.amount').max(1e13, 'yen.amount');
const percentSchema = z.number().int('percent.range').min(0, 'percent.range').max(100, 'percent.range');

export const creditorParamsSchema = z.strictObject({ caseId: z.uuid(), creditorId: z.uuid() });
export const loanParamsSchema = z.strictObject({ caseId: z.uuid(), loanId: z.uuid() });

export const addCreditorBodySchema = z
  .strictObject({
    bankCode: bankCodeSchema,
    isMainBank: z.boolean().default(false),
    isTarget: z.boolean().default(true),
  })
  .meta({ id: 'AddCreditorBody' });

export const updateCreditorBodySchema = z
  .strictObject({
    isMainBank: z.boolean().optional(),
    isTarget: z.boolean().optional(),
    /** The day the main bank agreed to start revitalization support (null clears it). */
    startAgreedOn: z.iso.date().nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'update.empty')
  .meta({ id: 'UpdateCreditorBody' });

export const loanBodySchema = z
  .strictObject({
    label: z.string().trim().min(1, 'loanLabel.length').max(100, 'loanLabel.length'),
    balance: yenSchema,
    annualRatePercent: z
      .number()
      .min(0, 'rate.percent')
      .max(30, 'rate.percent')
      .refine((r) => Math.abs(Math.round(r * 1000) - r * 1000) < 1e-6, 'rate.percent'),
    monthlyRepayment: yenSchema,
    collateral: z.string().trim().max(200, 'collateral.length').nullable().default(null),
    collateralAppraisal: yenSchema.default(0),
    collateralHaircutPercent: percentSchema.default(100),
    guaranteeCoverPercent: percentSchema.default(0),
  })
  .meta({ id: 'LoanBody' });

export const loanSchema = z
  .object({
    id: z.string(),
    creditorId: z.string(),
    label: z.string(),
    balance: z.number().int(),
    annualRatePercent: z.number(),
    monthlyRepayment: z.number().int(),
    collateral: z.string().nullable(),
    collateralAppraisal: z.number().int(),
    collateralHaircutPercent: z.number().int(),
    guaranteeCoverPercent: z.number().int(),
  })
  .meta({ id: 'Loan' });

export const creditorSchema = z
  .object({
    id: z.string(),
    bankCode: z.string(),
    bankName: z.string(),
    isMainBank: z.boolean(),
    isTarget: z.boolean(),
    startAgreedOn: z.string().nullable(),
    loans: z.array(loanSchema),
    balance: z.number().int(),
    monthlyRepayment: z.number().int(),
    securedByCollateral: z.number().int(),
    guaranteeCover: z.number().int(),
    /** 非保全額 with guarantee cover counted as secured (REFERENCE §7). */
    unsecured: z.number().int(),
    /** Whether the company's consent to share with this bank is in force (council view; banks see true). */
    confidentialityLifted: z.boolean(),
  })
  .meta({ id: 'Creditor' });

export const creditorTableSchema = z
  .object({
    items: z.array(creditorSchema),
    totals: z.object({
      balance: z.number().int(),
      monthlyRepayment: z.number().int(),
      unsecured: z.number().int(),
    }),
    abilities: z.object({ edit: z.boolean() }),
  })
  .meta({ id: 'CreditorTable', description: 'The creditors of a case with their loans (借入金一覧)' });

export const creditorImportResultSchema = z
  .object({
    creditorsAdded: z.number().int(),
    loansAdded: z.number().int(),
    table: creditorTableSchema,
  })
  .meta({ id: 'CreditorImportResult' });

// ── Confidentiality lifts ────────────────────────────────────────────────────

export const LIFT_DOCUMENT_SET_VALUES = ['plan', 'creditor_documents'] as const;
export const liftDocumentSetSchema = z.enum(LIFT_DOCUMENT_SET_VALUES);

export const liftParamsSchema = z.strictObject({ caseId: z.uuid(), liftId: z.uuid() });

export const createLiftBodySchema = z
  .strictObject({
    bankCode: bankCodeSchema,
    documentSets: z.array(liftDocumentSetSchema).min(1, 'documentSets.required').max(2, 'documentSets.required'),
  })
  .meta({ id: 'CreateConfidentialityLiftBody' });

export const confidentialityLiftSchema = z
  .object({
    id: z.string(),
    bankCode: z.string(),
    bankName: z.string(),
    documentSets: z.array(liftDocumentSetSchema),
    consentedByName: z.string().nullable(),
    consentedAt: z.string(),
    revokedAt: z.string().nullable(),
    inForce: z.boolean(),
  })
  .meta({ id: 'ConfidentialityLift' });

export const confidentialityLiftListSchema = z
  .object({ items: z.array(confidentialityLiftSchema), abilities: z.object({ manage: z.boolean() }) })
  .meta({ id: 'ConfidentialityLiftList', description: 'The company’s consents to share the case with banks, newest first' });

export type FinancialInstitution = z.infer<typeof financialInstitutionSchema>;
export type FinancialInstitutionList = z.infer<typeof financialInstitutionListSchema>;
export type AddCreditorBody = z.infer<typeof addCreditorBodySchema>;
export type UpdateCreditorBody = z.infer<typeof updateCreditorBodySchema>;
export type LoanBody = z.infer<typeof loanBodySchema>;
export type Loan = z.infer<typeof loanSchema>;
export type Creditor = z.infer<typeof creditorSchema>;
export type CreditorTable = z.infer<typeof creditorTableSchema>;
export type CreditorImportResult = z.infer<typeof creditorImportResultSchema>;
export type CreateLiftBody = z.infer<typeof createLiftBodySchema>;
export type ConfidentialityLift = z.infer<typeof confidentialityLiftSchema>;
export type ConfidentialityLiftList = z.infer<typeof confidentialityLiftListSchema>;

// ── Plan versions, review comments, stance and consent ───────────────────────

export const SUPPORT_MEASURES = ['reschedule', 'interest_only', 'dds', 'des', 'forgiveness'] as const;

/** The terms of a plan version; the server adds the creditor table with the proposed repayment of every creditor. */
export const submitPlanVersionBodySchema = z
  .strictObject({
    title: z.string().trim().min(1, 'planTitle.length').max(200, 'planTitle.length'),
    summary: z.string().trim().min(1, 'planSummary.length').max(5000, 'planSummary.length'),
    supportMeasures: z.array(z.enum(SUPPORT_MEASURES)).min(1, 'supportMeasures.required').max(5, 'supportMeasures.required'),
    planYears: z.number().int('planYears.range').min(1, 'planYears.range').max(10, 'planYears.range'),
    monthlyRepaymentTotal: yenSchema,
    proRataMethod: z.enum(['balance', 'unsecured']),
    roundingUnit: z.union([z.literal(1), z.literal(1000)]).default(1000),
  })
  .meta({ id: 'SubmitPlanVersionBody' });

export const planVersionParamsSchema = z.strictObject({ caseId: z.uuid(), versionNo: z.coerce.number().int().min(1).max(100000) });

export const planCreditorLineSchema = z.object({
  bankCode: z.string(),
  bankName: z.string(),
  isMainBank: z.boolean(),
  isTarget: z.boolean(),
  balance: z.number().int(),
  securedByCollateral: z.number().int(),
  guaranteeCover: z.number().int(),
  unsecured: z.number().int(),
  proposedMonthlyRepayment: z.number().int(),
});

/** The canonical content of a version: what its SHA-256 is computed over (RFC 8785 JSON). */
export const planVersionContentSchema = z
  .object({
    format: z.literal('kasseika.plan-version/1'),
    caseReferenceNo: z.string(),
    companyName: z.string(),
    title: z.string(),
    summary: z.string(),
    supportMeasures: z.array(z.enum(SUPPORT_MEASURES)),
    planYears: z.number().int(),
    monthlyRepaymentTotal: z.number().int(),
    proRata: z.object({
      method: z.enum(['balance', 'unsecured']),
      guaranteeCoverTreatment: z.literal('secured'),
      roundingUnit: z.number().int(),
      residual: z.literal('largestRemainder'),
    }),
    creditors: z.array(planCreditorLineSchema),
  })
  .meta({ id: 'PlanVersionContent' });

export const planCommentSchema = z.object({ id: z.string(), authorName: z.string().nullable(), body: z.string(), at: z.string() });

export const planVersionSchema = z
  .object({
    versionNo: z.number().int(),
    sha256: z.string(),
    submittedAt: z.string(),
    submittedByName: z.string().nullable(),
    targetBankCodes: z.array(z.string()),
    content: planVersionContentSchema,
    comments: z.array(planCommentSchema).meta({ description: 'PM/SM review comments (council only; empty for others)' }),
  })
  .meta({ id: 'PlanVersion' });

export const creditorConsentStateSchema = z.object({
  bankCode: z.string(),
  bankName: z.string(),
  stance: z.enum(['support', 'conditional', 'oppose']).nullable(),
  conditions: z.string().nullable(),
  consented: z.boolean(),
  consentedAt: z.string().nullable(),
});

export const casePlanSchema = z
  .object({
    versions: z.array(z.object({ versionNo: z.number().int(), sha256: z.string(), submittedAt: z.string() })),
    current: planVersionSchema.nullable(),
    consent: z.object({
      targets: z.array(creditorConsentStateSchema).meta({ description: 'Every target creditor (a bank sees only its own row)' }),
      outstanding: z.array(z.string()),
      allConsented: z.boolean(),
    }),
    baseline: z.object({ versionNo: z.number().int(), sha256: z.string(), agreedAt: z.string() }).nullable(),
    abilities: z.object({ submit: z.boolean(), comment: z.boolean(), respond: z.boolean() }),
    myBankCode: z.string().nullable(),
  })
  .meta({ id: 'CasePlan', description: 'Plan versions, the current one, and who has consented to it' });

export const planCommentBodySchema = z
  .strictObject({ body: z.string().trim().min(1, 'planComment.length').max(4000, 'planComment.length') })
  .meta({ id: 'PlanCommentBody' });

export const creditorResponseBodySchema = z
  .strictObject({
    /** The SHA-256 of the version the bank answers to: a stale one is refused. */
    versionSha256: z.string().regex(/^[0-9a-f]{64}$/, 'versionSha256.format'),
    kind: z.enum(['stance', 'consent']),
    stance: z.enum(['support', 'conditional', 'oppose']).optional(),
    conditions: z.string().trim().max(2000, 'conditions.length').optional(),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'stance' && !b.stance) ctx.addIssue({ code: 'custom', path: ['stance'], message: 'stance.required' });
    if (b.kind === 'stance' && b.stance === 'conditional' && !b.conditions)
      ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'conditions.required' });
  })
  .meta({ id: 'CreditorResponseBody' });

export const consentFormQuerySchema = z.strictObject({ bankCode: bankCodeSchema.optional() });

export type SubmitPlanVersionBody = z.infer<typeof submitPlanVersionBodySchema>;
export type PlanVersionContent = z.infer<typeof planVersionContentSchema>;
export type PlanVersion = z.infer<typeof planVersionSchema>;
export type CasePlan = z.infer<typeof casePlanSchema>;
export type PlanCommentBody = z.infer<typeof planCommentBodySchema>;
export type CreditorResponseBody = z.infer<typeof creditorResponseBodySchema>;
