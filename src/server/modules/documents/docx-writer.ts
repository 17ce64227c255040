/**
 * The document model as an editable Word file (docx): Times New Roman 14 pt (13 pt in tables), A4,
 * the margins of Decree 30/2020/NĐ-CP (top, bottom 20 mm; left 30 mm; right 15 mm), the title
 * block as a borderless two-column table, page numbers centred at the top from the second page,
 * charts as PNG images with their labels as text.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { cellMarker, fillLongTables, LONG_TABLE_ROWS, type LongTable } from './docx-long-tables.ts';
import {
  type Align,
  type Annex,
  type Block,
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  type OfficialDocument,
  type Run,
} from './model.ts';
import { BAR_FILL, BAR_TRACK, barPng } from './png.ts';

const MM = 56.7; // twips per millimetre
const A4 = { width: Math.round(210 * MM), height: Math.round(297 * MM) };
const MARGIN = {
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
  left: Math.round(30 * MM),
  right: Math.round(15 * MM),
};
const FONT = 'Times New Roman';
const BODY = 28; // half-points: 14 pt
const SMALL = 26; // 13 pt
const TABLE = 24; // 12 pt in wide tables

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const run = (r: Run, size = BODY) =>
  new TextRun({ text: r.text, bold: r.bold ?? false, italics: r.italic ?? false, size, font: FONT });

const line = (
  text: string,
  o: { bold?: boolean; italic?: boolean; size?: number; underline?: boolean } = {},
) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new TextRun({
        text,
        bold: o.bold ?? false,
        italics: o.italic ?? false,
        size: o.size ?? SMALL,
        font: FONT,
        ...(o.underline ? { underline: {} } : {}),
      }),
    ],
  });

const cell = (children: Paragraph[], widthPct: number, opts: { header?: boolean } = {}) =>
  new TableCell({
    children,
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.CENTER,
    ...(opts.header ? { shading: { fill: 'D9E1F2' } } : {}),
  });

/**
 * National title block and issuer, number and place-date (Decree 30, Annex I, items 1–4): issuer
 * and national title in 12 pt bold capitals, each on one line (74 mm and 88 mm in Times New
 * Roman), so the cells have no inner margins and the issuer's column is 76 mm of the 165.
 */
function titleBlock(doc: OfficialDocument): Table {
  const left = [
    ...(doc.parentBody ? [line(doc.parentBody, { size: 24 })] : []),
    line(doc.issuer, { bold: true, underline: true, size: 24 }),
    line(doc.number),
  ];
  const right = [
    line(NATIONAL_TITLE, { bold: true, size: 24 }),
    line(NATIONAL_MOTTO, { bold: true, size: SMALL, underline: true }),
    line(doc.placeDate, { italic: true, size: BODY }),
  ];
  const noMargins = { top: 0, bottom: 0, left: 0, right: 0 };
  const issuerPct = (76 / 165) * 100;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            children: left,
            margins: noMargins,
            width: { size: issuerPct, type: WidthType.PERCENTAGE },
          }),
          new TableCell({
            children: right,
            margins: noMargins,
            width: { size: 100 - issuerPct, type: WidthType.PERCENTAGE },
          }),
        ],
      }),
    ],
  });
}

/**
 * Paragraph styles of table text (12 pt, aligned left, centred or right): a cell's paragraph names
 * its style instead of carrying its size and alignment itself. Word shows the same, a clerk can
 * restyle every table at once, and a ranking of 10,000 agencies is 100,000 cells lighter to build
 * and write (issue 11's benchmark: each cell's own run properties were most of the time).
 */
const TABLE_STYLE = { left: 'TableLeft', center: 'TableCenter', right: 'TableRight', justify: 'TableLeft' };
const tableStyles = [
  { id: TABLE_STYLE.left, name: 'Bảng – căn trái', alignment: AlignmentType.LEFT },
  { id: TABLE_STYLE.center, name: 'Bảng – căn giữa', alignment: AlignmentType.CENTER },
  { id: TABLE_STYLE.right, name: 'Bảng – căn phải', alignment: AlignmentType.RIGHT },
].map(({ id, name, alignment }) => ({
  id,
  name,
  quickFormat: true,
  paragraph: { alignment },
  run: { font: FONT, size: TABLE },
}));

function table(b: Extract<Block, { kind: 'table' }>, long: LongTable[]): Table {
  const total = b.columns.reduce((s, c) => s + c.width, 0);
  const pct = b.columns.map((c) => (c.width / total) * 100);
  // Bold only where a row is bold: a run without properties takes the style's.
  const p = (text: string, align: Align, bold: boolean) =>
    new Paragraph({
      style: TABLE_STYLE[align],
      children: [bold ? new TextRun({ text, bold }) : new TextRun(text)],
    });
  const row = (texts: readonly string[], bold: boolean) =>
    new TableRow({
      cantSplit: true,
      children: b.columns.map((c, i) => cell([p(texts[i] ?? '', c.align ?? 'left', bold)], pct[i]!)),
    });
  const bold = new Set(b.boldRows ?? []);
  let body: TableRow[];
  if (b.rows.length > LONG_TABLE_ROWS) {
    // Two pattern rows, repeated with the texts once the file is written (docx-long-tables.ts).
    const id = long.length;
    long.push({ id, rows: b.rows, bold, columns: b.columns.length });
    const markers = (isBold: boolean) => b.columns.map((_, i) => cellMarker(id, i, isBold));
    body = [row(markers(false), false), row(markers(true), true)];
  } else body = b.rows.map((r, ri) => row(r, bold.has(ri)));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: b.columns.map((c, i) => cell([p(c.title, 'center', true)], pct[i]!, { header: true })),
      }),
      ...body,
    ],
  });
}

