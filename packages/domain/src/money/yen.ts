/**
 * Money in Kasseika is always an integer number of yen. `Yen` is a branded `number` that is guaranteed to be a
 * safe integer, so arithmetic on it is exact (|x| < 2^53 ≈ 9,007 兆円, far above any SME balance sheet).
 *
 * Every rounding is explicit and named after its rule: {@link floorYen}, {@link roundHalfUpYen},
 * {@link ceilYen}, {@link floorToUnit}. Nothing in the domain rounds implicitly.
 *
 * @see docs/adr/0004-money-as-integer-yen.md
 */
export type Yen = number & { readonly __brand: 'Yen' };

/** Thrown when a value that must be integer yen is not. */
export class NotIntegerYenError extends Error {
  readonly code = 'NOT_INTEGER_YEN' as const;
  constructor(readonly value: unknown) {
    super(`Not an integer amount of yen: ${String(value)}`);
    this.name = 'NotIntegerYenError';
  }
}

/**
 * Brands a number as yen after checking it is a safe integer.
 *
 * @example
 * yen(1_000_000) // 1000000 as Yen
 * yen(0.5)       // throws NotIntegerYenError
 */
export function yen(value: number): Yen {
  if (!Number.isSafeInteger(value)) throw new NotIntegerYenError(value);
  return value as Yen;
}

/** True when `value` is a safe integer (a valid amount of yen). */
export function isYen(value: unknown): value is Yen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Sum of amounts; exact for safe integers, checked on the way. @example sumYen([yen(1), yen(2)]) // 3 */
export function sumYen(values: readonly Yen[]): Yen {
  let total = 0;
  for (const v of values) total += v;
  return yen(total);
}

/**
 * Rounds a real number of yen down (toward −∞) to an integer. Name of the rule: 切り捨て.
 * @example floorYen(2_200_000.67) // 2200000
 */
export function floorYen(value: number): Yen {
  return yen(Math.floor(value));
}

/**
 * Rounds toward +∞ (切り上げ).
 * @example ceilYen(10.1) // 11
 */
export function ceilYen(value: number): Yen {
  return yen(Math.ceil(value));
}

/**
 * Rounds half away from zero (四捨五入), the convention of Japanese business documents.
 * @example roundHalfUpYen(666_666.5) // 666667
 * @example roundHalfUpYen(-2.5)      // -3
 */
export function roundHalfUpYen(value: number): Yen {
  const r = Math.sign(value) * Math.round(Math.abs(value));
  return yen(r === 0 ? 0 : r);
}

/**
 * Rounds a non-negative amount down to a multiple of `unit` (e.g. ¥1,000 単位で切り捨て).
 * @example floorToUnit(yen(666_666), 1000) // 666000
 */
export function floorToUnit(value: Yen, unit: number): Yen {
  if (!Number.isSafeInteger(unit) || unit <= 0) throw new RangeError(`unit must be a positive integer, got ${unit}`);
  return yen(Math.floor(value / unit) * unit);
}

/**
 * Multiplies an amount by a ratio given as an exact fraction and floors the result (切り捨て), without going through
 * a floating-point ratio. Used e.g. for "2/3 of the eligible cost".
 *
 * @example mulFractionFloor(yen(3_300_000), 2, 3) // 2200000
 */
export function mulFractionFloor(value: Yen, numerator: number, denominator: number): Yen {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError('numerator and denominator must be integers and denominator > 0');
  }
  const product = BigInt(value) * BigInt(numerator);
  const d = BigInt(denominator);
  let q = product / d;
  if (product % d !== 0n && product < 0n) q -= 1n; // floor toward −∞ for negative values
  return yen(Number(q));
}
