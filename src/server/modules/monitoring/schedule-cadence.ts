/**
 * The monitoring's two schedules in the administrator's words: the availability check every N
 * minutes, the content check every week, month or quarter on a day at an hour (Vietnam time). The
 * schedules table keeps cron expressions (as every scheduled duty); these are the only forms the
 * screen writes, and a cron written otherwise (by an operator, in SQL) is shown as it is.
 */
import type { Text } from '../../../core/types.ts';

/** The intervals offered: each divides an hour or a day, so the checks fall at the same times every day. */
export const AVAILABILITY_MINUTES = [5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720] as const;

export const CONTENT_EVERY = ['week', 'month', 'quarter'] as const;
export type ContentEvery = (typeof CONTENT_EVERY)[number];

export interface ContentCadence {
  every: ContentEvery;
  /** Day of the month, 1–28 (every month has it); for a monthly or quarterly check. */
  day: number;
  /** 0 = Sunday … 6 = Saturday; for a weekly check. */
  weekday: number;
  /** Hour of the day, Vietnam time. */
  hour: number;
}

export function availabilityCron(minutes: number): string {
  return minutes < 60 ? `*/${minutes} * * * *` : `0 */${minutes / 60} * * *`;
}

/** The interval of an availability cron the screen wrote, or null for another form. */
export function availabilityMinutes(cron: string): number | null {
  const c = cron.trim().replace(/\s+/g, ' ');
  let n: number | null = null;
  const min = /^\*\/(\d+) \* \* \* \*$/.exec(c);
  const hour = /^0 \*\/(\d+) \* \* \*$/.exec(c);
  if (min) n = Number(min[1]);
  else if (hour) n = Number(hour[1]) * 60;
  else if (c === '0 * * * *') n = 60;
  return n !== null && (AVAILABILITY_MINUTES as readonly number[]).includes(n) ? n : null;
}

export function contentCron(c: ContentCadence): string {
  if (c.every === 'week') return `0 ${c.hour} * * ${c.weekday}`;
  return `0 ${c.hour} ${c.day} ${c.every === 'quarter' ? '1,4,7,10' : '*'} *`;
}

/** The cadence of a content cron the screen wrote, or null for another form. */
export function contentCadence(cron: string): ContentCadence | null {
  const c = cron.trim().replace(/\s+/g, ' ');
  const monthly = /^0 (\d{1,2}) (\d{1,2}) (\*|1,4,7,10) \*$/.exec(c);
  if (monthly) {
    const hour = Number(monthly[1]);
    const day = Number(monthly[2]);
    if (hour > 23 || day < 1 || day > 28) return null;
    return { every: monthly[3] === '*' ? 'month' : 'quarter', day, weekday: 1, hour };
  }
  const weekly = /^0 (\d{1,2}) \* \* ([0-6])$/.exec(c);
  if (weekly && Number(weekly[1]) <= 23)
    return { every: 'week', day: 1, weekday: Number(weekly[2]), hour: Number(weekly[1]) };
  return null;
}

const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Ngày 1 hằng tháng, lúc 02:00" — how the screens and the audit log say a cadence. */
export function cadenceText(c: ContentCadence): Text {
  const at = `${String(c.hour).padStart(2, '0')}:00`;
  if (c.every === 'week')
    return {
      vi: `${WEEKDAYS_VI[c.weekday]} hằng tuần, lúc ${at}`,
      en: `Every ${WEEKDAYS_EN[c.weekday]} at ${at}`,
    };
  if (c.every === 'quarter')
    return {
      vi: `Ngày ${c.day} tháng đầu mỗi quý (tháng 1, 4, 7, 10), lúc ${at}`,
      en: `Day ${c.day} of the first month of each quarter, at ${at}`,
    };
  return { vi: `Ngày ${c.day} hằng tháng, lúc ${at}`, en: `Day ${c.day} of every month, at ${at}` };
}

export function minutesText(n: number): Text {
  return n < 60
    ? { vi: `${n} phút một lần`, en: `Every ${n} minutes` }
    : { vi: `${n / 60} giờ một lần`, en: n === 60 ? 'Every hour' : `Every ${n / 60} hours` };
}
