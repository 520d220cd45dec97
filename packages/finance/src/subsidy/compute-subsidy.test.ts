import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { yen, type Yen } from '@kasseika/domain';
import rulesJson from '../../../../data/subsidy/subsidy-rules.v2026-11-24.json';
import { parseSubsidyRuleSets, type SubsidyRuleSet } from './subsidy-rules';
import { computeSubsidy, validateSubsidyInput, type SubsidyCostLine } from './compute-subsidy';

const ruleSets = parseSubsidyRuleSets(rulesJson).ruleSets ?? [];
const rule = (id: string): SubsidyRuleSet => {
  const r = ruleSets.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
};
const line = (id: string, category: string, amount: number, workDate = '2026-05-01'): SubsidyCostLine => ({
  id,
  category,
  amount: yen(amount),
  workDate,
});

describe('REFERENCE §10.3 subsidy arithmetic', () => {
  it('405 通常枠: plan 3,300,000 → 2,200,000 → capped 2,000,000; monitoring 1,200,000 → 800,000; monitoring ≤ 1/2 of 4,500,000 ✔', () => {
    const r = computeSubsidy({
      ruleSet: rule('405-standard-2024'),
      acceptanceDate: '2026-04-01',
      costLines: [line('P', 'planFormulation', 3_300_000), line('M', 'monitoring', 1_200_000, '2027-06-30')],
    });
    const plan = r.categories.find((c) => c.code === 'planFormulation');
    expect(plan).toMatchObject({ eligibleCost: 3_300_000, rateAmount: 2_200_000, cap: 2_000_000, subsidy: 2_000_000, capped: true });
    expect(r.categories.find((c) => c.code === 'monitoring')).toMatchObject({ rateAmount: 800_000, subsidy: 800_000, capped: false });
    expect(r.checks).toEqual([
      expect.objectContaining({ code: 'MONITORING_AT_MOST_SHARE', passed: true, value: 1_200_000, limit: 2_250_000 }),
    ]);
    expect(r.subsidy).toBe(2_800_000);
    expect(r.smeShareOfEligibleCost).toBe(1_700_000); // 4,500,000 − 2,800,000
    expect(r.smePays).toBe(1_700_000);
    expect(r.steps.map((s) => s.code)).toContain('SIZE_CLASS_CAP_NOT_APPLIED');
  });

  it('早期 (Vアップ): plan 225,000 → 150,000 (= cap); two monitoring rounds 75,000 → 50,000 each; total 250,000', () => {
    const r = computeSubsidy({
      ruleSet: rule('early-2024'),
      acceptanceDate: '2026-04-01',
      costLines: [
        line('P', 'planFormulation', 225_000),
        line('M1', 'monitoringInterim', 75_000, '2026-10-15'),
        line('M2', 'monitoringYearEnd', 75_000, '2027-05-20'),
      ],
    });
    expect(r.categories.map((c) => c.subsidy)).toEqual([150_000, 50_000, 50_000, 0]);
    expect(r.categories[0]?.capped).toBe(false); // exactly at the cap
    expect(r.subsidy).toBe(250_000);
    expect(r.smePays).toBe(125_000); // 375,000 − 250,000
  });
});

