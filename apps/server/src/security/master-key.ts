import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export class MasterKeyError extends Error {}

/**
 * The master key (32 bytes, base64 in KASSEIKA_MASTER_KEY). Required in production. In development and tests, when
 * the variable is unset, a key is generated once and kept in `<data dir>/master.key` (mode 0600) so the embedded
 * demo keeps working across restarts; losing that file makes encrypted fields unreadable, as it should.
 */
export function loadMasterKey(options: {
  readonly configured: string | undefined;
  readonly env: string;
  readonly devKeyFile: string;
}): Buffer {
  if (options.configured) {
    const key = Buffer.from(options.configured, 'base64');
    if (key.length !== 32)
      throw new MasterKeyError('KASSEIKA_MASTER_KEY must be 32 bytes encoded in base64 (e.g. `openssl rand -base64 32`)');
    return key;
  }
  if (options.env === 'production') throw new MasterKeyError('KASSEIKA_MASTER_KEY is required in production');
  if (existsSync(options.devKeyFile)) {
    const key = Buffer.from(readFileSync(options.devKeyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new MasterKeyError(`${options.devKeyFile} does not hold a 32-byte base64 key`);
    return key;
  }
  const key = randomBytes(32);
  mkdirSync(dirname(options.devKeyFile), { recursive: true });
  writeFileSync(options.devKeyFile, `${key.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(options.devKeyFile, 0o600);
  return key;
}
