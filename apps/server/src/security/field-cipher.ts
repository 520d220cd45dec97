import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM field encryption with envelope keys: each council has its own data key, stored wrapped under the key-
 * encryption key derived from the master key; chain 0 is the platform key (identity secrets). Ciphertexts are bound to
 * their place (table.column:row) through the additional authenticated data, so a value copied to another row or
 * column fails to decrypt.
 *
 * Format: `enc:v1:<key id>:<key version>:<iv b64url>:<ciphertext+tag b64url>`.
 */
export interface DataKeyStore {
  /** The wrapped key of a council (0 = platform), or null if none exists yet. */
  load(keyId: number): Promise<{ version: number; wrapped: string } | null>;
  /** Stores a new wrapped key; resolves to the stored one (another process may have won the race). */
  create(keyId: number, version: number, wrapped: string): Promise<{ version: number; wrapped: string }>;
}

export class FieldDecryptionError extends Error {}

const PREFIX = 'enc:v1:';

function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return `${iv.toString('base64url')}:${ct.toString('base64url')}`;
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  const [ivPart, ctPart] = sealed.split(':');
  if (!ivPart || !ctPart) throw new FieldDecryptionError('malformed ciphertext');
  const iv = Buffer.from(ivPart, 'base64url');
  const data = Buffer.from(ctPart, 'base64url');
  if (iv.length !== 12 || data.length < 16) throw new FieldDecryptionError('malformed ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  try {
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
  } catch {
    throw new FieldDecryptionError('ciphertext does not authenticate (wrong key, place or tampered)');
  }
}

export interface FieldCipher {
  /**
   * Loads (creating when missing) and unwraps the given data keys. Call once at start: afterwards encryption never
   * touches the database, so it is safe inside any transaction (PGlite has a single connection).
   */
  warmUp(keyIds: readonly number[]): Promise<void>;
  encrypt(keyId: number, plaintext: string, place: string): Promise<string>;
  decrypt(keyId: number, ciphertext: string, place: string): Promise<string>;
  /** Binary variant for file contents: `KSK1` ‖ key version (1 byte) ‖ iv (12) ‖ ciphertext ‖ tag (16). */
  encryptBytes(keyId: number, plaintext: Buffer, place: string): Promise<Buffer>;
  decryptBytes(keyId: number, sealed: Buffer, place: string): Promise<Buffer>;
  isEncrypted(value: string): boolean;
}

const BYTES_MAGIC = Buffer.from('KSK1', 'latin1');

export function createFieldCipher(keyEncryptionKey: Buffer, store: DataKeyStore): FieldCipher {
  const cache = new Map<number, Promise<{ version: number; key: Buffer }>>();

  const unwrap = (keyId: number, row: { version: number; wrapped: string }) => ({
    version: row.version,
    key: open(keyEncryptionKey, row.wrapped, `data-key:${keyId}:v${row.version}`),
  });

  const dataKey = (keyId: number): Promise<{ version: number; key: Buffer }> => {
    let entry = cache.get(keyId);
    if (!entry) {
      entry = (async () => {
        const existing = await store.load(keyId);
        if (existing) return unwrap(keyId, existing);
        const fresh = randomBytes(32);
        const stored = await store.create(keyId, 1, seal(keyEncryptionKey, fresh, `data-key:${keyId}:v1`));
        return unwrap(keyId, stored);
      })();
      entry.catch(() => cache.delete(keyId));
      cache.set(keyId, entry);
    }
    return entry;
  };

  return {
    async warmUp(keyIds) {
      for (const id of keyIds) await dataKey(id);
    },
    async encrypt(keyId, plaintext, place) {
      const { version, key } = await dataKey(keyId);
      return `${PREFIX}${keyId}:${version}:${seal(key, Buffer.from(plaintext, 'utf8'), place)}`;
    },
    async decrypt(keyId, ciphertext, place) {
      if (!ciphertext.startsWith(PREFIX)) throw new FieldDecryptionError('not an encrypted value');
      const [id, version, iv, ct] = ciphertext.slice(PREFIX.length).split(':');
      if (Number(id) !== keyId) throw new FieldDecryptionError('value belongs to another key');
      const k = await dataKey(keyId);
      if (Number(version) !== k.version) throw new FieldDecryptionError(`unknown key version ${version ?? ''}`);
      return open(k.key, `${iv ?? ''}:${ct ?? ''}`, place).toString('utf8');
    },
    async encryptBytes(keyId, plaintext, place) {
      const { version, key } = await dataKey(keyId);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(`${keyId}:${place}`, 'utf8'));
      return Buffer.concat([BYTES_MAGIC, Buffer.from([version]), iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    },
    async decryptBytes(keyId, sealed, place) {
      if (sealed.length < 4 + 1 + 12 + 16 || !sealed.subarray(0, 4).equals(BYTES_MAGIC))
        throw new FieldDecryptionError('not an encrypted file');
      const k = await dataKey(keyId);
      if (sealed[4] !== k.version) throw new FieldDecryptionError(`unknown key version ${String(sealed[4])}`);
      const iv = sealed.subarray(5, 17);
      const body = sealed.subarray(17, sealed.length - 16);
      const decipher = createDecipheriv('aes-256-gcm', k.key, iv);
      decipher.setAAD(Buffer.from(`${keyId}:${place}`, 'utf8'));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      try {
        return Buffer.concat([decipher.update(body), decipher.final()]);
      } catch {
        throw new FieldDecryptionError('file does not authenticate (wrong key, place or tampered)');
      }
    },
    isEncrypted: (value) => value.startsWith(PREFIX),
  };
}
