import { and, asc, eq } from 'drizzle-orm';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
  type WebAuthnCredential,
} from '@simplewebauthn/server';
import {
  passkeyCreationOptionsSchema,
  passkeyRequestOptionsSchema,
  type Passkey,
  type PasskeyCreationOptions,
  type PasskeyRequestOptions,
} from '@kasseika/contracts';
import { withAuthTx } from '../../db/auth-tx';
import type { Tx } from '../../db/client';
import { userCredentials, users, webauthnCredentials } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { sha256Hex } from '../../security/secrets';
import { assertFreshStepUp, createAuthKit, type AuthServiceDeps, type RequestOrigin, type SignInStep } from './auth-kit';
import { signValue, unsignValue } from './cookies';
import { LIMITS, rateLimiter, type RateRule } from './rate-limit';
import { createSession, loadMemberships, resolveSession, revokeSession, type SessionInfo } from './session-store';
import { newRecoveryCodes } from './totp';

/** A ceremony must finish within this time (the challenge cookie and its signed payload both expire). */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
const RP_NAME = 'Kasseika 中小企業活性化協議会';
const CEREMONY_TIMEOUT_MS = 120_000;

/** Passwordless sign-in attempts per client address (the account is limited too, once the passkey names it). */
const passkeySignInPerAddress = (ip: string): RateRule => ({ key: `passkey-ip:${ip}`, limit: 30, windowMs: 15 * 60 * 1000 });

type Ceremony = 'register' | 'authenticate' | 'step_up';

/** What the signed challenge cookie carries: the ceremony, its challenge, who it is for and when it was issued. */
interface ChallengeState {
  readonly k: Ceremony;
  readonly c: string;
  /** The user the ceremony is for (registration, second factor, step-up); null for passwordless sign-in. */
  readonly u: string | null;
  /** The session the ceremony belongs to (second factor, step-up). */
  readonly s: string | null;
  /** Issued at (ms since the epoch). */
  readonly t: number;
}

type CredentialRow = typeof webauthnCredentials.$inferSelect;

const passkeyFailed = () =>
  new AppError('SECOND_FACTOR_INVALID', {
    detail: {
      ja: 'パスキーを確認できませんでした。登録済みのパスキーで、もう一度お試しください',
      en: 'The passkey could not be verified. Try again with a registered passkey',
    },
  });

const ceremonyExpired = () =>
  new AppError('SECOND_FACTOR_INVALID', {
    detail: {
      ja: 'パスキーの確認に時間がかかりすぎたか、手順が中断されました。最初からもう一度お試しください',
      en: 'The passkey step took too long or was interrupted. Start again',
    },
  });

/** The WebAuthn user handle of an account: its id's bytes (no personal data), base64url in JSON. */
export function userHandleOf(userId: string): string {
  return Buffer.from(userId, 'utf8').toString('base64url');
}

function presentPasskey(row: CredentialRow): Passkey {
  return {
    id: row.id,
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    deviceType: row.deviceType === 'multiDevice' ? 'multiDevice' : 'singleDevice',
    backedUp: row.backedUp,
  };
}

function asCredential(row: CredentialRow): WebAuthnCredential {
  return { id: row.id, publicKey: new Uint8Array(row.publicKey), counter: row.counter, transports: row.transports };
}

/**
 * Passkeys (WebAuthn): registration (while enrolling or from account settings), second factor after the password,
 * passwordless sign-in with a user-verifying passkey (multi-factor on its own), and step-up. The challenge of a
 * ceremony travels in a signed, short-lived cookie and is single-use: its first verification attempt claims it.
 */
