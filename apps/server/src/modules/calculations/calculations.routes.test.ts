import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflateRawSync, crc32 } from 'node:zlib';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { BALANCE_SHEET_LINES, INCOME_STATEMENT_LINES } from '@kasseika/finance';
import type { PlanResult, ProblemDetails } from '@kasseika/contracts';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { TestClient } from '../../../test/http-client';
import { baseYear, planDocument, priorYear } from '../../../test/calculation-fixtures';

let t: TestApp;
let client: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  client = new TestClient(t.app);
  await client.csrfToken();
});
afterAll(async () => {
  await t.close();
});

const post = (path: string, body: unknown) => client.post(`/api/v1/calculations/${path}`, body);
const problemOf = (res: { json: <T>() => T }) => res.json<ProblemDetails>();
const pointers = (res: { json: <T>() => T }) => (problemOf(res).errors ?? []).map((e) => e.pointer);

/** REFERENCE §10.4 (in yen): the illustrative company's key figures, prior and current year. */
function keyFigures(fiscalYearEnd: string, netSales: number) {
  return {
    fiscalYearEnd,
    employees: 20,
    netSales,
    operatingProfit: 4_000_000,
    depreciation: 3_000_000,
    ordinaryProfit: 3_500_000,
    incomeTaxes: 1_050_000,
    cashAndDeposits: 15_000_000,
    tradeReceivables: 12_000_000,
    inventories: 8_000_000,
    tradePayables: 9_000_000,
    borrowings: 60_000_000,
    netAssets: 25_000_000,
    totalAssets: 100_000_000,
  };
}

