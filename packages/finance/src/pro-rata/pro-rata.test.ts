import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { yen, type Yen } from '@kasseika/domain';
import { allocateProRata, validateProRataInput, type ProRataInput, type ProRataResult } from './pro-rata';

const amounts = (r: ProRataResult) => (r.computable ? r.allocations.map((a) => a.amount) : null);
const rounding1 = { unit: 1, residual: 'largestRemainder' } as const;

describe('REFERENCE §10.1 published vectors', () => {
  it('PR-1: A ¥50M / B ¥30M / C ¥20M, monthly ¥1,000,000 → 50 % / 30 % / 20 % = 500,000 / 300,000 / 200,000', () => {
    const r = allocateProRata({
      amount: yen(1_000_000),
      creditors: [
        { id: 'A', balance: yen(50_000_000) },
        { id: 'B', balance: yen(30_000_000) },
        { id: 'C', balance: yen(20_000_000) },
      ],
      method: { kind: 'balance' },
      guaranteeCoverTreatment: 'secured',
      rounding: rounding1,
    });
    expect(amounts(r)).toEqual([500_000, 300_000, 200_000]);
    expect(r.computable && r.allocations.map((a) => a.share)).toEqual([0.5, 0.3, 0.2]);
  });

  it('PR-2: total ¥10M split 50/30/20, monthly ¥100,000 → 50,000 / 30,000 / 20,000', () => {
    const r = allocateProRata({
      amount: yen(100_000),
      creditors: [
        { id: 'A', balance: yen(5_000_000) },
        { id: 'B', balance: yen(3_000_000) },
        { id: 'C', balance: yen(2_000_000) },
      ],
      method: { kind: 'balance' },
      guaranteeCoverTreatment: 'secured',
      rounding: { unit: 1000, residual: 'largestRemainder' },
    });
    expect(amounts(r)).toEqual([50_000, 30_000, 20_000]);
  });

  it('PR-3: property ¥10M, first-ranking mortgage, loan ¥10M → unsecured (信用) balance ¥0', () => {
    const r = allocateProRata({
      amount: yen(0),
      creditors: [{ id: 'A', balance: yen(10_000_000) }],
      collaterals: [{ id: 'P', appraisalValue: yen(10_000_000), haircut: 1, liens: [{ creditorId: 'A', rank: 1 }] }],
      method: { kind: 'balance' },
      guaranteeCoverTreatment: 'secured',
      rounding: rounding1,
    });
    expect(r.coverage[0]?.securedByCollateral).toBe(10_000_000);
    expect(r.coverage[0]?.unsecured).toBe(0);
    expect(r.totalUnsecured).toBe(0);
  });
});

