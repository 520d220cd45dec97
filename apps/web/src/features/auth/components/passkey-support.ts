import { WebAuthnError, browserSupportsWebAuthn } from '@simplewebauthn/browser';
import type { TFunction } from 'i18next';
import { problemMessage, type Lang } from '../../../lib/form-errors';
import { ApiError } from '../../../lib/api';

export { browserSupportsWebAuthn };

/** What to say when a passkey ceremony fails: cancelled, already registered, unsupported, or the server's answer. */
export function passkeyErrorMessage(error: unknown, t: TFunction<'auth'>, lang: Lang): string {
  if (error instanceof ApiError) {
    return problemMessage(error, lang);
  }
  const name = error instanceof Error ? error.name : '';
  const code = error instanceof WebAuthnError ? error.code : null;
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || name === 'InvalidStateError') return t('passkey.alreadyRegistered');
  if (code === 'ERROR_CEREMONY_ABORTED' || name === 'NotAllowedError' || name === 'AbortError') return t('passkey.cancelled');
  if (name === 'NotSupportedError' || !browserSupportsWebAuthn()) return t('passkey.unsupported');
  return t('passkey.failed');
}

/** "Chrome · Windows" from a user agent, or null when neither is recognised. */
function deviceOf(userAgent: string): string | null {
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /iPhone|iPad/.test(userAgent)
      ? 'iPhone / iPad'
      : /Mac OS X/.test(userAgent)
        ? 'Mac'
        : /Android/.test(userAgent)
          ? 'Android'
          : /CrOS/.test(userAgent)
            ? 'ChromeOS'
            : /Linux/.test(userAgent)
              ? 'Linux'
              : null;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  return [browser, os].filter(Boolean).join(' · ') || null;
}

/** A default name for a new passkey: the browser and system it is made on (the user can change it). */
export function guessDeviceLabel(userAgent: string, fallback: string): string {
  return deviceOf(userAgent) ?? fallback;
}

/** A readable summary of a user agent for the sessions list. */
export function describeUserAgent(userAgent: string | null, fallback: string): string {
  return (userAgent ? deviceOf(userAgent) : null) ?? fallback;
}
