import { z } from 'zod';
import {
  RC_ADVICE_TOPICS,
  RC_CORPORATE_ROUTES,
  RC_GUARANTOR_WORKOUTS,
  RC_PACKAGE_FIGURES,
  RC_PROCEEDING_KINDS,
  RC_PROCEEDING_ROUTES,
  RC_PROCEEDING_STATUSES,
} from '@kasseika/domain';
import { localizedTextSchema } from './problem';

/**
 * 再チャレンジ支援 (REFERENCE §4): advice, the lawyer referral with the company's consent to the handover package, exit
 * routes and guarantor workouts, and lawyer consultations counted against the fee support.
 */
const text = (max: number, key: string) => z.string().trim().min(1, key).max(max, key);

export const rcAdviceTopicSchema = z.enum(RC_ADVICE_TOPICS, { error: 'rcAdvice.topic' }).meta({ id: 'RcAdviceTopic' });
export const rcProceedingRouteSchema = z.enum(RC_PROCEEDING_ROUTES, { error: 'rcProceeding.route' }).meta({
  id: 'RcProceedingRoute',
  description: `Corporate: ${RC_CORPORATE_ROUTES.join(', ')}; guarantor workouts under the 経営者保証GL: ${RC_GUARANTOR_WORKOUTS.join(', ')}`,
});
export const rcProceedingStatusSchema = z.enum(RC_PROCEEDING_STATUSES, { error: 'rcProceeding.status' }).meta({ id: 'RcProceedingStatus' });
export const rcPackageFigureSchema = z.enum(RC_PACKAGE_FIGURES, { error: 'rcReferral.figures' }).meta({ id: 'RcPackageFigure' });

export const rcProceedingParamsSchema = z.strictObject({ caseId: z.uuid(), proceedingId: z.uuid() });

export const createRcAdviceBodySchema = z
  .strictObject({ advisedOn: z.iso.date('rcAdvice.advisedOn'), topic: rcAdviceTopicSchema, text: text(4000, 'rcAdvice.text') })
  .meta({ id: 'CreateRcAdviceBody', description: 'Dated advice on 円滑な廃業 (the text is stored encrypted)' });

export const prepareRcReferralBodySchema = z
  .strictObject({
    lawyerEmail: z.email('email.format').max(254, 'email.format'),
    documentIds: z.array(z.uuid('rcReferral.documents')).max(50, 'list.tooLong'),
    figures: z.array(rcPackageFigureSchema).max(RC_PACKAGE_FIGURES.length, 'list.tooLong'),
    message: z.string().trim().max(2000, 'rcReferral.message'),
  })
  .refine((v) => v.documentIds.length + v.figures.length > 0, { path: ['documentIds'], message: 'rcReferral.empty' })
  .meta({
    id: 'PrepareRcReferralBody',
    description: 'The referred lawyer (an account with the lawyer role) and what goes into the handover package',
  });

export const rcConsentBodySchema = z
  .strictObject({ packageHash: z.string().regex(/^[0-9a-f]{64}$/, 'rcConsent.packageHash') })
  .meta({ id: 'RcConsentBody', description: 'The SHA-256 of the package the company read: consent binds to exactly that package' });

export const createRcProceedingBodySchema = z
  .strictObject({
    route: rcProceedingRouteSchema,
    guarantorName: z.string().trim().min(1, 'rcProceeding.guarantorName').max(100, 'rcProceeding.guarantorName').nullable(),
    status: rcProceedingStatusSchema,
    startedOn: z.iso.date('rcProceeding.startedOn').nullable(),
    endedOn: z.iso.date('rcProceeding.endedOn').nullable(),
    note: z.string().trim().max(2000, 'rcProceeding.note'),
  })
  .meta({ id: 'CreateRcProceedingBody' });

export const updateRcProceedingBodySchema = z
  .strictObject({
    status: rcProceedingStatusSchema,
    startedOn: z.iso.date('rcProceeding.startedOn').nullable(),
    endedOn: z.iso.date('rcProceeding.endedOn').nullable(),
  })
  .meta({ id: 'UpdateRcProceedingBody' });

export const createRcConsultationBodySchema = z
  .strictObject({
    heldOn: z.iso.date('rcConsultation.heldOn'),
    lawyerName: text(100, 'rcConsultation.lawyerName'),
    feeYen: z
      .number({ error: 'rcConsultation.fee' })
      .int('rcConsultation.fee')
      .min(0, 'rcConsultation.fee')
      .max(100_000_000, 'rcConsultation.fee'),
    feeSupported: z.boolean(),
    note: z.string().trim().max(2000, 'rcConsultation.note'),
  })
  .meta({ id: 'CreateRcConsultationBody', description: 'A lawyer consultation; `feeSupported` asks the council to bear the fee' });

