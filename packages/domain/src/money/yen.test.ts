import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NotIntegerYenError, ceilYen, floorToUnit, floorYen, isYen, mulFractionFloor, roundHalfUpYen, sumYen, yen } from './yen';

describe('yen', () => {
  it('accepts safe integers and rejects everything else', () => {
    expect(yen(1_000_000)).toBe(1_000_000);
    expect(yen(-5)).toBe(-5);
    expect(() => yen(0.5)).toThrow(NotIntegerYenError);
    expect(() => yen(Number.NaN)).toThrow(NotIntegerYenError);
    expect(() => yen(2 ** 53)).toThrow(NotIntegerYenError);
    expect(isYen(3)).toBe(true);
    expect(isYen('3')).toBe(false);
  });

  it('names every rounding', () => {
    expect(floorYen(2_200_000.67)).toBe(2_200_000);
    expect(floorYen(-0.5)).toBe(-1);
    expect(ceilYen(10.1)).toBe(11);
    expect(roundHalfUpYen(666_666.5)).toBe(666_667);
    expect(roundHalfUpYen(666_666.49)).toBe(666_666);
    expect(roundHalfUpYen(-2.5)).toBe(-3);
    expect(Object.is(roundHalfUpYen(-0.2), 0)).toBe(true);
    expect(floorToUnit(yen(666_666), 1000)).toBe(666_000);
    expect(() => floorToUnit(yen(1), 0)).toThrow(RangeError);
  });

  it('multiplies by an exact fraction with floor (2/3 of cost, REFERENCE §5.3)', () => {
    expect(mulFractionFloor(yen(3_300_000), 2, 3)).toBe(2_200_000);
    expect(mulFractionFloor(yen(100), 2, 3)).toBe(66);
    expect(mulFractionFloor(yen(-100), 2, 3)).toBe(-67);
  });

  it('sums exactly', () => {
    expect(sumYen([yen(1), yen(2), yen(3)])).toBe(6);
  });

  it('mulFractionFloor equals floor of the exact rational (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        (v, n, d) => {
          const got = mulFractionFloor(yen(v), n, d);
          // exact check with BigInt: got*d <= v*n < (got+1)*d
          const lhs = BigInt(got) * BigInt(d);
          const mid = BigInt(v) * BigInt(n);
          return lhs <= mid && mid < lhs + BigInt(d);
        },
      ),
    );
  });
});
