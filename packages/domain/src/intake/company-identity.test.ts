import { describe, expect, it } from 'vitest';
import { addressKey, companyDuplicateKeys, companyNameKey, normalizeCompanyName, normalizeKana } from './company-identity';

describe('company identity normalisation', () => {
  it('folds 半角カナ and 全角英数 in names', () => {
    expect(normalizeCompanyName('ｶﾌﾞｼｷｶﾞｲｼｬ\u3000ＡＢＣ  商事')).toBe('カブシキガイシャ ABC 商事');
  });

  it('turns ひらがな and 半角カナ フリガナ into 全角カタカナ and refuses kanji', () => {
    expect(normalizeKana('ｶﾌﾞｼｷｶﾞｲｼｬ やまだ')).toBe('カブシキガイシャ ヤマダ');
    expect(normalizeKana('ヤマダ・セイサクショ')).toBe('ヤマダ・セイサクショ');
    expect(normalizeKana('山田')).toBeNull();
    expect(normalizeKana('   ')).toBeNull();
  });

  it('compares names without legal forms and addresses without 丁目/番/号 spellings', () => {
    expect(companyNameKey('㈱ 山田製作所')).toBe('山田製作所');
    expect(companyNameKey('山田製作所株式会社')).toBe('山田製作所');
    expect(companyNameKey('ＡＢＣ商事（株）')).toBe('abc商事');
    expect(addressKey('中央区１丁目２番３号')).toBe('中央区1-2-3');
    expect(addressKey('中央区 1－2－3')).toBe('中央区1-2-3');
    expect(addressKey('中央区1ー2ー3')).toBe('中央区1-2-3');
  });

  it('gives a 法人番号 key when there is one, and always a name + address key', () => {
    expect(companyDuplicateKeys({ corporateNumber: '7000012050002', name: '㈱山田', address: '東京都千代田区1-1' })).toEqual([
      'cn:7000012050002',
      'na:山田|東京都千代田区1-1',
    ]);
    const a = companyDuplicateKeys({ corporateNumber: null, name: '株式会社 山田', address: '東京都千代田区１丁目１番' });
    const b = companyDuplicateKeys({ corporateNumber: null, name: '山田(株)', address: '東京都千代田区1-1' });
    expect(a).toEqual(b);
  });
});
