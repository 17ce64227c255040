/**
 * Instants and dates of the yearly cycle. Deadlines are Vietnam time (UTC+7, no daylight
 * saving); instants are epoch milliseconds; the server's clock decides lateness (R9).
 */

export const VN_OFFSET_MS = 7 * 3600 * 1000;

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

function validYmd(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

/** A calendar date "YYYY-MM-DD" that exists (2017-02-29 does not). */
export function isValidDate(s: string): boolean {
  const m = DATE.exec(s);
  return m !== null && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Epoch milliseconds of an ISO-8601 instant that carries its offset ("2017-10-31T23:59:59+07:00",
 * "2017-10-31T16:59:59Z"), or null when malformed. An instant without an offset is ambiguous and
 * rejected: the same wall-clock time is a different instant in Hà Nội and on a UTC server.
 */
export function parseInstant(s: string): number | null {
  const m = INSTANT.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const sec = Number(m[6] ?? 0);
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || sec > 59) return null;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  let offset = 0;
  const z = m[8]!;
  if (z !== 'Z') {
    const oh = Number(z.slice(1, 3));
    const om = Number(z.slice(4, 6));
    if (oh > 14 || om > 59) return null;
    offset = (oh * 60 + om) * 60_000 * (z[0] === '-' ? -1 : 1);
  }
  return Date.UTC(y, mo - 1, d, h, mi, sec, ms) - offset;
}

/** Midnight at the start of a day, Vietnam time. */
export const vnMidnight = (year: number, month: number, day: number): number =>
  Date.UTC(year, month - 1, day) - VN_OFFSET_MS;

/** The regulation's dates for a cycle year (Điều 8): guidance before 1 October, reports before 1 November, publication before 1 January. */
export function defaultCycleDates(year: number): { guidanceBy: number; deadline: number; publishBy: number } {
  return {
    guidanceBy: vnMidnight(year, 10, 1),
    deadline: vnMidnight(year, 11, 1),
    publishBy: vnMidnight(year + 1, 1, 1),
  };
}

/** A submission at or after the (exclusive) deadline is late. */
export const isLate = (submittedAt: number, deadline: number): boolean => submittedAt >= deadline;

/** "31/10/2017 23:59:59" in Vietnam time. */
export function formatInstantVn(ms: number): string {
  const d = new Date(ms + VN_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}
