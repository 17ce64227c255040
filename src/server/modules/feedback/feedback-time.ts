/** The calendar of the feedback: years and dates in Vietnam (UTC+7, no daylight saving). */
import { VN_OFFSET_MS } from '../../../core/calendar/time.ts';

/** The year in Vietnam of an instant. */
export const vnYear = (at: Date): number => new Date(at.getTime() + VN_OFFSET_MS).getUTCFullYear();

/** The instants that bound a Vietnam calendar year: [start, end). */
export const vnYearBounds = (year: number): { from: Date; to: Date } => ({
  from: new Date(Date.UTC(year, 0, 1) - VN_OFFSET_MS),
  to: new Date(Date.UTC(year + 1, 0, 1) - VN_OFFSET_MS),
});
