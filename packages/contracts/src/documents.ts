import { z } from 'zod';

export const documentTypeSchema = z
  .enum([
    'financial_statements',
    'trial_balance',
    'cash_flow_table',
    'borrowings_list',
    'financial_dd_report',
    'business_dd_report',
    'business_plan',
    'revitalization_plan',
    'survey_report',
    'referral_letter',
    'interview_summary',
    'consent_form',
    'other',
  ])
  .meta({
    id: 'DocumentType',
    description: '決算書, 試算表, 資金繰り表, 借入金一覧, 財務DD, 事業DD, 事業計画, 再生計画, 調査報告書, 紹介状, 面談記録, 同意書, その他',
  });

export const documentVisibilitySchema = z.enum(['council_internal', 'team', 'company', 'creditors']).meta({
  id: 'DocumentVisibility',
  description:
    'A ladder: council_internal (council only) · team (+ experts, lawyers) · company (+ the company) · creditors (+ target creditors)',
});

export const documentVersionSchema = z
  .object({
    version: z.number().int(),
    filename: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.string(),
    uploadedBy: z.string().nullable(),
  })
  .meta({ id: 'DocumentVersion' });

export const documentSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    docType: documentTypeSchema,
    title: z.string(),
    visibility: documentVisibilitySchema,
    createdAt: z.string(),
    versions: z.array(documentVersionSchema),
    abilities: z.object({ addVersion: z.boolean(), changeVisibility: z.boolean() }),
  })
  .meta({ id: 'Document' });

export const documentListSchema = z
  .object({
    items: z.array(documentSchema),
    abilities: z.object({ upload: z.boolean(), allowedVisibilities: z.array(documentVisibilitySchema) }),
  })
  .meta({ id: 'DocumentList' });

/** Fields of the multipart upload (sent before the file part). */
export const uploadDocumentFieldsSchema = z
  .strictObject({
    docType: documentTypeSchema,
    title: z.string().trim().min(1, 'documentTitle.length').max(200, 'documentTitle.length'),
    visibility: documentVisibilitySchema,
  })
  .meta({ id: 'UploadDocumentFields' });

export const documentParamsSchema = z.strictObject({ caseId: z.uuid(), documentId: z.uuid() });
export const documentVersionParamsSchema = z.strictObject({
  caseId: z.uuid(),
  documentId: z.uuid(),
  version: z.coerce.number().int().min(1).max(10_000),
});

export const changeVisibilityBodySchema = z.strictObject({ visibility: documentVisibilitySchema }).meta({ id: 'ChangeVisibilityBody' });

export type DocumentList = z.infer<typeof documentListSchema>;
export type DocumentItem = z.infer<typeof documentSchema>;
