import { describe, expect, it } from 'vitest';
import { yen } from '@kasseika/domain';
import { sampleProjectionInput } from '../test-support/sample-projection';
import { addDecimals, applyScenario, runScenarios } from './scenarios';

describe('scenarios', () => {
  const input = sampleProjectionInput();
  it('adds decimals without floating noise', () => {
    expect(addDecimals(0.03, -0.02)).toBe(0.01);
    expect(0.03 - 0.02).not.toBe(0.01);
  });
  it('applies overrides to scalar and yearly drivers', () => {
    const d = applyScenario(
      { ...input.drivers, salesGrowth: [0.03, 0.05], otherFixedSga: [yen(1_000), yen(2_001)] },
      { salesGrowthDelta: -0.02, costOfSalesRatioDelta: 0.01, personnelCostsRate: 0.05, otherFixedSgaRate: -0.5, salesLevelDelta: -0.1 },
    );
    expect(d.salesGrowth).toEqual([0.01, 0.03]);
    expect(d.costOfSalesRatio).toBe(0.67);
    expect(d.personnelCosts).toBe(15_750_000);
    expect(d.otherFixedSga).toEqual([500, 1_000]); // 2,001 − 1,000.5 rounded half up = 1,000
    expect(d.salesAdjustment).toBe(-0.1);
    expect(applyScenario(input.drivers, { drivers: { taxRate: 0.25 } }).taxRate).toBe(0.25);
  });
  it('runs base and downside; downside has lower profit and every check still passes', () => {
    const [base, down] = runScenarios(input, [
      { id: 'base', name: { ja: '基本シナリオ', en: 'Base case' }, overrides: {} },
      { id: 'down', name: { ja: '悲観シナリオ', en: 'Downside case' }, overrides: { salesLevelDelta: -0.1, costOfSalesRatioDelta: 0.02 } },
    ]);
    expect(base?.projection.allChecksPassed).toBe(true);
    expect(down?.projection.allChecksPassed).toBe(true);
    const y1b = base?.projection.years[0]?.statement.incomeStatement;
    const y1d = down?.projection.years[0]?.statement.incomeStatement;
    expect(y1d?.netSales).toBe(97_335_000); // 108,150,000 × 0.9
    expect((y1d?.ordinaryProfit ?? 0) < (y1b?.ordinaryProfit ?? 0)).toBe(true);
    expect(down?.steps.map((s) => s.code)).toEqual(['SCENARIO', 'SALES_LEVEL_DELTA', 'COST_OF_SALES_RATIO_DELTA']);
  });
});
