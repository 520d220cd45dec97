/**
 * Calendar arithmetic for fiscal years and monthly schedules. Pure: dates are ISO strings passed in, never read from
 * a clock. A fiscal year is named by its end (決算期末): `fiscalYearEndMonth` 3 and year 2026 = 2025-04-01…2026-03-31.
 */

/** An ISO calendar date `YYYY-MM-DD`. */
export type IsoDate = string;
/** A calendar month `YYYY-MM`. */
export type YearMonth = string;

/** A parsed date. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * Number of days in a month of the Gregorian calendar.
 *
 * @example
 * daysInMonth(2024, 2) // 29
 * daysInMonth(2025, 2) // 28
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Parses a strict `YYYY-MM-DD` date; returns `null` for anything else (including 2025-02-30).
 *
 * @example
 * parseIsoDate('2026-03-31') // { year: 2026, month: 3, day: 31 }
 * parseIsoDate('2026-3-31')  // null
 */
export function parseIsoDate(value: string): DateParts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * Parses a strict `YYYY-MM` month.
 *
 * @example
 * parseYearMonth('2026-04') // { year: 2026, month: 4 }
 */
export function parseYearMonth(value: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year, month };
}

/**
 * Formats a year and month as `YYYY-MM`.
 *
 * @example
 * formatYearMonth(2026, 4) // '2026-04'
 */
export function formatYearMonth(year: number, month: number): YearMonth {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/**
 * Formats a date as `YYYY-MM-DD`.
 *
 * @example
 * formatIsoDate(2026, 3, 31) // '2026-03-31'
 */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${formatYearMonth(year, month)}-${String(day).padStart(2, '0')}`;
}

/** Month index (year × 12 + month − 1) of a valid `YYYY-MM`; throws on invalid input. */
function monthIndex(value: YearMonth): number {
  const p = parseYearMonth(value);
  if (!p) throw new RangeError(`not a YYYY-MM month: ${value}`);
  return p.year * 12 + p.month - 1;
}

/**
 * Adds (or subtracts) whole months.
 *
 * @example
 * addMonths('2026-11', 3) // '2027-02'
 */
export function addMonths(value: YearMonth, months: number): YearMonth {
  const i = monthIndex(value) + months;
  return formatYearMonth(Math.floor(i / 12), (i % 12) + 1);
}

/**
 * Whole months from `from` to `to` (positive when `to` is later).
 *
 * @example
 * monthsBetween('2026-04', '2027-03') // 11
 */
export function monthsBetween(from: YearMonth, to: YearMonth): number {
  return monthIndex(to) - monthIndex(from);
}

/**
 * The fiscal year (named by its end month `YYYY-MM`) that contains a calendar month.
 *
 * @example
 * fiscalYearEndContaining('2026-04', 3) // '2027-03'
 * fiscalYearEndContaining('2026-03', 3) // '2026-03'
 * fiscalYearEndContaining('2026-07', 12) // '2026-12'
 */
export function fiscalYearEndContaining(month: YearMonth, fiscalYearEndMonth: number): YearMonth {
  const p = parseYearMonth(month);
  if (!p) throw new RangeError(`not a YYYY-MM month: ${month}`);
  const endYear = p.month <= fiscalYearEndMonth ? p.year : p.year + 1;
  return formatYearMonth(endYear, fiscalYearEndMonth);
}

/**
 * Last calendar day of a month as an ISO date (fiscal years end on the last day of the 決算月).
 *
 * @example
 * endOfMonthDate('2028-02') // '2028-02-29'
 */
export function endOfMonthDate(month: YearMonth): IsoDate {
  const p = parseYearMonth(month);
  if (!p) throw new RangeError(`not a YYYY-MM month: ${month}`);
  return formatIsoDate(p.year, p.month, daysInMonth(p.year, p.month));
}

/** A fiscal year given by its first and last day. */
export interface FiscalYearSpan {
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  /** End month `YYYY-MM`, the name of the fiscal year. */
  readonly endMonth: YearMonth;
}

/**
 * The first fiscal year that **starts after** a date (e.g. the plan's agreement date). Whether a fiscal year starting
 * on that very day counts is a parameter (⚠ the rule text says "after"; default: it does not count).
 *
 * @example
 * firstFiscalYearStartingAfter('2026-06-15', 3) // { startDate: '2027-04-01', endDate: '2028-03-31', endMonth: '2028-03' }
 * firstFiscalYearStartingAfter('2026-04-01', 3, { sameDayCounts: true }).startDate // '2026-04-01'
 * @see REFERENCE §3.5 (counted from the start of the first fiscal year beginning after the plan is agreed)
 */
export function firstFiscalYearStartingAfter(
  date: IsoDate,
  fiscalYearEndMonth: number,
  options: { sameDayCounts?: boolean } = {},
): FiscalYearSpan {
  const d = parseIsoDate(date);
  if (!d) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  // Fiscal years start on day 1 of the month after the 決算月.
  const startMonthNumber = (fiscalYearEndMonth % 12) + 1;
  let startYear = d.month >= startMonthNumber ? d.year : d.year - 1; // start of the FY containing `date`
  const startsOnDate = d.day === 1 && d.month === startMonthNumber;
  if (!(startsOnDate && options.sameDayCounts === true)) startYear += 1;
  const startMonth = formatYearMonth(startYear, startMonthNumber);
  const endMonth = addMonths(startMonth, 11);
  return { startDate: `${startMonth}-01`, endDate: endOfMonthDate(endMonth), endMonth };
}

/**
 * Compares two ISO dates (or two `YYYY-MM` months) lexicographically, which is chronological for valid inputs.
 *
 * @example
 * compareIsoDates('2026-04-01', '2026-03-31') // 1
 */
export function compareIsoDates(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}