describe('REFERENCE §10 published and constructed figures, through the API', () => {
  it('§10.1 PR-1 and PR-2: balance pro-rata 50/30/20', async () => {
    for (const [unit, amount, expected] of [
      [10_000_000, 1_000_000, [500_000, 300_000, 200_000]],
      [1_000_000, 100_000, [50_000, 30_000, 20_000]],
    ] as const) {
      const res = await post('pro-rata', {
        amount,
        creditors: [
          { id: 'A', balance: 5 * unit },
          { id: 'B', balance: 3 * unit },
          { id: 'C', balance: 2 * unit },
        ],
        method: { kind: 'balance' },
        guaranteeCoverTreatment: 'secured',
        rounding: { unit: 1, residual: 'largestRemainder' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<PlanResult['proRata'] & object>().allocations.map((a) => a.amount)).toEqual(expected);
    }
  });

  it('§10.1 PR-3: a ¥10M first-ranking mortgage on a ¥10M loan leaves ¥0 unsecured', async () => {
    const res = await post('pro-rata', {
      amount: 0,
      creditors: [{ id: 'A', balance: 10_000_000 }],
      collaterals: [{ id: 'P', appraisalValue: 10_000_000, haircut: 1, liens: [{ creditorId: 'A', rank: 1 }] }],
      method: { kind: 'balance' },
      guaranteeCoverTreatment: 'secured',
      rounding: { unit: 1, residual: 'largestRemainder' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<NonNullable<PlanResult['proRata']>>().coverage[0]).toMatchObject({ securedByCollateral: 10_000_000, unsecured: 0 });
  });

  it('§10.2 株式会社ABC: working capital −2,055,626, CF 36,506,840, 1.7 years', async () => {
    const statement = {
      fiscalYearEnd: '2026-03-31',
      fiscalYearEndMonth: 3,
      employees: 12,
      balanceSheet: {
        ...baseYear().balanceSheet,
        cashAndDeposits: 10_000_000,
        accountsReceivable: 7_622_661,
        inventories: 4_573_015,
        otherCurrentAssets: 0,
        land: 0,
        buildings: 80_000_000,
        otherTangibleFixedAssets: 0,
        accountsPayable: 14_251_302,
        shortTermBorrowings: 0,
        otherCurrentLiabilities: 0,
        longTermBorrowings: 58_495_222,
        capitalStock: 10_000_000,
        retainedEarnings: 19_449_152,
      },
      incomeStatement: {
        ...baseYear().incomeStatement,
        netSales: 200_000_000,
        costOfSales: 100_000_000,
        grossProfit: 100_000_000,
        sellingGeneralAdministrativeExpenses: 84_195_088,
        personnelCosts: 30_000_000,
        // 減価償却費 12,665,841 + 長期前払費用償却 1,133,992 + 繰延資産償却 6,570,904 + 同(外) 331,191
        depreciation: 20_701_928,
        operatingProfit: 15_804_912,
        nonOperatingIncome: 0,
        interestExpense: 0,
        ordinaryProfit: 15_804_912,
        profitBeforeTax: 15_804_912,
        incomeTaxes: 0,
        netIncome: 15_804_912,
      },
    };
    const res = await post('indicators', {
      source: 'statements',
      statements: [statement],
      debtRepaymentVariant: { numerator: 'b', cashFlow: 'c' },
    });
    expect(res.statusCode).toBe(200);
    const dry = res.json<{ years: PlanResult['diagnosis']['years'] }>().years[0]!.debtRepaymentYears;
    expect(dry.normalWorkingCapital).toBe(-2_055_626);
    expect(dry.cashFlow).toBe(36_506_840);
    expect(dry.debtToRepay).toBe(60_550_848);
    expect(dry.value).toBe(60_550_848 / 36_506_840);
    expect(dry.value?.toFixed(1)).toBe('1.7');
  });

  it('§10.3 subsidy: 405 通常枠 2,000,000 + 800,000; 早期 150,000 + 50,000 × 2', async () => {
    const standard = await post('subsidy', {
      program: '405-standard',
      acceptanceDate: '2026-04-01',
      costLines: [
        { id: '1', category: 'planFormulation', amount: 3_300_000, workDate: '2026-05-01' },
        { id: '2', category: 'monitoring', amount: 1_200_000, workDate: '2027-06-01' },
      ],
    });
    expect(standard.statusCode).toBe(200);
    const s = standard.json<{
      categories: { code: string; rateAmount: number; subsidy: number }[];
      subsidy: number;
      checks: { code: string; passed: boolean }[];
    }>();
    expect(s.categories.find((c) => c.code === 'planFormulation')).toMatchObject({ rateAmount: 2_200_000, subsidy: 2_000_000 });
    expect(s.categories.find((c) => c.code === 'monitoring')).toMatchObject({ subsidy: 800_000 });
    expect(s.subsidy).toBe(2_800_000);
    expect(s.checks.find((c) => c.code === 'MONITORING_AT_MOST_SHARE')?.passed).toBe(true);
    const early = await post('subsidy', {
      program: 'early',
      acceptanceDate: '2026-04-01',
      costLines: [
        { id: '1', category: 'planFormulation', amount: 225_000, workDate: '2026-05-01' },
        { id: '2', category: 'monitoringInterim', amount: 75_000, workDate: '2026-11-01' },
        { id: '3', category: 'monitoringYearEnd', amount: 75_000, workDate: '2027-05-01' },
      ],
    });
    expect(early.statusCode).toBe(200);
    const e = early.json<{ categories: { code: string; subsidy: number }[]; subsidy: number }>();
    expect(e.categories.map((c) => [c.code, c.subsidy])).toEqual([
      ['planFormulation', 150_000],
      ['monitoringInterim', 50_000],
      ['monitoringYearEnd', 50_000],
      ['guaranteeRelease', 0],
    ]);
    expect(e.subsidy).toBe(250_000);
  });

  it('§10.4 ロカベン: the six indicators and 17 points for 0201 建設業 / 中規模 from the quick check', async () => {
    const res = await post('indicators', {
      source: 'keyFigures',
      years: [keyFigures('2025-03-31', 100_000_000), keyFigures('2026-03-31', 105_000_000)],
      industryCode: '0201',
      sizeClass: 'medium',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      years: PlanResult['diagnosis']['years'];
      score: NonNullable<PlanResult['diagnosis']['score']>;
      thresholds: { verified: boolean; label: { ja: string } };
    }>();
    const v = Object.fromEntries(body.years[1]!.indicators.map((i) => [i.code, i.value]));
    expect(v.salesGrowth).toBeCloseTo(5, 10);
    expect(v.operatingMargin).toBeCloseTo((4 / 105) * 100, 10);
    expect(v.laborProductivity).toBe(200);
    expect(v.ebitdaDebtMultiple).toBeCloseTo(45 / 7, 10);
    expect(v.workingCapitalTurnoverMonths).toBeCloseTo(11 / 8.75, 10);
    expect(v.equityRatio).toBe(25);
    expect(body.score.scores.map((s) => s.score)).toEqual([3, 3, 2, 3, 3, 3]);
    expect(body.score.total).toBe(17);
    expect(body.score.grade).toBe('C');
    expect(body.thresholds).toMatchObject({ verified: false, label: { ja: '参考値（出典未確認）' } });
    expect(body.years[1]!.indicators[0]!.steps.some((s) => s.sourceRef === 'REFERENCE §6.5 ①')).toBe(true);
  });

  it('§10.5 信用プロラタ with the guarantee-corporation choice', async () => {
    const body = (method: string, treatment: string) => ({
      amount: 1_000_000,
      creditors: [
        { id: 'A', balance: 60_000_000 },
        { id: 'B', balance: 30_000_000, guaranteedLoans: [{ balance: 30_000_000, coverPercent: 100 }] },
        { id: 'C', balance: 10_000_000 },
      ],
      collaterals: [{ id: 'M', appraisalValue: 40_000_000, haircut: 1, liens: [{ creditorId: 'A', rank: 1 }] }],
      method: { kind: method },
      guaranteeCoverTreatment: treatment,
      rounding: { unit: 1, residual: 'largestRemainder' },
    });
    const amounts = async (method: string, treatment: string) =>
      (await post('pro-rata', body(method, treatment))).json<NonNullable<PlanResult['proRata']>>().allocations.map((a) => a.amount);
    expect(await amounts('balance', 'secured')).toEqual([600_000, 300_000, 100_000]);
    expect(await amounts('unsecured', 'secured')).toEqual([666_667, 0, 333_333]);
    expect(await amounts('unsecured', 'unsecured')).toEqual([333_333, 500_000, 166_667]);
  });
});

describe('every calculator, happy path', () => {
  it('real balance sheet: write-downs give 実質債務超過 with steps', async () => {
    const res = await post('real-balance-sheet', { balanceSheet: baseYear().balanceSheet, adjustments: planDocument().adjustments });
    expect(res.statusCode).toBe(200);
    const r = res.json<PlanResult['realBalanceSheet']>();
    expect(r).toMatchObject({
      bookNetAssets: 25_000_000,
      adjustmentEffect: -33_000_000,
      realNetAssets: -8_000_000,
      isRealNegativeEquity: true,
    });
    expect(r.steps.at(-1)).toMatchObject({ code: 'REAL_NEGATIVE_EQUITY', value: 8_000_000 });
  });

  it('projection: five years whose tie-out checks all pass', async () => {
    const doc = planDocument();
    const res = await post('projection', { base: baseYear(), drivers: doc.drivers });
    expect(res.statusCode).toBe(200);
    const p = res.json<PlanResult['projection']>();
    expect(p.years).toHaveLength(5);
    expect(p.allChecksPassed).toBe(true);
    expect(p.years[0]!.statement.incomeStatement.netSales).toBe(108_150_000);
    expect(p.years[0]!.statement.incomeStatement.interestExpense).toBe(
      240_000 + p.schedules[1]!.rows.slice(0, 12).reduce((s, r) => s + r.interest, 0),
    );
  });

  it('criteria: year-by-year values and the rule set in force on the agreement date', async () => {
    const doc = planDocument();
    const res = await post('criteria', { base: baseYear(), drivers: doc.drivers, criteria: doc.criteria, adjustments: doc.adjustments });
    expect(res.statusCode).toBe(200);
    const r = res.json<{ criteria: PlanResult['criteria']; realNetAssets: number }>();
    expect(r.realNetAssets).toBe(-8_000_000);
    expect(r.criteria.ruleSetId).toBe('council-revitalization-sme-2022');
    const equity = r.criteria.criteria.find((c) => c.code === 'REAL_NEGATIVE_EQUITY_ELIMINATED')!;
    expect(equity.values).toHaveLength(5);
    expect(equity.values.map((v) => v.meets)).toEqual([false, false, true, true, true]);
    expect(equity.status).toBe('passed');
  });

  it('repayment schedule: monthly rows and fiscal-year totals', async () => {
    const res = await post('repayment-schedule', {
      fiscalYearEndMonth: 3,
      schedule: {
        loanId: 'L1',
        principal: 1_200_000,
        firstPaymentMonth: '2026-04',
        termMonths: 12,
        graceMonths: 0,
        annualRate: 0.012,
        interestConvention: 'monthlyRate',
        method: { kind: 'equalPrincipal' },
      },
    });
    expect(res.statusCode).toBe(200);
    const r = res.json<{
      schedule: { rows: { interest: number; principal: number }[] };
      annual: { principal: number; interest: number }[];
    }>();
    expect(r.schedule.rows[0]).toMatchObject({ interest: 1_200, principal: 100_000 });
    expect(r.annual).toEqual([
      expect.objectContaining({ principal: 1_200_000, interest: r.schedule.rows.reduce((s, x) => s + x.interest, 0) }),
    ]);
  });

  it('plan: every part at once, with repayments by creditor tying to the balance sheet', async () => {
    const res = await post('plan', planDocument());
    expect(res.statusCode).toBe(200);
    const plan = res.json<PlanResult>();
    expect(plan.criteria.overall).toBe('passed');
    expect(plan.proRata?.allocations.map((a) => a.amount)).toEqual([83_333, 416_667]);
    plan.projection.years.forEach((y, i) => {
      const bs = y.statement.balanceSheet;
      const closing = plan.repaymentsByCreditor.reduce((s, c) => s + c.years[i]!.closingBalance, 0);
      expect(closing).toBe(bs.shortTermBorrowings + bs.longTermBorrowings + (bs.currentPortionOfLongTermBorrowings ?? 0));
    });
  });
});

describe('nonsense inputs get 422 listing every issue with pointers', () => {
  it('negative employees, text in amounts, fractional yen and an 11-year horizon, all in one answer', async () => {
    const doc = planDocument();
    const bad = {
      ...doc,
      statements: [
        { ...priorYear(), employees: -3 },
        { ...baseYear(), balanceSheet: { ...baseYear().balanceSheet, cashAndDeposits: '1,000万', inventories: 1.5 } },
      ],
      drivers: { ...doc.drivers, horizonYears: 11 },
    };
    const res = await post('plan', bad);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const p = problemOf(res);
    expect(p.code).toBe('VALIDATION_FAILED');
    const byPointer = Object.fromEntries((p.errors ?? []).map((e) => [e.pointer, e]));
    expect(Object.keys(byPointer).sort()).toEqual(
      [
        '/body/drivers/horizonYears',
        '/body/statements/0/employees',
        '/body/statements/1/balanceSheet/cashAndDeposits',
        '/body/statements/1/balanceSheet/inventories',
      ].sort(),
    );
    expect(byPointer['/body/statements/0/employees']?.message.ja).toContain('従業員数は0以上');
    expect(byPointer['/body/statements/1/balanceSheet/cashAndDeposits']?.message.ja).toContain('数字で入力');
    expect(byPointer['/body/statements/1/balanceSheet/inventories']?.message.ja).toContain('1円単位の整数');
    expect(byPointer['/body/drivers/horizonYears']?.message.ja).toContain('1〜10年');
    expect(byPointer['/body/drivers/horizonYears']?.message.en).toContain('1 to 10');
  });

  it('an unbalanced sheet says by how much, and the engine lists its other issues too', async () => {
    const doc = planDocument();
    const unbalanced = { ...baseYear(), balanceSheet: { ...baseYear().balanceSheet, cashAndDeposits: 15_001_000 } };
    const res = await post('plan', {
      ...doc,
      statements: [priorYear(), unbalanced],
      adjustments: [{ ...doc.adjustments[0]!, targetLine: 'capitalStock' }],
      criteria: { ...doc.criteria, agreementDate: '2026-02-30' },
    });
    expect(res.statusCode).toBe(422);
    const errors = problemOf(res).errors ?? [];
    const imbalance = errors.find((e) => e.pointer === '/body/statements/1/balanceSheet');
    expect(imbalance?.code).toBe('BALANCE_SHEET_DOES_NOT_BALANCE');
    expect(imbalance?.message.ja).toContain('1,000円');
    expect(imbalance?.message.en).toContain('¥1,000');
    expect(pointers(res)).toEqual(expect.arrayContaining(['/body/adjustments/0/targetLine', '/body/criteria/agreementDate']));
  });

  it('the engine’s own range checks answer with pointers (tax rate, loan schedule)', async () => {
    const doc = planDocument();
    const loans = doc.drivers.loans!.map((l, i) => (i === 1 ? { ...l, schedule: { ...l.schedule, graceMonths: 200 } } : l));
    const res = await post('projection', { base: baseYear(), drivers: { ...doc.drivers, taxRate: 1.5, loans } });
    expect(res.statusCode).toBe(422);
    expect(pointers(res)).toEqual(expect.arrayContaining(['/body/drivers/taxRate', '/body/drivers/loans/1/schedule/graceMonths']));
  });

  it('quick check: figures that cannot belong together point at what to fix', async () => {
    const res = await post('indicators', {
      source: 'keyFigures',
      years: [{ ...keyFigures('2026-03-31', 105_000_000), totalAssets: 20_000_000 }],
    });
    expect(res.statusCode).toBe(422);
    expect(pointers(res)).toEqual(['/body/years/0/totalAssets', '/body/years/0/totalAssets']);
    expect(problemOf(res).errors?.[0]?.message.ja).toContain('総資産');
  });
});

/** A row of a sheet as label → numbers (columns B…). */
function sheetRows(ws: ExcelJS.Worksheet): Map<string, (number | null)[]> {
  const rows = new Map<string, (number | null)[]>();
  ws.eachRow((row, n) => {
    if (n < 5) return;
    const cell = row.getCell(1).value;
    const label = typeof cell === 'string' ? cell.trim() : '';
    if (!label) return;
    const values: (number | null)[] = [];
    for (let c = 2; c <= ws.columnCount; c += 1) {
      const v = row.getCell(c).value;
      values.push(typeof v === 'number' ? v : null);
    }
    rows.set(rows.has(label) ? `${label}#${n}` : label, values);
  });
  return rows;
}

describe('exports', () => {
  it('the Excel workbook holds exactly the API’s numbers, cell by cell, on every sheet', async () => {
    const doc = planDocument();
    const plan = (await post('plan', doc)).json<PlanResult>();
    const res = await post('plan/workbook', doc);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[ -~]+"; filename\*=UTF-8''%E6%A0%AA/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '損益計画',
      '貸借対照表',
      '資金繰り',
      '金融機関別返済計画',
      '数値基準',
      'プロラタ按分',
      '計算根拠',
    ]);
    const statements = [plan.projection.base, ...plan.projection.years.map((y) => y.statement)];
    const n = plan.projection.years.length;
    const pad = (vals: (number | null)[], width: number) => [...vals, ...Array.from({ length: width - vals.length }, () => null)];

    // 損益計画: every income-statement line, base + plan years.
    const pl = sheetRows(wb.getWorksheet('損益計画')!);
    const plExpected = new Map(
      INCOME_STATEMENT_LINES.filter((l) => l.key !== 'depreciationInCostOfSales').map((l) => [
        l.label.ja,
        statements.map((s) => s.incomeStatement[l.key] ?? null),
      ]),
    );
    expect([...pl.keys()]).toEqual([...plExpected.keys()]);
    for (const [label, values] of pl) expect(values.slice(0, n + 1), label).toEqual(plExpected.get(label));

    // 貸借対照表: every line and every total.
    const bs = sheetRows(wb.getWorksheet('貸借対照表')!);
    const sum = (s: (typeof statements)[number], keys: string[]) =>
      keys.reduce((t, k) => t + ((s.balanceSheet as Record<string, number | undefined>)[k] ?? 0), 0);
    const lines = BALANCE_SHEET_LINES.filter((l) => l.key !== 'currentPortionOfLongTermBorrowings');
    const keysOf = (section: string[]) => lines.filter((l) => section.includes(l.section)).map((l) => l.key);
    const totals: Record<string, (s: (typeof statements)[number]) => number> = {
      流動資産合計: (s) => sum(s, keysOf(['currentAssets'])),
      固定資産合計: (s) => sum(s, keysOf(['tangibleFixedAssets', 'intangibleFixedAssets', 'investmentsAndOtherAssets'])),
      資産合計: (s) =>
        sum(
          s,
          lines.filter((l) => l.side === 'asset').map((l) => l.key),
        ),
      流動負債合計: (s) => sum(s, keysOf(['currentLiabilities'])),
      固定負債合計: (s) => sum(s, keysOf(['fixedLiabilities'])),
      負債合計: (s) =>
        sum(
          s,
          lines.filter((l) => l.side === 'liability').map((l) => l.key),
        ),
      純資産合計: (s) => sum(s, keysOf(['netAssets'])),
      '負債・純資産合計': (s) =>
        sum(
          s,
          lines.filter((l) => l.side !== 'asset').map((l) => l.key),
        ),
    };
    for (const [label, values] of bs) {
      const line = lines.find((l) => l.label.ja === label);
      const expected = line ? statements.map((s) => s.balanceSheet[line.key]) : statements.map((s) => totals[label]!(s));
      expect(values.slice(0, n + 1), label).toEqual(expected);
    }
    expect(bs.size).toBe(lines.length + Object.keys(totals).length);
    for (const [i] of statements.entries()) expect(bs.get('資産合計')![i]).toBe(bs.get('負債・純資産合計')![i]);

    // 資金繰り: the cash-flow statement of every plan year, then the tie-out differences (all 0).
    const cf = sheetRows(wb.getWorksheet('資金繰り')!);
    const cfFields: Record<string, keyof PlanResult['projection']['years'][number]['cashFlow']> = {
      当期純利益: 'netIncome',
      減価償却費: 'depreciation',
      売上債権の増減: 'changeInTradeReceivables',
      棚卸資産の増減: 'changeInInventories',
      仕入債務の増減: 'changeInTradePayables',
      営業キャッシュフロー: 'operatingCashFlow',
      設備投資: 'capitalExpenditure',
      投資キャッシュフロー: 'investingCashFlow',
      新規借入: 'borrowings',
      元金返済: 'repayments',
      財務キャッシュフロー: 'financingCashFlow',
      現預金の増減: 'netChangeInCash',
      期首現預金: 'openingCash',
      期末現預金: 'closingCash',
    };
    for (const [label, values] of cf) {
      if (values.every((v) => v === null)) continue; // a section heading
      const field = cfFields[label];
      const check = plan.projection.checks.filter((c) => c.label.ja === label);
      const expected = field ? plan.projection.years.map((y) => y.cashFlow[field]) : check.map((c) => c.difference);
      expect(expected.length, `known row ${label}`).toBe(n);
      expect(values.slice(0, n), label).toEqual(expected);
    }

    // 金融機関別返済計画: each creditor's five rows per plan year, then the totals.
    const rp = wb.getWorksheet('金融機関別返済計画')!;
    const rpValues: (number | null)[][] = [];
    rp.eachRow((row, r) => {
      if (r >= 5 && typeof row.getCell(2).value === 'number')
        rpValues.push(Array.from({ length: n }, (_, c) => row.getCell(c + 2).value as number));
    });
    const fields = ['openingBalance', 'drawdown', 'principal', 'interest', 'closingBalance'] as const;
    const expectedRp = [
      ...plan.repaymentsByCreditor.flatMap((c) => fields.map((f) => c.years.map((y) => y[f]))),
      ...fields.map((f) => plan.projection.years.map((_, i) => plan.repaymentsByCreditor.reduce((t, c) => t + c.years[i]![f], 0))),
    ];
    expect(rpValues).toEqual(expectedRp);

    // 数値基準: real net assets, then each criterion's value per plan year.
    const cr = sheetRows(wb.getWorksheet('数値基準')!);
    expect(cr.get('基準年度の実態純資産')?.[0]).toBe(plan.realBalanceSheet.realNetAssets);
    for (const k of plan.criteria.criteria) {
      // The second table (values by year) repeats the criterion's label; its row is the last one with that label.
      const row = [...cr.entries()].filter(([label]) => label.split('#')[0] === k.label.ja).at(-1);
      expect(row?.[1].slice(0, n), k.code).toEqual(
        pad(
          k.values.map((v) => v.value),
          n,
        ),
      );
    }

    // プロラタ按分: balance, secured, unsecured, share, amount, residual per creditor.
    const pr = wb.getWorksheet('プロラタ按分')!;
    plan.proRata!.allocations.forEach((a, i) => {
      const row = pr.getRow(6 + i);
      expect([2, 3, 4, 5, 6, 7].map((c) => row.getCell(c).value)).toEqual([
        a.coverage.balance,
        a.coverage.totalSecured,
        a.coverage.unsecured,
        a.share,
        a.amount,
        a.residualReceived,
      ]);
    });

    // 計算根拠: the steps, in order, with their values.
    const stepsSheet = wb.getWorksheet('計算根拠')!;
    const firstSteps = plan.projection.steps.map((s) => [s.code, s.label.ja, s.value]);
    expect(
      [5, 6, 7].map((r) => [
        stepsSheet.getRow(r).getCell(2).value,
        stepsSheet.getRow(r).getCell(3).value,
        stepsSheet.getRow(r).getCell(4).value,
      ]),
    ).toEqual(firstSteps.slice(0, 3));
    expect(stepsSheet.rowCount).toBeGreaterThan(200);
    const yenCell = wb.getWorksheet('損益計画')!.getRow(5).getCell(2);
    expect(yenCell.numFmt).toBe('#,##0;[Red]-#,##0');
  });

  it('the PDF summary is a PDF whose first page renders, with Japanese text', async () => {
    const res = await post('plan/summary.pdf', planDocument());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; .*\.pdf$/);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'kasseika-pdf-'));
    try {
      const pdf = join(dir, 'summary.pdf');
      writeFileSync(pdf, res.rawPayload);
      if (spawnSync('pdftoppm', ['-v']).error) {
        console.warn('SKIPPED the render check: pdftoppm (poppler-utils) is not installed');
        return;
      }
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(dir, 'page')]);
      expect(statSync(join(dir, 'page-1.png')).size).toBeGreaterThan(10_000);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
      expect(text).toContain('数値計画サマリー');
      expect(text).toContain('株式会社テスト製作所');
      expect(text).toContain('416,667');
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString('utf8'))?.[1]);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an invalid plan exports nothing: 422, not a file', async () => {
    const res = await post('plan/workbook', { ...planDocument(), drivers: { ...planDocument().drivers, horizonYears: 11 } });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});

