import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouncilDetail, CouncilList, DirectoryInfo, ProblemDetails } from '@kasseika/contracts';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function get<T>(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const res = await t.app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, body: res.json() };
}

describe('GET /api/v1/councils', () => {
  it('lists all 47 councils with 49 offices in JIS order', async () => {
    const { status, body } = await get<CouncilList>('/api/v1/councils');
    expect(status).toBe(200);
    expect(body.total).toBe(47);
    expect(body.items.map((c) => c.prefectureCode)).toEqual(Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(body.items.reduce((n, c) => n + c.offices.length, 0)).toBe(49);
    expect(body.items.filter((c) => c.offices.length === 2).map((c) => c.id)).toEqual(['hokkaido', 'tottori']);
    expect(body.source).toMatchObject({ version: '2025-06-01', asOf: '2025-06-01' });
  });

  it('returns the seed values exactly (Hokkaido, Tokyo, Tottori, Okinawa)', async () => {
    const { body } = await get<CouncilList>('/api/v1/councils');
    const byId = new Map(body.items.map((c) => [c.id, c]));
    expect(byId.get('hokkaido')).toMatchObject({
      name: '北海道中小企業活性化協議会',
      operatingBody: '札幌商工会議所',
      offices: [
        {
          address: '札幌市中央区北1条西2丁目  北海道経済センター 6階',
          postalCode: '060-0001',
          phone: '011-222-2829',
          telUri: 'tel:+81-11-222-2829',
        },
        { address: '帯広市西3条南9丁目23番地　帯広経済センタービル3階', postalCode: '080-0013', phone: '0155-67-1144' },
      ],
    });
    expect(byId.get('tokyo')).toMatchObject({
      operatingBody: '東京商工会議所',
      offices: [{ address: '東京都千代田区丸の内3-2-2  丸の内二重橋ビル4階', postalCode: '100-0005', phone: '03-3283-7425' }],
    });
    expect(byId.get('tottori')?.offices.map((o) => [o.address, o.postalCode, o.phone])).toEqual([
      ['鳥取市若葉台南7-5-1　鳥取県産業振興機構', '689-1112', '0857-33-0195'],
      ['米子市加茂町2-180  国際ファミリープラザ505', '683-0823', '0859-36-8770'],
    ]);
    expect(byId.get('okinawa')).toMatchObject({
      operatingBody: '那覇商工会議所',
      offices: [{ address: '那覇市久茂地1丁目7番1号　琉球リース総合ビル 5階', postalCode: '900-0015', phone: '098-868-3760' }],
    });
    // Regions where the pamphlet's table order differs from JIS order.
    expect(byId.get('toyama')?.offices[0]?.address).toBe('富山市高田527  情報ビル2階');
    expect(byId.get('shizuoka')?.offices[0]?.phone).toBe('054-253-5118');
    expect(byId.get('nara')?.offices[0]?.postalCode).toBe('631-0824');
  });

  it.each([
    ['q=東京', ['tokyo']],
    ['q=東京都', ['tokyo']],
    ['q=tokyo', ['tokyo']],
    ['q=帯広', ['hokkaido']],
    ['q=米子市', ['tottori']],
    ['q=%E3%80%92100-0005', ['tokyo']],
    ['q=１００－０００５', ['tokyo']],
    ['postalCode=689-1112', ['tottori']],
    ['postalCode=150-0001', ['tokyo']],
    ['postalCode=0800013', ['hokkaido']],
    ['q=八王子市', ['tokyo']],
    ['q=那覇商工会議所', ['okinawa']],
    ['prefecture=31', ['tottori']],
    ['prefecture=01&q=帯広', ['hokkaido']],
    ['prefecture=13&q=帯広', []],
    ['city=帯広市', ['hokkaido']],
    ['q=存在しない町名', []],
  ])('searches %s', async (qs, expected) => {
    const { status, body } = await get<CouncilList>(`/api/v1/councils?${encodeURI(qs).replace(/%25/g, '%')}`);
    expect(status).toBe(200);
    expect(body.items.map((c) => c.id)).toEqual(expected);
    expect(body.total).toBe(expected.length);
  });

  it('marks the office that matched and says why', async () => {
    const { body } = await get<CouncilList>(`/api/v1/councils?q=${encodeURIComponent('帯広')}`);
    expect(body.items[0]?.matchedBy).toEqual(['officeAddress']);
    expect(body.items[0]?.offices.map((o) => o.matched)).toEqual([false, true]);
    const area = await get<CouncilList>('/api/v1/councils?postalCode=1500001');
    expect(area.body.items[0]?.matchedBy).toEqual(['postalArea']);
  });

  it('finds councils by postal-code prefix', async () => {
    const { body } = await get<CouncilList>('/api/v1/councils?postalCode=68');
    expect(body.items.map((c) => c.id)).toEqual(['tottori']);
    expect(body.items[0]?.offices.every((o) => o.matched)).toBe(true);
  });

  it.each([
    ['postalCode=abc', '/query/postalCode', 'postalCode.format'],
    ['postalCode=12345678', '/query/postalCode', 'postalCode.format'],
    ['prefecture=48', '/query/prefecture', 'prefecture.code'],
    ['prefecture=1', '/query/prefecture', 'prefecture.code'],
    [`q=${'あ'.repeat(101)}`, '/query/q', 'search.tooLong'],
    ['foo=1', '/query/foo', 'unrecognized_key'],
    ['q=a&q=b', '/query/q', 'invalid_type'],
  ])('rejects %s with 422 and says what to fix', async (qs, pointer, code) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/councils?${encodeURI(qs)}` });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json<ProblemDetails>();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors).toContainEqual(expect.objectContaining({ pointer, code }));
    for (const e of problem.errors ?? []) {
      expect(e.message.ja).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      expect(e.message.en).toMatch(/[A-Za-z]/);
    }
  });

  it('lists every issue, not just the first', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/councils?postalCode=x&prefecture=99&bogus=1' });
    expect(
      res
        .json<ProblemDetails>()
        .errors?.map((e) => e.pointer)
        .sort(),
    ).toEqual(['/query/bogus', '/query/postalCode', '/query/prefecture']);
  });
});

describe('GET /api/v1/councils/{councilId}', () => {
  it('returns one council with its offices', async () => {
    const { status, body } = await get<CouncilDetail>('/api/v1/councils/hokkaido');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'hokkaido', prefectureCode: '01', prefecture: '北海道', prefectureEn: 'Hokkaido' });
    expect(body.offices).toHaveLength(2);
  });

  it('answers 404 problem+json for an unknown id, in the negotiated language', async () => {
    const ja = await get<ProblemDetails>('/api/v1/councils/atlantis');
    expect(ja.status).toBe(404);
    expect(ja.body).toMatchObject({
      code: 'NOT_FOUND',
      title: 'お探しの情報は見つかりませんでした',
      type: 'urn:kasseika:problem:not-found',
    });
    expect(ja.body.messages.detail).toEqual({ ja: '指定された協議会は見つかりませんでした', en: 'The council was not found' });
    const en = await get<ProblemDetails>('/api/v1/councils/atlantis', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.body.title).toBe('The resource was not found');
  });

  it.each(['TOKYO', '13', 'to-kyo', 'a'])('answers 422 for a malformed id %s', async (id) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/councils/${id}` });
    expect(res.statusCode).toBe(422);
    expect(res.json<ProblemDetails>().errors?.[0]).toMatchObject({ pointer: '/params/councilId', code: 'councilId.format' });
  });
});

describe('GET /api/v1/directory', () => {
  it('returns the HQ contact and the two related bodies exactly as in the pamphlet', async () => {
    const { status, body } = await get<DirectoryInfo>('/api/v1/directory');
    expect(status).toBe(200);
    expect(body.councilCount).toBe(47);
    expect(body.officeCount).toBe(49);
    expect(body.headquarters).toEqual({
      name: '中小企業活性化全国本部',
      organization: '独立行政法人 中小企業基盤整備機構',
      department: '事業承継・再生支援部　事業再生支援課',
      phone: '03-5470-1477',
      telUri: 'tel:+81-3-5470-1477',
      fax: '03-5470-1478',
      postalCode: '105-8453',
      address: '東京都港区虎ノ門3-5-1 虎ノ門37森ビル',
    });
    expect(body.relatedBodies.map((b) => b.name)).toEqual(['よろず支援拠点', '事業承継・引継ぎ支援センター']);
  });
});