describe('rules around the arithmetic', () => {
  it('excludes work before the acceptance date and unknown categories, listing the reasons', () => {
    const r = computeSubsidy({
      ruleSet: rule('405-standard-2024'),
      acceptanceDate: '2026-04-01',
      costLines: [
        line('A', 'planFormulation', 900_000, '2026-03-31'),
        line('B', 'planFormulation', 1_500_000, '2026-04-01'),
        line('C', 'travel', 30_000),
      ],
    });
    expect(r.excludedLines.map((e) => [e.lineId, e.reason, e.amount])).toEqual([
      ['A', 'BEFORE_ACCEPTANCE', 900_000],
      ['C', 'CATEGORY_NOT_IN_RULE_SET', 30_000],
    ]);
    expect(r.eligibleCost).toBe(1_500_000); // the acceptance day itself counts
    expect(r.subsidy).toBe(1_000_000);
    expect(r.totalCost).toBe(2_430_000);
    expect(r.excludedCost).toBe(930_000);
    expect(r.smePays).toBe(1_430_000);
    expect(r.excludedLines[0]?.message.ja).toContain('受理日 2026-04-01 より前');
  });

  it('floors 2/3 to the yen by default and follows a configured rounding', () => {
    const lines = [line('P', 'planFormulation', 100)];
    expect(computeSubsidy({ ruleSet: rule('405-standard-2024'), acceptanceDate: '2026-04-01', costLines: lines }).subsidy).toBe(66);
    const halfUp = { ...rule('405-standard-2024'), rounding: { mode: 'roundHalfUp' as const, verified: false } };
    expect(computeSubsidy({ ruleSet: halfUp, acceptanceDate: '2026-04-01', costLines: lines }).subsidy).toBe(67);
  });

  it('flags monitoring above half, or excludes the excess when the data says so', () => {
    const lines = [line('P', 'planFormulation', 1_000_000), line('M', 'monitoring', 1_300_000)];
    const flag = computeSubsidy({ ruleSet: rule('405-standard-2024'), acceptanceDate: '2026-04-01', costLines: lines });
    expect(flag.checks[0]).toMatchObject({ passed: false, value: 1_300_000, limit: 1_150_000 });
    expect(flag.subsidy).toBe(666_666 + 866_666);
    const base = rule('405-standard-2024');
    const limit = {
      ...base,
      monitoringShareRule: base.monitoringShareRule ? { ...base.monitoringShareRule, enforcement: 'limitEligibleCost' as const } : null,
    };
    const limited = computeSubsidy({ ruleSet: limit, acceptanceDate: '2026-04-01', costLines: lines });
    // m ≤ (p + m) ÷ 2 ⇔ m ≤ p → monitoring limited to 1,000,000; 300,000 excluded
    expect(limited.excludedLines).toEqual([expect.objectContaining({ reason: 'MONITORING_ABOVE_SHARE', amount: 300_000 })]);
    expect(limited.categories.find((c) => c.code === 'monitoring')?.eligibleCost).toBe(1_000_000);
  });

  it('applies the track total cap and the (unverified) size-class cap', () => {
    const lines = [line('P', 'planFormulation', 3_000_000), line('M', 'monitoring', 1_500_000), line('N', 'bankNegotiation', 150_000)];
    const none = computeSubsidy({ ruleSet: rule('405-standard-2024'), acceptanceDate: '2026-04-01', costLines: lines });
    expect(none.subsidy).toBe(3_100_000); // 2,000,000 + 1,000,000 + 100,000 = the track cap
    const mid = computeSubsidy({
      ruleSet: rule('405-standard-2024'),
      acceptanceDate: '2026-04-01',
      costLines: lines,
      sizeClass: 'midTier',
    });
    expect(mid.checks.map((c) => [c.code, c.passed])).toEqual([
      ['MONITORING_AT_MOST_SHARE', true],
      ['SIZE_CLASS_MONITORING_COST_CAP', true],
      ['SIZE_CLASS_TOTAL_COST_CAP', false], // 4,650,000 > 4,500,000
    ]);
    expect(mid.subsidy).toBe(3_000_000);
    expect(mid.sizeClassCapReduction).toBe(100_000);
    const small = computeSubsidy({
      ruleSet: rule('405-standard-2024'),
      acceptanceDate: '2026-04-01',
      costLines: lines,
      sizeClass: 'small',
    });
    expect(small.subsidy).toBe(1_000_000); // 1,500,000 × 2/3
    const gl = computeSubsidy({
      ruleSet: rule('405-sme-guideline-2024'),
      acceptanceDate: '2026-04-01',
      costLines: [line('D', 'dueDiligence', 6_000_000), line('P', 'planFormulation', 6_000_000), line('M', 'monitoring', 3_000_000)],
    });
    expect(gl.subsidy).toBe(7_000_000);
    const overTrack = { ...rule('405-sme-guideline-2024'), totalSubsidyCap: yen(6_000_000) };
    const capped = computeSubsidy({
      ruleSet: overTrack,
      acceptanceDate: '2026-04-01',
      costLines: [line('D', 'dueDiligence', 6_000_000), line('P', 'planFormulation', 6_000_000), line('M', 'monitoring', 3_000_000)],
    });
    expect([capped.subsidyBeforeTotalCaps, capped.totalCapReduction, capped.subsidy]).toEqual([7_000_000, 1_000_000, 6_000_000]);
  });

  it('property: never above 2/3 of eligible cost or any cap, never negative; SME share = cost − subsidy', () => {
    const categories = [
      'planFormulation',
      'monitoring',
      'bankNegotiation',
      'dueDiligence',
      'monitoringInterim',
      'monitoringYearEnd',
      'guaranteeRelease',
      'other',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...ruleSets),
        fc.array(
          fc.record({
            category: fc.constantFrom(...categories),
            amount: fc.integer({ min: 0, max: 20_000_000 }),
            day: fc.integer({ min: 1, max: 28 }),
            month: fc.integer({ min: 1, max: 12 }),
          }),
          { maxLength: 12 },
        ),
        fc.option(fc.constantFrom('small' as const, 'medium' as const, 'midTier' as const), { nil: undefined }),
        (ruleSet, rows, sizeClass) => {
          const costLines = rows.map((r, i) => ({
            id: String(i),
            category: r.category,
            amount: yen(r.amount),
            workDate: `2026-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`,
          }));
          const input = { ruleSet, acceptanceDate: '2026-04-01', costLines, ...(sizeClass ? { sizeClass } : {}) };
          expect(validateSubsidyInput(input).filter((i) => i.severity === 'error')).toEqual([]);
          const r = computeSubsidy(input);
          expect(r.subsidy).toBeGreaterThanOrEqual(0);
          expect(r.subsidy * 3).toBeLessThanOrEqual(r.eligibleCost * 2);
          if (ruleSet.totalSubsidyCap !== null) expect(r.subsidy).toBeLessThanOrEqual(ruleSet.totalSubsidyCap);
          for (const c of r.categories) {
            expect(c.subsidy).toBeLessThanOrEqual(c.cap);
            expect(c.subsidy * 3).toBeLessThanOrEqual(c.eligibleCost * 2);
          }
          expect(r.smeShareOfEligibleCost).toBe(r.eligibleCost - r.subsidy);
          expect(r.smePays).toBe(r.totalCost - r.subsidy);
          expect(r.eligibleCost + r.excludedCost).toBe(r.totalCost);
          expect(r.smeShareOfEligibleCost * 2).toBeGreaterThanOrEqual(r.subsidy); // SME bears at least 1/3
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('validateSubsidyInput', () => {
  it('reports every problem', () => {
    const issues = validateSubsidyInput({
      ruleSet: rule('early-pre405-2017'),
      acceptanceDate: '2026-02-30',
      costLines: [
        { id: 'A', category: 'planFormulation', amount: 1.5 as Yen, workDate: '2026-01-01' },
        { id: 'A', category: 'planFormulation', amount: yen(-1), workDate: 'x' },
      ],
    });
    expect(issues.map((i) => i.code)).toEqual([
      'INVALID_DATE',
      'NOT_INTEGER_YEN',
      'DUPLICATE_LINE_ID',
      'NEGATIVE_AMOUNT',
      'INVALID_DATE',
      'RULE_SET_NOT_IN_FORCE',
    ]);
  });
});
