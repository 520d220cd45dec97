import { index, pgPolicy, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tenantPredicate } from './cases';
import { councils } from './directory';
import { appRole } from './roles';

/**
 * A consultation request (相談申込) from the public form, addressed to one council (the company's prefecture, or
 * another chosen with a reason). It waits for email verification (48 h); verifying creates the company, the
 * support case at `intake` and the company's account invitation. Tenant data of that council: the public form and
 * the verification link act in the council's context (the link carries the council), and RLS admits only its rows.
 *
 * Contact details, the address and the free text are sealed with the council's data key (`details_enc`); the name,
 * フリガナ and 法人番号 stay searchable like on `support_cases`. `duplicate_keys` hold SHA-256 digests of the
 * comparison keys (法人番号; normalised name + address) for the possible-duplicate flag.
 *
 * @see ../../../../../docs/adr/0012-public-consultation-intake.md
 */
export const consultationRequests = pgTable(
  'consultation_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: smallint('council_id')
      .notNull()
      .references(() => councils.id),
    /** Shown to the requester at once (e.g. R-7K3M-Q9PX); the case gets its own number on verification. */
    referenceNo: text('reference_no').notNull(),
    /** SHA-256 of the verification token (single use). */
    tokenHash: text('token_hash').notNull(),
    companyName: text('company_name').notNull(),
    companyNameKana: text('company_name_kana').notNull(),
    corporateNumber: text('corporate_number'),
    /** The company's prefecture (JIS code), which selects the council unless overridden. */
    prefectureCode: text('prefecture_code').notNull(),
    duplicateKeys: text('duplicate_keys').array().notNull(),
    /** AES-256-GCM envelope (FieldCipher), place `consultation_requests.email:<id>`. */
    emailEnc: text('email_enc').notNull(),
    /** AES-256-GCM envelope of the JSON details (contact, address, figures, needs, message, override reason). */
    detailsEnc: text('details_enc').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    caseId: uuid('case_id'),
  },
  (t) => [
    unique('consultation_requests_reference_key').on(t.referenceNo),
    unique('consultation_requests_token_key').on(t.tokenHash),
    index('consultation_requests_case_idx').on(t.councilId, t.caseId),
    pgPolicy('consultation_requests_tenant_isolation', {
      as: 'permissive',
      for: 'all',
      to: appRole,
      using: tenantPredicate,
      withCheck: tenantPredicate,
    }),
  ],
).enableRLS();
