import { describe, expect, it } from 'vitest';
import { checkCorporateNumber, corporateNumberCheckDigit } from './corporate-number';

describe('法人番号 check digit', () => {
  it('computes the check digit of published corporate numbers', () => {
    // 国税庁 7000012050002, 東京都 8000020130001 (published on the NTA site)
    expect(corporateNumberCheckDigit('000012050002')).toBe(7);
    expect(corporateNumberCheckDigit('000020130001')).toBe(8);
  });

  it('accepts 全角 digits, spaces and hyphens, and refuses a wrong check digit or length', () => {
    expect(checkCorporateNumber('７０００ ０１２０ ５０００２')).toEqual({ ok: true, value: '7000012050002' });
    expect(checkCorporateNumber('8-0000-2013-0001')).toEqual({ ok: true, value: '8000020130001' });
    expect(checkCorporateNumber('1000012050002')).toEqual({ ok: false, code: 'corporateNumber.checkDigit' });
    expect(checkCorporateNumber('700001205000')).toEqual({ ok: false, code: 'corporateNumber.format' });
    expect(checkCorporateNumber('70000120500a2')).toEqual({ ok: false, code: 'corporateNumber.format' });
  });

  it('every base number has exactly one valid check digit between 1 and 9', () => {
    for (const base of ['000000000000', '999999999999', '123456789012', '010101010101']) {
      const d = corporateNumberCheckDigit(base);
      expect(d).toBeGreaterThanOrEqual(1);
      expect(d).toBeLessThanOrEqual(9);
      const valid = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].filter((c) => checkCorporateNumber(`${c}${base}`).ok);
      expect(valid).toEqual([String(d)]);
    }
  });

  it('refuses a non-12-digit base', () => {
    expect(() => corporateNumberCheckDigit('12')).toThrow(RangeError);
  });
});
