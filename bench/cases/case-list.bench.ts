/**
 * Benchmark: the staff case list with 50,000 cases in one council (plus 5,000 in another, which row-level security
 * must hide). Seeds PGlite with the real migrations, then times — interleaved in the same run — the first page and a
 * deep page (keyset cursor ~40,000 rows down) of the list query with each filter and search, the capped count, and
 * a primary-key lookup of one case as the baseline. Searches first choose their grams in case_search_terms (kept by
 * the trigger on support_cases, which the seeding inserts fire) exactly as the API does. Every query runs as the council's staff inside the tenant
 * transaction (SET LOCAL ROLE + RLS), exactly as the API runs it. Ratios against the baseline are what to compare
 * across machines; absolute times on shared machines are noise.
 *
 * Run: npx tsx bench/cases/case-list.bench.ts [iterations]
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { CASE_LIST_COUNT_CAP } from '@kasseika/contracts';
import { caseSearchTerms } from '@kasseika/domain';
import { openDatabase, queryRows, type Tx } from '../../apps/server/src/db/client';
import { withTenantTx } from '../../apps/server/src/db/tenant-tx';
import { prepareDatabase } from '../../apps/server/src/bootstrap';
import {
  countCases,
  findVisibleCase,
  listCasePage,
  type CaseListFilter,
  type CaseListKey,
} from '../../apps/server/src/modules/cases/cases.repository';
import { chooseSearchGrams } from '../../apps/server/src/modules/cases/case-search.repository';

const CASES = 50_000;
const OTHER_COUNCIL_CASES = 5_000;
const COUNCIL = 13;
const OTHER = 27;
const PAGE = 50;
const DEEP = 40_000;
const iterations = Number(process.argv[2] ?? 30);

const NAMES = [
  ['山田', 'ヤマダ'],
  ['川田', 'カワダ'],
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['中村', 'ナカムラ'],
  ['小林', 'コバヤシ'],
  ['加藤', 'カトウ'],
  ['吉田', 'ヨシダ'],
  ['松本', 'マツモト'],
  ['井上', 'イノウエ'],
  ['木村', 'キムラ'],
  ['林', 'ハヤシ'],
  ['清水', 'シミズ'],
  ['森', 'モリ'],
  ['池田', 'イケダ'],
  ['橋本', 'ハシモト'],
] as const;
const TRADES = [
  ['製作所', 'セイサクショ'],
  ['商事', 'ショウジ'],
  ['工業', 'コウギョウ'],
  ['建設', 'ケンセツ'],
  ['食品', 'ショクヒン'],
  ['運輸', 'ウンユ'],
  ['印刷', 'インサツ'],
  ['電機', 'デンキ'],
  ['旅館', 'リョカン'],
  ['酒造', 'シュゾウ'],
  ['水産', 'スイサン'],
  ['物産', 'ブッサン'],
  ['鉄工所', 'テッコウショ'],
  ['繊維', 'センイ'],
  ['薬局', 'ヤッキョク'],
] as const;
const TRACKS = ['earnings_improvement', 'revitalization', 'rechallenge'] as const;
const ASSIGNEES = Array.from({ length: 6 }, (_, i) => `00000000-0000-4000-8000-00000000000${i + 1}`);

const database = await openDatabase({ kind: 'pglite', dataDir: null });
await prepareDatabase(database);
const { db } = database;

const arr = (xs: readonly string[]) => sql.raw(`array[${xs.map((x) => `'${x}'`).join(',')}]`);
const t0 = performance.now();
async function seedCouncil(councilId: number, n: number) {
  // Names and フリガナ from 20 family names × 15 trades; a quarter without a track (still at desk consultation);
  // one created every 10 minutes back from now; a 13-digit 法人番号 unique per row.
  await db.execute(sql`
    insert into support_cases (council_id, reference_no, company_name, company_name_kana, corporate_number, created_at,
                               stage, track, stage_changed_at)
    select ${councilId}, ${`${councilId}-`} || lpad(g::text, 6, '0'),
           '株式会社' || (${arr(NAMES.map((x) => x[0]))})[1 + g % 20] || (${arr(TRADES.map((x) => x[0]))})[1 + (g / 20) % 15] || g,
           (${arr(NAMES.map((x) => x[1]))})[1 + g % 20] || ' ' || (${arr(TRADES.map((x) => x[1]))})[1 + (g / 20) % 15],
           lpad((${councilId} * 100000000000 + g)::text, 13, '0'),
           now() - g * interval '10 minutes',
           case when g % 4 = 0 then 'desk_consultation'
                else (array['ei_planning','rv_due_diligence','rc_lawyer_referral'])[1 + g % 3] end,
           case when g % 4 = 0 then null else (${arr(TRACKS)})[1 + g % 3] end,
           now()
    from generate_series(1, ${n}) g`);
  // Two tasks on every fifth case, one of them overdue on every tenth case.
  await db.execute(sql`
    insert into case_tasks (council_id, case_id, stage, title, assignee_user_id, due_on, created_by)
    select c.council_id, c.id, 'desk_consultation', '資料の回収', (${arr(ASSIGNEES)}::uuid[])[1 + k % 6],
           case when k % 2 = 0 then current_date - 7 else current_date + 20 end,
           (${arr(ASSIGNEES)}::uuid[])[1]
    from (select id, council_id, row_number() over () as k from support_cases where council_id = ${councilId}) c
    where c.k % 5 = 0`);
  await db.execute(sql`
    insert into case_tasks (council_id, case_id, stage, title, assignee_user_id, due_on, created_by)
    select c.council_id, c.id, 'desk_consultation', '面談日程の調整', (${arr(ASSIGNEES)}::uuid[])[1 + (k / 5) % 6],
           current_date + 30, (${arr(ASSIGNEES)}::uuid[])[1]
    from (select id, council_id, row_number() over () as k from support_cases where council_id = ${councilId}) c
    where c.k % 5 = 0`);
}
// The search grams: the trigger on support_cases keeps them row by row; a bulk seed fills them in one statement with
// the same function, as the migration's backfill does (the trigger is off meanwhile, then on again).
await db.execute(sql`alter table support_cases disable trigger support_cases_search_terms`);
await seedCouncil(COUNCIL, CASES);
await seedCouncil(OTHER, OTHER_COUNCIL_CASES);
await db.execute(sql`
  insert into case_search_terms (council_id, term, case_id)
  select c.council_id, g, c.id from support_cases c, unnest(app.case_search_grams(c.search_text)) g`);
await db.execute(sql`alter table support_cases enable trigger support_cases_search_terms`);
// As autovacuum would on a server: statistics, and the visibility map that lets a gram count read only the index.
await db.execute(sql`vacuum analyze`);
const seedMs = performance.now() - t0;

const staff = { councilId: COUNCIL, userId: ASSIGNEES[0] ?? null, roles: ['council_pm'] };
const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
const base: CaseListFilter = { councilId: COUNCIL };

/** The keyset key of the row `offset` rows down the (filtered) list, to start a deep page from. */
async function keyAt(filter: CaseListFilter, offset: number): Promise<CaseListKey> {
  return withTenantTx(db, staff, async (tx) => {
    const where = [sql`council_id = ${COUNCIL}`, ...(filter.track ? [sql`track = ${filter.track}`] : [])];
    const rows = await queryRows<{ k: string; id: string }>(
      tx,
      sql`select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as k, id from support_cases
          where ${sql.join(where, sql` and `)} order by created_at desc, id desc offset ${offset} limit 1`,
    );
    const r = rows[0];
    if (!r) throw new Error('no row at offset');
    return { direction: 'after', createdAt: r.k, id: r.id };
  });
}

