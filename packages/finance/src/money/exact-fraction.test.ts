import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { yen } from '@kasseika/domain';
import { decimalToFraction, describeRounding, divideRounded, mulDivRounded, multiplyYen, multiplyYenByFraction } from './exact-fraction';

describe('decimalToFraction', () => {
  it('reads typed decimals exactly', () => {
    expect(decimalToFraction(0.015)).toEqual({ numerator: 15n, denominator: 1000n });
    expect(decimalToFraction(0.29)).toEqual({ numerator: 29n, denominator: 100n });
    expect(decimalToFraction(12)).toEqual({ numerator: 12n, denominator: 1n });
    expect(decimalToFraction(-1.5)).toEqual({ numerator: -15n, denominator: 10n });
    expect(decimalToFraction(1.2e-7)).toEqual({ numerator: 12n, denominator: 100000000n });
    expect(decimalToFraction(1e21)).toEqual({ numerator: 10n ** 21n, denominator: 1n });
  });
  it('rejects non-finite numbers', () => {
    expect(() => decimalToFraction(Number.NaN)).toThrow(RangeError);
    expect(() => decimalToFraction(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
  it('round-trips through Number for random doubles', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), (x) => {
        const f = decimalToFraction(x);
        expect(Number(f.numerator) / Number(f.denominator)).toBeCloseTo(x, 9);
      }),
    );
  });
});

describe('divideRounded', () => {
  it('applies each named rule, including negatives', () => {
    expect(divideRounded(7n, 2n, 'floor')).toBe(3n);
    expect(divideRounded(7n, 2n, 'ceil')).toBe(4n);
    expect(divideRounded(7n, 2n, 'roundHalfUp')).toBe(4n);
    expect(divideRounded(-7n, 2n, 'floor')).toBe(-4n);
    expect(divideRounded(-7n, 2n, 'ceil')).toBe(-3n);
    expect(divideRounded(-7n, 2n, 'roundHalfUp')).toBe(-4n);
    expect(divideRounded(5n, 3n, 'roundHalfUp')).toBe(2n);
    expect(divideRounded(4n, 3n, 'roundHalfUp')).toBe(1n);
    expect(divideRounded(6n, 3n, 'ceil')).toBe(2n);
    expect(divideRounded(7n, -2n, 'floor')).toBe(-4n);
  });
  it('throws on division by zero', () => {
    expect(() => divideRounded(1n, 0n, 'floor')).toThrow(RangeError);
  });
});

describe('multiplyYen', () => {
  it('computes monthly interest exactly: 10,000,000 × 1.5 % ÷ 12 = 12,500', () => {
    expect(multiplyYen(yen(10_000_000), [0.015], [12], 'floor')).toBe(12_500);
  });
  it('avoids binary floating error: 100 × 0.29 = 29 (a double gives 28.999…)', () => {
    expect(Math.floor(100 * 0.29)).toBe(28);
    expect(multiplyYen(yen(100), [0.29], [], 'floor')).toBe(29);
  });
  it('actual/365: 1,000,000 × 2 % × 31 ÷ 365 = 1,698.63… → 1,698', () => {
    expect(multiplyYen(yen(1_000_000), [0.02, 31], [365], 'floor')).toBe(1_698);
  });
  it('rejects a zero divisor', () => {
    expect(() => multiplyYen(yen(1), [1], [0], 'floor')).toThrow(RangeError);
  });
});

describe('multiplyYenByFraction', () => {
  it('takes 2/3 of 3,300,000 = 2,200,000 and of 100 by each rule', () => {
    expect(multiplyYenByFraction(yen(3_300_000), 2, 3, 'floor')).toBe(2_200_000);
    expect(multiplyYenByFraction(yen(100), 2, 3, 'floor')).toBe(66);
    expect(multiplyYenByFraction(yen(100), 2, 3, 'roundHalfUp')).toBe(67);
    expect(multiplyYenByFraction(yen(100), 2, 3, 'ceil')).toBe(67);
  });
  it('validates its fraction', () => {
    expect(() => multiplyYenByFraction(yen(1), 1, 0, 'floor')).toThrow(RangeError);
    expect(() => multiplyYenByFraction(yen(1), 0.5, 1, 'floor')).toThrow(RangeError);
  });
  it('names the rules', () => {
    expect(describeRounding('floor').ja).toBe('円未満切り捨て');
    expect(describeRounding('ceil').en).toContain('up');
    expect(describeRounding('roundHalfUp').ja).toBe('円未満四捨五入');
  });
});

describe('mulDivRounded', () => {
  it('matches the bigint reference for every rule, including negatives and huge products', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 13), max: 10 ** 13 }),
        fc.integer({ min: -(10 ** 6), max: 10 ** 6 }),
        fc.integer({ min: 1, max: 10 ** 7 }),
        fc.constantFrom('floor' as const, 'ceil' as const, 'roundHalfUp' as const),
        (a, b, c, rounding) => {
          expect(mulDivRounded(a, b, c, rounding)).toBe(Number(divideRounded(BigInt(a) * BigInt(b), BigInt(c), rounding)));
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('computes 35,000,000 × 1.25 % × 31 ÷ 365 = 37,157.5 → 37,157 / 37,158', () => {
    expect(mulDivRounded(35_000_000, 125 * 31, 10_000 * 365, 'floor')).toBe(37_157);
    expect(mulDivRounded(35_000_000, 125 * 31, 10_000 * 365, 'roundHalfUp')).toBe(37_158);
    expect(mulDivRounded(-5, 1, 2, 'roundHalfUp')).toBe(-3);
    expect(() => mulDivRounded(1, 1, 0, 'floor')).toThrow(RangeError);
  });
});

describe('multiplyYen fast path', () => {
  it('agrees with exact bigint arithmetic on random decimals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc.array(
          fc.integer({ min: -100_000, max: 100_000 }).map((x) => x / 10_000),
          { maxLength: 3 },
        ),
        fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 2 }),
        fc.constantFrom('floor' as const, 'ceil' as const, 'roundHalfUp' as const),
        (amount, factors, divisors, rounding) => {
          let num = BigInt(amount);
          let den = 1n;
          for (const f of factors) {
            const fr = decimalToFraction(f);
            num *= fr.numerator;
            den *= fr.denominator;
          }
          for (const d of divisors) den *= BigInt(d);
          expect(multiplyYen(yen(amount), factors, divisors, rounding)).toBe(Number(divideRounded(num, den, rounding)));
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('handles a negative divisor through the exact path', () => {
    expect(multiplyYen(yen(7), [], [-2], 'floor')).toBe(-4);
  });
});
