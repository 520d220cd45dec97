import { eq } from 'drizzle-orm';
import { withAuthTx } from '../../db/auth-tx';
import { userCredentials } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { LIMITS } from './rate-limit';
import { type SessionInfo } from './session-store';
import { checkTotp, newRecoveryCodes, newTotpSecret, totpEnrolment } from './totp';

import { assertFreshStepUp, PLATFORM_KEY, totpPlace, type AuthKit, type RequestOrigin, type SignInStep } from './auth-kit';

/** The second factors of an account (authenticator app and recovery codes). */
export function createAccountSecurityService(kit: AuthKit) {
  const { record, secondFactorMethods, completeSignIn, requireSession, consumeOrThrow } = kit;
  const { db, cipher, now } = kit.deps;
  return {
    /** Starts (or restarts) TOTP enrolment: a new secret, kept encrypted as pending until a code confirms it. */
    async startTotpEnrolment(session: SessionInfo) {
      if (session.state === 'active' && session.authMethods.includes('totp')) assertFreshStepUp(session, now());
      return withAuthTx(db, session.userId, async (tx) => {
        const secret = newTotpSecret();
        const sealed = await cipher.encrypt(PLATFORM_KEY, secret, totpPlace(session.userId, 'totp_pending'));
        await tx
          .insert(userCredentials)
          .values({ userId: session.userId, totpPending: sealed })
          .onConflictDoUpdate({
            target: userCredentials.userId,
            set: { totpPending: sealed },
          });
        const { otpauthUrl, qrSvg } = await totpEnrolment(secret, session.email);
        return { secret, otpauthUrl, qrSvg };
      });
    },

    /**
     * Confirms TOTP enrolment with a code from the app; returns the recovery codes (shown once). When the session was
     * waiting for enrolment, the sign-in completes with a new session id.
     */
    async confirmTotpEnrolment(
      token: string | undefined,
      code: string,
      origin: RequestOrigin,
    ): Promise<{ recoveryCodes: string[]; step: SignInStep | null }> {
      return withAuthTx(db, null, async (tx) => {
        const session = await requireSession(tx, token, ['enrol_mfa', 'active']);
        await consumeOrThrow(tx, [LIMITS.secondFactorPerSession(session.id), LIMITS.secondFactorPerUser(session.userId)]);
        const [cred] = await tx.select().from(userCredentials).where(eq(userCredentials.userId, session.userId)).for('update');
        if (!cred?.totpPending) {
          throw new AppError('CONFLICT', {
            detail: { ja: '先に認証アプリの登録を開始してください', en: 'Start the authenticator set-up first' },
          });
        }
        const secret = await cipher.decrypt(PLATFORM_KEY, cred.totpPending, totpPlace(session.userId, 'totp_pending'));
        const step = await checkTotp(secret, code.replace(/\s/g, ''), now(), null);
        if (step === null) throw new AppError('SECOND_FACTOR_INVALID');
        const { codes, hashes } = newRecoveryCodes();
        await tx
          .update(userCredentials)
          .set({
            totpSecret: await cipher.encrypt(PLATFORM_KEY, secret, totpPlace(session.userId, 'totp_secret')),
            totpPending: null,
            totpEnabledAt: now(),
            totpLastStep: step,
            recoveryCodeHashes: hashes,
          })
          .where(eq(userCredentials.userId, session.userId));
        await record(tx, 'TOTP_ENROLLED', { userId: session.userId, label: session.displayName, memberships: session.memberships }, origin);
        const signIn = session.state === 'enrol_mfa' ? await completeSignIn(tx, session, 'totp', origin) : null;
        return { recoveryCodes: codes, step: signIn };
      });
    },

    /** Removes TOTP (after a fresh step-up) when another second factor remains, or the user needs none. */
    async removeTotp(session: SessionInfo, origin: RequestOrigin): Promise<void> {
      assertFreshStepUp(session, now());
      await withAuthTx(db, session.userId, async (tx) => {
        // Every local account keeps a second factor (SMEs who want none sign in through OIDC instead).
        const methods = await secondFactorMethods(tx, session.userId);
        if (!methods.includes('passkey')) {
          throw new AppError('CONFLICT', {
            detail: {
              ja: '2段階認証の手段が残らなくなるため削除できません。先にパスキーを登録してください',
              en: 'This would leave you without a second factor. Register a passkey first',
            },
          });
        }
        await tx
          .update(userCredentials)
          .set({ totpSecret: null, totpPending: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: [] })
          .where(eq(userCredentials.userId, session.userId));
        await record(tx, 'TOTP_REMOVED', { userId: session.userId, label: session.displayName, memberships: session.memberships }, origin);
      });
    },

    async secondFactorStatus(session: SessionInfo) {
      return withAuthTx(db, session.userId, async (tx) => {
        const [cred] = await tx.select().from(userCredentials).where(eq(userCredentials.userId, session.userId));
        return { totpEnabled: Boolean(cred?.totpEnabledAt), recoveryCodesRemaining: cred?.recoveryCodeHashes.length ?? 0 };
      });
    },
  };
}