/** A bar chart: its title, then one row per bar (label, PNG bar, value). */
function chart(b: Extract<Block, { kind: 'chart' }>): (Paragraph | Table)[] {
  const W = 240;
  const H = 14;
  const rows = b.bars.map(
    (bar) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(
            [new Paragraph({ children: [new TextRun({ text: bar.label, size: TABLE, font: FONT })] })],
            42,
          ),
          cell(
            [
              new Paragraph({
                children: [
                  new ImageRun({
                    type: 'png',
                    data: barPng(W, H, bar.max > 0 ? bar.value / bar.max : 0, BAR_FILL, BAR_TRACK),
                    transformation: { width: W, height: H },
                    altText: { name: bar.label, title: bar.label, description: `${bar.label}: ${bar.shown}` },
                  }),
                ],
              }),
            ],
            44,
          ),
          cell(
            [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: bar.shown, size: TABLE, font: FONT })],
              }),
            ],
            14,
          ),
        ],
      }),
  );
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 60 },
      children: [new TextRun({ text: b.title, bold: true, italics: true, size: SMALL, font: FONT })],
    }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: TableBorders.NONE, rows }),
  ];
}

function blocks(list: readonly Block[], long: LongTable[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of list) {
    switch (b.kind) {
      case 'heading':
        out.push(
          new Paragraph({
            spacing: { before: 180, after: 60 },
            children: [new TextRun({ text: b.text, bold: true, size: BODY, font: FONT })],
          }),
        );
        break;
      case 'paragraph':
        out.push(
          new Paragraph({
            alignment: ALIGN[b.align ?? 'justify'],
            spacing: { before: 60, after: 60, line: 300 },
            ...(b.indent ? { indent: { firstLine: Math.round(10 * MM) } } : {}),
            children: b.runs.map((r) => run(r)),
          }),
        );
        break;
      case 'table':
        out.push(table(b, long), new Paragraph({ children: [] }));
        break;
      case 'chart':
        out.push(...chart(b), new Paragraph({ children: [] }));
        break;
      case 'pageBreak':
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
    }
  }
  return out;
}

/** "Nơi nhận" on the left, the signature block on the right. */
function closing(doc: OfficialDocument): Table {
  const recipients = [
    new Paragraph({
      children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: 24, font: FONT })],
    }),
    ...doc.recipients.map(
      (r) => new Paragraph({ children: [new TextRun({ text: `- ${r}`, size: 22, font: FONT })] }),
    ),
  ];
  const sign = [
    ...doc.signature.lines.map((l) => line(l, { bold: true, size: BODY })),
    new Paragraph({ spacing: { before: 1400 }, children: [] }),
    line(doc.signature.name, { bold: true, size: BODY }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({ children: recipients, width: { size: 50, type: WidthType.PERCENTAGE } }),
          new TableCell({ children: sign, width: { size: 50, type: WidthType.PERCENTAGE } }),
        ],
      }),
    ],
  });
}

const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: SMALL, font: FONT })],
      }),
    ],
  });

function annexSection(a: Annex, long: LongTable[]) {
  const children: ParagraphChild[] = [new TextRun({ text: a.title, bold: true, size: BODY, font: FONT })];
  return {
    properties: {
      page: {
        size: a.landscape
          ? { width: A4.height, height: A4.width, orientation: PageOrientation.LANDSCAPE }
          : { width: A4.width, height: A4.height },
        margin: MARGIN,
      },
    },
    headers: { default: pageNumberHeader() },
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children }),
      ...(a.subtitle ? [line(a.subtitle, { italic: true, size: BODY })] : []),
      new Paragraph({ children: [] }),
      ...blocks(a.body, long),
    ],
  };
}

/** The document as a .docx file. */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  // Filled in document order as the sections below are built.
  const long: LongTable[] = [];
  const body = blocks(doc.body, long);
  const annexes = doc.annexes.map((a) => annexSection(a, long));
  const file = new Document({
    creator: doc.issuer,
    title: doc.title,
    styles: { default: { document: { run: { font: FONT, size: BODY } } }, paragraphStyles: tableStyles },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN }, titlePage: true },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        footers: { first: new Footer({ children: [] }) },
        children: [
          titleBlock(doc),
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          line(doc.kind, { bold: true, size: BODY }),
          line(doc.summary, { bold: true, size: BODY }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: '_______', size: BODY })],
          }),
          ...body,
          new Paragraph({ children: [] }),
          closing(doc),
        ],
      },
      ...annexes,
    ],
  });
  return fillLongTables(await Packer.toBuffer(file), long);
}
