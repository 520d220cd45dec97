import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { yen } from '@kasseika/domain';
import { allocateByWeights } from './allocate-by-weights';

const amounts = (xs: { amount: number }[]) => xs.map((x) => x.amount);

describe('allocateByWeights', () => {
  it('splits 1,000,000 by 2:0:1 as 666,667 / 0 / 333,333 (residual ¥1 to the largest remainder)', () => {
    // quotas 666,666.67 / 0 / 333,333.33 → floors 666,666 / 0 / 333,333 = 999,999; residual 1 → A (.67 > .33)
    const r = allocateByWeights(yen(1_000_000), [2n, 0n, 1n], { unit: 1, residual: 'largestRemainder' });
    expect(amounts(r)).toEqual([666_667, 0, 333_333]);
    expect(r[0]?.residualReceived).toBe(1);
    expect(r[0]?.quota).toBeCloseTo(666_666.666667, 5);
  });
  it('rounds to ¥1,000 units and hands out whole units by remainder', () => {
    // 1,000,000 split 1:1:1 → 333,333.33 each → floors 333,000 ×3 = 999,000; residual 1,000 → first by tie order
    const r = allocateByWeights(yen(1_000_000), [1n, 1n, 1n], { unit: 1000, residual: 'largestRemainder' });
    expect(amounts(r)).toEqual([334_000, 333_000, 333_000]);
  });
  it('gives a sub-unit leftover to the next share in remainder order', () => {
    // 1,000,500 split 1:1 at ¥1,000: quotas 500,250 each → floors 500,000 ×2; residual 500 < unit → first
    const r = allocateByWeights(yen(1_000_500), [1n, 1n], { unit: 1000, residual: 'largestRemainder' });
    expect(amounts(r)).toEqual([500_500, 500_000]);
  });
  it('sends the residual to the designated share', () => {
    const r = allocateByWeights(yen(1_000_000), [1n, 1n, 1n], {
      unit: 1000,
      residual: 'residualToDesignated',
      designatedIndex: 2,
    });
    expect(amounts(r)).toEqual([333_000, 333_000, 334_000]);
  });
  it('rejects invalid input', () => {
    expect(() => allocateByWeights(yen(1), [1n], { unit: 0, residual: 'largestRemainder' })).toThrow(RangeError);
    expect(() => allocateByWeights(yen(-1), [1n], { unit: 1, residual: 'largestRemainder' })).toThrow(RangeError);
    expect(() => allocateByWeights(yen(1), [-1n, 2n], { unit: 1, residual: 'largestRemainder' })).toThrow(RangeError);
    expect(() => allocateByWeights(yen(1), [0n], { unit: 1, residual: 'largestRemainder' })).toThrow(RangeError);
    expect(() => allocateByWeights(yen(1), [1n, 0n], { unit: 1, residual: 'residualToDesignated', designatedIndex: 1 })).toThrow(
      RangeError,
    );
  });
  it('allocates zero when the amount and all weights are zero', () => {
    expect(amounts(allocateByWeights(yen(0), [0n, 0n], { unit: 1, residual: 'largestRemainder' }))).toEqual([0, 0]);
  });

  const weightsArb = fc.array(fc.bigInt({ min: 0n, max: 10n ** 11n }), { minLength: 1, maxLength: 12 });
  it('property: sums exactly, never negative, zero weight gets zero, within one unit of the quota', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 10 }),
        weightsArb,
        fc.constantFrom(1, 100, 1000),
        fc.constantFrom('largestRemainder' as const, 'residualToDesignated' as const),
        (amount, weights, unit, residual) => {
          fc.pre(weights.some((w) => w > 0n));
          const designatedIndex = weights.findIndex((w) => w > 0n);
          const r = allocateByWeights(yen(amount), weights, { unit, residual, designatedIndex });
          expect(r.reduce((s, x) => s + x.amount, 0)).toBe(amount);
          r.forEach((x, i) => {
            expect(x.amount).toBeGreaterThanOrEqual(0);
            if (weights[i] === 0n) expect(x.amount).toBe(0);
            if (residual === 'largestRemainder') expect(Math.abs(x.amount - x.quota)).toBeLessThanOrEqual(unit + 1e-3);
          });
        },
      ),
    );
  });
  it('property: a share never shrinks when its own weight grows (others fixed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        weightsArb,
        fc.nat(),
        fc.bigInt({ min: 1n, max: 10n ** 10n }),
        fc.constantFrom(1, 1000),
        fc.constantFrom('largestRemainder' as const, 'residualToDesignated' as const),
        (amount, weights, pick, bump, unit, residual) => {
          const i = pick % weights.length;
          const designatedIndex = weights.findIndex((w) => w > 0n);
          fc.pre(designatedIndex >= 0);
          const bigger = weights.map((w, j) => (j === i ? w + bump : w));
          const before = allocateByWeights(yen(amount), weights, { unit, residual, designatedIndex });
          const after = allocateByWeights(yen(amount), bigger, { unit, residual, designatedIndex });
          expect(after[i]?.amount ?? 0).toBeGreaterThanOrEqual(before[i]?.amount ?? 0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
