/**
 * Numbers, dates, sorting and searching as Vietnamese readers expect them: "87,25", "01/11/2017",
 * dates always in Vietnam time (UTC+7, no daylight saving), names sorted by Intl.Collator('vi').
 */
import { formatNumber, formatPointsFixed, isYearField, type UnitWords } from '../core/format.ts';
import { lang } from './i18n/messages.ts';

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const two = (n: number) => String(n).padStart(2, '0');

function inVietnam(iso: string): Date | null {
  const d = new Date(new Date(iso).getTime() + VN_OFFSET_MS);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** dd/mm/yyyy HH:mm in Vietnam time, e.g. "01/11/2017 00:00". */
export function dateTimeVn(iso: string): string {
  const d = inVietnam(iso);
  if (!d) return iso;
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** dd/mm/yyyy in Vietnam time; a plain date "2017-10-01" is shown as it is written. */
export function dateVn(isoOrDate: string): string {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoOrDate);
  if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  const d = inVietnam(isoOrDate);
  if (!d) return isoOrDate;
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/**
 * A number as the reader writes it, from the scoring core's own formatter: 87.25 → "87,25",
 * 1234.5 → "1.234,5" in Vietnamese ("87.25", "1,234.5" in English); up to `maxDecimals` decimals,
 * no trailing zeros.
 */
export function numberVn(value: number, maxDecimals = 4): string {
  if (!Number.isFinite(value)) return String(value);
  // Rounded first: a computed value (an average, a size in MB) then has no long or endless tail.
  const scale = 10 ** maxDecimals;
  return formatNumber(Math.round(value * scale) / scale, lang(), maxDecimals);
}

/** A number of a field, its value or its range: a year as digits ("2016"), any other as `numberVn`. */
export const fieldNumberVn = (field: UnitWords, value: number): string =>
  isYearField(field) && Number.isInteger(value) ? String(value) : numberVn(value);

/** A score as published: exactly two decimals, "87,25"; a score given as a decimal string is accepted too. */
export function scoreVn(value: number | string): string {
  const n = typeof value === 'string' ? Number(value) : value;
  return Number.isFinite(n) ? formatPointsFixed(Math.round(n * 100), lang()) : String(value);
}

/** Vietnamese alphabetical order (Đ after D, tones after the bare letter). */
export const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
export const byVietnamese = (a: string, b: string) => collator.compare(a, b);

/**
 * Text for searching, without tones, case or the stroke of đ, so that "so y te" finds "Sở Y tế":
 * people type on keyboards without a Vietnamese input method.
 */
export const foldVn = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();

/** Bytes as "1,5 MB". */
export function fileSizeVn(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${numberVn(bytes / 1024, 1)} KB`;
  return `${numberVn(bytes / (1024 * 1024), 1)} MB`;
}
