/**
 * Business-day arithmetic on calendar dates (`YYYY-MM-DD`, no time zone): Saturdays, Sundays and the days the caller's
 * holiday calendar names are not business days. The calendar is a parameter, so this module stays free of data; the
 * server passes Japanese national holidays (@holiday-jp/holiday_jp, ADR 0016).
 */
export type HolidayCalendar = (isoDate: string) => boolean;

const DAY_MS = 86_400_000;

function toUtcDay(isoDate: string): number {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || Number.isNaN(ms)) throw new RangeError(`not a calendar date: ${isoDate}`);
  return ms;
}

function fromUtcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Whether a calendar date is a business day.
 *
 * @example
 * isBusinessDay('2026-01-12', (d) => d === '2026-01-12') // false (成人の日)
 */
export function isBusinessDay(isoDate: string, isHoliday: HolidayCalendar): boolean {
  const weekday = new Date(toUtcDay(isoDate)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isHoliday(isoDate);
}

/**
 * The date `days` business days after `start` (`days` = 0: `start` itself if a business day, else the next one).
 *
 * @example
 * addBusinessDays('2026-01-09', 1, (d) => d === '2026-01-12') // '2026-01-13' (Fri → skips Sat, Sun and 成人の日)
 */
export function addBusinessDays(start: string, days: number, isHoliday: HolidayCalendar): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  let at = toUtcDay(start);
  while (!isBusinessDay(fromUtcDay(at), isHoliday)) at += DAY_MS;
  for (let left = days; left > 0;) {
    at += DAY_MS;
    if (isBusinessDay(fromUtcDay(at), isHoliday)) left--;
  }
  return fromUtcDay(at);
}

/**
 * Business days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. Used for "overdue by".
 *
 * @example
 * businessDaysBetween('2026-11-20', '2026-11-24', () => false) // 2 (Mon 23, Tue 24)
 */
export function businessDaysBetween(from: string, to: string, isHoliday: HolidayCalendar): number {
  const a = toUtcDay(from);
  const b = toUtcDay(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let n = 0;
  for (let at = lo + DAY_MS; at <= hi; at += DAY_MS) if (isBusinessDay(fromUtcDay(at), isHoliday)) n++;
  return n * sign;
}
