import { describe, expect, it } from 'vitest';
import { yen, type Yen } from '@kasseika/domain';
import { sampleProjectionInput } from '../test-support/sample-projection';
import { planYearMonths, validateProjectionInput, valueForYear, type ProjectionInput } from './projection-input';

const codes = (input: ProjectionInput) => validateProjectionInput(input).map((i) => i.code);

describe('valueForYear / planYearMonths', () => {
  it('reads scalars and arrays', () => {
    expect(valueForYear(0.03, 7)).toBe(0.03);
    expect(valueForYear([1, 2, 3], 2)).toBe(2);
    expect(() => valueForYear([] as number[], 1)).toThrow(RangeError);
  });
  it('gives the months of a plan year', () => {
    expect(planYearMonths('2026-03', 1)).toEqual({ first: '2026-04', last: '2027-03' });
    expect(planYearMonths('2026-12', 3)).toEqual({ first: '2029-01', last: '2029-12' });
  });
});

describe('validateProjectionInput', () => {
  const input = sampleProjectionInput();
  it('rejects a horizon above 10 years (and 0 or fractions)', () => {
    for (const h of [11, 0, 2.5]) {
      const issues = validateProjectionInput({ ...input, drivers: { ...input.drivers, horizonYears: h } });
      expect(issues.map((i) => i.code)).toContain('HORIZON_OUT_OF_RANGE');
    }
    const msg = validateProjectionInput({ ...input, drivers: { ...input.drivers, horizonYears: 11 } })[0]?.message;
    expect(msg?.ja).toContain('1〜10年');
  });
  it('checks yearly lengths, ranges and yen', () => {
    expect(
      codes({
        ...input,
        drivers: {
          ...input.drivers,
          salesGrowth: [0.01, 0.02],
          taxRate: 1.2,
          personnelCosts: 1.5 as Yen,
          otherFixedSga: [yen(1), yen(1), yen(1), yen(1), yen(-1)],
          costOfSalesRatio: Number.NaN,
        },
      }),
    ).toEqual(['YEARLY_LENGTH_MISMATCH', 'VALUE_OUT_OF_RANGE', 'VALUE_OUT_OF_RANGE', 'NOT_INTEGER_YEN', 'NEGATIVE_AMOUNT']);
  });
  it('checks capex, depreciation and loss carry-forward', () => {
    expect(
      codes({
        ...input,
        drivers: {
          ...input.drivers,
          capex: [
            { planYear: 6, assetClass: 'buildings', amount: yen(1), usefulLifeYears: 10 },
            { planYear: 1, assetClass: 'otherTangible', amount: yen(-1) },
          ],
          existingDepreciation: {
            buildings: { kind: 'straightLine', remainingLifeYears: 0 },
            intangible: { kind: 'amounts', amounts: [0.5 as Yen] },
          },
          lossCarryForward: { openingBalance: yen(1), deductionLimitRatio: 2 },
        },
      }),
    ).toEqual([
      'VALUE_OUT_OF_RANGE',
      'INVALID_USEFUL_LIFE',
      'NOT_INTEGER_YEN',
      'PLAN_YEAR_OUT_OF_RANGE',
      'NEGATIVE_AMOUNT',
      'INVALID_USEFUL_LIFE',
    ]);
  });
  it('checks loans against the base balance sheet and the plan period', () => {
    const loans = input.drivers.loans ?? [];
    const [st, lt] = loans;
    if (!st || !lt) throw new Error('fixture');
    const issues = validateProjectionInput({
      ...input,
      drivers: {
        ...input.drivers,
        loans: [
          { ...st, schedule: { ...st.schedule, firstPaymentMonth: '2026-01' } },
          { ...lt, schedule: { ...lt.schedule, principal: yen(45_000_000) } },
          { ...lt, id: 'ST1' },
          { id: 'N', line: 'bonds', drawdownMonth: '2040-01', schedule: lt.schedule },
          { id: 'M', line: 'bonds', drawdownMonth: '2027-01', schedule: { ...lt.schedule, firstPaymentMonth: '2026-12' } },
        ],
      },
    });
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ['LOAN_SCHEDULE_STARTS_BEFORE_PLAN', 'error'],
      ['DUPLICATE_LOAN_ID', 'error'],
      ['DRAWDOWN_OUTSIDE_PLAN', 'error'],
      ['FIRST_PAYMENT_BEFORE_DRAWDOWN', 'error'],
      ['LOANS_EXCEED_BALANCE_SHEET', 'error'], // 45M + 50M on long-term vs 50M
    ]);
    const fewer = validateProjectionInput({
      ...input,
      drivers: {
        ...input.drivers,
        loans: [{ ...lt, schedule: { ...lt.schedule, principal: yen(45_000_000), firstPaymentMonth: '2026-06' } }],
      },
    });
    expect(fewer.map((i) => [i.code, i.severity, i.params?.difference])).toEqual([
      ['LOAN_SCHEDULE_STARTS_AFTER_PLAN_START', 'warning', undefined],
      ['LOANS_DO_NOT_MATCH_BALANCE_SHEET', 'warning', 5_000_000],
    ]);
  });
  it('passes the base statement issues through with a base prefix', () => {
    const bad = { ...input, base: { ...input.base, employees: -1 } };
    expect(validateProjectionInput(bad)[0]?.path).toEqual(['base', 'employees']);
  });
});
