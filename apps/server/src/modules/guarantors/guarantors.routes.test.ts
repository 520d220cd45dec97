import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseGuarantors, GuarantorInput, ProblemDetails } from '@kasseika/contracts';
import { createCase, createUser, grantCase, signIn } from '../../../test/factories';
import { TestClient } from '../../../test/http-client';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { japanDate } from './guarantors.service';

let t: TestApp;
let seq = 0;

async function client(role: Parameters<typeof createUser>[2]['role'], councilId?: number) {
  const c = new TestClient(t.app).withIp(`203.0.113.${++seq + 120}`);
  t.clock.advance(31_000);
  const user = await createUser(t.database.db, t.services.cipher, { role, councilId });
  await signIn(c, user, t.clock.now());
  return { c, user };
}

const url = (caseId: string) => `/api/v1/cases/${caseId}/guarantors`;

/** The owner: 50 on the test clock's date, a home he asks to keep, deposits and two bank guarantees. */
function owner(over: Partial<GuarantorInput> = {}): GuarantorInput {
  return {
    name: '保証 太郎',
    relationship: 'owner',
    birthDate: '1970-01-15',
    workoutType: 'standalone',
    assumedBenefitDays: null,
    keepsHome: true,
    guarantees: [
      { creditorName: 'さくら銀行', amount: 30_000_000 },
      { creditorName: '東京信用金庫', amount: 10_000_000 },
    ],
    assets: [
      { kind: 'deposits', description: '普通預金', value: 6_000_000 },
      { kind: 'home', description: '自宅（築30年）', value: 12_000_000 },
    ],
    note: '自宅の維持を希望',
    ...over,
  };
}

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t.close());

describe('guarantors and personal assets (経営者保証)', () => {
  it('the council enters the owner; the company and the lawyer read the same data with the 残存資産 estimate', async () => {
    const staff = await client('council_pm', 13);
    const company = await client('company_member');
    const lawyer = await client('lawyer');
    const c = await createCase(t.database.db, 13, '保証確認株式会社');
    await grantCase(t.database.db, company.user, c, 13);
    await grantCase(t.database.db, lawyer.user, c, 13);

    const empty = (await staff.c.get(url(c.id))).json<CaseGuarantors>();
    expect(empty).toMatchObject({ revision: null, guarantors: [], abilities: { write: true }, ruleSet: { verified: false } });

    const saved = await staff.c.put(url(c.id), { guarantors: [owner()], expectedRevision: null });
    expect(saved.statusCode).toBe(200);
    const body = saved.json<CaseGuarantors>();
    expect(body.revision).toBe(1);
    const age = Number(japanDate(t.clock.now()).slice(0, 4)) - 1970 - (japanDate(t.clock.now()).slice(5) < '01-15' ? 1 : 0);
    const e = body.guarantors[0]!.estimate;
    expect(e.age).toBe(age);
    expect(e.assetsTotal).toBe(18_000_000);
    expect(e.homeKept).toBe(12_000_000);
    expect(e.availableForRepayment).toBe(Math.max(0, 18_000_000 - 12_000_000 - e.residualAssets));
    expect(e.guaranteedTotal).toBe(40_000_000);
    expect(e.steps.find((s) => s.code === 'RESIDUAL_ASSETS')?.sourceRef).toBe('REFERENCE §4.1');

    for (const reader of [company, lawyer]) {
      const seen = (await reader.c.get(url(c.id))).json<CaseGuarantors>();
      expect(seen.guarantors.map((g) => ({ ...g, estimate: undefined }))).toEqual([{ ...owner(), estimate: undefined }]);
    }
    const again = await company.c.put(url(c.id), { guarantors: [owner({ keepsHome: false })], expectedRevision: 1 });
    expect(again.json<CaseGuarantors>()).toMatchObject({ revision: 2 });

    // Every read and save is in the company's access log.
    const log = (await company.c.get(`/api/v1/cases/${c.id}/access-log`)).json<{ items: { eventType: string }[] }>();
    expect(log.items.map((i) => i.eventType)).toEqual(expect.arrayContaining(['CASE_GUARANTORS_VIEWED', 'CASE_GUARANTORS_SAVED']));
  });

  it('bad input gets every issue with its pointer and changes nothing; a stale revision is refused', async () => {
    const staff = await client('council_sm', 13);
    const c = await createCase(t.database.db, 13);
    await staff.c.put(url(c.id), { guarantors: [owner()], expectedRevision: null });
    const bad = await staff.c.put(url(c.id), {
      guarantors: [
        owner({ name: '', birthDate: '1980-02-30', assumedBenefitDays: 400 }),
        { ...owner(), relationship: 'uncle', assets: [{ kind: 'gold', description: '', value: -1 }] },
      ],
      expectedRevision: 1,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const pointers = (bad.json<ProblemDetails>().errors ?? []).map((e) => e.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/body/guarantors/0/name',
        '/body/guarantors/0/assumedBenefitDays',
        '/body/guarantors/1/relationship',
        '/body/guarantors/1/assets/0/kind',
        '/body/guarantors/1/assets/0/value',
      ]),
    );
    const impossibleDate = await staff.c.put(url(c.id), { guarantors: [owner({ birthDate: '1980-02-30' })], expectedRevision: 1 });
    expect(impossibleDate.statusCode).toBe(422);
    expect(impossibleDate.json<ProblemDetails>().errors?.[0]).toMatchObject({
      pointer: '/body/guarantors/0/birthDate',
      code: 'birthDate.range',
    });
    const unborn = await staff.c.put(url(c.id), { guarantors: [owner({ birthDate: '2999-01-01' })], expectedRevision: 1 });
    expect(unborn.statusCode).toBe(422);

    const stale = await staff.c.put(url(c.id), { guarantors: [], expectedRevision: null });
    expect(stale.statusCode).toBe(409);
    expect((await staff.c.get(url(c.id))).json<CaseGuarantors>().revision).toBe(1);
  });

  it('is invisible to other councils and outsiders without the grant; experts and banks are refused', async () => {
    const other = await client('council_staff', 27);
    const bank = await client('bank_officer');
    const expert = await client('expert');
    const lawyerElsewhere = await client('lawyer');
    const c = await createCase(t.database.db, 13);
    await grantCase(t.database.db, bank.user, c, 13);
    await grantCase(t.database.db, expert.user, c, 13);
    expect((await other.c.get(url(c.id))).statusCode).toBe(404);
    expect((await other.c.put(url(c.id), { guarantors: [], expectedRevision: null })).statusCode).toBe(404);
    expect((await lawyerElsewhere.c.get(url(c.id))).statusCode).toBe(404);
    expect((await bank.c.get(url(c.id))).statusCode).toBe(403);
    expect((await expert.c.put(url(c.id), { guarantors: [owner()], expectedRevision: null })).statusCode).toBe(403);
  });

  it('a closed case is read-only', async () => {
    const staff = await client('council_pm', 13);
    const c = await createCase(t.database.db, 13);
    await staff.c.post(`/api/v1/cases/${c.id}/transitions`, { event: 'withdraw', expectedStage: 'desk_consultation', reason: '取下げ' });
    expect((await staff.c.put(url(c.id), { guarantors: [owner()], expectedRevision: null })).statusCode).toBe(409);
    expect((await staff.c.get(url(c.id))).json<CaseGuarantors>().abilities.write).toBe(false);
  });
});
