/**
 * A date typed or picked as dd/mm/yyyy, whatever language the browser is set to: the native
 * `<input type="date">` follows the operating system's locale (mm/dd/yyyy on most office PCs, so
 * 05/10 read as May), the picker follows the UI's language. The value stays the ISO string the
 * server takes (`YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm` with the time), '' when empty, so it drops in
 * where a native input was, inside a Form.Item or on its own.
 */
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import type { CSSProperties } from 'react';
import { lang } from '../i18n/messages.ts';

dayjs.extend(customParseFormat);

/** Shown first; the others are also read when typed or pasted (a date copied from a spreadsheet). */
const DATE_FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'YYYY-MM-DD'];
const TIME_FORMATS = ['DD/MM/YYYY HH:mm', 'D/M/YYYY H:mm', 'YYYY-MM-DDTHH:mm', 'YYYY-MM-DD HH:mm'];
const ISO_DATE = 'YYYY-MM-DD';
const ISO_TIME = 'YYYY-MM-DDTHH:mm';

export interface DateInputProps {
  id?: string;
  /** `YYYY-MM-DD` (or `YYYY-MM-DDTHH:mm` with `withTime`); '' or undefined when empty. */
  value?: string | null;
  onChange?: (value: string) => void;
  /** Also the hour and minute (a check made at a given time). */
  withTime?: boolean;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
  required?: boolean;
  className?: string;
  style?: CSSProperties;
}

/** The ISO text as a day, or null when it is empty or not a real date. */
export function toDay(value: string | null | undefined, withTime = false): Dayjs | null {
  if (!value) return null;
  const d = dayjs(value, withTime ? ISO_TIME : ISO_DATE, true);
  return d.isValid() ? d : null;
}

/** The day as the ISO text the server takes. */
export function fromDay(day: Dayjs | null, withTime = false): string {
  return day ? day.format(withTime ? ISO_TIME : ISO_DATE) : '';
}

export function DateInput({
  id,
  value,
  onChange,
  withTime = false,
  disabled,
  invalid,
  describedBy,
  required,
  className,
  style,
}: DateInputProps) {
  const vi = lang() === 'vi';
  return (
    <DatePicker
      id={id}
      value={toDay(value, withTime)}
      onChange={(day) => onChange?.(fromDay(day, withTime))}
      format={withTime ? TIME_FORMATS : DATE_FORMATS}
      showTime={withTime ? { format: 'HH:mm' } : false}
      needConfirm={false}
      placeholder={
        withTime
          ? vi
            ? 'ngày/tháng/năm giờ:phút'
            : 'dd/mm/yyyy hh:mm'
          : vi
            ? 'ngày/tháng/năm'
            : 'dd/mm/yyyy'
      }
      disabled={disabled}
      status={invalid ? 'error' : undefined}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={describedBy}
      aria-required={required ? true : undefined}
      className={className}
      style={{ minWidth: withTime ? 200 : 150, ...style }}
    />
  );
}
