import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { yen } from '@kasseika/domain';
import rulesJson from '../../../../data/guarantees/residual-assets-rules.v2026-11-24.json';
import {
  ageOn,
  estimateResidualAssets,
  parseResidualAssetsRuleSets,
  selectResidualAssetsRuleSet,
  type GuarantorForEstimate,
  type ResidualAssetsRuleSet,
} from './residual-assets';

const { ruleSets = [], issues } = parseResidualAssetsRuleSets(rulesJson);
const rules = ruleSets[0] as ResidualAssetsRuleSet;
const someone = (over: Partial<GuarantorForEstimate> = {}): GuarantorForEstimate => ({
  birthDate: '1976-05-01',
  assumedBenefitDays: null,
  keepsHome: false,
  assets: [],
  guaranteedAmounts: [],
  ...over,
});

describe('residual-asset rule data (data/guarantees)', () => {
  it('parses, is sourced and flagged unverified, and carries REFERENCE §4.1 figures', () => {
    expect(issues).toEqual([]);
    expect(rules.freeAssets).toBe(990_000);
    expect(rules.monthlyLivingCost).toBe(330_000);
    expect(rules.verified).toBe(false);
    expect(rules.sources.length).toBeGreaterThan(0);
    // REFERENCE §4.1: the period runs from 90 to 330 days.
    expect(Math.min(...rules.ageBands.map((b) => b.minDays))).toBe(90);
    expect(Math.max(...rules.ageBands.map((b) => b.maxDays))).toBe(330);
  });

  it('refuses overlapping bands, a missing source and non-integer yen', () => {
    const bad = JSON.parse(JSON.stringify(rulesJson)) as { ruleSets: Record<string, unknown>[] };
    const rs = bad.ruleSets[0]!;
    rs.sources = [];
    rs.freeAssets = 990_000.5;
    rs.ageBands = [
      { fromAge: 0, toAge: 40, minDays: 90, maxDays: 180 },
      { fromAge: 30, toAge: 50, minDays: 90, maxDays: 240 },
    ];
    const r = parseResidualAssetsRuleSets(bad);
    expect(r.ruleSets).toBeUndefined();
    expect(r.issues.map((i) => i.path.join('.'))).toEqual(['ruleSets.0.sources', 'ruleSets.0.freeAssets', 'ruleSets.0.ageBands.1']);
  });

  it('selects the set in force on a date', () => {
    expect(selectResidualAssetsRuleSet(ruleSets, '2026-11-24')?.id).toBe('gl-residual-assets-2014');
    expect(selectResidualAssetsRuleSet(ruleSets, '2013-12-31')).toBeUndefined();
  });
});

describe('ageOn', () => {
  it('counts a year on the birthday itself, and 29 February on 1 March in common years', () => {
    expect(ageOn('1970-04-01', '2026-03-31')).toBe(55);
    expect(ageOn('1970-04-01', '2026-04-01')).toBe(56);
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
  });
});

