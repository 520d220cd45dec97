import { and, eq, ne } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { OidcCallbackQuery, OidcConfig, OidcErrorCode } from '@kasseika/contracts';
import type { OidcSettings } from '../../config/oidc-config';
import { withAuthTx } from '../../db/auth-tx';
import type { Tx } from '../../db/client';
import { externalIdentities, users } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { randomToken, safeEqual, sha256Hex } from '../../security/secrets';
import { createAuthKit, normalizeEmail, type AuthServiceDeps, type RequestOrigin, type SignInStep } from './auth-kit';
import { signValue, unsignValue } from './cookies';
import { rateLimiter, type RateRule } from './rate-limit';
import { createSession, loadMemberships, resolveSession, revokeSession } from './session-store';

/** A sign-in at the provider must come back within this time (the signed cookie and its payload both expire). */
export const OIDC_FLOW_TTL_MS = 10 * 60 * 1000;
/** Provider metadata is discovered again after this time (signing keys are refreshed by openid-client itself). */
const METADATA_TTL_MS = 60 * 60 * 1000;
/** Seconds allowed for each request to the provider (discovery, token, userinfo). */
const PROVIDER_TIMEOUT_S = 10;

export interface OidcServiceDeps extends AuthServiceDeps {
  /** The provider settings; null when OIDC is off. */
  readonly oidc: OidcSettings | null;
}

/** What the signed flow cookie carries between start and callback. */
interface FlowState {
  /** state */
  readonly s: string;
  /** nonce */
  readonly n: string;
  /** PKCE code verifier */
  readonly v: string;
  /** where to go after signing in (already checked) */
  readonly x: string;
  /** issued at, ms since the epoch */
  readonly t: number;
}

export interface OidcStartResult {
  /** The provider's authorization URL (or the sign-in page with an error code when the provider is unreachable). */
  readonly location: string;
  /** The signed flow cookie to set; null when the flow did not start. */
  readonly cookie: string | null;
}

export type OidcCallbackResult =
  | { readonly ok: true; readonly step: SignInStep; readonly next: string }
  | { readonly ok: false; readonly code: OidcErrorCode; readonly reason: string };

/** Where a failed sign-in lands: the web app's sign-in page, with a code it explains (never provider text). */
export function oidcFailureLocation(code: OidcErrorCode): string {
  return `/sign-in?oidc=${code}`;
}

/**
 * The page to open after signing in: only a same-origin path starting with exactly one '/' (no '//', no '/\', no
 * control characters or spaces, which browsers strip or rewrite into a host), not an API path; anything else is '/'.
 */
export function safeNextPath(next: string | undefined, publicUrl: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || hasUnsafeCharacter(next)) return '/';
  if (next === '/api' || next.startsWith('/api/')) return '/';
  try {
    const base = new URL(publicUrl);
    const resolved = new URL(next, base);
    if (resolved.origin !== base.origin) return '/';
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return '/';
  }
}

