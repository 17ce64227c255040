/**
 * Reads an uploaded form workbook back into the form's values, refusing what it cannot trust:
 * a file that is not an xlsx (a renamed PDF, an Excel 2003 .xls, a password-protected workbook),
 * a zip bomb, XML with entity declarations, a workbook of another cycle, agency or criteria
 * version, extra or missing sheets, moved rows, merged cells, formulas and error values in input
 * cells. What it returns is only converted (a "Có" to true, a date cell to 2017-03-31); whether a
 * value fits its field is the form's own check (submissions/form-values.ts), run by the caller.
 */
import ExcelJS from 'exceljs';
import type { Field } from '../../../core/criteria/schema.ts';
import { sniff } from '../../platform/files.ts';
import {
  COLUMNS,
  cellName,
  type FormIdentity,
  type FormLayout,
  LISTS_SHEET,
  META_SHEET,
  NO,
  templateHash,
  YES,
} from './form-layout.ts';
import { unzipGuarded, ZipRefused } from './zip-guard.ts';

/** One thing wrong with the file, at a cell when there is one. */
export interface FileProblem {
  readonly cell: string | null;
  readonly field: string | null;
  readonly message: string;
  readonly messageEn: string;
}

/** The file cannot be read as a form at all (the whole file is refused, one reason). */
export class FileRefused extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export interface ReadForm {
  /** Field key → value as converted from its cell (null: empty). */
  readonly values: Record<string, unknown>;
  /** Cells whose content could not be converted at all (formulas, error values, merged cells…). */
  readonly problems: FileProblem[];
  /** The form's version when the workbook was downloaded (null when it had none). */
  readonly downloadedVersion: number | null;
}

const MB = 1024 * 1024;
const XLSX_LIMITS = { maxEntries: 1000, maxTotalBytes: 60 * MB, maxRatio: 100 };

const refuse = (vi: string, en: string) => new FileRefused(vi, en);

/** Refuses what is not an Office Open XML workbook, by content, saying what it looks like. */
function checkType(bytes: Buffer): Map<string, Buffer> {
  const type = sniff(bytes);
  if (type?.mime === 'application/x-ole-storage') {
    // An encrypted xlsx is an OLE container holding an "EncryptedPackage" stream (named in UTF-16).
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le')))
      throw refuse(
        'Tệp Excel có đặt mật khẩu nên hệ thống không đọc được. Hãy mở tệp, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi tải lên lại.',
        'The workbook is password-protected and cannot be read. Remove the password and upload it again.',
      );
    throw refuse(
      'Tệp là bảng tính Excel 97-2003 (.xls), không phải biểu mẫu .xlsx của hệ thống. Hãy dùng đúng biểu mẫu đã tải về từ hệ thống.',
      'The file is an Excel 97-2003 workbook (.xls), not the system’s .xlsx form. Use the form downloaded from the system.',
    );
  }
  if (type?.mime === 'application/pdf')
    throw refuse(
      'Tệp là tài liệu PDF (chỉ đổi tên thành .xlsx), không phải bảng tính Excel. Hãy tải lên biểu mẫu Excel đã điền.',
      'The file is a PDF document (renamed), not an Excel workbook. Upload the filled-in Excel form.',
    );
  if (!type?.mime.startsWith('application/'))
    throw refuse(
      'Tệp không phải bảng tính Excel (.xlsx). Hãy tải lên biểu mẫu Excel đã tải về từ hệ thống.',
      'The file is not an Excel workbook (.xlsx). Upload the form downloaded from the system.',
    );
  let entries: Map<string, Buffer>;
  try {
    entries = unzipGuarded(bytes, XLSX_LIMITS);
  } catch (e) {
    if (!(e instanceof ZipRefused)) throw e;
    throw e.problem === 'ratio' || e.problem === 'too_large' || e.problem === 'too_many_entries'
      ? refuse(
          'Tệp có nội dung nén bất thường (khi giải nén lớn gấp nhiều lần, có thể là "bom nén"), hệ thống không mở tệp này.',
          'The file expands far beyond its size when unpacked (a possible zip bomb); it was not opened.',
        )
      : e.problem === 'encrypted'
        ? refuse('Tệp bị mã hóa, hệ thống không đọc được.', 'The file is encrypted and cannot be read.')
        : refuse(
            'Tệp bị hỏng hoặc không phải bảng tính Excel (.xlsx) hợp lệ.',
            'The file is damaged or not a valid Excel workbook (.xlsx).',
          );
  }
  if (!entries.has('xl/workbook.xml'))
    throw refuse(
      'Tệp không phải bảng tính Excel (.xlsx) (có thể là tài liệu Word hoặc tệp nén khác đổi tên).',
      'The file is not an Excel workbook (.xlsx).',
    );
  for (const [name, content] of entries)
    if (
      /\.(xml|rels)$/i.test(name) &&
      /<!(DOCTYPE|ENTITY)/i.test(content.subarray(0, 64 * 1024).toString('latin1'))
    )
      throw refuse(
        'Tệp chứa khai báo XML không được phép (DOCTYPE/ENTITY), không phải tệp do Excel tạo ra; hệ thống không mở tệp này.',
        'The file contains XML declarations (DOCTYPE/ENTITY) that Excel never writes; it was not opened.',
      );
  return entries;
}

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
};

