import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { AccessLog, CaseDetail, DocumentItem, ProblemDetails, RcConsentView, RcLawyerPackage, Rechallenge } from '@kasseika/contracts';
import { caseGrants } from '../../db/schema';
import { withTenantTx } from '../../db/tenant-tx';
import { createCase, createUser, grantCase, signIn, type TestUser } from '../../../test/factories';
import { TestClient } from '../../../test/http-client';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;
let seq = 0;
let pm: TestClient;
let otherPm: TestClient;
let lawyer: { c: TestClient; user: TestUser };
let otherLawyer: { c: TestClient; user: TestUser };

async function client(role: Parameters<typeof createUser>[2]['role'], councilId?: number) {
  const c = new TestClient(t.app).withIp(`198.51.100.${++seq + 60}`);
  t.clock.advance(31_000);
  const user = await createUser(t.database.db, t.services.cipher, { role, councilId });
  await signIn(c, user, t.clock.now());
  return { c, user };
}

const u = (caseId: string, rest = '') => `/api/v1/cases/${caseId}/rechallenge${rest}`;

/** A case triaged into 再チャレンジ支援 through the API, with a signed-in company member granted on it. */
async function rcCase(): Promise<{ id: string; company: TestClient }> {
  const c = await createCase(t.database.db, 13, '再起株式会社');
  const res = await pm.post(`/api/v1/cases/${c.id}/triage`, {
    decision: 'rechallenge',
    reasons: '収益力の回復が見込めない。円滑な廃業を支援する',
    expectedStage: 'desk_consultation',
  });
  expect(res.statusCode, res.body).toBe(204);
  const company = await client('company_member', 13);
  await grantCase(t.database.db, company.user, c, 13);
  return { id: c.id, company: company.c };
}

