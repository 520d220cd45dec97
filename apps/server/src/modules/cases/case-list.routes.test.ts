import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseList, ProblemDetails } from '@kasseika/contracts';
import type { CaseStage, CaseTrack } from '@kasseika/domain';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { TestClient } from '../../../test/http-client';
import { createUser, grantCase, signIn, type TestUser } from '../../../test/factories';
import { sql } from 'drizzle-orm';
import { caseSearchTerms as searchTermsOf } from '@kasseika/domain';
import { queryRows } from '../../db/client';
import { caseTasks, supportCases } from '../../db/schema';
import { withTenantTx } from '../../db/tenant-tx';
import { chooseSearchGrams } from './case-search.repository';
import { listCasePage } from './cases.repository';

/**
 * The staff case list: filters (track, stage, assignee, overdue), search by name, フリガナ and 法人番号, keyset
 * pages in both directions, and row-level security (another council's cases never appear, whatever the filter).
 */

let t: TestApp;
let pm: TestUser;
let sm: TestUser;
let pmOsaka: TestUser;
let pmClient: TestClient;
let osakaClient: TestClient;
const ids: Record<string, string> = {};
let fillerIds: string[] = [];

async function signedIn(user: TestUser): Promise<TestClient> {
  t.clock.advance(31_000); // each sign-in uses a fresh TOTP step
  const c = new TestClient(t.app);
  await signIn(c, user, t.clock.now());
  return c;
}

interface SeedCase {
  name: string;
  kana?: string;
  corporateNumber?: string;
  track?: CaseTrack;
  stage?: CaseStage;
}

async function seed(councilId: number, cases: readonly SeedCase[]): Promise<string[]> {
  return withTenantTx(t.database.db, { councilId, userId: null, roles: ['council_staff'] }, async (tx) => {
    const rows = await tx
      .insert(supportCases)
      .values(
        cases.map((c, i) => ({
          councilId,
          referenceNo: `L-${councilId}-${Date.now().toString(36)}-${i}`,
          companyName: c.name,
          companyNameKana: c.kana ?? null,
          corporateNumber: c.corporateNumber ?? null,
          track: c.track ?? null,
          stage: c.stage ?? 'desk_consultation',
        })),
      )
      .returning({ id: supportCases.id });
    return rows.map((r) => r.id);
  });
}

async function task(councilId: number, caseId: string, assignee: TestUser, dueOn: string, status: 'open' | 'done' = 'open') {
  await withTenantTx(t.database.db, { councilId, userId: null, roles: ['council_staff'] }, (tx) =>
    tx.insert(caseTasks).values({
      councilId,
      caseId,
      stage: 'desk_consultation',
      title: '資料の回収',
      assigneeUserId: assignee.id,
      dueOn,
      status,
      completedAt: status === 'done' ? new Date() : null,
      createdBy: assignee.id,
    }),
  );
}

