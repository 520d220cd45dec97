import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import type { OidcConfig, ProblemDetails, SessionStatus } from '@kasseika/contracts';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { TestClient } from '../../../test/http-client';
import { createUser, signIn, type TestUser } from '../../../test/factories';
import { startTestOidcProvider, type LoginChoice, type TestOidcProvider } from '../../../test/oidc-test-provider';
import { ConfigError, loadConfig } from '../../config/env';
import { withAuthTx } from '../../db/auth-tx';
import { auditEvents, externalIdentities, sessions, users } from '../../db/schema';
import { sha256Hex } from '../../security/secrets';
import { OIDC_COOKIE, SESSION_COOKIE } from './cookies';
import { amrShowsMultipleFactors, createOidcService, safeNextPath } from './oidc.service';

const PUBLIC_URL = 'http://localhost:3000';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;

let ipSeq = 0;
/** Each client comes from its own address (the flow routes are rate-limited per address). */
const newClient = (app: TestApp) => new TestClient(app.app, { 'user-agent': 'vitest' }).withIp(`203.0.113.${(++ipSeq % 250) + 1}`);

describe('configuration (environment variables)', () => {
  const base = { KASSEIKA_ENV: 'test', KASSEIKA_PUBLIC_URL: 'https://kasseika.example.jp' };

  it('is off without OIDC_ISSUER and fills the gBizID-compatible defaults when set', () => {
    expect(loadConfig(base).oidc).toBeNull();
    const c = loadConfig({
      ...base,
      OIDC_ISSUER: 'https://gbiz.example.jp/oidc',
      OIDC_CLIENT_ID: 'kasseika',
      OIDC_CLIENT_SECRET: 's3cret',
    });
    expect(c.oidc).toEqual({
      issuer: 'https://gbiz.example.jp/oidc',
      clientId: 'kasseika',
      clientSecret: 's3cret',
      scopes: 'openid email profile',
      providerName: 'gBizID',
      emailClaim: 'email',
      tokenAuthMethod: 'client_secret_basic',
      redirectUri: 'https://kasseika.example.jp/api/v1/auth/oidc/callback',
      allowInsecureIssuer: false,
    });
  });

  it('requires the client id and secret with the issuer, and names each missing variable', () => {
    expect(() => loadConfig({ ...base, OIDC_ISSUER: 'https://gbiz.example.jp' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, OIDC_ISSUER: 'https://gbiz.example.jp' })).toThrow(/OIDC_CLIENT_ID[\s\S]*OIDC_CLIENT_SECRET/);
  });

  it('accepts plain HTTP only for a local issuer outside production, and checks scopes and the auth method', () => {
    const client = { OIDC_CLIENT_ID: 'k', OIDC_CLIENT_SECRET: 's' };
    expect(loadConfig({ ...base, ...client, OIDC_ISSUER: 'http://127.0.0.1:4000' }).oidc?.allowInsecureIssuer).toBe(true);
    expect(() => loadConfig({ ...base, ...client, OIDC_ISSUER: 'http://idp.example.jp' })).toThrow(/OIDC_ISSUER: must use https/);
    expect(() => loadConfig({ ...base, ...client, KASSEIKA_ENV: 'production', OIDC_ISSUER: 'http://localhost:4000' })).toThrow(
      /OIDC_ISSUER: must use https/,
    );
    expect(() => loadConfig({ ...base, ...client, OIDC_ISSUER: 'https://idp.example.jp', OIDC_SCOPES: 'email' })).toThrow(/OIDC_SCOPES/);
    expect(() => loadConfig({ ...base, ...client, OIDC_ISSUER: 'https://idp.example.jp', OIDC_TOKEN_AUTH_METHOD: 'none' })).toThrow(
      /OIDC_TOKEN_AUTH_METHOD/,
    );
    const custom = loadConfig({
      ...base,
      ...client,
      OIDC_ISSUER: 'https://idp.example.jp',
      OIDC_EMAIL_CLAIM: 'mail_address',
      OIDC_PROVIDER_NAME: 'GビズID',
      OIDC_TOKEN_AUTH_METHOD: 'client_secret_post',
      OIDC_SCOPES: 'openid  profile',
    }).oidc;
    expect(custom).toMatchObject({
      emailClaim: 'mail_address',
      providerName: 'GビズID',
      tokenAuthMethod: 'client_secret_post',
      scopes: 'openid profile',
    });
  });
});

