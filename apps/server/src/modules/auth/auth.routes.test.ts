import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import type { ProblemDetails, SessionStatus } from '@kasseika/contracts';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { TestClient } from '../../../test/http-client';
import { createUser, signIn, type TestUser } from '../../../test/factories';
import { withAuthTx } from '../../db/auth-tx';
import { mailOutbox, users } from '../../db/schema';
import { currentTotp } from './totp';
import { SESSION_COOKIE } from './cookies';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const client = (ip = '203.0.113.10') => new TestClient(t.app, { 'user-agent': 'vitest' }).withIp(ip);
const user = (role: TestUser['role'] = 'council_staff', opts: { totp?: boolean; councilId?: number } = {}) =>
  createUser(t.database.db, t.services.cipher, { role, ...opts });

async function status(c: TestClient): Promise<SessionStatus> {
  return (await c.get('/api/v1/auth/session')).json<SessionStatus>();
}

async function latestMail(to: string): Promise<string> {
  const [m] = await t.database.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, to))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  return m?.textBody ?? '';
}

describe('sign-in with password and a second factor', () => {
  it('goes pending_mfa → active, rotating the session id, and reports the session', async () => {
    const u = await user('council_pm');
    const c = client();
    expect((await status(c)).state).toBe('anonymous');
    const first = await c.post('/api/v1/auth/sign-in', { email: u.email.toUpperCase(), password: u.password });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ state: 'pending_mfa', methods: ['totp'] });
    const pendingCookie = c.cookies.get(SESSION_COOKIE);
    expect(pendingCookie).toBeTruthy();
    expect((await status(c)).state).toBe('pending_mfa');
    // A pending session cannot use signed-in routes.
    const blocked = await c.get('/api/v1/account/sessions');
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json<ProblemDetails>().code).toBe('SECOND_FACTOR_REQUIRED');

    const second = await c.post('/api/v1/auth/second-factor', { method: 'totp', code: await currentTotp(u.totpSecret!, t.clock.now()) });
    expect(second.statusCode).toBe(200);
    expect(c.cookies.get(SESSION_COOKIE)).not.toBe(pendingCookie);
    const s = await status(c);
    expect(s.state).toBe('active');
    expect(s.user?.email).toBe(u.email);
    expect(s.memberships[0]).toMatchObject({ organizationKind: 'council', councilId: 13, councilSlug: 'tokyo', roles: ['council_pm'] });
    expect(s.abilities['cases.list']).toBe(true);
    expect(s.idleTimeoutSeconds).toBe(1800);
    // The old (pending) cookie no longer works.
    const stale = new TestClient(t.app);
    stale.cookies.set(SESSION_COOKIE, pendingCookie!);
    expect((await status(stale)).state).toBe('anonymous');
  });

  it('sets the session cookie as __Host-, Secure, HttpOnly, SameSite=Lax', async () => {
    const u = await user();
    const res = await client().post('/api/v1/auth/sign-in', { email: u.email, password: u.password });
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/__Host-kasseika\.sid=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax/);
  });

  it('answers wrong passwords and unknown accounts the same way', async () => {
    const u = await user();
    const wrong = await client().post('/api/v1/auth/sign-in', { email: u.email, password: 'not the password at all' });
    const unknown = await client().post('/api/v1/auth/sign-in', { email: 'nobody@example.jp', password: 'whatever password' });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json<ProblemDetails>()).toMatchObject({
        code: 'INVALID_CREDENTIALS',
        title: 'メールアドレスまたはパスワードが正しくありません',
      });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses a wrong code and a replayed code', async () => {
    const u = await user();
    const c = client();
    await c.post('/api/v1/auth/sign-in', { email: u.email, password: u.password });
    expect((await c.post('/api/v1/auth/second-factor', { method: 'totp', code: '000000' })).json<ProblemDetails>().code).toBe(
      'SECOND_FACTOR_INVALID',
    );
    const code = await currentTotp(u.totpSecret!, t.clock.now());
    expect((await c.post('/api/v1/auth/second-factor', { method: 'totp', code })).statusCode).toBe(200);
    // The same code again, in a new sign-in within the same 30 s step: refused (single use).
    const c2 = client();
    await c2.post('/api/v1/auth/sign-in', { email: u.email, password: u.password });
    const replay = await c2.post('/api/v1/auth/second-factor', { method: 'totp', code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json<ProblemDetails>().code).toBe('SECOND_FACTOR_INVALID');
  });

  it('requires the CSRF token on every state-changing request', async () => {
    const u = await user();
    const c = client();
    const res = await c.request(
      {
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: JSON.stringify({ email: u.email, password: u.password }),
        headers: { 'content-type': 'application/json' },
      },
      false,
    );
    expect(res.statusCode).toBe(403);
    expect(res.json<ProblemDetails>().code).toBe('CSRF_INVALID');
    const forged = await c.request(
      {
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: JSON.stringify({ email: u.email, password: u.password }),
        headers: { 'content-type': 'application/json', 'x-csrf-token': 'forged-token' },
      },
      false,
    );
    expect(forged.json<ProblemDetails>().code).toBe('CSRF_INVALID');
  });

  it('ignores forged and tampered cookies', async () => {
    const c = new TestClient(t.app);
    c.cookies.set(SESSION_COOKIE, 'forged-session-token-value');
    expect((await status(c)).state).toBe('anonymous');
    expect((await c.get('/api/v1/account/sessions')).statusCode).toBe(401);
  });
});

