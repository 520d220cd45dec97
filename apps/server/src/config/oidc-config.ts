/**
 * OpenID Connect settings for SME sign-in (docs/adr/0009-oidc-for-smes.md), checked together once the environment
 * has been parsed: OIDC is off unless `OIDC_ISSUER` is set, and then the client id and secret are required.
 */

export type OidcTokenAuthMethod = 'client_secret_basic' | 'client_secret_post';

export interface OidcSettings {
  /** Issuer identifier; discovery reads `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Space-separated scopes; always includes `openid`. */
  readonly scopes: string;
  /** Shown on the sign-in button (e.g. gBizID). */
  readonly providerName: string;
  /** The claim that carries the email address (gBizID-compatible providers may use another name). */
  readonly emailClaim: string;
  readonly tokenAuthMethod: OidcTokenAuthMethod;
  /** `${KASSEIKA_PUBLIC_URL}/api/v1/auth/oidc/callback`, registered at the provider. */
  readonly redirectUri: string;
  /**
   * Plain-HTTP issuer allowed: only for http://localhost or http://127.0.0.1 outside production (local test
   * providers). Everything else must be HTTPS.
   */
  readonly allowInsecureIssuer: boolean;
}

export interface OidcEnv {
  readonly KASSEIKA_ENV: 'development' | 'test' | 'production';
  readonly KASSEIKA_PUBLIC_URL: string;
  readonly OIDC_ISSUER?: string | undefined;
  readonly OIDC_CLIENT_ID?: string | undefined;
  readonly OIDC_CLIENT_SECRET?: string | undefined;
  readonly OIDC_SCOPES: string;
  readonly OIDC_PROVIDER_NAME: string;
  readonly OIDC_EMAIL_CLAIM: string;
  readonly OIDC_TOKEN_AUTH_METHOD: OidcTokenAuthMethod;
}

export const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The settings, `null` when OIDC is off, or the problems (one line per variable) that make them unusable. */
export function oidcSettingsFrom(e: OidcEnv): { settings: OidcSettings | null; problems: string[] } {
  if (!e.OIDC_ISSUER) return { settings: null, problems: [] };
  const problems: string[] = [];
  if (!e.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID: required when OIDC_ISSUER is set');
  if (!e.OIDC_CLIENT_SECRET) problems.push('OIDC_CLIENT_SECRET: required when OIDC_ISSUER is set');
  const issuer = new URL(e.OIDC_ISSUER);
  const local = LOCAL_HOSTS.has(issuer.hostname);
  if (issuer.protocol === 'http:' && (e.KASSEIKA_ENV === 'production' || !local)) {
    problems.push('OIDC_ISSUER: must use https (http is accepted only for localhost or 127.0.0.1 outside production)');
  }
  if (issuer.search || issuer.hash) problems.push('OIDC_ISSUER: must not have a query or fragment');
  const scopes = e.OIDC_SCOPES.split(/\s+/).filter(Boolean);
  if (!scopes.includes('openid')) problems.push('OIDC_SCOPES: must include "openid"');
  if (problems.length > 0 || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return { settings: null, problems };
  return {
    settings: {
      // Kept as written: the issuer identifier is compared exactly with the provider's metadata and ID tokens.
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      scopes: scopes.join(' '),
      providerName: e.OIDC_PROVIDER_NAME,
      emailClaim: e.OIDC_EMAIL_CLAIM,
      tokenAuthMethod: e.OIDC_TOKEN_AUTH_METHOD,
      redirectUri: `${e.KASSEIKA_PUBLIC_URL.replace(/\/+$/, '')}${OIDC_CALLBACK_PATH}`,
      allowInsecureIssuer: issuer.protocol === 'http:',
    },
    problems: [],
  };
}
