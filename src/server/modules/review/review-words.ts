/** How the review reads people's text and dates. */
import { VN_OFFSET_MS } from '../../../core/calendar/time.ts';

/** Text as people type it, normalised (NFC) and trimmed. */
export const clean = (s: string): string => s.normalize('NFC').trim();

/** Length in characters as people count them (code points). */
export const length = (s: string): number => [...s].length;

/** Vietnam's calendar date of an instant, YYYY-MM-DD. */
export const vnDate = (d: Date): string => new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
