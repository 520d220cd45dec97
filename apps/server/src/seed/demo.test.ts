import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { CaseDetail, CaseList } from '@kasseika/contracts';
import { withAuthTx } from '../db/auth-tx';
import { organizations } from '../db/schema';
import { currentTotp } from '../modules/auth/totp';
import { TestClient } from '../../test/http-client';
import { createTestApp, type TestApp } from '../../test/test-app';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo-accounts';
import { seedDemo } from './demo';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t.close());

describe('demo seed', () => {
  it('grants the demo company member of DEMO-13-I001 its case while it is still at intake, with one company organisation', async () => {
    await seedDemo(t.database, t.services.cipher);
    const again = await seedDemo(t.database, t.services.cipher);
    expect(again.created).toBe(0);

    const company = new TestClient(t.app).withIp('203.0.113.77');
    const first = await company.post('/api/v1/auth/sign-in', { email: 'company3.tokyo@demo.kasseika.jp', password: DEMO_PASSWORD });
    expect(first.statusCode, first.body).toBe(200);
    const second = await company.post('/api/v1/auth/second-factor', {
      method: 'totp',
      code: await currentTotp(DEMO_TOTP_SECRET, t.clock.now()),
    });
    expect(second.statusCode, second.body).toBe(200);

    const list = (await company.get('/api/v1/cases')).json<CaseList>();
    expect(list.items.map((c) => [c.referenceNo, c.companyName])).toEqual([['DEMO-13-I001', '株式会社日本橋デモ食品']]);
    const detail = (await company.get(`/api/v1/cases/${list.items[0]?.id ?? ''}`)).json<CaseDetail>();
    expect(detail).toMatchObject({ stage: 'intake', myRoleInCase: 'company' });

    const orgs = await withAuthTx(t.database.db, null, (tx) =>
      tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.kind, 'company'), eq(organizations.name, '株式会社日本橋デモ食品'))),
    );
    expect(orgs).toHaveLength(1);
  });
});
