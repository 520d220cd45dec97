import { inspectZip } from '../../security/safe-zip';

/** The kinds of file the platform accepts: PDF, Excel (.xlsx), CSV and images — decided by content, not by name. */
export type AcceptedMediaType =
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  | 'text/csv'
  | 'image/png'
  | 'image/jpeg'
  | 'image/gif'
  | 'image/webp';

export type MediaTypeRefusal = 'UNSUPPORTED_TYPE' | 'LEGACY_EXCEL' | 'EXECUTABLE' | 'UNSAFE_ARCHIVE' | 'EMPTY';

export const EXTENSION_OF: Record<AcceptedMediaType, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/csv': 'csv',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

const startsWith = (b: Buffer, sig: readonly number[], offset = 0): boolean => sig.every((v, i) => b[offset + i] === v);

/** Decodes as text if the bytes are plausible CSV: no NUL or other binary controls, and line or field separators. */
function looksLikeCsv(b: Buffer): boolean {
  const sample = b.subarray(0, 64 * 1024);
  for (const byte of sample) {
    if (byte === 0 || byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) return false;
  }
  return sample.includes(0x0a) || sample.includes(0x2c);
}

/**
 * Identifies a file by its leading bytes (magic numbers), and for .xlsx inspects the ZIP container (bounded, so a zip
 * bomb is refused before anything unpacks it). Executables and legacy binary Office files are refused with a reason.
 */
export function sniffMediaType(b: Buffer): { ok: true; mediaType: AcceptedMediaType } | { ok: false; refusal: MediaTypeRefusal } {
  if (b.length === 0) return { ok: false, refusal: 'EMPTY' };
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { ok: true, mediaType: 'application/pdf' };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, mediaType: 'image/png' };
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { ok: true, mediaType: 'image/jpeg' };
  if (b.subarray(0, 6).toString('latin1') === 'GIF87a' || b.subarray(0, 6).toString('latin1') === 'GIF89a')
    return { ok: true, mediaType: 'image/gif' };
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP')
    return { ok: true, mediaType: 'image/webp' };
  if (startsWith(b, [0x4d, 0x5a]) || startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) || startsWith(b, [0xcf, 0xfa, 0xed, 0xfe]))
    return { ok: false, refusal: 'EXECUTABLE' };
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { ok: false, refusal: 'LEGACY_EXCEL' };
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    const zip = inspectZip(b, { maxUncompressedBytes: 100 * 1024 * 1024, maxEntries: 2_000 });
    if (!zip.ok) return { ok: false, refusal: 'UNSAFE_ARCHIVE' };
    const isXlsx = zip.names.includes('[Content_Types].xml') && zip.names.some((n) => n === 'xl/workbook.xml');
    return isXlsx
      ? { ok: true, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }
      : { ok: false, refusal: 'UNSUPPORTED_TYPE' };
  }
  if (looksLikeCsv(b)) return { ok: true, mediaType: 'text/csv' };
  return { ok: false, refusal: 'UNSUPPORTED_TYPE' };
}

export const REFUSAL_TEXT: Record<MediaTypeRefusal, { ja: string; en: string }> = {
  UNSUPPORTED_TYPE: {
    ja: 'PDF、Excel（.xlsx）、CSV、画像（PNG・JPEG・GIF・WebP）のファイルをアップロードしてください',
    en: 'Upload a PDF, Excel (.xlsx), CSV or image (PNG, JPEG, GIF, WebP) file',
  },
  LEGACY_EXCEL: {
    ja: '古い Excel 形式（.xls）は受け付けていません。Excel で「.xlsx」形式で保存し直してからアップロードしてください',
    en: 'The old Excel format (.xls) is not accepted. Save it as .xlsx in Excel and upload that',
  },
  EXECUTABLE: {
    ja: 'プログラム（実行ファイル）はアップロードできません。ファイルの中身を確認してください',
    en: 'Programs (executables) cannot be uploaded. Check the file',
  },
  UNSAFE_ARCHIVE: {
    ja: 'ファイルを安全に開けませんでした（圧縮の形式や大きさに問題があります）。別の方法で保存し直してください',
    en: 'The file could not be opened safely (its compression or size is not acceptable). Save it again another way',
  },
  EMPTY: { ja: '空のファイルはアップロードできません', en: 'The file is empty' },
};
