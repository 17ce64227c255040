/**
 * The department's annual report to the provincial People's Committee (R15): the year at a
 * glance, the ranking of each group, the agencies not ranked and why, the analysis per category
 * (mean, best, weakest, change from last year) with charts, and the method as an annex.
 */
import type { CompiledSet } from '../../../core/criteria/compile.ts';
import type { PublicationDecision, SnapshotContent } from '../results/results.schema.ts';
import {
  type Block,
  DEPARTMENT,
  numberLine,
  type OfficialDocument,
  PROVINCIAL_COMMITTEE_SHORT,
  paragraph,
  placeDate,
} from './model.ts';
import {
  categoryChart,
  categoryStats,
  categoryTable,
  classChart,
  decisionRef,
  methodBlocks,
  notRankedTable,
  pts,
  rankingTable,
} from './tables.ts';

export interface ReportInput {
  readonly content: SnapshotContent;
  readonly set: CompiledSet;
  readonly decision: PublicationDecision | null;
  /** Last year's published document, for the changes. */
  readonly previous: SnapshotContent | null;
  /** The report's date (yyyy-mm-dd, Vietnam). */
  readonly date: string;
  /** The agencies' appeals against the provisional result and their answers (issue 12), oldest first. */
  readonly appeals?: readonly ReportAppeal[];
}

/** One appeal as the report's annex lists it. */
export interface ReportAppeal {
  readonly agency: string;
  readonly criterion: string;
  readonly text: string;
  readonly status: 'open' | 'upheld' | 'rejected';
  readonly answer: string | null;
  /** The agency's total before and after the answer, in hundredths (an upheld appeal's effect). */
  readonly totalBefore: number | null;
  readonly totalAfter: number | null;
}

const APPEAL_STATUS = { open: 'Chưa trả lời', upheld: 'Chấp nhận', rejected: 'Không chấp nhận' } as const;

/** The appeals in a sentence of the overview, and the annex's table. */
function appealsSummary(appeals: readonly ReportAppeal[]): string {
  const agencies = new Set(appeals.map((a) => a.agency)).size;
  const upheld = appeals.filter((a) => a.status === 'upheld').length;
  const rejected = appeals.filter((a) => a.status === 'rejected').length;
  const open = appeals.length - upheld - rejected;
  return `Trong thời hạn kiến nghị sau khi kết quả tạm thời được phê duyệt, ${agencies} cơ quan gửi ${appeals.length} kiến nghị; Sở chấp nhận ${upheld} kiến nghị (điểm được điều chỉnh theo quy trình thẩm định), không chấp nhận ${rejected} kiến nghị${open ? `, ${open} kiến nghị chưa được trả lời khi công bố` : ''}. Chi tiết tại Phụ lục II.`;
}

function appealsTable(appeals: readonly ReportAppeal[]): Block {
  return {
    kind: 'table',
    columns: [
      { title: 'STT', width: 5, align: 'center' },
      { title: 'Cơ quan', width: 18 },
      { title: 'Tiêu chí', width: 17 },
      { title: 'Nội dung kiến nghị', width: 25 },
      { title: 'Kết quả xử lý', width: 23 },
      { title: 'Tổng điểm trước → sau', width: 12, align: 'center' },
    ],
    rows: appeals.map((a, i) => [
      String(i + 1),
      a.agency,
      a.criterion,
      a.text,
      `${APPEAL_STATUS[a.status]}${a.answer ? `: ${a.answer}` : ''}`,
      a.totalBefore !== null && a.totalAfter !== null
        ? `${pts(a.totalBefore / 100)} → ${pts(a.totalAfter / 100)}`
        : '—',
    ]),
  };
}

