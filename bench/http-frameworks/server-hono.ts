/**
 * Hono 4 server on @hono/node-server for the benchmark, the same routes and the same shared workload as
 * server-fastify.ts: request id per /api request, zod validation in the handler, JSON.stringify + explicit
 * content type, problem+json from app.onError. No logger (as in the Fastify server).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { HOST, serveUnderParent } from './child-ipc';
import {
  CACHE_PUBLIC_SHORT,
  JSON_TYPE,
  PROBLEM_TYPE,
  ValidationFailed,
  newRequestId,
  parseQuery,
  problemBody,
  searchCouncils,
} from './workload';

const app = new Hono<{ Variables: { requestId: string } }>();

app.get('/hello', (c) => c.json({ hello: 'world' }));

app.use('/api/*', async (c, next) => {
  const id = newRequestId();
  c.set('requestId', id);
  c.header('x-request-id', id);
  await next();
});

app.onError((error, c) => {
  if (error instanceof ValidationFailed) {
    return c.body(JSON.stringify(problemBody(error, c.req.path, c.get('requestId'))), 422, {
      'cache-control': 'no-store',
      'content-type': PROBLEM_TYPE,
    });
  }
  return c.body(JSON.stringify({ status: 500, code: 'INTERNAL_ERROR' }), 500, { 'content-type': PROBLEM_TYPE });
});

app.get('/api/v1/councils', (c) => {
  const query = parseQuery(c.req.query());
  const body = JSON.stringify(searchCouncils(query));
  return c.body(body, 200, { 'cache-control': CACHE_PUBLIC_SHORT, 'content-type': JSON_TYPE });
});

const server = serve({ fetch: app.fetch, hostname: HOST, port: 0 }, (info: AddressInfo) => {
  serveUnderParent(info.port, () => new Promise<void>((resolve) => server.close(() => resolve())));
});
