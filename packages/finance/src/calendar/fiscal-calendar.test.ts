import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMonths,
  compareIsoDates,
  daysInMonth,
  endOfMonthDate,
  firstFiscalYearStartingAfter,
  fiscalYearEndContaining,
  formatIsoDate,
  monthsBetween,
  parseIsoDate,
  parseYearMonth,
} from './fiscal-calendar';

describe('fiscal calendar', () => {
  it('knows month lengths and leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
  it('parses strictly', () => {
    expect(parseIsoDate('2026-03-31')).toEqual({ year: 2026, month: 3, day: 31 });
    expect(parseIsoDate('2025-02-29')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('2026/03/31')).toBeNull();
    expect(parseYearMonth('2026-00')).toBeNull();
    expect(parseYearMonth('x')).toBeNull();
    expect(formatIsoDate(2026, 3, 1)).toBe('2026-03-01');
  });
  it('adds and counts months', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2026-04', '2027-03')).toBe(11);
    expect(() => addMonths('bad', 1)).toThrow(RangeError);
  });
  it('names the fiscal year containing a month', () => {
    expect(fiscalYearEndContaining('2026-04', 3)).toBe('2027-03');
    expect(fiscalYearEndContaining('2026-03', 3)).toBe('2026-03');
    expect(fiscalYearEndContaining('2026-12', 12)).toBe('2026-12');
    expect(fiscalYearEndContaining('2026-01', 12)).toBe('2026-12');
    expect(endOfMonthDate('2028-02')).toBe('2028-02-29');
  });
  it('finds the first fiscal year starting after the agreement date', () => {
    // March year-end; agreed mid-June 2026 → the FY 2026-04-01…2027-03-31 already started → next one.
    expect(firstFiscalYearStartingAfter('2026-06-15', 3)).toEqual({
      startDate: '2027-04-01',
      endDate: '2028-03-31',
      endMonth: '2028-03',
    });
    // Agreed 31 March 2026 → FY starting 1 April 2026.
    expect(firstFiscalYearStartingAfter('2026-03-31', 3).endMonth).toBe('2027-03');
    // Agreed on the first day of a FY: by default that FY does not count; with sameDayCounts it does.
    expect(firstFiscalYearStartingAfter('2026-04-01', 3).endMonth).toBe('2028-03');
    expect(firstFiscalYearStartingAfter('2026-04-01', 3, { sameDayCounts: true }).endMonth).toBe('2027-03');
    // December year-end.
    expect(firstFiscalYearStartingAfter('2026-06-15', 12).startDate).toBe('2027-01-01');
    expect(() => firstFiscalYearStartingAfter('2026-02-30', 3)).toThrow(RangeError);
  });
  it('property: the first FY after a date starts after it and within a year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        (y, m, d, fyEnd) => {
          const date = formatIsoDate(y, m, d);
          const fy = firstFiscalYearStartingAfter(date, fyEnd);
          expect(compareIsoDates(fy.startDate, date)).toBe(1);
          const s = parseIsoDate(fy.startDate);
          expect(s).not.toBeNull();
          if (s) expect(monthsBetween(date.slice(0, 7), fy.startDate.slice(0, 7))).toBeLessThanOrEqual(12);
          expect(fy.endMonth.slice(5)).toBe(String(fyEnd).padStart(2, '0'));
        },
      ),
    );
  });
});
