/**
 * The document model as PDF (pdfmake): Liberation Serif — metric-equal to Times New Roman, SIL
 * Open Font License, shipped in ./fonts with its licence because a new machine has no fonts —
 * embedded, 14 pt (12 pt in tables), A4, the margins of Decree 30/2020/NĐ-CP, page numbers at the
 * top from the second page, charts drawn as vector bars with their labels as text.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { type Align, type Block, NATIONAL_MOTTO, NATIONAL_TITLE, type OfficialDocument } from './model.ts';

const FONTS = join(dirname(fileURLToPath(import.meta.url)), 'fonts');
const MM = 72 / 25.4;
/** left, top, right, bottom */
const MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 20 * MM];
const BODY = 14;
const SMALL = 13;
const TABLE = 12;
const HEAD_FILL = '#D9E1F2';

let ready = false;
function setUp() {
  if (ready) return;
  pdfmake.setFonts({
    Serif: {
      normal: join(FONTS, 'LiberationSerif-Regular.ttf'),
      bold: join(FONTS, 'LiberationSerif-Bold.ttf'),
      italics: join(FONTS, 'LiberationSerif-Italic.ttf'),
      bolditalics: join(FONTS, 'LiberationSerif-BoldItalic.ttf'),
    },
  });
  // Documents carry no links or images from outside: only the bundled fonts are read.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONTS));
  ready = true;
}

const rule = (width: number): Content => ({
  canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.6 }],
  alignment: 'center',
  margin: [0, 1, 0, 3],
});

/**
 * The title block (Decree 30/2020/NĐ-CP, Annex I): issuer and national title in 12 pt bold
 * capitals, each on one line — "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" is 74 mm and "CỘNG HÒA XÃ HỘI CHỦ
 * NGHĨA VIỆT NAM" 88 mm in Liberation Serif (= Times New Roman), on a 165 mm wide text area.
 */
const ISSUER_WIDTH = 76 * MM;

function titleBlock(doc: OfficialDocument): Content {
  const pageWidth = 210 * MM - MARGINS[0] - MARGINS[2];
  const right = pageWidth - ISSUER_WIDTH;
  return {
    columns: [
      {
        width: ISSUER_WIDTH,
        stack: [
          ...(doc.parentBody ? [{ text: doc.parentBody, fontSize: 12 }] : []),
          { text: doc.issuer, bold: true, fontSize: 12 },
          { ...(rule(60) as object), margin: [(ISSUER_WIDTH - 60) / 2, 1, 0, 3] } as Content,
          { text: doc.number, fontSize: SMALL },
        ],
        alignment: 'center',
      },
      {
        width: right,
        stack: [
          { text: NATIONAL_TITLE, bold: true, fontSize: 12 },
          { text: NATIONAL_MOTTO, bold: true, fontSize: SMALL },
          { ...(rule(150) as object), margin: [(right - 150) / 2, 1, 0, 3] } as Content,
          { text: doc.placeDate, italics: true, fontSize: BODY },
        ],
        alignment: 'center',
      },
    ],
  };
}

function table(b: Extract<Block, { kind: 'table' }>): Content {
  const total = b.columns.reduce((s, c) => s + c.width, 0);
  const bold = new Set(b.boldRows ?? []);
  const header: TableCell[] = b.columns.map((c) => ({
    text: c.title,
    bold: true,
    alignment: 'center',
    fillColor: HEAD_FILL,
  }));
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: b.columns.map((c) => `${((c.width / total) * 100).toFixed(2)}%`),
      body: [
        header,
        // Only what differs from the defaults (left, not bold): every property a cell names is a
        // style pushed and looked up while 100,000 cells of a large province are laid out.
        ...b.rows.map((r, ri) =>
          b.columns.map((c, i): TableCell => {
            const cell: { text: string; alignment?: Align; bold?: boolean } = { text: r[i] ?? '' };
            if (c.align && c.align !== 'left') cell.alignment = c.align;
            if (bold.has(ri)) cell.bold = true;
            return cell;
          }),
        ),
      ],
    },
    fontSize: TABLE,
    margin: [0, 4, 0, 8],
  };
}