describe('REFERENCE §10.5 信用プロラタ with guarantee-corporation choice', () => {
  // A ¥60M with a mortgage worth ¥40M (→ unsecured ¥20M); B ¥30M fully guarantee-covered; C ¥10M unsecured.
  const input = (treatment: 'secured' | 'unsecured', kind: 'balance' | 'unsecured'): ProRataInput => ({
    amount: yen(1_000_000),
    creditors: [
      { id: 'A', balance: yen(60_000_000), isMainBank: true },
      { id: 'B', balance: yen(30_000_000), guaranteedLoans: [{ balance: yen(30_000_000), coverPercent: 100 }] },
      { id: 'C', balance: yen(10_000_000) },
    ],
    collaterals: [
      { id: 'M', description: '本社土地建物', appraisalValue: yen(40_000_000), haircut: 1, liens: [{ creditorId: 'A', rank: 1 }] },
    ],
    method: { kind },
    guaranteeCoverTreatment: treatment,
    rounding: rounding1,
  });

  it('残高プロラタ: 600,000 / 300,000 / 100,000', () => {
    expect(amounts(allocateProRata(input('secured', 'balance')))).toEqual([600_000, 300_000, 100_000]);
  });

  it('信用プロラタ, cover treated as 保全 (B unsecured 0): 666,667 / 0 / 333,333', () => {
    // weights 20M : 0 : 10M → 666,666.67 / 0 / 333,333.33 → floors 999,999, residual ¥1 to A (largest remainder)
    const r = allocateProRata(input('secured', 'unsecured'));
    expect(r.coverage.map((c) => c.unsecured)).toEqual([20_000_000, 0, 10_000_000]);
    expect(amounts(r)).toEqual([666_667, 0, 333_333]);
    expect(r.computable && r.allocations[0]?.residualReceived).toBe(1);
  });

  it('信用プロラタ, cover not treated as 保全 (B unsecured ¥30M): 333,333 / 500,000 / 166,667', () => {
    // weights 20 : 30 : 10 → 333,333.33 / 500,000 / 166,666.67 → residual ¥1 to C (remainder .67 > .33)
    const r = allocateProRata(input('unsecured', 'unsecured'));
    expect(r.coverage[1]?.guaranteeCover).toBe(30_000_000);
    expect(r.coverage[1]?.guaranteeCoverCounted).toBe(0);
    expect(amounts(r)).toEqual([333_333, 500_000, 166_667]);
  });

  it('residual to the main bank instead: 666,667 / 0 / 333,333 (A is the main bank)', () => {
    const r = allocateProRata({ ...input('secured', 'unsecured'), rounding: { unit: 1, residual: 'residualToMainBank' } });
    expect(amounts(r)).toEqual([666_667, 0, 333_333]);
    expect(r.steps.map((s) => s.code)).toContain('RESIDUAL_TO_MAIN_BANK');
  });

  it('¥1,000 units: 666,000 + 333,000 = 999,000; residual 1,000 → largest remainder (A) → 667,000 / 0 / 333,000', () => {
    const r = allocateProRata({ ...input('secured', 'unsecured'), rounding: { unit: 1000, residual: 'largestRemainder' } });
    expect(amounts(r)).toEqual([667_000, 0, 333_000]);
  });

  it('hybrid 50 %: A 0.5×0.6 + 0.5×(2/3) = 0.6333…, B 0.15, C 0.05 + 1/6 = 0.2166…', () => {
    const r = allocateProRata({ ...input('secured', 'balance'), method: { kind: 'hybrid', balanceWeightPercent: 50 } });
    expect(amounts(r)).toEqual([633_333, 150_000, 216_667]);
    if (r.computable) expect(r.allocations[0]?.share).toBeCloseTo(0.6333333333, 9);
  });

  it('hybrid at 100 % and 0 % equals the pure methods', () => {
    expect(amounts(allocateProRata({ ...input('secured', 'balance'), method: { kind: 'hybrid', balanceWeightPercent: 100 } }))).toEqual([
      600_000, 300_000, 100_000,
    ]);
    expect(amounts(allocateProRata({ ...input('secured', 'balance'), method: { kind: 'hybrid', balanceWeightPercent: 0 } }))).toEqual([
      666_667, 0, 333_333,
    ]);
  });
});

describe('security coverage', () => {
  it('fills senior liens first, applies the haircut, and shares an equal rank pro rata', () => {
    // Value 50,000,000 × 0.7 = 35,000,000. Rank 1: A claims 20,000,000 (cap). Rank 2: B 30,000,000 and C 10,000,000
    // share the remaining 15,000,000 in proportion 3:1 → 11,250,000 / 3,750,000.
    const r = allocateProRata({
      amount: yen(0),
      creditors: [
        { id: 'A', balance: yen(50_000_000) },
        { id: 'B', balance: yen(30_000_000) },
        { id: 'C', balance: yen(10_000_000) },
      ],
      collaterals: [
        {
          id: 'P',
          appraisalValue: yen(50_000_000),
          haircut: 0.7,
          liens: [
            { creditorId: 'B', rank: 2 },
            { creditorId: 'A', rank: 1, securedAmountCap: yen(20_000_000) },
            { creditorId: 'C', rank: 2 },
          ],
        },
      ],
      method: { kind: 'balance' },
      guaranteeCoverTreatment: 'secured',
      rounding: rounding1,
    });
    expect(r.collaterals[0]?.valueAfterHaircut).toBe(35_000_000);
    expect(r.coverage.map((c) => c.securedByCollateral)).toEqual([20_000_000, 11_250_000, 3_750_000]);
    expect(r.coverage.map((c) => c.unsecured)).toEqual([30_000_000, 18_750_000, 6_250_000]);
    expect(r.collaterals[0]?.unusedValue).toBe(0);
  });

  it('does not count cover twice across collaterals, and adds deposits, other security and 80 % guarantees', () => {
    const r = allocateProRata({
      amount: yen(0),
      creditors: [
        {
          id: 'A',
          balance: yen(10_000_000),
          pledgedDeposits: yen(500_000),
          otherSecurity: yen(300_000),
          guaranteedLoans: [{ balance: yen(1_000_000), coverPercent: 80 }],
        },
      ],
      collaterals: [
        { id: 'P1', appraisalValue: yen(6_000_000), haircut: 1, liens: [{ creditorId: 'A', rank: 1 }] },
        { id: 'P2', appraisalValue: yen(6_000_000), haircut: 1, liens: [{ creditorId: 'A', rank: 1 }] },
      ],
      method: { kind: 'balance' },
      guaranteeCoverTreatment: 'secured',
      rounding: rounding1,
    });
    // P1 covers 6,000,000, P2 only the remaining 4,000,000 → fully secured by collateral; nothing left for the rest.
    expect(r.coverage[0]).toMatchObject({ securedByCollateral: 10_000_000, securedByDeposits: 0, unsecured: 0, guaranteeCover: 800_000 });
    expect(r.collaterals[1]?.unusedValue).toBe(2_000_000);
    const r2 = allocateProRata({
      amount: yen(0),
      creditors: [
        {
          id: 'A',
          balance: yen(10_000_000),
          pledgedDeposits: yen(500_000),
          otherSecurity: yen(300_000),
          guaranteedLoans: [{ balance: yen(1_000_000), coverPercent: 80 }],
        },
      ],
      method: { kind: 'balance' },
      guaranteeCoverTreatment: 'secured',
      rounding: rounding1,
    });
    // 10,000,000 − 500,000 − 300,000 − 800,000 (1,000,000 × 80 %) = 8,400,000
    expect(r2.coverage[0]?.unsecured).toBe(8_400_000);
  });
});

