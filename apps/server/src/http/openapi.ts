import { z } from 'zod';
import { problemDetailsSchema } from '@kasseika/contracts';
import type { AnyRoute, ProblemStatus } from './route';

type JsonSchema = Record<string, unknown>;

const PROBLEM_DESCRIPTIONS: Record<ProblemStatus | 400 | 429 | 500, string> = {
  400: 'Malformed request (invalid JSON, bad URL)',
  401: 'Sign-in required',
  403: 'Visible but not allowed',
  404: 'Not found, or not visible to the caller',
  409: 'Conflicts with the current state',
  413: 'Body too large',
  415: 'Unsupported media type',
  422: 'Validation failed; `errors` lists every issue',
  429: 'Rate limited',
  500: 'Unexpected error (no internals disclosed)',
  503: 'Not ready',
};

/** A redirect (302) answers with a `Location` and no body. */
const REDIRECT_HEADERS = {
  Location: { description: 'Where the browser goes next', required: true, schema: { type: 'string', format: 'uri-reference' } },
};

interface Converter {
  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema;
  components: Record<string, JsonSchema>;
}

/** zod → JSON Schema 2020-12 (the dialect of OpenAPI 3.1), hoisting schemas with an `id` into components. */
function createConverter(): Converter {
  const components: Record<string, JsonSchema> = {};
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) {
        if (k === '$schema' || k === '$defs' || k === 'id') continue;
        if (k === '$ref' && typeof v === 'string') out[k] = v.replace('#/$defs/', '#/components/schemas/');
        else out[k] = rewrite(v);
      }
      return out;
    }
    return node;
  };
  return {
    components,
    convert(schema, io) {
      const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
      const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
      for (const [name, def] of Object.entries(defs)) components[name] ??= rewrite(def) as JsonSchema;
      const meta = z.globalRegistry.get(schema);
      const body = rewrite(json) as JsonSchema;
      if (meta?.id) {
        components[meta.id] ??= body;
        return { $ref: `#/components/schemas/${meta.id}` };
      }
      return body;
    },
  };
}

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query', conv: Converter): JsonSchema[] {
  if (!schema) return [];
  const json = conv.convert(schema, 'input');
  const resolved = typeof json.$ref === 'string' ? (conv.components[json.$ref.split('/').pop() ?? ''] ?? {}) : json;
  const properties = (resolved.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((resolved.required ?? []) as string[]);
  return Object.entries(properties).map(([name, prop]) => {
    const { description, example, ...rest } = prop as JsonSchema & { description?: string; example?: unknown };
    return {
      name,
      in: location,
      required: location === 'path' ? true : required.has(name),
      ...(description ? { description } : {}),
      ...(example !== undefined ? { example } : {}),
      schema: rest,
    };
  });
}

export interface OpenApiInfo {
  readonly version: string;
  readonly serverUrl?: string;
}

/** The OpenAPI 3.1 document, generated from the same route registry and zod schemas that validate requests. */
export function buildOpenApiDocument(routes: readonly AnyRoute<never>[], info: OpenApiInfo): JsonSchema {
  const conv = createConverter();
  const problemRef = conv.convert(problemDetailsSchema, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  const tags = new Set<string>();
  for (const route of routes) {
    route.tags.forEach((t) => tags.add(t));
    const problemStatuses = [...new Set<number>([...route.problems, 400, 429, 500])].sort();
    const responses: Record<string, unknown> = {
      [String(route.success.status)]:
        route.success.status === 204 || route.success.status === 302
          ? { description: route.success.description, ...(route.success.status === 302 ? { headers: REDIRECT_HEADERS } : {}) }
          : route.success.file
            ? {
                description: route.success.description,
                headers: {
                  'Content-Disposition': { description: 'attachment; filename (RFC 6266, RFC 5987)', schema: { type: 'string' } },
                },
                content: { [route.success.file.contentType]: { schema: { type: 'string', format: 'binary' } } },
              }
            : {
                description: route.success.description,
                content: { 'application/json': { schema: conv.convert(route.success.schema, 'output') } },
              },
    };
    for (const status of problemStatuses) {
      responses[String(status)] = {
        description: PROBLEM_DESCRIPTIONS[status as ProblemStatus] ?? 'Error',
        content: { 'application/problem+json': { schema: problemRef } },
      };
    }
    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [...route.tags],
      parameters: [...parametersOf(route.params, 'path', conv), ...parametersOf(route.query, 'query', conv)],
      responses,
      security: route.access.kind === 'public' ? [] : [{ sessionCookie: [], csrfToken: [] }],
      ...(route.access.kind === 'session' ? { 'x-session-states': [...route.access.states] } : {}),
      ...(route.rateLimit ? { 'x-rate-limit': { ...route.rateLimit, per: 'client address' } } : {}),
    };
    if (route.body) {
      operation.requestBody = { required: true, content: { 'application/json': { schema: conv.convert(route.body, 'input') } } };
    }
    if (route.upload) {
      operation.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: [route.upload.field],
              properties: { [route.upload.field]: { type: 'string', format: 'binary', description: route.upload.description } },
            },
          },
        },
      };
    }
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kasseika API',
      version: info.version,
      summary: 'API of Kasseika, the platform of the 中小企業活性化協議会 (SME Revitalization Councils).',
      description:
        'Errors are RFC 9457 `application/problem+json` with a stable `code` and messages in Japanese and English. ' +
        'Resources the caller may not see answer 404. Money is integer yen.',
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    tags: [...tags].sort().map((name) => ({ name })),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(conv.components).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: '__Host-kasseika.sid',
          description: 'Server-side session (HttpOnly, Secure, SameSite=Lax); set by sign-in, rotated at sign-in and step-up.',
        },
        csrfToken: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description: 'Required on POST, PUT, PATCH and DELETE: the csrfToken from GET /api/v1/auth/session.',
        },
      },
    },
  };
}
