import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_TITLES, problemTypeUri, type ErrorCode, type ProblemDetails } from '@kasseika/contracts';
import { AppError, HTTP_STATUS } from '../errors/app-error';
import { negotiateLanguage } from './language';
import { toFastifyPath, type AnyRoute } from './route';

/** Builds the RFC 9457 body for an error, in the negotiated language plus both languages in `messages`. */
export function buildProblem(req: FastifyRequest, error: AppError): ProblemDetails {
  const lang = negotiateLanguage(req.headers['accept-language']);
  const title = ERROR_TITLES[error.code];
  const detail = error.options.detail ?? defaultDetail(error);
  return {
    type: problemTypeUri(error.code),
    title: title[lang],
    status: error.status,
    code: error.code,
    ...(detail ? { detail: detail[lang] } : {}),
    instance: req.url.split('?')[0] ?? req.url,
    requestId: req.id,
    messages: { title, ...(detail ? { detail } : {}) },
    ...(error.options.issues && error.options.issues.length > 0 ? { errors: [...error.options.issues] } : {}),
  };
}

function defaultDetail(error: AppError): { ja: string; en: string } | undefined {
  if (error.code === 'VALIDATION_FAILED') {
    const n = error.options.issues?.length ?? 0;
    return { ja: `${n}件の項目を確認してください。何も変更されていません`, en: `Check ${n} field(s). Nothing was changed` };
  }
  return undefined;
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  for (const [k, v] of Object.entries(error.options.headers ?? {})) reply.header(k, v);
  return reply
    .code(error.status)
    .header('cache-control', 'no-store')
    .type('application/problem+json; charset=utf-8')
    .send(JSON.stringify(buildProblem(req, error)));
}

/** Maps Fastify's own errors (body parsing, content type, size, rate limit) to stable codes. */
function fromFrameworkError(error: FastifyError): AppError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', {
        detail: { ja: 'JSON（application/json）で送信してください', en: 'Send the body as JSON (application/json)' },
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('MALFORMED_REQUEST', {
        detail: { ja: '本文が正しいJSONではありません', en: 'The body is not valid JSON' },
      });
    case 'FST_CSRF_MISSING_SECRET':
    case 'FST_CSRF_INVALID_TOKEN':
      return new AppError('CSRF_INVALID');
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return new AppError('MALFORMED_REQUEST', {
        detail: { ja: 'アドレス（URL）の形式が正しくありません', en: 'The URL is malformed' },
      });
    default:
      break;
  }
  if (error.statusCode === 429) return new AppError('RATE_LIMITED');
  if (error instanceof SyntaxError || (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)) {
    return new AppError('MALFORMED_REQUEST');
  }
  return null;
}

/**
 * Installs the error handler and the not-found handler: every failure becomes problem+json; unknown errors become
 * 500 INTERNAL_ERROR with no stack or SQL in the body, logged with the request id.
 */
export function installProblemHandlers(
  app: FastifyInstance,
  routes: readonly AnyRoute<never>[],
  spaFallback?: (req: FastifyRequest, reply: FastifyReply) => FastifyReply | null,
  onForbidden?: (req: FastifyRequest, error: AppError) => Promise<void>,
): void {
  app.setErrorHandler(async (error: FastifyError, req, reply) => {
    if (error instanceof AppError) {
      if (error.code === 'FORBIDDEN' && onForbidden)
        await onForbidden(req, error).catch((e: unknown) => req.log.error({ err: e }, 'denial not recorded'));
      return sendProblem(req, reply, error);
    }
    const mapped = fromFrameworkError(error);
    if (mapped) {
      req.log.info({ err: { code: error.code, message: error.message } }, 'request rejected');
      return sendProblem(req, reply, mapped);
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(req, reply, new AppError('INTERNAL_ERROR'));
  });

  const patterns = routes.map((r) => ({ method: r.method, re: pathPattern(r.path) }));
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') && spaFallback) {
      const served = spaFallback(req, reply);
      if (served) return served;
    }
    const allowed = patterns.filter((p) => p.re.test(path)).map((p) => p.method);
    if (allowed.length > 0) {
      const allow = [...new Set(allowed.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])))].join(', ');
      return sendProblem(req, reply, new AppError('METHOD_NOT_ALLOWED', { headers: { allow } }));
    }
    return sendProblem(req, reply, new AppError('ROUTE_NOT_FOUND'));
  });
}

function pathPattern(path: string): RegExp {
  const escaped = toFastifyPath(path)
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}

export function problemFor(code: ErrorCode): AppError {
  return new AppError(code);
}

export { HTTP_STATUS };
