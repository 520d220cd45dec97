import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { PasskeyCreationOptions, PasskeyRequestOptions, ProblemDetails, SessionStatus } from '@kasseika/contracts';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { TestClient } from '../../../test/http-client';
import { createUser, signIn, type TestUser } from '../../../test/factories';
import { SoftAuthenticator } from '../../../test/soft-authenticator';
import { auditEvents, webauthnCredentials } from '../../db/schema';
import { SESSION_COOKIE, WEBAUTHN_COOKIE } from './cookies';
import { currentTotp } from './totp';

let t: TestApp;
let origin: string;
beforeAll(async () => {
  t = await createTestApp();
  origin = new URL(t.config.publicUrl).origin;
});
afterAll(async () => {
  await t.close();
});

const client = (ip = '203.0.113.20') => new TestClient(t.app, { 'user-agent': 'vitest' }).withIp(ip);
const user = (role: TestUser['role'] = 'council_staff', opts: { totp?: boolean } = {}) =>
  createUser(t.database.db, t.services.cipher, { role, ...opts });

async function status(c: TestClient): Promise<SessionStatus> {
  return (await c.get('/api/v1/auth/session')).json<SessionStatus>();
}

/** Runs a whole registration ceremony in a client with the given authenticator; returns the verify response. */
async function register(c: TestClient, authenticator: SoftAuthenticator, label = '業務用PC') {
  const opts = await c.post('/api/v1/account/passkeys/registration/options', {});
  expect(opts.statusCode, opts.body).toBe(200);
  const options = opts.json<PasskeyCreationOptions>();
  return c.post('/api/v1/account/passkeys/registration/verify', { response: authenticator.register(options), label });
}

/** A user whose only second factor is a passkey (enrolled through the API, as a new account does). */
async function passkeyUser(role: TestUser['role'] = 'expert', counting = true) {
  const u = await user(role, { totp: false });
  const authenticator = new SoftAuthenticator(origin, { counting });
  const c = client();
  await c.post('/api/v1/auth/sign-in', { email: u.email, password: u.password });
  const res = await register(c, authenticator);
  expect(res.statusCode, res.body).toBe(201);
  return { u, authenticator, c };
}

async function eventsOf(userId: string) {
  return t.database.db
    .select({ type: auditEvents.eventType, outcome: auditEvents.outcome, details: auditEvents.details })
    .from(auditEvents)
    .where(eq(auditEvents.actorUserId, userId))
    .orderBy(desc(auditEvents.seq));
}

