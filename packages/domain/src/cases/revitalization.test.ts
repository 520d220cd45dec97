import { describe, expect, it } from 'vitest';
import {
  checkBusinessPlanYears,
  checkConflictDeclaration,
  firstProfitableYear,
  staffNeedsDeclaration,
  teamCompositionNotes,
} from './revitalization';

describe('revitalization team', () => {
  it('requires a declaration from experts and from staff seconded from a creditor bank, with details when disclosed', () => {
    expect(checkConflictDeclaration(undefined, true).map((i) => i.code)).toEqual(['coi.required']);
    expect(checkConflictDeclaration(undefined, false)).toEqual([]);
    expect(checkConflictDeclaration({ hasConflict: false }, true)).toEqual([]);
    expect(checkConflictDeclaration({ hasConflict: true, details: '  ' }, true).map((i) => i.code)).toEqual(['coi.details']);
    expect(checkConflictDeclaration({ hasConflict: true, details: 'メイン行の顧問' }, true)).toEqual([]);
    expect(staffNeedsDeclaration('デモ銀行', true)).toBe(true);
    expect(staffNeedsDeclaration('デモ銀行', false)).toBe(false);
    expect(staffNeedsDeclaration(undefined, true)).toBe(false);
  });

  it('notes a conventional team without experts, and forgiveness without a lawyer and a CPA (REFERENCE §3.2)', () => {
    expect(teamCompositionNotes('conventional', [{ kind: 'staff' }], false).map((n) => n.code)).toEqual(['team.noExpert']);
    expect(teamCompositionNotes('simplified', [{ kind: 'staff' }], false)).toEqual([]);
    const cpa = { kind: 'expert' as const, qualification: 'cpa' as const };
    expect(teamCompositionNotes('conventional', [cpa], true).map((n) => n.code)).toEqual(['team.forgivenessNeedsLawyerAndCpa']);
    expect(teamCompositionNotes('conventional', [cpa, { kind: 'expert', qualification: 'lawyer' }], true)).toEqual([]);
  });
});

describe('business plan draft', () => {
  it('limits a プレ再生 plan to 1–3 years and a 再生 plan to 3–10 years (REFERENCE §3.5)', () => {
    expect(checkBusinessPlanYears('pre_revitalization', 3)).toEqual([]);
    expect(checkBusinessPlanYears('pre_revitalization', 4).map((i) => i.code)).toEqual(['businessPlan.years']);
    expect(checkBusinessPlanYears('revitalization', 5)).toEqual([]);
    expect(checkBusinessPlanYears('revitalization', 2)).toHaveLength(1);
    expect(checkBusinessPlanYears('revitalization', 11)).toHaveLength(1);
  });

  it('finds the first year of positive ordinary profit', () => {
    expect(
      firstProfitableYear([
        { sales: 1, ordinaryProfit: -5 },
        { sales: 1, ordinaryProfit: 0 },
        { sales: 1, ordinaryProfit: 3 },
      ]),
    ).toBe(3);
    expect(firstProfitableYear([{ sales: 1, ordinaryProfit: -1 }])).toBeNull();
  });
});

describe('financial-support design', () => {
  it('counts DES and 第二会社方式 as forgiveness (REFERENCE §3.1)', async () => {
    const { seeksForgiveness } = await import('./revitalization');
    expect(seeksForgiveness(['rescheduling', 'dds'])).toBe(false);
    expect(seeksForgiveness(['des'])).toBe(true);
    expect(seeksForgiveness(['second_company'])).toBe(true);
  });

  it('compares plan recovery with the liquidation dividend, rates floored to basis points', async () => {
    const { compareWithLiquidation } = await import('./revitalization');
    expect(compareWithLiquidation({ liquidationAssets: 50, priorityClaims: 30, unsecuredClaims: 100, forgivenessAmount: 60 })).toEqual({
      liquidationDividendBp: 2000,
      planRecoveryBp: 4000,
      met: true,
    });
    // Equal recovery is not "more than liquidation".
    expect(
      compareWithLiquidation({ liquidationAssets: 50, priorityClaims: 30, unsecuredClaims: 100, forgivenessAmount: 80 }),
    ).toMatchObject({ met: false });
    // 1/3 floors to 3333 bp
    expect(compareWithLiquidation({ liquidationAssets: 1, priorityClaims: 0, unsecuredClaims: 3, forgivenessAmount: 0 })).toMatchObject({
      liquidationDividendBp: 3333,
      planRecoveryBp: 10000,
    });
    expect(compareWithLiquidation({ liquidationAssets: 1, priorityClaims: 0, unsecuredClaims: 0, forgivenessAmount: 0 })).toHaveProperty(
      'error',
    );
    expect(compareWithLiquidation({ liquidationAssets: 1, priorityClaims: 0, unsecuredClaims: 5, forgivenessAmount: 6 })).toHaveProperty(
      'error',
    );
  });

  it('reads the dated requirement data and refuses a broken file', async () => {
    const { parseForgivenessRequirements } = await import('./revitalization');
    expect(parseForgivenessRequirements({ version: 'x', items: [] })).toHaveProperty('error');
    const ok = parseForgivenessRequirements({
      version: '2026-11-24',
      items: [{ key: 'a', label: { ja: 'あ', en: 'a' }, hint: { ja: 'い', en: 'i' } }],
    });
    expect(ok).toHaveProperty('set.items.0.key', 'a');
    expect(
      parseForgivenessRequirements({ version: '2026-11-24', items: [{ key: 'a', label: { ja: 'あ' }, hint: { ja: 'い', en: 'i' } }] }),
    ).toHaveProperty('error');
  });
});
