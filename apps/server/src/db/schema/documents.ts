import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgPolicy, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { councils } from './directory';
import { grantedCaseIds } from './cases';
import { appRole } from './roles';

export const DOCUMENT_TYPES = [
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
] as const;

/**
 * Who may see a document, as a ladder of audiences: each class adds one audience to the previous one.
 * council_internal: council staff · team: + appointed experts and lawyers · company: + the company ·
 * creditors: + target creditors (banks).
 */
export const DOCUMENT_VISIBILITIES = ['council_internal', 'team', 'company', 'creditors'] as const;

/**
 * Typed documents of a case (or, for the intake issue, of a consultation request before a case exists). Metadata here;
 * the bytes of every version are stored encrypted under the council's data key (document_versions.storage_key).
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: smallint('council_id')
      .notNull()
      .references(() => councils.id),
    caseId: uuid('case_id'),
    requestId: uuid('request_id'),
    docType: text('doc_type', { enum: DOCUMENT_TYPES }).notNull(),
    title: text('title').notNull(),
    visibility: text('visibility', { enum: DOCUMENT_VISIBILITIES }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('documents_one_owner', sql`(${t.caseId} is null) <> (${t.requestId} is null)`),
    index('documents_case_idx').on(t.caseId, t.createdAt),
    pgPolicy('documents_council', {
      for: 'all',
      to: appRole,
      using: sql`${t.councilId} = app.council_id()`,
      withCheck: sql`${t.councilId} = app.council_id()`,
    }),
    pgPolicy('documents_granted_read', {
      for: 'select',
      to: appRole,
      using: sql`(${t.visibility} in ('team', 'company', 'creditors') and ${t.caseId} in ${grantedCaseIds('documents.team')})
        or (${t.visibility} in ('company', 'creditors') and ${t.caseId} in ${grantedCaseIds('documents.company')})
        or (${t.visibility} = 'creditors' and ${t.caseId} in ${grantedCaseIds('documents.creditors')})`,
    }),
    pgPolicy('documents_granted_upload', {
      for: 'insert',
      to: appRole,
      withCheck: sql`${t.visibility} in ('team', 'company') and ${t.caseId} in ${grantedCaseIds('documents.upload')}`,
    }),
  ],
).enableRLS();

/** Versions: every upload is a new version; nothing is overwritten. Visible when the document is. */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    councilId: smallint('council_id')
      .notNull()
      .references(() => councils.id),
    version: integer('version').notNull(),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** SHA-256 of the plaintext bytes. */
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('document_versions_version_key').on(t.documentId, t.version),
    pgPolicy('document_versions_visible', {
      for: 'select',
      to: appRole,
      using: sql`${t.documentId} in (select d.id from documents d)`,
    }),
    pgPolicy('document_versions_add', {
      for: 'insert',
      to: appRole,
      withCheck: sql`${t.documentId} in (select d.id from documents d)
        and (${t.councilId} = app.council_id() or ${t.documentId} in (select d.id from documents d
          where d.visibility in ('team', 'company') and d.case_id in ${grantedCaseIds('documents.upload')}))`,
    }),
  ],
).enableRLS();
