import { and, asc, count, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import {
  caseGrants,
  caseRcAdvice,
  caseRcConsultations,
  caseRcProceedings,
  caseRcReferrals,
  memberships,
  organizations,
  users,
} from '../../db/schema';

/** The only file of the rechallenge module that touches its tables (inside a tenant transaction, except `findLawyer`). */

export function listAdvice(tx: Tx, caseId: string) {
  return tx
    .select({
      id: caseRcAdvice.id,
      advisedOn: caseRcAdvice.advisedOn,
      topic: caseRcAdvice.topic,
      textEnc: caseRcAdvice.textEnc,
      createdByName: users.displayName,
    })
    .from(caseRcAdvice)
    .leftJoin(users, eq(users.id, caseRcAdvice.createdBy))
    .where(eq(caseRcAdvice.caseId, caseId))
    .orderBy(desc(caseRcAdvice.advisedOn), desc(caseRcAdvice.createdAt));
}

export async function insertAdvice(tx: Tx, values: typeof caseRcAdvice.$inferInsert): Promise<string> {
  const [row] = await tx.insert(caseRcAdvice).values(values).returning({ id: caseRcAdvice.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

const preparer = alias(users, 'rc_preparer');
const consenter = alias(users, 'rc_consenter');
const revoker = alias(users, 'rc_revoker');
const lawyer = alias(users, 'rc_lawyer');

/** The referral of a case with the names of the people involved (names the transaction cannot see are null). */
export async function findReferral(tx: Tx, caseId: string) {
  const [row] = await tx
    .select({
      r: caseRcReferrals,
      preparedByName: preparer.displayName,
      consentedByName: consenter.displayName,
      revokedByName: revoker.displayName,
      lawyerEmail: lawyer.email,
    })
    .from(caseRcReferrals)
    .leftJoin(preparer, eq(preparer.id, caseRcReferrals.preparedBy))
    .leftJoin(consenter, eq(consenter.id, caseRcReferrals.consentedBy))
    .leftJoin(revoker, eq(revoker.id, caseRcReferrals.consentRevokedBy))
    .leftJoin(lawyer, eq(lawyer.id, caseRcReferrals.lawyerUserId))
    .where(eq(caseRcReferrals.caseId, caseId));
  return row ?? null;
}

/** Creates the referral, or replaces the proposal (and clears an earlier, revoked consent). */
export async function upsertReferral(
  tx: Tx,
  values: Omit<typeof caseRcReferrals.$inferInsert, 'consentedAt' | 'consentedBy' | 'consentRevokedAt' | 'consentRevokedBy' | 'grantId'>,
): Promise<void> {
  const proposal = {
    lawyerUserId: values.lawyerUserId,
    lawyerName: values.lawyerName,
    lawyerFirm: values.lawyerFirm,
    packageEnc: values.packageEnc,
    packageHash: values.packageHash,
    preparedBy: values.preparedBy,
    preparedAt: values.preparedAt,
  };
  await tx
    .insert(caseRcReferrals)
    .values(values)
    .onConflictDoUpdate({
      target: caseRcReferrals.caseId,
      set: { ...proposal, consentedAt: null, consentedBy: null, consentRevokedAt: null, consentRevokedBy: null, grantId: null },
    });
}

export async function markConsent(tx: Tx, referralId: string, userId: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(caseRcReferrals)
    .set({ consentedAt: at, consentedBy: userId, consentRevokedAt: null, consentRevokedBy: null, grantId: null })
    .where(and(eq(caseRcReferrals.id, referralId), isNull(caseRcReferrals.consentedAt)))
    .returning({ id: caseRcReferrals.id });
  return rows.length === 1;
}

export async function markRevocation(tx: Tx, referralId: string, userId: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(caseRcReferrals)
    .set({ consentRevokedAt: at, consentRevokedBy: userId })
    .where(and(eq(caseRcReferrals.id, referralId), isNotNull(caseRcReferrals.consentedAt), isNull(caseRcReferrals.consentRevokedAt)))
    .returning({ id: caseRcReferrals.id });
  return rows.length === 1;
}

export async function setReferralGrant(tx: Tx, referralId: string, grantId: string): Promise<void> {
  await tx.update(caseRcReferrals).set({ grantId }).where(eq(caseRcReferrals.id, referralId));
}

/** Whether the company's consent to the handover package stands (the fact `lawyerHandoverConsented`). */
export async function consentStands(tx: Tx, caseId: string): Promise<boolean> {
  const [row] = await tx
    .select({ n: count() })
    .from(caseRcReferrals)
    .where(and(eq(caseRcReferrals.caseId, caseId), isNotNull(caseRcReferrals.consentedAt), isNull(caseRcReferrals.consentRevokedAt)));
  return (row?.n ?? 0) > 0;
}

export async function insertLawyerGrant(tx: Tx, values: typeof caseGrants.$inferInsert): Promise<string> {
  const [row] = await tx.insert(caseGrants).values(values).returning({ id: caseGrants.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

export async function revokeLawyerGrant(tx: Tx, grantId: string, by: string, reason: string, at: Date): Promise<void> {
  await tx
    .update(caseGrants)
    .set({ revokedAt: at, revokedBy: by, revokeReason: reason })
    .where(and(eq(caseGrants.id, grantId), isNull(caseGrants.revokedAt)));
}

/**
 * Runs `fn` in the case's council context inside the caller's transaction, then restores "no council". Used only
 * for the lawyer grant that the company's consent creates or revokes: the company acts in its own context (no
 * council), and the grant row belongs to the council (RLS `case_grants_app_insert`/`_update`).
 */
export async function inCouncilContext<T>(tx: Tx, councilId: number, fn: () => Promise<T>): Promise<T> {
  await tx.execute(sql`select set_config('app.council_id', ${String(councilId)}, true)`);
  try {
    return await fn();
  } finally {
    await tx.execute(sql`select set_config('app.council_id', '', true)`);
  }
}

/**
 * An account with an active lawyer membership in a law firm, by e-mail (identity transaction: accounts are not
 * tenant data). `null` when there is none.
 */
export async function findLawyer(tx: Tx, email: string) {
  const [row] = await tx
    .select({ userId: users.id, displayName: users.displayName, firm: organizations.name })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), isNull(memberships.revokedAt)))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      and(
        eq(sql`lower(${users.email})`, email.trim().toLowerCase()),
        eq(organizations.kind, 'law_firm'),
        sql`'lawyer' = any(${memberships.roles})`,
      ),
    )
    .limit(1);
  return row ?? null;
}

export function listProceedings(tx: Tx, caseId: string) {
  return tx
    .select()
    .from(caseRcProceedings)
    .where(eq(caseRcProceedings.caseId, caseId))
    .orderBy(asc(caseRcProceedings.kind), asc(caseRcProceedings.createdAt));
}

export async function findProceeding(tx: Tx, caseId: string, id: string) {
  const [row] = await tx
    .select()
    .from(caseRcProceedings)
    .where(and(eq(caseRcProceedings.caseId, caseId), eq(caseRcProceedings.id, id)));
  return row ?? null;
}

export async function insertProceeding(tx: Tx, values: typeof caseRcProceedings.$inferInsert): Promise<string> {
  const [row] = await tx.insert(caseRcProceedings).values(values).returning({ id: caseRcProceedings.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

export async function updateProceeding(
  tx: Tx,
  id: string,
  values: Pick<typeof caseRcProceedings.$inferInsert, 'status' | 'startedOn' | 'endedOn' | 'updatedBy' | 'updatedAt'>,
): Promise<void> {
  await tx.update(caseRcProceedings).set(values).where(eq(caseRcProceedings.id, id));
}

export function listConsultations(tx: Tx, caseId: string) {
  return tx
    .select()
    .from(caseRcConsultations)
    .where(eq(caseRcConsultations.caseId, caseId))
    .orderBy(asc(caseRcConsultations.heldOn), asc(caseRcConsultations.recordedAt));
}

export async function countSupportedConsultations(tx: Tx, caseId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(caseRcConsultations)
    .where(and(eq(caseRcConsultations.caseId, caseId), eq(caseRcConsultations.feeSupported, true)));
  return row?.n ?? 0;
}

export async function insertConsultation(tx: Tx, values: typeof caseRcConsultations.$inferInsert): Promise<string> {
  const [row] = await tx.insert(caseRcConsultations).values(values).returning({ id: caseRcConsultations.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}
