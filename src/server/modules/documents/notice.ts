/**
 * One agency's result notice (R19): its rank and class, its points per category against the
 * group's average, each criterion self-scored against official with the reasons of every gap
 * (the same comparison as the agency's result page), where it lost points and what to improve.
 */
import { formatPointsFixed } from '../../../core/format.ts';
import { hundredthsOf } from '../results/export-formats.ts';
import type { AgencyView, PublicationDecision } from '../results/results.schema.ts';
import {
  type Block,
  DEPARTMENT,
  numberLine,
  type OfficialDocument,
  PROVINCIAL_COMMITTEE_SHORT,
  paragraph,
  placeDate,
} from './model.ts';
import { change, decisionRef, pts } from './tables.ts';

export function resultNotice(
  view: AgencyView,
  decision: PublicationDecision | null,
  date: string,
): OfficialDocument {
  const year = view.cycle.year;
  const a = view.agency;
  const body: Block[] = [
    paragraph(
      `Căn cứ ${decisionRef(decision)} của UBND tỉnh Cao Bằng công bố kết quả đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin năm ${year}, Sở Thông tin và Truyền thông thông báo kết quả của ${a.name} như sau:`,
    ),
    { kind: 'heading', text: '1. Kết quả chung' },
    view.ranked
      ? paragraph(
          `${a.name} đạt ${pts(view.total ?? 0)} điểm, xếp loại ${view.classLabel?.vi ?? ''}, đứng thứ ${view.rank}/${view.rankedInGroup} trong nhóm ${view.agency.groupName.vi}${view.selfTotal !== null ? ` (điểm tự đánh giá: ${pts(view.selfTotal)})` : ''}.`,
        )
      : paragraph(
          `${a.name} không được xếp hạng năm ${year}: ${view.notRankedLabel?.vi.toLowerCase() ?? ''}.${view.selfTotal !== null ? ` Điểm tự đánh giá: ${pts(view.selfTotal)}.` : ''}`,
        ),
  ];
  if (view.previousYear) {
    const p = view.previousYear;
    body.push(
      paragraph(
        p.ranked
          ? `Năm ${p.year}: ${pts(p.total ?? 0)} điểm, thứ ${p.rank}/${p.rankedInGroup}, xếp loại ${p.classLabel?.vi ?? ''}${p.change !== null ? `; thay đổi tổng điểm: ${change(hundredthsOf(p.change))}` : ''}.`
          : `Năm ${p.year}: không được xếp hạng (${p.notRankedLabel?.vi.toLowerCase() ?? ''}).`,
      ),
    );
  }
  body.push(
    { kind: 'heading', text: '2. Điểm theo hạng mục' },
    {
      kind: 'table',
      columns: [
        { title: 'Hạng mục', width: 40 },
        { title: 'Tối đa', width: 10, align: 'right' },
        { title: 'Đạt', width: 10, align: 'right' },
        { title: 'Trung bình nhóm', width: 12, align: 'right' },
      ],
      rows: view.categories.map((c) => [
        `HM${c.id}. ${c.name.vi}`,
        pts(c.max),
        c.points === null ? '—' : pts(c.points),
        c.groupAverage === null ? '—' : pts(c.groupAverage),
      ]),
    },
  );
  body.push({ kind: 'heading', text: '3. Điểm từng tiêu chí: tự đánh giá và chính thức' });
  if (view.comparison) {
    body.push({
      kind: 'table',
      columns: [
        { title: 'Mã', width: 6 },
        { title: 'Tiêu chí', width: 30 },
        { title: 'Tối đa', width: 8, align: 'right' },
        { title: 'Tự chấm', width: 8, align: 'right' },
        { title: 'Chính thức', width: 9, align: 'right' },
        { title: 'Chênh lệch', width: 9, align: 'right' },
        { title: 'Lý do chênh lệch', width: 30 },
      ],
      rows: view.comparison.criteria.map((k) => [
        k.id,
        k.name.vi,
        pts(k.max),
        pts(k.self.points),
        pts(k.official.points),
        k.difference === 0 ? '' : change(hundredthsOf(k.difference)),
        k.reasons.map((r) => r.text.vi).join('; '),
      ]),
    });
  } else {
    body.push(paragraph('Cơ quan không nộp phiếu báo cáo nên không có điểm tự đánh giá để đối chiếu.'));
  }
  body.push({ kind: 'heading', text: '4. Những nội dung cần cải thiện' });
  if (view.biggestLosses.length) {
    for (const l of view.biggestLosses)
      body.push({
        kind: 'paragraph',
        indent: true,
        align: 'justify',
        runs: [
          { text: `- Tiêu chí ${l.criterionId}. ${l.name.vi}: `, bold: true },
          {
            text: `đạt ${pts(l.points)}/${pts(l.max)} điểm, chưa đạt ${formatPointsFixed(hundredthsOf(l.lost), 'vi')} điểm. ${l.explanation.vi}`,
          },
        ],
      });
  } else if (view.ranked) {
    body.push(paragraph('Cơ quan đạt điểm tối đa ở mọi tiêu chí.'));
  } else {
    body.push(
      paragraph('Đề nghị cơ quan nộp báo cáo đúng hạn trong kỳ đánh giá tới để được thẩm định và xếp hạng.'),
    );
  }
  body.push(
    paragraph(
      'Đề nghị cơ quan căn cứ kết quả trên để xây dựng kế hoạch nâng cao mức độ ứng dụng công nghệ thông tin trong năm tới.',
    ),
  );
  return {
    parentBody: PROVINCIAL_COMMITTEE_SHORT,
    issuer: DEPARTMENT,
    number: numberLine(null, 'TB-STTTT'),
    placeDate: placeDate(date),
    kind: 'THÔNG BÁO',
    summary: `Kết quả đánh giá mức độ ứng dụng công nghệ thông tin năm ${year} của ${a.name}`,
    body,
    recipients: [a.name, 'Lưu: VT, CNTT.'],
    signature: { lines: ['GIÁM ĐỐC'], name: '' },
    annexes: [],
    title: `Thông báo kết quả đánh giá CNTT năm ${year} — ${a.name}`,
  };
}
