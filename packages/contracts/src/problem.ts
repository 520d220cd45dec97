import { z } from 'zod';

/**
 * Stable error codes of the API. A client switches on `code`, never on the message text.
 * Adding a code means adding its messages below; the compiler enforces it.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_REQUEST',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'SECOND_FACTOR_INVALID',
  'SECOND_FACTOR_REQUIRED',
  'STEP_UP_REQUIRED',
  'TOKEN_INVALID',
  'CSRF_INVALID',
  'FORBIDDEN',
  'CONFLICT',
  'TRANSITION_NOT_ALLOWED',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface LocalizedText {
  readonly ja: string;
  readonly en: string;
}

/** Titles of every error code, in Japanese and English. */
export const ERROR_TITLES: Record<ErrorCode, LocalizedText> = {
  VALIDATION_FAILED: { ja: '入力内容に誤りがあります', en: 'The input is not valid' },
  MALFORMED_REQUEST: { ja: 'リクエストの形式が正しくありません', en: 'The request is malformed' },
  UNSUPPORTED_MEDIA_TYPE: { ja: 'この形式のデータは受け付けていません', en: 'This media type is not supported' },
  PAYLOAD_TOO_LARGE: { ja: '送信されたデータが大きすぎます', en: 'The request body is too large' },
  NOT_FOUND: { ja: 'お探しの情報は見つかりませんでした', en: 'The resource was not found' },
  ROUTE_NOT_FOUND: { ja: 'このアドレスのAPIはありません', en: 'There is no API at this address' },
  METHOD_NOT_ALLOWED: { ja: 'この操作はこのアドレスでは使えません', en: 'This method is not allowed here' },
  UNAUTHENTICATED: { ja: 'サインインが必要です', en: 'Sign-in is required' },
  INVALID_CREDENTIALS: { ja: 'メールアドレスまたはパスワードが正しくありません', en: 'The email address or password is incorrect' },
  SECOND_FACTOR_INVALID: { ja: '確認コードが正しくないか、有効期限が切れています', en: 'The verification code is wrong or has expired' },
  SECOND_FACTOR_REQUIRED: { ja: '2段階認証を完了してください', en: 'Complete two-step verification first' },
  STEP_UP_REQUIRED: { ja: 'この操作の前に、もう一度本人確認をしてください', en: 'Verify it is you again before doing this' },
  TOKEN_INVALID: {
    ja: 'このリンクは無効です（有効期限切れ、または使用済み）',
    en: 'This link is no longer valid (expired or already used)',
  },
  CSRF_INVALID: {
    ja: 'ページの有効期限が切れました。再読み込みしてからもう一度お試しください',
    en: 'The page has expired. Reload it and try again',
  },
  FORBIDDEN: { ja: 'この操作を行う権限がありません', en: 'You are not allowed to do this' },
  CONFLICT: { ja: '現在の状態ではこの操作はできません', en: 'This is not possible in the current state' },
  TRANSITION_NOT_ALLOWED: {
    ja: 'この案件の現在の段階では、その操作はできません',
    en: 'This action is not possible at the case’s current stage',
  },
  RATE_LIMITED: {
    ja: '短時間に多くのリクエストがありました。しばらくしてからお試しください',
    en: 'Too many requests. Please try again later',
  },
  SERVICE_UNAVAILABLE: { ja: 'ただいまサービスを利用できません', en: 'The service is temporarily unavailable' },
  INTERNAL_ERROR: {
    ja: 'システムで問題が発生しました。時間をおいて再度お試しください',
    en: 'Something went wrong on our side. Please try again later',
  },
};

/** The problem `type` URI of a code: `urn:kasseika:problem:validation-failed`. */
export function problemTypeUri(code: ErrorCode): string {
  return `urn:kasseika:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

export const localizedTextSchema = z
  .object({ ja: z.string(), en: z.string() })
  .meta({ id: 'LocalizedText', description: 'A message in Japanese and English.' });

export const fieldIssueSchema = z
  .object({
    pointer: z.string().meta({ description: 'JSON pointer into the request: /body/…, /query/…, /params/…', example: '/query/postalCode' }),
    code: z.string().meta({ description: 'Stable issue code', example: 'postalCode.format' }),
    message: localizedTextSchema,
  })
  .meta({ id: 'FieldIssue' });

/** RFC 9457 problem details, with a stable code and messages in both languages. */
export const problemDetailsSchema = z
  .object({
    type: z.string().meta({ example: 'urn:kasseika:problem:validation-failed' }),
    title: z.string().meta({ description: 'Title in the negotiated language (Accept-Language; Japanese by default)' }),
    status: z.number().int(),
    code: z.enum(ERROR_CODES),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string(),
    messages: z.object({ title: localizedTextSchema, detail: localizedTextSchema.optional() }),
    errors: z.array(fieldIssueSchema).optional(),
  })
  .meta({ id: 'ProblemDetails', description: 'RFC 9457 application/problem+json' });

export type ProblemDetails = z.infer<typeof problemDetailsSchema>;
export type FieldIssue = z.infer<typeof fieldIssueSchema>;