export function createPasskeysService(deps: AuthServiceDeps) {
  const kit = createAuthKit(deps);
  const { db, cookieKey, now } = deps;
  const site = new URL(deps.publicUrl);
  /** The relying party: the host name of the public URL; assertions must come from exactly its origin. */
  const rpID = site.hostname;
  const expectedOrigin = site.origin;

  function challengeCookie(state: Omit<ChallengeState, 't'>): string {
    const payload: ChallengeState = { ...state, t: now().getTime() };
    return signValue(cookieKey, Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url'));
  }

  function readChallenge(cookie: string | undefined, kind: Ceremony): ChallengeState {
    const raw = unsignValue(cookieKey, cookie);
    if (!raw) throw ceremonyExpired();
    let state: ChallengeState;
    try {
      state = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as ChallengeState;
    } catch {
      throw ceremonyExpired();
    }
    const age = now().getTime() - state.t;
    if (state.k !== kind || typeof state.c !== 'string' || age < 0 || age > CHALLENGE_TTL_MS) throw ceremonyExpired();
    return state;
  }

  /** Claims a challenge for its one verification attempt: a counter keyed by the challenge, in its issue window. */
  async function claim(tx: Tx, state: ChallengeState): Promise<boolean> {
    const rule: RateRule = { key: `webauthn-challenge:${sha256Hex(state.c)}`, limit: 1, windowMs: CHALLENGE_TTL_MS };
    const decision = await rateLimiter.consume(tx, [rule], new Date(state.t));
    return decision.allowed;
  }

  async function credentialsOf(tx: Tx, userId: string): Promise<CredentialRow[]> {
    return tx.select().from(webauthnCredentials).where(eq(webauthnCredentials.userId, userId)).orderBy(asc(webauthnCredentials.createdAt));
  }

  const who = (s: SessionInfo) => ({ userId: s.userId, label: s.displayName, memberships: s.memberships });

  /** Verifies an assertion against a stored credential; on success stores the new signature counter. */
  async function checkAssertion(
    tx: Tx,
    row: CredentialRow,
    response: AuthenticationResponseJSON,
    challenge: string,
    requireUserVerification: boolean,
  ): Promise<boolean> {
    if (response.response.userHandle && response.response.userHandle !== userHandleOf(row.userId)) return false;
    try {
      const result = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin,
        expectedRPID: rpID,
        credential: asCredential(row),
        requireUserVerification,
      });
      if (!result.verified) return false;
      await tx
        .update(webauthnCredentials)
        .set({ counter: result.authenticationInfo.newCounter, backedUp: result.authenticationInfo.credentialBackedUp, lastUsedAt: now() })
        .where(eq(webauthnCredentials.id, row.id));
      return true;
    } catch {
      // Wrong origin, RP, challenge, signature, flags or a counter that went backwards: all the same to the caller.
      return false;
    }
  }

  /** Verifies a registration (attestation 'none' or any format the library verifies); null when it fails. */
  async function checkAttestation(response: RegistrationResponseJSON, challenge: string) {
    try {
      const verified = await verifyRegistrationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin,
        expectedRPID: rpID,
        requireUserVerification: false,
      });
      return verified.verified ? verified.registrationInfo : null;
    } catch {
      return null;
    }
  }

  async function findCredential(tx: Tx, id: string): Promise<CredentialRow | null> {
    const [row] = await tx.select().from(webauthnCredentials).where(eq(webauthnCredentials.id, id)).for('update');
    return row ?? null;
  }

  return {
    /**
     * Options for signing in with a passkey. With a pending sign-in (password given) the passkey is the second factor
     * and only that account's passkeys are allowed; without one it is a passwordless sign-in and the authenticator
     * must verify the user (PIN or biometrics), which makes the passkey multi-factor on its own.
     */
    async authenticationOptions(session: SessionInfo | null): Promise<{ options: PasskeyRequestOptions; cookie: string }> {
      const waiting = session?.state === 'pending_mfa' ? session : null;
      const rows = waiting ? await withAuthTx(db, waiting.userId, (tx) => credentialsOf(tx, waiting.userId)) : [];
      // A pending sign-in of an account without passkeys cannot use one as its second factor: the ceremony is then
      // a passwordless sign-in (which replaces the pending one), e.g. someone else at the same browser.
      const pending = rows.length > 0 ? waiting : null;
      const options = await generateAuthenticationOptions({
        rpID,
        allowCredentials: rows.map((r) => ({ id: r.id, transports: r.transports })),
        userVerification: pending ? 'preferred' : 'required',
        timeout: CEREMONY_TIMEOUT_MS,
      });
      const cookie = challengeCookie({ k: 'authenticate', c: options.challenge, u: pending?.userId ?? null, s: pending?.id ?? null });
      return { options: passkeyRequestOptionsSchema.parse(options), cookie };
    },

    /** Completes a pending sign-in (second factor) or signs in without a password; the session id is new either way. */
    async verifyAuthentication(
      sessionToken: string | undefined,
      cookie: string | undefined,
      response: AuthenticationResponseJSON,
      origin: RequestOrigin,
    ): Promise<SignInStep> {
      const state = readChallenge(cookie, 'authenticate');
      const result = await withAuthTx(db, null, async (tx) => {
        const current = sessionToken ? await resolveSession(tx, sessionToken, now(), false) : null;
        let pending: SessionInfo | null = null;
        if (state.s !== null) {
          if (!current || current.id !== state.s || current.state !== 'pending_mfa') throw new AppError('UNAUTHENTICATED');
          pending = current;
          await kit.consumeOrThrow(tx, [LIMITS.secondFactorPerSession(pending.id), LIMITS.secondFactorPerUser(pending.userId)]);
        } else {
          await kit.consumeOrThrow(tx, [passkeySignInPerAddress(origin.ip)]);
        }
        if (!(await claim(tx, state))) return { ok: false as const, pending, userId: pending?.userId ?? null };
        const row = await findCredential(tx, response.id);
        if (!row || (pending && row.userId !== pending.userId)) return { ok: false as const, pending, userId: pending?.userId ?? null };
        if (!pending) await kit.consumeOrThrow(tx, [LIMITS.secondFactorPerUser(row.userId)]);
        if (!(await checkAssertion(tx, row, response, state.c, pending === null)))
          return { ok: false as const, pending, userId: row.userId };
        if (pending) return { ok: true as const, step: await kit.completeSignIn(tx, pending, 'passkey', origin) };

        // Passwordless: open a sign-in for the passkey's account and complete it at once (the kit rotates the id).
        const [user] = await tx.select().from(users).where(eq(users.id, row.userId));
        if (user?.status !== 'active') return { ok: false as const, pending, userId: row.userId };
        if (current) await revokeSession(tx, current.id, now());
        const ms = await loadMemberships(tx, user.id);
        const opened = await createSession(
          tx,
          {
            userId: user.id,
            state: 'pending_mfa',
            authMethods: [],
            activeMembershipId: ms[0]?.id ?? null,
            mfaAt: null,
            ip: origin.ip,
            userAgent: origin.userAgent,
          },
          now(),
        );
        const signingIn = await resolveSession(tx, opened.token, now(), false);
        if (!signingIn) throw new Error('the new sign-in could not be read back');
        return { ok: true as const, step: await kit.completeSignIn(tx, signingIn, 'passkey', origin) };
      });
      if (result.ok) return result.step;
      if (result.pending) {
        await kit.recordAlone('MFA_FAILED', who(result.pending), origin, 'failure', { method: 'passkey' });
      } else {
        await kit.recordAlone('SIGN_IN_FAILED', { userId: result.userId, label: null }, origin, 'failure', {
          reason: 'passkey_invalid',
          method: 'passkey',
        });
      }
      throw passkeyFailed();
    },

    /** Options for proving the second factor again with a passkey before a sensitive change. */
    async stepUpOptions(session: SessionInfo): Promise<{ options: PasskeyRequestOptions; cookie: string }> {
      const rows = await withAuthTx(db, session.userId, (tx) => credentialsOf(tx, session.userId));
      if (rows.length === 0) {
        throw new AppError('CONFLICT', {
          detail: { ja: 'このアカウントにはパスキーが登録されていません', en: 'This account has no passkey' },
        });
      }
      const options = await generateAuthenticationOptions({
        rpID,
        allowCredentials: rows.map((r) => ({ id: r.id, transports: r.transports })),
        userVerification: 'preferred',
        timeout: CEREMONY_TIMEOUT_MS,
      });
      return {
        options: passkeyRequestOptionsSchema.parse(options),
        cookie: challengeCookie({ k: 'step_up', c: options.challenge, u: session.userId, s: session.id }),
      };
    },

    async verifyStepUp(
      sessionToken: string | undefined,
      cookie: string | undefined,
      response: AuthenticationResponseJSON,
      origin: RequestOrigin,
    ): Promise<SignInStep> {
      const state = readChallenge(cookie, 'step_up');
      const result = await withAuthTx(db, null, async (tx) => {
        const session = await kit.requireSession(tx, sessionToken, ['active']);
        if (session.id !== state.s) throw ceremonyExpired();
        await kit.consumeOrThrow(tx, [LIMITS.secondFactorPerSession(session.id), LIMITS.secondFactorPerUser(session.userId)]);
        if (!(await claim(tx, state))) return { ok: false as const, session };
        const row = await findCredential(tx, response.id);
        if (row?.userId !== session.userId || !(await checkAssertion(tx, row, response, state.c, false))) {
          return { ok: false as const, session };
        }
        return { ok: true as const, step: await kit.rotateAfterStepUp(tx, session, 'passkey', origin) };
      });
      if (result.ok) return result.step;
      await kit.recordAlone('MFA_FAILED', who(result.session), origin, 'failure', { method: 'passkey', stepUp: true });
      throw passkeyFailed();
    },

    /**
     * Options for registering a passkey: while enrolling (enrol_mfa) or from account settings, where adding one to an
     * account that already has a second factor needs a fresh step-up.
     */
    async registrationOptions(session: SessionInfo): Promise<{ options: PasskeyCreationOptions; cookie: string }> {
      const { rows, methods } = await withAuthTx(db, session.userId, async (tx) => ({
        rows: await credentialsOf(tx, session.userId),
        methods: await kit.secondFactorMethods(tx, session.userId),
      }));
      if (session.state === 'active' && methods.length > 0) assertFreshStepUp(session, now());
      const options = await generateRegistrationOptions({
        rpName: RP_NAME,
        rpID,
        userName: session.email,
        userDisplayName: session.displayName,
        userID: new Uint8Array(Buffer.from(session.userId, 'utf8')),
        attestationType: 'none',
        excludeCredentials: rows.map((r) => ({ id: r.id, transports: r.transports })),
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
        timeout: CEREMONY_TIMEOUT_MS,
      });
      return {
        options: passkeyCreationOptionsSchema.parse(options),
        cookie: challengeCookie({ k: 'register', c: options.challenge, u: session.userId, s: session.id }),
      };
    },

    /**
     * Stores a new passkey. The first second factor of an account also gets recovery codes (shown once). While
     * enrolling, the sign-in completes under a new session id.
     */
    async verifyRegistration(
      sessionToken: string | undefined,
      cookie: string | undefined,
      input: { response: RegistrationResponseJSON; label?: string | undefined },
      origin: RequestOrigin,
    ): Promise<{ passkey: Passkey; recoveryCodes: string[] | null; step: SignInStep | null }> {
      const state = readChallenge(cookie, 'register');
      const result = await withAuthTx(db, null, async (tx) => {
        const session = await kit.requireSession(tx, sessionToken, ['enrol_mfa', 'active']);
        if (session.userId !== state.u) throw ceremonyExpired();
        const methods = await kit.secondFactorMethods(tx, session.userId);
        if (session.state === 'active' && methods.length > 0) assertFreshStepUp(session, now());
        await kit.consumeOrThrow(tx, [LIMITS.secondFactorPerSession(session.id), LIMITS.secondFactorPerUser(session.userId)]);
        if (!(await claim(tx, state))) return { ok: false as const, session };
        const info = await checkAttestation(input.response, state.c);
        if (!info) return { ok: false as const, session };
        if (await findCredential(tx, info.credential.id)) {
          throw new AppError('CONFLICT', {
            detail: { ja: 'このパスキーはすでに登録されています', en: 'This passkey is already registered' },
          });
        }
        const existing = await credentialsOf(tx, session.userId);
        const [row] = await tx
          .insert(webauthnCredentials)
          .values({
            id: info.credential.id,
            userId: session.userId,
            publicKey: Buffer.from(info.credential.publicKey),
            counter: info.credential.counter,
            transports: (info.credential.transports ?? input.response.response.transports ?? []).slice(0, 10),
            deviceType: info.credentialDeviceType,
            backedUp: info.credentialBackedUp,
            label: input.label ?? `パスキー ${existing.length + 1}`,
            createdAt: now(),
          })
          .returning();
        if (!row) throw new Error('passkey not stored');
        let recoveryCodes: string[] | null = null;
        const [cred] = await tx.select().from(userCredentials).where(eq(userCredentials.userId, session.userId)).for('update');
        if ((cred?.recoveryCodeHashes.length ?? 0) === 0) {
          const fresh = newRecoveryCodes();
          recoveryCodes = fresh.codes;
          await tx
            .insert(userCredentials)
            .values({ userId: session.userId, recoveryCodeHashes: fresh.hashes })
            .onConflictDoUpdate({ target: userCredentials.userId, set: { recoveryCodeHashes: fresh.hashes } });
        }
        await kit.record(tx, 'PASSKEY_REGISTERED', who(session), origin, 'success', {
          passkeyId: row.id.slice(0, 16),
          label: row.label,
          deviceType: row.deviceType,
        });
        const step = session.state === 'enrol_mfa' ? await kit.completeSignIn(tx, session, 'passkey', origin) : null;
        return { ok: true as const, passkey: presentPasskey(row), recoveryCodes, step };
      });
      if (result.ok) return { passkey: result.passkey, recoveryCodes: result.recoveryCodes, step: result.step };
      await kit.recordAlone('MFA_FAILED', who(result.session), origin, 'failure', { method: 'passkey', registration: true });
      throw passkeyFailed();
    },

    async list(session: SessionInfo): Promise<Passkey[]> {
      return withAuthTx(db, session.userId, async (tx) => (await credentialsOf(tx, session.userId)).map(presentPasskey));
    },

    /** Removes a passkey (fresh step-up); the last second factor of an account is never removed. */
    async remove(session: SessionInfo, passkeyId: string, origin: RequestOrigin): Promise<void> {
      assertFreshStepUp(session, now());
      await withAuthTx(db, session.userId, async (tx) => {
        const [row] = await tx
          .select()
          .from(webauthnCredentials)
          .where(and(eq(webauthnCredentials.id, passkeyId), eq(webauthnCredentials.userId, session.userId)))
          .for('update');
        if (!row) {
          throw new AppError('NOT_FOUND', { detail: { ja: '指定されたパスキーは見つかりませんでした', en: 'The passkey was not found' } });
        }
        const others = (await credentialsOf(tx, session.userId)).filter((r) => r.id !== row.id);
        const methods = await kit.secondFactorMethods(tx, session.userId);
        if (others.length === 0 && !methods.includes('totp')) {
          throw new AppError('CONFLICT', {
            detail: {
              ja: '2段階認証の手段が残らなくなるため削除できません。先に別のパスキーか認証アプリを登録してください',
              en: 'This would leave you without a second factor. Register another passkey or an authenticator app first',
            },
          });
        }
        await tx.delete(webauthnCredentials).where(eq(webauthnCredentials.id, row.id));
        await kit.record(tx, 'PASSKEY_REMOVED', who(session), origin, 'success', { passkeyId: row.id.slice(0, 16), label: row.label });
      });
    },
  };
}

export type PasskeysService = ReturnType<typeof createPasskeysService>;
