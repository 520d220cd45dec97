import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feeSupportRuleOn } from '@kasseika/domain';
import { loadFeeSupportRules } from './rechallenge-rule-data';

const rule = (id: string, validFrom: string, validTo: string | null, max = 3) => ({
  id,
  validFrom,
  validTo,
  maxSupportedConsultations: max,
  maxFeePerConsultation: null,
  verified: false,
  sources: [],
});

function dataRoot(files: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'rc-rules-'));
  mkdirSync(join(root, 'rechallenge'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(root, 'rechallenge', name), JSON.stringify(body));
  return root;
}

describe('fee-support rule data', () => {
  it('loads the repository data: 3 supported consultations, marked unverified', () => {
    const rules = loadFeeSupportRules();
    expect(feeSupportRuleOn(rules, '2026-12-01')).toMatchObject({ maxSupportedConsultations: 3, verified: false });
  });

  it('takes the latest dated file and applies the rule in force on the date', () => {
    const root = dataRoot({
      'fee-support.v2026-01-01.json': { id: 'rechallenge-fee-support', version: '2026-01-01', rules: [rule('a', '2020-04-01', null, 1)] },
      'fee-support.v2027-01-01.json': {
        id: 'rechallenge-fee-support',
        version: '2027-01-01',
        rules: [rule('old', '2020-04-01', '2027-03-31'), rule('new', '2027-04-01', null, 5)],
      },
    });
    const rules = loadFeeSupportRules(root);
    expect(feeSupportRuleOn(rules, '2027-03-31')?.id).toBe('old');
    expect(feeSupportRuleOn(rules, '2027-04-01')?.maxSupportedConsultations).toBe(5);
  });

  it('refuses overlapping rules, a missing file and invalid data (the server does not start)', () => {
    const overlap = dataRoot({
      'fee-support.v2027-01-01.json': {
        id: 'rechallenge-fee-support',
        version: '2027-01-01',
        rules: [rule('a', '2020-04-01', null), rule('b', '2027-04-01', null)],
      },
    });
    expect(() => loadFeeSupportRules(overlap)).toThrow(/overlaps/);
    expect(() => loadFeeSupportRules(dataRoot({}))).toThrow(/missing/);
    const invalid = dataRoot({
      'fee-support.v2027-01-01.json': { id: 'rechallenge-fee-support', version: '2027-01-01', rules: [rule('a', '2020-04-01', null, -1)] },
    });
    expect(() => loadFeeSupportRules(invalid)).toThrow(/Invalid/);
  });
});
