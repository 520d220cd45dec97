/**
 * Normalisation of Japanese input text. Users type 全角 and 半角 digits, letters, hyphens and spaces
 * interchangeably; these helpers fold them to one canonical form before validation or search.
 */

const FULLWIDTH_OFFSET = 0xfee0;

/**
 * Folds 全角 ASCII (！–～) to 半角 and the ideographic space (U+3000) to a plain space.
 *
 * @example toHalfWidthAscii('１２３－４５６７') // '123-4567' (the hyphen-like '－' U+FF0D becomes '-')
 */
export function toHalfWidthAscii(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - FULLWIDTH_OFFSET);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Characters people use for a hyphen or a long dash in postal codes and phone numbers. */
const HYPHEN_LIKE = /[\u2010-\u2015\u2212\u30fc\uff0d\uff70\u002d\u2043\ufe63]/g;

/**
 * Canonical form for free-text search: 半角 ASCII, hyphens unified, whitespace collapsed, lower-case Latin.
 *
 * @example normalizeForSearch(' Ｔｏｋｙｏ\u3000都 ') // 'tokyo 都'
 */
export function normalizeForSearch(input: string): string {
  return toHalfWidthAscii(input.normalize('NFKC')).replace(HYPHEN_LIKE, '-').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Extracts a 7-digit Japanese postal code (郵便番号) from user input, accepting 全角 digits, a leading 〒 and
 * any hyphen-like separator. Returns `null` when the input is not exactly a postal code.
 *
 * @example parsePostalCode('〒１００－０００５') // '1000005'
 * @example parsePostalCode('100-0005')         // '1000005'
 * @example parsePostalCode('100-000')          // null
 */
export function parsePostalCode(input: string): string | null {
  const s = toHalfWidthAscii(input)
    .replace(/^\s*〒\s*/, '')
    .replace(HYPHEN_LIKE, '-')
    .trim();
  const m = /^(\d{3})-?(\d{4})$/.exec(s);
  return m ? `${m[1]}${m[2]}` : null;
}

/**
 * Whether the input looks like an attempt at a postal code (digits, optional 〒 and hyphen), even if incomplete.
 * Used to search by prefix ("100" → all offices whose 〒 starts with 100).
 *
 * @example looksLikePostalCodePrefix('〒10')  // true
 * @example looksLikePostalCodePrefix('札幌') // false
 */
export function looksLikePostalCodePrefix(input: string): boolean {
  const s = toHalfWidthAscii(input)
    .replace(/^\s*〒\s*/, '')
    .replace(HYPHEN_LIKE, '-')
    .trim();
  return /^\d{1,3}(-?\d{0,4})?$/.test(s) && s.length > 0;
}

/** Digits of a postal-code prefix, e.g. '100-00' → '10000'. */
export function postalCodeDigits(input: string): string {
  return toHalfWidthAscii(input).replace(/\D/g, '');
}

/**
 * Formats a 7-digit postal code as 〒-style `NNN-NNNN`.
 * @example formatPostalCode('1000005') // '100-0005'
 */
export function formatPostalCode(digits: string): string {
  if (!/^\d{7}$/.test(digits)) throw new RangeError(`not a 7-digit postal code: ${digits}`);
  return `${digits.slice(0, 3)}-${digits.slice(3)}`;
}

/**
 * Builds a `tel:` URI in E.164 form from a Japanese domestic phone number (市外局番から).
 *
 * @example telUri('011-222-2829')  // 'tel:+81-11-222-2829'
 * @example telUri('03-5470-1477')  // 'tel:+81-3-5470-1477'
 */
export function telUri(domestic: string): string {
  const s = toHalfWidthAscii(domestic).replace(HYPHEN_LIKE, '-').trim();
  if (!/^0\d{1,4}-\d{1,4}-\d{3,4}$/.test(s)) throw new RangeError(`not a domestic phone number: ${domestic}`);
  return `tel:+81-${s.slice(1)}`;
}