describe('registering a passkey while enrolling a second factor', () => {
  it('completes the sign-in with a new session id, returns recovery codes once, and records the events', async () => {
    const u = await user('expert', { totp: false });
    const c = client();
    expect((await c.post('/api/v1/auth/sign-in', { email: u.email, password: u.password })).json()).toEqual({
      state: 'enrol_mfa',
      methods: [],
    });
    const enrolCookie = c.cookies.get(SESSION_COOKIE);
    const opts = await c.post('/api/v1/account/passkeys/registration/options', {});
    expect(opts.statusCode).toBe(200);
    const options = opts.json<PasskeyCreationOptions>();
    expect(options.rp.id).toBe('localhost');
    expect(options.user.name).toBe(u.email);
    expect(options.attestation).toBe('none');
    expect(c.cookies.get(WEBAUTHN_COOKIE)).toBeTruthy();

    const authenticator = new SoftAuthenticator(origin);
    const res = await c.post('/api/v1/account/passkeys/registration/verify', {
      response: authenticator.register(options),
      label: '業務用PC',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ state: string; passkey: { label: string; deviceType: string }; recoveryCodes: string[] | null }>();
    expect(body.state).toBe('active');
    expect(body.passkey).toMatchObject({ label: '業務用PC', deviceType: 'singleDevice' });
    expect(body.recoveryCodes).toHaveLength(10);
    expect(c.cookies.get(SESSION_COOKIE)).not.toBe(enrolCookie);
    const s = await status(c);
    expect(s.state).toBe('active');
    expect(s.secondFactor).toMatchObject({ passkeys: 1, totpEnabled: false, recoveryCodesRemaining: 10 });
    const types = (await eventsOf(u.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['PASSKEY_REGISTERED', 'MFA_SUCCEEDED', 'SIGN_IN_SUCCEEDED']));

    // The list shows it; a second passkey needs a fresh step-up once ten minutes have passed.
    const list = (await c.get('/api/v1/account/passkeys')).json<{ items: { label: string }[] }>();
    expect(list.items.map((p) => p.label)).toEqual(['業務用PC']);
    t.clock.advance(11 * 60_000);
    const stale = await c.post('/api/v1/account/passkeys/registration/options', {});
    expect(stale.statusCode).toBe(403);
    expect(stale.json<ProblemDetails>().code).toBe('STEP_UP_REQUIRED');
  });

  it('refuses an attestation from another origin, a reused challenge, and a ceremony without its cookie', async () => {
    const u = await user('expert', { totp: false });
    const c = client();
    await c.post('/api/v1/auth/sign-in', { email: u.email, password: u.password });
    const authenticator = new SoftAuthenticator(origin);
    const options = (await c.post('/api/v1/account/passkeys/registration/options', {})).json<PasskeyCreationOptions>();
    const cookie = c.cookies.get(WEBAUTHN_COOKIE)!;
    const phished = await c.post('/api/v1/account/passkeys/registration/verify', {
      response: authenticator.register(options, { origin: 'https://kasseika.example.com' }),
    });
    expect(phished.statusCode).toBe(401);
    expect(phished.json<ProblemDetails>().code).toBe('SECOND_FACTOR_INVALID');
    // The same challenge again (cookie restored by hand): single use.
    c.cookies.set(WEBAUTHN_COOKIE, cookie);
    const again = await c.post('/api/v1/account/passkeys/registration/verify', { response: authenticator.register(options) });
    expect(again.statusCode).toBe(401);
    // No cookie at all.
    c.cookies.delete(WEBAUTHN_COOKIE);
    const bare = await c.post('/api/v1/account/passkeys/registration/verify', { response: authenticator.register(options) });
    expect(bare.statusCode).toBe(401);
    expect((await status(c)).state).toBe('enrol_mfa');
    const [stored] = await t.database.db.select().from(webauthnCredentials).where(eq(webauthnCredentials.userId, u.id));
    expect(stored).toBeUndefined();
    expect((await eventsOf(u.id)).filter((e) => e.type === 'MFA_FAILED').length).toBeGreaterThanOrEqual(1);
  });

  it('answers 422 listing every problem of a malformed response', async () => {
    const u = await user('expert', { totp: false });
    const c = client();
    await c.post('/api/v1/auth/sign-in', { email: u.email, password: u.password });
    const res = await c.post('/api/v1/account/passkeys/registration/verify', {
      response: { id: 'short', rawId: 'not base64url!', type: 'public-key', response: {}, clientExtensionResults: {} },
      label: '',
    });
    expect(res.statusCode).toBe(422);
    const pointers = res.json<ProblemDetails>().errors?.map((e) => e.pointer) ?? [];
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/body/response/id',
        '/body/response/rawId',
        '/body/response/response/clientDataJSON',
        '/body/response/response/attestationObject',
        '/body/label',
      ]),
    );
  });
});

