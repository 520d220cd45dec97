import { describe, expect, it } from 'vitest';
import {
  formatPostalCode,
  looksLikePostalCodePrefix,
  normalizeForSearch,
  parsePostalCode,
  postalCodeDigits,
  telUri,
  toHalfWidthAscii,
} from './japanese-text';

describe('japanese text normalisation', () => {
  it('folds 全角 ASCII and the ideographic space', () => {
    expect(toHalfWidthAscii('ＡＢＣ１２３　ｘ')).toBe('ABC123 x');
    expect(toHalfWidthAscii('札幌')).toBe('札幌');
  });

  it('normalises search text', () => {
    expect(normalizeForSearch('  Ｔｏｋｙｏ　都 ')).toBe('tokyo 都');
    expect(normalizeForSearch('北1条西２丁目')).toBe('北1条西2丁目');
  });

  it('parses postal codes in every common spelling', () => {
    expect(parsePostalCode('1000005')).toBe('1000005');
    expect(parsePostalCode('100-0005')).toBe('1000005');
    expect(parsePostalCode('〒１００－０００５')).toBe('1000005');
    expect(parsePostalCode('〒 100ー0005')).toBe('1000005');
    expect(parsePostalCode('100-000')).toBeNull();
    expect(parsePostalCode('abcdefg')).toBeNull();
    expect(parsePostalCode('10000051')).toBeNull();
  });

  it('recognises postal-code prefixes', () => {
    expect(looksLikePostalCodePrefix('〒10')).toBe(true);
    expect(looksLikePostalCodePrefix('100-00')).toBe(true);
    expect(looksLikePostalCodePrefix('札幌')).toBe(false);
    expect(looksLikePostalCodePrefix('')).toBe(false);
    expect(postalCodeDigits('１００-00')).toBe('10000');
  });

  it('formats postal codes and phone links', () => {
    expect(formatPostalCode('1000005')).toBe('100-0005');
    expect(() => formatPostalCode('12')).toThrow(RangeError);
    expect(telUri('011-222-2829')).toBe('tel:+81-11-222-2829');
    expect(telUri('0155-67-1144')).toBe('tel:+81-155-67-1144');
    expect(telUri('03-5470-1477')).toBe('tel:+81-3-5470-1477');
    expect(() => telUri('12345')).toThrow(RangeError);
  });
});