export function annualReport({
  content,
  set,
  decision,
  previous,
  date,
  appeals = [],
}: ReportInput): OfficialDocument {
  const year = content.cycle.year;
  const all = content.groups.reduce((n, g) => n + g.ranking.length + g.notRanked.length, 0);
  const ranked = content.groups.reduce((n, g) => n + g.ranking.length, 0);
  const late = content.groups.reduce((n, g) => n + g.notRanked.filter((x) => x.reason === 'late').length, 0);
  const missing = content.groups.reduce(
    (n, g) => n + g.notRanked.filter((x) => x.reason === 'missing').length,
    0,
  );
  const body: Block[] = [
    paragraph(
      `Thực hiện Quyết định số 2310/QĐ-UBND ngày 02/12/2016 của UBND tỉnh Cao Bằng về việc ban hành Bộ tiêu chí đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin của các cơ quan nhà nước trên địa bàn tỉnh, Sở Thông tin và Truyền thông báo cáo kết quả đánh giá năm ${year} như sau:`,
    ),
    { kind: 'heading', text: 'I. TÌNH HÌNH CHUNG' },
    paragraph(
      `Năm ${year} có ${all} cơ quan thuộc diện đánh giá; ${ranked} cơ quan nộp báo cáo đúng hạn và được xếp hạng, ${late} cơ quan nộp muộn, ${missing} cơ quan không nộp báo cáo. Số liệu của các cơ quan đã được Sở thẩm định, kiểm tra trang thông tin điện tử và chấm điểm theo bộ tiêu chí ${content.criteria.setId} phiên bản ${content.criteria.version}.`,
    ),
    paragraph(
      `Kết quả được Ban Chỉ đạo phê duyệt và công bố lần ${content.revision} theo ${decisionRef(decision)}${decision ? ` do ${decision.signerTitle.replace(/\s*\n\s*/g, ' ')} ${decision.signerName} ký` : ''}${content.reason ? `; lý do điều chỉnh: ${content.reason}` : ''}.`,
    ),
  ];
  if (appeals.length) body.push(paragraph(appealsSummary(appeals)));
  for (const g of content.groups) {
    const n = g.ranking.length;
    const mean = n ? g.ranking.reduce((s, r) => s + Math.round(r.total * 100), 0) / n / 100 : null;
    body.push({
      kind: 'paragraph',
      indent: true,
      align: 'justify',
      runs: [
        { text: `- ${g.name.vi}: `, bold: true },
        {
          text: n
            ? `${n} cơ quan được xếp hạng, điểm trung bình ${pts(Math.round((mean ?? 0) * 100) / 100)}; dẫn đầu là ${g.ranking[0]!.name} (${pts(g.ranking[0]!.total)} điểm).`
            : 'không có cơ quan nào được xếp hạng.',
        },
      ],
    });
  }
  body.push({ kind: 'heading', text: 'II. KẾT QUẢ XẾP HẠNG' });
  content.groups.forEach((g, i) => {
    body.push({ kind: 'heading', text: `${i + 1}. ${g.name.vi}` }, rankingTable(g));
    if (g.notRanked.length)
      body.push(paragraph(`Các cơ quan không được xếp hạng (${g.notRanked.length}):`), notRankedTable(g));
    body.push(classChart(content, g));
  });
  body.push({ kind: 'heading', text: 'III. PHÂN TÍCH THEO HẠNG MỤC' });
  content.groups.forEach((g, i) => {
    const before = previous?.groups.find((x) => x.id === g.id);
    const stats = categoryStats(g, before);
    body.push(
      { kind: 'heading', text: `${i + 1}. ${g.name.vi}` },
      categoryTable(stats, before !== undefined),
    );
    const weakest = [...stats]
      .filter((s) => s.mean !== null && s.max > 0)
      .sort((a, b) => (a.mean ?? 0) / a.max - (b.mean ?? 0) / b.max)[0];
    if (weakest)
      body.push(
        paragraph(
          `Hạng mục có mức đạt thấp nhất so với điểm tối đa là HM${weakest.id}. ${weakest.name} (trung bình ${pts(weakest.mean ?? 0)}/${pts(weakest.max)} điểm).${previous ? '' : ` Chưa có kết quả năm ${year - 1} để so sánh.`}`,
        ),
      );
    body.push(categoryChart(g.name.vi, stats));
  });
  body.push(
    { kind: 'heading', text: 'IV. KIẾN NGHỊ' },
    paragraph(
      `Sở Thông tin và Truyền thông kính đề nghị UBND tỉnh công bố kết quả đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin năm ${year}; chỉ đạo các cơ quan xếp loại Trung bình, Dưới trung bình và các cơ quan không nộp hoặc nộp muộn báo cáo có giải pháp khắc phục trong năm ${year + 1}.`,
    ),
    paragraph(
      appeals.length
        ? 'Phương pháp đánh giá tại Phụ lục I; các kiến nghị của cơ quan và kết quả xử lý tại Phụ lục II kèm theo Báo cáo này.'
        : 'Phương pháp đánh giá tại Phụ lục kèm theo Báo cáo này.',
    ),
  );
  return {
    parentBody: PROVINCIAL_COMMITTEE_SHORT,
    issuer: DEPARTMENT,
    number: numberLine(null, 'BC-STTTT'),
    placeDate: placeDate(date),
    kind: 'BÁO CÁO',
    summary: `Kết quả đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin của các cơ quan nhà nước tỉnh Cao Bằng năm ${year}`,
    body,
    recipients: [
      'UBND tỉnh (báo cáo)',
      'Ban Chỉ đạo (báo cáo)',
      'Các cơ quan, đơn vị được đánh giá',
      'Lưu: VT, CNTT.',
    ],
    signature: { lines: ['GIÁM ĐỐC'], name: '' },
    annexes: [
      {
        title: appeals.length ? 'PHỤ LỤC I: PHƯƠNG PHÁP ĐÁNH GIÁ' : 'PHỤ LỤC: PHƯƠNG PHÁP ĐÁNH GIÁ',
        subtitle: `(Kèm theo Báo cáo của Sở Thông tin và Truyền thông về kết quả đánh giá năm ${year})`,
        body: methodBlocks(content, set),
      },
      ...(appeals.length
        ? [
            {
              title: 'PHỤ LỤC II: KIẾN NGHỊ CỦA CÁC CƠ QUAN VÀ KẾT QUẢ XỬ LÝ',
              subtitle: `(Kèm theo Báo cáo của Sở Thông tin và Truyền thông về kết quả đánh giá năm ${year})`,
              body: [appealsTable(appeals)],
            },
          ]
        : []),
    ],
    title: `Báo cáo kết quả đánh giá mức độ ứng dụng CNTT năm ${year}`,
  };
}