function readIdentity(wb: ExcelJS.Workbook): Record<string, string> {
  const meta = wb.getWorksheet(META_SHEET);
  if (!meta)
    throw refuse(
      'Tệp không phải biểu mẫu của hệ thống (thiếu trang thông tin ẩn của biểu mẫu). Hãy tải biểu mẫu Excel từ hệ thống, điền rồi tải lên.',
      'The file is not a form of the system (its hidden identity sheet is missing). Download the form, fill it in and upload it.',
    );
  const out: Record<string, string> = {};
  meta.eachRow((row) => {
    out[text(row.getCell(1).value)] = text(row.getCell(2).value);
  });
  return out;
}

/** The reasons a workbook belongs to another form, in the order a person would check them. */
function checkIdentity(
  found: Record<string, string>,
  expected: FormIdentity,
  layout: FormLayout,
  agencyName: string,
) {
  if (found.cycleId !== expected.cycleId)
    throw refuse(
      `Biểu mẫu này thuộc kỳ đánh giá ${found.year ? `năm ${found.year}` : 'khác'}, không phải kỳ năm ${expected.year}. Hãy tải biểu mẫu của kỳ năm ${expected.year}.`,
      `This form belongs to ${found.year ? `the ${found.year}` : 'another'} cycle, not ${expected.year}.`,
    );
  if (found.agencyId !== expected.agencyId)
    throw refuse(
      `Biểu mẫu này là của cơ quan khác (mã ${found.agencyCode || '?'}), không phải của ${agencyName}.`,
      `This form belongs to another agency (code ${found.agencyCode || '?'}), not ${agencyName}.`,
    );
  if (found.criteriaVersionId !== expected.criteriaVersionId)
    throw refuse(
      `Biểu mẫu được lập theo bộ tiêu chí khác (${found.criteriaSetId || '?'} phiên bản ${found.criteriaVersion || '?'}); kỳ này dùng ${expected.criteriaSetId} phiên bản ${expected.criteriaVersion}. Hãy tải biểu mẫu mới.`,
      `The form was made for another criteria version (${found.criteriaSetId || '?'} ${found.criteriaVersion || '?'}); this cycle uses ${expected.criteriaSetId} ${expected.criteriaVersion}.`,
    );
  if (found.hash !== templateHash(expected, layout))
    throw refuse(
      'Thông tin nhận dạng của biểu mẫu không khớp (tệp đã bị sửa ngoài các ô nhập). Hãy tải biểu mẫu mới từ hệ thống.',
      'The form’s identity does not match (the file was changed outside its input cells). Download a new form.',
    );
}

/** The sheets: exactly the form's, plus its two hidden helpers; a hidden extra sheet is named. */
function checkSheets(wb: ExcelJS.Workbook, layout: FormLayout) {
  const expected = new Set([...layout.sheets.map((s) => s.name), META_SHEET, LISTS_SHEET]);
  for (const ws of wb.worksheets)
    if (!expected.has(ws.name))
      throw ws.state === 'visible'
        ? refuse(
            `Tệp có trang "${ws.name}" không thuộc biểu mẫu. Hãy xóa trang này hoặc nhập số liệu vào biểu mẫu gốc.`,
            `The workbook has a sheet "${ws.name}" that is not part of the form.`,
          )
        : refuse(
            `Tệp có trang ẩn "${ws.name}" không thuộc biểu mẫu. Hãy hiện và xóa trang này (hoặc dùng biểu mẫu gốc) rồi tải lên lại.`,
            `The workbook has a hidden sheet "${ws.name}" that is not part of the form.`,
          );
  for (const s of layout.sheets)
    if (!wb.getWorksheet(s.name))
      throw refuse(
        `Tệp thiếu trang "${s.name}" của biểu mẫu (có thể đã bị đổi tên hoặc xóa). Hãy dùng biểu mẫu gốc.`,
        `The workbook lacks the form's sheet "${s.name}".`,
      );
}

