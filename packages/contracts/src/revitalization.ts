import { z } from 'zod';
import {
  RV_EXPERT_DUTIES,
  RV_EXPERT_QUALIFICATIONS,
  RV_EXPERT_SCOPES,
  RV_SUPPORT_MEASURES,
  RV_STAFF_POSITIONS,
  RV_SUPPORT_KINDS,
  RV_TEAM_TYPES,
} from '@kasseika/domain';
import { emailSchema } from './auth';
import { displayNameSchema } from './access';
import { yenSchema } from './calculations/common';
import { balanceSheetSchema } from './calculations/statements';
import { realBalanceSheetAdjustmentSchema } from './calculations/inputs';
import { realBalanceSheetResultSchema } from './calculations/results';
import { localizedTextSchema } from './problem';

/**
 * 再生支援 / プレ再生支援 (REFERENCE §3): the team (type, members, expert appointments as case grants with scope and
 * expiry, conflict-of-interest declarations), the 実態貸借対照表 and the company's 事業計画 drafts. Council only.
 */

const text = (max: number, key: string) => z.string().trim().min(1, key).max(max, key);

export const rvTeamTypeSchema = z.enum(RV_TEAM_TYPES).meta({ id: 'RvTeamType', description: '従来型 · 検証型 · 簡易型' });
export const rvSupportKindSchema = z.enum(RV_SUPPORT_KINDS).meta({ id: 'RvSupportKind', description: 'プレ再生支援 · 再生支援' });
export const rvStaffPositionSchema = z.enum(RV_STAFF_POSITIONS).meta({ id: 'RvStaffPosition', description: 'PM · SM · 職員' });
export const rvExpertQualificationSchema = z
  .enum(RV_EXPERT_QUALIFICATIONS)
  .meta({ id: 'RvExpertQualification', description: '公認会計士 · 税理士 · 中小企業診断士 · 弁護士 · その他' });
export const rvExpertDutySchema = z
  .enum(RV_EXPERT_DUTIES)
  .meta({ id: 'RvExpertDuty', description: '財務DD · 事業DD · 法務 · 計画の検証 · その他' });
export const rvExpertScopeSchema = z.enum(RV_EXPERT_SCOPES).meta({ id: 'RvExpertScope' });

export const conflictDeclarationSchema = z
  .strictObject(
    { hasConflict: z.boolean(), details: z.string().trim().max(2000, 'coi.detailsLength').optional() },
    { error: 'coi.required' },
  )
  .meta({ id: 'ConflictDeclaration', description: '利益相反の申告: none, or disclosed with what it is' });

export const saveRvProfileBodySchema = z
  .strictObject({ teamType: rvTeamTypeSchema, supportKind: rvSupportKindSchema, forgivenessExpected: z.boolean() })
  .meta({ id: 'SaveRvProfileBody' });

export const addRvStaffMemberBodySchema = z
  .strictObject({
    userId: z.uuid('rvTeam.staff'),
    position: rvStaffPositionSchema,
    secondedFromBank: z.string().trim().max(100, 'rvTeam.bank').optional(),
    bankIsCreditor: z.boolean(),
    conflict: conflictDeclarationSchema.optional(),
  })
  .meta({ id: 'AddRvStaffMemberBody', description: 'A council PM/SM/staff member; a declaration when seconded from a creditor bank' });

export const appointRvExpertBodySchema = z
  .strictObject({
    email: emailSchema,
    displayName: displayNameSchema,
    organizationName: text(100, 'rvTeam.organization'),
    qualification: rvExpertQualificationSchema,
    duty: rvExpertDutySchema,
    scopes: z
      .array(rvExpertScopeSchema)
      .min(1, 'rvTeam.scopes')
      .refine((s) => s.includes('case.read'), 'rvTeam.scopes'),
    expiresOn: z.iso.date('rvTeam.expiresOn'),
    conflict: conflictDeclarationSchema,
  })
  .meta({
    id: 'AppointRvExpertBody',
    description: 'Appoint an external expert: an invitation that becomes a case grant with these scopes until the end date',
  });

export const RV_MEMBER_END_KINDS = ['dismissed', 'term_ended'] as const;
export const rvMemberEndKindSchema = z
  .enum(RV_MEMBER_END_KINDS, { error: 'rvTeam.endKind' })
  .meta({ id: 'RvMemberEndKind', description: '解任 (dismissed) · 任期終了 (term ended before the end date)' });