/** Backslashes, spaces and control characters: browsers rewrite or strip them, which can turn a path into a host. */
function hasUnsafeCharacter(path: string): boolean {
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 0x5c || c <= 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** An `amr` claim (RFC 8176) proves more than one factor: it says `mfa`, or names two or more methods. */
export function amrShowsMultipleFactors(amr: unknown): boolean {
  if (!Array.isArray(amr)) return false;
  const methods = new Set(amr.filter((m): m is string => typeof m === 'string' && m.length > 0));
  return methods.has('mfa') || methods.size >= 2;
}

/** An expected end of the flow: the code for the sign-in page, the reason for logs and the audit trail. */
class Refusal extends Error {
  constructor(
    readonly code: OidcErrorCode,
    readonly reason: string,
    readonly userId: string | null = null,
  ) {
    super(`OIDC sign-in refused: ${code} (${reason})`);
  }
}

/**
 * OpenID Connect sign-in for SMEs (company members), with a provider configured by environment variables
 * (gBizID-compatible). Authorization code flow with PKCE (S256), `state` and `nonce`; the three travel in a signed
 * HttpOnly cookie valid for 10 minutes, and each `state` can complete at most one callback. openid-client validates
 * the authorization response (state, `iss`), the token response and the ID token (signature, issuer, audience,
 * expiry, nonce); the email comes from the ID token or, when absent there, from the userinfo endpoint.
 *
 * Account linking (docs/adr/0009-oidc-for-smes.md):
 * 1. A known (issuer, subject) in `external_identities` signs in as its user.
 * 2. Otherwise an existing ACTIVE user whose email equals the provider's email (`OIDC_EMAIL_CLAIM`), verified
 *    (`email_verified` must be `true` when the provider sends it) and whose every live membership is a company
 *    membership (role `company_member`), is linked (a row in `external_identities`) and signed in. A user already
 *    linked to another subject of the same issuer is refused (`not_allowed`).
 * 3. Otherwise the sign-in is refused with `no_account`: SME accounts are created when the council accepts a
 *    consultation request, never by signing in.
 * On every sign-in (linked or not): users holding any non-company role (council staff, HQ, operators, experts,
 * banks, lawyers) are refused with `not_allowed` — they must use their password and their own second factor — and
 * disabled users with `account_disabled`.
 *
 * A successful sign-in opens an ACTIVE session at once (the provider authenticated the person), with auth method
 * `oidc`; `mfa_at` is set only when the ID token's `amr` shows more than one factor (then the sign-in also counts as
 * a fresh step-up for 10 minutes). It records OIDC_SIGN_IN_SUCCEEDED; refusals and failures record SIGN_IN_FAILED with
 * the reason.
 */
export function createOidcService(deps: OidcServiceDeps) {
  const kit = createAuthKit(deps);
  const { db, cookieKey, now, publicUrl } = deps;
  const settings = deps.oidc;
  let discovered: { config: Promise<oidc.Configuration>; at: number } | null = null;

  function configuration(s: OidcSettings): Promise<oidc.Configuration> {
    const at = Date.now();
    if (discovered && at - discovered.at < METADATA_TTL_MS) return discovered.config;
    const auth =
      s.tokenAuthMethod === 'client_secret_post' ? oidc.ClientSecretPost(s.clientSecret) : oidc.ClientSecretBasic(s.clientSecret);
    const config = oidc.discovery(new URL(s.issuer), s.clientId, { client_secret: s.clientSecret }, auth, {
      // Plain HTTP is allowed ONLY for an issuer on http://localhost or http://127.0.0.1 outside production (a local
      // test provider); oidc-config.ts refuses any other http issuer at start, so this never weakens a real provider.
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- deliberate, local test providers only (see above)
      execute: s.allowInsecureIssuer ? [oidc.allowInsecureRequests] : [],
      timeout: PROVIDER_TIMEOUT_S,
    });
    const entry = { config, at };
    discovered = entry;
    // A failed discovery is not cached: the next sign-in tries again.
    config.catch(() => {
      if (discovered === entry) discovered = null;
    });
    return config;
  }

  function flowCookie(state: Omit<FlowState, 't'>): string {
    const payload: FlowState = { ...state, t: now().getTime() };
    return signValue(cookieKey, Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url'));
  }

  function readFlow(cookie: string | undefined): FlowState | null {
    const raw = unsignValue(cookieKey, cookie);
    if (!raw) return null;
    try {
      const f = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<FlowState>;
      const age = now().getTime() - (f.t ?? 0);
      if (typeof f.s !== 'string' || typeof f.n !== 'string' || typeof f.v !== 'string' || typeof f.x !== 'string') return null;
      if (typeof f.t !== 'number' || age < 0 || age > OIDC_FLOW_TTL_MS) return null;
      return f as FlowState;
    } catch {
      return null;
    }
  }

  /** Claims a state for its one callback: a counter keyed by the state, in its issue window. */
  async function claimState(tx: Tx, flow: FlowState): Promise<boolean> {
    const rule: RateRule = { key: `oidc-state:${sha256Hex(flow.s)}`, limit: 1, windowMs: OIDC_FLOW_TTL_MS };
    return (await rateLimiter.consume(tx, [rule], new Date(flow.t))).allowed;
  }

  /** Exchanges the code and returns the ID token's claims, with the email from userinfo when the ID token lacks it. */
  async function exchange(s: OidcSettings, query: OidcCallbackQuery, flow: FlowState) {
    const config = await configuration(s);
    const current = new URL(s.redirectUri);
    for (const key of ['code', 'state', 'iss', 'session_state', 'scope'] as const) {
      const value = query[key];
      if (value !== undefined) current.searchParams.set(key, value);
    }
    const tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flow.v,
      expectedState: flow.s,
      expectedNonce: flow.n,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Refusal('provider_error', 'no_id_token');
    let email: unknown = claims[s.emailClaim];
    let emailVerified: unknown = claims.email_verified;
    if (email === undefined && config.serverMetadata().userinfo_endpoint) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      email = info[s.emailClaim];
      if (emailVerified === undefined) emailVerified = info.email_verified;
    }
    return { issuer: claims.iss, subject: claims.sub, email, emailVerified, amr: claims.amr };
  }

  async function recordFailure(code: OidcErrorCode, reason: string, userId: string | null, origin: RequestOrigin): Promise<void> {
    await kit.recordAlone('SIGN_IN_FAILED', { userId, label: null }, origin, 'failure', {
      method: 'oidc',
      reason: code,
      detail: reason,
    });
  }

  return {
    /** Whether the web app should offer the provider's button. */
    describe(): OidcConfig {
      return settings ? { enabled: true, providerName: settings.providerName } : { enabled: false, providerName: null };
    },

    /** Starts the authorization code flow: the provider's URL and the signed cookie that remembers the flow. */
    async start(next: string | undefined): Promise<OidcStartResult> {
      if (!settings) {
        throw new AppError('NOT_FOUND', {
          detail: { ja: 'OpenID Connect によるサインインは設定されていません', en: 'OpenID Connect sign-in is not configured' },
        });
      }
      let config: oidc.Configuration;
      try {
        config = await configuration(settings);
      } catch {
        return { location: oidcFailureLocation('provider_error'), cookie: null };
      }
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        response_type: 'code',
        scope: settings.scopes,
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      return { location: url.href, cookie: flowCookie({ s: state, n: nonce, v: verifier, x: safeNextPath(next, publicUrl) }) };
    },

    /**
     * Completes the flow. Expected failures come back as `{ ok: false, code, reason }` (and are audited); only
     * unexpected errors (database) throw.
     */
    async callback(
      query: OidcCallbackQuery,
      flowCookieValue: string | undefined,
      sessionToken: string | undefined,
      origin: RequestOrigin,
    ): Promise<OidcCallbackResult> {
      const s = settings;
      if (!s) return { ok: false, code: 'disabled', reason: 'not_configured' };
      const flow = readFlow(flowCookieValue);
      let refusal: Refusal;
      try {
        if (!flow) throw new Refusal('state_mismatch', 'flow_cookie_missing_or_expired');
        if (!query.state || !safeEqual(query.state, flow.s)) throw new Refusal('state_mismatch', 'state_mismatch');
        if (!(await withAuthTx(db, null, (tx) => claimState(tx, flow)))) throw new Refusal('state_mismatch', 'state_already_used');
        if (query.error !== undefined) {
          throw new Refusal(query.error === 'access_denied' ? 'cancelled' : 'provider_error', `provider:${query.error}`);
        }
        if (!query.code) throw new Refusal('provider_error', 'no_code');
        let identity: Awaited<ReturnType<typeof exchange>>;
        try {
          identity = await exchange(s, query, flow);
        } catch (err) {
          if (err instanceof Refusal) throw err;
          throw new Refusal('provider_error', describeProviderError(err));
        }
        const step = await withAuthTx(db, null, (tx) => signIn(tx, identity, sessionToken, origin));
        return { ok: true, step, next: flow.x };
      } catch (err) {
        if (!(err instanceof Refusal)) throw err;
        refusal = err;
      }
      await recordFailure(refusal.code, refusal.reason, refusal.userId, origin);
      return { ok: false, code: refusal.code, reason: refusal.reason };
    },
  };

  /** Finds or links the account (rules in the JSDoc above) and opens an active session. Throws a Refusal. */
  async function signIn(
    tx: Tx,
    id: { issuer: string; subject: string; email: unknown; emailVerified: unknown; amr: unknown },
    sessionToken: string | undefined,
    origin: RequestOrigin,
  ): Promise<SignInStep> {
    const at = now();
    const [link] = await tx
      .select()
      .from(externalIdentities)
      .where(and(eq(externalIdentities.issuer, id.issuer), eq(externalIdentities.subject, id.subject)));
    let user: typeof users.$inferSelect | undefined;
    if (link) {
      [user] = await tx.select().from(users).where(eq(users.id, link.userId));
      if (!user) throw new Refusal('no_account', 'linked_user_missing');
    } else {
      if (typeof id.email !== 'string' || id.email.trim() === '') throw new Refusal('email_unverified', 'no_email_claim');
      if (id.emailVerified !== undefined && id.emailVerified !== true) throw new Refusal('email_unverified', 'email_not_verified');
      [user] = await tx
        .select()
        .from(users)
        .where(eq(users.email, normalizeEmail(id.email)));
      if (!user) throw new Refusal('no_account', 'no_user_with_email');
    }
    if (user.status !== 'active') throw new Refusal('account_disabled', 'user_disabled', user.id);
    const memberships = await loadMemberships(tx, user.id);
    if (memberships.length === 0) throw new Refusal('no_account', 'no_membership', user.id);
    if (memberships.some((m) => m.organizationKind !== 'company' || m.roles.some((r) => r !== 'company_member'))) {
      throw new Refusal('not_allowed', 'non_company_role', user.id);
    }
    if (!link) {
      const [other] = await tx
        .select({ subject: externalIdentities.subject })
        .from(externalIdentities)
        .where(
          and(eq(externalIdentities.issuer, id.issuer), eq(externalIdentities.userId, user.id), ne(externalIdentities.subject, id.subject)),
        );
      if (other) throw new Refusal('not_allowed', 'linked_to_other_subject', user.id);
      await tx.insert(externalIdentities).values({ issuer: id.issuer, subject: id.subject, userId: user.id, createdAt: at });
    }
    // Whatever session this browser had (another account, a half-finished sign-in) ends here.
    const current = sessionToken ? await resolveSession(tx, sessionToken, at, false) : null;
    if (current) await revokeSession(tx, current.id, at);
    const multiFactor = amrShowsMultipleFactors(id.amr);
    const { token } = await createSession(
      tx,
      {
        userId: user.id,
        state: 'active',
        authMethods: ['oidc'],
        activeMembershipId: memberships[0]?.id ?? null,
        mfaAt: multiFactor ? at : null,
        ip: origin.ip,
        userAgent: origin.userAgent,
      },
      at,
    );
    await kit.record(tx, 'OIDC_SIGN_IN_SUCCEEDED', { userId: user.id, label: user.displayName, memberships }, origin, 'success', {
      method: 'oidc',
      issuer: id.issuer,
      linked: !link,
      amr: Array.isArray(id.amr) ? id.amr.filter((m) => typeof m === 'string').slice(0, 10) : [],
      multiFactor,
    });
    return {
      sessionToken: token,
      state: 'active',
      methods: [],
      deviceCookie: signValue(cookieKey, `${user.id}:${randomToken(12)}`),
    };
  }
}

/** A short, stable description of why the provider's answer was not accepted (for logs and the audit trail). */
function describeProviderError(err: unknown): string {
  if (err instanceof oidc.ResponseBodyError) return `token_endpoint:${err.error}`.slice(0, 120);
  if (err instanceof oidc.AuthorizationResponseError) return `authorization_response:${err.error}`.slice(0, 120);
  if (err instanceof oidc.ClientError) return `client:${err.code ?? 'unknown'}`.slice(0, 120);
  if (err instanceof Error && 'code' in err && typeof err.code === 'string') return `error:${err.code}`.slice(0, 120);
  return 'unreachable_or_invalid';
}

export type OidcService = ReturnType<typeof createOidcService>;
