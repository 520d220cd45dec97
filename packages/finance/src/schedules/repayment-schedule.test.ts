import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { yen, type Yen } from '@kasseika/domain';
import { buildRepaymentSchedule, monthlyInterest, validateRepaymentScheduleInput, type RepaymentScheduleInput } from './repayment-schedule';

const base: RepaymentScheduleInput = {
  loanId: 'L1',
  creditorId: 'A',
  principal: yen(1_200_000),
  firstPaymentMonth: '2026-04',
  termMonths: 12,
  graceMonths: 0,
  annualRate: 0.012,
  interestConvention: 'monthlyRate',
  method: { kind: 'equalPrincipal' },
};

describe('monthlyInterest', () => {
  it('monthly rate: 10,000,000 × 1.5 % ÷ 12 = 12,500', () => {
    expect(monthlyInterest(yen(10_000_000), 0.015, 'monthlyRate', '2026-04')).toBe(12_500);
  });
  it('actual/365: 10,000,000 × 1.5 % × 31 ÷ 365 = 12,739.72… → 12,739; February 2028 (29 days) → 11,917', () => {
    expect(monthlyInterest(yen(10_000_000), 0.015, 'actual365', '2026-05')).toBe(12_739);
    expect(monthlyInterest(yen(10_000_000), 0.015, 'actual365', '2028-02')).toBe(11_917); // 11,917.8
    expect(monthlyInterest(yen(10_000_000), 0.015, 'actual365', '2028-02', 'roundHalfUp')).toBe(11_918);
  });
  it('is zero on a zero balance or rate', () => {
    expect(monthlyInterest(yen(0), 0.015, 'monthlyRate', '2026-04')).toBe(0);
    expect(monthlyInterest(yen(1_000), 0, 'actual365', '2026-04')).toBe(0);
  });
});

