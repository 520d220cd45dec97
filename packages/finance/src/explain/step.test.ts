import { describe, expect, it } from 'vitest';
import { makeStep, text } from './step';

describe('makeStep', () => {
  it('builds a step with optional formula and source', () => {
    expect(makeStep('X', text('エックス', 'X'), 1, 'yen', { formula: text('a', 'a'), sourceRef: 'REFERENCE §1' })).toEqual({
      code: 'X',
      label: { ja: 'エックス', en: 'X' },
      value: 1,
      unit: 'yen',
      formula: { ja: 'a', en: 'a' },
      sourceRef: 'REFERENCE §1',
    });
    expect(makeStep('Y', text('y', 'y'), null, 'none')).toEqual({ code: 'Y', label: { ja: 'y', en: 'y' }, value: null, unit: 'none' });
  });
  it('never stores NaN, Infinity or −0', () => {
    expect(makeStep('A', text('a', 'a'), Number.NaN, 'ratio').value).toBeNull();
    expect(makeStep('A', text('a', 'a'), Number.POSITIVE_INFINITY, 'ratio').value).toBeNull();
    expect(Object.is(makeStep('A', text('a', 'a'), -0, 'yen').value, 0)).toBe(true);
  });
});
