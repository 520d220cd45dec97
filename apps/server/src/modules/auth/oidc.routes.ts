import { oidcCallbackQuerySchema, oidcConfigSchema, oidcStartQuerySchema } from '@kasseika/contracts';
import { redirectResponseSchema, routesFor } from '../../http/route';
import { setSessionCookie } from './auth.routes';
import { OIDC_COOKIE, SESSION_COOKIE, SHORT_COOKIE_OPTIONS } from './cookies';
import { OIDC_FLOW_TTL_MS, oidcFailureLocation, type OidcService } from './oidc.service';

export interface OidcRouteDeps {
  readonly oidc: OidcService;
}

const route = routesFor<OidcRouteDeps>();

/**
 * The flow cookie must come back on the provider's top-level redirect to the callback (a cross-site GET), so it is
 * SameSite=Lax (not Strict); HttpOnly, Secure, `__Host-`, 10 minutes.
 */
const FLOW_COOKIE_OPTIONS = { ...SHORT_COOKIE_OPTIONS, maxAge: OIDC_FLOW_TTL_MS / 1000 };
/** Per client address; each callback makes requests to the provider. */
const FLOW_RATE_LIMIT = { max: 30, timeWindow: '1 minute' } as const;

export const oidcRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/auth/oidc/config',
    operationId: 'getOidcConfig',
    summary: 'Whether SMEs can sign in with an OpenID Connect provider (e.g. gBizID), and its display name',
    tags: ['auth'],
    access: { kind: 'public' },
    success: { status: 200, description: 'The provider settings the web app shows', schema: oidcConfigSchema },
    problems: [],
    handler: (_input, { deps }) => Promise.resolve(deps.oidc.describe()),
  }),
  route({
    method: 'GET',
    path: '/api/v1/auth/oidc/start',
    operationId: 'startOidcSignIn',
    summary: 'Start signing in with the OpenID Connect provider (SMEs): redirects the browser to the provider',
    description:
      'Authorization code flow with PKCE (S256), state and nonce, remembered in a signed HttpOnly cookie for 10 minutes. ' +
      '`next` is kept only when it is a path of this site starting with a single "/"; otherwise the user lands on "/". ' +
      'When the provider cannot be reached the browser goes to `/sign-in?oidc=provider_error`. 404 when OIDC is not configured.',
    tags: ['auth'],
    access: { kind: 'public' },
    query: oidcStartQuerySchema,
    success: { status: 302, description: 'To the provider’s authorization endpoint', schema: redirectResponseSchema },
    problems: [404, 422],
    rateLimit: FLOW_RATE_LIMIT,
    handler: async ({ query }, { deps, reply }) => {
      const started = await deps.oidc.start(query.next);
      if (started.cookie) reply.setCookie(OIDC_COOKIE, started.cookie, FLOW_COOKIE_OPTIONS);
      return { location: started.location };
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/auth/oidc/callback',
    operationId: 'finishOidcSignIn',
    summary: 'The provider’s redirect back (redirect_uri): signs the SME in and redirects to the page they asked for',
    description:
      'Validates state, PKCE and the ID token (nonce, issuer, audience, signature) through openid-client, then finds or ' +
      'links the account (docs/adr/0009-oidc-for-smes.md) and opens an active session (cookie as with every sign-in). ' +
      'Every failure redirects to `/sign-in?oidc=<code>` (codes: OIDC_ERROR_CODES in the contracts); provider text ' +
      'is never shown. The flow cookie is single-use.',
    tags: ['auth'],
    access: { kind: 'public' },
    query: oidcCallbackQuerySchema,
    success: {
      status: 302,
      description: 'To the requested page, or to the sign-in page with an error code',
      schema: redirectResponseSchema,
    },
    problems: [422],
    rateLimit: FLOW_RATE_LIMIT,
    handler: async ({ query }, { deps, req, reply, origin }) => {
      reply.clearCookie(OIDC_COOKIE, FLOW_COOKIE_OPTIONS);
      try {
        const result = await deps.oidc.callback(query, req.cookies[OIDC_COOKIE], req.cookies[SESSION_COOKIE], origin);
        if (result.ok) {
          setSessionCookie(reply, result.step);
          return { location: result.next };
        }
        req.log.warn({ oidc: result.code, reason: result.reason }, 'OpenID Connect sign-in refused');
        return { location: oidcFailureLocation(result.code) };
      } catch (err) {
        // Never a 5xx for a browser coming back from the provider: log it and send them to the sign-in page.
        req.log.error({ err }, 'OpenID Connect callback failed');
        return { location: oidcFailureLocation('unavailable') };
      }
    },
  }),
];
