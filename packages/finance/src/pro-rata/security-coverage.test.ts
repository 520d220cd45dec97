import { describe, expect, it } from 'vitest';
import { yen } from '@kasseika/domain';
import { computeSecurityCoverage } from './security-coverage';

describe('computeSecurityCoverage', () => {
  it('PR-3: property ¥10M, first-ranking mortgage, loan ¥10M → unsecured ¥0', () => {
    const r = computeSecurityCoverage(
      [{ id: 'A', balance: yen(10_000_000) }],
      [{ id: 'P', appraisalValue: yen(10_000_000), haircut: 1, liens: [{ creditorId: 'A', rank: 1 }] }],
      'secured',
    );
    expect(r.creditors[0]).toMatchObject({ securedByCollateral: 10_000_000, unsecured: 0, totalSecured: 10_000_000 });
    expect(r.collaterals[0]).toMatchObject({ valueAfterHaircut: 10_000_000, unusedValue: 0 });
  });
  it('a junior lien gets only what the senior leaves: 10,000,000 × 70 % = 7,000,000; senior 5,000,000; junior 2,000,000', () => {
    const r = computeSecurityCoverage(
      [
        { id: 'S', balance: yen(5_000_000) },
        { id: 'J', balance: yen(8_000_000) },
      ],
      [
        {
          id: 'P',
          description: '工場',
          appraisalValue: yen(10_000_000),
          haircut: 0.7,
          liens: [
            { creditorId: 'J', rank: 2 },
            { creditorId: 'S', rank: 1 },
          ],
        },
      ],
      'secured',
    );
    expect(r.creditors.map((c) => [c.securedByCollateral, c.unsecured])).toEqual([
      [5_000_000, 0],
      [2_000_000, 6_000_000],
    ]);
    expect(r.creditors[1]?.steps.find((s) => s.code === 'COLLATERAL_COVER')?.label.ja).toContain('掛目 70%');
  });
  it('counts 80 % guarantee cover only when treated as secured', () => {
    const creditors = [{ id: 'B', balance: yen(10_000_000), guaranteedLoans: [{ balance: yen(5_000_000), coverPercent: 80 }] }];
    expect(computeSecurityCoverage(creditors, [], 'secured').creditors[0]).toMatchObject({
      guaranteeCover: 4_000_000,
      guaranteeCoverCounted: 4_000_000,
      unsecured: 6_000_000,
    });
    expect(computeSecurityCoverage(creditors, [], 'unsecured').creditors[0]).toMatchObject({
      guaranteeCover: 4_000_000,
      guaranteeCoverCounted: 0,
      unsecured: 10_000_000,
    });
  });
  it('never secures more than the balance', () => {
    const r = computeSecurityCoverage(
      [
        {
          id: 'A',
          balance: yen(1_000),
          pledgedDeposits: yen(800),
          otherSecurity: yen(800),
          guaranteedLoans: [{ balance: yen(1_000), coverPercent: 100 }],
        },
      ],
      [],
      'secured',
    );
    expect(r.creditors[0]).toMatchObject({ securedByDeposits: 800, securedByOtherSecurity: 200, guaranteeCoverCounted: 0, unsecured: 0 });
  });
});
