import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FieldIssue } from '@kasseika/contracts';
import { invalid } from '../errors/app-error';
import { negotiateLanguage, type Language } from './language';
import type { Actor } from '../authz/actor';
import type { SessionInfo, SessionState } from '../modules/auth/session-store';
import { AppError } from '../errors/app-error';
import { parsePart } from './validation';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route (authentication only; what the caller may do with a resource is decided in the service by
 * the policy table, and row-level security decides again in the database).
 * - public: anyone;
 * - signedIn: a fully signed-in user (second factor done);
 * - session: a session in one of the given states (the sign-in and enrolment steps).
 */
export type RouteAccess =
  { readonly kind: 'public' } | { readonly kind: 'signedIn' } | { readonly kind: 'session'; readonly states: readonly SessionState[] };

/** Cache policy of a successful response. API responses are `no-store` unless a route says otherwise. */
export type CachePolicy = 'no-store' | 'public-short';

/**
 * A file answer (download). A route declares `success.file` with the content type and `schema: fileResponseSchema`;
 * its handler returns the bytes and a file name, sent as an attachment (RFC 6266, RFC 5987 for non-ASCII names).
 */
export interface FileResponse {
  readonly body: Buffer;
  readonly filename: string;
  /** Overrides the route's declared content type (stored documents carry their own, detected at upload). */
  readonly contentType?: string;
}
export const fileResponseSchema = z.custom<FileResponse>(
  (v) => typeof v === 'object' && v !== null && Buffer.isBuffer((v as FileResponse).body),
);

/**
 * A redirect answer (browser flows such as OpenID Connect sign-in). A route declares `success: { status: 302,
 * schema: redirectResponseSchema }`; its handler returns the target, sent as `Location` with an empty body. The
 * handler decides the target: an absolute URL it built itself (a configured provider) or a same-origin path — never
 * a value taken unchecked from the request.
 */
export interface RedirectResponse {
  readonly location: string;
}
export const redirectResponseSchema = z.object({ location: z.string().min(1).max(8192) });

/** A stricter rate limit than the API-wide one (per client address), e.g. for anonymous calculators. */
export interface RouteRateLimit {
  readonly max: number;
  readonly timeWindow: string;
}

/** A `multipart/form-data` upload of one file, read by the handler (documented in OpenAPI). */
export interface RouteUpload {
  readonly field: string;
  readonly description: string;
}

export interface RouteContext<Deps> {
  readonly deps: Deps;
  readonly req: FastifyRequest;
  readonly reply: FastifyReply;
  readonly lang: Language;
  readonly requestId: string;
  /** The caller; a user only when fully signed in. */
  readonly actor: Actor;
  /** The caller's session in any state (for the sign-in steps), or null. */
  readonly session: SessionInfo | null;
  readonly origin: { readonly ip: string; readonly userAgent: string | null; readonly requestId: string };
}

export interface RouteInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  readonly params: z.output<P>;
  readonly query: z.output<Q>;
  readonly body: z.output<B>;
}

/** Statuses of a successful answer: JSON (or a file) with 200–202, nothing with 204, a redirect with 302. */
export type SuccessStatus = 200 | 201 | 202 | 204 | 302;

/** Problem statuses a route documents besides the ones every route can return (400, 429, 500). */
export type ProblemStatus = 401 | 403 | 404 | 409 | 413 | 415 | 422 | 503;

export interface RouteSpec<Deps, P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  readonly method: HttpMethod;
  /** OpenAPI-style path: `/api/v1/councils/{councilId}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly access: RouteAccess;
  readonly params?: P;
  /** Query schema. Routes without one reject any query parameter unless `ignoreQuery` is set (probes). */
  readonly query?: Q;
  readonly ignoreQuery?: boolean;
  readonly body?: B;
  readonly success: {
    /** 302: a redirect (with `schema: redirectResponseSchema`; the handler returns `{ location }`). */
    readonly status: SuccessStatus;
    readonly description: string;
    readonly schema: R;
    /** Binary answer: content type of the file the handler returns (with `schema: fileResponseSchema`). */
    readonly file?: { readonly contentType: string };
  };
  readonly problems: readonly ProblemStatus[];
  readonly cache?: CachePolicy;
  readonly rateLimit?: RouteRateLimit;
  readonly upload?: RouteUpload;
  readonly handler: (input: RouteInput<P, Q, B>, ctx: RouteContext<Deps>) => Promise<z.input<R>>;
}

/** A route with its schema types erased, as kept in the registry. */
export interface AnyRoute<Deps> {
  readonly method: HttpMethod;
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly access: RouteAccess;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly ignoreQuery?: boolean;
  readonly body?: z.ZodType;
  readonly success: {
    readonly status: SuccessStatus;
    readonly description: string;
    readonly schema: z.ZodType;
    readonly file?: { readonly contentType: string };
  };
  readonly problems: readonly ProblemStatus[];
  readonly cache?: CachePolicy;
  readonly rateLimit?: RouteRateLimit;
  readonly upload?: RouteUpload;
  readonly handler: (input: RouteInput<z.ZodType, z.ZodType, z.ZodType>, ctx: RouteContext<Deps>) => Promise<unknown>;
}

