import holidayJp from '@holiday-jp/holiday_jp';
import type { HolidayCalendar } from '@kasseika/domain';

/**
 * Japanese national holidays (国民の祝日, 振替休日 and 国民の休日) from @holiday-jp/holiday_jp (ADR 0016). Looked up
 * by the calendar date string, so the process time zone does not matter (the library's `isHoliday(Date)` reads the
 * local date — STACK-NOTES pitfall 12).
 */
export const japaneseHolidays: HolidayCalendar = (isoDate) => Object.hasOwn(holidayJp.holidays, isoDate);

/** The JST calendar date of a moment. */
export function jstDate(at: Date): string {
  return new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}
