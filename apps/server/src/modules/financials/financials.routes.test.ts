import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { CaseStatements, ProblemDetails } from '@kasseika/contracts';
import { caseStatementSets } from '../../db/schema';
import { withTenantTx } from '../../db/tenant-tx';
import { baseYear, priorYear } from '../../../test/calculation-fixtures';
import { createCase, createUser, grantCase, signIn } from '../../../test/factories';
import { TestClient } from '../../../test/http-client';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;
let seq = 0;

async function client(role: Parameters<typeof createUser>[2]['role'], councilId?: number) {
  const c = new TestClient(t.app).withIp(`203.0.113.${++seq + 20}`);
  t.clock.advance(31_000);
  const user = await createUser(t.database.db, t.services.cipher, { role, councilId });
  await signIn(c, user, t.clock.now());
  return { c, user };
}

const url = (caseId: string) => `/api/v1/cases/${caseId}/financial-statements`;

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t.close());

describe('case financial statements', () => {
  it('the company enters three years; the council reads the same figures; each save is a new revision', async () => {
    const staff = await client('council_staff', 13);
    const company = await client('company_member');
    const c = await createCase(t.database.db, 13, '決算書株式会社');
    await grantCase(t.database.db, company.user, c, 13);

    const empty = (await company.c.get(url(c.id))).json<CaseStatements>();
    expect(empty).toMatchObject({ revision: null, statements: [], abilities: { write: true } });

    const years = [priorYear(), baseYear()];
    const saved = await company.c.put(url(c.id), { statements: years, expectedRevision: null });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<CaseStatements>()).toMatchObject({ revision: 1, source: 'company' });

    const seen = (await staff.c.get(url(c.id))).json<CaseStatements>();
    expect(seen.revision).toBe(1);
    expect(seen.statements).toEqual(years);
    expect(seen.enteredByName).toBeTruthy();

    const again = await staff.c.put(url(c.id), { statements: [baseYear()], expectedRevision: 1 });
    expect(again.json<CaseStatements>()).toMatchObject({ revision: 2, source: 'council' });
    const rows = await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: [] }, (tx) =>
      tx.select({ revision: caseStatementSets.revision }).from(caseStatementSets).where(eq(caseStatementSets.caseId, c.id)),
    );
    expect(rows.map((r) => r.revision).sort()).toEqual([1, 2]);
  });

  it('refuses a save from a stale revision, and invalid figures with every error, changing nothing', async () => {
    const staff = await client('council_sm', 13);
    const c = await createCase(t.database.db, 13);
    await staff.c.put(url(c.id), { statements: [baseYear()], expectedRevision: null });
    const stale = await staff.c.put(url(c.id), { statements: [baseYear()], expectedRevision: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ProblemDetails>().messages.detail?.ja).toContain('他の方が更新');

    const broken = baseYear();
    const bad = await staff.c.put(url(c.id), {
      statements: [
        { ...broken, balanceSheet: { ...broken.balanceSheet, cashAndDeposits: 1.5 } },
        { ...broken, fiscalYearEnd: '2020-03-31' },
      ],
      expectedRevision: 1,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((bad.json<ProblemDetails>().errors ?? []).length).toBeGreaterThanOrEqual(1);
    expect((await staff.c.get(url(c.id))).json<CaseStatements>().revision).toBe(1);
  });

  it('is invisible to other councils and to outsiders without the grant; banks and lawyers do not see statements', async () => {
    const other = await client('council_staff', 27);
    const bank = await client('bank_officer');
    const lawyer = await client('lawyer');
    const expertElsewhere = await client('expert');
    const c = await createCase(t.database.db, 13);
    await grantCase(t.database.db, bank.user, c, 13);
    await grantCase(t.database.db, lawyer.user, c, 13);
    expect((await other.c.get(url(c.id))).statusCode).toBe(404);
    expect((await other.c.put(url(c.id), { statements: [baseYear()], expectedRevision: null })).statusCode).toBe(404);
    expect((await expertElsewhere.c.get(url(c.id))).statusCode).toBe(404);
    expect((await bank.c.get(url(c.id))).statusCode).toBe(403);
    expect((await lawyer.c.put(url(c.id), { statements: [baseYear()], expectedRevision: null })).statusCode).toBe(403);
  });

  it('refuses changes on a closed case', async () => {
    const staff = await client('council_pm', 13);
    const c = await createCase(t.database.db, 13);
    await staff.c.post(`/api/v1/cases/${c.id}/transitions`, { event: 'withdraw', expectedStage: 'desk_consultation', reason: '取下げ' });
    const res = await staff.c.put(url(c.id), { statements: [baseYear()], expectedRevision: null });
    expect(res.statusCode).toBe(409);
    expect((await staff.c.get(url(c.id))).json<CaseStatements>().abilities.write).toBe(false);
  });
});
