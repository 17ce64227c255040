/**
 * A draft letter (công văn) from the department asking one agency to correct the shortcomings
 * of Điều 3.4: the indicators it stayed on the wrong side of for two published years, with both
 * years' values and the level asked for. Made by the same document machinery as the annual
 * report, as DOCX for the clerk to edit (number, deadline) or PDF to read.
 */
import { formatNumber } from '../../../core/format.ts';
import { notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { renderDocx } from '../documents/docx-writer.ts';
import {
  DEPARTMENT,
  numberLine,
  type OfficialDocument,
  PROVINCIAL_COMMITTEE_SHORT,
  paragraph,
  placeDate,
  vnDate,
} from '../documents/model.ts';
import { renderPdf } from '../documents/pdf-writer.ts';
import { canReadProvince } from './indicators.policy.ts';
import type { AgencyShortfalls, LetterParams, LetterQuery } from './indicators.schema.ts';
import { loadShortcomings } from './read-shortcomings.ts';

const n = (x: number) => formatNumber(x, 'vi', 2);

export function shortcomingLetter(
  a: AgencyShortfalls,
  years: { year: number; previousYear: number },
  date: string,
): OfficialDocument {
  const { year, previousYear } = years;
  return {
    parentBody: PROVINCIAL_COMMITTEE_SHORT,
    issuer: DEPARTMENT,
    number: numberLine(null, 'STTTT-CNTT'),
    placeDate: placeDate(date),
    kind: `Kính gửi: ${a.name}`,
    summary: `V/v khắc phục hạn chế trong ứng dụng công nghệ thông tin năm ${previousYear}, ${year}`,
    body: [
      paragraph(
        `Căn cứ Quyết định số 2310/QĐ-UBND ngày 02/12/2016 của UBND tỉnh Cao Bằng ban hành Quy định đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin của các cơ quan nhà nước trên địa bàn tỉnh, trong đó việc đánh giá nhằm phát hiện và khắc phục kịp thời những hạn chế (khoản 4 Điều 3); căn cứ kết quả đánh giá các năm ${previousYear} và ${year} đã công bố, Sở Thông tin và Truyền thông nhận thấy ${a.items.length === 1 ? 'một chỉ số' : `${a.items.length} chỉ số`} ứng dụng công nghệ thông tin của ${a.name} chưa đạt mức yêu cầu trong hai năm liền, cụ thể:`,
      ),
      {
        kind: 'table',
        columns: [
          { title: 'TT', width: 5, align: 'center' },
          { title: 'Chỉ số', width: 38 },
          { title: 'Đơn vị tính', width: 14 },
          { title: `Năm ${previousYear}`, width: 11, align: 'right' },
          { title: `Năm ${year}`, width: 11, align: 'right' },
          { title: 'Mức yêu cầu', width: 13, align: 'right' },
        ],
        rows: a.items.map((it, i) => [
          String(i + 1),
          it.indicator.label.vi,
          it.indicator.unit.vi,
          n(it.before),
          n(it.now),
          `${it.indicator.higherIsBetter ? 'từ' : 'đến'} ${n(it.threshold)}`,
        ]),
      },
      paragraph(
        `Sở Thông tin và Truyền thông đề nghị ${a.name} rà soát nguyên nhân, có giải pháp khắc phục các hạn chế nêu trên và báo cáo kết quả, kế hoạch khắc phục về Sở Thông tin và Truyền thông trước ngày …/…/${year + 1} để tổng hợp, báo cáo UBND tỉnh.`,
      ),
      paragraph('Trân trọng./.'),
    ],
    recipients: ['Như trên', 'UBND tỉnh (báo cáo)', 'Lưu: VT, CNTT.'],
    signature: { lines: ['GIÁM ĐỐC'], name: '' },
    annexes: [],
    title: `Đề nghị khắc phục hạn chế ứng dụng CNTT - ${a.code}`,
  };
}

/** The letter to one agency on the list, as a file. */
export async function downloadShortcomingLetter(
  deps: AppDeps,
  caller: Caller,
  input: LetterParams & LetterQuery,
): Promise<{ bytes: Buffer; filename: string; format: 'docx' | 'pdf' }> {
  authorize(canReadProvince(caller.user));
  const view = await loadShortcomings(deps.database.db, input.year);
  const a = view.agencies.find((x) => x.agencyId === input.agencyId);
  if (!a || view.year === null || view.previousYear === null)
    throw notFound({
      vi: 'cơ quan này trong danh sách hạn chế hai năm liền',
      en: 'this agency on the list of two-year shortcomings',
    });
  const doc = shortcomingLetter(
    a,
    { year: view.year, previousYear: view.previousYear },
    vnDate(deps.clock.now()),
  );
  const bytes = input.format === 'pdf' ? await renderPdf(doc) : await renderDocx(doc);
  return {
    bytes,
    filename: `Đề nghị khắc phục hạn chế CNTT năm ${view.year} - ${a.code}.${input.format}`,
    format: input.format,
  };
}