describe('edge cases', () => {
  it('信用プロラタ when everything is secured is not computable (no silent zero)', () => {
    const r = allocateProRata({
      amount: yen(1_000),
      creditors: [{ id: 'A', balance: yen(100), pledgedDeposits: yen(100) }],
      method: { kind: 'unsecured' },
      guaranteeCoverTreatment: 'secured',
      rounding: rounding1,
    });
    expect(r).toMatchObject({ computable: false, reason: 'ZERO_TOTAL_UNSECURED' });
  });
  it('no balances at all is not computable for a positive amount, but a zero amount allocates zeros', () => {
    const base = {
      creditors: [{ id: 'A', balance: yen(0) }],
      method: { kind: 'balance' } as const,
      guaranteeCoverTreatment: 'secured' as const,
      rounding: rounding1,
    };
    expect(allocateProRata({ ...base, amount: yen(1) })).toMatchObject({ computable: false, reason: 'ZERO_TOTAL_BALANCE' });
    expect(amounts(allocateProRata({ ...base, amount: yen(0) }))).toEqual([0]);
  });
  it('falls back to largest remainder when the main bank has no share', () => {
    const r = allocateProRata({
      amount: yen(100),
      creditors: [
        { id: 'A', balance: yen(100), pledgedDeposits: yen(100), isMainBank: true },
        { id: 'B', balance: yen(100) },
      ],
      method: { kind: 'unsecured' },
      guaranteeCoverTreatment: 'secured',
      rounding: { unit: 1, residual: 'residualToMainBank' },
    });
    expect(amounts(r)).toEqual([0, 100]);
    expect(r.steps.map((s) => s.code)).toContain('RESIDUAL_FALLBACK_LARGEST_REMAINDER');
  });
});

