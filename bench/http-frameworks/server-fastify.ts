/**
 * Fastify 5 server for the benchmark, written the way apps/server registers routes: request id per request,
 * zod validation in the handler, JSON.stringify + explicit content type, problem+json from the error handler.
 * Logging is off here and in the Hono server alike (pino costs the same whichever framework calls it).
 */
import Fastify from 'fastify';
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

const app = Fastify({ logger: false, genReqId: newRequestId });

app.get('/hello', (_req, reply) => reply.send({ hello: 'world' }));

await app.register(
  (api, _options, done) => {
    // An async hook, as in apps/server/src/app.ts.
    api.addHook('onRequest', async (req, reply) => {
      reply.header('x-request-id', req.id);
    });
    api.setErrorHandler((error, req, reply) => {
      if (error instanceof ValidationFailed) {
        return reply
          .code(422)
          .header('cache-control', 'no-store')
          .type(PROBLEM_TYPE)
          .send(JSON.stringify(problemBody(error, req.url, req.id)));
      }
      return reply
        .code(500)
        .type(PROBLEM_TYPE)
        .send(JSON.stringify({ status: 500, code: 'INTERNAL_ERROR' }));
    });
    api.get('/councils', async (req, reply) => {
      const query = parseQuery(req.query ?? {});
      const body = JSON.stringify(searchCouncils(query));
      return reply.code(200).header('cache-control', CACHE_PUBLIC_SHORT).type(JSON_TYPE).send(body);
    });
    done();
  },
  { prefix: '/api/v1' },
);

await app.listen({ host: HOST, port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('no TCP address');
serveUnderParent(address.port, () => app.close());
