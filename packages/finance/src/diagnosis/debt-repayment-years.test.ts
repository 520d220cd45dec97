import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { yen } from '@kasseika/domain';
import { text } from '../explain/step';
import { sampleCurrentYear } from '../test-support/sample-statements';
import {
  computeDebtRepaymentYears,
  debtRepaymentInputFromStatement,
  describeDebtRepaymentVariant,
  type DebtRepaymentInput,
} from './debt-repayment-years';

/** REFERENCE §10.2 — "株式会社ABC" (restaurant), published figures. */
const abc: DebtRepaymentInput = {
  interestBearingDebt: yen(58_495_222),
  workingCapital: {
    notesReceivable: yen(0),
    accountsReceivable: yen(7_622_661),
    inventories: yen(4_573_015), // 原材料
    notesPayable: yen(0),
    accountsPayable: yen(14_251_302),
  },
  cashAndDeposits: yen(0),
  ordinaryProfit: yen(0),
  operatingProfit: yen(0),
  netIncome: yen(15_804_912),
  incomeTaxes: yen(0),
  depreciation: yen(12_665_841),
  additionalAmortisation: [
    { label: text('長期前払費用償却', 'Amortisation of long-term prepaid expenses'), amount: yen(1_133_992) },
    { label: text('繰延資産償却', 'Amortisation of deferred assets'), amount: yen(6_570_904) },
    { label: text('長期前払費用償却（外）', 'Amortisation of long-term prepaid expenses (other)'), amount: yen(331_191) },
  ],
};

