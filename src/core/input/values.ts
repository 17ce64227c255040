/**
 * Whether one value fits its field: type, whole number, range, option, date, length, address.
 * The CLI rejects a cycle file with it; the service runs it on every draft save, so a reporter
 * hears about "12a" in the staff count the moment it is typed, in words, naming the field.
 */
import { isValidDate } from '../calendar/time.ts';
import type { Field } from '../criteria/schema.ts';
import { formatFieldNumber, formatNumber, pick } from '../format.ts';
import type { Text } from '../types.ts';

const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 37)}…` : s;
};

const TYPE_TEXT: Record<Field['type'], Text> = {
  integer: { vi: 'một số nguyên', en: 'a whole number' },
  decimal: { vi: 'một số', en: 'a number' },
  boolean: { vi: 'có (true) hoặc không (false)', en: 'true or false' },
  enum: { vi: 'một trong các lựa chọn', en: 'one of the options' },
  date: { vi: 'một ngày dạng YYYY-MM-DD', en: 'a date as YYYY-MM-DD' },
  text: { vi: 'một đoạn văn bản', en: 'text' },
  url: { vi: 'một địa chỉ web (http:// hoặc https://)', en: 'a web address (http:// or https://)' },
};

/** Why a value does not fit its field, in both languages, or null when it fits. */
export function checkValue(field: Field, value: unknown): Text | null {
  switch (field.type) {
    case 'integer':
    case 'decimal': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return {
          vi: `phải là ${TYPE_TEXT[field.type].vi}, nhận được ${show(value)}`,
          en: `must be ${TYPE_TEXT[field.type].en}, got ${show(value)}`,
        };
      if (field.type === 'integer' && !Number.isInteger(value))
        return {
          vi: `phải là số nguyên, nhận được ${formatNumber(value, 'vi')}`,
          en: `must be a whole number, got ${formatNumber(value, 'en')}`,
        };
      if (field.min !== undefined && value < field.min)
        return {
          vi: `phải từ ${formatFieldNumber(field, field.min, 'vi')} trở lên, nhận được ${formatFieldNumber(field, value, 'vi')}`,
          en: `must be at least ${formatFieldNumber(field, field.min, 'en')}, got ${formatFieldNumber(field, value, 'en')}`,
        };
      if (field.max !== undefined && value > field.max)
        return {
          vi: `không được lớn hơn ${formatFieldNumber(field, field.max, 'vi')}, nhận được ${formatFieldNumber(field, value, 'vi')}`,
          en: `must be at most ${formatFieldNumber(field, field.max, 'en')}, got ${formatFieldNumber(field, value, 'en')}`,
        };
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean'
        ? null
        : {
            vi: `phải là ${TYPE_TEXT.boolean.vi}, nhận được ${show(value)}`,
            en: `must be true or false, got ${show(value)}`,
          };
    case 'enum': {
      const options = field.options ?? [];
      if (typeof value === 'string' && options.some((o) => o.value === value)) return null;
      const list = options.map((o) => o.value).join(', ');
      return {
        vi: `phải là một trong: ${list}; nhận được ${show(value)}`,
        en: `must be one of: ${list}; got ${show(value)}`,
      };
    }
    case 'date':
      return typeof value === 'string' && isValidDate(value)
        ? null
        : {
            vi: `phải là ngày có thật dạng YYYY-MM-DD, nhận được ${show(value)}`,
            en: `must be a real date as YYYY-MM-DD, got ${show(value)}`,
          };
    case 'text':
    case 'url': {
      if (typeof value !== 'string')
        return {
          vi: `phải là ${TYPE_TEXT[field.type].vi}, nhận được ${show(value)}`,
          en: `must be ${TYPE_TEXT[field.type].en}, got ${show(value)}`,
        };
      // Counted in characters (code points); a text no longer in UTF-16 units needs no count.
      if (
        field.maxLength !== undefined &&
        value.length > field.maxLength &&
        [...value].length > field.maxLength
      )
        return {
          vi: `dài quá ${field.maxLength} ký tự (${[...value].length} ký tự)`,
          en: `longer than ${field.maxLength} characters (${[...value].length})`,
        };
      if (field.type === 'url' && !isWebAddress(value))
        return {
          vi: `phải là địa chỉ web bắt đầu bằng http:// hoặc https://, nhận được ${show(value)}`,
          en: `must be a web address starting with http:// or https://, got ${show(value)}`,
        };
      if (field.pattern !== undefined && !patternOf(field.pattern).test(value))
        return {
          vi: `không đúng định dạng quy định, nhận được ${show(value)}`,
          en: `does not match the required format, got ${show(value)}`,
        };
      return null;
    }
  }
}

/** A field's pattern compiled once: a form's every save checks it, a cycle file's every agency. */
const patterns = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
  let re = patterns.get(source);
  if (re === undefined) {
    re = new RegExp(source, 'u');
    patterns.set(source, re);
  }
  return re;
}

function isWebAddress(s: string): boolean {
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    return new URL(s).hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * "Tổng số CBCCVC" — how a message to a person names a field: its short label, never its key
 * (people read labels; a program reads the key from the answer's `field`).
 */
export const fieldName = (field: Field, lang: 'vi' | 'en'): string =>
  pick(field.shortLabel ?? field.label, lang);