const EMPTY = z.strictObject({});

/**
 * Returns a route declarer for a module's dependencies. The types of params, query, body and response are
 * inferred from the spec and flow into the handler.
 *
 * @example
 * const route = routesFor<{ directory: DirectoryService }>();
 * route({ method: 'GET', path: '/api/v1/councils', query: councilSearchQuerySchema, … })
 */
export function routesFor<Deps>() {
  return <
    P extends z.ZodType = typeof EMPTY,
    Q extends z.ZodType = typeof EMPTY,
    B extends z.ZodType = z.ZodUndefined,
    R extends z.ZodType = z.ZodType,
  >(
    spec: RouteSpec<Deps, P, Q, B, R>,
  ): AnyRoute<Deps> => spec;
}

/** `/api/v1/councils/{councilId}` → `/api/v1/councils/:councilId` */
export function toFastifyPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

export interface RegisterOptions<Deps> {
  readonly deps: Deps;
  /** Check every successful response against its schema (development and tests). */
  readonly validateResponses: boolean;
}

/** Registers the routes on Fastify: validate every part, collect all issues, call the handler, serialise. */
export function registerRoutes<Deps>(app: FastifyInstance, routes: readonly AnyRoute<Deps>[], options: RegisterOptions<Deps>): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: toFastifyPath(route.path),
      ...(route.rateLimit ? { config: { rateLimit: { max: route.rateLimit.max, timeWindow: route.rateLimit.timeWindow } } } : {}),
      handler: async (req, reply) => {
        checkAccess(route.access, req);
        const issues: FieldIssue[] = [];
        const params = parsePart('params', route.params ?? EMPTY, req.params ?? {});
        if (!params.ok) issues.push(...params.issues);
        const query = route.ignoreQuery ? { ok: true as const, data: {} } : parsePart('query', route.query ?? EMPTY, req.query ?? {});
        if (!query.ok) issues.push(...query.issues);
        let body: unknown = undefined;
        if (route.body) {
          const parsed = parsePart('body', route.body, req.body);
          if (parsed.ok) body = parsed.data;
          else issues.push(...parsed.issues);
        } else if (!route.upload && req.body !== undefined && req.body !== null && req.body !== '') {
          issues.push({
            pointer: '/body',
            code: 'unexpected_body',
            message: { ja: 'この操作では本文（ボディ）を送信できません', en: 'This operation does not take a request body' },
          });
        }
        if (issues.length > 0 || !params.ok || !query.ok) throw invalid(issues);

        const ctx: RouteContext<Deps> = {
          deps: options.deps,
          req,
          reply,
          lang: negotiateLanguage(req.headers['accept-language']),
          requestId: req.id,
          actor: req.auth.actor,
          session: req.auth.session,
          origin: { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id },
        };
        const result = await route.handler({ params: params.data, query: query.data, body }, ctx);
        const output = options.validateResponses ? route.success.schema.parse(result) : result;
        reply.header('cache-control', route.cache === 'public-short' ? 'public, max-age=300' : 'no-store');
        if (route.success.status === 204) return reply.code(204).send();
        if (route.success.status === 302) {
          const { location } = output as RedirectResponse;
          return reply.code(302).header('location', location).send();
        }
        if (route.success.file) {
          const file = output as FileResponse;
          return (
            reply
              .code(route.success.status)
              .type(file.contentType ?? route.success.file.contentType)
              .header('content-disposition', contentDisposition(file.filename))
              // Even if a browser were tricked into rendering it, a downloaded file runs nothing and reaches nothing.
              .header('content-security-policy', "sandbox; default-src 'none'")
              .send(file.body)
          );
        }
        return reply.code(route.success.status).type('application/json; charset=utf-8').send(JSON.stringify(output));
      },
    });
  }
}

/** Authentication gate of a route: 401 (with the reason) before any input is looked at. */
function checkAccess(access: RouteAccess, req: FastifyRequest): void {
  if (access.kind === 'public') return;
  const session = req.auth.session;
  if (access.kind === 'signedIn') {
    if (req.auth.actor.kind === 'user') return;
    throw new AppError(session && session.state !== 'active' ? 'SECOND_FACTOR_REQUIRED' : 'UNAUTHENTICATED');
  }
  if (!session || !access.states.includes(session.state)) throw new AppError('UNAUTHENTICATED');
}

/** `attachment; filename="…"; filename*=UTF-8''…` — an ASCII fallback plus the exact (e.g. Japanese) name. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
