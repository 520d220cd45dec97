import { and, asc, count, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { CaseEvent, CaseOutcome, CaseSearchTerms, CaseStage, CaseTrack } from '@kasseika/domain';
import {
  auditEvents,
  caseGrants,
  caseTasks,
  caseTransitions,
  councils,
  invitations,
  organizations,
  supportCases,
  users,
  memberships,
  caseConfidentialityLifts,
} from '../../db/schema';
import { searchCandidates, searchPatterns, type CaseSearchGrams } from './case-search.repository';

export interface CaseRow {
  readonly id: string;
  readonly councilId: number;
  readonly councilName: string;
  readonly referenceNo: string;
  readonly companyName: string;
  readonly companyOrganizationId: string | null;
  readonly createdAt: Date;
  readonly stage: CaseStage;
  readonly track: CaseTrack | null;
  readonly outcome: CaseOutcome | null;
  readonly stageChangedAt: Date;
}

const caseColumns = {
  id: supportCases.id,
  councilId: supportCases.councilId,
  councilName: councils.name,
  referenceNo: supportCases.referenceNo,
  companyName: supportCases.companyName,
  companyOrganizationId: supportCases.companyOrganizationId,
  createdAt: supportCases.createdAt,
  stage: supportCases.stage,
  track: supportCases.track,
  outcome: supportCases.outcome,
  stageChangedAt: supportCases.stageChangedAt,
};

/** Escapes LIKE wildcards in user input. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Where a keyset page starts: after (older than) or before (newer than) this row of the list order. */
export interface CaseListKey {
  readonly direction: 'after' | 'before';
  /** created_at in UTC with microseconds, as PostgreSQL gave it (`2026-04-01T00:00:00.123456Z`). */
  readonly createdAt: string;
  readonly id: string;
}

/** Filters of the staff case list (all optional; they combine with AND). */
export interface CaseListFilter {
  /** The staff member's council: narrows to it explicitly so the keyset indexes apply (RLS still decides). */
  readonly councilId: number | null;
  readonly track?: CaseTrack | undefined;
  readonly stage?: CaseStage | undefined;
  /** Cases with an open task assigned to this user. */
  readonly assigneeUserId?: string | undefined;
  /** Only cases with an open task due before this JST date (YYYY-MM-DD). */
  readonly overdueBefore?: string | undefined;
  readonly search?: CaseSearchTerms | null | undefined;
  /** The search's grams in case_search_terms (`chooseSearchGrams`), for staff lists; absent or null: no narrowing. */
  readonly searchGrams?: CaseSearchGrams | undefined;
}

export interface CaseListRow extends CaseRow {
  readonly companyNameKana: string | null;
  readonly corporateNumber: string | null;
  /** The row's keyset position (see CaseListKey.createdAt). */
  readonly createdAtKey: string;
}

/**
 * Rows whose search_text contains the pattern: the exact test of a search, one LIKE over one column. Row-level
 * security lets only leakproof operators into an index condition, and LIKE is not leakproof, so on its own it reads
 * the council's rows; the candidates from case_search_terms (equality, leakproof) narrow them first (ADR 0020).
 */
function contains(pattern: string) {
  return sql`${supportCases.searchText} like lower(${pattern})`;
}

function caseListWhere(f: CaseListFilter) {
  const s = f.search;
  return and(
    f.councilId === null ? undefined : eq(supportCases.councilId, f.councilId),
    f.track ? eq(supportCases.track, f.track) : undefined,
    f.stage ? eq(supportCases.stage, f.stage) : undefined,
    f.assigneeUserId
      ? sql`exists (select 1 from ${caseTasks} t where t.case_id = ${supportCases.id} and t.status = 'open'
          and t.assignee_user_id = ${f.assigneeUserId})`
      : undefined,
    f.overdueBefore
      ? sql`exists (select 1 from ${caseTasks} t where t.case_id = ${supportCases.id} and t.status = 'open'
          and t.due_on < ${f.overdueBefore})`
      : undefined,
    s ? or(...searchPatterns(s).map((p) => contains(likePattern(p)))) : undefined,
    s && f.searchGrams && f.councilId !== null ? sql`${supportCases.id} in ${searchCandidates(f.councilId, f.searchGrams)}` : undefined,
  );
}

/**
 * One keyset page of the case list, newest first (ties broken by id): `pageSize + 1` rows are read so the caller
 * knows whether another page follows. A page before a key is read in ascending order and turned round. Staff lists
 * name their council (index `support_cases_council_*_created_idx`); RLS still limits every row.
 */
export async function listCasePage(
  tx: Tx,
  filter: CaseListFilter,
  key: CaseListKey | null,
  pageSize: number,
): Promise<{ rows: CaseListRow[]; more: boolean }> {
  const before = key?.direction === 'before';
  const keyCondition = key
    ? before
      ? sql`(${supportCases.createdAt}, ${supportCases.id}) > (${key.createdAt}::timestamptz, ${key.id}::uuid)`
      : sql`(${supportCases.createdAt}, ${supportCases.id}) < (${key.createdAt}::timestamptz, ${key.id}::uuid)`
    : undefined;
  const rows = await tx
    .select({
      ...caseColumns,
      companyNameKana: supportCases.companyNameKana,
      corporateNumber: supportCases.corporateNumber,
      createdAtKey: sql<string>`to_char(${supportCases.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(supportCases)
    .innerJoin(councils, eq(councils.id, supportCases.councilId))
    .where(and(caseListWhere(filter), keyCondition))
    .orderBy(...(before ? [asc(supportCases.createdAt), asc(supportCases.id)] : [desc(supportCases.createdAt), desc(supportCases.id)]))
    .limit(pageSize + 1);
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  return { rows: before ? page.reverse() : page, more };
}

/** How many cases match the filter, counting at most `cap` (the list says "cap or more" beyond). */
export async function countCases(tx: Tx, filter: CaseListFilter, cap: number): Promise<number> {
  const inner = tx
    .select({ one: sql`1` })
    .from(supportCases)
    .where(caseListWhere(filter))
    .limit(cap + 1)
    .as('matching');
  const [row] = await tx.select({ n: count() }).from(inner);
  return row?.n ?? 0;
}

/** Open tasks past their due date per case (the tenant policy of case_tasks shows only the council's own). */
export async function overdueTaskCounts(tx: Tx, caseIds: readonly string[], today: string): Promise<Map<string, number>> {
  if (caseIds.length === 0) return new Map();
  const rows = await tx
    .select({ caseId: caseTasks.caseId, n: count() })
    .from(caseTasks)
    .where(and(inArray(caseTasks.caseId, [...caseIds]), eq(caseTasks.status, 'open'), sql`${caseTasks.dueOn} < ${today}`))
    .groupBy(caseTasks.caseId);
  return new Map(rows.map((r) => [r.caseId, r.n]));
}

/** The council's active case workers (PM, SM, staff): the choices of the assignee filter. */
export async function councilCaseWorkers(tx: Tx, councilId: number): Promise<{ id: string; name: string }[]> {
  const rows = await tx
    .selectDistinct({ id: users.id, name: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.councilId, councilId),
        isNull(memberships.revokedAt),
        eq(users.status, 'active'),
        sql`${memberships.roles} && array['council_pm','council_sm','council_staff']::text[]`,
      ),
    );
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'ja'));
}

export async function findVisibleCase(tx: Tx, caseId: string): Promise<CaseRow | null> {
  const [row] = await tx
    .select(caseColumns)
    .from(supportCases)
    .innerJoin(councils, eq(councils.id, supportCases.councilId))
    .where(eq(supportCases.id, caseId));
  return row ?? null;
}

/** The scopes and role the given user's live grants give on each case. */
export async function liveGrantsOf(tx: Tx, userId: string, caseIds: readonly string[], now: Date) {
  if (caseIds.length === 0) return new Map<string, { scopes: string[]; roleInCase: 'company' | 'expert' | 'bank' | 'lawyer' }>();
  const rows = await tx
    .select({ caseId: caseGrants.caseId, scopes: caseGrants.scopes, roleInCase: caseGrants.roleInCase })
    .from(caseGrants)
    .where(
      and(
        eq(caseGrants.userId, userId),
        inArray(caseGrants.caseId, [...caseIds]),
        isNull(caseGrants.revokedAt),
        or(isNull(caseGrants.expiresAt), gt(caseGrants.expiresAt, now)),
      ),
    );
  const out = new Map<string, { scopes: string[]; roleInCase: 'company' | 'expert' | 'bank' | 'lawyer' }>();
  for (const r of rows) {
    const prev = out.get(r.caseId);
    out.set(r.caseId, { scopes: [...new Set([...(prev?.scopes ?? []), ...r.scopes])], roleInCase: r.roleInCase });
  }
  return out;
}

/** Next reference number of a council for a year: 13-2026-0001. */
export async function nextReferenceNo(tx: Tx, councilId: number, year: number): Promise<string> {
  const prefix = `${String(councilId).padStart(2, '0')}-${year}-`;
  const [row] = await tx
    .select({ n: count() })
    .from(supportCases)
    .where(and(eq(supportCases.councilId, councilId), sql`${supportCases.referenceNo} like ${`${prefix}%`}`));
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
}

export async function insertCase(
  tx: Tx,
  values: {
    councilId: number;
    referenceNo: string;
    companyName: string;
    stage?: CaseStage;
    companyOrganizationId?: string | null;
    companyNameKana?: string | null;
    corporateNumber?: string | null;
  },
): Promise<{ id: string }> {
  const [row] = await tx.insert(supportCases).values(values).returning({ id: supportCases.id });
  if (!row) throw new Error('case not inserted');
  return row;
}

export async function listGrants(tx: Tx, caseId: string) {
  return tx
    .select({
      id: caseGrants.id,
      userId: caseGrants.userId,
      displayName: users.displayName,
      email: users.email,
      organizationName: organizations.name,
      roleInCase: caseGrants.roleInCase,
      scopes: caseGrants.scopes,
      grantedAt: caseGrants.grantedAt,
      grantedBy: caseGrants.grantedBy,
      expiresAt: caseGrants.expiresAt,
      revokedAt: caseGrants.revokedAt,
    })
    .from(caseGrants)
    .innerJoin(users, eq(users.id, caseGrants.userId))
    .leftJoin(memberships, and(eq(memberships.userId, caseGrants.userId), isNull(memberships.revokedAt)))
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(caseGrants.caseId, caseId))
    .orderBy(desc(caseGrants.grantedAt));
}

export async function findGrant(tx: Tx, caseId: string, grantId: string) {
  const [row] = await tx
    .select()
    .from(caseGrants)
    .where(and(eq(caseGrants.id, grantId), eq(caseGrants.caseId, caseId)));
  return row ?? null;
}

export async function revokeGrant(tx: Tx, grantId: string, by: string, reason: string, at: Date): Promise<void> {
  await tx.update(caseGrants).set({ revokedAt: at, revokedBy: by, revokeReason: reason }).where(eq(caseGrants.id, grantId));
}

export async function pendingCaseInvitations(tx: Tx, caseId: string, now: Date) {
  return tx
    .select({ email: invitations.email, roleInCase: invitations.roleInCase, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(
      and(eq(invitations.caseId, caseId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)),
    );
}

/** Access-log entries of a case (RLS: the council's staff, or grantees holding the case.accessLog scope). */
export async function caseAccessLog(tx: Tx, caseId: string, types: readonly string[]) {
  return tx
    .select({
      at: auditEvents.occurredAt,
      eventType: auditEvents.eventType,
      actorLabel: auditEvents.actorLabel,
      actorRoles: auditEvents.actorRoles,
      outcome: auditEvents.outcome,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.caseId, caseId), inArray(auditEvents.eventType, [...types])))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(500);
}

/**
 * Moves a case from `from` to `to` — only if it is still at `from` (compare-and-set, so two people acting at once
 * cannot both move it). Returns false when the case moved meanwhile.
 */
export async function moveCase(
  tx: Tx,
  caseId: string,
  from: CaseStage,
  to: { stage: CaseStage; track: CaseTrack | null; outcome: CaseOutcome | null; at: Date },
): Promise<boolean> {
  const rows = await tx
    .update(supportCases)
    .set({
      stage: to.stage,
      // The track stays once chosen (a closed case keeps it for statistics); an escalation changes it.
      track: to.track === null ? sql`${supportCases.track}` : to.track,
      outcome: to.outcome,
      stageChangedAt: to.at,
      closedAt: to.stage === 'closed' ? to.at : null,
    })
    .where(and(eq(supportCases.id, caseId), eq(supportCases.stage, from)))
    .returning({ id: supportCases.id });
  return rows.length === 1;
}

export async function insertTransition(
  tx: Tx,
  values: {
    councilId: number;
    caseId: string;
    event: CaseEvent;
    fromStage: CaseStage;
    toStage: CaseStage;
    actorUserId: string;
    reasonEnc: string;
    at: Date;
  },
): Promise<void> {
  await tx.insert(caseTransitions).values(values);
}

/** The workflow history of a case, oldest first, with the actor's display name. */
export async function listTransitions(tx: Tx, caseId: string) {
  return tx
    .select({
      id: caseTransitions.id,
      event: caseTransitions.event,
      fromStage: caseTransitions.fromStage,
      toStage: caseTransitions.toStage,
      actorName: users.displayName,
      reasonEnc: caseTransitions.reasonEnc,
      at: caseTransitions.at,
    })
    .from(caseTransitions)
    .leftJoin(users, eq(users.id, caseTransitions.actorUserId))
    .where(eq(caseTransitions.caseId, caseId))
    .orderBy(caseTransitions.at, caseTransitions.id);
}

/** Whether the company's consent to share the case with this bank (金融機関コード) is in force (ADR 0018). */
export async function bankConsentInForce(tx: Tx, caseId: string, bankCode: string): Promise<boolean> {
  const rows = await tx
    .select({ id: caseConfidentialityLifts.id })
    .from(caseConfidentialityLifts)
    .where(
      and(
        eq(caseConfidentialityLifts.caseId, caseId),
        eq(caseConfidentialityLifts.bankCode, bankCode),
        isNull(caseConfidentialityLifts.revokedAt),
      ),
    );
  return rows.length > 0;
}
