import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface WebApp {
  /** Serves index.html for client-side routes (GET/HEAD of non-API paths that accept HTML). */
  readonly spaFallback: (req: FastifyRequest, reply: FastifyReply) => FastifyReply | null;
  readonly available: boolean;
}

/**
 * Serves the built web app (apps/web/dist): hashed assets cached for a year, index.html never cached.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<WebApp> {
  const indexPath = join(distDir, 'index.html');
  if (!existsSync(indexPath)) {
    app.log.warn({ distDir }, 'web app not built; run `npm run build` (npm start does this)');
    return { available: false, spaFallback: () => null };
  }
  const indexHtml = readFileSync(indexPath, 'utf8');
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    wildcard: false,
    index: false,
    decorateReply: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    },
  });
  const sendIndex = (reply: FastifyReply) =>
    reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  app.get('/', (_req, reply) => sendIndex(reply));
  return {
    available: true,
    spaFallback: (req, reply) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return null;
      const accept = req.headers.accept ?? '';
      if (accept !== '' && !accept.includes('text/html') && !accept.includes('*/*')) return null;
      return sendIndex(reply);
    },
  };
}
