import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import type { AppConfig } from './config/env';
import type { Database } from './db/client';
import { appliedMigrationCount, expectedMigrationCount } from './db/migrate';
import { sql } from 'drizzle-orm';
import { AppError } from './errors/app-error';
import { registerApiDocs } from './http/api-docs';
import { buildOpenApiDocument } from './http/openapi';
import { installProblemHandlers, sendProblem } from './http/problem';
import { genRequestId } from './http/request-id';
import { registerRoutes } from './http/route';
import { registerSecurityHeaders } from './http/security-headers';
import { registerWebApp } from './http/web-app';
import { writeClientErrorProblem } from './http/client-error';
import { ALL_DATA_KEY_IDS, createServices, type Services } from './services';
import { registerAuthentication } from './http/authenticate';
import { recordDenial } from './audit/record-denial';
import { allRoutes, type AppDeps } from './routes';
import { createCalculationsService } from './modules/calculations/calculations.service';
import { loadCalculationRuleData } from './modules/calculations/calculations-rule-data';

export interface AppOptions {
  readonly config: AppConfig;
  readonly database: Database;
  /** Prebuilt services (tests inject a clock); built from config when absent. */
  readonly services?: Services;
  /** Pino logger options, or false to silence (tests). */
  readonly logger?: boolean | Record<string, unknown>;
}

export const API_VERSION = '0.1.0';

/**
 * Builds the Fastify application without listening, so tests drive it with `app.inject()` and main.ts decides
 * how to serve it. Every dependency is passed in; nothing is read from globals.
 */
export async function buildApp({ config, database, logger, services: given }: AppOptions): Promise<FastifyInstance> {
  const services = given ?? createServices(config, database);
  await services.cipher.warmUp(ALL_DATA_KEY_IDS);
  const app = Fastify({
    logger:
      logger === false
        ? false
        : {
            level: config.logLevel,
            ...(config.logFormat === 'pretty'
              ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
              : {}),
            redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], censor: '[redacted]' },
            ...(typeof logger === 'object' ? logger : {}),
          },
    genReqId: genRequestId,
    clientErrorHandler: writeClientErrorProblem,
    // Errors raised before routing (bad URL encoding, constraint failures) get problem+json too.
    frameworkErrors: (_error, req, reply) => {
      void sendProblem(
        req,
        reply,
        new AppError('MALFORMED_REQUEST', { detail: { ja: 'アドレス（URL）の形式が正しくありません', en: 'The URL is malformed' } }),
      );
    },
    trustProxy: config.trustProxy.length > 0 ? [...config.trustProxy] : false,
    bodyLimit: 1_048_576,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
  });
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await registerSecurityHeaders(app);
  await registerAuthentication(app, {
    resolveSession: (token) => services.auth.resolve(token),
    cookieSecret: services.keys.cookieSigningKey,
  });
  await app.register(rateLimit, {
    global: true,
    max: config.env === 'test' ? 10_000 : 600,
    timeWindow: '1 minute',
    keyGenerator: (req) => req.ip,
    allowList: (req) => !req.url.startsWith('/api/'),
    errorResponseBuilder: (req, context) =>
      Object.assign(new AppError('RATE_LIMITED', { headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) } }), {
        statusCode: 429,
        requestUrl: req.url,
      }),
  });
  // Uploads (statement import): one small file, read by the route; limits are enforced per route.
  await app.register(multipart, { limits: { files: 1, fileSize: 2 * 1024 * 1024 } });

  let openApi: Record<string, unknown> | null = null;
  const deps: AppDeps = {
    directory: services.directory,
    auth: services.auth,
    passkeys: services.passkeys,
    oidc: services.oidc,
    sessionStatus: services.sessionStatus,
    cases: services.cases,
    members: services.members,
    documents: services.documents,
    financials: services.financials,
    guarantors: services.guarantors,
    intake: services.intake,
    consultation: services.consultation,
    tasks: services.tasks,
    earnings: services.earnings,
    creditors: services.creditors,
    plans: services.plans,
    meetings: services.meetings,
    rechallenge: services.rechallenge,
    revitalization: services.revitalization,
    invitations: services.invitations,
    devOutbox: { enabled: config.env !== 'production', db: database.db },
    calculations: createCalculationsService({ rules: loadCalculationRuleData() }),
    checkReadiness: () => checkReadiness(database),
    openApiDocument: () => (openApi ??= buildOpenApiDocument(allRoutes, { version: API_VERSION })),
  };

  // Handlers first: Fastify binds a route's error handler when the route is registered.
  const web: { spaFallback?: Parameters<typeof installProblemHandlers>[2] } = {};
  installProblemHandlers(
    app,
    allRoutes,
    (req, reply) => web.spaFallback?.(req, reply) ?? null,
    (req, error) => recordDenial(services, database, req, error),
  );
  registerRoutes(app, allRoutes, { deps, validateResponses: config.env !== 'production' });
  await registerApiDocs(app);
  web.spaFallback = (await registerWebApp(app, config.webDist)).spaFallback;
  return app;
}

async function checkReadiness(database: Database) {
  try {
    await database.db.execute(sql`select 1`);
  } catch {
    throw new AppError('SERVICE_UNAVAILABLE', { detail: { ja: 'データベースに接続できません', en: 'The database is unreachable' } });
  }
  const applied = await appliedMigrationCount(database).catch(() => -1);
  if (applied !== expectedMigrationCount()) {
    throw new AppError('SERVICE_UNAVAILABLE', {
      detail: { ja: 'データベースの更新（マイグレーション）が完了していません', en: 'Database migrations are pending' },
    });
  }
  return { status: 'ready' as const, checks: { database: 'ok' as const, migrations: 'ok' as const } };
}

export { sendProblem };
