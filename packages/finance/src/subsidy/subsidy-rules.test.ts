import { describe, expect, it } from 'vitest';
import { yen } from '@kasseika/domain';
import rulesJson from '../../../../data/subsidy/subsidy-rules.v2026-11-24.json';
import { classifySubsidySizeClass, parseSubsidyRuleSets, selectSubsidyRuleSet } from './subsidy-rules';

describe('subsidy rule data (data/subsidy/subsidy-rules.v2026-11-24.json)', () => {
  const { ruleSets = [], sizeClasses, issues } = parseSubsidyRuleSets(rulesJson);
  it('parses, and every rule set is dated, sourced and flagged', () => {
    expect(issues).toEqual([]);
    expect(ruleSets.map((r) => r.id)).toEqual(['405-standard-2024', '405-sme-guideline-2024', 'early-2024', 'early-pre405-2017']);
    for (const r of ruleSets) {
      expect(r.sources.length).toBeGreaterThan(0);
      expect(r.verified).toBe(false);
      expect(r.rounding).toMatchObject({ mode: 'floor', verified: false });
    }
  });
  it('transcribes the caps of REFERENCE §5.1 and §5.2', () => {
    const caps = (id: string) => ruleSets.find((r) => r.id === id)?.categories.map((c) => [c.code, c.subsidyCap]);
    expect(caps('405-standard-2024')).toEqual([
      ['planFormulation', 2_000_000],
      ['monitoring', 1_000_000],
      ['bankNegotiation', 100_000],
    ]);
    expect(caps('405-sme-guideline-2024')).toEqual([
      ['dueDiligence', 3_000_000],
      ['planFormulation', 3_000_000],
      ['monitoring', 1_000_000],
    ]);
    expect(caps('early-2024')).toEqual([
      ['planFormulation', 150_000],
      ['monitoringInterim', 50_000],
      ['monitoringYearEnd', 50_000],
      ['guaranteeRelease', 100_000],
    ]);
    expect(ruleSets.find((r) => r.id === '405-standard-2024')?.totalSubsidyCap).toBe(3_100_000);
    expect(ruleSets.find((r) => r.id === '405-sme-guideline-2024')?.totalSubsidyCap).toBe(7_000_000);
    expect(ruleSets.find((r) => r.id === '405-standard-2024')?.sizeClassCostCaps?.totalCostCaps).toEqual({
      small: 1_500_000,
      medium: 3_000_000,
      midTier: 4_500_000,
    });
  });
  it('picks the rule set in force on a date', () => {
    expect(selectSubsidyRuleSet(ruleSets, 'early', '2019-06-01')?.id).toBe('early-pre405-2017');
    expect(selectSubsidyRuleSet(ruleSets, 'early', '2021-03-31')?.id).toBe('early-pre405-2017');
    expect(selectSubsidyRuleSet(ruleSets, 'early', '2022-06-01')).toBeUndefined(); // gap: no captured rule set
    expect(selectSubsidyRuleSet(ruleSets, 'early', '2026-11-24')?.id).toBe('early-2024');
    expect(selectSubsidyRuleSet(ruleSets, '405-standard', '2024-04-01')?.id).toBe('405-standard-2024');
    expect(selectSubsidyRuleSet(ruleSets, '405-sme-guideline', '2024-03-31')).toBeUndefined();
    const revised = { ...ruleSets[0], id: 'revised', validFrom: '2026-04-01' } as (typeof ruleSets)[number];
    expect(selectSubsidyRuleSet([...ruleSets, revised], '405-standard', '2026-11-24')?.id).toBe('revised');
  });
  it('classifies size (⚠ 2015 definitions)', () => {
    if (!sizeClasses) throw new Error('fixture');
    expect(sizeClasses.verified).toBe(false);
    expect(classifySubsidySizeClass(yen(99_999_999), yen(50_000_000), sizeClasses)).toBe('small');
    expect(classifySubsidySizeClass(yen(80_000_000), yen(120_000_000), sizeClasses)).toBe('medium');
    expect(classifySubsidySizeClass(yen(1_000_000_000), yen(0), sizeClasses)).toBe('midTier');
    expect(classifySubsidySizeClass(yen(1), yen(1), { verified: false, source: '', classes: [] })).toBe('midTier');
  });
  it('reports malformed data', () => {
    expect(parseSubsidyRuleSets([]).issues).toHaveLength(1);
    const bad = JSON.parse(JSON.stringify(rulesJson)) as { ruleSets: Record<string, unknown>[]; sizeClassDefinitions?: unknown };
    const first = bad.ruleSets[0];
    if (!first) throw new Error('fixture');
    first.subsidyRate = { numerator: 3, denominator: 2 };
    first.categories = [{ code: 'x', subsidyCap: -1 }];
    first.program = 'other';
    delete bad.sizeClassDefinitions;
    expect(parseSubsidyRuleSets(bad).issues.map((i) => i.path.join('.'))).toEqual([
      'ruleSets.0.program',
      'ruleSets.0.subsidyRate',
      'ruleSets.0.categories.0',
      'sizeClassDefinitions',
    ]);
  });
});
