import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidDate, parseInstant } from './time.ts';

// The reading by regular expression and Date that time.ts replaced: what it must still answer.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const validYmd = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
function referenceDate(s: string): boolean {
  const m = DATE.exec(s);
  return m !== null && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}
function referenceInstant(s: string): number | null {
  const m = INSTANT.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i])) as [
    number,
    number,
    number,
    number,
    number,
  ];
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

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Strings near the format: right and wrong numbers, parts missing or doubled, stray characters. */
const part = (width: number, max: number) =>
  fc.oneof(
    fc.integer({ min: 0, max }).map((n) => pad(n, width)),
    fc.constantFrom('', '1', '123', 'ab', '٣٣', ' 1', '-1', '1e', '00000'),
  );
const date = fc
  .tuple(part(4, 2200), part(2, 14), part(2, 33), fc.constantFrom('-', '/', ''))
  .map(([y, m, d, sep]) => `${y}${sep || '-'}${m}-${d}`);
const instant = fc
  .tuple(
    date,
    fc.constantFrom('T', 't', ' '),
    part(2, 25),
    part(2, 61),
    fc.option(part(2, 61)),
    fc.option(fc.stringMatching(/^[0-9]{0,11}$/)),
    fc.constantFrom('Z', '+07:00', '-05:30', '+14:59', '+15:00', '+07:60', '+0700', 'z', '', 'Z ', '+07:00x'),
  )
  .map(
    ([d, t, h, mi, sec, frac, zone]) =>
      `${d}${t}${h}:${mi}${sec === null ? '' : `:${sec}${frac === null ? '' : `.${frac}`}`}${zone}`,
  );

describe('reading dates and instants', () => {
  it('knows which days exist, as the calendar does', () => {
    expect(isValidDate('2016-02-29')).toBe(true);
    expect(isValidDate('2017-02-29')).toBe(false);
    expect(isValidDate('2000-02-29')).toBe(true);
    expect(isValidDate('2100-02-29')).toBe(false);
    expect(isValidDate('2017-04-31')).toBe(false);
    expect(isValidDate('2017-4-30')).toBe(false);
    fc.assert(
      fc.property(fc.oneof(date, fc.string({ maxLength: 12 })), (s) => {
        expect(isValidDate(s)).toBe(referenceDate(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads an instant with its offset, and only with one', () => {
    expect(parseInstant('2017-10-31T23:59:59+07:00')).toBe(Date.UTC(2017, 9, 31, 16, 59, 59));
    expect(parseInstant('2017-10-31T16:59:59.1234Z')).toBe(Date.UTC(2017, 9, 31, 16, 59, 59, 123));
    expect(parseInstant('2017-10-31T16:59')).toBeNull();
    for (const s of [
      '2017-10-31T16:59:59.123456789Z',
      '2017-10-31T16:59:59.1234567890Z',
      '2017-10-31T16:59:59.Z',
      '2017-10-31T16:59.5Z',
      '2017-10-31T16:59Z',
      '2017-10-31T16:59-00:30',
      '0000-02-29T00:00Z',
      '2016-02-29T24:00Z',
    ])
      expect(parseInstant(s), s).toBe(referenceInstant(s));
    fc.assert(
      fc.property(fc.oneof(instant, fc.string({ maxLength: 30 })), (s) => {
        expect(parseInstant(s)).toBe(referenceInstant(s));
      }),
      { numRuns: 5000 },
    );
  });
});
