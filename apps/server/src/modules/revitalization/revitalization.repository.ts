import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  caseGrants,
  caseRealBalanceSheets,
  caseRvBusinessPlans,
  caseRvProfiles,
  caseRvSupportDesigns,
  caseRvTeamMembers,
  invitations,
  memberships,
  users,
} from '../../db/schema';

/** The only file of the revitalization module that touches tables (always inside a tenant transaction). */

export async function findProfile(tx: Tx, caseId: string) {
  const [row] = await tx
    .select({ p: caseRvProfiles, updatedByName: users.displayName })
    .from(caseRvProfiles)
    .leftJoin(users, eq(users.id, caseRvProfiles.updatedBy))
    .where(eq(caseRvProfiles.caseId, caseId));
  return row ?? null;
}

export async function upsertProfile(tx: Tx, values: typeof caseRvProfiles.$inferInsert): Promise<void> {
  await tx
    .insert(caseRvProfiles)
    .values(values)
    .onConflictDoUpdate({
      target: caseRvProfiles.caseId,
      set: {
        teamType: values.teamType,
        supportKind: values.supportKind,
        forgivenessExpected: values.forgivenessExpected,
        updatedBy: values.updatedBy,
        updatedAt: values.updatedAt,
      },
    });
}

/** Team members (current and ended), oldest first, with the staff member's, the appointer's and the ender's names. */
export function listTeamMembers(tx: Tx, caseId: string) {
  const staff = sql<string | null>`(select u.display_name from users u where u.id = ${caseRvTeamMembers.staffUserId})`;
  const ender = sql<string | null>`(select u.display_name from users u where u.id = ${caseRvTeamMembers.endedBy})`;
  return tx
    .select({ m: caseRvTeamMembers, staffName: staff, appointedByName: users.displayName, endedByName: ender })
    .from(caseRvTeamMembers)
    .leftJoin(users, eq(users.id, caseRvTeamMembers.appointedBy))
    .where(eq(caseRvTeamMembers.caseId, caseId))
    .orderBy(caseRvTeamMembers.appointedAt);
}

export async function insertTeamMember(tx: Tx, values: typeof caseRvTeamMembers.$inferInsert): Promise<{ id: string }> {
  const [row] = await tx.insert(caseRvTeamMembers).values(values).returning({ id: caseRvTeamMembers.id });
  if (!row) throw new Error('team member not inserted');
  return row;
}

/** One member of the case's team, locked for the end (null when the case has no such member). */
export async function findTeamMemberForUpdate(tx: Tx, caseId: string, memberId: string) {
  const [row] = await tx
    .select()
    .from(caseRvTeamMembers)
    .where(and(eq(caseRvTeamMembers.caseId, caseId), eq(caseRvTeamMembers.id, memberId)))
    .for('update');
  return row ?? null;
}

/** Ends a current membership with its details; false when it had already ended. */
export async function endTeamMember(
  tx: Tx,
  caseId: string,
  memberId: string,
  end: { endedAt: Date; endedBy: string; endedOn: string; endKind: 'dismissed' | 'term_ended'; endReasonEnc: string },
): Promise<boolean> {
  const rows = await tx
    .update(caseRvTeamMembers)
    .set(end)
    .where(and(eq(caseRvTeamMembers.caseId, caseId), eq(caseRvTeamMembers.id, memberId), isNull(caseRvTeamMembers.endedAt)))
    .returning({ id: caseRvTeamMembers.id });
  return rows.length === 1;
}

/**
 * Withdraws the expert's outstanding invitations to this case (not accepted, not withdrawn): the token can no longer
 * be accepted. Runs before the grants are revoked, so an acceptance racing with the end either lands first (and its
 * grant is revoked next) or finds the invitation withdrawn.
 */
export async function withdrawExpertInvitations(tx: Tx, caseId: string, email: string, at: Date): Promise<number> {
  const rows = await tx
    .update(invitations)
    .set({ revokedAt: at })
    .where(
      and(
        eq(invitations.caseId, caseId),
        eq(invitations.email, email),
        eq(invitations.roleInCase, 'expert'),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, at),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length;
}

/** Revokes the expert's case grants on this case (role expert, not yet revoked); returns the revoked grants. */
export async function revokeExpertGrants(tx: Tx, caseId: string, email: string, by: string, reason: string, at: Date) {
  return tx
    .update(caseGrants)
    .set({ revokedAt: at, revokedBy: by, revokeReason: reason })
    .where(
      and(
        eq(caseGrants.caseId, caseId),
        eq(caseGrants.roleInCase, 'expert'),
        isNull(caseGrants.revokedAt),
        sql`${caseGrants.userId} in (select u.id from users u where u.email = ${email})`,
      ),
    )
    .returning({ id: caseGrants.id, userId: caseGrants.userId });
}

/** Whether a staff member is already on the team (not ended). */
export async function staffOnTeam(tx: Tx, caseId: string, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: caseRvTeamMembers.id })
    .from(caseRvTeamMembers)
    .where(and(eq(caseRvTeamMembers.caseId, caseId), eq(caseRvTeamMembers.staffUserId, userId), isNull(caseRvTeamMembers.endedAt)));
  return Boolean(row);
}