describe('users who must enrol a second factor first', () => {
  it('enrols TOTP during sign-in, gets recovery codes, and can later sign in with a recovery code once', async () => {
    const u = await user('expert', { totp: false });
    const c = client();
    const first = await c.post('/api/v1/auth/sign-in', { email: u.email, password: u.password });
    expect(first.json()).toEqual({ state: 'enrol_mfa', methods: [] });
    expect((await c.get('/api/v1/account/sessions')).statusCode).toBe(401);
    const setup = await c.post('/api/v1/account/totp/setup', {});
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl, qrSvg } = setup.json<{ secret: string; otpauthUrl: string; qrSvg: string }>();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(qrSvg).toContain('<svg');
    const wrong = await c.post('/api/v1/account/totp/confirm', { code: '123456' });
    expect(wrong.statusCode).toBe(401);
    const ok = await c.post('/api/v1/account/totp/confirm', { code: await currentTotp(secret, t.clock.now()) });
    expect(ok.statusCode).toBe(200);
    const { recoveryCodes } = ok.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);
    expect((await status(c)).state).toBe('active');

    const c2 = client();
    await c2.post('/api/v1/auth/sign-in', { email: u.email, password: u.password });
    expect(
      (await c2.post('/api/v1/auth/second-factor', { method: 'recovery_code', code: recoveryCodes[0]!.toUpperCase() })).statusCode,
    ).toBe(200);
    const c3 = client();
    await c3.post('/api/v1/auth/sign-in', { email: u.email, password: u.password });
    expect((await c3.post('/api/v1/auth/second-factor', { method: 'recovery_code', code: recoveryCodes[0]! })).statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('expires after 30 idle minutes and can be extended before', async () => {
    const u = await user();
    const c = client();
    await signIn(c, u, t.clock.now());
    t.clock.advance(25 * 60_000);
    const ext = await c.post('/api/v1/auth/session/extend', {});
    expect(ext.statusCode).toBe(200);
    t.clock.advance(25 * 60_000);
    expect((await status(c)).state).toBe('active');
    t.clock.advance(31 * 60_000);
    expect((await status(c)).state).toBe('anonymous');
  });

  it('ends after 12 hours however active', async () => {
    const u = await user();
    const c = client();
    await signIn(c, u, t.clock.now());
    for (let i = 0; i < 24; i++) {
      t.clock.advance(29 * 60_000);
      await c.get('/api/v1/auth/session');
    }
    // 11 h 36 min in: still signed in; at 12 h 05 min: not.
    expect((await status(c)).state).toBe('active');
    t.clock.advance(29 * 60_000);
    expect((await status(c)).state).toBe('anonymous');
  });

  it('lists sessions, ends one, and signs out everywhere', async () => {
    const u = await user();
    const a = client();
    const b = client('198.51.100.7');
    await signIn(a, u, t.clock.now());
    t.clock.advance(31_000); // a new TOTP step for the second device
    await signIn(b, u, t.clock.now());
    const list = (await a.get('/api/v1/account/sessions')).json<{ items: { id: string; current: boolean; ip: string }[] }>().items;
    expect(list).toHaveLength(2);
    const other = list.find((s) => !s.current)!;
    expect(other.ip).toBe('198.51.100.7');
    expect((await a.delete(`/api/v1/account/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await status(b)).state).toBe('anonymous');
    t.clock.advance(31_000);
    await signIn(b, u, t.clock.now());
    expect((await a.post('/api/v1/auth/sign-out-everywhere', {})).statusCode).toBe(200);
    expect((await status(a)).state).toBe('anonymous');
    expect((await status(b)).state).toBe('anonymous');
  });

  it('takes access away from a disabled account on the very next request', async () => {
    const u = await user();
    const c = client();
    await signIn(c, u, t.clock.now());
    expect((await c.get('/api/v1/account/sessions')).statusCode).toBe(200);
    await withAuthTx(t.database.db, null, (tx) => tx.update(users).set({ status: 'disabled' }).where(eq(users.id, u.id)));
    expect((await c.get('/api/v1/account/sessions')).statusCode).toBe(401);
  });

  it('signs out of this browser only', async () => {
    const u = await user();
    const c = client();
    await signIn(c, u, t.clock.now());
    expect((await c.post('/api/v1/auth/sign-out', {})).statusCode).toBe(200);
    expect((await status(c)).state).toBe('anonymous');
  });
});

describe('rate limits', () => {
  it('limits failed sign-ins per account without locking out a known device, and a forged X-Forwarded-For does not help', async () => {
    const u = await user();
    const known = client('192.0.2.50');
    await signIn(known, u, t.clock.now());
    await known.post('/api/v1/auth/sign-out', {});
    const attacker = client('192.0.2.66');
    for (let i = 0; i < 10; i++) {
      const r = await attacker.request(
        {
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: JSON.stringify({ email: u.email, password: `guess-${i}-wrong-password` }),
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.0.${i}` },
        },
        true,
      );
      expect(r.statusCode).toBe(401);
    }
    const limited = await attacker.post('/api/v1/auth/sign-in', { email: u.email, password: u.password });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeTruthy();
    expect(limited.json<ProblemDetails>().code).toBe('RATE_LIMITED');
    // The user's own device (device cookie from the earlier sign-in) still gets in.
    t.clock.advance(31_000);
    await expect(signIn(known, u, t.clock.now())).resolves.toBeUndefined();
    // After the window, the account is open again for everyone (no permanent lock-out).
    t.clock.advance(16 * 60_000);
    const later = await attacker.post('/api/v1/auth/sign-in', { email: u.email, password: u.password });
    expect(later.statusCode).toBe(200);
  });

  it('limits failed sign-ins per address across accounts, but colleagues behind one address are not locked out by successes', async () => {
    const office = '192.0.2.77';
    // 35 successful sign-ins from one shared office address (more than the 30 failures allowed) all get through.
    const colleagues = await Promise.all(Array.from({ length: 5 }, () => user()));
    for (let round = 0; round < 7; round++)
      for (const u of colleagues) {
        const r = await client(office).post('/api/v1/auth/sign-in', { email: u.email, password: u.password });
        expect(r.statusCode).toBe(200);
      }
    // Spraying one wrong password over many accounts from another address is stopped after 30 failures.
    const sprayer = client('192.0.2.78');
    for (let i = 0; i < 30; i++) {
      const r = await sprayer.post('/api/v1/auth/sign-in', { email: `nobody-${i}@example.jp`, password: 'Spring2026!spray' });
      expect(r.statusCode).toBe(401);
    }
    const limited = await sprayer.post('/api/v1/auth/sign-in', { email: colleagues[0]!.email, password: colleagues[0]!.password });
    expect(limited.statusCode).toBe(429);
    // The office is unaffected by the sprayer.
    expect(
      (await client(office).post('/api/v1/auth/sign-in', { email: colleagues[1]!.email, password: colleagues[1]!.password })).statusCode,
    ).toBe(200);
  });

  it('limits second-factor guesses per sign-in', async () => {
    const u = await user();
    const c = client('192.0.2.77');
    await c.post('/api/v1/auth/sign-in', { email: u.email, password: u.password });
    for (let i = 0; i < 5; i++)
      expect((await c.post('/api/v1/auth/second-factor', { method: 'totp', code: `00000${i}` })).statusCode).toBe(401);
    expect(
      (await c.post('/api/v1/auth/second-factor', { method: 'totp', code: await currentTotp(u.totpSecret!, t.clock.now()) })).statusCode,
    ).toBe(429);
  });
});