export const endRvMemberBodySchema = z
  .strictObject({
    endedOn: z.iso.date('rvTeam.endedOn'),
    endKind: rvMemberEndKindSchema,
    reason: text(1000, 'rvTeam.endReason'),
  })
  .meta({
    id: 'EndRvMemberBody',
    description: 'End a membership: the date (from the appointment day to today, JST), 解任 or 任期終了, and why',
  });

export const saveRealBalanceSheetBodySchema = z
  .strictObject({
    asOf: z.iso.date('realBs.asOf'),
    balanceSheet: balanceSheetSchema,
    adjustments: z.array(realBalanceSheetAdjustmentSchema).max(200, 'list.tooLong'),
    treatOfficerLoansAsEquity: z.boolean(),
  })
  .meta({ id: 'SaveRealBalanceSheetBody', description: '実態BS: book balance sheet, adjustments with reasons, officer-loan choice' });

export const businessPlanYearSchema = z.strictObject({ sales: yenSchema, ordinaryProfit: yenSchema }).meta({ id: 'BusinessPlanYear' });

export const saveBusinessPlanBodySchema = z
  .strictObject({
    planYears: z.number().int('businessPlan.years').min(1, 'businessPlan.years').max(10, 'businessPlan.years'),
    startsOn: z.iso.date('businessPlan.startsOn'),
    causesOfDistress: text(4000, 'businessPlan.causes'),
    measures: text(4000, 'businessPlan.measures'),
    years: z.array(businessPlanYearSchema).min(1, 'businessPlan.yearsList').max(10, 'businessPlan.yearsList'),
  })
  .superRefine((v, ctx) => {
    if (v.years.length !== v.planYears) ctx.addIssue({ code: 'custom', path: ['years'], message: 'businessPlan.yearsList' });
  })
  .meta({ id: 'SaveBusinessPlanBody', description: '事業計画 draft: causes of distress, measures, yearly sales and ordinary profit' });

export const rvSupportMeasureSchema = z
  .enum(RV_SUPPORT_MEASURES)
  .meta({ id: 'RvSupportMeasure', description: 'リスケ · DDS · DES · 債権放棄 · 第二会社方式' });

const nonNegativeYen = yenSchema.min(0, 'amount.nonNegative');

export const saveSupportDesignBodySchema = z
  .strictObject({
    measures: z.array(rvSupportMeasureSchema).min(1, 'supportDesign.measures'),
    /** Interest-only (元金据置) months of a rescheduling. */
    reschedulingGraceMonths: z
      .number()
      .int('supportDesign.graceMonths')
      .min(0, 'supportDesign.graceMonths')
      .max(120, 'supportDesign.graceMonths')
      .optional(),
    ddsAmount: nonNegativeYen.optional(),
    desAmount: nonNegativeYen.optional(),
    forgivenessAmount: nonNegativeYen.optional(),
    notes: z.string().trim().max(4000, 'supportDesign.notes').optional(),
    /** Answers to the forgiveness requirements (keys from the dated data file). */
    requirements: z
      .array(
        z.strictObject({
          key: z.string().regex(/^[a-zA-Z]+$/, 'supportDesign.requirementKey'),
          status: z.enum(['met', 'not_met', 'not_applicable']),
          note: z.string().trim().max(2000, 'supportDesign.notes').optional(),
        }),
      )
      .max(50, 'list.tooLong'),
    liquidation: z
      .strictObject({
        liquidationAssets: nonNegativeYen,
        priorityClaims: nonNegativeYen,
        unsecuredClaims: nonNegativeYen,
      })
      .optional(),
  })
  .meta({
    id: 'SaveSupportDesignBody',
    description: '金融支援策: measures and amounts; when forgiveness is sought, every requirement answered and the liquidation comparison',
  });

const conflictOut = z.object({ hasConflict: z.boolean(), details: z.string().nullable(), declaredAt: z.string() }).nullable();

