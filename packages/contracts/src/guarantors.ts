import { z } from 'zod';
import { localizedTextSchema } from './problem';
import { isoDateSchema, list, nonNegativeYenSchema, stepSchema } from './calculations/common';

/**
 * Guarantors of the company's debts (経営者保証) and their personal assets, on a case: a designated sensitive field,
 * encrypted at rest, saved as revisions. The 残存資産 estimate of each guarantor comes back with its steps.
 *
 * @see ../../../../shared/domain/REFERENCE.md §4.1
 */

export const GUARANTOR_RELATIONSHIPS = ['owner', 'owner_family', 'successor', 'third_party'] as const;
export const WORKOUT_TYPES = ['integrated', 'standalone', 'undecided'] as const;
export const PERSONAL_ASSET_KINDS = ['cash', 'deposits', 'home', 'real_estate', 'securities', 'insurance', 'vehicle', 'other'] as const;

const shortText = z.string().trim().max(200, 'shortText.length');

export const personalAssetSchema = z
  .strictObject({
    kind: z.enum(PERSONAL_ASSET_KINDS, { error: 'assetKind.value' }),
    description: shortText,
    value: nonNegativeYenSchema.meta({ description: 'Appraised value in yen (時価)' }),
  })
  .meta({ id: 'PersonalAsset' });

export const guaranteeSchema = z
  .strictObject({
    creditorName: z.string().trim().min(1, 'text.length').max(200, 'text.length'),
    amount: nonNegativeYenSchema.meta({ description: 'Guaranteed balance in yen' }),
  })
  .meta({ id: 'Guarantee' });

export const guarantorInputSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'guarantorName.length').max(100, 'guarantorName.length'),
    relationship: z.enum(GUARANTOR_RELATIONSHIPS, { error: 'guarantor.relationship' }),
    birthDate: isoDateSchema.nullable(),
    workoutType: z.enum(WORKOUT_TYPES, { error: 'guarantor.workoutType' }),
    assumedBenefitDays: z
      .number({ error: 'benefitDays.range' })
      .int('benefitDays.range')
      .min(0, 'benefitDays.range')
      .max(330, 'benefitDays.range')
      .nullable()
      .meta({ description: 'Days of living costs the council assumes; null = the maximum of the age band' }),
    keepsHome: z.boolean().meta({ description: 'The guarantor asks to keep a non-luxurious home (華美でない自宅)' }),
    guarantees: z.array(guaranteeSchema).max(30, 'list.tooLong'),
    assets: z.array(personalAssetSchema).max(50, 'list.tooLong'),
    note: z.string().trim().max(2000, 'note.length'),
  })
  .meta({ id: 'GuarantorInput' });

export const saveGuarantorsBodySchema = z
  .strictObject({
    guarantors: z.array(guarantorInputSchema).max(10, 'guarantors.count'),
    /** The revision the user started from (null for the first save); a newer one saved meanwhile is refused (409). */
    expectedRevision: z.number().int().min(1).nullable(),
  })
  .meta({ id: 'SaveGuarantorsBody' });

export const residualAssetsEstimateSchema = z
  .object({
    ruleSetId: z.string(),
    age: z.number().int().nullable(),
    band: z.object({ minDays: z.number().int(), maxDays: z.number().int() }).nullable(),
    benefitDays: z.number().int(),
    freeAssets: z.number().int(),
    livingCost: z.number().int(),
    residualAssets: z.number().int(),
    range: z.object({ min: z.number().int(), max: z.number().int() }),
    assetsTotal: z.number().int(),
    homeKept: z.number().int(),
    availableForRepayment: z.number().int(),
    guaranteedTotal: z.number().int(),
    remainingGuaranteeDebt: z.number().int(),
    warnings: list(localizedTextSchema),
    steps: list(stepSchema),
  })
  .meta({ id: 'ResidualAssetsEstimate', description: '残存資産 estimate of one guarantor (REFERENCE §4.1)' });

export const caseGuarantorsSchema = z
  .object({
    revision: z.number().int().nullable().meta({ description: 'null: nothing entered yet' }),
    referenceDate: isoDateSchema.meta({ description: 'The date ages and the rule set are taken on' }),
    guarantors: z.array(guarantorInputSchema.extend({ estimate: residualAssetsEstimateSchema })),
    ruleSet: z.object({
      id: z.string(),
      name: localizedTextSchema,
      verified: z.boolean(),
      sources: list(z.object({ url: z.string(), quality: z.string(), note: z.string().optional() })),
      notes: list(z.string()),
    }),
    enteredByName: z.string().nullable(),
    enteredAt: z.string().nullable(),
    abilities: z.object({ write: z.boolean() }),
  })
  .meta({ id: 'CaseGuarantors', description: 'Guarantors and their personal assets on a case (latest revision)' });

export type GuarantorInput = z.infer<typeof guarantorInputSchema>;
export type SaveGuarantorsBody = z.infer<typeof saveGuarantorsBodySchema>;
export type CaseGuarantors = z.infer<typeof caseGuarantorsSchema>;
export type ResidualAssetsEstimateView = z.infer<typeof residualAssetsEstimateSchema>;