/** Whether an expert (by email) has a current appointment on the case. */
export async function expertOnTeam(tx: Tx, caseId: string, email: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: caseRvTeamMembers.id })
    .from(caseRvTeamMembers)
    .where(and(eq(caseRvTeamMembers.caseId, caseId), eq(caseRvTeamMembers.expertEmail, email), isNull(caseRvTeamMembers.endedAt)));
  return Boolean(row);
}

/** The fact `teamHasExpert`: a current expert appointment exists whose end date has not passed (JST date `today`). */
export async function hasCurrentExpert(tx: Tx, caseId: string, today: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: caseRvTeamMembers.id })
    .from(caseRvTeamMembers)
    .where(
      and(
        eq(caseRvTeamMembers.caseId, caseId),
        eq(caseRvTeamMembers.kind, 'expert'),
        isNull(caseRvTeamMembers.endedAt),
        sql`${caseRvTeamMembers.expiresOn} >= ${today}`,
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** The expert grants of a case with the grantee's email (to show each appointment's grant status). */
export function expertGrants(tx: Tx, caseId: string) {
  return tx
    .select({
      email: users.email,
      userId: caseGrants.userId,
      expiresAt: caseGrants.expiresAt,
      revokedAt: caseGrants.revokedAt,
    })
    .from(caseGrants)
    .innerJoin(users, eq(users.id, caseGrants.userId))
    .where(and(eq(caseGrants.caseId, caseId), eq(caseGrants.roleInCase, 'expert')));
}

/** The council's case workers (PM, SM, staff) who may join a team. */
export async function listCaseWorkers(tx: Tx, councilId: number): Promise<{ id: string; name: string }[]> {
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

export function listRealBalanceSheets(tx: Tx, caseId: string) {
  return tx
    .select({ r: caseRealBalanceSheets, createdByName: users.displayName })
    .from(caseRealBalanceSheets)
    .leftJoin(users, eq(users.id, caseRealBalanceSheets.createdBy))
    .where(eq(caseRealBalanceSheets.caseId, caseId))
    .orderBy(desc(caseRealBalanceSheets.version));
}

export async function nextVersion(tx: Tx, table: 'bs' | 'plan', caseId: string): Promise<number> {
  const t = table === 'bs' ? caseRealBalanceSheets : caseRvBusinessPlans;
  const [row] = await tx
    .select({ v: sql<number>`coalesce(max(${t.version}), 0)::int` })
    .from(t)
    .where(eq(t.caseId, caseId));
  return (row?.v ?? 0) + 1;
}

export async function insertRealBalanceSheet(tx: Tx, values: typeof caseRealBalanceSheets.$inferInsert): Promise<void> {
  await tx.insert(caseRealBalanceSheets).values(values);
}

export async function realBalanceSheetExists(tx: Tx, caseId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: caseRealBalanceSheets.id })
    .from(caseRealBalanceSheets)
    .where(eq(caseRealBalanceSheets.caseId, caseId))
    .limit(1);
  return Boolean(row);
}

export function listBusinessPlans(tx: Tx, caseId: string) {
  return tx
    .select({ p: caseRvBusinessPlans, createdByName: users.displayName })
    .from(caseRvBusinessPlans)
    .leftJoin(users, eq(users.id, caseRvBusinessPlans.createdBy))
    .where(eq(caseRvBusinessPlans.caseId, caseId))
    .orderBy(desc(caseRvBusinessPlans.version));
}

export async function insertBusinessPlan(tx: Tx, values: typeof caseRvBusinessPlans.$inferInsert): Promise<void> {
  await tx.insert(caseRvBusinessPlans).values(values);
}

export async function businessPlanExists(tx: Tx, caseId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: caseRvBusinessPlans.id })
    .from(caseRvBusinessPlans)
    .where(eq(caseRvBusinessPlans.caseId, caseId))
    .limit(1);
  return Boolean(row);
}

export function listSupportDesigns(tx: Tx, caseId: string) {
  return tx
    .select({ d: caseRvSupportDesigns, createdByName: users.displayName })
    .from(caseRvSupportDesigns)
    .leftJoin(users, eq(users.id, caseRvSupportDesigns.createdBy))
    .where(eq(caseRvSupportDesigns.caseId, caseId))
    .orderBy(desc(caseRvSupportDesigns.version));
}

export async function nextSupportDesignVersion(tx: Tx, caseId: string): Promise<number> {
  const [row] = await tx
    .select({ v: sql<number>`coalesce(max(${caseRvSupportDesigns.version}), 0)::int` })
    .from(caseRvSupportDesigns)
    .where(eq(caseRvSupportDesigns.caseId, caseId));
  return (row?.v ?? 0) + 1;
}

export async function insertSupportDesign(tx: Tx, values: typeof caseRvSupportDesigns.$inferInsert): Promise<void> {
  await tx.insert(caseRvSupportDesigns).values(values);
}
