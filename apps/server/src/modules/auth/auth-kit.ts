import { and, eq } from 'drizzle-orm';
import type { AuditRecorder } from '../../audit/record-audit-event';
import type { AuditEventType } from '../../audit/audit-event-types';
import type { Membership } from '../../authz/actor';
import { withAuthTx } from '../../db/auth-tx';
import type { Db, Tx } from '../../db/client';
import { oneTimeTokens, userCredentials, webauthnCredentials } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { Mailer } from '../../providers/mail/mailer';
import type { FieldCipher } from '../../security/field-cipher';
import { randomToken, sha256Hex } from '../../security/secrets';
import { signValue } from './cookies';
import { rateLimiter, type RateRule } from './rate-limit';
import { createSession, resolveSession, revokeSession, type SessionInfo, type SessionState } from './session-store';

/** Where a request comes from (for rate limits, audit and the sessions list). */
export interface RequestOrigin {
  readonly ip: string;
  readonly userAgent: string | null;
  readonly requestId: string;
}

export interface AuthServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly mailer: Mailer;
  readonly cipher: FieldCipher;
  readonly cookieKey: Buffer;
  readonly publicUrl: string;
  readonly now: () => Date;
}

/** What a sign-in step hands back to the route: the new session cookie, where the user stands, what comes next. */
export interface SignInStep {
  readonly sessionToken: string;
  readonly state: SessionState;
  readonly methods: readonly ('totp' | 'passkey' | 'recovery_code')[];
  readonly deviceCookie?: string;
}

/** The platform key (chain/key id 0) encrypts identity secrets such as TOTP seeds. */
export const PLATFORM_KEY = 0;
export const RESET_TOKEN_MINUTES = 30;
export const VERIFY_TOKEN_MINUTES = 24 * 60;
/** A second factor within this window counts as a fresh step-up for sensitive account changes. */
export const STEP_UP_WINDOW_MS = 10 * 60 * 1000;

/** Lower-cased, NFKC-normalised, trimmed: how emails are stored and compared. */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

export function totpPlace(userId: string, column: 'totp_secret' | 'totp_pending'): string {
  return `user_credentials.${column}:${userId}`;
}

export function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError('RATE_LIMITED', {
    headers: { 'retry-after': String(retryAfterSeconds) },
    detail: {
      ja: `試行回数が上限に達しました。${Math.ceil(retryAfterSeconds / 60)}分ほど待ってから再度お試しください`,
      en: `Too many attempts. Try again in about ${Math.ceil(retryAfterSeconds / 60)} minute(s)`,
    },
  });
}

/** The chain an account event belongs to: the user's council when they have one, else the platform chain. */
function councilOfMemberships(ms: readonly Membership[]): number | null {
  return ms.find((m) => m.organizationKind === 'council')?.councilId ?? null;
}