function multipart(filename: string, bytes: Buffer, contentType = 'application/octet-stream') {
  const boundary = '----kasseika-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request({
    method: 'POST',
    url: '/api/v1/calculations/statements/import',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

/** A ZIP written by hand (for hostile archives): entries are deflated; `declared` may lie about the size. */
function zipOf(entries: { name: string; data: Buffer; declared?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const compressed = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.declared ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

describe('statement import', () => {
  it('template round-trip: download, fill in (千円, 全角, ▲), upload → the same statements', async () => {
    const tpl = await client.get('/api/v1/calculations/statements/template.xlsx');
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('決算書')!;
    ws.getCell('C3').value = '千円';
    const rowOf = new Map<string, number>();
    ws.eachRow((row, r) => {
      const key = row.getCell(2).value;
      if (typeof key === 'string') rowOf.set(key, r);
    });
    const years = [priorYear(), baseYear()];
    years.forEach((s, i) => {
      const col = 3 + i;
      ws.getRow(rowOf.get('fiscalYearEnd')!).getCell(col).value = s.fiscalYearEnd;
      ws.getRow(rowOf.get('employees')!).getCell(col).value = s.employees;
      for (const [k, v] of Object.entries(s.balanceSheet)) ws.getRow(rowOf.get(`balanceSheet.${k}`)!).getCell(col).value = v / 1000;
      for (const [k, v] of Object.entries(s.incomeStatement)) {
        if (['grossProfit', 'operatingProfit'].includes(k)) continue; // blank subtotals are derived
        ws.getRow(rowOf.get(`incomeStatement.${k}`)!).getCell(col).value = k === 'netSales' && i === 1 ? '１０５，０００' : v / 1000;
      }
    });
    const res = await multipart('決算書.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(200);
    const body = res.json<{ format: string; statements: unknown[]; warnings: unknown[] }>();
    expect(body.format).toBe('xlsx');
    expect(body.statements).toEqual(years);
    expect(body.warnings).toEqual([]);
  });

  it('CSV (Shift_JIS) with the same layout; every bad cell is listed by address', async () => {
    const rows = [
      ['科目', 'キー', '1期目'],
      ['単位', 'unit', '円'],
      ['決算日', 'fiscalYearEnd', '2026/3/31'],
      ['従業員数', 'employees', '20'],
      ...Object.entries(baseYear().balanceSheet).map(([k, v]) => [k, `balanceSheet.${k}`, v.toLocaleString('en-US')]),
      ...Object.entries(baseYear().incomeStatement).map(([k, v]) => [k, `incomeStatement.${k}`, v < 0 ? `▲${-v}` : String(v)]),
    ];
    const csv = rows.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\r\n');
    const ok = await multipart('plan.csv', Buffer.from(`\ufeff${csv}`, 'utf8'), 'text/csv');
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ format: string; statements: unknown[] }>()).toMatchObject({ format: 'csv', statements: [baseYear()] });

    const shiftJis = Buffer.from(readFileSync(join(import.meta.dirname, 'fixtures/statements-sjis.csv')));
    const sj = await multipart('sjis.csv', shiftJis, 'text/csv');
    expect(sj.statusCode).toBe(200);
    expect(sj.json<{ statements: { incomeStatement: { netSales: number } }[] }>().statements[0]?.incomeStatement.netSales).toBe(
      105_000_000,
    );

    const broken = csv
      .replace(`balanceSheet.inventories,"8,000,000"`, 'balanceSheet.inventories,abc')
      .replace('incomeStatement.costOfSales,70000000', 'incomeStatement.costOfSales,1.5');
    const bad = await multipart('plan.csv', Buffer.from(broken, 'utf8'), 'text/csv');
    expect(bad.statusCode).toBe(422);
    const messages = (problemOf(bad).errors ?? []).map((e) => [e.pointer, e.message.ja]);
    expect(messages).toEqual([
      ['/file/C8', 'C8（1期目 棚卸資産）: 数値を入力してください'],
      ['/file/C29', 'C29（1期目 売上原価）: 1円単位の整数で入力してください'],
    ]);
  });

  it('an unbalanced import comes back with a warning at the cell', async () => {
    const csv = ['k,fiscalYearEnd,2026-03-31', 'k,employees,3', 'k,balanceSheet.cashAndDeposits,1000'].join('\n');
    const res = await multipart('x.csv', Buffer.from(csv), 'text/csv');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ warnings: { code: string; message: { ja: string } }[] }>().warnings).toEqual([
      expect.objectContaining({
        code: 'BALANCE_SHEET_DOES_NOT_BALANCE',
        message: expect.objectContaining({ ja: expect.stringMatching(/^C1: 貸借が一致しません/) as unknown }) as unknown,
      }),
    ]);
  });

  it('content is checked by its bytes: a renamed .exe, an old .xls and an empty upload are refused', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(2000, 0)]);
    const asXlsx = await multipart('決算書.xlsx', exe, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(asXlsx.statusCode).toBe(415);
    expect(problemOf(asXlsx).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const xls = await multipart('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    expect(xls.statusCode).toBe(415);
    expect(problemOf(xls).messages.detail?.ja).toContain('.xls');
    const zipNotXlsx = await multipart('a.xlsx', zipOf([{ name: 'hello.txt', data: Buffer.from('hello') }]));
    expect(zipNotXlsx.statusCode).toBe(415);
    const json = await client.post('/api/v1/calculations/statements/import', { file: 'x' });
    expect(json.statusCode).toBe(415);
  });

  it('an oversized file is 413', async () => {
    const res = await multipart('big.csv', Buffer.alloc(3 * 1024 * 1024, 0x31), 'text/csv');
    expect(res.statusCode).toBe(413);
    expect(problemOf(res).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a zip bomb is refused before any library opens it, even when it lies about its size', async () => {
    const zeros = Buffer.alloc(60 * 1024 * 1024, 0);
    const bomb = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: zeros },
    ]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const honest = await multipart('bomb.xlsx', bomb);
    expect(honest.statusCode).toBe(413);
    expect(problemOf(honest).messages.detail?.ja).toContain('圧縮爆弾');
    const liar = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: zeros, declared: 1000 },
    ]);
    const lying = await multipart('liar.xlsx', liar);
    expect([413, 415]).toContain(lying.statusCode);
  });
});

