import { and, count, desc, eq, gt, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { CaseEvent, CaseOutcome, CaseStage, CaseTrack } from '@kasseika/domain';
import {
  auditEvents,
  caseGrants,
  caseTransitions,
  councils,
  invitations,
  organizations,
  supportCases,
  users,
  memberships,
  caseConfidentialityLifts,
} from '../../db/schema';

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

/** Cases visible to the transaction (RLS decides: the council's own, or granted ones), newest first. */
export async function listVisibleCases(
  tx: Tx,
  q: string | undefined,
  page: number,
  pageSize: number,
): Promise<{ rows: CaseRow[]; total: number }> {
  const where = q ? or(ilike(supportCases.companyName, likePattern(q)), ilike(supportCases.referenceNo, likePattern(q))) : undefined;
  const rows = await tx
    .select(caseColumns)
    .from(supportCases)
    .innerJoin(councils, eq(councils.id, supportCases.councilId))
    .where(where)
    .orderBy(desc(supportCases.createdAt), desc(supportCases.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [totalRow] = await tx.select({ n: count() }).from(supportCases).where(where);
  return { rows, total: totalRow?.n ?? 0 };
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
