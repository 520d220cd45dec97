import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * Where document bytes live. The local store writes under a directory (default `<KASSEIKA_DATA_DIR>/files`); an
 * S3-compatible store can implement the same two operations for production. Bytes arrive here already encrypted.
 */
export interface FileStore {
  /** Stores the bytes under a new key and returns it. Durable when the promise resolves. */
  put(prefix: string, bytes: Buffer): Promise<string>;
  get(key: string): Promise<Buffer>;
}

export class StorageKeyError extends Error {}

export function createLocalFileStore(root: string): FileStore {
  const base = resolve(root);
  const pathOf = (key: string): string => {
    if (!/^[a-z0-9/-]+$/.test(key) || key.includes('..')) throw new StorageKeyError(`invalid storage key ${key}`);
    const p = resolve(base, key);
    if (!p.startsWith(base + sep)) throw new StorageKeyError(`storage key escapes the store: ${key}`);
    return p;
  };
  return {
    async put(prefix, bytes) {
      const key = `${prefix.replace(/[^a-z0-9/-]/g, '')}/${randomUUID()}`;
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Write to a temporary name, flush to disk, then rename: a crash never leaves a half-written file under the key.
      const tmp = join(dirname(path), `.tmp-${randomUUID()}`);
      const handle = await open(tmp, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, path);
      return key;
    },
    async get(key) {
      return readFile(pathOf(key));
    },
  };
}