describe('rules without a provider', () => {
  it('keeps only same-origin paths that start with a single "/" as the page after signing in', () => {
    for (const bad of [
      '//evil.example',
      'https://evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      'javascript:alert(1)',
      '',
      'cases',
      '/api/v1/auth/session',
    ]) {
      expect(safeNextPath(bad, PUBLIC_URL), bad).toBe('/');
    }
    expect(safeNextPath(undefined, PUBLIC_URL)).toBe('/');
    expect(safeNextPath('/cases/abc?tab=docs#top', PUBLIC_URL)).toBe('/cases/abc?tab=docs#top');
    expect(safeNextPath('/a/../b', PUBLIC_URL)).toBe('/b');
  });

  it('counts more than one factor only when amr says mfa or names two methods', () => {
    expect(amrShowsMultipleFactors(undefined)).toBe(false);
    expect(amrShowsMultipleFactors(['pwd'])).toBe(false);
    expect(amrShowsMultipleFactors(['pwd', 'pwd'])).toBe(false);
    expect(amrShowsMultipleFactors(['mfa'])).toBe(true);
    expect(amrShowsMultipleFactors(['pwd', 'otp'])).toBe(true);
    expect(amrShowsMultipleFactors('pwd otp')).toBe(false);
  });
});

describe('OIDC disabled (no OIDC_ISSUER)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('says so in /config, answers /start with 404 and sends a callback to the sign-in page', async () => {
    const c = newClient(t);
    const config = await c.get('/api/v1/auth/oidc/config');
    expect(config.statusCode).toBe(200);
    expect(config.json<OidcConfig>()).toEqual({ enabled: false, providerName: null });

    const start = await c.get('/api/v1/auth/oidc/start?next=/cases');
    expect(start.statusCode).toBe(404);
    expect(start.headers['content-type']).toContain('application/problem+json');
    expect(start.json<ProblemDetails>().code).toBe('NOT_FOUND');
    expect(c.cookies.has(OIDC_COOKIE)).toBe(false);

    const callback = await c.get('/api/v1/auth/oidc/callback?code=abc&state=AAAAAAAAAAAAAAAAAAAAAA');
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/sign-in?oidc=disabled');
    expect(c.cookies.has(SESSION_COOKIE)).toBe(false);
  });
});

