import { describe, expect, it } from 'vitest';
import { sampleProjectionInput } from '../test-support/sample-projection';
import { analyseSensitivity, extractKeyOutputs } from './sensitivity';
import { buildProjection } from './build-projection';

describe('sensitivity', () => {
  const input = sampleProjectionInput();
  it('sales ±10 %: final-year sales and ordinary profit move by hand-checkable amounts', () => {
    const r = analyseSensitivity(input, { variable: 'salesLevel', deltas: [-0.1, 0.1] });
    const base = extractKeyOutputs(buildProjection(input));
    expect(r.baseline).toEqual(base);
    // 105,000,000 → 108,150,000 → 111,394,500 → 114,736,335 → 118,178,425 → 121,723,778 (×1.03, rounded yearly);
    // ±10 % → ±12,172,378 (12,172,377.8 rounded half up)
    expect(base.finalYearNetSales).toBe(121_723_778);
    expect(r.cases[0]?.differences.finalYearNetSales).toBe(-12_172_378);
    expect(r.cases[1]?.differences.finalYearNetSales).toBe(12_172_378);
    // Ordinary profit moves by the gross margin (34 %) on the sales change: ≈ 4,138,608.5 (±1 from rounding)
    expect(r.cases[1]?.differences.finalYearOrdinaryProfit).toBeCloseTo(12_172_378 * 0.34, -1);
    expect(r.cases.every((c) => c.allChecksPassed)).toBe(true);
    expect(r.steps.filter((s) => s.code === 'SENSITIVITY_EFFECT')).toHaveLength(4);
  });
  it('supports the other drivers and reports null differences when not computable', () => {
    for (const variable of ['salesGrowth', 'costOfSalesRatio', 'personnelCosts', 'otherFixedSga'] as const) {
      const r = analyseSensitivity(input, { variable, deltas: [0.01] });
      expect(r.cases[0]?.allChecksPassed).toBe(true);
    }
    const r = analyseSensitivity(input, { variable: 'costOfSalesRatio', deltas: [0.3] });
    expect(r.cases[0]?.outputs.finalYearDebtRepaymentYears).toBeNull();
    expect(r.cases[0]?.differences.finalYearDebtRepaymentYears).toBeNull();
  });
});
