import { describe, expect, it } from 'vitest';
import { formatAmountForInput, parseAmountInput } from './parse-amount';

describe('parseAmountInput', () => {
  it.each([
    ['1234', 1, 1234],
    ['１，２３４', 1, 1234],
    ['1,234,567円', 1, 1234567],
    [' 12 345 ', 1, 12345],
    ['▲500', 1, -500],
    ['△500', 1000, -500000],
    ['(1,000)', 1, -1000],
    ['−42', 1, -42],
    ['－４２', 1, -42],
    ['1.5', 1000, 1500],
    ['0.001', 1000, 1],
    ['2,000千円', 1000, 2000000],
    ['1.000', 1, 1],
    ['-0', 1, 0],
  ] as const)('%s in unit %d is %d yen', (input, unit, expected) => {
    expect(parseAmountInput(input, unit)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'notNumber'],
    ['12a', 'notNumber'],
    ['1.5', 'notInteger'],
    ['99999999999999999', 'tooLarge'],
  ] as const)('%j is rejected as %s', (input, problem) => {
    expect(parseAmountInput(input)).toEqual({ ok: false, problem });
  });

  it('rejects fractions of a yen in 千円', () => {
    expect(parseAmountInput('0.0005', 1000)).toEqual({ ok: false, problem: 'notInteger' });
  });

  it('round-trips through formatAmountForInput', () => {
    for (const v of [0, 1, 999, 1000, 1500, -2_000_000, 123_456_789]) {
      for (const unit of [1, 1000] as const) expect(parseAmountInput(formatAmountForInput(v, unit), unit)).toEqual({ ok: true, value: v });
    }
  });
});
