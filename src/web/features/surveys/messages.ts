/** Every string of the survey-plan screens, Vietnamese first, English second. */
import { defineMessages } from '../../i18n/messages.ts';

export const m = defineMessages({
  'plans.title': { vi: 'Kế hoạch khảo sát thực tế', en: 'Planned field surveys' },
  'plans.all': { vi: 'Mọi buổi khảo sát của kỳ', en: 'Every survey of the cycle' },
  'plans.none': { vi: 'Chưa có buổi khảo sát nào được lên kế hoạch.', en: 'No field survey is planned.' },
  'plans.loading': { vi: 'Đang tải kế hoạch khảo sát…', en: 'Loading the survey plans…' },
  'plans.notAvailable': { vi: 'Chưa xem được kế hoạch khảo sát', en: 'The survey plans are not available' },

  'page.title': { vi: 'Khảo sát thực tế năm {year}', en: 'Field surveys {year}' },
  'page.titlePlain': { vi: 'Khảo sát thực tế', en: 'Field surveys' },
  'page.intro': {
    vi: 'Các buổi khảo sát thực tế tại cơ quan (Điều 10 của Quy định) đã lên kế hoạch trong kỳ: ngày, đoàn, tình trạng xác nhận của cơ quan và kết quả. Lên kế hoạch và ghi kết quả trên trang thẩm định của từng cơ quan.',
    en: 'The field surveys planned in this cycle (Article 10 of the regulation): date, team, the agency’s confirmation and the findings. Plan and record them on each agency’s review page.',
  },
  'page.caption': { vi: 'Các buổi khảo sát ({n})', en: 'Surveys ({n})' },
  'col.agency': { vi: 'Cơ quan', en: 'Agency' },
  'col.date': { vi: 'Ngày khảo sát', en: 'Date' },
  'col.team': { vi: 'Đoàn khảo sát', en: 'Team' },
  'col.status': { vi: 'Tình trạng', en: 'Status' },
  'col.claims': { vi: 'Số liệu xác minh', en: 'Figures' },
  'col.open': { vi: 'Trang thẩm định', en: 'Review page' },
  'page.toProgress': { vi: 'Tiến độ thẩm định', en: 'Review progress' },

  'card.date': { vi: 'Ngày khảo sát: {date}', en: 'Visit: {date}' },
  'card.team': { vi: 'Đoàn khảo sát', en: 'Team' },
  'card.purpose': { vi: 'Mục đích', en: 'Purpose' },
  'card.claims': { vi: 'Số liệu cần xác minh', en: 'Figures to verify' },
  'card.now': { vi: 'Số liệu hiện tại: {value}', en: 'Current figure: {value}' },
  'card.confirmed': { vi: 'Khớp', en: 'Confirmed' },
  'card.differs': { vi: 'Khác — thực tế: {value}', en: 'Differs — observed: {value}' },
  'card.reschedule': {
    vi: 'Cơ quan đề nghị chuyển sang ngày {date}. Lý do: {reason}',
    en: 'The agency asks for {date}. Reason: {reason}',
  },
  'card.repliedBy': { vi: 'Trả lời bởi {name}', en: 'Answered by {name}' },

  'form.title': { vi: 'Lên kế hoạch khảo sát', en: 'Plan a field survey' },
  'form.intro': {
    vi: 'Chọn các số liệu cần xác minh tại cơ quan. Hệ thống đề xuất theo rủi ro: chênh lệch lớn giữa tự chấm và thẩm định, cảnh báo kiểm tra logic, số liệu tăng giảm mạnh so với năm trước.',
    en: 'Choose the figures to verify at the agency. The system proposes them by risk: large gaps between self and official scores, check warnings, big changes from last year.',
  },
  'form.date': { vi: 'Ngày khảo sát (ngày/tháng/năm)', en: 'Date (day/month/year)' },
  'form.badDate': {
    vi: 'Hãy chọn hoặc ghi ngày khảo sát (ngày/tháng/năm, ví dụ 20/11/2017)',
    en: 'Pick or type the date (day/month/year, e.g. 20/11/2017)',
  },
  'form.team': { vi: 'Thành phần đoàn khảo sát', en: 'Survey team' },
  'form.purpose': { vi: 'Mục đích', en: 'Purpose' },
  'form.claims': { vi: 'Số liệu cần xác minh', en: 'Figures to verify' },
  'form.noProposals': {
    vi: 'Không có số liệu nào có rủi ro cao; vẫn có thể chọn trong danh sách dưới.',
    en: 'No figure stands out by risk; you can still choose from the list below.',
  },
  'rules.legend': { vi: 'Đề xuất số liệu khi', en: 'Propose a figure when' },
  'rules.gap': {
    vi: 'Tự chấm và sau thẩm định của tiêu chí lệch từ (% điểm tối đa, ít nhất 1 điểm)',
    en: 'Self and official scores of its criterion differ by (% of the maximum, at least 1 point)',
  },
  'rules.jump': {
    vi: 'Số liệu thay đổi so với số liệu chính thức năm trước từ (%)',
    en: "It changed from last year's official value by (%)",
  },
  'rules.help': {
    vi: 'Số liệu có cảnh báo kiểm tra logic hoặc đối chiếu nguồn luôn được đề xuất. Mặc định 25% và 50%.',
    en: 'Figures with a logic or cross-source warning are always proposed. Defaults 25% and 50%.',
  },
  'rules.apply': { vi: 'Đề xuất lại', en: 'Propose again' },
  'form.proposalsLoading': { vi: 'Đang tìm số liệu nên xác minh…', en: 'Finding the figures to verify…' },
  'form.why': { vi: 'Lý do xác minh "{label}"', en: 'Why "{label}" is verified' },
  'form.needClaim': { vi: 'Hãy chọn ít nhất một số liệu cần xác minh', en: 'Choose at least one figure' },
  'form.submit': { vi: 'Lưu kế hoạch và báo cơ quan', en: 'Save and tell the agency' },
  'form.done': {
    vi: 'Đã lưu kế hoạch khảo sát; cơ quan nhận thông báo và thư để xác nhận.',
    en: 'Plan saved; the agency is told to confirm.',
  },

  'move.label': { vi: 'Đổi sang ngày (ngày/tháng/năm)', en: 'Move to (day/month/year)' },
  'move.submit': { vi: 'Đổi ngày khảo sát', en: 'Move the visit' },

  'find.title': { vi: 'Ghi kết quả khảo sát', en: 'Record the findings' },
  'find.outcome': { vi: 'Kết quả xác minh "{label}"', en: 'Finding on "{label}"' },
  'find.same': { vi: 'Khớp với số liệu kê khai', en: 'Matches the reported figure' },
  'find.differs': { vi: 'Khác', en: 'Differs' },
  'find.observed': { vi: 'Giá trị thực tế của "{label}"', en: 'Observed "{label}"' },
  'find.note': { vi: 'Ghi chú thêm (không bắt buộc)', en: 'Other notes (optional)' },
  'find.needAll': {
    vi: 'Hãy ghi kết quả cho mọi số liệu trong kế hoạch',
    en: 'Record a finding for every figure',
  },
  'find.submit': { vi: 'Lưu kết quả thành biên bản khảo sát', en: 'Save as the survey record' },
  'find.done': {
    vi: 'Đã lưu biên bản khảo sát. Đính kèm biên bản có chữ ký ở mục khảo sát bên dưới.',
    en: 'Survey record saved. Attach the signed minutes in the survey list below.',
  },
  'fix.offer': {
    vi: 'Số liệu khác thực tế: sửa số liệu chính thức theo kết quả khảo sát (ghi nhật ký, dẫn chiếu biên bản).',
    en: 'The figure differs: correct the official data from the survey (audited, citing the survey).',
  },
  'fix.button': { vi: 'Sửa "{label}" thành {value}', en: 'Correct "{label}" to {value}' },
  'fix.reason': { vi: 'Theo kết quả khảo sát thực tế ngày {date}', en: 'From the field survey of {date}' },
  'fix.done': { vi: 'Đã sửa "{label}" theo kết quả khảo sát.', en: '"{label}" corrected from the survey.' },

  'home.title': { vi: 'Sở TT&TT khảo sát thực tế tại cơ quan', en: 'Field survey at your agency' },
  'home.accept': { vi: 'Xác nhận ngày khảo sát', en: 'Confirm the date' },
  'home.other': { vi: 'Đề nghị ngày khác', en: 'Ask for another date' },
  'home.otherDate': { vi: 'Ngày đề nghị (ngày/tháng/năm)', en: 'Proposed date (day/month/year)' },
  'home.reason': { vi: 'Lý do', en: 'Reason' },
  'home.sendOther': { vi: 'Gửi đề nghị đổi ngày', en: 'Send the request' },
  'home.confirmed': { vi: 'Cơ quan đã xác nhận ngày khảo sát.', en: 'The date is confirmed.' },
  'home.asked': {
    vi: 'Đã gửi đề nghị đổi ngày; Sở sẽ báo ngày mới.',
    en: 'Request sent; the department will set a new date.',
  },
});
