import { yen, type Yen } from '@kasseika/domain';
import { makeStep, text, type Step } from '../explain/step';
import { multiplyYen } from '../money/exact-fraction';
import { allocateByWeights } from '../money/allocate-by-weights';
import { formatPercentPlain, formatYenPlain } from '../validation/issue';

/** A guarantee-corporation (信用保証協会) backed loan held by a creditor. */
export interface GuaranteedLoan {
  readonly balance: Yen;
  /** Cover ratio in percent: 100 (crisis/COVID loans) or 80 (責任共有制度), or another agreed figure. */
  readonly coverPercent: number;
}

/** A lender in a pro-rata calculation. */
export interface ProRataCreditor {
  readonly id: string;
  readonly name?: string;
  /** Outstanding principal at the base date. */
  readonly balance: Yen;
  /** The main bank (メインバンク) receives the rounding residual with `residualToMainBank`. */
  readonly isMainBank?: boolean;
  /** 預金担保 (pledged deposits), counted at face value. */
  readonly pledgedDeposits?: Yen;
  /** Other valued security (receivables, inventory, securities …). */
  readonly otherSecurity?: Yen;
  /** Loans backed by a guarantee corporation. */
  readonly guaranteedLoans?: readonly GuaranteedLoan[];
}

/** One lien (抵当権・根抵当権) on a collateral; rank 1 is the most senior. */
export interface CollateralLien {
  readonly creditorId: string;
  readonly rank: number;
  /** Cap on what the lien secures (債権額・極度額); defaults to the creditor's balance. */
  readonly securedAmountCap?: Yen;
}

/** A property (or other asset) pledged to one or more creditors. */
export interface Collateral {
  readonly id: string;
  readonly description?: string;
  readonly appraisalValue: Yen;
  /** 掛目 as a decimal (0.7 = 70 %), applied to the appraisal value and rounded down to the yen. */
  readonly haircut: number;
  readonly liens: readonly CollateralLien[];
}

/** Whether guarantee-corporation cover counts as 保全 (secured) — a per-case setting (REFERENCE §7 ⚠ disputed). */
export type GuaranteeCoverTreatment = 'secured' | 'unsecured';

/** How much of each creditor's balance is secured, and by what. */
export interface CreditorCoverage {
  readonly creditorId: string;
  readonly balance: Yen;
  readonly securedByCollateral: Yen;
  readonly securedByDeposits: Yen;
  readonly securedByOtherSecurity: Yen;
  /** Guarantee cover computed from the loans (shown even when not counted). */
  readonly guaranteeCover: Yen;
  readonly guaranteeCoverCounted: Yen;
  readonly totalSecured: Yen;
  /** 信用残高 / 非保全額 = balance − secured (never negative). */
  readonly unsecured: Yen;
  readonly steps: readonly Step[];
}

/** How one collateral's value was shared among its liens. */
export interface CollateralAllocation {
  readonly collateralId: string;
  readonly valueAfterHaircut: Yen;
  readonly liens: readonly { readonly creditorId: string; readonly rank: number; readonly covered: Yen }[];
  readonly unusedValue: Yen;
}

/**
 * Computes each creditor's secured and unsecured (信用) balance:
 * 1. collateral value × 掛目 (rounded down), given to liens by priority — senior ranks first; equal ranks share in
 *    proportion to their claims; a claim is the lien cap (or balance) less what earlier collaterals already cover;
 *    collaterals are processed in input order;
 * 2. pledged deposits and other security, up to the remaining exposure;
 * 3. guarantee-corporation cover = Σ loan × cover % (rounded down), counted as secured only with
 *    `guaranteeCoverTreatment: 'secured'`.
 *
 * @example
 * // REFERENCE §10.1 PR-3: property worth ¥10M, first-ranking mortgage, loan ¥10M → unsecured ¥0
 * computeSecurityCoverage([{ id: 'A', balance: yen(10_000_000) }],
 *   [{ id: 'P', appraisalValue: yen(10_000_000), haircut: 1, liens: [{ creditorId: 'A', rank: 1 }] }], 'secured')
 *   .creditors[0].unsecured // 0
 * @see REFERENCE §7, §10.1 PR-3, §10.5
 */
