import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);

const INDEX_HTML = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kasseika API リファレンス / API reference</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
<link rel="stylesheet" href="/api/docs/kasseika-docs.css">
</head>
<body>
<header class="kasseika-docs-header"><a href="/">Kasseika</a> API リファレンス / API reference — <a href="/api/openapi.json">openapi.json</a></header>
<main id="swagger-ui"></main>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/kasseika-docs.js"></script>
</body>
</html>
`;

const INIT_JS = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, tryItOutEnabled: true });
});
`;

const CSS = `.kasseika-docs-header{font-family:'Noto Sans JP','Noto Sans CJK JP',sans-serif;padding:12px 20px;background:#00118f;color:#fff}
.kasseika-docs-header a{color:#fff}
`;

/**
 * The API reference UI at /api/docs (Swagger UI from the swagger-ui-dist package, served locally — no CDN), wired
 * to /api/openapi.json through an external script so the CSP needs no inline script.
 */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  const root = dirname(require.resolve('swagger-ui-dist/package.json'));
  app.get('/api/docs', (_req, reply) => reply.redirect('/api/docs/', 301));
  app.get('/api/docs/', (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(INDEX_HTML));
  app.get('/api/docs/kasseika-docs.js', (_req, reply) => reply.type('text/javascript; charset=utf-8').send(INIT_JS));
  app.get('/api/docs/kasseika-docs.css', (_req, reply) => reply.type('text/css; charset=utf-8').send(CSS));
  await app.register(fastifyStatic, {
    root,
    prefix: '/api/docs/',
    decorateReply: false,
    index: false,
    allowedPath: (path) => /^\/(swagger-ui-bundle\.js|swagger-ui\.css|favicon-(16x16|32x32)\.png)$/.test(path),
    maxAge: '1d',
  });
}
