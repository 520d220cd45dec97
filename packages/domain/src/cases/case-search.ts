import { normalizeCompanyName, normalizeKana } from '../intake/company-identity';
import { toHalfWidthAscii } from '../text/japanese-text';

/**
 * What one search box on the staff case list looks for. People type a company name, its フリガナ (in ひらがな,
 * 全角 or 半角 katakana), a reference number or a 法人番号 (with 全角 digits, hyphens or spaces) into the same
 * box; the server matches each form against the plaintext column it belongs to (names, フリガナ and 法人番号 are
 * stored in plaintext for exactly this reason; notes and reasons are encrypted and never searched).
 *
 * @see ../shared/domain/REFERENCE.md §1.1 (one company, one council: finding the company's case again)
 */
export interface CaseSearchTerms {
  /** Storage form of the input (NFKC, spaces collapsed): a substring of the company name or reference number. */
  readonly text: string;
  /** The input as full-width katakana without spaces, when it is kana only: a substring of the フリガナ. */
  readonly kana: string | null;
  /** The digits, when the input is 4–13 digits (hyphens and spaces allowed): a prefix of the 法人番号. */
  readonly corporateNumberPrefix: string | null;
}

/**
 * Classifies a search input. Returns `null` for an empty input.
 *
 * @example caseSearchTerms('ﾔﾏﾀﾞ')          // { text: 'ヤマダ', kana: 'ヤマダ', corporateNumberPrefix: null }
 * @example caseSearchTerms('やまだ せいさく') // { text: 'やまだ せいさく', kana: 'ヤマダセイサク', corporateNumberPrefix: null }
 * @example caseSearchTerms('７０００-０１２') // { text: '7000-012', kana: null, corporateNumberPrefix: '7000012' }
 */
export function caseSearchTerms(input: string): CaseSearchTerms | null {
  const text = normalizeCompanyName(input);
  if (text === '') return null;
  const kana = normalizeKana(text);
  const digits = toHalfWidthAscii(text).replace(/[\s\u2010-\u2015\u2212\u30fc\uff0d-]/g, '');
  return {
    text,
    kana: kana === null ? null : kana.replace(/ /g, ''),
    corporateNumberPrefix: /^\d{4,13}$/.test(digits) ? digits : null,
  };
}
