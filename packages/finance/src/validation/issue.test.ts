import { describe, expect, it } from 'vitest';
import { checkYen, formatPercentPlain, formatYenPlain, hasNoErrors, makeIssue, type ValidationIssue } from './issue';

describe('validation issues', () => {
  it('formats yen and percentages for messages', () => {
    expect(formatYenPlain(-2_055_626)).toBe('-2,055,626');
    expect(formatYenPlain(0)).toBe('0');
    expect(formatYenPlain(1234.5)).toBe('1,234.5');
    expect(formatYenPlain(Number.NaN)).toBe('NaN');
    expect(formatPercentPlain(0.7)).toBe('70');
    expect(formatPercentPlain(0.66666)).toBe('66.67');
    expect(formatPercentPlain(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
  it('checks integer yen and collects issues', () => {
    const issues: ValidationIssue[] = [];
    expect(checkYen(issues, ['a'], 10, { ja: '金額', en: 'Amount' })).toBe(true);
    expect(checkYen(issues, ['b'], 1.5, { ja: '金額', en: 'Amount' })).toBe(false);
    expect(checkYen(issues, ['c'], '3', { ja: '金額', en: 'Amount' })).toBe(false);
    expect(checkYen(issues, ['d'], 2 ** 53, { ja: '金額', en: 'Amount' })).toBe(false);
    expect(issues.map((i) => [i.path[0], i.code])).toEqual([
      ['b', 'NOT_INTEGER_YEN'],
      ['c', 'NOT_INTEGER_YEN'],
      ['d', 'NOT_INTEGER_YEN'],
    ]);
    expect(issues[0]?.message.ja).toContain('1.5');
  });
  it('tells errors from warnings', () => {
    const w = makeIssue(['x'], 'W', { ja: 'w', en: 'w' }, { severity: 'warning' });
    const e = makeIssue(['x'], 'E', { ja: 'e', en: 'e' }, { params: { n: 1 } });
    expect(hasNoErrors([w])).toBe(true);
    expect(hasNoErrors([w, e])).toBe(false);
    expect(e).toEqual({ path: ['x'], code: 'E', message: { ja: 'e', en: 'e' }, severity: 'error', params: { n: 1 } });
  });
});