describe('signing in with a passkey', () => {
  it('signs in without a password when the authenticator verifies the user; the challenge cannot be replayed', async () => {
    // A synced passkey's counter stays 0, so only the single-use challenge stops a replay.
    const { u, authenticator } = await passkeyUser('expert', false);
    const c = client('198.51.100.30');
    const opts = await c.post('/api/v1/auth/passkeys/authentication/options', {});
    expect(opts.statusCode).toBe(200);
    const options = opts.json<PasskeyRequestOptions>();
    expect(options.userVerification).toBe('required');
    expect(options.allowCredentials ?? []).toEqual([]);
    const cookie = c.cookies.get(WEBAUTHN_COOKIE)!;
    const assertion = authenticator.authenticate(options);
    const res = await c.post('/api/v1/auth/passkeys/authentication/verify', { response: assertion });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ state: 'active', methods: [] });
    const s = await status(c);
    expect(s.state).toBe('active');
    expect(s.user?.email).toBe(u.email);
    const [row] = await t.database.db.select().from(webauthnCredentials).where(eq(webauthnCredentials.userId, u.id));
    expect(row?.counter).toBe(0);
    expect(row?.lastUsedAt).not.toBeNull();
    const signIns = (await eventsOf(u.id)).filter((e) => e.type === 'SIGN_IN_SUCCEEDED');
    expect(signIns[0]?.details).toMatchObject({ methods: ['passkey'] });

    // Replaying the same assertion with the same challenge cookie from another browser: refused.
    const thief = client('198.51.100.31');
    thief.cookies.set(WEBAUTHN_COOKIE, cookie);
    const replay = await thief.post('/api/v1/auth/passkeys/authentication/verify', { response: assertion });
    expect(replay.statusCode).toBe(401);
    expect((await status(thief)).state).toBe('anonymous');
  });

  it('refuses a passkey without user verification, a bad signature, a foreign origin, an unknown key and a late answer', async () => {
    const { authenticator } = await passkeyUser();
    const attempt = async (tweak: Parameters<SoftAuthenticator['authenticate']>[1], before?: () => void) => {
      const c = client('198.51.100.40');
      const options = (await c.post('/api/v1/auth/passkeys/authentication/options', {})).json<PasskeyRequestOptions>();
      before?.();
      const res = await c.post('/api/v1/auth/passkeys/authentication/verify', { response: authenticator.authenticate(options, tweak) });
      return { res, state: (await status(c)).state };
    };
    for (const tweak of [{ userVerified: false }, { corruptSignature: true }, { origin: 'https://phish.example' }]) {
      const { res, state } = await attempt(tweak);
      expect(res.statusCode, JSON.stringify(tweak)).toBe(401);
      expect(res.json<ProblemDetails>().code).toBe('SECOND_FACTOR_INVALID');
      expect(state).toBe('anonymous');
    }
    const stranger = new SoftAuthenticator(origin);
    stranger.register({ challenge: 'x', rp: { id: 'localhost' }, user: { id: 'c29tZW9uZQ' } });
    const c = client('198.51.100.41');
    const options = (await c.post('/api/v1/auth/passkeys/authentication/options', {})).json<PasskeyRequestOptions>();
    expect((await c.post('/api/v1/auth/passkeys/authentication/verify', { response: stranger.authenticate(options) })).statusCode).toBe(
      401,
    );
    const late = await attempt({}, () => t.clock.advance(6 * 60_000));
    expect(late.res.statusCode).toBe(401);
    expect(late.res.json<ProblemDetails>().detail).toMatch(/時間がかかりすぎた/);
  });

  it('completes a password sign-in as the second factor (only that account’s passkeys), rotating the session id', async () => {
    const { u, authenticator } = await passkeyUser('bank_officer');
    const other = await passkeyUser('lawyer');
    const c = client('198.51.100.50');
    const first = await c.post('/api/v1/auth/sign-in', { email: u.email, password: u.password });
    expect(first.json()).toEqual({ state: 'pending_mfa', methods: ['passkey', 'recovery_code'] });
    const pendingCookie = c.cookies.get(SESSION_COOKIE);
    const options = (await c.post('/api/v1/auth/passkeys/authentication/options', {})).json<PasskeyRequestOptions>();
    expect(options.allowCredentials?.map((a) => a.id)).toEqual([authenticator.credentials[0]!.id.toString('base64url')]);
    // Someone else's passkey does not complete this account's sign-in.
    const wrong = await c.post('/api/v1/auth/passkeys/authentication/verify', {
      response: other.authenticator.authenticate(options, { credential: other.authenticator.credentials[0]! }),
    });
    expect(wrong.statusCode).toBe(401);
    expect((await status(c)).state).toBe('pending_mfa');
    expect((await eventsOf(u.id)).find((e) => e.type === 'MFA_FAILED')?.details).toMatchObject({ method: 'passkey' });

    const fresh = (await c.post('/api/v1/auth/passkeys/authentication/options', {})).json<PasskeyRequestOptions>();
    const ok = await c.post('/api/v1/auth/passkeys/authentication/verify', {
      response: authenticator.authenticate(fresh, { userVerified: false, withoutUserHandle: true }),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(c.cookies.get(SESSION_COOKIE)).not.toBe(pendingCookie);
    expect((await status(c)).state).toBe('active');
  });

  it('signs in someone else with their passkey at a browser where a sign-in without passkeys is pending', async () => {
    const { u, authenticator } = await passkeyUser('lawyer');
    const other = await user('council_staff');
    const c = client('198.51.100.55');
    await c.post('/api/v1/auth/sign-in', { email: other.email, password: other.password });
    const pendingCookie = c.cookies.get(SESSION_COOKIE)!;
    const options = (await c.post('/api/v1/auth/passkeys/authentication/options', {})).json<PasskeyRequestOptions>();
    const res = await c.post('/api/v1/auth/passkeys/authentication/verify', { response: authenticator.authenticate(options) });
    expect(res.statusCode, res.body).toBe(200);
    expect((await status(c)).user?.email).toBe(u.email);
    // The pending sign-in it replaced is over.
    const stale = new TestClient(t.app);
    stale.cookies.set(SESSION_COOKIE, pendingCookie);
    expect((await status(stale)).state).toBe('anonymous');
  });

  it('limits passkey attempts per pending sign-in like the code path', async () => {
    const { u, authenticator } = await passkeyUser();
    const c = client('198.51.100.60');
    await c.post('/api/v1/auth/sign-in', { email: u.email, password: u.password });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const options = (await c.post('/api/v1/auth/passkeys/authentication/options', {})).json<PasskeyRequestOptions>();
      const res = await c.post('/api/v1/auth/passkeys/authentication/verify', {
        response: authenticator.authenticate(options, { corruptSignature: true }),
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe('step-up with a passkey, and removing passkeys', () => {
  it('needs a fresh step-up to remove, never removes the last second factor, and 404s for others’ passkeys', async () => {
    const { u, authenticator, c } = await passkeyUser();
    const [only] = (await c.get('/api/v1/account/passkeys')).json<{ items: { id: string }[] }>().items;
    const last = await c.delete(`/api/v1/account/passkeys/${only!.id}`);
    expect(last.statusCode).toBe(409);

    // A second passkey (within the step-up window of the sign-in), then let the window pass.
    const second = new SoftAuthenticator(origin);
    expect((await register(c, second, 'スマートフォン')).statusCode).toBe(201);
    t.clock.advance(11 * 60_000);
    await c.post('/api/v1/auth/session/extend', {});
    const stale = await c.delete(`/api/v1/account/passkeys/${only!.id}`);
    expect(stale.json<ProblemDetails>().code).toBe('STEP_UP_REQUIRED');

    const before = c.cookies.get(SESSION_COOKIE);
    const options = (await c.post('/api/v1/auth/step-up/passkey/options', {})).json<PasskeyRequestOptions>();
    expect(options.allowCredentials).toHaveLength(2);
    const up = await c.post('/api/v1/auth/step-up/passkey/verify', { response: second.authenticate(options) });
    expect(up.statusCode, up.body).toBe(200);
    expect(c.cookies.get(SESSION_COOKIE)).not.toBe(before);

    const stranger = await passkeyUser();
    const [theirs] = (await stranger.c.get('/api/v1/account/passkeys')).json<{ items: { id: string }[] }>().items;
    expect((await c.delete(`/api/v1/account/passkeys/${theirs!.id}`)).statusCode).toBe(404);
    expect((await c.delete(`/api/v1/account/passkeys/${only!.id}`)).statusCode).toBe(204);
    const rest = (await c.get('/api/v1/account/passkeys')).json<{ items: { label: string }[] }>().items;
    expect(rest.map((p) => p.label)).toEqual(['スマートフォン']);
    const types = (await eventsOf(u.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['PASSKEY_REMOVED', 'MFA_SUCCEEDED']));
    // The removed passkey no longer signs in.
    const d = client('198.51.100.70');
    const opts = (await d.post('/api/v1/auth/passkeys/authentication/options', {})).json<PasskeyRequestOptions>();
    const res = await d.post('/api/v1/auth/passkeys/authentication/verify', {
      response: authenticator.authenticate(opts, { credential: authenticator.credentials[0]! }),
    });
    expect(res.statusCode).toBe(401);
  });

  it('adds a passkey to a TOTP account after a TOTP step-up; the passkey then steps up and TOTP can be removed', async () => {
    const u = await user('council_pm');
    const c = client('198.51.100.80');
    await signIn(c, u, t.clock.now());
    t.clock.advance(11 * 60_000);
    await c.post('/api/v1/auth/session/extend', {});
    expect((await c.post('/api/v1/account/passkeys/registration/options', {})).statusCode).toBe(403);
    await c.post('/api/v1/auth/step-up', { code: await currentTotp(u.totpSecret!, t.clock.now()) });
    const authenticator = new SoftAuthenticator(origin);
    const res = await register(c, authenticator);
    expect(res.statusCode).toBe(201);
    // The account had no recovery codes (the factory enrols TOTP without them), so it gets its first ones now.
    expect(res.json<{ recoveryCodes: string[] | null }>().recoveryCodes).toHaveLength(10);
    const again = await register(c, new SoftAuthenticator(origin), '予備');
    expect(again.json<{ recoveryCodes: string[] | null }>().recoveryCodes).toBeNull();
    expect((await c.delete('/api/v1/account/totp')).statusCode).toBe(204);
    expect((await status(c)).secondFactor).toMatchObject({ totpEnabled: false, passkeys: 2 });
  });

  it('keeps the passkey routes behind sign-in', async () => {
    const anonymous = client();
    expect((await anonymous.get('/api/v1/account/passkeys')).statusCode).toBe(401);
    expect((await anonymous.post('/api/v1/account/passkeys/registration/options', {})).statusCode).toBe(401);
    expect((await anonymous.post('/api/v1/auth/step-up/passkey/options', {})).statusCode).toBe(401);
    const u = await user();
    const pending = client();
    await pending.post('/api/v1/auth/sign-in', { email: u.email, password: u.password });
    expect((await pending.post('/api/v1/account/passkeys/registration/options', {})).statusCode).toBe(401);
    // A pending sign-in without passkeys cannot use one as its second factor: the options are passwordless ones.
    const fallback = await pending.post('/api/v1/auth/passkeys/authentication/options', {});
    expect(fallback.statusCode).toBe(200);
    expect(fallback.json<PasskeyRequestOptions>()).toMatchObject({ userVerification: 'required' });
    expect(fallback.json<PasskeyRequestOptions>().allowCredentials ?? []).toEqual([]);
    const rows = await t.database.db
      .select({ type: auditEvents.eventType })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, u.id), inArray(auditEvents.eventType, ['PASSKEY_REGISTERED'])));
    expect(rows).toEqual([]);
  });
});
