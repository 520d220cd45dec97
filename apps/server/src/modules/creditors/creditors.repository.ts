import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { caseConfidentialityLifts, caseCreditors, caseLoans, users } from '../../db/schema';

export type CreditorRow = typeof caseCreditors.$inferSelect;
export type LoanRow = typeof caseLoans.$inferSelect;
export type LiftRow = typeof caseConfidentialityLifts.$inferSelect & { consentedByName: string | null };

export function listCreditors(tx: Tx, caseId: string): Promise<CreditorRow[]> {
  return tx
    .select()
    .from(caseCreditors)
    .where(eq(caseCreditors.caseId, caseId))
    .orderBy(desc(caseCreditors.isMainBank), asc(caseCreditors.bankCode));
}

export function listLoans(tx: Tx, caseId: string): Promise<LoanRow[]> {
  return tx.select().from(caseLoans).where(eq(caseLoans.caseId, caseId)).orderBy(asc(caseLoans.createdAt), asc(caseLoans.id));
}

export async function findCreditor(tx: Tx, caseId: string, creditorId: string): Promise<CreditorRow | undefined> {
  const [row] = await tx
    .select()
    .from(caseCreditors)
    .where(and(eq(caseCreditors.caseId, caseId), eq(caseCreditors.id, creditorId)));
  return row;
}

export async function findCreditorByBank(tx: Tx, caseId: string, bankCode: string): Promise<CreditorRow | undefined> {
  const [row] = await tx
    .select()
    .from(caseCreditors)
    .where(and(eq(caseCreditors.caseId, caseId), eq(caseCreditors.bankCode, bankCode)));
  return row;
}

export async function insertCreditor(tx: Tx, values: typeof caseCreditors.$inferInsert): Promise<CreditorRow> {
  const [row] = await tx.insert(caseCreditors).values(values).returning();
  if (!row) throw new Error('creditor not inserted');
  return row;
}

/** Clears the main-bank flag of every creditor of the case (before another one becomes the main bank). */
export async function clearMainBank(tx: Tx, caseId: string, at: Date): Promise<void> {
  await tx
    .update(caseCreditors)
    .set({ isMainBank: false, updatedAt: at })
    .where(and(eq(caseCreditors.caseId, caseId), eq(caseCreditors.isMainBank, true)));
}

export async function updateCreditor(
  tx: Tx,
  creditorId: string,
  values: Partial<Pick<CreditorRow, 'isMainBank' | 'isTarget' | 'startAgreedOn'>>,
  at: Date,
): Promise<void> {
  await tx
    .update(caseCreditors)
    .set({ ...values, updatedAt: at })
    .where(eq(caseCreditors.id, creditorId));
}

export async function deleteCreditor(tx: Tx, creditorId: string): Promise<void> {
  await tx.delete(caseCreditors).where(eq(caseCreditors.id, creditorId));
}

export async function findLoan(tx: Tx, caseId: string, loanId: string): Promise<LoanRow | undefined> {
  const [row] = await tx
    .select()
    .from(caseLoans)
    .where(and(eq(caseLoans.caseId, caseId), eq(caseLoans.id, loanId)));
  return row;
}

export async function insertLoan(tx: Tx, values: typeof caseLoans.$inferInsert): Promise<LoanRow> {
  const [row] = await tx.insert(caseLoans).values(values).returning();
  if (!row) throw new Error('loan not inserted');
  return row;
}

export async function updateLoan(tx: Tx, loanId: string, values: Partial<typeof caseLoans.$inferInsert>): Promise<void> {
  await tx.update(caseLoans).set(values).where(eq(caseLoans.id, loanId));
}

export async function deleteLoan(tx: Tx, loanId: string): Promise<void> {
  await tx.delete(caseLoans).where(eq(caseLoans.id, loanId));
}

export function listLifts(tx: Tx, caseId: string): Promise<LiftRow[]> {
  return tx
    .select({
      id: caseConfidentialityLifts.id,
      councilId: caseConfidentialityLifts.councilId,
      caseId: caseConfidentialityLifts.caseId,
      bankCode: caseConfidentialityLifts.bankCode,
      bankName: caseConfidentialityLifts.bankName,
      documentSets: caseConfidentialityLifts.documentSets,
      consentedBy: caseConfidentialityLifts.consentedBy,
      consentedAt: caseConfidentialityLifts.consentedAt,
      revokedAt: caseConfidentialityLifts.revokedAt,
      revokedBy: caseConfidentialityLifts.revokedBy,
      consentedByName: users.displayName,
    })
    .from(caseConfidentialityLifts)
    .leftJoin(users, eq(users.id, caseConfidentialityLifts.consentedBy))
    .where(eq(caseConfidentialityLifts.caseId, caseId))
    .orderBy(desc(caseConfidentialityLifts.consentedAt), desc(caseConfidentialityLifts.id));
}

export async function findLift(tx: Tx, caseId: string, liftId: string): Promise<LiftRow | undefined> {
  return (await listLifts(tx, caseId)).find((l) => l.id === liftId);
}

/** The bank codes with a consent in force on the case (as far as the transaction may see). */
export async function liftedBankCodes(tx: Tx, caseId: string): Promise<Map<string, readonly string[]>> {
  const rows = await tx
    .select({ bankCode: caseConfidentialityLifts.bankCode, sets: caseConfidentialityLifts.documentSets })
    .from(caseConfidentialityLifts)
    .where(and(eq(caseConfidentialityLifts.caseId, caseId), isNull(caseConfidentialityLifts.revokedAt)));
  return new Map(rows.map((r) => [r.bankCode, r.sets]));
}

export async function insertLift(tx: Tx, values: typeof caseConfidentialityLifts.$inferInsert): Promise<string> {
  const [row] = await tx.insert(caseConfidentialityLifts).values(values).returning({ id: caseConfidentialityLifts.id });
  if (!row) throw new Error('lift not inserted');
  return row.id;
}

export async function revokeLift(tx: Tx, liftId: string, by: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(caseConfidentialityLifts)
    .set({ revokedAt: at, revokedBy: by })
    .where(and(eq(caseConfidentialityLifts.id, liftId), isNull(caseConfidentialityLifts.revokedAt)))
    .returning({ id: caseConfidentialityLifts.id });
  return rows.length > 0;
}
