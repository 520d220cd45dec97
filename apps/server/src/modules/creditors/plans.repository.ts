import { and, asc, desc, eq, gt, inArray, isNull, ne, or } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  caseCreditorResponses,
  caseGrants,
  caseMonitoringBaselines,
  casePlanComments,
  casePlanVersions,
  organizations,
  users,
} from '../../db/schema';

export type PlanVersionRow = typeof casePlanVersions.$inferSelect & { submittedByName: string | null };
export type ResponseRow = typeof caseCreditorResponses.$inferSelect;

export async function listVersions(tx: Tx, caseId: string): Promise<PlanVersionRow[]> {
  return tx
    .select({
      id: casePlanVersions.id,
      councilId: casePlanVersions.councilId,
      caseId: casePlanVersions.caseId,
      versionNo: casePlanVersions.versionNo,
      sha256: casePlanVersions.sha256,
      contentEnc: casePlanVersions.contentEnc,
      targetBankCodes: casePlanVersions.targetBankCodes,
      submittedBy: casePlanVersions.submittedBy,
      submittedAt: casePlanVersions.submittedAt,
      submittedByName: users.displayName,
    })
    .from(casePlanVersions)
    .leftJoin(users, eq(users.id, casePlanVersions.submittedBy))
    .where(eq(casePlanVersions.caseId, caseId))
    .orderBy(asc(casePlanVersions.versionNo));
}

export async function insertVersion(tx: Tx, values: typeof casePlanVersions.$inferInsert): Promise<string> {
  const [row] = await tx.insert(casePlanVersions).values(values).returning({ id: casePlanVersions.id });
  if (!row) throw new Error('version not inserted');
  return row.id;
}

/** Voids every live answer of the case given to a version other than `keepVersionId`; returns how many. */
export async function voidResponsesExcept(tx: Tx, caseId: string, keepVersionId: string, reason: string, at: Date): Promise<number> {
  const rows = await tx
    .update(caseCreditorResponses)
    .set({ voidedAt: at, voidReason: reason })
    .where(
      and(
        eq(caseCreditorResponses.caseId, caseId),
        ne(caseCreditorResponses.versionId, keepVersionId),
        isNull(caseCreditorResponses.voidedAt),
      ),
    )
    .returning({ id: caseCreditorResponses.id });
  return rows.length;
}

export function liveResponses(tx: Tx, caseId: string): Promise<ResponseRow[]> {
  return tx
    .select()
    .from(caseCreditorResponses)
    .where(and(eq(caseCreditorResponses.caseId, caseId), isNull(caseCreditorResponses.voidedAt)))
    .orderBy(asc(caseCreditorResponses.respondedAt));
}

export async function insertResponse(tx: Tx, values: typeof caseCreditorResponses.$inferInsert): Promise<void> {
  await tx.insert(caseCreditorResponses).values(values);
}

export function listComments(tx: Tx, versionId: string) {
  return tx
    .select({
      id: casePlanComments.id,
      bodyEnc: casePlanComments.bodyEnc,
      createdAt: casePlanComments.createdAt,
      authorName: users.displayName,
    })
    .from(casePlanComments)
    .leftJoin(users, eq(users.id, casePlanComments.authorId))
    .where(eq(casePlanComments.versionId, versionId))
    .orderBy(asc(casePlanComments.createdAt));
}

export async function insertComment(tx: Tx, values: typeof casePlanComments.$inferInsert): Promise<void> {
  await tx.insert(casePlanComments).values(values);
}

export async function latestBaseline(tx: Tx, caseId: string) {
  const [row] = await tx
    .select({
      versionId: caseMonitoringBaselines.versionId,
      sha256: caseMonitoringBaselines.sha256,
      agreedAt: caseMonitoringBaselines.agreedAt,
    })
    .from(caseMonitoringBaselines)
    .where(eq(caseMonitoringBaselines.caseId, caseId))
    .orderBy(desc(caseMonitoringBaselines.agreedAt))
    .limit(1);
  return row ?? null;
}

export async function insertBaseline(tx: Tx, values: typeof caseMonitoringBaselines.$inferInsert): Promise<void> {
  await tx.insert(caseMonitoringBaselines).values(values);
}

/** E-mail addresses of everyone outside the council with a live grant on the case (to notify them). */
export function liveGranteeEmails(tx: Tx, caseId: string, now: Date): Promise<{ email: string }[]> {
  return tx
    .selectDistinct({ email: users.email })
    .from(caseGrants)
    .innerJoin(users, eq(users.id, caseGrants.userId))
    .where(
      and(eq(caseGrants.caseId, caseId), isNull(caseGrants.revokedAt), or(isNull(caseGrants.expiresAt), gt(caseGrants.expiresAt, now))),
    );
}

/** The 金融機関コード of the given bank organisations. */
export async function bankCodesOf(tx: Tx, organizationIds: readonly string[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const rows = await tx
    .select({ bankCode: organizations.bankCode })
    .from(organizations)
    .where(and(inArray(organizations.id, [...organizationIds]), eq(organizations.kind, 'bank')));
  return rows.flatMap((r) => (r.bankCode ? [r.bankCode] : []));
}
