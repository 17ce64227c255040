/**
 * The agency's form as an Excel workbook (exceljs): the layout of form-layout.ts, labels, units and
 * help in Vietnamese, data validation from each field's type and range (so Excel refuses most
 * mistakes as they are typed), every sheet protected with only the input cells open, and two
 * very-hidden sheets: the choice lists and the workbook's identity with its hash. The workbook's
 * structure is protected too, so that Excel will not add, delete, rename, move or unhide a sheet.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Field } from '../../../core/criteria/schema.ts';
import { formatNumber } from '../../../core/format.ts';
import {
  COLUMNS,
  FIRST_ROW,
  type FormIdentity,
  type FormLayout,
  LISTS_SHEET,
  META_SHEET,
  NO,
  templateHash,
  YES,
} from './form-layout.ts';

export interface FormWorkbookInput {
  readonly identity: FormIdentity;
  readonly layout: FormLayout;
  readonly agencyName: string;
  readonly cycleTitle: string;
  readonly values: Readonly<Record<string, unknown>>;
  /** Where the values come from: the current draft, the submitted form of the year before, or none. */
  readonly prefill: 'draft' | 'previous-year' | 'empty';
  /** The form's version the values were read at (null: no form yet). */
  readonly version: number | null;
}

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const BIG = 1e15;

/** 1 → A, 27 → AA. */
const columnLetter = (n: number): string =>
  (n > 26 ? columnLetter(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

const clip = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

/** The value as the cell shows it: numbers as numbers, yes/no and choices as their Vietnamese words. */
function cellValue(f: Field, v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  switch (f.type) {
    case 'boolean':
      return v === true ? YES : v === false ? NO : String(v);
    case 'enum':
      return f.options?.find((o) => o.value === v)?.label.vi ?? String(v);
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : String(v);
    case 'integer':
    case 'decimal':
      return typeof v === 'number' ? v : String(v);
    default:
      return String(v);
  }
}

/** The words of a range, "từ 0 đến 1.000". */
function rangeWords(f: Field): string {
  const lo = f.min !== undefined ? `từ ${formatNumber(f.min, 'vi')}` : '';
  const hi = f.max !== undefined ? `đến ${formatNumber(f.max, 'vi')}` : '';
  return [lo, hi].filter(Boolean).join(' ');
}

function validation(f: Field, listRef: (f: Field) => string): ExcelJS.DataValidation | undefined {
  const help = {
    showInputMessage: !!f.help,
    promptTitle: clip(f.shortLabel?.vi ?? f.label.vi, 32),
    prompt: clip(f.help?.vi ?? '', 250),
  };
  const refuse = (error: string) => ({
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Giá trị không hợp lệ',
    error: clip(error, 250),
  });
  switch (f.type) {
    case 'integer':
    case 'decimal':
      return {
        type: f.type === 'integer' ? 'whole' : 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [f.min ?? -BIG, f.max ?? BIG],
        ...help,
        ...refuse(`Hãy nhập ${f.type === 'integer' ? 'một số nguyên' : 'một số'} ${rangeWords(f)}`.trim()),
      };
    case 'boolean':
      return {
        type: 'list',
        allowBlank: true,
        formulae: [`"${YES},${NO}"`],
        ...help,
        ...refuse(`Hãy chọn "${YES}" hoặc "${NO}"`),
      };
    case 'enum':
      return {
        type: 'list',
        allowBlank: true,
        formulae: [listRef(f)],
        ...help,
        ...refuse('Hãy chọn một giá trị trong danh sách'),
      };
    case 'date':
      return {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: true,
        formulae: [new Date(Date.UTC(1990, 0, 1))],
        ...help,
        ...refuse('Hãy nhập một ngày, dạng ngày/tháng/năm (ví dụ 31/03/2017)'),
      };
    default:
      return f.maxLength
        ? {
            type: 'textLength',
            operator: 'lessThanOrEqual',
            allowBlank: true,
            formulae: [f.maxLength],
            ...help,
            ...refuse(`Tối đa ${f.maxLength} ký tự`),
          }
        : f.help
          ? { type: 'custom', allowBlank: true, formulae: ['TRUE'], ...help }
          : undefined;
  }
}

/** The workbook's bytes. */
export async function writeFormWorkbook(input: FormWorkbookInput): Promise<Buffer> {
  const { identity, layout } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chiso';
  wb.title = `Phiếu thu thập số liệu năm ${identity.year} — ${input.agencyName}`;
  // The same form gives the same bytes: no clock in the file (exceljs sets both dates to the time
  // the workbook object was made, and writes `modified` into docProps/core.xml).
  wb.created = new Date(0);
  wb.modified = wb.created;

  // Choice lists live on a hidden sheet (a list in the rule itself may not hold commas or 255+ characters).
  const listed: Field[] = [];
  const listRef = (f: Field) => {
    let i = listed.indexOf(f);
    if (i < 0) i = listed.push(f) - 1;
    const letter = columnLetter(i + 1);
    return `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${Math.max(f.options?.length ?? 0, 1)}`;
  };

  const note =
    input.prefill === 'previous-year'
      ? `Các ô đã điền sẵn là SỐ LIỆU NĂM ${identity.year - 1} của cơ quan (phiếu đã nộp năm trước): hãy kiểm tra và sửa thành số liệu năm ${identity.year}.`
      : input.prefill === 'draft'
        ? 'Các ô đã điền sẵn là số liệu nháp hiện có trên hệ thống.'
        : 'Phiếu chưa có số liệu.';

  for (const s of layout.sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: FIRST_ROW - 1 }] });
    ws.columns = [{ width: 26 }, { width: 60 }, { width: 22 }, { width: 14 }, { width: 70 }];
    ws.getCell('A1').value = `${s.name}. ${s.title.vi}`;
    ws.getCell('A1').font = { bold: true, size: 14 };
    ws.getCell('A2').value = `${input.agencyName} — ${input.cycleTitle}`;
    ws.getCell('A3').value = `Chỉ nhập vào các ô màu vàng ở cột C; dấu * là thông tin bắt buộc. ${note}`;
    ws.getCell('A3').font = {
      italic: true,
      color: { argb: input.prefill === 'previous-year' ? 'FFC00000' : 'FF404040' },
    };
    const head = ws.getRow(FIRST_ROW - 1);
    head.values = ['Mã', 'Nội dung', 'Giá trị', 'Đơn vị', 'Hướng dẫn'];
    head.font = { bold: true };
    head.eachCell((c) => {
      c.fill = HEAD_FILL;
    });
    for (const r of s.rows) {
      const row = ws.getRow(r.row);
      if (r.kind === 'criterion') {
        row.getCell(COLUMNS.key).value = `Tiêu chí ${r.id}`;
        row.getCell(COLUMNS.label).value = r.name.vi;
        row.font = { bold: true };
        continue;
      }
      const f = r.field;
      row.getCell(COLUMNS.key).value = f.key;
      row.getCell(COLUMNS.label).value = `${f.label.vi}${f.required ? ' *' : ''}`;
      row.getCell(COLUMNS.label).alignment = { wrapText: true, vertical: 'top' };
      row.getCell(COLUMNS.unit).value = f.unit?.vi ?? (f.type === 'boolean' ? `${YES} / ${NO}` : null);
      row.getCell(COLUMNS.help).value = f.help?.vi ?? null;
      row.getCell(COLUMNS.help).alignment = { wrapText: true, vertical: 'top' };
      const input_ = row.getCell(COLUMNS.input);
      input_.value = cellValue(f, input.values[f.key]);
      input_.protection = { locked: false };
      input_.fill = INPUT_FILL;
      input_.border = {
        top: { style: 'thin' },
        bottom: { style: 'thin' },
        left: { style: 'thin' },
        right: { style: 'thin' },
      };
      if (f.type === 'date') input_.numFmt = 'dd/mm/yyyy';
      if (f.type === 'integer') input_.numFmt = '#,##0';
      if (f.type === 'text' || f.type === 'url') input_.numFmt = '@';
      const dv = validation(f, listRef);
      if (dv) input_.dataValidation = dv;
    }
    // Protected without a password: it keeps the structure from slipping, not a secret.
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  }

  const lists = wb.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
  listed.forEach((f, col) => {
    (f.options ?? []).forEach((o, i) => {
      lists.getCell(i + 1, col + 1).value = o.label.vi;
    });
  });
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const rows: [string, string | number][] = [
    ['format', 'chiso.form-workbook/1'],
    ['cycleId', identity.cycleId],
    ['year', identity.year],
    ['agencyId', identity.agencyId],
    ['agencyCode', identity.agencyCode],
    ['criteriaVersionId', identity.criteriaVersionId],
    ['criteriaSetId', identity.criteriaSetId],
    ['criteriaVersion', identity.criteriaVersion],
    ['prefill', input.prefill],
    ['version', input.version ?? ''],
    ['hash', templateHash(identity, layout)],
  ];
  rows.forEach(([k, v], i) => {
    meta.getCell(i + 1, 1).value = k;
    meta.getCell(i + 1, 2).value = v;
  });
  return lockStructure(Buffer.from(await wb.xlsx.writeBuffer()));
}

