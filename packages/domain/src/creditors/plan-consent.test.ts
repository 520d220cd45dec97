import { describe, expect, it } from 'vitest';
import { checkCreditorResponse, consentOutcome, type CreditorResponse } from './plan-consent';

const at = (m: number) => new Date(Date.UTC(2026, 10, 1, 0, m));
const consent = (bankCode: string, sha: string, m = 0): CreditorResponse => ({
  bankCode,
  versionSha256: sha,
  kind: 'consent',
  stance: 'support',
  conditions: null,
  at: at(m),
});

describe('consentOutcome', () => {
  it('takes effect only when every target consents to the same version', () => {
    const two = consentOutcome(['0001', '0005', '0009'], [consent('0001', 'v1'), consent('0005', 'v1')], 'v1');
    expect(two).toMatchObject({ allConsented: false, outstanding: ['0009'] });
    const v2 = consentOutcome(['0001', '0005', '0009'], [consent('0001', 'v1'), consent('0005', 'v2'), consent('0009', 'v2')], 'v2');
    expect(v2.outstanding).toEqual(['0001']);
    const all = consentOutcome(['0001', '0005'], [consent('0001', 'v2'), consent('0005', 'v2')], 'v2');
    expect(all.allConsented).toBe(true);
  });

  it('is never unanimous without targets or without a version', () => {
    expect(consentOutcome([], [], 'v1').allConsented).toBe(false);
    expect(consentOutcome(['0001'], [consent('0001', 'v1')], null).allConsented).toBe(false);
  });

  it('reports the latest stance with its conditions until consent', () => {
    const out = consentOutcome(
      ['0001'],
      [
        { bankCode: '0001', versionSha256: 'v1', kind: 'stance', stance: 'oppose', conditions: null, at: at(1) },
        { bankCode: '0001', versionSha256: 'v1', kind: 'stance', stance: 'conditional', conditions: '担保の追加', at: at(2) },
      ],
      'v1',
    );
    expect(out.targets[0]).toMatchObject({ stance: 'conditional', conditions: '担保の追加', consented: false });
  });
});

describe('checkCreditorResponse', () => {
  const base = {
    currentSha256: 'v2',
    targetBankCodes: ['0001'],
    bankCode: '0001',
    versionSha256: 'v2',
    kind: 'consent' as const,
    alreadyConsented: false,
  };
  it('refuses a stale hash, a non-target and a second consent', () => {
    expect(checkCreditorResponse(base)).toEqual({ ok: true });
    expect(checkCreditorResponse({ ...base, versionSha256: 'v1' })).toEqual({ ok: false, reason: 'stale_version' });
    expect(checkCreditorResponse({ ...base, bankCode: '0005' })).toEqual({ ok: false, reason: 'not_a_target' });
    expect(checkCreditorResponse({ ...base, alreadyConsented: true })).toEqual({ ok: false, reason: 'already_consented' });
    expect(checkCreditorResponse({ ...base, currentSha256: null })).toEqual({ ok: false, reason: 'no_version' });
  });
});
