import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, isBusinessDay } from './business-days';

// 2026: 成人の日 Mon 12 Jan; 文化の日 Tue 3 Nov; 勤労感謝の日 Mon 23 Nov.
const holidays = new Set(['2026-01-12', '2026-11-03', '2026-11-23']);
const jp = (d: string) => holidays.has(d);

describe('business days', () => {
  it('skips weekends and national holidays', () => {
    expect(isBusinessDay('2026-01-12', jp)).toBe(false);
    expect(isBusinessDay('2026-01-10', jp)).toBe(false);
    expect(isBusinessDay('2026-01-13', jp)).toBe(true);
    expect(addBusinessDays('2026-01-09', 1, jp)).toBe('2026-01-13');
    expect(addBusinessDays('2026-11-20', 2, jp)).toBe('2026-11-25');
    expect(addBusinessDays('2026-10-30', 5, jp)).toBe('2026-11-09');
  });

  it('counts zero days as the start, or the next business day after a holiday', () => {
    expect(addBusinessDays('2026-01-13', 0, jp)).toBe('2026-01-13');
    expect(addBusinessDays('2026-01-10', 0, jp)).toBe('2026-01-13');
  });

  it('counts business days between dates, signed', () => {
    expect(businessDaysBetween('2026-11-20', '2026-11-24', jp)).toBe(1);
    expect(businessDaysBetween('2026-11-24', '2026-11-20', jp)).toBe(-1);
    expect(businessDaysBetween('2026-11-24', '2026-11-24', jp)).toBe(0);
  });

  it('refuses what is not a date or a negative count', () => {
    expect(() => addBusinessDays('2026-13-01', 1, jp)).toThrow(RangeError);
    expect(() => addBusinessDays('2026-01-13', -1, jp)).toThrow(RangeError);
  });
});
