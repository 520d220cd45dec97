import { z } from 'zod';

/**
 * OpenID Connect sign-in for SMEs (company members) through a provider configured by the server (gBizID-compatible).
 * The browser is sent to `GET /api/v1/auth/oidc/start` and comes back through the callback, which ends on the web
 * app: the `next` page on success, else `/sign-in?oidc=<error code>`.
 */
export const oidcConfigSchema = z
  .object({
    enabled: z.boolean().meta({ description: 'Whether the server has an OpenID Connect provider configured' }),
    providerName: z.string().nullable().meta({ description: 'Display name of the provider (e.g. gBizID); null when disabled' }),
  })
  .meta({ id: 'OidcConfig' });

export type OidcConfig = z.infer<typeof oidcConfigSchema>;

export const oidcStartQuerySchema = z
  .strictObject({
    next: z
      .string()
      .max(1000)
      .optional()
      .meta({ description: 'A page of this site to open after signing in (a path starting with a single "/"); anything else means "/"' }),
  })
  .meta({ id: 'OidcStartQuery' });

/** Printable ASCII without spaces (RFC 6749 VSCHAR minus space): codes, session states. */
const vschar = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[\x21-\x7e]+$/);

/**
 * The authorization response (RFC 6749 §4.1.2, errors §4.1.2.1) as providers send it: `code` and `state`, or
 * `error`; plus the issuer (`iss`, RFC 9207) and `session_state` (OIDC Session Management) that some providers add,
 * and `scope`, which some echo. `error_description` and `error_uri` are accepted but never shown or stored.
 */
export const oidcCallbackQuerySchema = z
  .strictObject({
    code: vschar(2048).optional(),
    state: z
      .string()
      .min(16)
      .max(128)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
    iss: z
      .string()
      .max(2048)
      .regex(/^https?:\/\/[\x21-\x7e]+$/)
      .optional(),
    session_state: vschar(512).optional(),
    scope: z
      .string()
      .max(1000)
      .regex(/^[\x20-\x7e]*$/)
      .optional(),
    error: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[\x20-\x21\x23-\x5b\x5d-\x7e]+$/)
      .optional(),
    error_description: z.string().max(2000).optional(),
    error_uri: z.string().max(2000).optional(),
  })
  .meta({ id: 'OidcCallbackQuery' });

export type OidcCallbackQuery = z.infer<typeof oidcCallbackQuerySchema>;

/**
 * Why an OpenID Connect sign-in ended on `/sign-in?oidc=<code>` (the web app explains each in Japanese and English):
 * - `disabled`: no provider is configured;
 * - `cancelled`: the person cancelled at the provider (or refused consent);
 * - `provider_error`: the provider answered with an error, could not be reached, or its answer failed validation;
 * - `state_mismatch`: the sign-in was interrupted, took more than 10 minutes, was already used, or was not started
 *   in this browser — start again;
 * - `email_unverified`: the provider did not confirm an email address;
 * - `no_account`: no SME account has this email — accounts are created when the council accepts a consultation
 *   request;
 * - `not_allowed`: the account is not an SME account (council staff, experts, banks and lawyers sign in with their
 *   password and second factor), or it is linked to another identity of this provider;
 * - `account_disabled`: the account has been disabled;
 * - `unavailable`: the server could not complete the sign-in (an unexpected error, logged) — try again later.
 */
export const OIDC_ERROR_CODES = [
  'disabled',
  'cancelled',
  'provider_error',
  'state_mismatch',
  'email_unverified',
  'no_account',
  'not_allowed',
  'account_disabled',
  'unavailable',
] as const;

export const oidcErrorCodeSchema = z.enum(OIDC_ERROR_CODES);
export type OidcErrorCode = z.infer<typeof oidcErrorCodeSchema>;
