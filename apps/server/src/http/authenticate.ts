import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, UserActor } from '../authz/actor';
import { AppError } from '../errors/app-error';
import { CSRF_COOKIE, SESSION_COOKIE, SESSION_COOKIE_OPTIONS } from '../modules/auth/cookies';
import type { SessionInfo } from '../modules/auth/session-store';

/** Who is calling: the session (possibly still waiting for the second factor) and the actor it yields. */
export interface RequestAuth {
  readonly session: SessionInfo | null;
  /** A user actor only when the session is fully signed in (second factor done). */
  readonly actor: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth;
  }
}

export interface AuthenticationOptions {
  readonly resolveSession: (token: string) => Promise<SessionInfo | null>;
  readonly cookieSecret: Buffer;
}

/** Builds the actor of an active session (the active membership's roles decide what it may do). */
export function actorFromSession(session: SessionInfo, req: FastifyRequest): UserActor {
  const active = session.memberships.find((m) => m.id === session.activeMembershipId) ?? session.memberships[0] ?? null;
  return {
    kind: 'user',
    userId: session.userId,
    sessionId: session.id,
    email: session.email,
    displayName: session.displayName,
    locale: session.locale,
    memberships: session.memberships,
    active,
    ip: req.ip,
    requestId: req.id,
  };
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Session cookies and CSRF protection for the API. Every request resolves its session from the database (a revoked
 * session or a disabled account is refused on the next request); every state-changing API request must carry the
 * CSRF token (double-submit: a secret in an HttpOnly `__Host-` cookie, the token in `X-CSRF-Token`).
 */
export async function registerAuthentication(app: FastifyInstance, options: AuthenticationOptions): Promise<void> {
  await app.register(cookie, { secret: options.cookieSecret.toString('base64'), hook: 'onRequest' });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', secure: true, httpOnly: true, sameSite: 'strict' },
  });
  app.decorateRequest('auth', null as unknown as RequestAuth);

  app.addHook('onRequest', async (req, reply) => {
    const anonymous: Actor = { kind: 'anonymous', ip: req.ip, requestId: req.id };
    req.auth = { session: null, actor: anonymous };
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await options.resolveSession(token);
    if (!session) {
      reply.clearCookie(SESSION_COOKIE, SESSION_COOKIE_OPTIONS);
      return;
    }
    req.auth = { session, actor: session.state === 'active' ? actorFromSession(session, req) : anonymous };
  });

  app.addHook('preHandler', (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    // Unknown routes answer 404/405 as they are; the token protects actual operations.
    if (!STATE_CHANGING.has(req.method) || !req.url.startsWith('/api/') || req.is404) {
      done();
      return;
    }
    app.csrfProtection(req, reply, (err?: Error) => {
      done(err ? new AppError('CSRF_INVALID') : undefined);
    });
  });
}
