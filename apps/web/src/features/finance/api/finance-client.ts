import type { z } from 'zod';
import { apiSend } from '../../../lib/api';

// Calls of the calculators go through lib/api's apiSend: the same CSRF token, retry and session notifications
// (idle timer) as every other state-changing request.

/** POSTs JSON and parses the answer with the contract's schema. */
export async function postJson<S extends z.ZodType>(path: string, body: unknown, schema: S, signal?: AbortSignal): Promise<z.output<S>> {
  const res = await apiSend('POST', path, { json: body }, signal);
  return schema.parse(await res.json());
}

/** A downloaded file: its bytes and the name the server gave it (RFC 5987 `filename*`). */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly filename: string;
}

export function filenameFrom(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition ?? '');
  return plain?.[1] ?? fallback;
}

/** POSTs JSON and returns the file answer. */
export async function postForFile(path: string, body: unknown, fallbackName: string): Promise<DownloadedFile> {
  const res = await apiSend('POST', path, { json: body });
  return { blob: await res.blob(), filename: filenameFrom(res.headers.get('content-disposition'), fallbackName) };
}

/** Uploads one file as multipart/form-data and parses the answer. */
export async function uploadFile<S extends z.ZodType>(path: string, file: File, schema: S): Promise<z.output<S>> {
  const form = new FormData();
  form.append('file', file);
  const res = await apiSend('POST', path, { form });
  return schema.parse(await res.json());
}

/** Saves a downloaded file through a temporary link (no inline script, CSP-safe). */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
