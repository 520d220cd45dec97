import type { ErrorCode, FieldIssue, LocalizedText } from '@kasseika/contracts';

/** HTTP status of every error code: one table, no status chosen ad hoc. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 422,
  MALFORMED_REQUEST: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SECOND_FACTOR_INVALID: 401,
  SECOND_FACTOR_REQUIRED: 401,
  STEP_UP_REQUIRED: 403,
  TOKEN_INVALID: 400,
  CSRF_INVALID: 403,
  FORBIDDEN: 403,
  CONFLICT: 409,
  TRANSITION_NOT_ALLOWED: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};

export interface AppErrorOptions {
  readonly detail?: LocalizedText;
  readonly issues?: readonly FieldIssue[];
  readonly headers?: Readonly<Record<string, string>>;
}

/** The one error type the server throws on purpose. The error handler renders it as problem+json. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: AppErrorOptions = {},
  ) {
    super(options.detail?.en ?? code);
    this.name = 'AppError';
    this.status = HTTP_STATUS[code];
  }
}

export const notFound = (what: LocalizedText): AppError =>
  new AppError('NOT_FOUND', { detail: { ja: `${what.ja}は見つかりませんでした`, en: `${what.en} was not found` } });

export const invalid = (issues: readonly FieldIssue[]): AppError => new AppError('VALIDATION_FAILED', { issues });

export const conflict = (detail: LocalizedText): AppError => new AppError('CONFLICT', { detail });
