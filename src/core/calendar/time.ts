/**
 * Instants and dates of the yearly cycle. Deadlines are Vietnam time (UTC+7, no daylight
 * saving); instants are epoch milliseconds; the server's clock decides lateness (R9).
 */

export const VN_OFFSET_MS = 7 * 3600 * 1000;

// Dates and instants are read character by character rather than by regular expression and
// `new Date`: a cycle file has tens of thousands of them (each submission, each website check,
// each date value), and the match arrays and Date objects were a tenth of reading one.

/** The number written by the `count` ASCII digits at `at`, or -1 when one of them is not a digit. */
function digitsAt(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1; // also NaN, past the end
    n = n * 10 + c;
  }
  return n;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days in month `m` (1–12) of year `y`, as `Date.UTC(y, m, 0)` counts them: the Gregorian
 * calendar, with Date's reading of years 0–99 as 1900–1999 (so 0000-02-29 is no date).
 */
function daysIn(y: number, m: number): number {
  if (m !== 2) return DAYS_IN_MONTH[m]!;
  const year = y <= 99 ? 1900 + y : y;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

function validYmd(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

/** "YYYY-MM-DD" at the start of `s`: [year, month, day], or null. */
function ymdAt(s: string): [number, number, number] | null {
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null; // '-'
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  return y < 0 || m < 0 || d < 0 ? null : [y, m, d];
}

/** A calendar date "YYYY-MM-DD" that exists (2017-02-29 does not). */
export function isValidDate(s: string): boolean {
  if (s.length !== 10) return false;
  const ymd = ymdAt(s);
  return ymd !== null && validYmd(ymd[0], ymd[1], ymd[2]);
}

/**
 * Epoch milliseconds of an ISO-8601 instant that carries its offset ("2017-10-31T23:59:59+07:00",
 * "2017-10-31T16:59:59Z"), or null when malformed. An instant without an offset is ambiguous and
 * rejected: the same wall-clock time is a different instant in Hà Nội and on a UTC server.
 *
 * The form read is `YYYY-MM-DDTHH:MM[:SS[.F…]](Z|±HH:MM)`, with 1 to 9 digits of fraction (the
 * first three are milliseconds).
 */
export function parseInstant(s: string): number | null {
  const ymd = s.length >= 17 ? ymdAt(s) : null;
  if (ymd === null || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return null; // 'T', ':'
  const [y, mo, d] = ymd;
  const h = digitsAt(s, 11, 2);
  const mi = digitsAt(s, 14, 2);
  if (h < 0 || mi < 0) return null;
  let at = 16;
  let sec = 0;
  let ms = 0;
  if (s.charCodeAt(at) === 58) {
    sec = digitsAt(s, at + 1, 2);
    if (sec < 0) return null;
    at += 3;
    if (s.charCodeAt(at) === 46) {
      // '.': one to nine digits, of which the first three are milliseconds
      let count = 0;
      while (digitsAt(s, at + 1 + count, 1) >= 0) {
        if (count < 3) ms += digitsAt(s, at + 1 + count, 1) * 10 ** (2 - count);
        count++;
      }
      if (count < 1 || count > 9) return null;
      at += 1 + count;
    }
  }
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || sec > 59) return null;
  let offset = 0;
  const zone = s.charCodeAt(at);
  if (zone === 90) {
    if (at + 1 !== s.length) return null; // 'Z', then nothing
  } else if (zone === 43 || zone === 45) {
    // '+' or '-', then HH:MM and nothing more
    if (at + 6 !== s.length || s.charCodeAt(at + 3) !== 58) return null;
    const oh = digitsAt(s, at + 1, 2);
    const om = digitsAt(s, at + 4, 2);
    if (oh < 0 || om < 0 || oh > 14 || om > 59) return null;
    offset = (oh * 60 + om) * 60_000 * (zone === 45 ? -1 : 1);
  } else return null;
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
