/**
 * How numbers and dates read for people: `87,25` and `dd/mm/yyyy` in Vietnamese, `87.25` and
 * the same date order in English (the province's documents use day-first dates).
 */
import { fromNumber, type Q, toDecimalString } from './exact.ts';
import type { Lang, Text } from './types.ts';

function groupThousands(whole: string, sep: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** An exact value as text: "1.234,5" (vi) or "1,234.5" (en); non-terminating values end in "…". */
export function formatQ(value: Q, lang: Lang, maxDecimals = 4): string {
  const text = toDecimalString(value, maxDecimals);
  const negative = text.startsWith('-');
  const [whole = '0', frac] = (negative ? text.slice(1) : text).split('.');
  const out =
    lang === 'vi'
      ? groupThousands(whole, '.') + (frac ? `,${frac}` : '')
      : groupThousands(whole, ',') + (frac ? `.${frac}` : '');
  return negative ? `-${out}` : out;
}

/** A JS number read as the decimal it is written as. */
export const formatNumber = (value: number, lang: Lang, maxDecimals = 4): string =>
  formatQ(fromNumber(value), lang, maxDecimals);

/**
 * A field whose unit is the year holds a calendar year (the evaluation year, a year of issue):
 * written as a year is, "2016", never grouped as a quantity ("2.016").
 */
/** The unit of a field, in words (both languages, or Vietnamese only). */
export interface UnitWords {
  readonly unit?: { readonly vi: string; readonly en?: string | undefined } | null | undefined;
}

export const isYearField = (field: UnitWords): boolean =>
  field.unit?.en?.trim().toLowerCase() === 'year' || field.unit?.vi.trim().toLowerCase() === 'năm';

/** A number of a field (its value, its minimum…): a year as digits, any other as `formatNumber`. */
export const formatFieldNumber = (field: UnitWords, value: number, lang: Lang): string =>
  isYearField(field) && Number.isInteger(value) ? String(value) : formatNumber(value, lang);

/** Whole hundredths of a point as "4,75" / "4.75"; trailing zeros dropped ("5", "0,5"). */
export function formatPoints(hundredths: number, lang: Lang): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = Math.trunc(abs / 100);
  const frac = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${frac ? (lang === 'vi' ? ',' : '.') + frac : ''}`;
}

/** Whole hundredths with exactly two decimals, for aligned tables: "87,25", "90,00". */
export function formatPointsFixed(hundredths: number, lang: Lang): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.trunc(abs / 100)}${lang === 'vi' ? ',' : '.'}${String(abs % 100).padStart(2, '0')}`;
}

/** "2017-03-31" → "31/03/2017". */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** The text in the wanted language, falling back to Vietnamese. */
export const pick = (text: Text | undefined, lang: Lang): string =>
  text ? (lang === 'en' ? (text.en ?? text.vi) : text.vi) : '';
