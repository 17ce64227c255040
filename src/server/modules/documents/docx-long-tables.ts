/**
 * Long tables of a Word file written as text. The `docx` library holds every cell as objects, then
 * as an XML tree, then as one string, all at once: a ranking of 10,000 agencies took 1.1 GB and
 * 11 CPU seconds (issue 11's benchmark). A long table is therefore built by the library with its
 * header and two pattern rows (an ordinary one and a bold one) whose cells hold markers; once the
 * library has written the file, each pattern row is repeated here with the table's texts put in
 * place of the markers. The rows come out as the library writes them, with no second idea of the
 * format to keep in step.
 */
import JSZip from 'jszip';

/** Tables longer than this are written as text (a province's 33 agencies never are). */
export const LONG_TABLE_ROWS = 300;

export interface LongTable {
  readonly id: number;
  readonly rows: readonly (readonly string[])[];
  readonly bold: ReadonlySet<number>;
  readonly columns: number;
}

/** The marker of a cell of a pattern row; only letters and digits, so XML keeps it as it is. */
export const cellMarker = (table: number, column: number, bold: boolean): string =>
  `CHISOLONGTABLE${table}${bold ? 'B' : 'N'}${column}X`;

/** As the library escapes a text (quotes too), so that a row reads the same whichever wrote it. */
const escapeText = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** Start and end of the table row that holds `marker` in `xml`. */
function rowAround(xml: string, marker: string, from = 0): { start: number; end: number } {
  const at = xml.indexOf(marker, from);
  if (at < 0) throw new Error(`pattern row ${marker} missing from the document`);
  // `<w:tr>` or `<w:tr …>`, not `<w:trPr>`.
  const start = Math.max(xml.lastIndexOf('<w:tr>', at), xml.lastIndexOf('<w:tr ', at));
  const close = xml.indexOf('</w:tr>', at);
  if (start < 0 || close < 0) throw new Error(`pattern row ${marker} is not in a table row`);
  return { start, end: close + '</w:tr>'.length };
}

/** The row's XML cut at its markers: n + 1 pieces for n columns. */
function pieces(row: string, table: number, columns: number, bold: boolean): string[] {
  const out: string[] = [];
  let rest = row;
  for (let c = 0; c < columns; c++) {
    const marker = cellMarker(table, c, bold);
    const at = rest.indexOf(marker);
    if (at < 0) throw new Error(`cell marker ${marker} missing from its row`);
    out.push(rest.slice(0, at));
    rest = rest.slice(at + marker.length);
  }
  out.push(rest);
  return out;
}

/** The Word file with each long table's pattern rows replaced by its rows. */
export async function fillLongTables(docx: Buffer, tables: readonly LongTable[]): Promise<Buffer> {
  if (tables.length === 0) return docx;
  const zip = await JSZip.loadAsync(docx);
  const entry = zip.file('word/document.xml');
  if (!entry) throw new Error('word/document.xml missing');
  const xml = await entry.async('string');
  // Written in order of appearance, so one pass over the document copies each part once.
  const parts: string[] = [];
  let done = 0;
  for (const t of tables) {
    const normal = rowAround(xml, cellMarker(t.id, 0, false), done);
    const bold = rowAround(xml, cellMarker(t.id, 0, true), normal.end);
    const plain = pieces(xml.slice(normal.start, normal.end), t.id, t.columns, false);
    const strong = pieces(xml.slice(bold.start, bold.end), t.id, t.columns, true);
    parts.push(xml.slice(done, normal.start));
    for (const [ri, row] of t.rows.entries()) {
      const p = t.bold.has(ri) ? strong : plain;
      let s = p[0]!;
      for (let c = 0; c < t.columns; c++) s += escapeText(row[c] ?? '') + p[c + 1]!;
      parts.push(s);
    }
    done = Math.max(normal.end, bold.end);
  }
  parts.push(xml.slice(done));
  zip.file('word/document.xml', parts.join(''));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
