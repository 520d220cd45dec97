import { z } from 'zod';
import { checkCorporateNumber, normalizeKana, parsePostalCode } from '@kasseika/domain';
import { emailSchema } from './auth';
import { caseStageSchema } from './case-workflow';

/**
 * The public consultation request (相談申込) and the council's intake inbox. The same schemas validate the web form
 * and the API, so the form shows every field message the server would give.
 */

const yen = (max: number) =>
  z.number('amount.number').int('amount.integerYen').min(0, 'amount.nonNegative').max(max, 'intake.amountTooLarge');

const optionalText = (max: number, key: string) => z.string().trim().max(max, key).optional();

export const intakeCompanySchema = z.strictObject({
  /** 法人番号; empty for sole proprietors. Check digit validated. */
  corporateNumber: z
    .string()
    .trim()
    .max(40, 'corporateNumber.format')
    .refine((v) => v === '' || checkCorporateNumber(v).ok, {
      error: (issue) =>
        typeof issue.input === 'string' && /^\d{13}$/.test(issue.input.normalize('NFKC').replace(/[\s-]/g, ''))
          ? 'corporateNumber.checkDigit'
          : 'corporateNumber.format',
    })
    .optional(),
  name: z.string().trim().min(1, 'companyName.length').max(100, 'companyName.length'),
  /** フリガナ: カタカナ (ひらがな and 半角カナ accepted, stored as 全角カタカナ). */
  nameKana: z
    .string()
    .trim()
    .min(1, 'companyNameKana.format')
    .max(200, 'companyNameKana.format')
    .refine((v) => normalizeKana(v) !== null, 'companyNameKana.format'),
  postalCode: z
    .string()
    .trim()
    .max(20, 'intake.postalCode')
    .refine((v) => parsePostalCode(v) !== null, 'intake.postalCode'),
  prefectureCode: z.string().regex(/^(0[1-9]|[1-3]\d|4[0-7])$/, 'intake.prefecture'),
  /** 市区町村 and the rest of the address (after the prefecture). */
  address: z.string().trim().min(1, 'intake.address').max(200, 'intake.address'),
  /** 日本標準産業分類 中分類 (two digits). */
  industryCode: z.string().regex(/^\d{2}$/, 'intake.industry'),
  employees: z.number('intake.employees').int('intake.employees').min(0, 'intake.employees').max(1_000_000, 'intake.employees'),
  /** 資本金 in yen; null for sole proprietors. */
  capitalYen: yen(1_000_000_000_000).nullable(),
  fiscalYearEndMonth: z.number('fiscalMonth.range').int('fiscalMonth.range').min(1, 'fiscalMonth.range').max(12, 'fiscalMonth.range'),
  /** 年間売上高 in yen (the latest year). */
  annualSalesYen: yen(100_000_000_000_000),
});

export const intakeContactSchema = z.strictObject({
  name: z.string().trim().min(1, 'intake.contactName').max(100, 'intake.contactName'),
  title: optionalText(100, 'intake.contactTitle'),
  email: emailSchema,
  phone: z
    .string()
    .trim()
    .refine((v) => /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/.test(v.normalize('NFKC').replace(/[\u2010-\u2015\u2212\u30fc]/g, '-')), 'intake.phone'),
});

export const PREFERRED_CONTACT_METHODS = ['email', 'phone', 'either'] as const;

export const consultationRequestBodySchema = z
  .strictObject({
    /** The signed form token from GET /consultation-requests/form (issue time → minimum fill time). */
    formToken: z.string().min(10, 'intake.formToken').max(400, 'intake.formToken'),
    /** Honeypot: hidden from people and assistive technology; must stay empty. */
    website: z.string().max(400).optional(),
    company: intakeCompanySchema,
    contact: intakeContactSchema,
    /** Checklist item ids (data/intake/self-check) the company ticked. */
    needs: z.array(z.string().regex(/^[a-z]{2}\.[a-z_]{1,40}$/, 'intake.needs')).max(20, 'intake.needs'),
    /** Free text (encrypted at rest). */
    message: z.string().trim().max(4000, 'intake.message'),
    preferredContact: z.enum(PREFERRED_CONTACT_METHODS, 'intake.preferredContact'),
    /** Another council than the prefecture's (e.g. the head office is elsewhere); needs a reason. */
    councilOverride: z
      .strictObject({
        prefectureCode: z.string().regex(/^(0[1-9]|[1-3]\d|4[0-7])$/, 'intake.prefecture'),
        reason: z.string().trim().min(1, 'intake.overrideReason').max(500, 'intake.overrideReason'),
      })
      .nullable()
      .optional(),
    privacyConsent: z.literal(true, 'intake.privacyConsent'),
  })
  .meta({ id: 'ConsultationRequestBody' });