/** The handover package: a sealed snapshot of what the council chose (documents listed, figures as of preparation). */
export const rcPackageSchema = z
  .object({
    preparedAt: z.string(),
    message: z.string(),
    documents: z.array(
      z.object({ id: z.string(), title: z.string(), docType: z.string(), version: z.number().int(), uploadedAt: z.string() }),
    ),
    guarantors: z
      .array(
        z.object({
          name: z.string(),
          workoutType: z.string(),
          guaranteedTotal: z.number().int(),
          assetsTotal: z.number().int(),
          residualAssets: z.number().int(),
          remainingGuaranteeDebt: z.number().int(),
          ruleSetId: z.string(),
        }),
      )
      .nullable(),
    guarantorsReferenceDate: z.string().nullable(),
    statements: z
      .array(
        z.object({
          fiscalYearEnd: z.string(),
          netSales: z.number().int(),
          ordinaryProfit: z.number().int(),
          borrowings: z.number().int(),
          netAssets: z.number().int(),
        }),
      )
      .nullable(),
    advice: z.array(z.object({ advisedOn: z.string(), topic: rcAdviceTopicSchema, text: z.string() })).nullable(),
  })
  .meta({ id: 'RcPackage' });

const consentSchema = z.object({
  consentedAt: z.string().nullable(),
  consentedByName: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
});

export const rcReferralSchema = z
  .object({
    lawyerName: z.string(),
    lawyerFirm: z.string(),
    lawyerEmail: z.string().nullable(),
    preparedByName: z.string().nullable(),
    packageHash: z.string(),
    package: rcPackageSchema,
    consent: consentSchema,
    /** The lawyer holds the package grant now (consent given and not revoked). */
    lawyerHasAccess: z.boolean(),
  })
  .meta({ id: 'RcReferral' });

export const feeSupportSchema = z
  .object({
    ruleId: z.string().nullable(),
    limit: z.number().int(),
    used: z.number().int(),
    remaining: z.number().int(),
    verified: z.boolean(),
    sources: z.array(z.object({ url: z.string(), note: z.string().optional() })),
  })
  .meta({ id: 'RcFeeSupport', description: 'Supported lawyer consultations against the limit in force today (configurable data)' });

export const rechallengeSchema = z
  .object({
    stage: z.string(),
    advice: z.array(
      z.object({
        id: z.string(),
        advisedOn: z.string(),
        topic: rcAdviceTopicSchema,
        text: z.string(),
        createdByName: z.string().nullable(),
      }),
    ),
    referral: rcReferralSchema.nullable(),
    proceedings: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(RC_PROCEEDING_KINDS),
        route: rcProceedingRouteSchema,
        guarantorName: z.string().nullable(),
        status: rcProceedingStatusSchema,
        startedOn: z.string().nullable(),
        endedOn: z.string().nullable(),
        note: z.string(),
        updatedAt: z.string(),
      }),
    ),
    consultations: z.array(
      z.object({
        id: z.string(),
        heldOn: z.string(),
        lawyerName: z.string(),
        feeYen: z.number().int(),
        feeSupported: z.boolean(),
        supportOrdinal: z.number().int().nullable(),
        note: z.string(),
      }),
    ),
    feeSupport: feeSupportSchema,
    abilities: z.object({ write: z.boolean(), prepareReferral: z.boolean() }),
  })
  .meta({ id: 'Rechallenge', description: '再チャレンジ支援 record of a case (council case workers)' });

export const rcConsultationCreatedSchema = z
  .object({
    id: z.string(),
    supportOrdinal: z.number().int().nullable(),
    remaining: z.number().int(),
    warning: localizedTextSchema.nullable(),
  })
  .meta({ id: 'RcConsultationCreated' });

/** What the company sees in its workspace: the proposed referral and its own consent. */
export const rcConsentViewSchema = z
  .object({
    referral: z
      .object({
        lawyerName: z.string(),
        lawyerFirm: z.string(),
        packageHash: z.string(),
        package: rcPackageSchema,
        consent: consentSchema,
      })
      .nullable(),
    abilities: z.object({ consent: z.boolean() }),
  })
  .meta({ id: 'RcConsentView' });

/** What the referred lawyer (and the council) sees: the consented package of one case. */
export const rcLawyerPackageSchema = z
  .object({
    lawyerName: z.string(),
    lawyerFirm: z.string(),
    consentedAt: z.string(),
    packageHash: z.string(),
    package: rcPackageSchema,
  })
  .meta({ id: 'RcLawyerPackage' });

export type CreateRcAdviceBody = z.infer<typeof createRcAdviceBodySchema>;
export type PrepareRcReferralBody = z.infer<typeof prepareRcReferralBodySchema>;
export type CreateRcProceedingBody = z.infer<typeof createRcProceedingBodySchema>;
export type UpdateRcProceedingBody = z.infer<typeof updateRcProceedingBodySchema>;
export type CreateRcConsultationBody = z.infer<typeof createRcConsultationBodySchema>;
export type RcPackage = z.infer<typeof rcPackageSchema>;
export type Rechallenge = z.infer<typeof rechallengeSchema>;
export type RcConsentView = z.infer<typeof rcConsentViewSchema>;
export type RcLawyerPackage = z.infer<typeof rcLawyerPackageSchema>;
export type RcConsultationCreated = z.infer<typeof rcConsultationCreatedSchema>;