export function computeSecurityCoverage(
  creditors: readonly ProRataCreditor[],
  collaterals: readonly Collateral[],
  guaranteeCoverTreatment: GuaranteeCoverTreatment,
): { creditors: CreditorCoverage[]; collaterals: CollateralAllocation[] } {
  const remaining = new Map<string, number>(creditors.map((c) => [c.id, c.balance]));
  const byCollateral = new Map<string, number>(creditors.map((c) => [c.id, 0]));
  const collateralSteps = new Map<string, Step[]>(creditors.map((c) => [c.id, []]));
  const collateralAllocations: CollateralAllocation[] = [];

  for (const col of collaterals) {
    const value = multiplyYen(col.appraisalValue, [col.haircut], [], 'floor');
    let available = value as number;
    const covered: { creditorId: string; rank: number; covered: Yen }[] = [];
    const ranks = [...new Set(col.liens.map((l) => l.rank))].sort((a, b) => a - b);
    for (const rank of ranks) {
      const group = col.liens.filter((l) => l.rank === rank);
      const claims = group.map((l) => {
        const exposure = remaining.get(l.creditorId) ?? 0;
        return Math.max(0, Math.min(exposure, l.securedAmountCap ?? exposure));
      });
      const totalClaims = claims.reduce((a, b) => a + b, 0);
      let given: number[];
      if (totalClaims <= available) given = claims;
      else given = allocateByWeights(yen(available), claims.map(BigInt), { unit: 1, residual: 'largestRemainder' }).map((s) => s.amount);
      group.forEach((l, i) => {
        const g = given[i] ?? 0;
        available -= g;
        remaining.set(l.creditorId, (remaining.get(l.creditorId) ?? 0) - g);
        byCollateral.set(l.creditorId, (byCollateral.get(l.creditorId) ?? 0) + g);
        covered.push({ creditorId: l.creditorId, rank, covered: yen(g) });
        collateralSteps.get(l.creditorId)?.push(
          makeStep(
            'COLLATERAL_COVER',
            {
              ja: `担保「${col.description ?? col.id}」（評価額 × 掛目 ${formatPercentPlain(col.haircut)}% = ${formatYenPlain(value)}円、第${rank}順位）による保全額`,
              en: `Cover from collateral "${col.description ?? col.id}" (appraisal × ${formatPercentPlain(col.haircut)} % haircut = ¥${formatYenPlain(value)}, rank ${rank})`,
            },
            g,
            'yen',
            { sourceRef: 'REFERENCE §7' },
          ),
        );
      });
    }
    collateralAllocations.push({ collateralId: col.id, valueAfterHaircut: value, liens: covered, unusedValue: yen(available) });
  }

  const result = creditors.map((c): CreditorCoverage => {
    let rest = remaining.get(c.id) ?? 0;
    const deposits = Math.min(rest, c.pledgedDeposits ?? 0);
    rest -= deposits;
    const other = Math.min(rest, c.otherSecurity ?? 0);
    rest -= other;
    const cover = (c.guaranteedLoans ?? []).reduce((s, g) => s + multiplyYen(g.balance, [g.coverPercent], [100], 'floor'), 0);
    const counted = guaranteeCoverTreatment === 'secured' ? Math.min(rest, cover) : 0;
    rest -= counted;
    const collateral = byCollateral.get(c.id) ?? 0;
    const totalSecured = collateral + deposits + other + counted;
    const steps: Step[] = [
      makeStep('BALANCE', text('借入残高', 'Outstanding balance'), c.balance, 'yen'),
      ...(collateralSteps.get(c.id) ?? []),
      makeStep('PLEDGED_DEPOSITS', text('預金担保による保全額', 'Cover from pledged deposits'), deposits, 'yen'),
      makeStep('OTHER_SECURITY', text('その他担保による保全額', 'Cover from other security'), other, 'yen'),
      makeStep(
        guaranteeCoverTreatment === 'secured' ? 'GUARANTEE_COVER_SECURED' : 'GUARANTEE_COVER_NOT_SECURED',
        guaranteeCoverTreatment === 'secured'
          ? text('信用保証協会の保証額（保全として扱う）', 'Guarantee-corporation cover (treated as secured)')
          : text('信用保証協会の保証額（保全として扱わない）', 'Guarantee-corporation cover (not treated as secured)'),
        cover,
        'yen',
        { sourceRef: 'REFERENCE §7 ⚠' },
      ),
      makeStep('TOTAL_SECURED', text('保全額合計', 'Total secured'), totalSecured, 'yen'),
      makeStep('UNSECURED_BALANCE', text('信用残高（非保全額）', 'Unsecured balance'), rest, 'yen', {
        formula: text('借入残高 − 保全額合計', 'Outstanding balance − total secured'),
        sourceRef: 'REFERENCE §7',
      }),
    ];
    return {
      creditorId: c.id,
      balance: c.balance,
      securedByCollateral: yen(collateral),
      securedByDeposits: yen(deposits),
      securedByOtherSecurity: yen(other),
      guaranteeCover: yen(cover),
      guaranteeCoverCounted: yen(counted),
      totalSecured: yen(totalSecured),
      unsecured: yen(rest),
      steps,
    };
  });
  return { creditors: result, collaterals: collateralAllocations };
}
