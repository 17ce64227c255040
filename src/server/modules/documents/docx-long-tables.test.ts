/**
 * A long table (a ranking of thousands of agencies) is written as text from the library's own
 * pattern rows: the file must read as if the library had written every row — same row XML, texts
 * in order and escaped, bold rows bold, nothing of the markers left.
 */
import { describe, expect, it } from 'vitest';
import { docxXml, textOf } from '../../../../test/documents.ts';
import { LONG_TABLE_ROWS } from './docx-long-tables.ts';
import { renderDocx } from './docx-writer.ts';
import type { Block, OfficialDocument } from './model.ts';

const columns = [
  { title: 'TT', width: 1, align: 'center' as const },
  { title: 'Cơ quan', width: 5 },
  { title: 'Tổng điểm', width: 2, align: 'right' as const },
];
const rowsOf = (n: number) =>
  Array.from({ length: n }, (_, i) => [String(i + 1), `Sở số ${i + 1} — Đường & <Ngõ> "${i}"`, `${i},25`]);
const tableXml = (xml: string) => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
const rowXml = (tbl: string) =>
  [...tbl.matchAll(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g)].map((m) => m[0]);

function doc(body: Block[], annex: Block[]): OfficialDocument {
  return {
    parentBody: 'UBND TỈNH CAO BẰNG',
    issuer: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
    number: 'Số:        /BC-STTTT',
    placeDate: 'Cao Bằng, ngày 20 tháng 12 năm 2017',
    kind: 'BÁO CÁO',
    summary: 'Thử bảng dài',
    body,
    recipients: ['Lưu: VT'],
    signature: { lines: ['GIÁM ĐỐC'], name: 'Người Ký' },
    annexes: [{ title: 'Phụ lục', body: annex }],
    title: 'Thử',
  };
}

describe('long tables in a Word file', () => {
  it('writes every row of a long table as the library writes a short one', async () => {
    const n = LONG_TABLE_ROWS + 150;
    const long = rowsOf(n);
    const xml = await docxXml(
      await renderDocx(
        doc(
          [
            { kind: 'table', columns, rows: rowsOf(3), boldRows: [2] },
            { kind: 'table', columns, rows: long, boldRows: [0, n - 1] },
          ],
          [{ kind: 'table', columns, rows: long.slice(0, LONG_TABLE_ROWS + 1) }],
        ),
      ),
    );
    expect(xml).not.toMatch(/CHISOLONGTABLE/);
    const [short, body, annex] = tableXml(xml).filter((t) => t.includes('Tổng điểm'));
    const shortRows = rowXml(short!);
    const bodyRows = rowXml(body!);
    // Header and every row, in order.
    expect(bodyRows).toHaveLength(n + 1);
    expect(rowXml(annex!)).toHaveLength(LONG_TABLE_ROWS + 2);
    expect(textOf(bodyRows[n]!)).toBe(
      `${n}Sở số ${n} — Đường &amp; &lt;Ngõ&gt; &quot;${n - 1}&quot;${n - 1},25`,
    );
    // The same row XML as the library's own (the short table): an ordinary row and a bold one.
    expect(bodyRows[2]).toBe(shortRows[2]);
    expect(bodyRows[3]).toBe(shortRows[3]!.replace(/<w:rPr>[\s\S]*?<\/w:rPr>/g, ''));
    expect(shortRows[3]).toContain('<w:b/>');
    expect(bodyRows[1]).toContain('<w:b/>');
    expect(bodyRows[n]).toContain('<w:b/>');
    expect(bodyRows.slice(2, n).some((r) => r.includes('<w:b/>'))).toBe(false);
  });
});
