import { yen, type Yen } from '@kasseika/domain';

/**
 * Exact money arithmetic for this package. `@kasseika/domain` owns `Yen` and its named rounding helpers; the helpers
 * here add "amount × decimal ratio, rounded by a named rule" without floating-point error, by reading the ratio as
 * the exact decimal a person typed (0.015 → 15/1000) and computing with `bigint`.
 */

/** A named rounding rule for money: 切り捨て (floor, toward −∞), 切り上げ (ceil, toward +∞), 四捨五入 (half away from zero). */
export type YenRounding = 'floor' | 'ceil' | 'roundHalfUp';

/** A non-negative-denominator fraction of two bigints. */
export interface ExactFraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/**
 * Reads a finite number as the exact decimal fraction of its shortest string form (what was typed), e.g. a rate
 * 0.29 becomes 29/100 rather than the binary double 0.28999999999999998.
 *
 * @example
 * decimalToFraction(0.015) // { numerator: 15n, denominator: 1000n }
 * decimalToFraction(1.2e-7) // { numerator: 12n, denominator: 100000000n }
 */
export function decimalToFraction(value: number): ExactFraction {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${String(value)}`);
  const [mantissa = '0', exponentPart] = value.toString().toLowerCase().split('e');
  const exponent = exponentPart === undefined ? 0 : Number(exponentPart);
  const negative = mantissa.startsWith('-');
  const unsigned = negative ? mantissa.slice(1) : mantissa;
  const [intPart = '0', fracPart = ''] = unsigned.split('.');
  let numerator = BigInt(intPart + fracPart);
  const scale = fracPart.length - exponent; // value = numerator × 10^(−scale)
  let denominator = 1n;
  if (scale >= 0) denominator = 10n ** BigInt(scale);
  else numerator *= 10n ** BigInt(-scale);
  return { numerator: negative ? -numerator : numerator, denominator };
}

/**
 * Divides two bigints and rounds by a named rule.
 *
 * @example
 * divideRounded(7n, 2n, 'floor') // 3n
 * divideRounded(-7n, 2n, 'roundHalfUp') // -4n
 */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: YenRounding): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const q = numerator / denominator; // truncates toward zero
  const r = numerator % denominator;
  if (r === 0n) return q;
  switch (rounding) {
    case 'floor':
      return numerator < 0n ? q - 1n : q;
    case 'ceil':
      return numerator > 0n ? q + 1n : q;
    case 'roundHalfUp': {
      const twiceR = (r < 0n ? -r : r) * 2n;
      if (twiceR >= denominator) return numerator < 0n ? q - 1n : q + 1n;
      return q;
    }
  }
}

/**
 * Multiplies an amount of yen by a product of decimal factors and rounds once, by the named rule. Each factor is read
 * exactly with {@link decimalToFraction}; integer divisors (e.g. 12 months, 365 days) go in `divisors`.
 *
 * @example
 * multiplyYen(yen(10_000_000), [0.015], [12], 'floor') // 12500 (monthly interest at 1.5 % p.a.)
 * multiplyYen(yen(100), [0.29], [], 'floor')           // 29 (not 28, as a double product would give)
 */
export function multiplyYen(amount: Yen, factors: readonly number[], divisors: readonly number[], rounding: YenRounding): Yen {
  // Fast path: everything fits in safe integers.
  let fNum = 1;
  let fDen = 1;
  let safe = true;
  const fractions = factors.map(decimalToFraction);
  for (const fr of fractions) {
    fNum *= Number(fr.numerator);
    fDen *= Number(fr.denominator);
  }
  for (const d of divisors) {
    if (!Number.isSafeInteger(d) || d === 0) throw new RangeError(`divisor must be a non-zero integer, got ${d}`);
    fDen *= d;
  }
  if (!Number.isSafeInteger(fNum) || !Number.isSafeInteger(fDen) || fDen <= 0) safe = false;
  if (safe) return yen(mulDivRounded(amount, fNum, fDen, rounding));
  let num = BigInt(amount);
  let den = 1n;
  for (const fr of fractions) {
    num *= fr.numerator;
    den *= fr.denominator;
  }
  for (const d of divisors) den *= BigInt(d);
  return yen(Number(divideRounded(num, den, rounding)));
}

/**
 * Amount × numerator ÷ denominator with a named rounding (e.g. the subsidy's 2/3).
 *
 * @example
 * multiplyYenByFraction(yen(3_300_000), 2, 3, 'floor') // 2200000
 * multiplyYenByFraction(yen(100), 2, 3, 'roundHalfUp') // 67
 */
export function multiplyYenByFraction(amount: Yen, numerator: number, denominator: number, rounding: YenRounding): Yen {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError('numerator and denominator must be integers and denominator > 0');
  }
  return yen(Number(divideRounded(BigInt(amount) * BigInt(numerator), BigInt(denominator), rounding)));
}

/**
 * Japanese and English name of a rounding rule, for explanation steps.
 *
 * @example
 * describeRounding('floor') // { ja: '円未満切り捨て', en: 'rounded down to the yen' }
 */
export function describeRounding(rounding: YenRounding): { ja: string; en: string } {
  switch (rounding) {
    case 'floor':
      return { ja: '円未満切り捨て', en: 'rounded down to the yen' };
    case 'ceil':
      return { ja: '円未満切り上げ', en: 'rounded up to the yen' };
    case 'roundHalfUp':
      return { ja: '円未満四捨五入', en: 'rounded half up to the yen' };
  }
}

/**
 * (a × b) ÷ c for integers, rounded by a named rule, exactly: plain number arithmetic while the product is a safe
 * integer (with an exactness correction of the quotient), `bigint` beyond. A fast path for hot loops such as
 * monthly interest.
 *
 * @example
 * mulDivRounded(35_000_000, 125 * 31, 10_000 * 365, 'floor') // 37157 (35,000,000 × 1.25 % × 31 ÷ 365 = 37,157.5)
 */
export function mulDivRounded(a: number, b: number, c: number, rounding: YenRounding): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || !Number.isSafeInteger(c) || c <= 0) {
    throw new RangeError('mulDivRounded needs safe integers and a positive divisor');
  }
  const p = a * b;
  if (!Number.isSafeInteger(p)) return Number(divideRounded(BigInt(a) * BigInt(b), BigInt(c), rounding));
  let q = Math.floor(p / c) + 0; // + 0 turns −0 into 0
  // Correct a floating-point quotient that landed one off the exact floor.
  while (q * c > p) q -= 1;
  while ((q + 1) * c <= p) q += 1;
  const r = p - q * c; // 0 ≤ r < c
  if (r === 0) return q;
  switch (rounding) {
    case 'floor':
      return q;
    case 'ceil':
      return q + 1;
    case 'roundHalfUp':
      // Half away from zero: for p ≥ 0 round up at r ≥ c/2; for p < 0 the floor is already away from zero at r ≤ c/2.
      if (p >= 0) return 2 * r >= c ? q + 1 : q;
      return 2 * r > c ? q + 1 : q;
  }
}
