import type { z } from 'zod';
import { problemDetailsSchema, type ProblemDetails } from '@kasseika/contracts';

/** An API call that answered with problem+json (or could not be made). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails | null,
  ) {
    super(problem?.messages.title.en ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/**
 * GETs an API resource and parses it with the same zod schema the server validates it with, so the web app never
 * relies on a hand-copied type.
 */
export async function apiGet<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.output<S>> {
  const response = await fetch(path, {
    headers: { accept: 'application/json', 'accept-language': document.documentElement.lang || 'ja' },
    credentials: 'same-origin',
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) {
    let problem: ProblemDetails | null = null;
    try {
      problem = problemDetailsSchema.parse(await response.json());
    } catch {
      problem = null;
    }
    notifyApiResponse({ method: 'GET', path, status: response.status, code: problem?.code ?? null });
    throw new ApiError(response.status, problem);
  }
  notifyApiResponse({ method: 'GET', path, status: response.status, code: null });
  return schema.parse(await response.json());
}

// ── Answers the app reacts to ────────────────────────────────────────────────────────────────────────────────

/** One API answer: the session features reschedule the idle warning on activity and notice a lost session. */
export interface ApiResponseEvent {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The problem code of a failure (e.g. UNAUTHENTICATED), null on success. */
  readonly code: string | null;
}

const responseListeners = new Set<(event: ApiResponseEvent) => void>();

/** Subscribes to every API answer; returns the unsubscribe function. */
export function onApiResponse(listener: (event: ApiResponseEvent) => void): () => void {
  responseListeners.add(listener);
  return () => {
    responseListeners.delete(listener);
  };
}

function notifyApiResponse(event: ApiResponseEvent): void {
  for (const listener of responseListeners) listener(event);
}

// ── State-changing requests (POST, PATCH, DELETE) with the CSRF token ───────────────────────────────────────

/**
 * Where the CSRF token comes from. The server hands it out with GET /api/v1/auth/session; the session feature
 * connects its query here (`setCsrfTokenSource`), so the token is the one the app already holds. Until then the
 * token is fetched directly.
 */
export interface CsrfTokenSource {
  current(): Promise<string>;
  /** A fresh token after the server refused one (403 CSRF_INVALID). */
  refresh(): Promise<string>;
}

async function fetchCsrfToken(): Promise<string> {
  const res = await fetch('/api/v1/auth/session', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!res.ok) throw new ApiError(res.status, null);
  const body = (await res.json()) as { csrfToken?: unknown };
  return typeof body.csrfToken === 'string' ? body.csrfToken : '';
}

let csrfTokenSource: CsrfTokenSource = { current: fetchCsrfToken, refresh: fetchCsrfToken };

export function setCsrfTokenSource(source: CsrfTokenSource): void {
  csrfTokenSource = source;
}

async function problemOf(response: Response): Promise<ProblemDetails | null> {
  try {
    return problemDetailsSchema.parse(await response.json());
  } catch {
    return null;
  }
}

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a state-changing request carries: JSON, a multipart form (uploads), or nothing. */
export type RequestPayload = { readonly json: unknown } | { readonly form: FormData } | undefined;

/**
 * Sends a state-changing request with X-CSRF-Token; a refused token is refreshed once and the request repeated.
 * Every answer is reported to the session features (idle timer, lost session). Failures throw {@link ApiError}.
 */
export async function apiSend(
  method: Method,
  path: string,
  payload: RequestPayload,
  signal?: AbortSignal,
  retried = false,
): Promise<Response> {
  const token = retried ? await csrfTokenSource.refresh() : await csrfTokenSource.current();
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': document.documentElement.lang || 'ja',
    'x-csrf-token': token,
  };
  let body: BodyInit | undefined;
  if (payload && 'json' in payload) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(payload.json);
  } else if (payload) {
    body = payload.form; // the browser sets the multipart boundary
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body } : {}),
    ...(signal ? { signal } : {}),
  });
  if (response.ok) {
    notifyApiResponse({ method, path, status: response.status, code: null });
    return response;
  }
  const problem = await problemOf(response);
  if (response.status === 403 && problem?.code === 'CSRF_INVALID' && !retried) return apiSend(method, path, payload, signal, true);
  notifyApiResponse({ method, path, status: response.status, code: problem?.code ?? null });
  throw new ApiError(response.status, problem);
}

function send(method: Method, path: string, body: unknown): Promise<Response> {
  return apiSend(method, path, body === undefined ? undefined : { json: body });
}

/** POSTs JSON; with a schema the answer is parsed by it, without one the answer is ignored (204, 202). */
export async function apiPost<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>>;
export async function apiPost(path: string, body?: unknown): Promise<void>;
export async function apiPost(path: string, body: unknown = {}, schema?: z.ZodType): Promise<unknown> {
  const response = await send('POST', path, body);
  return schema ? schema.parse(await response.json()) : undefined;
}

/** PATCHes JSON (partial update). */
export async function apiPatch<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>>;
export async function apiPatch(path: string, body: unknown): Promise<void>;
export async function apiPatch(path: string, body: unknown, schema?: z.ZodType): Promise<unknown> {
  const response = await send('PATCH', path, body);
  return schema ? schema.parse(await response.json()) : undefined;
}

/** DELETEs a resource (the answer is 204 No Content). */
export async function apiDelete(path: string): Promise<void> {
  await send('DELETE', path, undefined);
}

/** Builds a query string from defined, non-empty values. */
export function toQueryString(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, v);
  const s = search.toString();
  return s ? `?${s}` : '';
}
