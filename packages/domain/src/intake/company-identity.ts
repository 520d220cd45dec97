/**
 * Company names, their フリガナ and addresses as people type them: 全角 and 半角 letters, digits and katakana mixed,
 * ㈱ or (株) for 株式会社. These helpers fold them to one form for storage, and to a comparison key for spotting a
 * company that has already asked (possible duplicate: same 法人番号, or same name and address).
 *
 * @see ../shared/domain/REFERENCE.md §1.1 (desk consultation: one company, one council)
 */

/** Hyphen-like characters (also the katakana long vowel mark when it sits between digits). */
const HYPHENS = /[\u2010-\u2015\u2212\uff0d\u002d\u2043\ufe63]/g;

/**
 * Storage form of a company name: NFKC (半角カナ → 全角カナ, 全角英数 → 半角), whitespace collapsed.
 *
 * @example normalizeCompanyName('ｶﾌﾞｼｷｶﾞｲｼｬ\u3000ＡＢＣ  商事') // 'カブシキガイシャ ABC 商事'
 */
export function normalizeCompanyName(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * Storage form of a フリガナ: full-width katakana (ひらがな and 半角カナ are converted), spaces collapsed. Returns
 * `null` when something other than kana, the long vowel mark, ・ or spaces remains (the caller reports it).
 *
 * @example normalizeKana('ｶﾌﾞｼｷｶﾞｲｼｬ やまだ') // 'カブシキガイシャ ヤマダ'
 * @example normalizeKana('山田')              // null
 */
export function normalizeKana(input: string): string | null {
  const nfkc = input.normalize('NFKC').replace(/\s+/g, ' ').trim();
  let out = '';
  for (const ch of nfkc) {
    const code = ch.codePointAt(0) ?? 0;
    out += code >= 0x3041 && code <= 0x3096 ? String.fromCodePoint(code + 0x60) : ch;
  }
  return /^[\u30a1-\u30fa\u30fc\u30fb\u30fd\u30fe ]+$/.test(out) ? out : null;
}

/** Legal-form markers that do not distinguish one company from another. */
const LEGAL_FORMS = [
  '株式会社',
  '有限会社',
  '合同会社',
  '合資会社',
  '合名会社',
  '(株)',
  '(有)',
  '(同)',
  '(資)',
  '(名)',
  'カブシキガイシャ',
  'ユウゲンガイシャ',
  'ゴウドウガイシャ',
];

/**
 * Comparison form of a company name: storage form without legal-form markers, spaces and punctuation, Latin
 * lower-cased. ㈱山田製作所, 株式会社 山田製作所 and 山田製作所(株) compare equal.
 *
 * @example companyNameKey('㈱ 山田製作所') // '山田製作所'
 */
export function companyNameKey(input: string): string {
  let s = normalizeCompanyName(input);
  for (const form of LEGAL_FORMS) s = s.split(form).join('');
  return s.replace(/[\s・.,、。()「」'"&＆]/g, '').toLowerCase();
}

/**
 * Comparison form of an address: NFKC, no spaces, hyphens unified, 丁目/番地/番/号 written as hyphens, trailing
 * hyphen dropped. 「中央区１丁目２番３号」 and 「中央区1-2-3」 compare equal.
 *
 * @example addressKey('中央区１丁目２番３号') // '中央区1-2-3'
 */
export function addressKey(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(HYPHENS, '-')
    .replace(/(\d)ー(?=\d)/g, '$1-')
    .replace(/(\d)(?:丁目|番地|番|号)/g, '$1-')
    .replace(/-+/g, '-')
    .replace(/-$/, '');
}

export interface CompanyIdentity {
  readonly corporateNumber: string | null;
  readonly name: string;
  /** Prefecture name + the rest of the address, as entered. */
  readonly address: string;
}

/**
 * The keys under which two requests are possibly the same company: the 法人番号 when given, and always the name
 * with the address (sole proprietors have no 法人番号). Two requests sharing any key are flagged, never merged.
 *
 * @example companyDuplicateKeys({ corporateNumber: '7000012050002', name: '㈱山田', address: '東京都千代田区1-1' })
 *   // ['cn:7000012050002', 'na:山田|東京都千代田区1-1']
 */
export function companyDuplicateKeys(company: CompanyIdentity): string[] {
  const keys: string[] = [];
  if (company.corporateNumber) keys.push(`cn:${company.corporateNumber}`);
  keys.push(`na:${companyNameKey(company.name)}|${addressKey(company.address)}`);
  return keys;
}
