import { describe, expect, it } from 'vitest';
import { yen } from '@kasseika/domain';
import { sampleCurrentYear, samplePriorYear } from '../test-support/sample-statements';
import { computeLocabenIndicators } from './locaben-indicators';

const value = (x: { computable: boolean; value?: number }) => (x.computable ? (x.value ?? null) : null);

describe('computeLocabenIndicators (REFERENCE §6.5 definitions)', () => {
  const ind = computeLocabenIndicators({ current: sampleCurrentYear(), prior: samplePriorYear() });

  it('gives each indicator in the threshold table’s unit, unrounded', () => {
    expect(value(ind.salesGrowth)).toBeCloseTo(5, 12); // (105,000,000 ÷ 100,000,000 − 1) × 100
    expect(value(ind.operatingMargin)).toBe((4_000_000 / 105_000_000) * 100);
    expect(value(ind.laborProductivity)).toBe(200); // 4,000,000 ÷ 20 ÷ 1,000 千円/人
    expect(value(ind.ebitdaDebtMultiple)).toBe(45_000_000 / 7_000_000);
    expect(value(ind.workingCapitalTurnoverMonths)).toBe(11_000_000 / (105_000_000 / 12));
    expect(value(ind.equityRatio)).toBe(25);
    expect([ind.salesGrowth.unit, ind.laborProductivity.unit, ind.ebitdaDebtMultiple.unit, ind.workingCapitalTurnoverMonths.unit]).toEqual([
      'percent',
      'thousandYenPerEmployee',
      'times',
      'months',
    ]);
    expect(ind.laborProductivity.label.ja).toBe('③ 労働生産性（生産性）');
    expect(ind.ebitdaDebtMultiple.steps.map((s) => s.code)).toEqual([
      'BORROWINGS',
      'CASH_AND_DEPOSITS',
      'OPERATING_PROFIT',
      'DEPRECIATION',
      'EBITDA',
      'EBITDA_DEBT_MULTIPLE',
    ]);
  });

  it('adds depreciation in cost of sales and follows the borrowings definition', () => {
    const cur = sampleCurrentYear();
    const withCogsDep = {
      ...cur,
      incomeStatement: { ...cur.incomeStatement, depreciationInCostOfSales: yen(1_000_000) },
      balanceSheet: {
        ...cur.balanceSheet,
        officerLoans: yen(5_000_000),
        otherFixedLiabilities: yen(0),
        otherCurrentLiabilities: yen(1_000_000),
      },
    };
    const a = computeLocabenIndicators({ current: withCogsDep });
    expect(value(a.ebitdaDebtMultiple)).toBe(45_000_000 / 8_000_000);
    const b = computeLocabenIndicators({ current: withCogsDep }, { borrowings: { includeOfficerLoans: true } });
    expect(value(b.ebitdaDebtMultiple)).toBe(50_000_000 / 8_000_000);
  });

  it('a net-cash company has a negative multiple (scored as is)', () => {
    const cur = sampleCurrentYear();
    const rich = { ...cur, balanceSheet: { ...cur.balanceSheet, cashAndDeposits: yen(75_000_000), capitalStock: yen(70_000_000) } };
    expect(value(computeLocabenIndicators({ current: rich }).ebitdaDebtMultiple)).toBe(-15_000_000 / 7_000_000);
  });
});
