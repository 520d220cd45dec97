import { describe, expect, it } from 'vitest';
import { sampleProjectionInput } from '../test-support/sample-projection';
import { buildProjection } from './build-projection';
import { describeProjection } from './projection-steps';

describe('projection steps', () => {
  const p = buildProjection(sampleProjectionInput());
  it('explain every plan year in both languages with finite values', () => {
    for (const y of p.years) {
      expect(y.steps[1]?.label.ja).toBe(`計画${y.planYear}年度 売上高`);
      expect(y.steps.at(-1)?.code).toBe('DEBT_REPAYMENT_YEARS');
      for (const s of y.steps) {
        expect(s.label.ja.length * s.label.en.length).toBeGreaterThan(0);
        expect(s.value === null || Number.isFinite(s.value)).toBe(true);
      }
    }
  });
  it('explain the plan, including debt without a schedule and failed checks', () => {
    const input = sampleProjectionInput();
    const steps = describeProjection({
      base: input.base,
      drivers: input.drivers,
      assetSteps: [],
      unscheduled: [{ line: 'bonds', amount: p.base.balanceSheet.bonds }],
      failedChecks: 2,
    });
    expect(steps.map((s) => s.code)).toEqual([
      'PROJECTION_HORIZON',
      'BASE_YEAR',
      'TAX_POLICY',
      'NO_DIVIDENDS',
      'CONSTANT_ITEMS',
      'UNSCHEDULED_DEBT',
      'CHECKS_FAILED',
    ]);
  });
});
