import { describe, expect, it } from 'vitest';
import { recommendSupport } from './self-check';

const params = { debtRepaymentYearsConcern: 10 };
const healthy = { ordinaryProfit: 1_000_000, netAssets: 5_000_000, debtRepaymentYears: 4, borrowings: 20_000_000 };

describe('self-check recommendation', () => {
  it('recommends by the checked items, re-challenge first, then revitalization, then earnings improvement', () => {
    expect(recommendSupport(['ei.governance', 'rc.new_challenge'], null, params).support).toBe('rechallenge');
    expect(recommendSupport(['ei.governance', 'rv.advice'], null, params).support).toBe('revitalization');
    expect(recommendSupport(['ei.governance'], healthy, params).support).toBe('earnings_improvement');
    expect(recommendSupport([], null, params).support).toBe('desk_consultation');
  });

  it('lets the figures raise earnings improvement to revitalization, with the reason', () => {
    const r = recommendSupport(['ei.action_plan'], { ...healthy, netAssets: -1, debtRepaymentYears: 12.34 }, params);
    expect(r.support).toBe('revitalization');
    expect(r.reasons.map((x) => x.ja)).toEqual(['純資産がマイナス（債務超過）です', '債務償還年数が12.3年で、目安の10年を超えています']);
    const noCash = recommendSupport([], { ...healthy, debtRepaymentYears: null, ordinaryProfit: -5 }, params);
    expect(noCash.support).toBe('revitalization');
    expect(noCash.reasons).toHaveLength(2);
  });

  it('uses the threshold it is given', () => {
    const f = { ...healthy, debtRepaymentYears: 12 };
    expect(recommendSupport([], f, params).support).toBe('revitalization');
    expect(recommendSupport([], f, { debtRepaymentYearsConcern: 15 }).support).toBe('desk_consultation');
  });
});
