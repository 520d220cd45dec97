import { and, eq, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { consultationRequests, councils, organizations, supportCases } from '../../db/schema';

export type ConsultationRequestRow = typeof consultationRequests.$inferSelect;

export async function councilName(tx: Tx, councilId: number): Promise<string | null> {
  const [row] = await tx.select({ name: councils.name }).from(councils).where(eq(councils.id, councilId));
  return row?.name ?? null;
}

export async function insertRequest(tx: Tx, values: typeof consultationRequests.$inferInsert): Promise<void> {
  await tx.insert(consultationRequests).values(values);
}

/** The request of a verification token (locked for the verification). */
export async function findRequestByTokenHash(tx: Tx, tokenHash: string): Promise<ConsultationRequestRow | null> {
  const [row] = await tx.select().from(consultationRequests).where(eq(consultationRequests.tokenHash, tokenHash)).for('update');
  return row ?? null;
}

/** Deletes the council's requests never confirmed before their link expired; returns their reference numbers. */
export async function purgeExpiredUnverified(tx: Tx, now: Date): Promise<string[]> {
  const gone = await tx
    .delete(consultationRequests)
    .where(and(isNull(consultationRequests.verifiedAt), lt(consultationRequests.expiresAt, now)))
    .returning({ referenceNo: consultationRequests.referenceNo });
  return gone.map((g) => g.referenceNo).sort();
}

export async function markVerified(tx: Tx, id: string, caseId: string, at: Date): Promise<void> {
  await tx.update(consultationRequests).set({ verifiedAt: at, caseId }).where(eq(consultationRequests.id, id));
}

export async function insertCompany(
  tx: Tx,
  values: { councilId: number; name: string; nameKana: string; corporateNumber: string | null },
): Promise<string> {
  const [row] = await tx
    .insert(organizations)
    .values({ kind: 'company', ...values })
    .returning({ id: organizations.id });
  if (!row) throw new Error('company not inserted');
  return row.id;
}

/** The request a case came from (intake), if any. */
export async function findRequestOfCase(tx: Tx, caseId: string): Promise<ConsultationRequestRow | null> {
  const [row] = await tx.select().from(consultationRequests).where(eq(consultationRequests.caseId, caseId));
  return row ?? null;
}

/** Verified requests whose case is still at `intake` (RLS: the transaction's council only), oldest first. */
export async function listInbox(tx: Tx) {
  return tx
    .select({
      request: consultationRequests,
      caseReferenceNo: supportCases.referenceNo,
      stage: supportCases.stage,
    })
    .from(consultationRequests)
    .innerJoin(supportCases, eq(supportCases.id, consultationRequests.caseId))
    .where(and(isNotNull(consultationRequests.verifiedAt), eq(supportCases.stage, 'intake')))
    .orderBy(consultationRequests.verifiedAt);
}

/**
 * Other cases of the council that may be the same company: a verified request sharing a comparison key, or a case
 * with the same 法人番号 (cases opened by staff have no request).
 */
export async function possibleDuplicates(tx: Tx, caseId: string, keys: readonly string[], corporateNumber: string | null) {
  const byKeys = await tx
    .select({ caseId: supportCases.id, caseReferenceNo: supportCases.referenceNo, companyName: supportCases.companyName })
    .from(consultationRequests)
    .innerJoin(supportCases, eq(supportCases.id, consultationRequests.caseId))
    .where(
      and(
        ne(supportCases.id, caseId),
        sql`${consultationRequests.duplicateKeys} && ${sql.raw('ARRAY[')}${sql.join(
          keys.map((k) => sql`${k}`),
          sql`, `,
        )}${sql.raw(']::text[]')}`,
      ),
    );
  const byNumber = corporateNumber
    ? await tx
        .select({ caseId: supportCases.id, caseReferenceNo: supportCases.referenceNo, companyName: supportCases.companyName })
        .from(supportCases)
        .where(and(ne(supportCases.id, caseId), eq(supportCases.corporateNumber, corporateNumber)))
    : [];
  const seen = new Map<string, { caseId: string; caseReferenceNo: string; companyName: string }>();
  for (const d of [...byKeys, ...byNumber]) seen.set(d.caseId, d);
  return [...seen.values()].sort((a, b) => a.caseReferenceNo.localeCompare(b.caseReferenceNo));
}