/** The shared machinery of the identity services (audit, rate limits, session steps, tokens). */
export function createAuthKit(deps: AuthServiceDeps) {
  const { db, audit, cookieKey, now } = deps;

  async function record(
    tx: Tx,
    type: AuditEventType,
    who: { userId: string | null; label: string | null; memberships?: readonly Membership[] },
    origin: RequestOrigin,
    outcome: 'success' | 'failure' | 'denied' = 'success',
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await audit.record(tx, {
      type,
      outcome,
      actorUserId: who.userId,
      actorLabel: who.label,
      actorRoles: (who.memberships ?? []).flatMap((m) => m.roles),
      councilId: councilOfMemberships(who.memberships ?? []),
      targetType: 'user',
      targetId: who.userId,
      ip: origin.ip,
      requestId: origin.requestId,
      details,
    });
  }

  /** Records in its own transaction (used when the request's own work fails and rolls back). */
  function recordAlone(...args: Parameters<typeof record> extends [Tx, ...infer R] ? R : never): Promise<void> {
    return withAuthTx(db, args[1].userId, (tx) => record(tx, ...args));
  }

  async function secondFactorMethods(tx: Tx, userId: string): Promise<('totp' | 'passkey' | 'recovery_code')[]> {
    const [cred] = await tx.select().from(userCredentials).where(eq(userCredentials.userId, userId));
    const passkeys = await tx
      .select({ id: webauthnCredentials.id })
      .from(webauthnCredentials)
      .where(eq(webauthnCredentials.userId, userId))
      .limit(1);
    const methods: ('totp' | 'passkey' | 'recovery_code')[] = [];
    if (cred?.totpEnabledAt && cred.totpSecret) methods.push('totp');
    if (passkeys.length > 0) methods.push('passkey');
    if (methods.length > 0 && (cred?.recoveryCodeHashes.length ?? 0) > 0) methods.push('recovery_code');
    return methods;
  }

  /** Ends a pending sign-in: revokes it and opens the full (active) session under a new id. */
  async function completeSignIn(tx: Tx, pending: SessionInfo, method: string, origin: RequestOrigin): Promise<SignInStep> {
    const at = now();
    await revokeSession(tx, pending.id, at);
    const { token } = await createSession(
      tx,
      {
        userId: pending.userId,
        state: 'active',
        authMethods: [...new Set([...pending.authMethods, method])],
        activeMembershipId: pending.activeMembershipId,
        mfaAt: at,
        ip: origin.ip,
        userAgent: origin.userAgent,
      },
      at,
    );
    const who = { userId: pending.userId, label: pending.displayName, memberships: pending.memberships };
    await record(tx, 'MFA_SUCCEEDED', who, origin, 'success', { method });
    await record(tx, 'SIGN_IN_SUCCEEDED', who, origin, 'success', { methods: [...pending.authMethods, method] });
    return {
      sessionToken: token,
      state: 'active',
      methods: [],
      deviceCookie: signValue(cookieKey, `${pending.userId}:${randomToken(12)}`),
    };
  }

  async function rotateAfterStepUp(tx: Tx, session: SessionInfo, method: string, origin: RequestOrigin): Promise<SignInStep> {
    const at = now();
    await revokeSession(tx, session.id, at);
    const { token } = await createSession(
      tx,
      {
        userId: session.userId,
        state: 'active',
        authMethods: [...new Set([...session.authMethods, method])],
        activeMembershipId: session.activeMembershipId,
        mfaAt: at,
        ip: origin.ip,
        userAgent: origin.userAgent,
        absoluteExpiresAt: session.absoluteExpiresAt,
      },
      at,
    );
    await record(
      tx,
      'MFA_SUCCEEDED',
      { userId: session.userId, label: session.displayName, memberships: session.memberships },
      origin,
      'success',
      {
        method,
        stepUp: true,
      },
    );
    return { sessionToken: token, state: 'active', methods: [] };
  }

  async function requireSession(tx: Tx, token: string | undefined, states: readonly SessionState[]): Promise<SessionInfo> {
    const s = token ? await resolveSession(tx, token, now()) : null;
    if (!s || !states.includes(s.state)) throw new AppError('UNAUTHENTICATED');
    return s;
  }

  async function consumeOrThrow(tx: Tx, rules: readonly RateRule[]): Promise<void> {
    const decision = await rateLimiter.consume(tx, rules, now());
    if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
  }

  /** Marks a token used and returns it; unknown, expired, used or wrong-purpose tokens all fail the same way. */
  async function takeToken(tx: Tx, token: string, purpose: 'password_reset' | 'email_verification') {
    const [row] = await tx
      .select()
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.tokenHash, sha256Hex(token)), eq(oneTimeTokens.purpose, purpose)))
      .for('update');
    if (!row || row.usedAt || row.expiresAt.getTime() <= now().getTime()) throw new AppError('TOKEN_INVALID');
    await tx.update(oneTimeTokens).set({ usedAt: now() }).where(eq(oneTimeTokens.id, row.id));
    return row;
  }

  return { deps, record, recordAlone, secondFactorMethods, completeSignIn, rotateAfterStepUp, requireSession, consumeOrThrow, takeToken };
}

export type AuthKit = ReturnType<typeof createAuthKit>;

/** Sensitive account changes need a second factor within the last 10 minutes. */
export function assertFreshStepUp(session: SessionInfo, at: Date): void {
  if (!session.mfaAt || at.getTime() - session.mfaAt.getTime() > STEP_UP_WINDOW_MS) throw new AppError('STEP_UP_REQUIRED');
}
