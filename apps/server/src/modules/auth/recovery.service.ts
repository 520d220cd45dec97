import { eq } from 'drizzle-orm';
import { withAuthTx } from '../../db/auth-tx';
import type { Tx } from '../../db/client';
import { oneTimeTokens, userCredentials, users } from '../../db/schema';
import { AppError, invalid } from '../../errors/app-error';
import { hashPassword } from '../../security/passwords';
import { randomToken, sha256Hex } from '../../security/secrets';
import { checkPasswordPolicy } from './password-policy';
import { LIMITS, rateLimiter } from './rate-limit';
import { loadMemberships, revokeAllSessions } from './session-store';

import { normalizeEmail, RESET_TOKEN_MINUTES, VERIFY_TOKEN_MINUTES, type AuthKit, type RequestOrigin } from './auth-kit';

/** Password reset and email verification with single-use tokens. */
export function createRecoveryService(kit: AuthKit) {
  const { record, consumeOrThrow, takeToken } = kit;
  const { db, mailer, publicUrl, now } = kit.deps;
  return {
    /** Always answers the same way (no account enumeration); mails a single-use link when the account exists. */
    async requestPasswordReset(emailInput: string, origin: RequestOrigin): Promise<void> {
      const email = normalizeEmail(emailInput);
      await withAuthTx(db, null, async (tx) => {
        await consumeOrThrow(tx, [LIMITS.resetPerAddress(origin.ip)]);
        const perAccount = await rateLimiter.consume(tx, [LIMITS.resetPerAccount(email)], now());
        const [user] = await tx.select().from(users).where(eq(users.email, email));
        if (!user || user.status !== 'active' || !perAccount.allowed) return;
        const token = randomToken(32);
        await tx.insert(oneTimeTokens).values({
          tokenHash: sha256Hex(token),
          purpose: 'password_reset',
          userId: user.id,
          email,
          expiresAt: new Date(now().getTime() + RESET_TOKEN_MINUTES * 60_000),
        });
        await mailer.enqueue(tx, email, {
          kind: 'password_reset',
          link: `${publicUrl}/reset-password#token=${token}`,
          expiresMinutes: RESET_TOKEN_MINUTES,
        });
        const ms = await loadMemberships(tx, user.id);
        await record(tx, 'PASSWORD_RESET_REQUESTED', { userId: user.id, label: user.displayName, memberships: ms }, origin);
      });
    },

    /** Sets a new password with a valid, unused, unexpired token; every session of the account ends. */
    async completePasswordReset(input: { token: string; password: string }, origin: RequestOrigin): Promise<void> {
      await withAuthTx(db, null, async (tx) => {
        await consumeOrThrow(tx, [LIMITS.tokenPerAddress(origin.ip)]);
        const t = await takeToken(tx, input.token, 'password_reset');
        if (!t.userId) throw new AppError('TOKEN_INVALID');
        const issues = checkPasswordPolicy(input.password, t.email);
        if (issues.length > 0) throw invalid(issues);
        await tx
          .insert(userCredentials)
          .values({ userId: t.userId, passwordHash: await hashPassword(input.password), passwordChangedAt: now() })
          .onConflictDoUpdate({
            target: userCredentials.userId,
            set: { passwordHash: await hashPassword(input.password), passwordChangedAt: now() },
          });
        await revokeAllSessions(tx, t.userId, now());
        const ms = await loadMemberships(tx, t.userId);
        await record(tx, 'PASSWORD_RESET_COMPLETED', { userId: t.userId, label: null, memberships: ms }, origin);
      });
    },

    /** Marks an email address verified with a single-use token. */
    async verifyEmail(token: string, origin: RequestOrigin): Promise<{ email: string; payload: unknown }> {
      return withAuthTx(db, null, async (tx) => {
        await consumeOrThrow(tx, [LIMITS.tokenPerAddress(origin.ip)]);
        const t = await takeToken(tx, token, 'email_verification');
        if (t.userId) {
          await tx.update(users).set({ emailVerifiedAt: now() }).where(eq(users.id, t.userId));
          await record(tx, 'EMAIL_VERIFIED', { userId: t.userId, label: null }, origin);
        }
        return { email: t.email, payload: t.payload };
      });
    },

    /** Issues a single-use email-verification token in the caller's transaction and mails the link. */
    async issueEmailVerification(
      tx: Tx,
      input: { email: string; userId: string | null; payload: Record<string, unknown>; linkPath: string },
    ): Promise<void> {
      const token = randomToken(32);
      await tx.insert(oneTimeTokens).values({
        tokenHash: sha256Hex(token),
        purpose: 'email_verification',
        userId: input.userId,
        email: normalizeEmail(input.email),
        payload: input.payload,
        expiresAt: new Date(now().getTime() + VERIFY_TOKEN_MINUTES * 60_000),
      });
      await mailer.enqueue(tx, normalizeEmail(input.email), {
        kind: 'email_verification',
        link: `${publicUrl}${input.linkPath}#token=${token}`,
        expiresMinutes: VERIFY_TOKEN_MINUTES,
      });
    },
  };
}
