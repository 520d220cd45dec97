import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { LocalizedText } from '@kasseika/contracts';
import { withAuthTx } from '../../db/auth-tx';
import type { Tx } from '../../db/client';
import { sessions, userCredentials, users } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { verifyAgainstDummy, verifyPassword } from '../../security/passwords';
import { unsignValue } from './cookies';
import { LIMITS, rateLimiter } from './rate-limit';
import {
  createSession,
  loadMemberships,
  resolveSession,
  revokeAllSessions,
  revokeSession,
  type SessionInfo,
  type SessionState,
} from './session-store';
import { checkTotp, hashRecoveryCode } from './totp';

import { createAccountSecurityService } from './account-security.service';
import { createRecoveryService } from './recovery.service';
import {
  createAuthKit,
  normalizeEmail,
  PLATFORM_KEY,
  rateLimited,
  totpPlace,
  type AuthKit,
  type AuthServiceDeps,
  type RequestOrigin,
  type SignInStep,
} from './auth-kit';

export type { RequestOrigin, SignInStep } from './auth-kit';
export { assertFreshStepUp, normalizeEmail } from './auth-kit';

/** Sign-in, second factor, step-up and sessions. */
export function createSignInService(kit: AuthKit) {
  const { record, recordAlone, secondFactorMethods, completeSignIn, rotateAfterStepUp, requireSession, consumeOrThrow } = kit;
  const { db, cipher, cookieKey, now } = kit.deps;
  return {
    /** Step 1: email + password. Never says whether the account exists. */
    async signInWithPassword(
      input: { email: string; password: string },
      origin: RequestOrigin,
      deviceCookie: string | undefined,
    ): Promise<SignInStep> {
      const email = normalizeEmail(input.email);
      const device = unsignValue(cookieKey, deviceCookie);
      const outcome = await withAuthTx(db, null, async (tx) => {
        const ipDecision = await rateLimiter.consume(tx, [LIMITS.signInPerAddress(origin.ip)], now());
        if (!ipDecision.allowed) return { kind: 'limited' as const, retry: ipDecision.retryAfterSeconds };
        const [user] = await tx.select().from(users).where(eq(users.email, email));
        const knownDevice = device && user && device.startsWith(`${user.id}:`) ? device : null;
        const failureRule = knownDevice ? LIMITS.signInFailuresPerDevice(knownDevice) : LIMITS.signInFailuresPerAccount(email);
        const failures = await rateLimiter.check(tx, [failureRule, LIMITS.signInFailuresPerAddress(origin.ip)], now());
        if (!failures.allowed) return { kind: 'limited' as const, retry: failures.retryAfterSeconds, userId: user?.id ?? null };
        const [cred] = user ? await tx.select().from(userCredentials).where(eq(userCredentials.userId, user.id)) : [];
        const ok =
          user && user.status === 'active' && cred?.passwordHash
            ? await verifyPassword(cred.passwordHash, input.password)
            : await verifyAgainstDummy(input.password);
        if (!ok || !user) {
          await rateLimiter.consume(tx, [failureRule, LIMITS.signInFailuresPerAddress(origin.ip)], now());
          return { kind: 'failed' as const, userId: user?.id ?? null };
        }
        const ms = await loadMemberships(tx, user.id);
        const methods = await secondFactorMethods(tx, user.id);
        const state: SessionState = methods.length > 0 ? 'pending_mfa' : 'enrol_mfa';
        const { token } = await createSession(
          tx,
          {
            userId: user.id,
            state,
            authMethods: ['password'],
            activeMembershipId: ms[0]?.id ?? null,
            mfaAt: null,
            ip: origin.ip,
            userAgent: origin.userAgent,
          },
          now(),
        );
        return { kind: 'ok' as const, step: { sessionToken: token, state, methods } };
      });
      if (outcome.kind === 'ok') return outcome.step;
      const userId = 'userId' in outcome ? (outcome.userId ?? null) : null;
      if (outcome.kind === 'limited') {
        await recordAlone('RATE_LIMITED', { userId, label: null }, origin, 'denied', { flow: 'sign-in' });
        throw rateLimited(outcome.retry);
      }
      await recordAlone('SIGN_IN_FAILED', { userId, label: null }, origin, 'failure', { reason: 'invalid_credentials' });
      throw new AppError('INVALID_CREDENTIALS');
    },

    /** Step 2 (TOTP or a recovery code), for a pending sign-in. Rotates the session id on success. */
    async verifySecondFactor(
      token: string | undefined,
      input: { method: 'totp' | 'recovery_code'; code: string },
      origin: RequestOrigin,
    ): Promise<SignInStep> {
      const result = await withAuthTx(db, null, async (tx) => {
        const pending = await requireSession(tx, token, ['pending_mfa']);
        await consumeOrThrow(tx, [LIMITS.secondFactorPerSession(pending.id), LIMITS.secondFactorPerUser(pending.userId)]);
        const [cred] = await tx.select().from(userCredentials).where(eq(userCredentials.userId, pending.userId)).for('update');
        if (cred && input.method === 'totp' && cred.totpSecret && cred.totpEnabledAt) {
          const secret = await cipher.decrypt(PLATFORM_KEY, cred.totpSecret, totpPlace(pending.userId, 'totp_secret'));
          const step = await checkTotp(secret, input.code.replace(/\s/g, ''), now(), cred.totpLastStep);
          if (step !== null) {
            await tx.update(userCredentials).set({ totpLastStep: step }).where(eq(userCredentials.userId, pending.userId));
            return { ok: true as const, step: await completeSignIn(tx, pending, 'totp', origin) };
          }
        }
        if (cred && input.method === 'recovery_code') {
          const h = hashRecoveryCode(input.code);
          if (cred.recoveryCodeHashes.includes(h)) {
            await tx
              .update(userCredentials)
              .set({ recoveryCodeHashes: cred.recoveryCodeHashes.filter((x) => x !== h) })
              .where(eq(userCredentials.userId, pending.userId));
            await record(
              tx,
              'RECOVERY_CODE_USED',
              { userId: pending.userId, label: pending.displayName, memberships: pending.memberships },
              origin,
              'success',
              {
                remaining: cred.recoveryCodeHashes.length - 1,
              },
            );
            return { ok: true as const, step: await completeSignIn(tx, pending, 'recovery_code', origin) };
          }
        }
        return { ok: false as const, userId: pending.userId, label: pending.displayName, memberships: pending.memberships };
      });
      if (result.ok) return result.step;
      await recordAlone('MFA_FAILED', { userId: result.userId, label: result.label, memberships: result.memberships }, origin, 'failure', {
        method: input.method,
      });
      throw new AppError('SECOND_FACTOR_INVALID');
    },

    /**
     * Step-up: a signed-in user proves the second factor again before a sensitive change. The session id rotates
     * and `mfa_at` is renewed (the 12-hour absolute limit stays).
     */
    async stepUp(token: string | undefined, input: { code: string }, origin: RequestOrigin): Promise<SignInStep> {
      const result = await withAuthTx(db, null, async (tx) => {
        const session = await requireSession(tx, token, ['active']);
        await consumeOrThrow(tx, [LIMITS.secondFactorPerSession(session.id), LIMITS.secondFactorPerUser(session.userId)]);
        const [cred] = await tx.select().from(userCredentials).where(eq(userCredentials.userId, session.userId)).for('update');
        if (cred?.totpSecret && cred.totpEnabledAt) {
          const secret = await cipher.decrypt(PLATFORM_KEY, cred.totpSecret, totpPlace(session.userId, 'totp_secret'));
          const step = await checkTotp(secret, input.code.replace(/\s/g, ''), now(), cred.totpLastStep);
          if (step !== null) {
            await tx.update(userCredentials).set({ totpLastStep: step }).where(eq(userCredentials.userId, session.userId));
            return { ok: true as const, step: await rotateAfterStepUp(tx, session, 'totp', origin) };
          }
        }
        return { ok: false as const, session };
      });
      if (result.ok) return result.step;
      const s = result.session;
      await recordAlone('MFA_FAILED', { userId: s.userId, label: s.displayName, memberships: s.memberships }, origin, 'failure', {
        method: 'totp',
        stepUp: true,
      });
      throw new AppError('SECOND_FACTOR_INVALID');
    },

    /** The passkey flow's step-up completion. */
    async stepUpWithPasskey(tx: Tx, session: SessionInfo, origin: RequestOrigin): Promise<SignInStep> {
      return rotateAfterStepUp(tx, session, 'passkey', origin);
    },

    /** Called by the passkey flow once the assertion verified: completes a pending sign-in. */
    async completeWithPasskey(tx: Tx, pending: SessionInfo, origin: RequestOrigin): Promise<SignInStep> {
      return completeSignIn(tx, pending, 'passkey', origin);
    },

    /** Resolves the session of a request (the authentication hook uses this). */
    resolve(token: string): Promise<SessionInfo | null> {
      return withAuthTx(db, null, (tx) => resolveSession(tx, token, now()));
    },

    async extendSession(token: string | undefined): Promise<SessionInfo> {
      return withAuthTx(db, null, async (tx) => {
        const s = await requireSession(tx, token, ['active']);
        await tx.update(sessions).set({ lastSeenAt: now() }).where(eq(sessions.id, s.id));
        const refreshed = await resolveSession(tx, token ?? '', now(), false);
        if (!refreshed) throw new AppError('UNAUTHENTICATED');
        return refreshed;
      });
    },

    async signOut(session: SessionInfo, origin: RequestOrigin): Promise<void> {
      await withAuthTx(db, session.userId, async (tx) => {
        await revokeSession(tx, session.id, now());
        await record(tx, 'SIGNED_OUT', { userId: session.userId, label: session.displayName, memberships: session.memberships }, origin);
      });
    },

    async signOutEverywhere(session: SessionInfo, origin: RequestOrigin): Promise<number> {
      return withAuthTx(db, session.userId, async (tx) => {
        const n = await revokeAllSessions(tx, session.userId, now());
        await record(
          tx,
          'SIGNED_OUT_EVERYWHERE',
          { userId: session.userId, label: session.displayName, memberships: session.memberships },
          origin,
          'success',
          {
            sessions: n,
          },
        );
        return n;
      });
    },

    async listSessions(session: SessionInfo) {
      return withAuthTx(db, session.userId, async (tx) => {
        const rows = await tx
          .select()
          .from(sessions)
          .where(
            and(
              eq(sessions.userId, session.userId),
              isNull(sessions.revokedAt),
              gt(sessions.expiresAt, now()),
              eq(sessions.state, 'active'),
            ),
          )
          .orderBy(desc(sessions.lastSeenAt));
        return rows.map((r) => ({
          id: r.id,
          createdAt: r.createdAt.toISOString(),
          lastSeenAt: r.lastSeenAt.toISOString(),
          ip: r.ip,
          userAgent: r.userAgent,
          current: r.id === session.id,
        }));
      });
    },

    async revokeOwnSession(session: SessionInfo, sessionId: string, origin: RequestOrigin): Promise<void> {
      await withAuthTx(db, session.userId, async (tx) => {
        const [row] = await tx
          .select({ id: sessions.id })
          .from(sessions)
          .where(and(eq(sessions.id, sessionId), eq(sessions.userId, session.userId), isNull(sessions.revokedAt)));
        if (!row)
          throw new AppError('NOT_FOUND', {
            detail: { ja: '指定されたセッションは見つかりませんでした', en: 'The session was not found' },
          });
        await revokeSession(tx, sessionId, now());
        await record(
          tx,
          'SESSION_REVOKED',
          { userId: session.userId, label: session.displayName, memberships: session.memberships },
          origin,
          'success',
          {
            sessionId,
          },
        );
      });
    },
  };
}

/** The identity service: sign-in, account security and recovery, sharing one kit. */
export function createAuthService(deps: AuthServiceDeps) {
  const kit = createAuthKit(deps);
  return { ...createSignInService(kit), ...createAccountSecurityService(kit), ...createRecoveryService(kit) };
}

export type AuthService = ReturnType<typeof createAuthService>;

export const SESSION_STATE_TEXT: Record<SessionState, LocalizedText> = {
  pending_mfa: { ja: '2段階認証の確認待ち', en: 'Waiting for the second factor' },
  enrol_mfa: { ja: '2段階認証の登録が必要', en: 'A second factor must be registered' },
  active: { ja: 'サインイン中', en: 'Signed in' },
};