async function prepare(id: string, email = lawyer.user.email) {
  return pm.put(u(id, '/referral'), { lawyerEmail: email, documentIds: [], figures: ['advice'], message: '初回相談をお願いします' });
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PDF2 = Buffer.from('%PDF-1.4\n% version 2\ntrailer << >>\n%%EOF\n', 'latin1');

/** A PDF upload (multipart) by `c`: a new document, or a new version of `documentId`. */
function uploadPdf(c: TestClient, caseId: string, bytes: Buffer, name: string, documentId?: string) {
  const boundary = '----kasseika-rc-docs';
  const fields = documentId ? {} : { docType: 'other', title: name, visibility: 'council_internal' };
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'),
  );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return c.request({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/documents${documentId ? `/${documentId}/versions` : ''}`,
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  pm = (await client('council_pm', 13)).c;
  otherPm = (await client('council_pm', 27)).c;
  lawyer = await client('lawyer');
  otherLawyer = await client('lawyer');
}, 60_000);
afterAll(() => t.close());

describe('再チャレンジ支援', () => {
  it('records advice, prepares a referral the company consents to, grants the lawyer only the package, and revokes it with the consent', async () => {
    const { id, company } = await rcCase();
    expect(
      (await pm.post(u(id, '/advice'), { advisedOn: '2026-11-20', topic: 'orderly_closure', text: '取引先への影響を抑えた廃業手順を説明' }))
        .statusCode,
    ).toBe(201);
    const bad = await pm.post(u(id, '/advice'), { advisedOn: '2026-11-20', topic: 'orderly_closure', text: '' });
    expect(bad.statusCode).toBe(422);

    // No lawyer account → a field error; a known lawyer → the package is sealed.
    const unknown = await prepare(id, 'nobody@example.jp');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<ProblemDetails>().errors?.[0]).toMatchObject({ pointer: '/body/lawyerEmail', code: 'rcReferral.lawyerUnknown' });
    const prepared = await prepare(id);
    expect(prepared.statusCode, prepared.body).toBe(200);
    const hash = prepared.json<{ packageHash: string }>().packageHash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    // Before consent: the lawyer sees nothing of the case, the hand-over transition is refused.
    expect((await lawyer.c.get(`/api/v1/cases/${id}`)).statusCode).toBe(404);
    expect((await lawyer.c.get(u(id, '/package'))).statusCode).toBe(404);
    const early = await pm.post(`/api/v1/cases/${id}/transitions`, {
      event: 'rc_hand_over_to_lawyer',
      expectedStage: 'rc_lawyer_referral',
      reason: '早い',
    });
    expect(early.statusCode).toBe(409);

    // The company reads the proposal in its workspace and consents to exactly that package.
    const view = (await company.get(u(id, '/consent'))).json<RcConsentView>();
    expect(view).toMatchObject({ referral: { packageHash: hash, consent: { consentedAt: null } }, abilities: { consent: true } });
    expect(view.referral?.package.advice?.[0]?.text).toBe('取引先への影響を抑えた廃業手順を説明');
    expect((await company.post(u(id, '/consent'), { packageHash: '0'.repeat(64) })).statusCode).toBe(409);
    expect((await company.get(u(id))).statusCode).toBe(403);
    expect((await lawyer.c.post(u(id, '/consent'), { packageHash: hash })).statusCode).toBe(404);
    expect((await company.post(u(id, '/consent'), { packageHash: hash })).statusCode).toBe(204);
    expect((await company.post(u(id, '/consent'), { packageHash: hash })).statusCode).toBe(409);

    // Re-preparing is refused while the consent stands.
    expect((await prepare(id)).statusCode).toBe(409);

    // The lawyer now sees the case and its package — nothing else of the council's record; another lawyer nothing.
    const pkg = await lawyer.c.get(u(id, '/package'));
    expect(pkg.statusCode, pkg.body).toBe(200);
    expect(pkg.json<RcLawyerPackage>()).toMatchObject({ packageHash: hash, package: { message: '初回相談をお願いします' } });
    expect((await lawyer.c.get(`/api/v1/cases/${id}`)).json<CaseDetail>().myRoleInCase).toBe('lawyer');
    expect((await lawyer.c.get(u(id))).statusCode).toBe(403);
    expect((await lawyer.c.get(`/api/v1/cases/${id}/guarantors`)).statusCode).toBe(403);
    expect((await otherLawyer.c.get(u(id, '/package'))).statusCode).toBe(404);
    expect((await otherPm.get(u(id, '/package'))).statusCode).toBe(404);

    // The guard opens: the council hands over.
    const record = (await pm.get(u(id))).json<Rechallenge>();
    expect(record.referral?.lawyerHasAccess).toBe(true);
    expect(record.referral?.consent.consentedAt).not.toBeNull();
    const moved = await pm.post(`/api/v1/cases/${id}/transitions`, {
      event: 'rc_hand_over_to_lawyer',
      expectedStage: 'rc_lawyer_referral',
      reason: '同意済み',
    });
    expect(moved.statusCode, moved.body).toBe(200);

    // The company revokes: the lawyer's grant is revoked at once.
    expect((await company.delete(u(id, '/consent'))).statusCode).toBe(204);
    expect((await company.delete(u(id, '/consent'))).statusCode).toBe(409);
    expect((await lawyer.c.get(u(id, '/package'))).statusCode).toBe(404);
    expect((await lawyer.c.get(`/api/v1/cases/${id}`)).statusCode).toBe(404);
    const grants = await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: [] }, (tx) =>
      tx
        .select()
        .from(caseGrants)
        .where(and(eq(caseGrants.caseId, id), eq(caseGrants.userId, lawyer.user.id))),
    );
    expect(grants).toHaveLength(1);
    expect(grants[0]?.revokedAt).not.toBeNull();
    expect(grants[0]?.scopes).toEqual(['case.read', 'rechallenge.package']);
  });

  it('lets the referred lawyer download exactly the packaged document versions while the consent stands (audited)', async () => {
    const { id, company } = await rcCase();
    const packed = await uploadPdf(pm, id, PDF, '決算書');
    expect(packed.statusCode, packed.body).toBe(201);
    const packedId = packed.json<DocumentItem>().id;
    const outside = await uploadPdf(pm, id, PDF, '社内メモ');
    const outsideId = outside.json<DocumentItem>().id;
    const prepared = await pm.put(u(id, '/referral'), {
      lawyerEmail: lawyer.user.email,
      documentIds: [packedId],
      figures: [],
      message: '',
    });
    expect(prepared.statusCode, prepared.body).toBe(200);
    const hash = prepared.json<{ packageHash: string }>().packageHash;
    const dl = (c: TestClient, documentId: string, version = 1) =>
      c.get(u(id, `/package/documents/${documentId}/versions/${version}/content`));

    // Before consent: nothing.
    expect((await dl(lawyer.c, packedId)).statusCode).toBe(404);
    expect((await company.post(u(id, '/consent'), { packageHash: hash })).statusCode).toBe(204);
    // A version added after the consent is not the one consented to.
    expect((await uploadPdf(pm, id, PDF2, '決算書', packedId)).statusCode).toBe(201);

    const res = await dl(lawyer.c, packedId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename=".*"; filename\*=UTF-8''.*\.pdf$/);
    expect(res.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');

    // Not in the package, not the packaged version, another lawyer, another council: 404.
    expect((await dl(lawyer.c, outsideId)).statusCode).toBe(404);
    expect((await dl(lawyer.c, packedId, 2)).statusCode).toBe(404);
    expect((await dl(otherLawyer.c, packedId)).statusCode).toBe(404);
    expect((await otherPm.get(`/api/v1/cases/${id}/documents/${packedId}/versions/1/content`)).statusCode).toBe(404);
    // The lawyer's ordinary document routes stay closed (no documents scope).
    expect((await lawyer.c.get(`/api/v1/cases/${id}/documents/${packedId}/versions/1/content`)).statusCode).toBe(403);
    // The council keeps its normal document routes, and reads the package's too; the company its own.
    expect((await pm.get(`/api/v1/cases/${id}/documents/${outsideId}/versions/1/content`)).statusCode).toBe(200);
    expect((await pm.get(`/api/v1/cases/${id}/documents/${packedId}/versions/2/content`)).statusCode).toBe(200);
    expect((await dl(pm, packedId)).statusCode).toBe(200);
    expect((await company.get(`/api/v1/cases/${id}/documents`)).statusCode).toBe(200);

    // The company sees the lawyer's download in its access log.
    const log = (await company.get(`/api/v1/cases/${id}/access-log`)).json<AccessLog>();
    expect(
      log.items.some((i) => i.eventType === 'DOCUMENT_DOWNLOADED' && i.actorRoles.includes('lawyer')),
      JSON.stringify(log.items.map((i) => [i.eventType, i.actorRoles])),
    ).toBe(true);

    // Revocation stops it at once.
    expect((await company.delete(u(id, '/consent'))).statusCode).toBe(204);
    expect((await dl(lawyer.c, packedId)).statusCode).toBe(404);
  });

  it('tracks the exit route and guarantor workouts with checked dates', async () => {
    const { id } = await rcCase();
    const route = await pm.post(u(id, '/proceedings'), {
      route: 'bankruptcy',
      guarantorName: null,
      status: 'in_progress',
      startedOn: '2026-12-01',
      endedOn: null,
      note: '申立て準備',
    });
    expect(route.statusCode, route.body).toBe(201);
    const noGuarantor = await pm.post(u(id, '/proceedings'), {
      route: 'gl_standalone',
      guarantorName: null,
      status: 'considering',
      startedOn: null,
      endedOn: null,
      note: '',
    });
    expect(noGuarantor.json<ProblemDetails>().errors?.map((e) => e.code)).toEqual(['proceeding.guarantorRequired']);
    const unknown = await pm.post(u(id, '/proceedings'), {
      route: 'gl_standalone',
      guarantorName: '登録のない人',
      status: 'considering',
      startedOn: null,
      endedOn: null,
      note: '',
    });
    expect(unknown.json<ProblemDetails>().errors?.[0]?.code).toBe('rcProceeding.guarantorUnknown');
    const saved = await pm.put(`/api/v1/cases/${id}/guarantors`, {
      expectedRevision: null,
      guarantors: [
        {
          name: '再起 一郎',
          relationship: 'owner',
          birthDate: '1970-04-01',
          workoutType: 'standalone',
          assumedBenefitDays: null,
          keepsHome: false,
          guarantees: [{ creditorName: 'A銀行', amount: 30_000_000 }],
          assets: [{ kind: 'deposits', description: '普通預金', value: 2_000_000 }],
          note: '',
        },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const gl = await pm.post(u(id, '/proceedings'), {
      route: 'gl_standalone',
      guarantorName: '再起 一郎',
      status: 'considering',
      startedOn: null,
      endedOn: null,
      note: '',
    });
    expect(gl.statusCode, gl.body).toBe(201);
    const pid = route.json<{ id: string }>().id;
    const backwards = await pm.patch(u(id, `/proceedings/${pid}`), { status: 'completed', startedOn: '2026-12-01', endedOn: '2026-11-01' });
    expect(backwards.json<ProblemDetails>().errors?.[0]?.code).toBe('proceeding.endBeforeStart');
    expect(
      (await pm.patch(u(id, `/proceedings/${pid}`), { status: 'completed', startedOn: '2026-12-01', endedOn: '2027-03-31' })).statusCode,
    ).toBe(204);
    const record = (await pm.get(u(id))).json<Rechallenge>();
    expect(record.proceedings.map((p) => [p.kind, p.route, p.status, p.guarantorName])).toEqual([
      ['corporate', 'bankruptcy', 'completed', null],
      ['guarantor', 'gl_standalone', 'considering', '再起 一郎'],
    ]);
  });

  it('counts supported consultations against the limit of 3, refuses a fourth supported one and records it unsupported', async () => {
    const { id } = await rcCase();
    const add = (day: number, feeSupported: boolean) =>
      pm.post(u(id, '/consultations'), { heldOn: `2026-12-0${day}`, lawyerName: '弁護士 甲', feeYen: 55_000, feeSupported, note: '' });
    expect((await add(1, true)).json()).toMatchObject({ supportOrdinal: 1, remaining: 2, warning: null });
    expect((await add(2, true)).json()).toMatchObject({ supportOrdinal: 2, remaining: 1 });
    const third = (await add(3, true)).json<{ warning: { ja: string } | null }>();
    expect(third.warning?.ja).toContain('最後');
    const fourth = await add(4, true);
    expect(fourth.statusCode).toBe(422);
    expect(fourth.json<ProblemDetails>().errors?.[0]).toMatchObject({ pointer: '/body/feeSupported', code: 'feeSupport.limitReached' });
    expect((await add(4, false)).json()).toMatchObject({ supportOrdinal: null, remaining: 0 });
    const record = (await pm.get(u(id))).json<Rechallenge>();
    expect(record.consultations).toHaveLength(4);
    expect(record.feeSupport).toMatchObject({ limit: 3, used: 3, remaining: 0, verified: false });
  });

  it('refuses records outside re-challenge support and hides the case from another council', async () => {
    const other = await createCase(t.database.db, 13, '窓口相談中株式会社');
    const res = await pm.post(u(other.id, '/advice'), { advisedOn: '2026-11-20', topic: 'other', text: '助言' });
    expect(res.statusCode).toBe(409);
    expect((await pm.get(u(other.id))).json<Rechallenge>().abilities).toEqual({ write: false, prepareReferral: false });
    expect((await otherPm.get(u(other.id))).statusCode).toBe(404);
  });
});
