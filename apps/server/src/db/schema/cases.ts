import { sql } from 'drizzle-orm';
import { check, index, pgPolicy, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { CASE_OUTCOMES, CASE_STAGES, CASE_TRACKS } from '@kasseika/domain';
import { councils } from './directory';
import { appRole } from './roles';

/** The tenant predicate: the row's council is the transaction's council (fails closed when unset). */
export const tenantPredicate = sql`council_id = app.council_id()`;

/**
 * The cases on which the transaction's user holds an unexpired, unrevoked grant with the given scope. Written inline
 * (a hashed subplan evaluated once per query), not as a per-row function call.
 */
export function grantedCaseIds(scope: string) {
  return sql.raw(`(select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and '${scope.replace(/'/g, "''")}' = any(g.scopes))`);
}

/** What the case list's search box looks in (see `support_cases.search_text`). */
const SEARCH_TEXT = sql.raw(
  `lower(reference_no || '|' || company_name || '|' || coalesce(replace(company_name_kana, ' ', ''), '') || '|' || coalesce(corporate_number, ''))`,
);

/**
 * A support case (支援案件): one company's matter at one council. The first tenant table; later issues add the
 * track, stage, team and the rest. Row-level security: a transaction sees and writes only its council's rows.
 */
export const supportCases = pgTable(
  'support_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: smallint('council_id')
      .notNull()
      .references(() => councils.id),
    referenceNo: text('reference_no').notNull(),
    companyName: text('company_name').notNull(),
    /** フリガナ of the company name, normalised to full-width katakana (search). */
    companyNameKana: text('company_name_kana'),
    /** 法人番号 (13 digits, check digit validated), when the company is a corporation. */
    corporateNumber: text('corporate_number'),
    /**
     * What the case list's search box looks in, kept by PostgreSQL: reference number, company name, フリガナ without
     * spaces and 法人番号, lower-cased, in one column — one case-sensitive LIKE instead of four ILIKEs (see
     * bench/cases). Only plaintext columns go in; encrypted ones never do.
     */
    searchText: text('search_text').notNull().generatedAlwaysAs(SEARCH_TEXT),
    /** The company organisation, once it exists (intake creates it). */
    companyOrganizationId: uuid('company_organization_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Workflow stage (`@kasseika/domain` CASE_STAGES); changed only through a recorded transition. */
    stage: text('stage', { enum: CASE_STAGES }).notNull().default('desk_consultation'),
    /** The stage-2 track once triage chose one (kept after closing, for statistics). */
    track: text('track', { enum: CASE_TRACKS }),
    outcome: text('outcome', { enum: CASE_OUTCOMES }),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    unique('support_cases_reference_key').on(t.councilId, t.referenceNo),
    index('support_cases_corporate_number_idx').on(t.councilId, t.corporateNumber),
    // Keyset pages of the staff case list (newest first): all cases, by stage, by track.
    index('support_cases_council_created_idx').on(t.councilId, t.createdAt, t.id),
    index('support_cases_council_stage_created_idx').on(t.councilId, t.stage, t.createdAt, t.id),
    index('support_cases_council_track_created_idx').on(t.councilId, t.track, t.createdAt, t.id),
    check('support_cases_closed_consistent', sql`(${t.stage} = 'closed') = (${t.closedAt} is not null and ${t.outcome} is not null)`),
    pgPolicy('support_cases_tenant_isolation', {
      as: 'permissive',
      for: 'all',
      to: appRole,
      using: tenantPredicate,
      withCheck: tenantPredicate,
    }),
    pgPolicy('support_cases_granted_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`${t.id} in ${grantedCaseIds('case.read')}`,
    }),
  ],
).enableRLS();

/**
 * The search grams of each case (ADR 0020): every distinct bigram of `support_cases.search_text` and every 4-digit
 * run inside it, kept by the trigger `support_cases_search_terms` in the transaction that writes the case. A search
 * finds its candidates here by equality (`term = any(…)` is leakproof, so the primary key applies under row-level
 * security) and confirms them with the LIKE over `search_text`. Derived data: no foreign key, the trigger also
 * removes a deleted case's grams.
 */
export const caseSearchTerms = pgTable(
  'case_search_terms',
  {
    councilId: smallint('council_id').notNull(),
    term: text('term').notNull(),
    caseId: uuid('case_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'case_search_terms_pkey', columns: [t.councilId, t.term, t.caseId] }),
    pgPolicy('case_search_terms_tenant_isolation', {
      as: 'permissive',
      for: 'all',
      to: appRole,
      using: tenantPredicate,
      withCheck: tenantPredicate,
    }),
  ],
).enableRLS();

/**
 * The history of a case's workflow: who moved it from which stage to which, when and why (the reason is encrypted
 * under the council's data key — it often names the company's troubles). Append-only for the app role.
 */
export const caseTransitions = pgTable(
  'case_transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: smallint('council_id')
      .notNull()
      .references(() => councils.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => supportCases.id),
    event: text('event').notNull(),
    fromStage: text('from_stage', { enum: CASE_STAGES }).notNull(),
    toStage: text('to_stage', { enum: CASE_STAGES }).notNull(),
    actorUserId: uuid('actor_user_id').notNull(),
    /** AES-256-GCM envelope (FieldCipher), place `case_transitions.reason`. */
    reasonEnc: text('reason_enc').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_transitions_case_idx').on(t.caseId, t.at),
    pgPolicy('case_transitions_tenant_isolation', {
      as: 'permissive',
      for: 'all',
      to: appRole,
      using: tenantPredicate,
      withCheck: tenantPredicate,
    }),
  ],
).enableRLS();
