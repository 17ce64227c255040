/**
 * Dates as Vietnamese sites write them next to news items: 05/03/2026, 5-3-2026, 05.03.2026,
 * "05/03/2026 08:30", "Thứ Hai, 05/03/2026", "ngày 5 tháng 3 năm 2026", and ISO 2026-03-05
 * (in <time> elements). Read on normalised text; day first, as in Vietnam.
 */
import { normalizeVi } from './normalize.ts';

/** A calendar day, as the number of days since 1970-01-01. */
export type DayNumber = number;

const DMY = /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/.-]*\d)/g;
const WORDS = /ngay (\d{1,2}) thang (\d{1,2}),? nam (\d{4})/g;
const ISO = /(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d])/g;

function day(y: number, m: number, d: number): DayNumber | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCDate() !== d) return null; // 31/02
  return Math.round(t / 86_400_000);
}

/** Every date in the text, in order of appearance. */
export function findDates(text: string): DayNumber[] {
  const norm = normalizeVi(text);
  const found: { at: number; day: DayNumber }[] = [];
  for (const m of norm.matchAll(DMY)) {
    const v = day(Number(m[3]), Number(m[2]), Number(m[1]));
    if (v !== null) found.push({ at: m.index, day: v });
  }
  for (const m of norm.matchAll(WORDS)) {
    const v = day(Number(m[3]), Number(m[2]), Number(m[1]));
    if (v !== null) found.push({ at: m.index, day: v });
  }
  for (const m of norm.matchAll(ISO)) {
    const v = day(Number(m[1]), Number(m[2]), Number(m[3]));
    if (v !== null) found.push({ at: m.index, day: v });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.day);
}

export const hasDate = (text: string): boolean => findDates(text).length > 0;

/** The calendar day of an instant in Vietnam (UTC+7, no daylight saving). */
export function vietnamDay(at: Date): DayNumber {
  return Math.floor((at.getTime() + 7 * 3_600_000) / 86_400_000);
}

export function dayToString(d: DayNumber): string {
  const t = new Date(d * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}