describe('password reset', () => {
  it('mails a single-use link, sets the new password, ends all sessions; the link cannot be replayed or used late', async () => {
    const u = await user();
    const a = client();
    await signIn(a, u, t.clock.now());
    const unknown = await client().post('/api/v1/auth/password-reset', { email: 'nobody-here@example.jp' });
    const known = await client().post('/api/v1/auth/password-reset', { email: u.email });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    const mail = await latestMail(u.email);
    const token = /reset-password#token=([A-Za-z0-9_-]+)/.exec(mail)?.[1];
    expect(token).toBeTruthy();
    const weak = await client().post('/api/v1/auth/password-reset/confirm', { token, password: 'password123' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json<ProblemDetails>().errors?.map((e) => e.code)).toEqual(['password.length', 'password.guessable']);
    // A rejected attempt did not consume the token; a good one does.
    const ok = await client().post('/api/v1/auth/password-reset/confirm', { token, password: 'a much better passphrase 2026' });
    expect(ok.statusCode).toBe(200);
    expect((await status(a)).state).toBe('anonymous');
    const replay = await client().post('/api/v1/auth/password-reset/confirm', { token, password: 'another passphrase 2026' });
    expect(replay.json<ProblemDetails>().code).toBe('TOKEN_INVALID');
    const signInNew = await client().post('/api/v1/auth/sign-in', { email: u.email, password: 'a much better passphrase 2026' });
    expect(signInNew.statusCode).toBe(200);

    await client().post('/api/v1/auth/password-reset', { email: u.email });
    const late = /reset-password#token=([A-Za-z0-9_-]+)/.exec(await latestMail(u.email))?.[1];
    t.clock.advance(31 * 60_000);
    const expired = await client().post('/api/v1/auth/password-reset/confirm', { token: late, password: 'yet another passphrase 2026' });
    expect(expired.json<ProblemDetails>().code).toBe('TOKEN_INVALID');
  });
});

describe('step-up', () => {
  it('requires a fresh second factor to replace the authenticator, and rotates the session', async () => {
    const u = await user();
    const c = client();
    await signIn(c, u, t.clock.now());
    t.clock.advance(11 * 60_000);
    await c.post('/api/v1/auth/session/extend', {});
    const stale = await c.post('/api/v1/account/totp/setup', {});
    expect(stale.statusCode).toBe(403);
    expect(stale.json<ProblemDetails>().code).toBe('STEP_UP_REQUIRED');
    const before = c.cookies.get(SESSION_COOKIE);
    const up = await c.post('/api/v1/auth/step-up', { code: await currentTotp(u.totpSecret!, t.clock.now()) });
    expect(up.statusCode).toBe(200);
    expect(c.cookies.get(SESSION_COOKIE)).not.toBe(before);
    expect((await c.post('/api/v1/account/totp/setup', {})).statusCode).toBe(200);
  });
});
