/**
 * Working days in Vietnam time: Monday to Friday, less the public holidays a cycle lists. The
 * appeal period after approval (issue 12) is counted in them.
 */
import { VN_OFFSET_MS, vnMidnight } from './time.ts';

const DAY_MS = 86_400_000;

/**
 * The working days agencies have to appeal after approval in a new cycle (issue 12: "default 5
 * working days"); the administrator changes it per cycle until publication.
 */
export const DEFAULT_APPEAL_DAYS = 5;

/** The Vietnam calendar date of an instant, as 'YYYY-MM-DD'. */
export function vnDate(ms: number): string {
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether a Vietnam date ('YYYY-MM-DD') is a working day: not Saturday, Sunday or a listed holiday. */
export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/**
 * The appeal period that starts with an approval at `approvedAt`: from that instant until the end
 * (midnight, Vietnam time) of the `days`-th working day after the day of approval. Zero days: the
 * period ends at once.
 */
export function appealPeriod(
  approvedAt: number,
  days: number,
  holidays: readonly string[],
): { readonly opensAt: number; readonly closesAt: number; readonly lastDay: string | null } {
  if (days <= 0) return { opensAt: approvedAt, closesAt: approvedAt, lastDay: null };
  const off = new Set(holidays);
  let day = vnDate(approvedAt);
  let counted = 0;
  while (counted < days) {
    day = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    if (isWorkingDay(day, off)) counted++;
  }
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { opensAt: approvedAt, closesAt: vnMidnight(y, m, d) + DAY_MS, lastDay: day };
}