/** A cell's content as the field's value, or the reason it cannot be one. */
function convert(f: Field, v: ExcelJS.CellValue): { value: unknown } | { problem: [string, string] } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'object' && 'formula' in v)
    return {
      problem: [
        'ô nhập có công thức; hãy nhập trực tiếp giá trị (không dùng công thức)',
        'the input cell holds a formula; type the value itself',
      ],
    };
  if (typeof v === 'object' && 'sharedFormula' in v)
    return {
      problem: [
        'ô nhập có công thức; hãy nhập trực tiếp giá trị (không dùng công thức)',
        'the input cell holds a formula; type the value itself',
      ],
    };
  if (typeof v === 'object' && 'error' in v)
    return {
      problem: [
        `ô có giá trị lỗi ${v.error}; hãy nhập lại giá trị`,
        `the cell holds the error value ${v.error}`,
      ],
    };
  const s = text(v).normalize('NFC').trim();
  if (s === '') return { value: null };
  switch (f.type) {
    case 'integer':
    case 'decimal':
      if (typeof v === 'number') return { value: v };
      // A number typed into a text-formatted cell: plain digits only; "4 5", "1.000,5", "12%" are left
      // as the text they are, for the form's check to refuse in words.
      return { value: /^-?\d+$/.test(s) ? Number(s) : s };
    case 'boolean':
      if (typeof v === 'boolean') return { value: v };
      if (s.toLowerCase() === YES.toLowerCase()) return { value: true };
      if (s.toLowerCase() === NO.toLowerCase()) return { value: false };
      return {
        problem: [
          `phải chọn "${YES}" hoặc "${NO}", nhận được "${s}"`,
          `must be "${YES}" or "${NO}", got "${s}"`,
        ],
      };
    case 'enum': {
      const o = f.options?.find((x) => x.label.vi.normalize('NFC') === s || x.value === s);
      if (o) return { value: o.value };
      const words = (f.options ?? []).map((x) => x.label.vi).join('; ');
      return {
        problem: [`phải chọn một trong: ${words}; nhận được "${s}"`, `must be one of: ${words}; got "${s}"`],
      };
    }
    case 'date': {
      if (v instanceof Date) return { value: v.toISOString().slice(0, 10) };
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
      return { value: m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : s };
    }
    default:
      return { value: s };
  }
}

/**
 * Reads the workbook of the form described by `expected` and `layout`. Throws FileRefused when the
 * file as a whole is not that form; otherwise returns the values and the cells that could not be read.
 */
export async function readFormWorkbook(
  bytes: Buffer,
  expected: FormIdentity,
  layout: FormLayout,
  agencyName: string,
): Promise<ReadForm> {
  checkType(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refuse(
      'Tệp Excel bị hỏng, hệ thống không đọc được.',
      'The Excel file is damaged and cannot be read.',
    );
  }
  const identity = readIdentity(wb);
  checkIdentity(identity, expected, layout, agencyName);
  checkSheets(wb, layout);

  const problems: FileProblem[] = [];
  const values: Record<string, unknown> = {};
  for (const s of layout.sheets) {
    const ws = wb.getWorksheet(s.name)!;
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    for (const range of merges)
      problems.push({
        cell: `${s.name}!${range}`,
        field: null,
        message: `${s.name}!${range}: các ô đã bị gộp; hãy bỏ gộp ô (biểu mẫu không dùng ô gộp)`,
        messageEn: `${s.name}!${range}: cells were merged; unmerge them`,
      });
    for (const r of s.rows) {
      if (r.kind !== 'field') continue;
      const f = r.field;
      const keyCell = cellName(s.name, r.row, COLUMNS.key);
      const foundKey = text(ws.getCell(`${COLUMNS.key}${r.row}`).value).trim();
      if (foundKey !== f.key) {
        problems.push({
          cell: keyCell,
          field: f.key,
          message: `${keyCell}: dòng của "${f.label.vi}" đã bị di chuyển, chèn hoặc xóa (ô này phải ghi "${f.key}", đang ghi "${foundKey}"). Hãy dùng biểu mẫu gốc, không chèn, xóa hay di chuyển dòng.`,
          messageEn: `${keyCell}: the row of "${f.key}" was moved, inserted or deleted (found "${foundKey}")`,
        });
        continue;
      }
      const cell = cellName(s.name, r.row);
      const got = convert(f, ws.getCell(`${COLUMNS.input}${r.row}`).value);
      if ('problem' in got)
        problems.push({
          cell,
          field: f.key,
          message: `${cell}: ${f.shortLabel?.vi ?? f.label.vi}: ${got.problem[0]}`,
          messageEn: `${cell}: ${f.shortLabel?.en ?? f.label.en ?? f.key}: ${got.problem[1]}`,
        });
      else values[f.key] = got.value;
    }
  }
  const version = Number(identity.version);
  return {
    values,
    problems,
    downloadedVersion: identity.version && Number.isInteger(version) ? version : null,
  };
}

/** Whose form a workbook says it is (the zip upload routes each file by it); FileRefused when unreadable. */
export async function readFormOwner(
  bytes: Buffer,
): Promise<{ cycleId: string; agencyId: string; agencyCode: string }> {
  checkType(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refuse(
      'Tệp Excel bị hỏng, hệ thống không đọc được.',
      'The Excel file is damaged and cannot be read.',
    );
  }
  const id = readIdentity(wb);
  if (!id.cycleId || !id.agencyId)
    throw refuse('Tệp không ghi rõ biểu mẫu của cơ quan nào.', 'The file does not say whose form it is.');
  return { cycleId: id.cycleId, agencyId: id.agencyId, agencyCode: id.agencyCode ?? '' };
}
