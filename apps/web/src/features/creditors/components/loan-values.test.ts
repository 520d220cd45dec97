import { describe, expect, it } from 'vitest';
import { loanFormErrors, loanFormValues, typedNumber } from './loan-values';

const filled = { ...loanFormValues(), label: '運転資金', balance: '12,000,000', annualRatePercent: '1.5', monthlyRepayment: '200000' };

describe('loan form values', () => {
  it('reads typed numbers: full-width digits, commas, yen and percent signs; blank is unset; words are refused', () => {
    expect(typedNumber('１２,０００,０００')).toBe(12_000_000);
    expect(typedNumber('200,000円')).toBe(200_000);
    expect(typedNumber('80%')).toBe(80);
    expect(typedNumber('  ')).toBeUndefined();
    expect(typedNumber('20万')).toBe(-1);
  });

  it('builds the body with the contract defaults (haircut 100%, no cover, no collateral)', () => {
    expect(loanFormErrors(filled)).toEqual({
      ok: true,
      body: {
        label: '運転資金',
        balance: 12_000_000,
        annualRatePercent: 1.5,
        monthlyRepayment: 200_000,
        collateral: null,
        collateralAppraisal: 0,
        collateralHaircutPercent: 100,
        guaranteeCoverPercent: 0,
      },
    });
  });

  it('names each wrong field with the message key the API uses', () => {
    const result = loanFormErrors({ ...filled, label: '', monthlyRepayment: '20万', balance: '1000.5', guaranteeCoverPercent: '120' });
    expect(result).toEqual({
      ok: false,
      errors: { label: 'loanLabel.length', balance: 'yen.amount', monthlyRepayment: 'yen.amount', guaranteeCoverPercent: 'percent.range' },
    });
    expect(loanFormErrors({ ...filled, annualRatePercent: '' })).toEqual({ ok: false, errors: { annualRatePercent: 'rate.percent' } });
  });

  it('shows a saved loan as it was', () => {
    const v = loanFormValues({
      id: 'l',
      creditorId: 'c',
      label: '設備資金',
      balance: 8_000_000,
      annualRatePercent: 1.2,
      monthlyRepayment: 100_000,
      collateral: null,
      collateralAppraisal: 0,
      collateralHaircutPercent: 100,
      guaranteeCoverPercent: 0,
    });
    expect(v).toMatchObject({ label: '設備資金', balance: '8000000', annualRatePercent: '1.2', collateral: '' });
  });
});