function chart(b: Extract<Block, { kind: 'chart' }>): Content {
  const W = 200;
  const H = 9;
  return {
    stack: [
      {
        text: b.title,
        bold: true,
        italics: true,
        alignment: 'center',
        fontSize: SMALL,
        margin: [0, 4, 0, 4],
      },
      {
        table: {
          widths: ['42%', '44%', '14%'],
          body: b.bars.map((bar) => [
            { text: bar.label },
            {
              canvas: [
                { type: 'rect', x: 0, y: 2, w: W, h: H, color: '#E7ECF2' },
                {
                  type: 'rect',
                  x: 0,
                  y: 2,
                  w: bar.max > 0 ? Math.max(0, Math.min(1, bar.value / bar.max)) * W : 0,
                  h: H,
                  color: '#1F4E79',
                },
              ],
            },
            { text: bar.shown, alignment: 'right' },
          ]),
        },
        layout: 'noBorders',
        fontSize: TABLE,
      },
    ],
    margin: [0, 4, 0, 8],
    unbreakable: b.bars.length <= 20,
  };
}

function blocks(list: readonly Block[]): Content[] {
  return list.map((b): Content => {
    switch (b.kind) {
      case 'heading':
        return { text: b.text, bold: true, margin: [0, 8, 0, 3] };
      case 'paragraph':
        return {
          text: b.runs.map((r) => ({ text: r.text, bold: r.bold ?? false, italics: r.italic ?? false })),
          alignment: b.align ?? 'justify',
          leadingIndent: b.indent ? 10 * MM : 0,
          margin: [0, 3, 0, 3],
          lineHeight: 1.1,
        };
      case 'table':
        return table(b);
      case 'chart':
        return chart(b);
      default:
        return { text: '', pageBreak: 'after' };
    }
  });
}

function closing(doc: OfficialDocument): Content {
  return {
    columns: [
      {
        width: '50%',
        stack: [
          { text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 },
          ...doc.recipients.map((r) => ({ text: `- ${r}`, fontSize: 11 })),
        ],
      },
      {
        width: '50%',
        alignment: 'center',
        stack: [
          ...doc.signature.lines.map((l) => ({ text: l, bold: true })),
          { text: doc.signature.name, bold: true, margin: [0, 70, 0, 0] },
        ],
      },
    ],
    unbreakable: true,
    margin: [0, 12, 0, 0],
  };
}

/** The document as a PDF file. */
export async function renderPdf(doc: OfficialDocument): Promise<Buffer> {
  setUp();
  const content: Content[] = [
    titleBlock(doc),
    { text: doc.kind, bold: true, alignment: 'center', margin: [0, 16, 0, 0] },
    { text: doc.summary, bold: true, alignment: 'center' },
    rule(60),
    ...blocks(doc.body),
    closing(doc),
  ];
  for (const a of doc.annexes) {
    content.push(
      {
        text: a.title,
        bold: true,
        alignment: 'center',
        pageBreak: 'before',
        pageOrientation: a.landscape ? 'landscape' : 'portrait',
      },
      ...(a.subtitle ? [{ text: a.subtitle, italics: true, alignment: 'center' as const }] : []),
      { text: ' ' },
      ...blocks(a.body),
    );
  }
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: MARGINS,
    info: { title: doc.title, author: doc.issuer, creator: 'chiso', producer: 'chiso' },
    defaultStyle: { font: 'Serif', fontSize: BODY },
    header: (page) =>
      page > 1
        ? { text: String(page), alignment: 'center', fontSize: SMALL, margin: [0, 10 * MM, 0, 0] }
        : null,
    content,
  };
  return pdfmake.createPdf(definition).getBuffer();
}