describe('estimateResidualAssets (REFERENCE §4.1)', () => {
  it('50 years old: 990,000 + 330,000 × 330 ÷ 30 = 4,620,000, the top of REFERENCE’s ¥1.0–3.6 million extra', () => {
    const e = estimateResidualAssets(rules, someone(), '2026-11-24');
    expect(e.age).toBe(50);
    expect(e.benefitDays).toBe(330);
    expect(e.livingCost).toBe(3_630_000);
    expect(e.residualAssets).toBe(4_620_000);
    expect(e.range).toEqual({ min: 1_980_000, max: 4_620_000 });
    expect(e.steps.map((s) => s.code)).toEqual([
      'AGE',
      'BENEFIT_DAYS',
      'FREE_ASSETS',
      'LIVING_COST',
      'RESIDUAL_ASSETS',
      'ASSETS_TOTAL',
      'HOME_KEPT',
      'AVAILABLE',
      'GUARANTEED',
      'REMAINING',
    ]);
  });

  it('an assumed period inside the band is used; the living cost is rounded down to the yen (切り捨て)', () => {
    const e = estimateResidualAssets(rules, someone({ assumedBenefitDays: 100 }), '2026-11-24');
    // 330,000 × 100 ÷ 30 = 1,100,000 exactly; 101 days gives 1,111,000; 91 days 1,001,000 (exact too)
    expect(e.livingCost).toBe(1_100_000);
    const odd = estimateResidualAssets({ ...rules, monthlyLivingCost: yen(330_001) }, someone({ assumedBenefitDays: 100 }), '2026-11-24');
    expect(odd.livingCost).toBe(1_100_003); // 1,100,003.33… rounded down
  });

  it('an assumption outside the band is clamped, with a warning that says so', () => {
    const e = estimateResidualAssets(rules, someone({ birthDate: '2000-01-01', assumedBenefitDays: 330 }), '2026-11-24');
    expect(e.age).toBe(26);
    expect(e.benefitDays).toBe(180);
    expect(e.warnings[0]?.ja).toContain('180日');
  });

  it('65 or over: outside the bands, free assets only, with a warning', () => {
    const e = estimateResidualAssets(rules, someone({ birthDate: '1955-01-01' }), '2026-11-24');
    expect(e.band).toBeNull();
    expect(e.residualAssets).toBe(990_000);
    expect(e.warnings).toHaveLength(1);
  });

  it('without a date of birth: the range over all bands, the maximum as the estimate', () => {
    const e = estimateResidualAssets(rules, someone({ birthDate: null }), '2026-11-24');
    expect(e.age).toBeNull();
    expect(e.range).toEqual({ min: 1_980_000, max: 4_620_000 });
    expect(e.warnings).toHaveLength(1);
  });

  it('assets beyond what may be kept go to repayment; the rest of the guarantee is in principle forgiven', () => {
    const e = estimateResidualAssets(
      rules,
      someone({
        keepsHome: true,
        assets: [
          { kind: 'deposits', value: yen(6_000_000) },
          { kind: 'home', value: yen(12_000_000) },
          { kind: 'vehicle', value: yen(500_000) },
        ],
        guaranteedAmounts: [yen(30_000_000), yen(10_000_000)],
      }),
      '2026-11-24',
    );
    expect(e.assetsTotal).toBe(18_500_000);
    expect(e.homeKept).toBe(12_000_000);
    expect(e.availableForRepayment).toBe(18_500_000 - 12_000_000 - 4_620_000);
    expect(e.guaranteedTotal).toBe(40_000_000);
    expect(e.remainingGuaranteeDebt).toBe(40_000_000 - 1_880_000);
  });

  it('never negative, and available + kept never exceeds the assets (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom('cash', 'home', 'securities'), value: fc.integer({ min: 0, max: 1e10 }) }), {
          maxLength: 6,
        }),
        fc.array(fc.integer({ min: 0, max: 1e10 }), { maxLength: 4 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 400 })),
        (assets, guaranteed, keepsHome, days) => {
          const e = estimateResidualAssets(
            rules,
            someone({
              assets: assets.map((a) => ({ kind: a.kind, value: yen(a.value) })),
              guaranteedAmounts: guaranteed.map((g) => yen(g)),
              keepsHome,
              assumedBenefitDays: days,
            }),
            '2026-11-24',
          );
          expect(e.availableForRepayment).toBeGreaterThanOrEqual(0);
          expect(e.remainingGuaranteeDebt).toBeGreaterThanOrEqual(0);
          expect(e.availableForRepayment + e.homeKept).toBeLessThanOrEqual(e.assetsTotal);
          expect(e.residualAssets).toBeGreaterThanOrEqual(e.range.min);
          expect(e.residualAssets).toBeLessThanOrEqual(e.range.max);
        },
      ),
    );
  });
});