describe('properties (fast-check)', () => {
  const creditorsArb = fc.array(
    fc.record({
      balance: fc.integer({ min: 0, max: 5 * 10 ** 9 }),
      deposits: fc.integer({ min: 0, max: 10 ** 9 }),
      guaranteed: fc.integer({ min: 0, max: 100 }),
      cover: fc.constantFrom(80, 100),
    }),
    { minLength: 1, maxLength: 30 },
  );
  const build = (
    rows: { balance: number; deposits: number; guaranteed: number; cover: number }[],
    amount: number,
    kind: 'balance' | 'unsecured' | 'hybrid',
    treatment: 'secured' | 'unsecured',
    unit: number,
    residual: 'largestRemainder' | 'residualToMainBank',
  ): ProRataInput => ({
    amount: yen(amount),
    creditors: rows.map((r, i) => ({
      id: `C${i}`,
      balance: yen(r.balance),
      isMainBank: i === 0,
      pledgedDeposits: yen(r.deposits),
      guaranteedLoans: [{ balance: yen(Math.floor((r.balance * r.guaranteed) / 100)), coverPercent: r.cover }],
    })),
    method: kind === 'hybrid' ? { kind, balanceWeightPercent: 40 } : { kind },
    guaranteeCoverTreatment: treatment,
    rounding: { unit, residual },
  });
  const settings = fc.tuple(
    fc.constantFrom('balance' as const, 'unsecured' as const, 'hybrid' as const),
    fc.constantFrom('secured' as const, 'unsecured' as const),
    fc.constantFrom(1, 1000),
    fc.constantFrom('largestRemainder' as const, 'residualToMainBank' as const),
  );

  it('allocations sum exactly to the amount and are never negative; zero base gets zero', () => {
    fc.assert(
      fc.property(creditorsArb, fc.integer({ min: 0, max: 10 ** 9 }), settings, (rows, amount, [kind, treatment, unit, residual]) => {
        const input = build(rows, amount, kind, treatment, unit, residual);
        expect(validateProRataInput(input).filter((i) => i.severity === 'error')).toEqual([]);
        const r = allocateProRata(input);
        if (!r.computable) return;
        expect(r.allocations.reduce((s, a) => s + a.amount, 0)).toBe(amount);
        for (const a of r.allocations) {
          expect(a.amount).toBeGreaterThanOrEqual(0);
          if (kind === 'balance' && a.coverage.balance === 0) expect(a.amount).toBe(0);
          if (kind === 'unsecured' && a.coverage.unsecured === 0) expect(a.amount).toBe(0);
          expect(a.coverage.unsecured).toBeGreaterThanOrEqual(0);
          expect(a.coverage.unsecured + a.coverage.totalSecured).toBe(a.coverage.balance);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is monotone in a creditor’s balance (others fixed)', () => {
    fc.assert(
      fc.property(
        creditorsArb,
        fc.integer({ min: 0, max: 10 ** 9 }),
        settings,
        fc.nat(),
        fc.integer({ min: 1, max: 10 ** 9 }),
        (rows, amount, [kind, treatment, unit, residual], pick, bump) => {
          const i = pick % rows.length;
          const before = allocateProRata(build(rows, amount, kind, treatment, unit, residual));
          // Raise only creditor i's balance; keep its guaranteed loan amount and deposits unchanged.
          const bigger = build(rows, amount, kind, treatment, unit, residual);
          const creditors = bigger.creditors.map((c, j) => (j === i ? { ...c, balance: yen(c.balance + bump) } : c));
          const after = allocateProRata({ ...bigger, creditors });
          if (!before.computable || !after.computable) return;
          expect(after.allocations[i]?.amount ?? 0).toBeGreaterThanOrEqual(before.allocations[i]?.amount ?? 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('validateProRataInput', () => {
  it('reports every problem', () => {
    const issues = validateProRataInput({
      amount: -1 as Yen,
      creditors: [
        { id: 'A', balance: yen(10), isMainBank: true, guaranteedLoans: [{ balance: yen(20), coverPercent: 120 }] },
        { id: 'A', balance: 1.5 as Yen, isMainBank: true, pledgedDeposits: yen(-1) },
      ],
      collaterals: [{ id: 'P', appraisalValue: yen(-5), haircut: 1.5, liens: [{ creditorId: 'Z', rank: 0 }] }],
      method: { kind: 'hybrid', balanceWeightPercent: 50.5 },
      guaranteeCoverTreatment: 'secured',
      rounding: { unit: 0, residual: 'largestRemainder' },
    });
    expect(issues.map((i) => i.code)).toEqual([
      'NEGATIVE_AMOUNT',
      'INVALID_COVER_PERCENT',
      'GUARANTEED_LOANS_EXCEED_BALANCE',
      'DUPLICATE_CREDITOR_ID',
      'NOT_INTEGER_YEN',
      'NEGATIVE_AMOUNT',
      'NEGATIVE_AMOUNT',
      'INVALID_HAIRCUT',
      'UNKNOWN_CREDITOR',
      'INVALID_RANK',
      'INVALID_ROUNDING_UNIT',
      'INVALID_HYBRID_WEIGHT',
      'MULTIPLE_MAIN_BANKS',
    ]);
  });
  it('warns when the residual should go to a main bank that is not marked', () => {
    const issues = validateProRataInput({
      amount: yen(1),
      creditors: [{ id: 'A', balance: yen(1) }],
      method: { kind: 'balance' },
      guaranteeCoverTreatment: 'secured',
      rounding: { unit: 1, residual: 'residualToMainBank' },
    });
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['MAIN_BANK_MISSING', 'warning']]);
  });
});
