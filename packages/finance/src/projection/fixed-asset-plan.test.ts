import { describe, expect, it } from 'vitest';
import { yen } from '@kasseika/domain';
import { sampleProjectionInput } from '../test-support/sample-projection';
import { computeFixedAssetPlan, straightLineSchedule } from './fixed-asset-plan';

describe('fixed-asset plan', () => {
  it('straight-line puts the remainder in the final year', () => {
    expect(straightLineSchedule(yen(1_000_000), 3)).toEqual([333_333, 333_333, 333_334]);
  });
  it('depreciates existing assets and capex, never below zero, land never', () => {
    const { base, drivers } = sampleProjectionInput();
    const { years, steps } = computeFixedAssetPlan(base.balanceSheet, {
      ...drivers,
      horizonYears: 7,
      capex: [
        { planYear: 2, assetClass: 'otherTangible', amount: yen(3_000_000), usefulLifeYears: 3 },
        { planYear: 1, assetClass: 'land', amount: yen(5_000_000) },
      ],
      capexDepreciationStart: 'followingYear',
      existingDepreciation: {
        buildings: { kind: 'amounts', amounts: [yen(15_000_000), yen(15_000_000)] },
        otherTangible: { kind: 'straightLine', remainingLifeYears: 5 },
      },
    });
    expect(years.map((y) => y.byClass.buildings.depreciation)).toEqual([15_000_000, 5_000_000, 0, 0, 0, 0, 0]); // capped at book 20,000,000
    // other tangible: existing 2,000,000 × 5 years; capex 3,000,000 from year 3 for 3 years (1,000,000)
    expect(years.map((y) => y.byClass.otherTangible.depreciation)).toEqual([2e6, 2e6, 3e6, 3e6, 3e6, 0, 0]);
    expect(years[6]?.byClass.otherTangible.closing).toBe(0);
    expect(years.map((y) => y.byClass.land.closing)).toEqual(Array(7).fill(35_000_000));
    expect(years[0]?.capex).toBe(5_000_000);
    expect(steps.map((s) => s.code)).toContain('CAPEX_DEPRECIATION_START');
  });
});
