import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random token for cookies, links and codes: 32 bytes, base64url. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 hex of a token; only hashes of bearer tokens are stored. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** HMAC-SHA-256 hex. */
export function hmacHex(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * The keys the server derives from the master key with HKDF-SHA-256, one per purpose, so that no key is used for
 * two things and the master key itself never touches data.
 */
export interface DerivedKeys {
  /** Wraps per-council data keys (envelope encryption). */
  readonly keyEncryptionKey: Buffer;
  /** HMAC of the audit hash chains. */
  readonly auditChainKey: Buffer;
  /** Signs short-lived cookies (WebAuthn challenges, device cookies, OIDC state). */
  readonly cookieSigningKey: Buffer;
}

export function deriveKeys(masterKey: Buffer): DerivedKeys {
  if (masterKey.length !== 32) throw new RangeError('the master key must be 32 bytes');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `kasseika:${info}`, 32));
  return {
    keyEncryptionKey: derive('kek:v1'),
    auditChainKey: derive('audit-chain:v1'),
    cookieSigningKey: derive('cookie-signing:v1'),
  };
}
