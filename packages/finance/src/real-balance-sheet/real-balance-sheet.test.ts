import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { yen, type Yen } from '@kasseika/domain';
import { sampleCurrentYear } from '../test-support/sample-statements';
import { computeRealBalanceSheet, validateRealBalanceSheetAdjustments, type RealBalanceSheetAdjustment } from './real-balance-sheet';

// Sample: total assets 100,000,000; liabilities 75,000,000; net assets 25,000,000. Add officer loans 8,000,000
// against cash so it still balances: assets 108,000,000, liabilities 83,000,000, net 25,000,000.
const bs = { ...sampleCurrentYear().balanceSheet, cashAndDeposits: yen(23_000_000), officerLoans: yen(8_000_000) };

const adjustments: RealBalanceSheetAdjustment[] = [
  {
    id: 'A1',
    targetLine: 'accountsReceivable',
    amount: yen(-6_000_000),
    reason: '得意先X社倒産',
    evidenceRef: 'DD報告書 p.12',
    category: 'irrecoverableReceivables',
  },
  { id: 'A2', targetLine: 'inventories', amount: yen(-4_000_000), reason: '3年超滞留在庫', category: 'obsoleteInventory' },
  { id: 'A3', targetLine: 'land', amount: yen(-18_000_000), reason: '路線価評価', category: 'realEstateFairValue' },
  {
    id: 'A4',
    targetLine: 'otherFixedLiabilities',
    amount: yen(5_000_000),
    reason: '退職給付債務未計上',
    category: 'unrecordedLiabilities',
  },
];

describe('computeRealBalanceSheet (実態貸借対照表)', () => {
  it('applies signed adjustments and finds 実質債務超過: 25,000,000 − 6,000,000 − 4,000,000 − 18,000,000 − 5,000,000 = −8,000,000', () => {
    const r = computeRealBalanceSheet(bs, adjustments);
    expect(r.bookNetAssets).toBe(25_000_000);
    expect(r.adjustmentEffect).toBe(-33_000_000);
    expect(r.realTotalAssets).toBe(80_000_000); // 108,000,000 − 28,000,000
    expect(r.realTotalLiabilities).toBe(88_000_000); // 83,000,000 + 5,000,000
    expect(r.realNetAssets).toBe(-8_000_000);
    expect(r.isRealNegativeEquity).toBe(true);
    expect(r.realNegativeEquityAmount).toBe(8_000_000);
    expect(r.officerLoansTreatedAsEquity).toBe(false);
    expect(r.steps.map((s) => s.code)).toContain('OFFICER_LOANS_NOT_EQUITY');
    const ar = r.lines.find((l) => l.key === 'accountsReceivable');
    expect(ar).toMatchObject({ book: 12_000_000, adjustment: -6_000_000, real: 6_000_000, adjustmentIds: ['A1'] });
    expect(r.effectByCategory).toContainEqual({ category: 'unrecordedLiabilities', effect: -5_000_000 });
    const a1 = r.steps.find((s) => s.code === 'REAL_BALANCE_SHEET_ADJUSTMENT');
    expect(a1?.label.ja).toContain('得意先X社倒産');
    expect(a1?.label.ja).toContain('DD報告書 p.12');
  });

  it('counts officer loans as quasi-equity only when explicitly chosen: −8,000,000 + 8,000,000 = 0', () => {
    const r = computeRealBalanceSheet(bs, adjustments, { treatOfficerLoansAsEquity: true });
    expect(r.officerLoansAddedBack).toBe(8_000_000);
    expect(r.realNetAssets).toBe(0);
    expect(r.isRealNegativeEquity).toBe(false);
    expect(r.realTotalLiabilities).toBe(80_000_000);
    const step = r.steps.find((s) => s.code === 'OFFICER_LOANS_AS_EQUITY');
    expect(step?.label.ja).toContain('明示的に選択');
    expect(step?.value).toBe(8_000_000);
  });

  it('includes owner private assets outside the books', () => {
    const r = computeRealBalanceSheet(bs, [
      ...adjustments,
      { id: 'P1', targetLine: 'offBalanceSheetAsset', amount: yen(12_000_000), reason: '代表者自宅', category: 'ownerPrivateAssets' },
      { id: 'P2', targetLine: 'offBalanceSheetLiability', amount: yen(3_000_000), reason: '住宅ローン', category: 'ownerPrivateAssets' },
    ]);
    expect(r.realNetAssets).toBe(1_000_000); // −8,000,000 + 12,000,000 − 3,000,000
    expect(r.lines.at(-1)?.key).toBe('offBalanceSheetLiability');
  });

  it('with no adjustments equals the book figures', () => {
    const r = computeRealBalanceSheet(bs, []);
    expect([r.realNetAssets, r.adjustmentEffect, r.isRealNegativeEquity]).toEqual([25_000_000, 0, false]);
    expect(r.lines.some((l) => l.key === 'currentPortionOfLongTermBorrowings')).toBe(false);
  });

  it('property: real net assets = book net assets + Σ asset adjustments − Σ liability adjustments', () => {
    const targets = ['cashAndDeposits', 'land', 'buildings', 'accountsPayable', 'otherFixedLiabilities', 'officerLoans'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.constantFrom(...targets), amount: fc.integer({ min: -(10 ** 8), max: 10 ** 8 }) })),
        fc.boolean(),
        (rows, treat) => {
          const adj = rows.map((r, i) => ({
            id: String(i),
            targetLine: r.t,
            amount: yen(r.amount),
            reason: 'x',
            category: 'other' as const,
          }));
          const res = computeRealBalanceSheet(bs, adj, { treatOfficerLoansAsEquity: treat });
          const liabilitySide = new Set(['accountsPayable', 'otherFixedLiabilities', 'officerLoans']);
          const effect = rows.reduce((s, r) => s + (liabilitySide.has(r.t) ? -r.amount : r.amount), 0);
          const officer = 8_000_000 + rows.filter((r) => r.t === 'officerLoans').reduce((s, r) => s + r.amount, 0);
          expect(res.realNetAssets).toBe(25_000_000 + effect + (treat ? officer : 0));
          expect(res.realTotalAssets - res.realTotalLiabilities).toBe(res.realNetAssets);
          expect(res.isRealNegativeEquity).toBe(res.realNetAssets < 0);
        },
      ),
    );
  });
});

