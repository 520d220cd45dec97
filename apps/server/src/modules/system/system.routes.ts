import { z } from 'zod';
import { healthSchema, readinessSchema } from '@kasseika/contracts';
import { routesFor } from '../../http/route';

export interface SystemRouteDeps {
  readonly checkReadiness: () => Promise<z.output<typeof readinessSchema>>;
  readonly openApiDocument: () => Record<string, unknown>;
}

const route = routesFor<SystemRouteDeps>();

const openApiDocumentSchema = z.record(z.string(), z.unknown()).meta({ description: 'An OpenAPI 3.1 document' });

export const systemRoutes = [
  route({
    method: 'GET',
    path: '/healthz',
    operationId: 'getHealth',
    summary: 'Liveness: the process is up',
    tags: ['system'],
    access: { kind: 'public' },
    ignoreQuery: true,
    success: { status: 200, description: 'Alive', schema: healthSchema },
    problems: [],
    handler: () => Promise.resolve({ status: 'ok' as const }),
  }),
  route({
    method: 'GET',
    path: '/readyz',
    operationId: 'getReadiness',
    summary: 'Readiness: database reachable and all migrations applied',
    description: 'Answers 503 (problem+json) while the database is unreachable or migrations are pending.',
    tags: ['system'],
    access: { kind: 'public' },
    ignoreQuery: true,
    success: { status: 200, description: 'Ready', schema: readinessSchema },
    problems: [503],
    handler: (_input, { deps }) => deps.checkReadiness(),
  }),
  route({
    method: 'GET',
    path: '/api/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This API as an OpenAPI 3.1 document',
    tags: ['system'],
    access: { kind: 'public' },
    success: { status: 200, description: 'The OpenAPI document', schema: openApiDocumentSchema },
    problems: [422],
    cache: 'public-short',
    handler: (_input, { deps }) => Promise.resolve(deps.openApiDocument()),
  }),
];