describe('OIDC sign-in against a real provider', () => {
  let t: TestApp;
  let idp: TestOidcProvider;
  let subSeq = 0;

  beforeAll(async () => {
    idp = await startTestOidcProvider({ redirectUri: REDIRECT_URI });
    const { oidc } = loadConfig({
      KASSEIKA_ENV: 'test',
      KASSEIKA_PUBLIC_URL: PUBLIC_URL,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
    });
    t = await createTestApp({ publicUrl: PUBLIC_URL, oidc });
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  const sme = (opts: { email?: string } = {}) =>
    createUser(t.database.db, t.services.cipher, { role: 'company_member', totp: false, ...opts });

  /** A person at the provider; returns their subject. */
  function person(claims: { email?: string; email_verified?: boolean }): string {
    const sub = `subject-${++subSeq}`;
    idp.accounts.set(sub, { name: 'テスト 太郎', ...claims });
    return sub;
  }

  /** Browser: Kasseika /start → provider (login as `choice`) → back at the redirect URI (not yet requested). */
  async function toProvider(c: TestClient, choice: LoginChoice, next?: string): Promise<URL> {
    idp.loginAs(choice);
    const start = await c.get(`/api/v1/auth/oidc/start${next === undefined ? '' : `?next=${encodeURIComponent(next)}`}`);
    expect(start.statusCode, start.body).toBe(302);
    expect(c.cookies.has(OIDC_COOKIE)).toBe(true);
    const back = await idp.authorize(String(start.headers.location));
    expect(back.origin + back.pathname).toBe(REDIRECT_URI);
    return back;
  }

  async function callback(c: TestClient, back: URL) {
    return c.get(`${back.pathname}${back.search}`);
  }

  async function fullSignIn(c: TestClient, choice: LoginChoice, next?: string) {
    const back = await toProvider(c, choice, next);
    return { back, res: await callback(c, back) };
  }

  async function sessionOf(c: TestClient): Promise<SessionStatus> {
    return (await c.get('/api/v1/auth/session')).json<SessionStatus>();
  }

  async function linksOf(userId: string) {
    return t.database.db.select().from(externalIdentities).where(eq(externalIdentities.userId, userId));
  }

  async function eventsOf(userId: string) {
    return t.database.db
      .select({ type: auditEvents.eventType, outcome: auditEvents.outcome, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.actorUserId, userId))
      .orderBy(desc(auditEvents.seq));
  }

  async function storedSession(c: TestClient) {
    const token = c.cookies.get(SESSION_COOKIE);
    if (!token) return undefined;
    const [row] = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, sha256Hex(token)));
    return row;
  }

  /** A refused sign-in: back on the sign-in page with the code, no session, the flow cookie gone. */
  async function expectRefused(c: TestClient, res: { statusCode: number; headers: Record<string, unknown> }, code: string) {
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/sign-in?oidc=${code}`);
    expect(c.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(c.cookies.has(OIDC_COOKIE)).toBe(false);
    expect((await sessionOf(c)).state).toBe('anonymous');
  }

  it('offers the provider in /config and starts a code flow with PKCE S256, state and nonce in a short-lived cookie', async () => {
    const c = newClient(t);
    expect((await c.get('/api/v1/auth/oidc/config')).json<OidcConfig>()).toEqual({ enabled: true, providerName: 'gBizID' });
    const start = await c.get('/api/v1/auth/oidc/start?next=/cases');
    expect(start.statusCode).toBe(302);
    expect(start.headers['cache-control']).toBe('no-store');
    const url = new URL(String(start.headers.location));
    expect(url.origin).toBe(idp.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: idp.clientId,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(p)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = start.cookies.find((k) => k.name === OIDC_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/', maxAge: 600 });
    // The verifier never leaves in the URL; the cookie carries it, signed.
    expect(cookie?.value).not.toContain(url.searchParams.get('code_challenge'));
  });

  it('signs a company member in: active session, the requested page, the identity linked once and reused', async () => {
    const u = await sme();
    const sub = person({ email: u.email.toUpperCase(), email_verified: true });
    const c = newClient(t);
    const back = await toProvider(c, { sub, amr: ['pwd'] }, '/cases/abc?tab=docs');
    // Parameters some providers add (RFC 9207 iss is already there; session_state from Session Management).
    expect(back.searchParams.get('iss')).toBe(idp.issuer);
    back.searchParams.set('session_state', 'opaque.session-state');
    const res = await callback(c, back);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/cases/abc?tab=docs');
    expect(c.cookies.has(OIDC_COOKIE)).toBe(false);
    expect(res.cookies.find((k) => k.name === SESSION_COOKIE)).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
    const status = await sessionOf(c);
    expect(status.state).toBe('active');
    expect(status.user?.email).toBe(u.email);
    expect(status.memberships.map((m) => m.organizationKind)).toEqual(['company']);
    expect((await c.get('/api/v1/account/sessions')).statusCode).toBe(200);
    const stored = await storedSession(c);
    expect(stored).toMatchObject({ state: 'active', authMethods: ['oidc'], mfaAt: null });

    expect(await linksOf(u.id)).toMatchObject([{ issuer: idp.issuer, subject: sub, userId: u.id }]);
    expect(idp.tokenRequests.at(-1)).toBe('client_secret_basic');
    const [event] = await eventsOf(u.id);
    expect(event).toMatchObject({ type: 'OIDC_SIGN_IN_SUCCEEDED', outcome: 'success' });
    expect(event?.details).toMatchObject({ method: 'oidc', issuer: idp.issuer, linked: true, multiFactor: false });

    // Second sign-in: found by (issuer, subject) even though the provider now reports another email; two factors
    // at the provider (amr) count as a second factor here.
    idp.accounts.set(sub, { email: 'someone-else@example.jp', email_verified: true });
    const again = newClient(t);
    const second = await fullSignIn(again, { sub, amr: ['pwd', 'otp'] });
    expect(second.res.headers.location).toBe('/');
    expect((await sessionOf(again)).user?.id).toBe(u.id);
    expect((await storedSession(again))?.mfaAt).not.toBeNull();
    expect(await linksOf(u.id)).toHaveLength(1);
    expect((await eventsOf(u.id))[0]?.details).toMatchObject({ linked: false, multiFactor: true, amr: ['pwd', 'otp'] });
  });

  it('replaces the session the browser already had', async () => {
    const other = await createUser(t.database.db, t.services.cipher, { role: 'company_member' });
    const u = await sme();
    const sub = person({ email: u.email, email_verified: true });
    const c = newClient(t);
    await signIn(c, other, t.clock.now());
    const before = c.cookies.get(SESSION_COOKIE);
    expect((await sessionOf(c)).user?.id).toBe(other.id);
    const { res } = await fullSignIn(c, { sub });
    expect(res.headers.location).toBe('/');
    expect((await sessionOf(c)).user?.id).toBe(u.id);
    const [old] = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, sha256Hex(before ?? '')));
    expect(old?.revokedAt).not.toBeNull();
  });

  it.each(['council_staff', 'expert', 'bank_officer'] as const)(
    'refuses %s (not_allowed): they use their own second factor',
    async (role) => {
      const u: TestUser = await createUser(t.database.db, t.services.cipher, { role });
      const sub = person({ email: u.email, email_verified: true });
      const c = newClient(t);
      const { res } = await fullSignIn(c, { sub, amr: ['pwd', 'otp'] });
      await expectRefused(c, res, 'not_allowed');
      expect(await linksOf(u.id)).toHaveLength(0);
      expect((await eventsOf(u.id))[0]).toMatchObject({
        type: 'SIGN_IN_FAILED',
        outcome: 'failure',
        details: { method: 'oidc', reason: 'not_allowed', detail: 'non_company_role' },
      });
    },
  );

  it('refuses an email without an account (no_account) and creates nothing', async () => {
    const email = `nobody-${Date.now()}@example.jp`;
    const sub = person({ email, email_verified: true });
    const c = newClient(t);
    const { res } = await fullSignIn(c, { sub });
    await expectRefused(c, res, 'no_account');
    expect(await t.database.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    expect(await t.database.db.select().from(externalIdentities).where(eq(externalIdentities.subject, sub))).toHaveLength(0);
  });

  it('refuses an unverified email (email_verified false) even when it matches a company member', async () => {
    const u = await sme();
    const sub = person({ email: u.email, email_verified: false });
    const c = newClient(t);
    const { res } = await fullSignIn(c, { sub });
    await expectRefused(c, res, 'email_unverified');
    expect(await linksOf(u.id)).toHaveLength(0);
  });

  it('refuses a disabled account (account_disabled)', async () => {
    const u = await sme();
    await withAuthTx(t.database.db, null, (tx) => tx.update(users).set({ status: 'disabled' }).where(eq(users.id, u.id)));
    const sub = person({ email: u.email, email_verified: true });
    const c = newClient(t);
    const { res } = await fullSignIn(c, { sub });
    await expectRefused(c, res, 'account_disabled');
    expect(await linksOf(u.id)).toHaveLength(0);
  });

  it('refuses a second subject of the same provider for an account that is already linked', async () => {
    const u = await sme();
    const first = person({ email: u.email, email_verified: true });
    expect((await fullSignIn(newClient(t), { sub: first })).res.headers.location).toBe('/');
    const second = person({ email: u.email, email_verified: true });
    const c = newClient(t);
    const { res } = await fullSignIn(c, { sub: second });
    await expectRefused(c, res, 'not_allowed');
    expect((await linksOf(u.id)).map((l) => l.subject)).toEqual([first]);
  });

  it('reports a cancelled sign-in without reflecting the provider’s text', async () => {
    const c = newClient(t);
    const back = await toProvider(c, { cancel: true, description: '<script>alert(1)</script>' });
    expect(back.searchParams.get('error')).toBe('access_denied');
    const res = await callback(c, back);
    await expectRefused(c, res, 'cancelled');
    expect(res.body).toBe('');
  });

  it('refuses a tampered state', async () => {
    const u = await sme();
    const sub = person({ email: u.email, email_verified: true });
    const c = newClient(t);
    const back = await toProvider(c, { sub });
    const state = back.searchParams.get('state') ?? '';
    back.searchParams.set('state', `${state.slice(0, -1)}${state.endsWith('A') ? 'B' : 'A'}`);
    await expectRefused(c, await callback(c, back), 'state_mismatch');
    expect(await linksOf(u.id)).toHaveLength(0);
  });

  it('refuses a callback without the flow cookie (another browser, or a forged link)', async () => {
    const u = await sme();
    const sub = person({ email: u.email, email_verified: true });
    const back = await toProvider(newClient(t), { sub });
    const stranger = newClient(t);
    await expectRefused(stranger, await callback(stranger, back), 'state_mismatch');
    expect(await linksOf(u.id)).toHaveLength(0);
  });

  it('refuses a flow older than 10 minutes', async () => {
    const u = await sme();
    const sub = person({ email: u.email, email_verified: true });
    const c = newClient(t);
    const back = await toProvider(c, { sub });
    t.clock.advance(11 * 60 * 1000);
    await expectRefused(c, await callback(c, back), 'state_mismatch');
  });

  it('refuses a replayed callback and a reused code', async () => {
    const u = await sme();
    const sub = person({ email: u.email, email_verified: true });
    const c = newClient(t);
    const back = await toProvider(c, { sub });
    const flowCookie = c.cookies.get(OIDC_COOKIE) ?? '';
    expect((await callback(c, back)).headers.location).toBe('/');
    const sessionsAfterFirst = await t.database.db.select().from(sessions).where(eq(sessions.userId, u.id));

    // The same callback again, even with the captured flow cookie: the state was used up.
    const attackerIp = '198.51.100.77';
    const attacker = new TestClient(t.app).withIp(attackerIp);
    attacker.cookies.set(OIDC_COOKIE, flowCookie);
    await expectRefused(attacker, await callback(attacker, back), 'state_mismatch');

    // The used code injected into a fresh flow of the attacker's own: the provider refuses it (used; other PKCE).
    const attackerBack = await toProvider(attacker, { sub: person({ email: `x-${subSeq}@example.jp`, email_verified: true }) });
    attackerBack.searchParams.set('code', back.searchParams.get('code') ?? '');
    await expectRefused(attacker, await callback(attacker, attackerBack), 'provider_error');
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(sessionsAfterFirst.length);
    const failures = await t.database.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.eventType, 'SIGN_IN_FAILED'), eq(auditEvents.ip, attackerIp)));
    expect(failures.map((f) => (f.details as { reason: string }).reason).sort()).toEqual(['provider_error', 'state_mismatch']);
  });

  it.each(['//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)'])(
    'ends an open-redirect attempt in next (%s) at "/"',
    async (next) => {
      const u = await sme();
      const sub = person({ email: u.email, email_verified: true });
      const c = newClient(t);
      const { res } = await fullSignIn(c, { sub }, next);
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/');
      expect((await sessionOf(c)).state).toBe('active');
    },
  );

  it('sends the browser to the sign-in page (no flow cookie) when the provider cannot be reached', async () => {
    const settings = t.config.oidc;
    if (!settings) throw new Error('the test app has OIDC settings');
    const down = createOidcService({
      db: t.database.db,
      audit: t.services.audit,
      mailer: t.services.mailer,
      cipher: t.services.cipher,
      cookieKey: t.services.keys.cookieSigningKey,
      publicUrl: PUBLIC_URL,
      now: () => t.clock.now(),
      oidc: { ...settings, issuer: 'http://127.0.0.1:9' },
    });
    expect(await down.start('/cases')).toEqual({ location: '/sign-in?oidc=provider_error', cookie: null });
  });

  it('validates the callback query: unknown parameters and malformed values are 422 problem+json', async () => {
    const c = newClient(t);
    const unknown = await c.get('/api/v1/auth/oidc/callback?code=abc&state=AAAAAAAAAAAAAAAAAAAAAA&foo=1');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const badState = await c.get('/api/v1/auth/oidc/callback?code=abc&state=%3Cscript%3E');
    expect(badState.statusCode).toBe(422);
    const longNext = await c.get(`/api/v1/auth/oidc/start?next=/${'a'.repeat(1000)}`);
    expect(longNext.statusCode).toBe(422);
  });
});

describe('gBizID-compatible settings: another email claim, client_secret_post, a custom scope', () => {
  let t: TestApp;
  let idp: TestOidcProvider;

  beforeAll(async () => {
    idp = await startTestOidcProvider({
      redirectUri: REDIRECT_URI,
      tokenAuthMethod: 'client_secret_post',
      claims: { openid: ['sub'], user_info: ['user_email', 'name'] },
    });
    const { oidc } = loadConfig({
      KASSEIKA_ENV: 'test',
      KASSEIKA_PUBLIC_URL: PUBLIC_URL,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_SCOPES: 'openid user_info',
      OIDC_EMAIL_CLAIM: 'user_email',
      OIDC_TOKEN_AUTH_METHOD: 'client_secret_post',
      OIDC_PROVIDER_NAME: 'GビズID',
    });
    t = await createTestApp({ oidc });
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  it('reads the email from the configured claim (no email_verified sent) and signs the SME in', async () => {
    const c = newClient(t);
    expect((await c.get('/api/v1/auth/oidc/config')).json<OidcConfig>()).toEqual({ enabled: true, providerName: 'GビズID' });
    const u = await createUser(t.database.db, t.services.cipher, { role: 'company_member', totp: false });
    idp.accounts.set('gbiz-1', { user_email: u.email, name: '中小 太郎' });
    idp.loginAs({ sub: 'gbiz-1' });
    const start = await c.get('/api/v1/auth/oidc/start?next=/cases');
    expect(new URL(String(start.headers.location)).searchParams.get('scope')).toBe('openid user_info');
    const back = await idp.authorize(String(start.headers.location));
    const res = await c.get(`${back.pathname}${back.search}`);
    expect(res.headers.location).toBe('/cases');
    expect((await c.get('/api/v1/auth/session')).json<SessionStatus>().user?.id).toBe(u.id);
    expect(idp.tokenRequests).toEqual(['client_secret_post']);
  });
});
