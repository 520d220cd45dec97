import type { CookieSerializeOptions } from '@fastify/cookie';
import { hmacHex, safeEqual } from '../../security/secrets';

/**
 * Cookie names use the `__Host-` prefix: Secure, Path=/, no Domain — the browser refuses them from any other
 * origin or over plain HTTP (localhost counts as secure for development).
 */
export const SESSION_COOKIE = '__Host-kasseika.sid';
export const DEVICE_COOKIE = '__Host-kasseika.device';
export const CSRF_COOKIE = '__Host-kasseika.csrf';
export const WEBAUTHN_COOKIE = '__Host-kasseika.webauthn';
export const OIDC_COOKIE = '__Host-kasseika.oidc';

export const SESSION_COOKIE_OPTIONS: CookieSerializeOptions = { path: '/', httpOnly: true, secure: true, sameSite: 'lax' };
export const DEVICE_COOKIE_OPTIONS: CookieSerializeOptions = {
  path: '/',
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
  maxAge: 365 * 24 * 3600,
};
export const SHORT_COOKIE_OPTIONS: CookieSerializeOptions = { path: '/', httpOnly: true, secure: true, sameSite: 'lax', maxAge: 10 * 60 };

/** A value signed with HMAC-SHA-256 (`value.signature`), for cookies the server must be able to trust. */
export function signValue(key: Buffer, value: string): string {
  return `${value}.${hmacHex(key, value)}`;
}

export function unsignValue(key: Buffer, signed: string | undefined): string | null {
  if (!signed) return null;
  const i = signed.lastIndexOf('.');
  if (i <= 0) return null;
  const value = signed.slice(0, i);
  return safeEqual(hmacHex(key, value), signed.slice(i + 1)) ? value : null;
}
