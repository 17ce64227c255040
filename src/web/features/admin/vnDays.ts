/**
 * Dates typed in the administrator's forms are Vietnam calendar days ("2017-11-01", as a date
 * input holds them); the server takes instants. A day's instant is the start of that day in
 * Vietnam (UTC+7, no daylight saving), which is how the regulation counts "before 1 November".
 */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The Vietnam calendar day of an instant, "2017-11-01"; '' for what is not an instant. */
export function vnDay(iso: string): string {
  const d = new Date(new Date(iso).getTime() + VN_OFFSET_MS);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** Midnight at the start of a Vietnam calendar day, as the server takes instants. */
export const vnMidnight = (day: string): string => `${day}T00:00:00+07:00`;

/** Today in Vietnam, "2026-11-26". */
export const todayVn = (now: Date = new Date()): string => vnDay(now.toISOString());