describe('computeDebtRepaymentYears', () => {
  it('reproduces REFERENCE §10.2 exactly: 運転資金 −2,055,626; CF 36,506,840; 1.6586… years', () => {
    const r = computeDebtRepaymentYears(abc, { numerator: 'b', cashFlow: 'c' });
    expect(r.normalWorkingCapital).toBe(-2_055_626); // 7,622,661 + 4,573,015 − 14,251,302
    expect(r.debtToRepay).toBe(60_550_848); // 58,495,222 + 2,055,626
    expect(r.cashFlow).toBe(36_506_840); // 15,804,912 + 12,665,841 + 1,133,992 + 6,570,904 + 331,191
    expect(r.computable).toBe(true);
    if (!r.computable) return;
    expect(r.value).toBe(60_550_848 / 36_506_840);
    expect(r.value.toFixed(4)).toBe('1.6586');
    expect(r.variant).toEqual({ numerator: 'b', cashFlow: 'c' });
    expect(r.variantName.ja).toContain('(b)/(c)');
    const codes = r.steps.map((s) => s.code);
    expect(codes).toContain('NORMAL_WORKING_CAPITAL');
    expect(codes.filter((c) => c === 'ADDITIONAL_AMORTISATION')).toHaveLength(3);
    expect(r.steps.at(-1)?.code).toBe('DEBT_REPAYMENT_YEARS');
  });

  it('can floor negative working capital at 0 when chosen', () => {
    const r = computeDebtRepaymentYears(abc, {
      numerator: 'b',
      cashFlow: 'c',
      workingCapital: { floorAtZero: true },
    });
    expect(r.normalWorkingCapital).toBe(0);
    expect(r.debtToRepay).toBe(58_495_222);
    expect(r.steps.map((s) => s.code)).toContain('NORMAL_WORKING_CAPITAL_FLOORED');
  });

  // Hand-computed on the §10.4-style sample (yen): IBD 60,000,000; NWC 12,000,000 + 8,000,000 − 9,000,000 =
  // 11,000,000; cash 15,000,000; ordinary 3,500,000; operating 4,000,000; net 2,450,000; tax 1,050,000; dep 3,000,000.
  const sample = debtRepaymentInputFromStatement(sampleCurrentYear());
  it.each([
    ['a', 'a', 60_000_000, 5_450_000], // CF: 3,500,000 + 3,000,000 − 1,050,000
    ['b', 'b', 49_000_000, 7_000_000], // 60,000,000 − 11,000,000; CF: 4,000,000 + 3,000,000
    ['c', 'c', 34_000_000, 5_450_000], // 60,000,000 − 11,000,000 − 15,000,000; CF: 2,450,000 + 3,000,000
  ] as const)('variant (%s)/(%s): %d ÷ %d', (numerator, cashFlow, debt, cf) => {
    const r = computeDebtRepaymentYears(sample, { numerator, cashFlow });
    expect(r.debtToRepay).toBe(debt);
    expect(r.cashFlow).toBe(cf);
    expect(r.computable && r.value).toBe(debt / cf);
  });

  it('variant (c) can keep a retained cash balance out of the deduction', () => {
    const r = computeDebtRepaymentYears(sample, { numerator: 'c', cashFlow: 'b', retainedCash: yen(5_000_000) });
    expect(r.debtToRepay).toBe(39_000_000); // 60,000,000 − 11,000,000 − (15,000,000 − 5,000,000)
  });

  it('variant (d) uses operating + investing cash flow, and says when the CF statement is missing', () => {
    const missing = computeDebtRepaymentYears(sample, { numerator: 'a', cashFlow: 'd' });
    expect(missing).toMatchObject({ computable: false, reason: 'CASH_FLOW_STATEMENT_MISSING', cashFlow: null });
    const withCf = computeDebtRepaymentYears(
      { ...sample, operatingCashFlow: yen(8_000_000), investingCashFlow: yen(-2_000_000) },
      { numerator: 'a', cashFlow: 'd' },
    );
    expect(withCf.computable && withCf.value).toBe(10); // 60,000,000 ÷ 6,000,000
  });

  it('CF ≤ 0 is not computable (算出不能), never zero or negative years', () => {
    for (const netIncome of [-3_000_000, -3_000_001]) {
      const r = computeDebtRepaymentYears({ ...sample, netIncome: yen(netIncome) }, { numerator: 'a', cashFlow: 'c' });
      expect(r).toMatchObject({ computable: false, reason: 'NON_POSITIVE_CASH_FLOW' });
      expect(r.steps.at(-1)?.code).toBe('DEBT_REPAYMENT_YEARS_NOT_COMPUTABLE');
      expect('value' in r).toBe(false);
    }
  });

  it('net cash (debt to repay ≤ 0) gives 0 years with an explanation', () => {
    const r = computeDebtRepaymentYears({ ...sample, cashAndDeposits: yen(80_000_000) }, { numerator: 'c', cashFlow: 'b' });
    expect(r.computable && r.value).toBe(0);
    expect(r.steps.at(-1)?.code).toBe('NO_DEBT_TO_REPAY');
  });

  it('describes variants in both languages', () => {
    expect(describeDebtRepaymentVariant({ numerator: 'c', cashFlow: 'a' }).ja).toBe(
      '方式 (c)/(a)：（有利子負債 − 正常運転資金 − 現預金）÷（経常利益 + 減価償却費 − 法人税等）',
    );
  });

  it('property: never NaN/Infinity, never negative; positive CF ⇔ computable', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 10 }),
        fc.integer({ min: -(10 ** 9), max: 10 ** 9 }),
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.constantFrom('a' as const, 'b' as const, 'c' as const),
        fc.constantFrom('a' as const, 'b' as const, 'c' as const),
        (debt, netIncome, dep, numerator, cashFlow) => {
          const r = computeDebtRepaymentYears(
            { ...sample, interestBearingDebt: yen(debt), netIncome: yen(netIncome), depreciation: yen(dep) },
            { numerator, cashFlow },
          );
          if (r.computable) {
            expect(Number.isFinite(r.value)).toBe(true);
            expect(r.value).toBeGreaterThanOrEqual(0);
            expect(r.cashFlow).toBeGreaterThan(0);
          } else {
            expect(r.cashFlow ?? 0).toBeLessThanOrEqual(0);
          }
          for (const s of r.steps) expect(s.value === null || Number.isFinite(s.value)).toBe(true);
        },
      ),
    );
  });
});
