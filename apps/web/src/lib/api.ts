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
    throw new ApiError(response.status, problem);
  }
  return schema.parse(await response.json());
}

/** Builds a query string from defined, non-empty values. */
export function toQueryString(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, v);
  const s = search.toString();
  return s ? `?${s}` : '';
}
