import { describe, expect, it } from 'vitest';
import rulesJson from '../../../../data/finance/criteria-rules.v2026-11-24.json';
import { parseCriteriaRuleSets, selectCriteriaRuleSet } from './criteria-rules';

describe('criteria rule data (data/finance/criteria-rules.v2026-11-24.json)', () => {
  const { ruleSets, issues } = parseCriteriaRuleSets(rulesJson);
  it('parses without issues; every rule set has sources and a verified flag', () => {
    expect(issues).toEqual([]);
    expect(ruleSets?.length).toBe(5);
    for (const r of ruleSets ?? []) {
      expect(r.sources.length).toBeGreaterThan(0);
      expect(typeof r.verified).toBe('boolean');
    }
  });
  it('transcribes REFERENCE §3.5: 5 years, 3 years, 10 times, counted from the first FY after agreement', () => {
    const r = ruleSets?.find((x) => x.id === 'council-revitalization-sme-2022');
    expect(r?.counting.start).toBe('firstFiscalYearStartingAfterAgreement');
    expect(r?.criteria.map((c) => [c.kind, 'years' in c ? c.years : 'maxTimes' in c ? c.maxTimes : null])).toEqual([
      ['realNegativeEquityEliminatedWithin', 5],
      ['ordinaryProfitPositiveWithin', 3],
      ['debtToCashFlowAtMost', 10],
    ]);
  });
  it('marks the small-business relaxation, GL and 405 sets unverified', () => {
    const unverified = (ruleSets ?? []).filter((r) => !r.verified).map((r) => r.id);
    expect(unverified).toEqual([
      'council-revitalization-small-business-unverified',
      'sme-guideline-revitalization-unverified',
      'bank-normalisation-405-practitioner',
    ]);
    const small = ruleSets?.find((x) => x.variant === 'smallBusinessRelaxation');
    expect(small?.criteria.every((c) => !c.mandatory)).toBe(true);
  });
  it('selects the rule set in force by date and size class', () => {
    const sets = ruleSets ?? [];
    expect(selectCriteriaRuleSet(sets, { planType: 'revitalization', sizeClass: 'sme', date: '2026-11-24' })?.id).toBe(
      'council-revitalization-sme-2022',
    );
    expect(selectCriteriaRuleSet(sets, { planType: 'revitalization', sizeClass: 'smallBusiness', date: '2026-11-24' })?.variant).toBe(
      'smallBusinessRelaxation',
    );
    expect(selectCriteriaRuleSet(sets, { planType: 'earningsImprovement', sizeClass: 'smallBusiness', date: '2026-11-24' })?.id).toBe(
      'earnings-improvement-2023',
    );
    expect(selectCriteriaRuleSet(sets, { planType: 'earningsImprovement', sizeClass: 'sme', date: '2023-03-31' })).toBeUndefined();
    expect(selectCriteriaRuleSet(sets, { planType: 'revitalization', sizeClass: 'sme', date: '2022-04-01' })?.id).toBe(
      'council-revitalization-sme-2022',
    );
  });
  it('prefers the latest validFrom and honours validTo', () => {
    const base = ruleSets?.[0];
    if (!base) throw new Error('fixture');
    const old = { ...base, id: 'old', validFrom: '2003-02-01', validTo: '2022-03-31' };
    const newer = { ...base, id: 'newer', validFrom: '2026-04-01' };
    const sets = [old, base, newer];
    expect(selectCriteriaRuleSet(sets, { planType: 'revitalization', sizeClass: 'sme', date: '2020-01-01' })?.id).toBe('old');
    expect(selectCriteriaRuleSet(sets, { planType: 'revitalization', sizeClass: 'sme', date: '2025-01-01' })?.id).toBe(base.id);
    expect(selectCriteriaRuleSet(sets, { planType: 'revitalization', sizeClass: 'sme', date: '2026-04-01' })?.id).toBe('newer');
  });
  it('reports malformed data', () => {
    expect(parseCriteriaRuleSets({}).issues).toHaveLength(1);
    const bad = JSON.parse(JSON.stringify(rulesJson)) as { ruleSets: Record<string, unknown>[] };
    const first = bad.ruleSets[0];
    if (!first) throw new Error('fixture');
    first.validFrom = '2022-13-01';
    first.sources = [];
    (first.criteria as Record<string, unknown>[])[2] = {
      code: 'X',
      kind: 'debtToCashFlowAtMost',
      label: { ja: 'x', en: 'x' },
      mandatory: true,
      approximate: true,
      maxTimes: -1,
      variant: { numerator: 'z', cashFlow: 'a' },
    };
    const paths = parseCriteriaRuleSets(bad).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual([
      'ruleSets.0.validFrom',
      'ruleSets.0.sources',
      'ruleSets.0.criteria.2.maxTimes',
      'ruleSets.0.criteria.2.variant',
    ]);
  });
});
