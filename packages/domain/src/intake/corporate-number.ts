import { toHalfWidthAscii } from '../text/japanese-text';

/**
 * 法人番号 (corporate number): 13 digits, a check digit followed by the 12-digit base number (基礎番号).
 *
 * The check digit is defined by 法人番号の指定等に関する省令 (平成26年財務省令第70号) 第1条 and explained by the
 * National Tax Agency: with P_n the n-th digit of the base number counted from its last (rightmost) digit and
 * Q_n = 1 for odd n, 2 for even n, the check digit is 9 − (Σ_{n=1..12} P_n × Q_n mod 9).
 *
 * @see https://www.houjin-bangou.nta.go.jp/setsumei/ (国税庁 法人番号公表サイト「法人番号の構成」)
 * @see ../shared/domain/REFERENCE.md §1 (who may consult: corporations and sole proprietors)
 */

/**
 * The check digit of a 12-digit base number.
 *
 * @example corporateNumberCheckDigit('000012050002') // 7 (国税庁 7000012050002)
 */
export function corporateNumberCheckDigit(base12: string): number {
  if (!/^\d{12}$/.test(base12)) throw new RangeError(`not a 12-digit base number: ${base12}`);
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(base12[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

export type CorporateNumberCheck =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly code: 'corporateNumber.format' | 'corporateNumber.checkDigit' };

/**
 * Reads a 法人番号 as people type it (全角 digits, spaces or hyphens between groups) and checks its check digit.
 *
 * @example checkCorporateNumber('７０００ ０１２０ ５０００２') // { ok: true, value: '7000012050002' }
 * @example checkCorporateNumber('1000012050002')           // { ok: false, code: 'corporateNumber.checkDigit' }
 */
export function checkCorporateNumber(input: string): CorporateNumberCheck {
  const digits = toHalfWidthAscii(input).replace(/[\s\-\u2010-\u2015\u2212\u30fc]/g, '');
  if (!/^\d{13}$/.test(digits)) return { ok: false, code: 'corporateNumber.format' };
  if (Number(digits[0]) !== corporateNumberCheckDigit(digits.slice(1))) return { ok: false, code: 'corporateNumber.checkDigit' };
  return { ok: true, value: digits };
}
