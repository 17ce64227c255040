/**
 * One document model for the official documents (Decree 30/2020/NĐ-CP): the content is written
 * once (report, decision, notices, receipt) and rendered twice, as DOCX (docx-writer.ts) and as
 * PDF (pdf-writer.ts). Everything is text already formatted for people (87,25; dd/mm/yyyy).
 */
import { VN_OFFSET_MS } from '../../../core/calendar/time.ts';

/** A run of text in a paragraph. */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Column {
  readonly title: string;
  /** Relative width. */
  readonly width: number;
  readonly align?: Align;
}

/** One bar of a horizontal bar chart: value out of max (both ≥ 0). */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly max: number;
  /** The value as people read it ("87,25"). */
  readonly shown: string;
}

export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  | {
      readonly kind: 'paragraph';
      readonly runs: readonly Run[];
      readonly align?: Align;
      readonly indent?: boolean;
    }
  | {
      readonly kind: 'table';
      readonly columns: readonly Column[];
      readonly rows: readonly (readonly string[])[];
      /** Rows shown bold (a total, a group's title). */
      readonly boldRows?: readonly number[];
    }
  | { readonly kind: 'chart'; readonly title: string; readonly bars: readonly Bar[] }
  | { readonly kind: 'pageBreak' };

/** An annex after the signature: its own title, then its body. */
export interface Annex {
  readonly title: string;
  readonly subtitle?: string;
  readonly body: readonly Block[];
  /** Wide tables read better on a landscape page (PDF). */
  readonly landscape?: boolean;
}

export interface OfficialDocument {
  /** The body above the issuer ("UBND TỈNH CAO BẰNG"), or null for the People's Committee itself. */
  readonly parentBody: string | null;
  readonly issuer: string;
  /** "Số: 125/QĐ-UBND"; a blank number is left as dots for the clerk to fill in. */
  readonly number: string;
  /** "Cao Bằng, ngày 04 tháng 12 năm 2026". */
  readonly placeDate: string;
  /** "BÁO CÁO", "QUYẾT ĐỊNH", "THÔNG BÁO", "GIẤY BIÊN NHẬN". */
  readonly kind: string;
  /** The summary line (trích yếu). */
  readonly summary: string;
  readonly body: readonly Block[];
  readonly recipients: readonly string[];
  readonly signature: { readonly lines: readonly string[]; readonly name: string };
  readonly annexes: readonly Annex[];
  /** File properties. */
  readonly title: string;
}

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const PROVINCE = 'Cao Bằng';
export const PROVINCIAL_COMMITTEE = 'ỦY BAN NHÂN DÂN TỈNH CAO BẰNG';
export const PROVINCIAL_COMMITTEE_SHORT = 'UBND TỈNH CAO BẰNG';
export const DEPARTMENT = 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG';

/** "Số: 125/QĐ-UBND", or "Số:        /BC-STTTT" when the number is not known yet. */
export function numberLine(number: string | null, suffix: string): string {
  if (!number) return `Số:        /${suffix}`;
  return `Số: ${number.includes('/') ? number : `${number}/${suffix}`}`;
}

/** "Cao Bằng, ngày 04 tháng 12 năm 2026" for a yyyy-mm-dd date. */
export function placeDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  // Decree 30: day and month below 10 (day < 10, month < 3) take a leading zero.
  const month = Number(m) < 3 ? m : String(Number(m));
  return `${PROVINCE}, ngày ${d} tháng ${month} năm ${y}`;
}

/** The calendar date in Vietnam of an instant, yyyy-mm-dd. */
export const vnDate = (at: Date): string => new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

/** yyyy-mm-dd as dd/mm/yyyy. */
export const ddmmyyyy = (isoDate: string): string => isoDate.split('-').reverse().join('/');

export const paragraph = (text: string, opts: { indent?: boolean; align?: Align } = {}): Block => ({
  kind: 'paragraph',
  runs: [{ text }],
  indent: opts.indent ?? true,
  align: opts.align ?? 'justify',
});
