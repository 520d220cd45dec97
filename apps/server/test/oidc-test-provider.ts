import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** Claims of a test person at the provider (besides `sub`). */
export interface TestOidcAccount {
  readonly email?: string;
  readonly email_verified?: boolean;
  readonly name?: string;
  readonly [claim: string]: unknown;
}

/** What the person does at the provider's login page on the next interaction. */
export type LoginChoice =
  { readonly sub: string; readonly amr?: readonly string[] } | { readonly cancel: true; readonly description?: string };

export interface TestOidcProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The people the provider knows, by subject. */
  readonly accounts: Map<string, TestOidcAccount>;
  /** How the client authenticated at the token endpoint, request by request (Authorization header or body). */
  readonly tokenRequests: ('client_secret_basic' | 'client_secret_post')[];
  loginAs(choice: LoginChoice): void;
  /**
   * Plays the browser at the provider: requests the authorization URL, then follows every `Location` while it
   * stays on the provider, carrying the provider's cookies (a fresh cookie jar per call, so every call logs in
   * again). Returns the first URL outside the provider (the client's redirect URI with code or error).
   */
  authorize(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

const SHORT_TTL = 600;

/**
 * A real OpenID Connect provider (oidc-provider 9) on 127.0.0.1 and a free port, for the sign-in tests: one
 * confidential client registered with the given redirect URI, accounts from `accounts`, and a programmatic
 * login-and-consent step (no HTML): `GET /interaction/:uid` signs in as the chosen subject with the chosen `amr`
 * (or cancels) and grants the requested scopes.
 */
export async function startTestOidcProvider(options: {
  redirectUri: string;
  tokenAuthMethod?: 'client_secret_basic' | 'client_secret_post';
  /** Claims by scope (default: openid → sub, amr; email → email, email_verified; profile → name). */
  claims?: Record<string, string[]>;
}): Promise<TestOidcProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'kasseika-test';
  const clientSecret = randomBytes(32).toString('base64url');
  const accounts = new Map<string, TestOidcAccount>();
  let choice: LoginChoice | null = null;
  const tokenRequests: ('client_secret_basic' | 'client_secret_post')[] = [];

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: options.tokenAuthMethod ?? 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    features: { devInteractions: { enabled: false } },
    // amr (from the login below) reaches the ID token only as a claim of a requested scope; email and profile claims
    // go to userinfo (conformIdTokenClaims), as with many real providers.
    claims: options.claims ?? { openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: SHORT_TTL,
      AuthorizationCode: 60,
      Grant: SHORT_TTL,
      IdToken: SHORT_TTL,
      Interaction: SHORT_TTL,
      Session: SHORT_TTL,
    },
    findAccount: (_ctx, sub) => {
      const claims = accounts.get(sub);
      return Promise.resolve(claims ? { accountId: sub, claims: () => ({ ...claims, sub }) } : undefined);
    },
  });
  const oidcCallback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const c = choice;
    if (!c || 'cancel' in c) {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: c && 'cancel' in c ? (c.description ?? 'cancelled') : 'no login chosen' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const grant = new provider.Grant({ accountId: c.sub, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: c.sub, ...(c.amr ? { amr: [...c.amr] } : {}) }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  server.on('request', (req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/interaction/')) {
      interaction(req, res).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
      return;
    }
    if (req.method === 'POST' && req.url === '/token') {
      tokenRequests.push(req.headers.authorization?.startsWith('Basic ') ? 'client_secret_basic' : 'client_secret_post');
    }
    oidcCallback(req, res);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    tokenRequests,
    loginAs(next) {
      choice = next;
    },
    async authorize(authorizationUrl) {
      const jar = new Map<string, string>();
      let url = new URL(authorizationUrl);
      for (let hop = 0; hop < 10; hop++) {
        if (url.origin !== issuer) return url;
        const res = await fetch(url, {
          redirect: 'manual',
          headers: jar.size > 0 ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {},
        });
        for (const line of res.headers.getSetCookie()) {
          const pair = line.split(';', 1)[0] ?? '';
          const eq = pair.indexOf('=');
          const name = pair.slice(0, eq);
          const value = pair.slice(eq + 1);
          if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
          else jar.set(name, value);
        }
        const location = res.headers.get('location');
        if (!location) throw new Error(`provider answered ${res.status} without a redirect: ${(await res.text()).slice(0, 300)}`);
        url = new URL(location, url);
      }
      throw new Error('too many redirects at the provider');
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