describe('validateRealBalanceSheetAdjustments', () => {
  it('accepts valid adjustments', () => {
    expect(validateRealBalanceSheetAdjustments(bs, adjustments)).toEqual([]);
  });
  it('reports every problem', () => {
    const bad: RealBalanceSheetAdjustment[] = [
      { id: 'X', targetLine: 'capitalStock', amount: yen(1), reason: 'r', category: 'other' },
      { id: 'X', targetLine: 'land', amount: 0.5 as Yen, reason: 'r', category: 'other' },
      { id: 'Y', targetLine: 'nope' as 'land', amount: yen(1), reason: ' ', category: 'other' },
      { id: 'Z', targetLine: 'inventories', amount: yen(1_000), reason: 'r', category: 'obsoleteInventory' },
      { id: 'W', targetLine: 'cashAndDeposits', amount: yen(-30_000_000), reason: 'r', category: 'other' },
      { id: 'V', targetLine: 'land', amount: yen(1), reason: 'r', category: 'bogus' as 'other' },
    ];
    expect(validateRealBalanceSheetAdjustments(bs, bad).map((i) => i.code)).toEqual([
      'ADJUSTMENT_TARGETS_NET_ASSETS',
      'DUPLICATE_ADJUSTMENT_ID',
      'NOT_INTEGER_YEN',
      'ADJUSTMENT_REASON_MISSING',
      'UNKNOWN_TARGET_LINE',
      'ADJUSTMENT_DIRECTION_UNUSUAL',
      'UNKNOWN_ADJUSTMENT_CATEGORY',
      'ADJUSTED_LINE_NEGATIVE',
    ]);
  });
});
