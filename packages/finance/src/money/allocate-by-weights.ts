import { yen, type Yen } from '@kasseika/domain';

/**
 * How the yen left over after rounding every share down to the unit are handed out:
 * - `largestRemainder` (最大剰余法): one unit at a time to the shares with the largest dropped remainder
 *   (ties: larger weight first, then input order); a final amount smaller than one unit goes to the next share in
 *   that order;
 * - `residualToDesignated`: everything left over goes to one designated share (e.g. the main bank, メインバンク).
 */
export type ResidualMethod = 'largestRemainder' | 'residualToDesignated';

/** Options of {@link allocateByWeights}. */
export interface AllocateByWeightsOptions {
  /** Rounding unit in yen (1 = ¥1, 1000 = ¥1,000 単位). A positive safe integer. */
  readonly unit: number;
  readonly residual: ResidualMethod;
  /** Index of the share that receives the residual with `residualToDesignated`; it must have a positive weight. */
  readonly designatedIndex?: number;
}

/** One allocated share with its exact (unrounded) quota, for explanations. */
export interface WeightedShare {
  readonly amount: Yen;
  /** Exact quota amount × weight ÷ Σweights as a floating-point number (display only). */
  readonly quota: number;
  /** Amount after rounding down to the unit, before the residual was handed out. */
  readonly roundedDown: Yen;
  /** What this share received out of the residual. */
  readonly residualReceived: Yen;
}

/**
 * Splits a non-negative amount of yen in proportion to non-negative integer weights so that the shares **always sum
 * exactly to the amount**, no share is negative and a zero weight receives nothing. Exact (`bigint`) arithmetic.
 *
 * @example
 * allocateByWeights(yen(1_000_000), [20_000_000n, 0n, 10_000_000n], { unit: 1, residual: 'largestRemainder' })
 *   .map((s) => s.amount) // [666667, 0, 333333]
 * @see REFERENCE §7 (rounding: design choice, not a published rule ⚠)
 */
export function allocateByWeights(amount: Yen, weights: readonly bigint[], options: AllocateByWeightsOptions): WeightedShare[] {
  const { unit } = options;
  if (!Number.isSafeInteger(unit) || unit <= 0) throw new RangeError(`unit must be a positive integer, got ${unit}`);
  if (amount < 0) throw new RangeError('amount must not be negative');
  if (weights.some((w) => w < 0n)) throw new RangeError('weights must not be negative');
  const total = weights.reduce((a, b) => a + b, 0n);
  if (total === 0n) {
    if (amount === 0) return weights.map(() => zeroShare());
    throw new RangeError('weights sum to zero but the amount is positive');
  }
  const a = BigInt(amount);
  const u = BigInt(unit);
  const base: bigint[] = [];
  const remainder: bigint[] = [];
  for (const w of weights) {
    const numer = a * w;
    const units = numer / (total * u);
    const b = units * u;
    base.push(b);
    remainder.push(numer - b * total); // in units of 1/total yen
  }
  let residual = a - base.reduce((x, y) => x + y, 0n);
  const received = weights.map(() => 0n);

  if (options.residual === 'residualToDesignated') {
    const d = options.designatedIndex;
    if (d === undefined || d < 0 || d >= weights.length || weights[d] === 0n) {
      throw new RangeError('designatedIndex must point to a share with a positive weight');
    }
    received[d] = residual;
  } else {
    const order = weights
      .map((_, i) => i)
      .sort((i, j) => {
        const ri = remainder[i] ?? 0n;
        const rj = remainder[j] ?? 0n;
        if (ri !== rj) return ri > rj ? -1 : 1;
        const wi = weights[i] ?? 0n;
        const wj = weights[j] ?? 0n;
        if (wi !== wj) return wi > wj ? -1 : 1;
        return i - j;
      });
    let k = 0;
    while (residual > 0n) {
      const idx = order[k % order.length] ?? 0;
      const give = residual >= u ? u : residual;
      received[idx] = (received[idx] ?? 0n) + give;
      residual -= give;
      k += 1;
    }
  }
  return weights.map((w, i) => {
    const b = base[i] ?? 0n;
    const r = received[i] ?? 0n;
    return {
      amount: yen(Number(b + r)),
      quota: Number((a * w * 1_000_000n) / total) / 1_000_000,
      roundedDown: yen(Number(b)),
      residualReceived: yen(Number(r)),
    };
  });
}

function zeroShare(): WeightedShare {
  return { amount: yen(0), quota: 0, roundedDown: yen(0), residualReceived: yen(0) };
}