describe('buildRepaymentSchedule', () => {
  it('equal principal: 1,200,000 over 12 months at 1.2 % → 100,000 a month, interest 1,200 then falling by 100', () => {
    const s = buildRepaymentSchedule(base);
    expect(s.rows).toHaveLength(12);
    expect(s.rows[0]).toEqual({
      month: '2026-04',
      openingBalance: 1_200_000,
      interest: 1_200, // 1,200,000 × 0.012 ÷ 12
      principal: 100_000,
      payment: 101_200,
      closingBalance: 1_100_000,
      isGrace: false,
    });
    expect(s.rows[1]?.interest).toBe(1_100);
    expect(s.totalInterest).toBe(7_800); // 1,200 + 1,100 + … + 100 = 100 × (12 × 13 ÷ 2)
    expect(s.totalPrincipal).toBe(1_200_000);
    expect(s.endingBalance).toBe(0);
  });

  it('equal principal puts the rounding remainder in the final instalment: 1,000,000 ÷ 3 → 333,333 ×2 + 333,334', () => {
    const s = buildRepaymentSchedule({ ...base, principal: yen(1_000_000), termMonths: 3, annualRate: 0 });
    expect(s.rows.map((r) => r.principal)).toEqual([333_333, 333_333, 333_334]);
  });

  it('grace months (据置) pay interest only', () => {
    const s = buildRepaymentSchedule({ ...base, termMonths: 15, graceMonths: 3 });
    expect(s.rows.slice(0, 3).map((r) => [r.principal, r.interest, r.isGrace])).toEqual([
      [0, 1_200, true],
      [0, 1_200, true],
      [0, 1_200, true],
    ]);
    expect(s.rows[3]?.principal).toBe(100_000);
    expect(s.rows[3]?.month).toBe('2026-07');
    expect(s.totalInterest).toBe(3 * 1_200 + 7_800);
  });

  it('equal payment (元利均等): 1,200,000, 12 months, 1.2 % → level payment ⌈100,651.19⌉ = 100,652', () => {
    // r = 0.001; payment = 1,200,000 × 0.001 ÷ (1 − 1.001^−12) = 100,651.19…
    const s = buildRepaymentSchedule({ ...base, method: { kind: 'equalPayment' } });
    expect(s.rows.slice(0, 11).every((r) => r.payment === 100_652)).toBe(true);
    expect(s.rows[0]?.principal).toBe(99_452); // 100,652 − 1,200
    expect(s.endingBalance).toBe(0);
    expect(s.rows[11]?.payment).toBeLessThanOrEqual(100_652);
    expect(s.totalPrincipal).toBe(1_200_000);
  });

  it('equal payment at 0 % is principal ÷ n', () => {
    const s = buildRepaymentSchedule({ ...base, annualRate: 0, method: { kind: 'equalPayment', paymentRounding: 'floor' } });
    expect(s.rows.every((r) => r.payment === 100_000)).toBe(true);
  });

  it('fixed principal (pro-rata share) steps up and leaves the balance outstanding or pays a balloon', () => {
    const input: RepaymentScheduleInput = {
      ...base,
      principal: yen(10_000_000),
      termMonths: 24,
      method: {
        kind: 'fixedPrincipal',
        segments: [
          { fromMonth: '2026-04', monthlyPrincipal: yen(100_000) },
          { fromMonth: '2027-04', monthlyPrincipal: yen(150_000) },
        ],
        atEnd: 'outstanding',
      },
    };
    const s = buildRepaymentSchedule(input);
    expect(s.totalPrincipal).toBe(12 * 100_000 + 12 * 150_000);
    expect(s.endingBalance).toBe(10_000_000 - 3_000_000);
    const balloon = buildRepaymentSchedule({
      ...input,
      method: {
        kind: 'fixedPrincipal',
        segments: [
          { fromMonth: '2026-04', monthlyPrincipal: yen(100_000) },
          { fromMonth: '2027-04', monthlyPrincipal: yen(150_000) },
        ],
        atEnd: 'balloon',
      },
    });
    expect(balloon.rows.at(-1)?.principal).toBe(7_000_000 + 150_000);
    expect(balloon.endingBalance).toBe(0);
  });

  it('fixed principal stops when the balance is paid off', () => {
    const s = buildRepaymentSchedule({
      ...base,
      principal: yen(250_000),
      method: { kind: 'fixedPrincipal', segments: [{ fromMonth: '2026-04', monthlyPrincipal: yen(100_000) }], atEnd: 'outstanding' },
    });
    expect(s.rows.slice(0, 4).map((r) => r.principal)).toEqual([100_000, 100_000, 50_000, 0]);
    expect(s.endingBalance).toBe(0);
  });

  it('bullet repays at maturity, including when the whole term is grace', () => {
    const s = buildRepaymentSchedule({ ...base, method: { kind: 'bullet' } });
    expect(s.rows.slice(0, 11).every((r) => r.principal === 0)).toBe(true);
    expect(s.rows[11]?.principal).toBe(1_200_000);
    expect(s.totalInterest).toBe(12 * 1_200);
    const allGrace = buildRepaymentSchedule({ ...base, graceMonths: 12, method: { kind: 'bullet' } });
    expect(allGrace.endingBalance).toBe(0);
  });

  it('explains itself', () => {
    const s = buildRepaymentSchedule({ ...base, interestConvention: 'actual365' });
    const codes = s.steps.map((x) => x.code);
    expect(codes).toEqual(expect.arrayContaining(['SCHEDULE_METHOD', 'INTEREST_CONVENTION', 'MONTHLY_PRINCIPAL', 'TOTAL_INTEREST']));
    expect(s.steps.find((x) => x.code === 'INTEREST_CONVENTION')?.label.ja).toContain('日割');
  });

  it('property: Σ principal + ending balance = principal, nothing negative, balances chain', () => {
    const method = fc.oneof(
      fc.constant({ kind: 'equalPrincipal' } as const),
      fc.constantFrom('floor', 'ceil', 'roundHalfUp').map((r) => ({ kind: 'equalPayment', paymentRounding: r }) as const),
      fc.constant({ kind: 'bullet' } as const),
      fc
        .tuple(fc.integer({ min: 0, max: 5_000_000 }), fc.constantFrom('outstanding', 'balloon'))
        .map(([p, atEnd]) => ({ kind: 'fixedPrincipal', segments: [{ fromMonth: '2026-01', monthlyPrincipal: yen(p) }], atEnd }) as const),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 * 10 ** 9 }),
        fc.integer({ min: 1, max: 240 }),
        fc.nat(),
        fc.constantFrom(0, 0.005, 0.0125, 0.029, 0.08),
        fc.constantFrom('monthlyRate' as const, 'actual365' as const),
        method,
        (principal, term, g, rate, convention, m) => {
          const grace = g % term;
          const s = buildRepaymentSchedule({
            ...base,
            principal: yen(principal),
            termMonths: term,
            graceMonths: grace,
            annualRate: rate,
            interestConvention: convention,
            method: m,
          });
          expect(s.totalPrincipal + s.endingBalance).toBe(principal);
          if (m.kind !== 'fixedPrincipal' || m.atEnd === 'balloon') expect(s.endingBalance).toBe(0);
          let prev: number = principal;
          for (const r of s.rows) {
            expect(r.openingBalance).toBe(prev);
            expect(r.principal).toBeGreaterThanOrEqual(0);
            expect(r.interest).toBeGreaterThanOrEqual(0);
            expect(r.closingBalance).toBe(r.openingBalance - r.principal);
            expect(r.closingBalance).toBeGreaterThanOrEqual(0);
            prev = r.closingBalance;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('validateRepaymentScheduleInput', () => {
  it('accepts a valid input', () => {
    expect(validateRepaymentScheduleInput(base)).toEqual([]);
  });
  it('reports every problem', () => {
    const issues = validateRepaymentScheduleInput({
      ...base,
      principal: -1.5 as Yen,
      firstPaymentMonth: '2026-13',
      termMonths: 0,
      graceMonths: -1,
      annualRate: Number.NaN,
    });
    expect(issues.map((i) => i.code)).toEqual(['NOT_INTEGER_YEN', 'INVALID_MONTH', 'INVALID_TERM', 'INVALID_GRACE', 'INVALID_RATE']);
    expect(validateRepaymentScheduleInput({ ...base, principal: yen(-1) }).map((i) => i.code)).toEqual(['NEGATIVE_PRINCIPAL']);
    expect(validateRepaymentScheduleInput({ ...base, graceMonths: 12 }).map((i) => i.code)).toEqual(['GRACE_NOT_SHORTER_THAN_TERM']);
    expect(validateRepaymentScheduleInput({ ...base, graceMonths: 12, method: { kind: 'bullet' } })).toEqual([]);
    expect(validateRepaymentScheduleInput({ ...base, annualRate: 1.5 }).map((i) => [i.code, i.severity])).toEqual([
      ['RATE_UNUSUALLY_HIGH', 'warning'],
    ]);
    const seg = validateRepaymentScheduleInput({
      ...base,
      method: {
        kind: 'fixedPrincipal',
        atEnd: 'outstanding',
        segments: [
          { fromMonth: '2027-01', monthlyPrincipal: yen(1) },
          { fromMonth: '2026-01', monthlyPrincipal: yen(-1) },
          { fromMonth: 'x', monthlyPrincipal: yen(1) },
        ],
      },
    });
    expect(seg.map((i) => i.code)).toEqual(['SEGMENTS_NOT_IN_ORDER', 'NEGATIVE_PRINCIPAL', 'INVALID_MONTH']);
  });
});