describe('API surface', () => {
  it('OpenAPI documents the binary answers, the upload and the quick-check rate limit', async () => {
    const doc = (await client.get('/api/openapi.json')).json<{ paths: Record<string, Record<string, Record<string, unknown>>> }>();
    const workbook = doc.paths['/api/v1/calculations/plan/workbook']!.post!;
    expect(JSON.stringify(workbook.responses)).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(JSON.stringify(doc.paths['/api/v1/calculations/plan/summary.pdf']!.post!.responses)).toContain('application/pdf');
    expect(JSON.stringify(doc.paths['/api/v1/calculations/statements/import']!.post!.requestBody)).toContain('multipart/form-data');
    expect(doc.paths['/api/v1/calculations/indicators']!.post!['x-rate-limit']).toMatchObject({ max: 30 });
    for (const p of ['indicators', 'real-balance-sheet', 'projection', 'criteria', 'pro-rata', 'repayment-schedule', 'subsidy', 'plan']) {
      expect(doc.paths[`/api/v1/calculations/${p}`]?.post, p).toBeDefined();
    }
  });

  it('the anonymous quick check is rate-limited more strictly than the API (30 a minute per address)', async () => {
    const visitor = new TestClient(t.app).withIp('203.0.113.7');
    await visitor.csrfToken();
    const body = { source: 'keyFigures', years: [keyFigures('2026-03-31', 105_000_000)] };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) statuses.push((await visitor.post('/api/v1/calculations/indicators', body)).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    const other = await visitor.post('/api/v1/calculations/pro-rata', {
      amount: 100,
      creditors: [{ id: 'A', balance: 1 }],
      method: { kind: 'balance' },
      guaranteeCoverTreatment: 'secured',
      rounding: { unit: 1, residual: 'largestRemainder' },
    });
    expect(other.statusCode).toBe(200);
  });
});
