/** Dates of the cases module in Japan Standard Time (UTC+9, no daylight saving). */

/** JST calendar year of a moment (reference numbers). */
export function jstYear(at: Date): number {
  return new Date(at.getTime() + 9 * 3600_000).getUTCFullYear();
}

/** The JST calendar date of a moment, YYYY-MM-DD (what "overdue" is measured against). */
export function jstDateOf(at: Date): string {
  return new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

/** End of a JST calendar day, as a moment (grant expiry dates are inclusive). */
export function endOfJstDay(isoDate: string): Date {
  return new Date(`${isoDate}T23:59:59.999+09:00`);
}
