import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validate } from '@readme/openapi-parser';
import type { ProblemDetails } from '@kasseika/contracts';
import { createTestApp, type TestApp } from '../../test/test-app';
import { allRoutes } from '../routes';
import { toFastifyPath } from './route';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('security headers', () => {
  it('sends CSP without inline scripts, HSTS, nosniff and frame-ancestors none on API and pages', async () => {
    for (const url of ['/api/v1/councils', '/healthz', '/api/docs/', '/api/v1/nowhere']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{8}/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
    }
  });

  it('marks API responses no-store unless public master data', async () => {
    expect((await t.app.inject({ url: '/readyz' })).headers['cache-control']).toBe('no-store');
    expect((await t.app.inject({ url: '/api/v1/councils' })).headers['cache-control']).toBe('public, max-age=300');
    expect((await t.app.inject({ url: '/api/v1/councils?prefecture=99' })).headers['cache-control']).toBe('no-store');
  });
});

describe('request ids', () => {
  it('echoes a well-formed X-Request-Id and puts it in problems', async () => {
    const res = await t.app.inject({ url: '/api/v1/councils/atlantis', headers: { 'x-request-id': 'trace-12345678' } });
    expect(res.headers['x-request-id']).toBe('trace-12345678');
    expect(res.json<ProblemDetails>().requestId).toBe('trace-12345678');
  });

  it('replaces a malformed one with a fresh UUID', async () => {
    const res = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id<script>' } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('probes', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok' } });
  });
});

describe('problem+json for everything that goes wrong', () => {
  const cases: [
    string,
    { method: 'GET' | 'POST' | 'DELETE' | 'PUT'; url: string; payload?: string; headers?: Record<string, string> },
    number,
    string,
  ][] = [
    ['unknown API route', { method: 'GET', url: '/api/v1/nothing-here' }, 404, 'ROUTE_NOT_FOUND'],
    ['wrong method', { method: 'DELETE', url: '/api/v1/councils/tokyo' }, 405, 'METHOD_NOT_ALLOWED'],
    [
      'POST to a GET route',
      { method: 'POST', url: '/api/v1/councils', payload: '{}', headers: { 'content-type': 'application/json' } },
      405,
      'METHOD_NOT_ALLOWED',
    ],
    ['malformed percent-encoding', { method: 'GET', url: '/api/v1/councils/%E0%A4%A' }, 400, 'MALFORMED_REQUEST'],
    ['NUL in a query string (PostgreSQL cannot store it)', { method: 'GET', url: '/api/v1/councils?q=a%00b' }, 422, 'VALIDATION_FAILED'],
    ['NUL in a path parameter', { method: 'GET', url: '/api/v1/councils/tok%00yo' }, 422, 'VALIDATION_FAILED'],
  ];
  it.each(cases)('%s', async (_label, req, status, code) => {
    const res = await t.app.inject(req);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json<ProblemDetails>();
    expect(body.code).toBe(code);
    expect(body.messages.title.ja.length).toBeGreaterThan(0);
    expect(body.messages.title.en.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|select |insert /i);
  });

  it('ignores a body sent with GET (no semantics in HTTP) rather than failing', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/councils?prefecture=13',
      payload: '{',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(200);
  });

  it('points at the field holding the NUL', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/councils?q=%00' });
    expect(res.json<ProblemDetails>().errors).toEqual([expect.objectContaining({ pointer: '/query/q', code: 'text.nul_character' })]);
  });

  it('sends an Allow header with 405', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/councils/tokyo' });
    expect(res.headers.allow).toBe('GET, HEAD');
  });
});

describe('no input produces a 5xx (property-based sweep over the route registry)', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      '',
      ' ',
      '%',
      '..',
      '../etc/passwd',
      "'; drop table councils;--",
      '〒',
      '１２３',
      '\u0000',
      'a'.repeat(300),
      '🙂',
      '-1',
      '1e309',
    ),
  );
  it('every route answers < 500 with JSON for arbitrary params, query strings and bodies', async () => {
    for (const route of allRoutes) {
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom('q', 'prefecture', 'postalCode', 'city', 'councilId', 'x', 'page'), text, { maxKeys: 4 }),
          text,
          fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
          async (query, param, body) => {
            const path = toFastifyPath(route.path).replace(/:[A-Za-z0-9_]+/g, encodeURIComponent(param) || 'x');
            const qs = new URLSearchParams(query).toString();
            const res = await t.app.inject({
              method: route.method,
              url: qs ? `${path}?${qs}` : path,
              ...(body !== undefined ? { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
            });
            expect(res.statusCode, `${route.method} ${path}?${qs} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
            if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
          },
        ),
        { numRuns: 60 },
      );
    }
  }, 120_000);
});

describe('OpenAPI 3.1', () => {
  it('is served, validates, and documents every route of the registry', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, { operationId: string }>> }>();
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, JSON.stringify(result, null, 2)).toBe(true);
    for (const route of allRoutes) {
      expect(doc.paths[route.path]?.[route.method.toLowerCase()]?.operationId).toBe(route.operationId);
    }
  });

  it('has unique operation ids', () => {
    const ids = allRoutes.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('serves the reference UI from local files', async () => {
    const page = await t.app.inject({ url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/api/docs/swagger-ui-bundle.js');
    expect(page.body).not.toMatch(/<script>[^<]/);
    expect((await t.app.inject({ url: '/api/docs/swagger-ui-bundle.js' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/docs/package.json' })).statusCode).toBe(404);
  });
});
