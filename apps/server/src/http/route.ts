import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FieldIssue } from '@kasseika/contracts';
import { invalid } from '../errors/app-error';
import { negotiateLanguage, type Language } from './language';
import { parsePart } from './validation';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route. Later issues add authenticated actions checked against the policy table. */
export type RouteAccess = { readonly kind: 'public' };

/** Cache policy of a successful response. API responses are `no-store` unless a route says otherwise. */
export type CachePolicy = 'no-store' | 'public-short';

export interface RouteContext<Deps> {
  readonly deps: Deps;
  readonly req: FastifyRequest;
  readonly reply: FastifyReply;
  readonly lang: Language;
  readonly requestId: string;
}

export interface RouteInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  readonly params: z.output<P>;
  readonly query: z.output<Q>;
  readonly body: z.output<B>;
}

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
  readonly success: { readonly status: 200 | 201; readonly description: string; readonly schema: R };
  readonly problems: readonly ProblemStatus[];
  readonly cache?: CachePolicy;
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
  readonly success: { readonly status: 200 | 201; readonly description: string; readonly schema: z.ZodType };
  readonly problems: readonly ProblemStatus[];
  readonly cache?: CachePolicy;
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
      handler: async (req, reply) => {
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
        } else if (req.body !== undefined && req.body !== null && req.body !== '') {
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
        };
        const result = await route.handler({ params: params.data, query: query.data, body }, ctx);
        const output = options.validateResponses ? route.success.schema.parse(result) : result;
        reply.header('cache-control', route.cache === 'public-short' ? 'public, max-age=300' : 'no-store');
        return reply.code(route.success.status).type('application/json; charset=utf-8').send(JSON.stringify(output));
      },
    });
  }
}