const list = async (c: TestClient, query: string) => {
  const res = await c.get(`/api/v1/cases?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json<CaseList>();
};
const idsOf = (l: CaseList) => l.items.map((i) => i.id);

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-11-20T01:00:00Z'));
  pm = await createUser(t.database.db, t.services.cipher, { role: 'council_pm', councilId: 13 });
  sm = await createUser(t.database.db, t.services.cipher, { role: 'council_sm', councilId: 13, displayName: '担当 次郎' });
  pmOsaka = await createUser(t.database.db, t.services.cipher, { role: 'council_pm', councilId: 27 });
  pmClient = await signedIn(pm);
  osakaClient = await signedIn(pmOsaka);
  // Twelve fillers share one created_at (one statement): the id breaks the tie, so pages never skip or repeat.
  fillerIds = await seed(
    13,
    Array.from({ length: 12 }, (_, i) => ({ name: `ページ送り商店${i}` })),
  );
  const [yamada, kawada] = await seed(13, [
    {
      name: '株式会社山田製作所',
      kana: 'ヤマダ セイサクショ',
      corporateNumber: '7000012050002',
      track: 'revitalization',
      stage: 'rv_due_diligence',
    },
    { name: '川田商事株式会社', kana: 'カワダショウジ', track: 'earnings_improvement', stage: 'ei_planning' },
  ]);
  const [osakaYamada] = await seed(27, [
    {
      name: '株式会社山田製作所 大阪',
      kana: 'ヤマダセイサクショ',
      corporateNumber: '7000012050003',
      track: 'revitalization',
      stage: 'rv_due_diligence',
    },
  ]);
  if (!yamada || !kawada || !osakaYamada) throw new Error('seed failed');
  Object.assign(ids, { yamada, kawada, osakaYamada });
  await task(13, yamada, sm, '2026-11-10'); // overdue (today is 2026-11-20 JST)
  await task(13, yamada, sm, '2026-11-05', 'done'); // done: never overdue
  await task(13, kawada, pm, '2026-12-01'); // open, not yet due
  await task(27, osakaYamada, pmOsaka, '2026-11-01'); // Osaka's overdue task
});
afterAll(async () => {
  await t.close();
});

describe('filters', () => {
  it('filters by track and by stage, within the own council only', async () => {
    expect(idsOf(await list(pmClient, 'track=revitalization'))).toEqual([ids.yamada]);
    expect(idsOf(await list(pmClient, 'track=earnings_improvement'))).toEqual([ids.kawada]);
    expect(idsOf(await list(pmClient, 'stage=ei_planning'))).toEqual([ids.kawada]);
    expect(idsOf(await list(pmClient, 'track=rechallenge'))).toEqual([]);
    expect(idsOf(await list(osakaClient, 'track=revitalization'))).toEqual([ids.osakaYamada]);
  });

  it('filters by assignee (an open task of theirs) and by overdue tasks', async () => {
    expect(idsOf(await list(pmClient, `assignee=${sm.id}`))).toEqual([ids.yamada]);
    expect(idsOf(await list(pmClient, 'assignee=me'))).toEqual([ids.kawada]);
    const overdue = await list(pmClient, 'overdue=true');
    expect(idsOf(overdue)).toEqual([ids.yamada]);
    expect(overdue.items[0]?.overdueTaskCount).toBe(1);
    // Osaka's overdue case is not Tokyo's, and Tokyo's worker is nobody's assignee in Osaka.
    expect(idsOf(await list(osakaClient, 'overdue=true'))).toEqual([ids.osakaYamada]);
    expect(idsOf(await list(osakaClient, `assignee=${sm.id}`))).toEqual([]);
    // Filters combine.
    expect(idsOf(await list(pmClient, 'overdue=true&track=earnings_improvement'))).toEqual([]);
  });

  it('offers the council’s case workers as assignees', async () => {
    const l = await list(pmClient, 'pageSize=1');
    expect(l.assignees.map((a) => a.id)).toEqual(expect.arrayContaining([pm.id, sm.id]));
    expect(l.assignees.map((a) => a.id)).not.toContain(pmOsaka.id);
  });
});

describe('search', () => {
  it('finds a company by フリガナ in 半角カナ, ひらがな or katakana, ignoring spaces', async () => {
    for (const q of ['ﾔﾏﾀﾞｾｲｻｸ', 'やまだ', 'ヤマダ セイサクショ', 'ｾｲｻｸｼｮ']) {
      expect(idsOf(await list(pmClient, `q=${encodeURIComponent(q)}`)), q).toEqual([ids.yamada]);
    }
    expect(idsOf(await list(osakaClient, `q=${encodeURIComponent('ﾔﾏﾀﾞ')}`))).toEqual([ids.osakaYamada]);
  });

  it('finds a company by name and by the start of its 法人番号 (全角 digits and hyphens allowed)', async () => {
    expect(idsOf(await list(pmClient, `q=${encodeURIComponent('山田製作所')}`))).toEqual([ids.yamada]);
    expect(idsOf(await list(pmClient, `q=${encodeURIComponent('７０００-０１２０')}`))).toEqual([ids.yamada]);
    expect(idsOf(await list(pmClient, 'q=7000012050002'))).toEqual([ids.yamada]);
    // Osaka's number is never found from Tokyo.
    expect(idsOf(await list(pmClient, 'q=7000012050003'))).toEqual([]);
    // LIKE wildcards are taken literally.
    expect(idsOf(await list(pmClient, 'q=%25'))).toEqual([]);
  });

  it('returns the フリガナ and 法人番号 with each row, and the match count', async () => {
    const l = await list(pmClient, `q=${encodeURIComponent('やまだ')}`);
    expect(l.items[0]).toMatchObject({ companyNameKana: 'ヤマダ セイサクショ', corporateNumber: '7000012050002', track: 'revitalization' });
    expect(l).toMatchObject({ total: 1, totalCapped: false, nextCursor: null, prevCursor: null });
  });
});

describe('keyset pages', () => {
  it('walks every case once, newest first, and back again', async () => {
    const all = await list(pmClient, 'pageSize=100');
    expect(all.total).toBe(14);
    const expected = idsOf(all);
    expect(expected).toEqual(expect.arrayContaining([...fillerIds, ids.yamada, ids.kawada]));

    const pages: CaseList[] = [];
    let cursor: string | null = null;
    do {
      const page: CaseList = await list(pmClient, `pageSize=5${cursor ? `&cursor=${cursor}` : ''}`);
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 4]);
    expect(pages.flatMap(idsOf)).toEqual(expected);
    expect(pages[0]?.prevCursor).toBeNull();
    expect(pages[2]?.nextCursor).toBeNull();

    // Back from the last page: the same pages in the same order.
    const back = await list(pmClient, `pageSize=5&cursor=${pages[2]?.prevCursor ?? ''}`);
    expect(idsOf(back)).toEqual(pages[1] ? idsOf(pages[1]) : []);
    const first = await list(pmClient, `pageSize=5&cursor=${back.prevCursor ?? ''}`);
    expect(idsOf(first)).toEqual(pages[0] ? idsOf(pages[0]) : []);
    expect(first.prevCursor).toBeNull();
    expect(first.nextCursor).not.toBeNull();
  });

  it('keeps the filter while paging', async () => {
    const p1 = await list(pmClient, `pageSize=5&q=${encodeURIComponent('ページ送り')}`);
    const p2 = await list(pmClient, `pageSize=5&q=${encodeURIComponent('ページ送り')}&cursor=${p1.nextCursor ?? ''}`);
    const p3 = await list(pmClient, `pageSize=5&q=${encodeURIComponent('ページ送り')}&cursor=${p2.nextCursor ?? ''}`);
    expect([...idsOf(p1), ...idsOf(p2), ...idsOf(p3)].sort()).toEqual([...fillerIds].sort());
    expect(p3.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not make, and unknown filter values', async () => {
    for (const cursor of ['not-a-cursor', Buffer.from("a|2026-01-01'; drop table x|1").toString('base64url'), 'a!b']) {
      const res = await pmClient.get(`/api/v1/cases?cursor=${encodeURIComponent(cursor)}`);
      expect(res.statusCode, cursor).toBe(422);
      expect(res.json<ProblemDetails>().errors?.map((e) => e.pointer)).toEqual(['/query/cursor']);
    }
    const bad = await pmClient.get('/api/v1/cases?track=space&stage=nowhere&assignee=someone&overdue=yes');
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json<ProblemDetails>()
        .errors?.map((e) => e.pointer)
        .sort(),
    ).toEqual(['/query/assignee', '/query/overdue', '/query/stage', '/query/track']);
  });
});

describe('outsiders', () => {
  it('see only granted cases, without task counts or the council’s workers', async () => {
    const bank = await createUser(t.database.db, t.services.cipher, { role: 'bank_officer' });
    const yamada = ids.yamada ?? '';
    await grantCase(t.database.db, bank, { id: yamada }, 13);
    const c = await signedIn(bank);
    const l = await list(c, '');
    expect(idsOf(l)).toEqual([ids.yamada]);
    expect(l.items[0]?.overdueTaskCount).toBeNull();
    expect(l.assignees).toEqual([]);
    expect(idsOf(await list(c, `q=${encodeURIComponent('ﾔﾏﾀﾞ')}`))).toEqual([ids.yamada]);
    expect(idsOf(await list(c, 'overdue=true'))).toEqual([]);
  });
});

describe('search through case_search_terms', () => {
  const staffTx = <T>(councilId: number, fn: Parameters<typeof withTenantTx<T>>[2]) =>
    withTenantTx(t.database.db, { councilId, userId: null, roles: ['council_staff'] }, fn);
  const termsOf = (councilId: number, caseId: string) =>
    staffTx(councilId, (tx) =>
      queryRows<{ term: string }>(tx, sql`select term from case_search_terms where case_id = ${caseId}`).then((r) => r.map((x) => x.term)),
    );

  it('follows a rename in the same transaction: the old name is no longer found, the new one is', async () => {
    const [id] = await seed(13, [{ name: '旧社名工業株式会社', kana: 'キュウシャメイ コウギョウ', corporateNumber: '1234567890123' }]);
    if (!id) throw new Error('seed failed');
    expect(idsOf(await list(pmClient, `q=${encodeURIComponent('旧社名')}`))).toEqual([id]);
    expect(await termsOf(13, id)).toEqual(expect.arrayContaining(['旧社', '社名', 'キュ', '|1', '1234', '0123']));

    await staffTx(13, async (tx) => {
      await tx
        .update(supportCases)
        .set({ companyName: '新商号工業株式会社', companyNameKana: 'シンショウゴウ コウギョウ', corporateNumber: null })
        .where(sql`${supportCases.id} = ${id}`);
      // The grams changed with the row, before the transaction ends.
      const inTx = await queryRows<{ term: string }>(tx, sql`select term from case_search_terms where case_id = ${id}`);
      expect(inTx.map((r) => r.term)).toContain('新商');
    });
    const terms = await termsOf(13, id);
    expect(terms).toEqual(expect.arrayContaining(['新商', '商号', 'シン']));
    expect(terms.filter((g) => ['旧社', 'キュ', '1234'].includes(g))).toEqual([]);
    for (const q of ['旧社名', 'きゅうしゃめい', '1234567890123'])
      expect(idsOf(await list(pmClient, `q=${encodeURIComponent(q)}`)), q).toEqual([]);
    for (const q of ['新商号', 'しんしょうごう', 'ｼﾝｼｮｳｺﾞｳｺｳｷﾞｮｳ'])
      expect(idsOf(await list(pmClient, `q=${encodeURIComponent(q)}`)), q).toEqual([id]);
  });

  it('never shows another council’s grams, nor lets a council write them', async () => {
    const osaka = ids.osakaYamada ?? '';
    expect(await termsOf(27, osaka)).toEqual(expect.arrayContaining(['山田', 'ヤマ']));
    expect(await termsOf(13, osaka)).toEqual([]);
    const councils = await staffTx(13, (tx) => queryRows<{ c: number }>(tx, sql`select distinct council_id as c from case_search_terms`));
    expect(councils.map((r) => r.c)).toEqual([13]);
    // Osaka's grams never make a Tokyo candidate: the search of Osaka's own name finds Tokyo's case only.
    expect(idsOf(await list(pmClient, `q=${encodeURIComponent('山田製作所 大阪')}`))).toEqual([]);
    // Nor can a council write grams of another council (the tenant policy's check).
    await expect(
      staffTx(13, (tx) => tx.execute(sql`insert into case_search_terms (council_id, term, case_id) values (27, 'xx', ${osaka})`)),
    ).rejects.toThrow();
  });

  it('finds exactly what the plain scan finds, and falls back to it for one character', async () => {
    for (const q of ['山田', 'ﾔﾏﾀﾞ', 'ページ送り商店1', '7000-0120', '7000012050002', '%', 'L-13', '山', 'ヤ', '1', 'あ']) {
      const search = searchTermsOf(q);
      if (!search) throw new Error(q);
      const [plain, narrowed, grams] = await staffTx(13, async (tx) => {
        const g = await chooseSearchGrams(tx, 13, search);
        const page = async (searchGrams: typeof g) =>
          (await listCasePage(tx, { councilId: 13, search, searchGrams }, null, 100)).rows.map((r) => r.id);
        return [await page(null), await page(g), g] as const;
      });
      expect(narrowed, q).toEqual(plain);
      // One character has no bigram: the search reads the council's rows, as it did before the side table.
      if (Array.from(q).length === 1) expect(grams, q).toBeNull();
      else expect(grams, q).not.toBeNull();
    }
    expect(idsOf(await list(pmClient, `q=${encodeURIComponent('山')}`))).toEqual(expect.arrayContaining([ids.yamada]));
  });
});
