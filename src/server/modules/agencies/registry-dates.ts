/**
 * Calendar dates of the registry ("YYYY-MM-DD", Vietnam time): a unit is valid on a date when
 * validFrom ≤ date ≤ validTo (validTo absent: still valid). An event effective on day D ends the
 * old units on D − 1 and starts the new ones on D.
 */
import { VN_OFFSET_MS } from '../../../core/calendar/time.ts';

/** The calendar date in Vietnam of an instant. */
export const vnDateOf = (at: Date | number): string =>
  new Date((typeof at === 'number' ? at : at.getTime()) + VN_OFFSET_MS).toISOString().slice(0, 10);

/** A date moved by whole days: addDays("2020-03-01", -1) is "2020-02-29". */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
