import { describe, expect, it } from 'vitest';
import { checkProceeding, decideFeeSupport, feeSupportRuleOn, proceedingKindOf, type FeeSupportRule } from './rechallenge';

const rule = (over: Partial<FeeSupportRule> = {}): FeeSupportRule => ({
  id: 'r',
  validFrom: '2024-04-01',
  validTo: null,
  maxSupportedConsultations: 3,
  maxFeePerConsultation: null,
  verified: false,
  sources: [],
  ...over,
});

describe('proceedings', () => {
  it('knows corporate routes from guarantor workouts', () => {
    expect(proceedingKindOf('bankruptcy')).toBe('corporate');
    expect(proceedingKindOf('gl_standalone')).toBe('guarantor');
  });

  it('accepts a complete record and lists every problem of a broken one', () => {
    expect(
      checkProceeding({
        route: 'gl_integrated',
        guarantorName: '代表 太郎',
        status: 'completed',
        startedOn: '2026-01-05',
        endedOn: '2026-06-30',
      }),
    ).toEqual([]);
    expect(
      checkProceeding({ route: 'private_workout', guarantorName: null, status: 'considering', startedOn: null, endedOn: null }),
    ).toEqual([]);
    const codes = (p: Parameters<typeof checkProceeding>[0]) => checkProceeding(p).map((i) => i.code);
    expect(codes({ route: 'gl_standalone', guarantorName: ' ', status: 'in_progress', startedOn: null, endedOn: null })).toEqual([
      'proceeding.guarantorRequired',
      'proceeding.startRequired',
    ]);
    expect(
      codes({ route: 'bankruptcy', guarantorName: '誰か', status: 'abandoned', startedOn: '2026-02-01', endedOn: '2026-01-01' }),
    ).toEqual(['proceeding.guarantorNotAllowed', 'proceeding.endBeforeStart']);
    expect(codes({ route: 'bankruptcy', guarantorName: null, status: 'completed', startedOn: '2026-02-01', endedOn: null })).toEqual([
      'proceeding.endRequired',
    ]);
    expect(
      codes({ route: 'business_transfer', guarantorName: null, status: 'in_progress', startedOn: '2026-02-01', endedOn: '2026-03-01' }),
    ).toEqual(['proceeding.endNotAllowed']);
  });
});

describe('fee support', () => {
  it('picks the rule in force on the consultation date', () => {
    const old = rule({ id: 'old', validFrom: '2020-04-01', validTo: '2025-03-31', maxSupportedConsultations: 2 });
    const now = rule({ id: 'now', validFrom: '2025-04-01' });
    expect(feeSupportRuleOn([old, now], '2025-03-31')?.id).toBe('old');
    expect(feeSupportRuleOn([old, now], '2025-04-01')?.id).toBe('now');
    expect(feeSupportRuleOn([old, now], '2019-01-01')).toBeNull();
  });

  it('counts supported consultations, warns on the last and refuses beyond the limit', () => {
    expect(decideFeeSupport(rule(), { supportedSoFar: 0, supported: true, feeYen: 30_000 })).toEqual({
      ok: true,
      ordinal: 1,
      remaining: 2,
      warning: null,
    });
    const last = decideFeeSupport(rule(), { supportedSoFar: 2, supported: true, feeYen: 30_000 });
    expect(last.ok && last.ordinal === 3 && last.remaining === 0 && last.warning?.ja.includes('最後')).toBe(true);
    const beyond = decideFeeSupport(rule(), { supportedSoFar: 3, supported: true, feeYen: 30_000 });
    expect(beyond.ok ? null : beyond.code).toBe('feeSupport.limitReached');
    expect(decideFeeSupport(rule(), { supportedSoFar: 3, supported: false, feeYen: 30_000 })).toEqual({
      ok: true,
      ordinal: null,
      remaining: 0,
      warning: null,
    });
  });

  it('follows a configured limit and fee cap, and refuses support without a rule', () => {
    expect(decideFeeSupport(rule({ maxSupportedConsultations: 5 }), { supportedSoFar: 3, supported: true, feeYen: 1 }).ok).toBe(true);
    const capped = decideFeeSupport(rule({ maxFeePerConsultation: 55_000 }), { supportedSoFar: 0, supported: true, feeYen: 55_001 });
    expect(capped.ok ? null : capped.code).toBe('feeSupport.feeAboveCap');
    const none = decideFeeSupport(null, { supportedSoFar: 0, supported: true, feeYen: 1 });
    expect(none.ok ? null : none.code).toBe('feeSupport.noRule');
  });
});
