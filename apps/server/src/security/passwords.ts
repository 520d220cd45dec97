import { hash, verify } from '@node-rs/argon2';

/**
 * OWASP-recommended argon2id parameters (m = 19 MiB, t = 2, p = 1). `algorithm: 2` is `Algorithm.Argon2id` (an ambient
 * const enum that isolated modules cannot import).
 */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Verifies; never throws on a malformed stored hash (returns false). */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/** Burns the same time as a real verification, for unknown accounts (no user enumeration by timing). */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('kasseika-dummy-password-for-timing');
  await verifyPassword(await dummy, password);
  return false;
}