export const consultationFormSchema = z
  .object({
    formToken: z.string(),
    minimumFillSeconds: z.number().int(),
    industries: z.array(
      z.object({
        code: z.string(),
        nameJa: z.string(),
        nameEn: z.string(),
        divisions: z.array(z.object({ code: z.string(), nameJa: z.string(), nameEn: z.string() })),
      }),
    ),
    industryEdition: z.string(),
    checklists: z.array(
      z.object({
        id: z.string(),
        titleJa: z.string(),
        titleEn: z.string(),
        items: z.array(z.object({ id: z.string(), ja: z.string(), en: z.string() })),
      }),
    ),
    documents: z.array(z.object({ id: z.string(), ja: z.string(), en: z.string() })),
    debtRepaymentYearsConcern: z.number(),
  })
  .meta({ id: 'ConsultationForm', description: 'A fresh form token and the choices of the consultation request form' });

export const consultationReceiptSchema = z
  .object({
    referenceNo: z.string(),
    councilName: z.string(),
    /** Until when the verification link in the mail works. */
    verifyBy: z.string(),
  })
  .meta({ id: 'ConsultationReceipt' });

export const verifyConsultationBodySchema = z
  .strictObject({ token: z.string().min(10, 'token.format').max(200, 'token.format') })
  .meta({ id: 'VerifyConsultationBody' });

export const consultationVerifiedSchema = z
  .object({ referenceNo: z.string(), caseReferenceNo: z.string(), councilName: z.string(), email: z.string() })
  .meta({ id: 'ConsultationVerified' });

export const intakeInboxItemSchema = z.object({
  caseId: z.string(),
  caseReferenceNo: z.string(),
  requestReferenceNo: z.string(),
  companyName: z.string(),
  companyNameKana: z.string().nullable(),
  corporateNumber: z.string().nullable(),
  prefectureCode: z.string(),
  industryCode: z.string(),
  employees: z.number().int(),
  annualSalesYen: z.number().int(),
  needs: z.array(z.string()),
  preferredContact: z.enum(PREFERRED_CONTACT_METHODS),
  contactName: z.string(),
  message: z.string(),
  councilOverrideReason: z.string().nullable(),
  verifiedAt: z.string(),
  stage: caseStageSchema,
  /** Reference numbers of this council's other cases with the same 法人番号 or the same name and address. */
  possibleDuplicates: z.array(z.object({ caseId: z.string(), caseReferenceNo: z.string(), companyName: z.string() })),
});

export const intakeInboxSchema = z
  .object({ items: z.array(intakeInboxItemSchema), abilities: z.object({ decide: z.boolean() }) })
  .meta({ id: 'IntakeInbox' });

export const intakeDecisionBodySchema = z
  .strictObject({
    decision: z.enum(['accept', 'decline'], 'intake.decision'),
    reason: z.string().trim().min(1, 'transitionReason.length').max(2000, 'transitionReason.length'),
  })
  .meta({ id: 'IntakeDecisionBody' });

/** 〒 → 住所 completion for the request form (offline postal data). */
export const postalAddressQuerySchema = z.strictObject({
  postalCode: z
    .string()
    .trim()
    .max(20, 'intake.postalCode')
    .refine((v) => parsePostalCode(v) !== null, 'intake.postalCode'),
});

export const postalAddressListSchema = z
  .object({
    items: z.array(z.object({ prefectureCode: z.string(), prefecture: z.string(), city: z.string(), town: z.string() })),
  })
  .meta({ id: 'PostalAddressList' });

export type PostalAddressList = z.infer<typeof postalAddressListSchema>;
export type ConsultationRequestBody = z.infer<typeof consultationRequestBodySchema>;
export type ConsultationForm = z.infer<typeof consultationFormSchema>;
export type ConsultationReceipt = z.infer<typeof consultationReceiptSchema>;
export type ConsultationVerified = z.infer<typeof consultationVerifiedSchema>;
export type IntakeInbox = z.infer<typeof intakeInboxSchema>;
export type IntakeInboxItem = z.infer<typeof intakeInboxItemSchema>;
export type IntakeDecisionBody = z.infer<typeof intakeDecisionBodySchema>;
