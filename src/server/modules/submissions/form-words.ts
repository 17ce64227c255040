/** How the form's use cases write instants and clean what people type. */
import { formatInstantVn } from '../../../core/calendar/time.ts';

/** "01/11/2017 00:00:00", Vietnam time: the second counts on a receipt. */
export const instantVnSeconds = (d: Date): string => formatInstantVn(d.getTime());

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** Text typed by a person: NFC (one spelling of "Nguyễn"), without surrounding spaces. */
export const clean = (s: string): string => s.normalize('NFC').trim();

/** A reason of 5 to 2,000 characters, or the refusal naming the field. */
export function reasonProblem(reason: string, what: { vi: string; en: string }) {
  const n = [...reason].length;
  if (n < 5)
    return { vi: `${what.vi} phải có ít nhất 5 ký tự`, en: `${what.en} must have at least 5 characters` };
  if (n > 2000)
    return {
      vi: 'Lý do quá dài (tối đa 2.000 ký tự)',
      en: 'The reason is too long (2,000 characters at most)',
    };
  return null;
}
