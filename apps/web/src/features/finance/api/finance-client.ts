import type { z } from 'zod';
import { problemDetailsSchema, type ProblemDetails } from '@kasseika/contracts';
import { ApiError } from '../../../lib/api';

/**
 * Calls of the calculators. Every state-changing API request carries the CSRF token (double submit), which the
 * server hands out with GET /api/v1/auth/session; it is fetched once and refreshed when the server refuses it.
 */
let csrfToken: Promise<string> | null = null;

async function fetchCsrfToken(): Promise<string> {
  const res = await fetch('/api/v1/auth/session', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!res.ok) throw new ApiError(res.status, null);
  const body = (await res.json()) as { csrfToken?: unknown };
  return typeof body.csrfToken === 'string' ? body.csrfToken : '';
}

function language(): string {
  return document.documentElement.lang || 'ja';
}

async function problemOf(res: Response): Promise<ProblemDetails | null> {
  try {
    return problemDetailsSchema.parse(await res.json());
  } catch {
    return null;
  }
}

async function send(path: string, init: RequestInit, retried = false): Promise<Response> {
  csrfToken ??= fetchCsrfToken().catch((e: unknown) => {
    csrfToken = null;
    throw e;
  });
  const token = await csrfToken;
  const headers = new Headers(init.headers);
  headers.set('x-csrf-token', token);
  headers.set('accept-language', language());
  const res = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  if (res.status === 403 && !retried) {
    const problem = await problemOf(res.clone());
    if (problem?.code === 'CSRF_INVALID') {
      csrfToken = null;
      return send(path, init, true);
    }
  }
  if (!res.ok) throw new ApiError(res.status, await problemOf(res));
  return res;
}

/** POSTs JSON and parses the answer with the contract's schema. */
export async function postJson<S extends z.ZodType>(path: string, body: unknown, schema: S, signal?: AbortSignal): Promise<z.output<S>> {
  const res = await send(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
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
  const res = await send(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { blob: await res.blob(), filename: filenameFrom(res.headers.get('content-disposition'), fallbackName) };
}

/** Uploads one file as multipart/form-data and parses the answer. */
export async function uploadFile<S extends z.ZodType>(path: string, file: File, schema: S): Promise<z.output<S>> {
  const form = new FormData();
  form.append('file', file);
  const res = await send(path, { method: 'POST', body: form, headers: { accept: 'application/json' } });
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
