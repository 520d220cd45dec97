import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { memberships, organizations, sessions, users } from '../../db/schema';
import { isRole } from '../../authz/roles';
import type { Membership } from '../../authz/actor';
import { randomToken, sha256Hex } from '../../security/secrets';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** Pending sign-ins (password verified, second factor outstanding) expire quickly. */
export const PENDING_TIMEOUT_MS = 10 * 60 * 1000;
/** last_seen_at is written at most this often (each request still checks the idle limit exactly). */
const TOUCH_INTERVAL_MS = 30 * 1000;

export type SessionState = 'pending_mfa' | 'enrol_mfa' | 'active';

export interface SessionInfo {
  readonly id: string;
  readonly state: SessionState;
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly locale: 'ja' | 'en';
  readonly authMethods: readonly string[];
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly idleExpiresAt: Date;
  readonly absoluteExpiresAt: Date;
  readonly mfaAt: Date | null;
  readonly memberships: readonly Membership[];
  readonly activeMembershipId: string | null;
}

export interface NewSession {
  readonly userId: string;
  readonly state: SessionState;
  readonly authMethods: readonly string[];
  readonly activeMembershipId: string | null;
  readonly mfaAt: Date | null;
  readonly ip: string;
  readonly userAgent: string | null;
  /** Keep the absolute expiry of the session being replaced (rotation keeps the 12 h limit from first sign-in). */
  readonly absoluteExpiresAt?: Date;
}

/** Creates a session and returns the cookie token (only its hash is stored). */
export async function createSession(tx: Tx, s: NewSession, now: Date): Promise<{ token: string; id: string }> {
  const token = randomToken(32);
  const expiresAt = s.absoluteExpiresAt ?? new Date(now.getTime() + (s.state === 'active' ? ABSOLUTE_TIMEOUT_MS : PENDING_TIMEOUT_MS));
  const [row] = await tx
    .insert(sessions)
    .values({
      tokenHash: sha256Hex(token),
      userId: s.userId,
      state: s.state,
      authMethods: [...s.authMethods],
      activeMembershipId: s.activeMembershipId,
      mfaAt: s.mfaAt,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: s.ip,
      userAgent: s.userAgent?.slice(0, 300) ?? null,
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error('session not created');
  return { token, id: row.id };
}

/** The memberships of a user (active ones), with organisation kind and name. */
export async function loadMemberships(tx: Tx, userId: string): Promise<Membership[]> {
  const rows = await tx
    .select({
      id: memberships.id,
      organizationId: memberships.organizationId,
      councilId: memberships.councilId,
      roles: memberships.roles,
      kind: organizations.kind,
      name: organizations.name,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.revokedAt)))
    .orderBy(memberships.createdAt);
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organizationId,
    organizationKind: r.kind,
    organizationName: r.name,
    councilId: r.councilId,
    roles: r.roles.filter(isRole),
  }));
}

/**
 * Resolves a cookie token to a live session: not revoked, within its absolute and idle limits, the user active.
 * A disabled account or a revoked session fails here on the very next request. Touches `last_seen_at` (sliding
 * idle timeout) unless `touch` is false.
 */
export async function resolveSession(tx: Tx, token: string, now: Date, touch = true): Promise<SessionInfo | null> {
  const [row] = await tx
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sha256Hex(token)), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row || row.u.status !== 'active') return null;
  const idleLimit = row.s.state === 'active' ? IDLE_TIMEOUT_MS : PENDING_TIMEOUT_MS;
  if (now.getTime() - row.s.lastSeenAt.getTime() > idleLimit) return null;
  let lastSeenAt = row.s.lastSeenAt;
  if (touch && now.getTime() - lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.s.id));
    lastSeenAt = now;
  }
  const ms = await loadMemberships(tx, row.u.id);
  return {
    id: row.s.id,
    state: row.s.state,
    userId: row.u.id,
    email: row.u.email,
    displayName: row.u.displayName,
    locale: row.u.locale,
    authMethods: row.s.authMethods,
    createdAt: row.s.createdAt,
    lastSeenAt,
    idleExpiresAt: new Date(lastSeenAt.getTime() + idleLimit),
    absoluteExpiresAt: row.s.expiresAt,
    mfaAt: row.s.mfaAt,
    memberships: ms,
    activeMembershipId:
      row.s.activeMembershipId && ms.some((m) => m.id === row.s.activeMembershipId) ? row.s.activeMembershipId : (ms[0]?.id ?? null),
  };
}

export async function revokeSession(tx: Tx, sessionId: string, now: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export async function revokeAllSessions(tx: Tx, userId: string, now: Date, exceptSessionId?: string): Promise<number> {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(eq(sessions.userId, userId), isNull(sessions.revokedAt), exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : sql`true`),
    )
    .returning({ id: sessions.id });
  return rows.length;
}
