import { describe, expect, it } from 'vitest';
import { caseSearchTerms } from './case-search';

describe('case search terms', () => {
  it('folds 半角カナ and ひらがな to full-width katakana for the フリガナ', () => {
    expect(caseSearchTerms('ﾔﾏﾀﾞ ｾｲｻｸｼｮ')).toEqual({
      text: 'ヤマダ セイサクショ',
      kana: 'ヤマダセイサクショ',
      corporateNumberPrefix: null,
    });
    expect(caseSearchTerms('やまだ')?.kana).toBe('ヤマダ');
    expect(caseSearchTerms('ヤマダ')?.kana).toBe('ヤマダ');
  });

  it('does not take kanji or Latin input for a フリガナ', () => {
    expect(caseSearchTerms('山田製作所')).toEqual({ text: '山田製作所', kana: null, corporateNumberPrefix: null });
    expect(caseSearchTerms('ＡＢＣ　商事')).toEqual({ text: 'ABC 商事', kana: null, corporateNumberPrefix: null });
  });

  it('reads 4–13 digits (全角, hyphens, spaces) as the start of a 法人番号', () => {
    expect(caseSearchTerms('７０００－０１２')?.corporateNumberPrefix).toBe('7000012');
    expect(caseSearchTerms('7000 0120 5000 2')?.corporateNumberPrefix).toBe('7000012050002');
    expect(caseSearchTerms('123')?.corporateNumberPrefix).toBeNull();
    expect(caseSearchTerms('70000120500021')?.corporateNumberPrefix).toBeNull();
    // A reference number is still found as text.
    expect(caseSearchTerms('13-2026-0001')).toEqual({ text: '13-2026-0001', kana: null, corporateNumberPrefix: '1320260001' });
  });

  it('answers null for an empty input', () => {
    expect(caseSearchTerms('　 ')).toBeNull();
  });
});
