import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { AccessLog, DocumentItem, DocumentList, ProblemDetails } from '@kasseika/contracts';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { TestClient } from '../../../test/http-client';
import { createCase, createUser, grantCase, signIn, type TestUser } from '../../../test/factories';

let t: TestApp;
let caseA: { id: string };
let caseB: { id: string };
const clients: Record<string, TestClient> = {};
const users: Record<string, TestUser> = {};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer; type?: string }) {
  const boundary = '----kasseika-docs';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      'utf8',
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(c: TestClient, caseId: string, fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  return c.request({ method: 'POST', url: `/api/v1/cases/${caseId}/documents`, ...multipart(fields, file) });
}

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('決算書').addRow(['売上高', 100_000_000]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A hand-made ZIP whose single entry claims a small size but inflates to far more (a zip bomb dressed as .xlsx). */
function zipBomb(): Buffer {
  const data = deflateRawSync(Buffer.alloc(200 * 1024 * 1024, 0x41));
  const name = Buffer.from('xl/workbook.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(1000, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(1000, 24);
  central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length + data.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, eocd]);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  caseA = await createCase(db, 13, '書類確認株式会社');
  caseB = await createCase(db, 27, '他協議会株式会社');
  for (const [key, role, councilId] of [
    ['pm', 'council_pm', 13],
    ['osakaPm', 'council_pm', 27],
    ['company', 'company_member', 13],
    ['expert', 'expert', 13],
    ['bank', 'bank_officer', 13],
    ['lawyer', 'lawyer', 13],
  ] as const) {
    const u = await createUser(db, t.services.cipher, { role, councilId });
    users[key] = u;
    if (role !== 'council_pm') await grantCase(db, u, caseA, 13);
    const c = new TestClient(t.app);
    t.clock.advance(31_000);
    await signIn(c, u, t.clock.now());
    clients[key] = c;
  }
});
afterAll(async () => {
  await t.close();
});

const list = async (who: string, caseId = caseA.id) => (await clients[who]!.get(`/api/v1/cases/${caseId}/documents`)).json<DocumentList>();

