import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfidentialityLiftList, CreditorImportResult, CreditorTable, ProblemDetails } from '@kasseika/contracts';
import { createCase, grantCase } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { creditorTestKit, csvUpload } from './fixtures/creditor-test-kit';

let t: TestApp;
const { client, bankOfficer } = creditorTestKit(() => t, 40);

const base = (caseId: string) => `/api/v1/cases/${caseId}`;
const loan = { label: '運転資金', balance: 50_000_000, annualRatePercent: 1.2, monthlyRepayment: 400_000 };

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t.close());

describe('financial institutions', () => {
  it('finds banks by name or code, including 信用保証協会 and 日本政策金融公庫 with local codes', async () => {
    const { c } = await client('council_staff', 13);
    const mizuho = (await c.get('/api/v1/financial-institutions?q=みずほ')).json<{ items: { code: string }[] }>();
    expect(mizuho.items.map((i) => i.code)).toContain('0001');
    const tokyo = (await c.get(`/api/v1/financial-institutions?q=${encodeURIComponent('東京信用保証協会')}`)).json<{
      items: { code: string; kind: string; codeSource: string }[];
    }>();
    expect(tokyo.items[0]).toMatchObject({ code: '9713', kind: 'guarantee_corporation', codeSource: 'kasseika-local' });
    const jfc = (await c.get(`/api/v1/financial-institutions?q=${encodeURIComponent('日本政策金融公庫')}`)).json<{ items: unknown[] }>();
    expect(jfc.items).toHaveLength(1);
  });
});

