/**
 * Filling an Excel form as a person would, for tests: open the downloaded workbook with exceljs,
 * find a field's row by the key in column A, type into its yellow cell (yes/no and choices as their
 * Vietnamese words, dates as dates), save. And a plain zip writer, to build hostile files.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { bundledSet } from '../src/core/criteria/bundled.ts';

export async function openWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export const saveWorkbook = async (wb: ExcelJS.Workbook): Promise<Buffer> =>
  Buffer.from(await wb.xlsx.writeBuffer());

/** The input cell of a field and its address ("Hạng mục 2!C14"), found by the key in column A. */
export function inputCell(wb: ExcelJS.Workbook, key: string): { cell: ExcelJS.Cell; address: string } {
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    for (let r = 1; r <= ws.rowCount; r++)
      if (ws.getCell(`A${r}`).value === key)
        return { cell: ws.getCell(`C${r}`), address: `${ws.name}!C${r}` };
  }
  throw new Error(`no row for ${key}`);
}

const fields = new Map(bundledSet('cao-bang-2016')!.fields.map((f) => [f.key, f]));

/** Types form values into the workbook the way a person picks them from its lists. */
export function typeValues(wb: ExcelJS.Workbook, values: Record<string, unknown>): void {
  for (const [key, v] of Object.entries(values)) {
    const f = fields.get(key);
    const { cell } = inputCell(wb, key);
    if (v === null || v === undefined) cell.value = null;
    else if (f?.type === 'boolean') cell.value = v ? 'Có' : 'Không';
    else if (f?.type === 'enum') cell.value = f.options!.find((o) => o.value === v)!.label.vi;
    else if (f?.type === 'date') cell.value = new Date(`${String(v)}T00:00:00Z`);
    else cell.value = v as ExcelJS.CellValue;
  }
}

/** A zip of the given entries (deflated), optionally declaring other sizes than the true ones. */
export function writeZip(entries: readonly { name: string; data: Buffer; stored?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = e.stored ? e.data : deflateRawSync(e.data);
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