/**
 * Protects the workbook's structure (no password, like the sheets): exceljs writes sheet
 * protection only, so the package's xl/workbook.xml gets its `<workbookProtection
 * lockStructure="1"/>` here, in the place the schema gives it (after `workbookPr`, before
 * `bookViews` or, without views, `sheets`). Every entry gets one fixed date (exceljs stamps them with the
 * clock, so two downloads a second apart differed): the same form gives the same bytes. Excel shows no entry date.
 */
/** The date written on every entry of a form's package: the day of Decision 2310/QĐ-UBND. */
const ENTRY_DATE = new Date(Date.UTC(2016, 11, 2));

export async function lockStructure(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const entry = zip.file('xl/workbook.xml');
  if (!entry) throw new Error('exceljs wrote no xl/workbook.xml');
  const xml = await entry.async('string');
  if (xml.includes('<workbookProtection')) return xlsx;
  const views = xml.indexOf('<bookViews');
  const at = views >= 0 ? views : xml.indexOf('<sheets');
  if (at < 0) throw new Error('xl/workbook.xml has no sheets to place the protection before');
  const locked = `${xml.slice(0, at)}<workbookProtection lockStructure="1"/>${xml.slice(at)}`;
  zip.file('xl/workbook.xml', locked);
  for (const f of Object.values(zip.files)) f.date = ENTRY_DATE;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
