import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allRoutes } from '../src/routes';
import { toFastifyPath } from '../src/http/route';
import { createCase, createUser, signIn } from './factories';
import { TestClient } from './http-client';
import { createTestApp, type TestApp } from './test-app';

/**
 * The anonymous sweep (http-platform.routes.test.ts) stops at 401/403 for most routes. This one signs in as a council
 * PM (CSRF token included) so arbitrary input reaches validation, authorisation and the handlers, with path ids that
 * are sometimes real (an existing case of the PM's council), sometimes well-formed but unknown, sometimes garbage.
 * No input may produce a 5xx, and every error is problem+json.
 */
let t: TestApp;
let pm: TestClient;
let realCaseId: string;

/** Routes that would end the fuzzing session itself. */
const SKIP = new Set(['signOut', 'signOutEverywhere']);

beforeAll(async () => {
  t = await createTestApp();
  pm = new TestClient(t.app).withIp('198.51.100.77');
  await signIn(pm, await createUser(t.database.db, t.services.cipher, { role: 'council_pm', councilId: 13 }), t.clock.now());
  realCaseId = (await createCase(t.database.db, 13, 'ファズ株式会社')).id;
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('no input produces a 5xx for a signed-in council PM', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom('', '0', '-1', '1e309', 'null', '１２３', '\u0000', '../x', "' or 1=1--", 'a'.repeat(500), '🙂'),
  );
  const id = fc.oneof(fc.constant('REAL'), fc.uuid(), fc.constantFrom('00000000-0000-4000-8000-000000000000', 'not-a-uuid', '1'), text);
  const body = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.dictionary(
      fc.constantFrom(
        'event',
        'expectedStage',
        'reason',
        'statements',
        'expectedRevision',
        'email',
        'companyName',
        'visibility',
        'roleInCase',
        'code',
      ),
      fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 })),
      { maxKeys: 5 },
    ),
  );

  it('every route answers < 500 with problem+json errors for arbitrary ids, queries and bodies', async () => {
    const seen = new Map<number, number>();
    for (const route of allRoutes) {
      if (SKIP.has(route.operationId)) continue;
      await fc.assert(
        fc.asyncProperty(
          id,
          fc.dictionary(fc.constantFrom('q', 'page', 'pageSize', 'stage', 'next', 'x'), text, { maxKeys: 3 }),
          fc.option(body, { nil: undefined }),
          async (param, query, payload) => {
            const value = param === 'REAL' ? realCaseId : param;
            const path = toFastifyPath(route.path).replace(/:[A-Za-z0-9_]+/g, encodeURIComponent(value) || 'x');
            const qs = new URLSearchParams(query).toString();
            const res = await pm.request({
              method: route.method,
              url: qs ? `${path}?${qs}` : path,
              ...(payload !== undefined ? { payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } } : {}),
            });
            expect(
              res.statusCode,
              `${route.operationId} ${route.method} ${path}?${qs} ${JSON.stringify(payload)?.slice(0, 200)} → ${res.body.slice(0, 300)}`,
            ).toBeLessThan(500);
            seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
            if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
          },
        ),
        { numRuns: 25 },
      );
    }
    // The sweep ran signed in and got past authentication: successes and validation failures both occurred, and the
    // PM is still signed in at the end.
    expect(seen.get(200) ?? 0).toBeGreaterThan(0);
    expect(seen.get(422) ?? 0).toBeGreaterThan(0);
    expect((await pm.get('/api/v1/auth/session')).json<{ state: string }>().state).toBe('active');
  }, 240_000);
});