describe('creditors and loans', () => {
  it('the council builds the creditor table; unsecured amounts follow collateral and guarantee cover (§10.5)', async () => {
    const { c } = await client('council_staff', 13);
    const kase = await createCase(t.database.db, 13, '債権者株式会社');
    const added = await c.post(`${base(kase.id)}/creditors`, { bankCode: '0001', isMainBank: true });
    expect(added.statusCode).toBe(201);
    const a = added.json<CreditorTable>().items[0]!;
    expect(a).toMatchObject({ bankName: 'みずほ', isMainBank: true, isTarget: true, balance: 0 });
    const b = (await c.post(`${base(kase.id)}/creditors`, { bankCode: '0005' }))
      .json<CreditorTable>()
      .items.find((i) => i.bankCode === '0005')!;
    await c.post(`${base(kase.id)}/creditors/${a.id}/loans`, {
      ...loan,
      balance: 60_000_000,
      collateral: '本社土地建物',
      collateralAppraisal: 40_000_000,
    });
    const table = (
      await c.post(`${base(kase.id)}/creditors/${b.id}/loans`, { ...loan, balance: 30_000_000, guaranteeCoverPercent: 100 })
    ).json<CreditorTable>();
    expect(table.items.find((i) => i.id === a.id)).toMatchObject({
      balance: 60_000_000,
      securedByCollateral: 40_000_000,
      unsecured: 20_000_000,
    });
    expect(table.items.find((i) => i.id === b.id)).toMatchObject({ balance: 30_000_000, guaranteeCover: 30_000_000, unsecured: 0 });
    expect(table.totals).toEqual({ balance: 90_000_000, monthlyRepayment: 800_000, unsecured: 20_000_000 });

    // main bank moves; the old one loses the flag
    const moved = (await c.patch(`${base(kase.id)}/creditors/${b.id}`, { isMainBank: true })).json<CreditorTable>();
    expect(moved.items.filter((i) => i.isMainBank).map((i) => i.id)).toEqual([b.id]);

    const duplicate = await c.post(`${base(kase.id)}/creditors`, { bankCode: '0001' });
    expect(duplicate.statusCode).toBe(409);
    const unknown = await c.post(`${base(kase.id)}/creditors`, { bankCode: '0002' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<ProblemDetails>().errors?.[0]?.pointer).toBe('/body/bankCode');

    const loanId = table.items.find((i) => i.id === b.id)!.loans[0]!.id;
    const bad = await c.put(`${base(kase.id)}/loans/${loanId}`, {
      ...loan,
      balance: -1,
      annualRatePercent: 45,
      guaranteeCoverPercent: 120,
    });
    expect(bad.statusCode).toBe(422);
    expect((bad.json<ProblemDetails>().errors ?? []).map((e) => e.pointer).sort()).toEqual([
      '/body/annualRatePercent',
      '/body/balance',
      '/body/guaranteeCoverPercent',
    ]);
    const removed = (await c.delete(`${base(kase.id)}/loans/${loanId}`)).json<CreditorTable>();
    expect(removed.items.find((i) => i.id === b.id)?.loans).toEqual([]);
  });

  it('imports the 借入金一覧 CSV in Shift_JIS, all or nothing with every bad cell listed', async () => {
    const { c } = await client('council_sm', 13);
    const kase = await createCase(t.database.db, 13);
    const csv = readFileSync(join(import.meta.dirname, 'fixtures/creditors-sjis.csv'));
    const res = await c.request(csvUpload(`${base(kase.id)}/creditors/import`, csv, 'loans.csv'));
    expect(res.statusCode).toBe(200);
    const result = res.json<CreditorImportResult>();
    expect(result).toMatchObject({ creditorsAdded: 3, loansAdded: 3 });
    expect(result.table.items.map((i) => [i.bankCode, i.unsecured])).toEqual([
      ['0001', 20_000_000],
      ['0005', 0],
      ['0009', 10_000_000],
    ]);

    const broken = Buffer.from('header\n9999,x,運転資金,abc,1.0,0,,,,\n0001,みずほ,,100,50,0,,,,200\n', 'utf8');
    const bad = await c.request(csvUpload(`${base(kase.id)}/creditors/import`, broken, 'loans.csv'));
    expect(bad.statusCode).toBe(422);
    const pointers = (bad.json<ProblemDetails>().errors ?? []).map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/file/A2', '/file/D2', '/file/C3', '/file/E3', '/file/J3']));
    expect((await c.get(`${base(kase.id)}/creditors`)).json<CreditorTable>().items).toHaveLength(3);

    const template = await c.get('/api/v1/creditors/template.xlsx');
    expect(template.statusCode).toBe(200);
    const fromTemplate = await c.request(csvUpload(`${base(kase.id)}/creditors/import`, template.rawPayload, 'template.xlsx'));
    expect(fromTemplate.statusCode).toBe(422); // only the example row, which is skipped
  });

  it('is the council’s to edit: other councils get 404, outsiders 403 or 404', async () => {
    const other = await client('council_staff', 27);
    const company = await client('company_member', 13);
    const kase = await createCase(t.database.db, 13);
    await grantCase(t.database.db, company.user, kase, 13);
    expect((await other.c.get(`${base(kase.id)}/creditors`)).statusCode).toBe(404);
    expect((await other.c.post(`${base(kase.id)}/creditors`, { bankCode: '0001' })).statusCode).toBe(404);
    expect((await company.c.get(`${base(kase.id)}/creditors`)).statusCode).toBe(403);
    expect((await company.c.post(`${base(kase.id)}/creditors`, { bankCode: '0001' })).statusCode).toBe(403);
  });
});

describe('confidentiality lift', () => {
  it('a bank cannot see or be invited to a case before the company consents; revocation cuts access at once', async () => {
    const staff = await client('council_pm', 13);
    const company = await client('company_member', 13);
    const bank = await bankOfficer('0010');
    const kase = await createCase(t.database.db, 13, '守秘株式会社');
    await grantCase(t.database.db, company.user, kase, 13);
    await staff.c.post(`${base(kase.id)}/creditors`, { bankCode: '0010', isMainBank: true });
    // The bank holds a grant (e.g. from an earlier invitation) but no consent is in force: it sees nothing.
    await grantCase(t.database.db, bank.user, kase, 13, undefined, { lift: false });

    const invite = {
      email: 'officer@resona.example.jp',
      displayName: '銀行 太郎',
      roleInCase: 'bank',
      organizationName: 'りそな',
      bankCode: '0010',
    };
    const refused = await staff.c.post(`${base(kase.id)}/invitations`, invite);
    expect(refused.statusCode).toBe(422);
    expect(refused.json<ProblemDetails>().errors?.[0]).toMatchObject({ pointer: '/body/bankCode', code: 'bankCode.noConsent' });
    expect((await bank.c.get(base(kase.id))).statusCode).toBe(404);
    expect((await bank.c.get(`${base(kase.id)}/creditors`)).statusCode).toBe(404);
    const list = (await bank.c.get(`/api/v1/cases?q=${encodeURIComponent('守秘')}`)).json<{ items: unknown[] }>();
    expect(list.items).toEqual([]);

    // Facts: the workflow gate to form the team is closed.
    const facts0 = (await staff.c.get(base(kase.id))).json<{ stage: string }>();
    expect(facts0.stage).toBe('desk_consultation');

    const lifted = await company.c.post(`${base(kase.id)}/confidentiality-lifts`, { bankCode: '0010', documentSets: ['plan'] });
    expect(lifted.statusCode).toBe(201);
    const lifts = lifted.json<ConfidentialityLiftList>();
    expect(lifts.items[0]).toMatchObject({ bankCode: '0010', documentSets: ['plan'], inForce: true, revokedAt: null });
    expect(lifts.abilities.manage).toBe(true);
    expect((await company.c.post(`${base(kase.id)}/confidentiality-lifts`, { bankCode: '0010', documentSets: ['plan'] })).statusCode).toBe(
      409,
    );

    expect((await staff.c.post(`${base(kase.id)}/invitations`, invite)).statusCode).toBe(201);
    expect((await bank.c.get(base(kase.id))).statusCode).toBe(200);
    const seen = (await bank.c.get(`${base(kase.id)}/creditors`)).json<CreditorTable>();
    expect(seen.items.map((i) => i.bankCode)).toEqual(['0010']);
    expect(seen.abilities.edit).toBe(false);
    // Documents were not part of this consent.
    expect((await staff.c.get(`${base(kase.id)}/confidentiality-lifts`)).json<ConfidentialityLiftList>().abilities.manage).toBe(false);

    const revoked = await company.c.post(`${base(kase.id)}/confidentiality-lifts/${lifts.items[0]!.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json<ConfidentialityLiftList>().items[0]).toMatchObject({ inForce: false });
    expect((await bank.c.get(base(kase.id))).statusCode).toBe(404);
    expect((await bank.c.get(`${base(kase.id)}/creditors`)).statusCode).toBe(404);
    expect((await company.c.post(`${base(kase.id)}/confidentiality-lifts/${lifts.items[0]!.id}/revoke`)).statusCode).toBe(409);
  });

  it('only the company records consent; banks and other councils cannot; unknown banks are refused', async () => {
    const staff = await client('council_staff', 13);
    const company = await client('company_member', 13);
    const other = await client('council_staff', 27);
    const kase = await createCase(t.database.db, 13);
    await grantCase(t.database.db, company.user, kase, 13);
    expect((await staff.c.post(`${base(kase.id)}/confidentiality-lifts`, { bankCode: '0001', documentSets: ['plan'] })).statusCode).toBe(
      403,
    );
    expect((await other.c.get(`${base(kase.id)}/confidentiality-lifts`)).statusCode).toBe(404);
    const bad = await company.c.post(`${base(kase.id)}/confidentiality-lifts`, { bankCode: '0002', documentSets: [] });
    expect(bad.statusCode).toBe(422);
    expect((bad.json<ProblemDetails>().errors ?? []).map((e) => e.pointer)).toEqual(['/body/documentSets']);
    const unknown = await company.c.post(`${base(kase.id)}/confidentiality-lifts`, { bankCode: '0002', documentSets: ['plan'] });
    expect(unknown.statusCode).toBe(422);
  });

  it('the main bank’s agreement with a consent in force opens the gate to form the team', async () => {
    const staff = await client('council_pm', 13);
    const company = await client('company_member', 13);
    const kase = await createCase(t.database.db, 13);
    await grantCase(t.database.db, company.user, kase, 13);
    const table = (await staff.c.post(`${base(kase.id)}/creditors`, { bankCode: '0001', isMainBank: true })).json<CreditorTable>();
    await staff.c.patch(`${base(kase.id)}/creditors/${table.items[0]!.id}`, { startAgreedOn: '2026-11-20' });
    const { creditorFactsLoader } = await import('./creditors.service');
    const { withTenantTx } = await import('../../db/tenant-tx');
    const { findVisibleCase } = await import('../cases/cases.repository');
    const facts = () =>
      withTenantTx(t.database.db, { councilId: 13, userId: null, roles: ['council_staff'] }, async (tx) =>
        creditorFactsLoader(tx, (await findVisibleCase(tx, kase.id))!),
      );
    expect(await facts()).toEqual({ confidentialityLifted: false, mainBankAgreedToStart: false });
    await company.c.post(`${base(kase.id)}/confidentiality-lifts`, { bankCode: '0001', documentSets: ['plan', 'creditor_documents'] });
    expect(await facts()).toEqual({ confidentialityLifted: true, mainBankAgreedToStart: true });
  });
});