const [someCase] = await withTenantTx(db, staff, (tx) =>
  queryRows<{ id: string }>(tx, sql`select id from support_cases offset 25000 limit 1`),
);
if (!someCase) throw new Error('no case');
const deepAll = await keyAt(base, DEEP);
const deepTrack = await keyAt({ ...base, track: 'revitalization' }, 12_000);
const kana = caseSearchTerms('ﾔﾏﾀﾞｾｲｻｸｼｮ'); // 半角カナ, as typed
const kato = caseSearchTerms('ｶﾄｳ');
const rareNumber = caseSearchTerms(String(COUNCIL * 100000000000 + 31_337).padStart(13, '0'));
const nothing = caseSearchTerms('該当なし商会');
const referenceNo = caseSearchTerms(`${COUNCIL}-031337`);
const name = caseSearchTerms('森印刷31337'); // row 31,337: family name 18 of 20, trade 7 of 15

/** The filter as the API runs it: a search first chooses its grams in case_search_terms. */
async function planned(tx: Tx, filter: CaseListFilter): Promise<CaseListFilter> {
  return filter.search ? { ...filter, searchGrams: await chooseSearchGrams(tx, COUNCIL, filter.search) } : filter;
}

type Scenario = readonly [label: string, run: () => Promise<number>];
const page =
  (filter: CaseListFilter, key: CaseListKey | null = null) =>
  () =>
    withTenantTx(db, staff, async (tx) => (await listCasePage(tx, await planned(tx, filter), key, PAGE)).rows.length);
