import { describe, expect, it } from 'vitest';
import { yen } from '@kasseika/domain';
import thresholdsJson from '../../../../data/finance/locaben-thresholds.v2026-04-11.json';
import { sampleCurrentYear, samplePriorYear } from '../test-support/sample-statements';
import { computeLocabenIndicators } from './locaben-indicators';
import { scoreLocaben, scoreLocabenValue } from './locaben-score';
import { parseLocabenThresholdTable, type LocabenBandMapping } from './locaben-thresholds';

const parsed = parseLocabenThresholdTable(thresholdsJson).table;
if (!parsed) throw new Error('threshold data did not parse');
const table = parsed;
const mapping = table.bandMapping;

describe('REFERENCE §10.4 ロカベン scoring check', () => {
  // Company of §10.4 in yen (the vector is in 千円): see test-support/sample-statements.ts.
  const indicators = computeLocabenIndicators({ current: sampleCurrentYear(), prior: samplePriorYear() });
  const v = (x: { computable: boolean; value?: number }) => (x.computable ? x.value : null);

  it('computes the six indicators: 5.00 %, 3.81 %, 200 千円/人, 6.43×, 1.257 months, 25.0 %', () => {
    expect(v(indicators.salesGrowth)).toBeCloseTo(5, 10); // (105,000 ÷ 100,000 − 1) × 100
    expect(v(indicators.operatingMargin)).toBeCloseTo(3.8095238, 6); // 4,000 ÷ 105,000 × 100
    expect(v(indicators.laborProductivity)).toBe(200); // 4,000,000 ÷ 20 ÷ 1,000
    expect(v(indicators.ebitdaDebtMultiple)).toBeCloseTo(45 / 7, 12); // (60,000 − 15,000) ÷ (4,000 + 3,000) = 6.43
    expect(v(indicators.workingCapitalTurnoverMonths)).toBeCloseTo(11_000 / 8_750, 12); // 11,000 ÷ (105,000 ÷ 12) = 1.257
    expect(v(indicators.equityRatio)).toBe(25); // 25,000 ÷ 100,000 × 100
    expect(indicators.laborProductivity.unit).toBe('thousandYenPerEmployee');
  });

  it('scores 3, 3, 2, 3, 3, 3 = 17 points against 0201_建設業 / 中規模 (grade C under the unverified cut-offs)', () => {
    const r = scoreLocaben(indicators, table, '0201', 'medium');
    expect(r?.scores.map((s) => s.score)).toEqual([3, 3, 2, 3, 3, 3]);
    expect(r?.scores.map((s) => s.band)).toEqual(['C', 'C', 'D', 'C', 'C', 'C']);
    expect(r?.total).toBe(17);
    expect(r?.maxTotal).toBe(30);
    expect(r?.grade).toBe('C');
    expect(r?.verified).toBe(false);
    expect(r?.steps.at(-1)?.label.ja).toContain('未検証');
    expect(r?.steps.find((s) => s.code === 'LOCABEN_TOTAL_SCORE')?.value).toBe(17);
  });

  it('can omit the grade or use other cut-offs', () => {
    expect(scoreLocaben(indicators, table, '0201', 'medium', { gradeCutoffs: null })?.grade).toBeNull();
    const custom = {
      verified: true,
      source: 'test',
      grades: [
        { grade: 'X', minTotal: 17 },
        { grade: 'Y', minTotal: 0 },
      ],
    };
    expect(scoreLocaben(indicators, table, '0201', 'medium', { gradeCutoffs: custom })?.grade).toBe('X');
  });

  it('returns undefined for an unknown industry', () => {
    expect(scoreLocaben(indicators, table, '9999', 'medium')).toBeUndefined();
  });
});

describe('scoreLocabenValue band mapping', () => {
  const up = { median: 0, d: -10, c: 0, b: 10, a: 20 };
  const down = { median: 0, d: 20, c: 10, b: 0, a: -10 };
  it.each([
    [25, 'A', 5],
    [20, 'A', 5],
    [19.99, 'B', 4],
    [10, 'B', 4],
    [0, 'C', 3],
    [-10, 'D', 2],
    [-10.01, 'belowD', 1],
  ] as const)('higher is better: %d → %s (%d)', (value, band, score) => {
    expect(scoreLocabenValue(value, up, 'higherIsBetter', mapping)).toEqual({ band, score });
  });
  it.each([
    [-11, 'A', 5],
    [-10, 'A', 5],
    [0, 'B', 4],
    [10, 'C', 3],
    [20, 'D', 2],
    [20.5, 'belowD', 1],
  ] as const)('lower is better: %d → %s (%d)', (value, band, score) => {
    expect(scoreLocabenValue(value, down, 'lowerIsBetter', mapping)).toEqual({ band, score });
  });
  it('puts boundary values in the worse band with the exclusive variant', () => {
    const exclusive: LocabenBandMapping = { ...mapping, boundary: 'exclusiveToBetterBand' };
    expect(scoreLocabenValue(20, up, 'higherIsBetter', exclusive)).toEqual({ band: 'B', score: 4 });
    expect(scoreLocabenValue(-10, down, 'lowerIsBetter', exclusive)).toEqual({ band: 'B', score: 4 });
  });
  it('gives the configured score to a not-computable indicator', () => {
    expect(scoreLocabenValue(null, up, 'higherIsBetter', mapping)).toEqual({ band: 'notComputable', score: 0 });
  });
});

describe('not-computable indicators', () => {
  it('are explicit and score 0', () => {
    const cur = sampleCurrentYear();
    const broke = {
      ...cur,
      employees: 0,
      incomeStatement: { ...cur.incomeStatement, netSales: yen(0), operatingProfit: yen(-5_000_000) },
    };
    const ind = computeLocabenIndicators({ current: broke });
    expect(ind.salesGrowth).toMatchObject({ computable: false, reason: 'PRIOR_YEAR_MISSING' });
    expect(ind.operatingMargin).toMatchObject({ computable: false, reason: 'NON_POSITIVE_SALES' });
    expect(ind.laborProductivity).toMatchObject({ computable: false, reason: 'NO_EMPLOYEES' });
    expect(ind.ebitdaDebtMultiple).toMatchObject({ computable: false, reason: 'NON_POSITIVE_EBITDA' });
    expect(ind.workingCapitalTurnoverMonths).toMatchObject({ computable: false, reason: 'NON_POSITIVE_SALES' });
    const prior = { ...samplePriorYear(), incomeStatement: { ...samplePriorYear().incomeStatement, netSales: yen(0) } };
    expect(computeLocabenIndicators({ current: cur, prior }).salesGrowth).toMatchObject({
      reason: 'NON_POSITIVE_PRIOR_SALES',
    });
    const r = scoreLocaben(ind, table, '0201', 'small');
    expect(r?.scores.filter((s) => s.band === 'notComputable').map((s) => s.score)).toEqual([0, 0, 0, 0, 0]);
    for (const s of r?.steps ?? []) expect(s.value === null || Number.isFinite(s.value)).toBe(true);
  });
  it('treats total assets ≤ 0 as not computable for the equity ratio', () => {
    const cur = sampleCurrentYear();
    const empty = {
      ...cur,
      balanceSheet: { ...cur.balanceSheet, ...Object.fromEntries(Object.keys(cur.balanceSheet).map((k) => [k, yen(0)])) },
    };
    expect(computeLocabenIndicators({ current: empty }).equityRatio).toMatchObject({
      computable: false,
      reason: 'NON_POSITIVE_TOTAL_ASSETS',
    });
  });
});
