/**
 * The published ranking as an Excel workbook for the office (R15, R20): one sheet per group with
 * rank, code, agency, total, class, the category and criterion scores, then the agencies not
 * ranked and why; points stored as numbers with two decimals (so Vietnamese Excel shows 87,25 and
 * sums them), frozen headers, A4 landscape, the header rows repeated on every printed page.
 *
 * Written with exceljs's streaming writer: each row is committed (serialised into the zip) as
 * soon as it is filled, so a province of 10,000 agencies never holds a whole sheet of cell
 * objects in memory (issue 11's goal: under 10 s and 500 MB).
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CompiledSet } from '../../../core/criteria/compile.ts';
import { formatDate } from '../../../core/format.ts';
import type { PublicationDecision, SnapshotContent } from './results.schema.ts';

const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const POINTS = '0.00';
/** Rows above the table: title, cycle, publication, blank. */
const HEAD_ROW = 5;

/** Sheet names: at most 31 characters, none of []:*?/\ . */
const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

export async function rankingWorkbook(
  content: SnapshotContent,
  set: CompiledSet,
  decision: PublicationDecision | null = null,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: true,
    creator: 'chiso',
    created: new Date(content.publishedAt),
  } as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
  wb.title = `Kết quả đánh giá mức độ ứng dụng CNTT năm ${content.cycle.year}`;
  // The date of publication in Vietnam, where the decision is dated.
  const published = formatDate(
    new Date(Date.parse(content.publishedAt) + 7 * 3600_000).toISOString().slice(0, 10),
  );
  for (const g of content.groups) {
    const ws = wb.addWorksheet(sheetName(g.name.vi), {
      views: [{ state: 'frozen', ySplit: HEAD_ROW, xSplit: 3 }],
      pageSetup: {
        paperSize: 9, // A4
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${HEAD_ROW}:${HEAD_ROW}`,
        margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
    });
    ws.headerFooter.oddFooter = `${g.name.vi} — trang &P/&N`;
    const criteria =
      set.groupsById.get(g.id)?.criteria.map((k) => k.id) ?? Object.keys(g.ranking[0]?.criteria ?? {});
    ws.getCell('A1').value =
      `KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ ỨNG DỤNG CNTT NĂM ${content.cycle.year} — ${g.name.vi.toUpperCase()}`;
    ws.getCell('A1').font = { bold: true, size: 13 };
    ws.getCell('A2').value = content.cycle.title;
    ws.getCell('A3').value =
      `Công bố lần ${content.revision} ngày ${published}; bộ tiêu chí ${content.criteria.setId} phiên bản ${content.criteria.version}${decision ? `; Quyết định số ${decision.number} ngày ${formatDate(decision.date)} (${decision.signerTitle} ${decision.signerName} ký)` : ''}${content.reason ? `; lý do: ${content.reason}` : ''}`;
    const header = [
      'Hạng',
      'Mã',
      'Cơ quan',
      'Tổng điểm',
      'Xếp loại',
      ...g.categories.map((c) => `HM${c.id}. ${c.name.vi} (tối đa ${c.max})`),
      ...criteria.map((id) => `TC ${id}`),
    ];
    const head = ws.getRow(HEAD_ROW);
    head.values = header;
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: 'top' };
    head.eachCell((c) => {
      c.fill = HEAD_FILL;
    });
    ws.columns = header.map((_, i) => ({
      width: i === 2 ? 42 : i < 2 ? 8 : i < 5 ? 12 : i < 5 + g.categories.length ? 18 : 9,
    }));
    let row = HEAD_ROW + 1;
    for (const r of g.ranking) {
      const line = ws.getRow(row++);
      line.values = [
        r.rank,
        r.code,
        r.name,
        r.total,
        r.classLabel.vi,
        ...g.categories.map((c) => r.categories.find((x) => x.id === c.id)?.points ?? null),
        ...criteria.map((id) => r.criteria[id] ?? null),
      ];
      for (let i = 4; i <= header.length; i++) if (i !== 5) line.getCell(i).numFmt = POINTS;
      line.commit();
    }
    if (g.notRanked.length) {
      row++;
      ws.getCell(`A${row}`).value = 'Cơ quan không xếp hạng';
      ws.getCell(`A${row}`).font = { bold: true };
      row++;
      for (const n of g.notRanked) {
        const line = ws.getRow(row++);
        line.values = [null, n.code, n.name, null, `Không xếp hạng: ${n.reasonLabel.vi.toLowerCase()}`];
        line.commit();
      }
    }
    ws.commit();
  }
  await wb.commit();
  return Buffer.concat(chunks);
}