describe('case documents', () => {
  it('lets staff upload any class, stores the file encrypted, and returns exactly the bytes on download', async () => {
    const res = await upload(
      clients.pm!,
      caseA.id,
      { docType: 'financial_statements', title: '決算書 2025年3月期', visibility: 'company' },
      { name: 'kessan 2025.pdf', bytes: PDF },
    );
    expect(res.statusCode).toBe(201);
    const doc = res.json<DocumentItem>();
    expect(doc).toMatchObject({
      docType: 'financial_statements',
      visibility: 'company',
      versions: [{ version: 1, mediaType: 'application/pdf', sizeBytes: PDF.length }],
    });
    expect(doc.versions[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const dl = await clients.company!.get(`/api/v1/cases/${caseA.id}/documents/${doc.id}/versions/1/content`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(String(dl.headers['content-disposition'])).toMatch(/^attachment; filename=".*"; filename\*=UTF-8''kessan%202025\.pdf$/);
    expect(dl.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    // On disk, the file is ciphertext.
    const filesOnDisk = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesOnDisk(join(dir, f)) : [join(dir, f)]));
    const stored = filesOnDisk(t.config.filesDir).map((f) => readFileSync(f));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((b) => b.includes(Buffer.from('/Type /Catalog')))).toBe(false);
    expect(stored.every((b) => b.subarray(0, 4).toString('latin1') === 'KSK1')).toBe(true);
  });

  it('shows each audience only its classes (council_internal < team < company < creditors)', async () => {
    for (const visibility of ['council_internal', 'team', 'creditors'] as const) {
      expect(
        (
          await upload(
            clients.pm!,
            caseA.id,
            { docType: 'other', title: `見え方 ${visibility}`, visibility },
            { name: 'a.png', bytes: PNG },
          )
        ).statusCode,
      ).toBe(201);
    }
    const seen = async (who: string) =>
      (await list(who)).items
        .map((d) => d.visibility)
        .filter((v, i, a) => a.indexOf(v) === i)
        .sort();
    expect(await seen('pm')).toEqual(['company', 'council_internal', 'creditors', 'team']);
    expect(await seen('expert')).toEqual(['company', 'creditors', 'team']);
    expect(await seen('lawyer')).toEqual(['company', 'creditors', 'team']);
    expect(await seen('company')).toEqual(['company', 'creditors']);
    expect(await seen('bank')).toEqual(['creditors']);
    // A document of a class the caller cannot see answers 404, as if it did not exist.
    const internal = (await list('pm')).items.find((d) => d.visibility === 'council_internal')!;
    expect((await clients.bank!.get(`/api/v1/cases/${caseA.id}/documents/${internal.id}/versions/1/content`)).statusCode).toBe(404);
    expect((await clients.company!.get(`/api/v1/cases/${caseA.id}/documents/${internal.id}/versions/1/content`)).statusCode).toBe(404);
  });

  it('lets the company upload into its own class only, and experts into team or company', async () => {
    const companyDoc = await upload(
      clients.company!,
      caseA.id,
      { docType: 'trial_balance', title: '試算表 2025年10月', visibility: 'company' },
      { name: 'shisan.xlsx', bytes: await xlsx() },
    );
    expect(companyDoc.statusCode).toBe(201);
    expect(companyDoc.json<DocumentItem>().versions[0]?.mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(
      (
        await upload(
          clients.company!,
          caseA.id,
          { docType: 'other', title: 'x', visibility: 'council_internal' },
          { name: 'a.pdf', bytes: PDF },
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await upload(
          clients.expert!,
          caseA.id,
          { docType: 'financial_dd_report', title: '財務DD報告書', visibility: 'team' },
          { name: 'dd.pdf', bytes: PDF },
        )
      ).statusCode,
    ).toBe(201);
    expect(
      (await upload(clients.expert!, caseA.id, { docType: 'other', title: 'x', visibility: 'creditors' }, { name: 'a.pdf', bytes: PDF }))
        .statusCode,
    ).toBe(403);
    expect(
      (await upload(clients.bank!, caseA.id, { docType: 'other', title: 'x', visibility: 'creditors' }, { name: 'a.pdf', bytes: PDF }))
        .statusCode,
    ).toBe(403);
    expect((await list('company')).abilities.allowedVisibilities).toEqual(['company']);
    expect((await list('expert')).abilities.allowedVisibilities).toEqual(['team', 'company']);
    expect((await list('bank')).abilities).toEqual({ upload: false, allowedVisibilities: [] });
  });

  it('keeps every version', async () => {
    const doc = (
      await upload(
        clients.company!,
        caseA.id,
        { docType: 'cash_flow_table', title: '資金繰り表', visibility: 'company' },
        { name: 'cf.csv', bytes: Buffer.from('月,入金,出金\n4月,100,90\n') },
      )
    ).json<DocumentItem>();
    expect(doc.versions[0]?.mediaType).toBe('text/csv');
    const v2 = await clients.company!.request({
      method: 'POST',
      url: `/api/v1/cases/${caseA.id}/documents/${doc.id}/versions`,
      ...multipart({}, { name: 'cf-v2.csv', bytes: Buffer.from('月,入金,出金\n4月,110,95\n') }),
    });
    expect(v2.statusCode).toBe(201);
    expect(v2.json<DocumentItem>().versions.map((v) => v.version)).toEqual([1, 2]);
    const first = await clients.pm!.get(`/api/v1/cases/${caseA.id}/documents/${doc.id}/versions/1/content`);
    expect(first.body).toBe('月,入金,出金\n4月,100,90\n');
  });

  it('refuses disguised, dangerous, oversized and empty files with clear messages, and stores nothing', async () => {
    const before = (await list('pm')).items.length;
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const asPdf = await upload(
      clients.pm!,
      caseA.id,
      { docType: 'other', title: '偽装', visibility: 'company' },
      { name: 'kessan.pdf', bytes: exe },
    );
    expect(asPdf.statusCode).toBe(415);
    expect(asPdf.json<ProblemDetails>().messages.detail?.ja).toContain('プログラム');
    const bomb = await upload(
      clients.pm!,
      caseA.id,
      { docType: 'other', title: '爆弾', visibility: 'company' },
      { name: 'book.xlsx', bytes: zipBomb() },
    );
    expect(bomb.statusCode).toBe(415);
    expect(bomb.json<ProblemDetails>().messages.detail?.en).toMatch(/opened safely/);
    const xls = await upload(
      clients.pm!,
      caseA.id,
      { docType: 'other', title: '旧形式', visibility: 'company' },
      { name: 'old.xls', bytes: Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]) },
    );
    expect(xls.json<ProblemDetails>().messages.detail?.ja).toContain('.xlsx');
    const big = await upload(
      clients.pm!,
      caseA.id,
      { docType: 'other', title: '大きすぎ', visibility: 'company' },
      { name: 'big.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]) },
    );
    expect(big.statusCode).toBe(413);
    const empty = await upload(
      clients.pm!,
      caseA.id,
      { docType: 'other', title: '空', visibility: 'company' },
      { name: 'empty.pdf', bytes: Buffer.alloc(0) },
    );
    expect(empty.statusCode).toBe(422);
    const badFields = await upload(
      clients.pm!,
      caseA.id,
      { docType: 'passport', title: '', visibility: 'everyone' },
      { name: 'a.pdf', bytes: PDF },
    );
    expect(badFields.statusCode).toBe(422);
    expect(
      badFields
        .json<ProblemDetails>()
        .errors?.map((e) => e.pointer)
        .sort(),
    ).toEqual(['/body/docType', '/body/title', '/body/visibility']);
    expect((await list('pm')).items.length).toBe(before);
  });

  it('hides every document of another council, and lets only case workers change visibility (audited)', async () => {
    expect((await clients.osakaPm!.get(`/api/v1/cases/${caseA.id}/documents`)).statusCode).toBe(404);
    expect(
      (await upload(clients.osakaPm!, caseA.id, { docType: 'other', title: 'x', visibility: 'company' }, { name: 'a.pdf', bytes: PDF }))
        .statusCode,
    ).toBe(404);
    expect(
      (await upload(clients.pm!, caseB.id, { docType: 'other', title: 'x', visibility: 'company' }, { name: 'a.pdf', bytes: PDF }))
        .statusCode,
    ).toBe(404);
    const doc = (await list('pm')).items.find((d) => d.visibility === 'team')!;
    expect((await clients.expert!.patch(`/api/v1/cases/${caseA.id}/documents/${doc.id}`, { visibility: 'creditors' })).statusCode).toBe(
      403,
    );
    const changed = await clients.pm!.patch(`/api/v1/cases/${caseA.id}/documents/${doc.id}`, { visibility: 'creditors' });
    expect(changed.json<DocumentItem>().visibility).toBe('creditors');
    expect(
      (await list('bank')).items.some((d) => d.id === doc.id),
      'the bank sees it once shared with creditors',
    ).toBe(true);
    const log = (await clients.company!.get(`/api/v1/cases/${caseA.id}/access-log`)).json<AccessLog>();
    expect(
      log.items.some((i) => i.eventType === 'DOCUMENT_DOWNLOADED'),
      JSON.stringify(log.items.map((i) => i.eventType)),
    ).toBe(true);
    expect(log.items.some((i) => i.eventType === 'DOCUMENT_UPLOADED')).toBe(true);
  });
});