export const rvTeamMemberSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['staff', 'expert']),
    name: z.string(),
    position: rvStaffPositionSchema.nullable(),
    secondedFromBank: z.string().nullable(),
    bankIsCreditor: z.boolean(),
    email: z.string().nullable(),
    organization: z.string().nullable(),
    qualification: rvExpertQualificationSchema.nullable(),
    duty: rvExpertDutySchema.nullable(),
    scopes: z.array(z.string()),
    expiresOn: z.string().nullable(),
    /** For an expert: invited (not accepted yet), active (live grant), expired, revoked, or ended (the appointment ended). */
    grantStatus: z.enum(['invited', 'active', 'expired', 'revoked', 'ended']).nullable(),
    conflict: conflictOut,
    appointedByName: z.string().nullable(),
    appointedAt: z.string(),
    /** Set once the membership ended (kept with its declaration); date, kind and reason are null for older rows. */
    ended: z
      .object({
        endedOn: z.string().nullable(),
        endKind: rvMemberEndKindSchema.nullable(),
        reason: z.string().nullable(),
        endedByName: z.string().nullable(),
        endedAt: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'RvTeamMember' });

const versionSchema = z.object({ version: z.number().int(), createdByName: z.string().nullable(), createdAt: z.string() });

export const revitalizationSchema = z
  .object({
    profile: z
      .object({
        teamType: rvTeamTypeSchema,
        supportKind: rvSupportKindSchema,
        forgivenessExpected: z.boolean(),
        updatedByName: z.string().nullable(),
        updatedAt: z.string(),
      })
      .nullable(),
    team: z.array(rvTeamMemberSchema),
    compositionNotes: z.array(z.object({ code: z.string(), message: localizedTextSchema })),
    staffCandidates: z.array(z.object({ id: z.string(), name: z.string() })),
    realBalanceSheet: versionSchema
      .extend({
        asOf: z.string(),
        input: saveRealBalanceSheetBodySchema,
        result: realBalanceSheetResultSchema,
      })
      .nullable(),
    realBalanceSheetVersions: z.array(versionSchema.extend({ asOf: z.string() })),
    businessPlan: versionSchema
      .extend({
        planYears: z.number().int(),
        startsOn: z.string(),
        causesOfDistress: z.string(),
        measures: z.string(),
        years: z.array(businessPlanYearSchema),
        firstProfitableYear: z.number().int().nullable(),
      })
      .nullable(),
    businessPlanVersions: z.array(versionSchema.extend({ planYears: z.number().int() })),
    supportDesign: versionSchema
      .extend({
        input: saveSupportDesignBodySchema,
        seeksForgiveness: z.boolean(),
        liquidationComparison: z
          .object({ liquidationDividendBp: z.number().int(), planRecoveryBp: z.number().int(), met: z.boolean() })
          .nullable(),
      })
      .nullable(),
    supportDesignVersions: z.array(versionSchema.extend({ seeksForgiveness: z.boolean() })),
    forgivenessRequirements: z.object({
      version: z.string(),
      sources: z.array(z.string()),
      items: z.array(
        z.object({ key: z.string(), label: localizedTextSchema, hint: localizedTextSchema, liquidationComparison: z.boolean() }),
      ),
    }),
    facts: z.object({ teamHasExpert: z.boolean(), realBalanceSheetExists: z.boolean(), businessPlanExists: z.boolean() }),
    abilities: z.object({ write: z.boolean(), appointExperts: z.boolean() }),
  })
  .meta({ id: 'Revitalization', description: '再生支援: team, 実態BS and business plan of a case (council only)' });

export const rvMemberParamsSchema = z.strictObject({ caseId: z.uuid(), memberId: z.uuid() });

export type SaveRvProfileBody = z.infer<typeof saveRvProfileBodySchema>;
export type AddRvStaffMemberBody = z.infer<typeof addRvStaffMemberBodySchema>;
export type AppointRvExpertBody = z.infer<typeof appointRvExpertBodySchema>;
export type EndRvMemberBody = z.infer<typeof endRvMemberBodySchema>;
export type SaveRealBalanceSheetBody = z.infer<typeof saveRealBalanceSheetBodySchema>;
export type SaveBusinessPlanBody = z.infer<typeof saveBusinessPlanBodySchema>;
export type Revitalization = z.infer<typeof revitalizationSchema>;
export type RvTeamMember = z.infer<typeof rvTeamMemberSchema>;
export type SaveSupportDesignBody = z.infer<typeof saveSupportDesignBodySchema>;
