import { inflateRawSync } from 'node:zlib';

/** Limits for reading an uploaded ZIP container (an .xlsx is one). */
export interface ZipLimits {
  /** Total bytes all entries may inflate to. */
  readonly maxUncompressedBytes: number;
  readonly maxEntries: number;
}

/** Why a ZIP container was refused. */
export type ZipProblem = 'NOT_A_ZIP' | 'TOO_MANY_ENTRIES' | 'TOO_LARGE_UNCOMPRESSED' | 'UNSUPPORTED_ZIP' | 'CORRUPT_ZIP';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Inspects a ZIP container before any library opens it, and refuses zip bombs: it reads the central directory (as
 * JSZip, which exceljs uses, does), inflates every entry with a hard cap on the output (`maxOutputLength`, so a lying
 * size field cannot get past it), and checks that each entry inflates to exactly its declared size and that the total
 * stays under the limit. ZIP64, encryption and compression methods other than stored/deflate are refused.
 *
 * @example
 * inspectZip(buffer, { maxUncompressedBytes: 20_000_000, maxEntries: 500 }) // { ok: true, names: ['[Content_Types].xml', …] }
 */
export function inspectZip(buf: Buffer, limits: ZipLimits): { ok: true; names: string[] } | { ok: false; problem: ZipProblem } {
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) return { ok: false, problem: 'NOT_A_ZIP' };
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i -= 1) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, problem: 'CORRUPT_ZIP' };
  const entries = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) return { ok: false, problem: 'UNSUPPORTED_ZIP' };
  if (entries > limits.maxEntries) return { ok: false, problem: 'TOO_MANY_ENTRIES' };
  if (cdOffset + cdSize > eocd) return { ok: false, problem: 'CORRUPT_ZIP' };
  let p = cdOffset;
  let total = 0;
  const names: string[] = [];
  for (let n = 0; n < entries; n += 1) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return { ok: false, problem: 'CORRUPT_ZIP' };
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const declared = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    p += 46 + nameLength + extraLength + commentLength;
    if ((flags & 0x1) !== 0) return { ok: false, problem: 'UNSUPPORTED_ZIP' };
    if (compressed === 0xffffffff || declared === 0xffffffff) return { ok: false, problem: 'UNSUPPORTED_ZIP' };
    if (method !== 0 && method !== 8) return { ok: false, problem: 'UNSUPPORTED_ZIP' };
    if (total + declared > limits.maxUncompressedBytes) return { ok: false, problem: 'TOO_LARGE_UNCOMPRESSED' };
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL) return { ok: false, problem: 'CORRUPT_ZIP' };
    const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (start + compressed > buf.length) return { ok: false, problem: 'CORRUPT_ZIP' };
    const data = buf.subarray(start, start + compressed);
    let size: number;
    if (method === 0) size = data.length;
    else {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, limits.maxUncompressedBytes - total + 1) }).length;
      } catch (e) {
        const code = (e as { code?: string }).code;
        return { ok: false, problem: code === 'ERR_BUFFER_TOO_LARGE' ? 'TOO_LARGE_UNCOMPRESSED' : 'CORRUPT_ZIP' };
      }
    }
    if (size !== declared) return { ok: false, problem: 'CORRUPT_ZIP' };
    total += size;
    if (total > limits.maxUncompressedBytes) return { ok: false, problem: 'TOO_LARGE_UNCOMPRESSED' };
    names.push(name);
  }
  return { ok: true, names };
}
