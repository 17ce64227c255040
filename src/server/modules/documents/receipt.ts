/**
 * The submission receipt (R6) as a document: who submitted which form when, against which
 * deadline, the head's attestation and the content's hash (the same facts as the receipt page).
 */
import type { ReceiptView } from '../submissions/submissions.schema.ts';
import {
  DEPARTMENT,
  numberLine,
  type OfficialDocument,
  PROVINCIAL_COMMITTEE_SHORT,
  paragraph,
  placeDate,
} from './model.ts';

export function submissionReceipt(r: ReceiptView, date: string): OfficialDocument {
  return {
    parentBody: PROVINCIAL_COMMITTEE_SHORT,
    issuer: DEPARTMENT,
    number: numberLine(null, 'BN-STTTT'),
    placeDate: placeDate(date),
    kind: 'GIẤY BIÊN NHẬN',
    summary: `Phiếu báo cáo mức độ ứng dụng công nghệ thông tin năm ${r.cycle.year}`,
    body: [
      paragraph(
        `Sở Thông tin và Truyền thông xác nhận đã nhận phiếu báo cáo của ${r.agency.name} (mã ${r.agency.code}):`,
      ),
      {
        kind: 'table',
        columns: [
          { title: 'Nội dung', width: 30 },
          { title: 'Thông tin', width: 70 },
        ],
        rows: [
          ['Kỳ đánh giá', r.cycle.title],
          ['Thời điểm nộp (giờ Việt Nam)', r.submittedAtVn],
          ['Hạn nộp', r.deadlineVn],
          ['Tình trạng', r.timeliness.vi],
          ['Thủ trưởng xác nhận', `${r.attestation.name} — ${r.attestation.title}`],
          ['Người nộp', r.submittedBy?.displayName ?? '—'],
          ['Mã biên nhận', r.submissionId],
          ['Mã băm nội dung (SHA-256)', r.contentHash],
        ],
      },
      paragraph(
        'Mã băm cho phép đối chiếu nội dung phiếu đã nộp: mọi thay đổi sau khi nộp đều được ghi nhật ký kèm người sửa, thời điểm và lý do.',
      ),
    ],
    recipients: [r.agency.name, 'Lưu: VT, CNTT.'],
    signature: { lines: ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG'], name: '' },
    annexes: [],
    title: `Biên nhận phiếu báo cáo năm ${r.cycle.year} — ${r.agency.name}`,
  };
}