const scenarios: Scenario[] = [
  ['baseline: one case by primary key', () => withTenantTx(db, staff, async (tx) => ((await findVisibleCase(tx, someCase.id)) ? 1 : 0))],
  ['first page, no filter', page(base)],
  ['first page, track=revitalization', page({ ...base, track: 'revitalization' })],
  ['first page, stage=ei_planning', page({ ...base, stage: 'ei_planning' })],
  ['first page, assignee', page({ ...base, assigneeUserId: ASSIGNEES[2] })],
  ['first page, overdue', page({ ...base, overdueBefore: today })],
  ['first page, フリガナ ﾔﾏﾀﾞｾｲｻｸｼｮ', page({ ...base, search: kana })],
  ['first page, 法人番号 (1 match)', page({ ...base, search: rareNumber })],
  ['first page, search with no match', page({ ...base, search: nothing })],
  ['first page, reference number (1 match)', page({ ...base, search: referenceNo })],
  ['first page, company name (1 match)', page({ ...base, search: name })],
  ['first page, track + overdue + フリガナ ｶﾄｳ', page({ ...base, track: 'revitalization', overdueBefore: today, search: kato })],
  [`deep page (${DEEP.toLocaleString()} down), no filter`, page(base, deepAll)],
  ['deep page (12,000 down), track', page({ ...base, track: 'revitalization' }, deepTrack)],
  [`count (capped at ${CASE_LIST_COUNT_CAP}), no filter`, () => withTenantTx(db, staff, (tx) => countCases(tx, base, CASE_LIST_COUNT_CAP))],
  [
    `count (capped), フリガナ`,
    () => withTenantTx(db, staff, async (tx) => countCases(tx, await planned(tx, { ...base, search: kana }), CASE_LIST_COUNT_CAP)),
  ],
];

// Sanity: RLS and the council filter keep the other council out; the pages are full where they should be.
const otherVisible = await withTenantTx(db, staff, async (tx) => (await listCasePage(tx, { councilId: OTHER }, null, PAGE)).rows.length);
if (otherVisible !== 0) throw new Error(`another council's cases are visible: ${otherVisible}`);
// Sanity: narrowing through case_search_terms finds exactly what the plain scan finds.
for (const search of [kana, kato, rareNumber, nothing, referenceNo, name, caseSearchTerms('山'), caseSearchTerms('1337')]) {
  const ids = (filter: CaseListFilter) =>
    withTenantTx(db, staff, async (tx) => (await listCasePage(tx, filter, null, 5000)).rows.map((r) => r.id).join());
  const [plain, narrowed] = [
    await ids({ ...base, search }),
    await ids(await withTenantTx(db, staff, (tx) => planned(tx, { ...base, search }))),
  ];
  if (plain !== narrowed) throw new Error(`case_search_terms changes the result of ${search?.text}`);
}

const times = scenarios.map(() => [] as number[]);
const shown = scenarios.map(() => 0);
for (let i = 0; i < 3; i++) for (const [, run] of scenarios) await run(); // warm-up
for (let i = 0; i < iterations; i++) {
  for (const [j, [, run]] of scenarios.entries()) {
    const s = performance.now();
    shown[j] = await run();
    times[j]?.push(performance.now() - s);
  }
}

function percentile(sorted: readonly number[], p: number): number {
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)] ?? Number.NaN;
}
const stats = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};
const baseStats = stats(times[0] ?? []);
console.log(
  `case list benchmark — ${CASES.toLocaleString()} cases (+${OTHER_COUNCIL_CASES.toLocaleString()} of another council), ` +
    `PGlite in memory, page size ${PAGE}, ${iterations} iterations (Node ${process.version}); seeded in ${(seedMs / 1000).toFixed(1)} s`,
);
console.log(`  ${'query'.padEnd(44)} ${'rows'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}  ratio p50 / p95 vs baseline`);
for (const [j, [label]] of scenarios.entries()) {
  const s = stats(times[j] ?? []);
  console.log(
    `  ${label.padEnd(44)} ${String(shown[j]).padStart(5)} ${s.p50.toFixed(2).padStart(8)} ${s.p95.toFixed(2).padStart(8)}  ` +
      `${(s.p50 / baseStats.p50).toFixed(1).padStart(6)}× / ${(s.p95 / baseStats.p95).toFixed(1)}×`,
  );
}
await database.close();
