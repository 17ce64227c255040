/** Every string of the appeal screens, Vietnamese first, English second. */
import { defineMessages } from '../../i18n/messages.ts';

export const m = defineMessages({
  'appeals.title': {
    vi: 'Kiến nghị về kết quả tạm thời năm {year}',
    en: 'Appeals on the provisional result of {year}',
  },
  'appeals.titlePlain': { vi: 'Kiến nghị về kết quả tạm thời', en: 'Appeals on the provisional result' },
  'appeals.loading': { vi: 'Đang tải kiến nghị…', en: 'Loading the appeals…' },
  'appeals.notAvailable': { vi: 'Chưa xem được kiến nghị', en: 'The appeals are not available' },

  'period.title': { vi: 'Thời hạn kiến nghị', en: 'Appeal period' },
  'period.open': {
    vi: 'Cơ quan được gửi kiến nghị đến hết ngày {lastDay} — {days} ngày làm việc kể từ ngày kết quả tạm thời được phê duyệt ({approved}), không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ.',
    en: 'The agency may appeal until the end of {lastDay} — {days} working days from the approval of the provisional result ({approved}), not counting Saturdays, Sundays and public holidays.',
  },
  'period.notYet': {
    vi: 'Kết quả tạm thời chưa được phê duyệt. Sau khi Ban Chỉ đạo phê duyệt, cơ quan có {days} ngày làm việc để kiến nghị.',
    en: 'The provisional result is not approved yet. Once the Steering Committee approves it, the agency has {days} working days to appeal.',
  },
  'period.none': {
    vi: 'Kỳ đánh giá này không có thời hạn kiến nghị.',
    en: 'This cycle has no appeal period.',
  },
  'period.over': {
    vi: 'Thời hạn kiến nghị đã hết ngày {lastDay}.',
    en: 'The appeal period ended with {lastDay}.',
  },
  'period.holidays': { vi: 'Ngày nghỉ lễ không tính: {list}.', en: 'Holidays not counted: {list}.' },
  'period.what': {
    vi: 'Sở Thông tin và Truyền thông xem xét và trả lời từng kiến nghị. Nếu kiến nghị được chấp nhận, số liệu của tiêu chí được điều chỉnh (có ghi lại trong nhật ký) và điểm được tính lại; nếu không được chấp nhận, câu trả lời nêu rõ lý do. Kết quả chính thức chỉ được công bố khi mọi kiến nghị đã được trả lời, trừ khi Ban Chỉ đạo quyết định công bố và ghi rõ lý do.',
    en: 'The Department of Information and Communications reviews and answers each appeal. If upheld, the criterion’s data is corrected (recorded in the history) and the score recomputed; if rejected, the answer gives the reason. The final result is published only when every appeal has been answered, unless the Steering Committee decides to publish and records why.',
  },
  'period.waits': { vi: '{text}.', en: '{text}.' },

  'provisional.title': { vi: 'Kết quả tạm thời của cơ quan', en: 'The agency’s provisional result' },
  'provisional.line': {
    vi: 'Tổng điểm tạm thời: {total} điểm (tự đánh giá: {self} điểm). Xếp thứ {rank}/{of} trong {group}, loại {label}.',
    en: 'Provisional total: {total} points (self-assessment: {self}). Rank {rank} of {of} in {group}, class {label}.',
  },
  'provisional.notRanked': {
    vi: 'Tổng điểm tạm thời: {total} điểm (tự đánh giá: {self} điểm). Không xếp hạng: {reason}.',
    en: 'Provisional total: {total} points (self-assessment: {self}). Not ranked: {reason}.',
  },
  'provisional.help': {
    vi: 'Đây là kết quả chưa công bố, có thể còn thay đổi. Mỗi dòng là một tiêu chí: điểm cơ quan tự đánh giá, điểm sau thẩm định và lý do khi hai điểm khác nhau.',
    en: 'This result is not published and may still change. Each row is a criterion: the self-assessed points, the reviewed points and the reason when they differ.',
  },
  'provisional.unavailable': {
    vi: 'Không xem được kết quả tạm thời: {message}',
    en: 'The provisional result cannot be shown: {message}',
  },
  'provisional.caption': {
    vi: 'Điểm tạm thời theo từng tiêu chí ({n} tiêu chí)',
    en: 'Provisional points per criterion ({n} criteria)',
  },
  'col.criterion': { vi: 'Tiêu chí', en: 'Criterion' },
  'col.self': { vi: 'Tự đánh giá', en: 'Self-assessed' },
  'col.official': { vi: 'Sau thẩm định', en: 'Reviewed' },
  'col.why': { vi: 'Lý do chênh lệch', en: 'Why they differ' },
  'col.appeal': { vi: 'Kiến nghị', en: 'Appeal' },
  'row.same': { vi: 'Không chênh lệch', en: 'No difference' },
  'row.appeal': { vi: 'Kiến nghị tiêu chí {id}', en: 'Appeal criterion {id}' },
  'row.appealed': { vi: 'Đã kiến nghị', en: 'Appealed' },

  'form.title': { vi: 'Gửi kiến nghị', en: 'File an appeal' },
  'form.criterion': { vi: 'Tiêu chí kiến nghị', en: 'Criterion appealed' },
  'form.criterionHelp': {
    vi: 'Mỗi kiến nghị về một tiêu chí. Tiêu chí đang có kiến nghị chờ trả lời không chọn lại được.',
    en: 'One appeal per criterion. A criterion with an appeal awaiting an answer cannot be chosen again.',
  },
  'form.criterionPick': { vi: '— Chọn tiêu chí —', en: '— Choose a criterion —' },
  'form.text': { vi: 'Nội dung kiến nghị', en: 'What the agency contests and why' },
  'form.textHelp': {
    vi: 'Nêu rõ số liệu nào chưa đúng, số liệu đúng là bao nhiêu và căn cứ (văn bản, biên bản…).',
    en: 'Say which figure is wrong, what the right one is, and on what grounds (documents, minutes…).',
  },
  'form.file': { vi: 'Tệp kèm theo (không bắt buộc)', en: 'Attached file (optional)' },
  'form.fileHelp': {
    vi: 'Một tệp PDF, Word, Excel hoặc ảnh làm căn cứ.',
    en: 'One PDF, Word, Excel or image file as evidence.',
  },
  'form.submit': { vi: 'Gửi kiến nghị', en: 'File the appeal' },
  'form.needCriterion': { vi: 'Hãy chọn tiêu chí kiến nghị.', en: 'Choose the criterion to appeal.' },
  'form.needText': { vi: 'Hãy ghi nội dung kiến nghị.', en: 'Write what the agency contests.' },
  'form.done': {
    vi: 'Đã gửi kiến nghị về tiêu chí {id}. Sở TT&TT sẽ trả lời trên trang này và trong mục Thông báo.',
    en: 'The appeal on criterion {id} was filed. The department will answer here and in the notifications.',
  },
  'form.fileFailed': {
    vi: 'Kiến nghị đã được gửi nhưng tệp kèm theo chưa tải lên được: {message}',
    en: 'The appeal was filed but the file could not be uploaded: {message}',
  },
  'form.cannot': { vi: 'Không gửi kiến nghị được lúc này', en: 'No appeal can be filed now' },

  'list.title': { vi: 'Kiến nghị đã gửi', en: 'Appeals filed' },
  'list.titleStaff': { vi: 'Kiến nghị của các cơ quan', en: 'The agencies’ appeals' },
  'list.titleAgency': { vi: 'Kiến nghị của cơ quan về kết quả tạm thời', en: 'The agency’s appeals' },
  'list.none': { vi: 'Chưa có kiến nghị nào.', en: 'No appeals yet.' },
  'list.filed': { vi: 'Gửi ngày {date} bởi {name}', en: 'Filed {date} by {name}' },
  'list.filedPlain': { vi: 'Gửi ngày {date}', en: 'Filed {date}' },
  'list.files': { vi: 'Tệp kèm theo:', en: 'Attached:' },
  'list.answer': { vi: 'Trả lời của Sở TT&TT', en: 'The department’s answer' },
  'list.answeredBy': { vi: '{name}, ngày {date}', en: '{name}, {date}' },
  'list.waiting': {
    vi: 'Đang chờ Sở TT&TT trả lời.',
    en: 'Awaiting the department’s answer.',
  },
  'list.effect': {
    vi: 'Điểm tiêu chí: {before} → {after}; tổng điểm: {totalBefore} → {totalAfter}.',
    en: 'Criterion points: {before} → {after}; total: {totalBefore} → {totalAfter}.',
  },
  'list.corrected': { vi: 'Số liệu điều chỉnh:', en: 'Data corrected:' },
  'list.correction': { vi: '{label}: {before} → {after}', en: '{label}: {before} → {after}' },
  'list.open': { vi: '{n} kiến nghị chờ trả lời', en: '{n} appeal(s) awaiting an answer' },
  'list.filter': { vi: 'Hiển thị', en: 'Show' },
  'list.filterOpen': { vi: 'Chờ trả lời', en: 'Awaiting an answer' },
  'list.filterAll': { vi: 'Tất cả', en: 'All' },
  'list.review': { vi: 'Mở trang thẩm định của cơ quan', en: 'Open the agency’s review' },

  'answer.title': { vi: 'Trả lời kiến nghị', en: 'Answer the appeal' },
  'answer.decision': { vi: 'Quyết định', en: 'Decision' },
  'answer.upheld': {
    vi: 'Chấp nhận — điều chỉnh số liệu của tiêu chí',
    en: 'Uphold — correct the criterion’s data',
  },
  'answer.rejected': { vi: 'Không chấp nhận', en: 'Reject' },
  'answer.text': { vi: 'Nội dung trả lời (lý do)', en: 'Answer (the reason)' },
  'answer.textHelp': {
    vi: 'Bắt buộc. Cơ quan sẽ đọc nguyên văn câu trả lời này.',
    en: 'Required. The agency reads this answer as written.',
  },
  'answer.fields': {
    vi: 'Số liệu sau điều chỉnh (chỉ ghi trường cần sửa)',
    en: 'Corrected data (only the fields to change)',
  },
  'answer.fieldsHelp': {
    vi: 'Việc điều chỉnh được ghi vào nhật ký như một điều chỉnh thẩm định, với nội dung trả lời làm lý do.',
    en: 'The correction is recorded in the history as a review correction, with the answer as its reason.',
  },
  'answer.yes': { vi: 'Có', en: 'Yes' },
  'answer.no': { vi: 'Không', en: 'No' },
  'answer.unset': { vi: '(không đổi)', en: '(unchanged)' },
  'answer.submit': { vi: 'Gửi trả lời', en: 'Send the answer' },
  'answer.needText': { vi: 'Hãy ghi nội dung trả lời.', en: 'Write the answer.' },
  'answer.needField': {
    vi: 'Khi chấp nhận, hãy ghi ít nhất một số liệu khác với số liệu hiện tại.',
    en: 'When upholding, give at least one value different from the current one.',
  },
  'answer.current': { vi: 'Hiện tại: {value}', en: 'Now: {value}' },
  'answer.badNumber': {
    vi: '"{label}" phải là một số (ví dụ 12 hoặc 12,5).',
    en: '"{label}" must be a number (e.g. 12 or 12.5).',
  },
  'answer.done': { vi: 'Đã trả lời kiến nghị của {agency}.', en: 'The appeal of {agency} was answered.' },
  'answer.closed': {
    vi: 'Chỉ trả lời được khi kết quả đã phê duyệt và chưa công bố.',
    en: 'Appeals are answered while the result is approved and not yet published.',
  },

  'staff.intro': {
    vi: 'Trả lời từng kiến nghị: chấp nhận kèm số liệu điều chỉnh, hoặc không chấp nhận và nêu lý do. Kết quả chỉ được công bố khi mọi kiến nghị đã được trả lời.',
    en: 'Answer each appeal: uphold with the corrected data, or reject with the reason. The result is published only when every appeal is answered.',
  },
  'staff.toApproval': { vi: 'Trang phê duyệt, công bố', en: 'Approval and publication' },

  'notice.title': {
    vi: 'Kết quả tạm thời — chưa công bố',
    en: 'Provisional result — not published',
  },
  'notice.help': {
    vi: 'Ban Chỉ đạo đã phê duyệt kết quả này; nó có thể còn thay đổi theo các kiến nghị được chấp nhận cho đến khi công bố. Chỉ cơ quan và Sở TT&TT xem được trang này.',
    en: 'The Steering Committee approved this result; upheld appeals may still change it until it is published. Only the agency and the department see this page.',
  },
  'link.appeals': { vi: 'Kiến nghị về kết quả tạm thời', en: 'Appeals on the provisional result' },
  'admin.title': { vi: 'Thời hạn kiến nghị', en: 'Appeal period' },
  'admin.intro': {
    vi: 'Sau khi Ban Chỉ đạo phê duyệt, các cơ quan có số ngày làm việc này để kiến nghị về kết quả tạm thời; lần công bố đầu tiên chờ hết thời hạn. Ghi 0 nếu kỳ này không nhận kiến nghị.',
    en: 'After the Steering Committee approves, the agencies have this many working days to appeal the provisional result; the first publication waits for the end. Write 0 for no appeals this cycle.',
  },
  'admin.days': { vi: 'Số ngày làm việc', en: 'Working days' },
  'admin.holidays': { vi: 'Ngày nghỉ lễ không tính', en: 'Holidays not counted' },
  'admin.holidaysHelp': {
    vi: 'Ghi theo dạng ngày/tháng/năm, cách nhau bởi dấu phẩy hoặc xuống dòng, ví dụ: 01/01/2018, 16/02/2018.',
    en: 'Written day/month/year, separated by commas or lines, e.g. 01/01/2018, 16/02/2018.',
  },
  'admin.badDays': {
    vi: 'Số ngày phải là số nguyên từ 0 đến 30.',
    en: 'The days must be a whole number from 0 to 30.',
  },
  'admin.badHoliday': {
    vi: '"{entry}" không phải một ngày có thật (ghi ngày/tháng/năm).',
    en: '"{entry}" is not a real date (write day/month/year).',
  },
  'admin.save': { vi: 'Lưu thời hạn kiến nghị', en: 'Save the appeal period' },
  'admin.saved': { vi: 'Đã lưu thời hạn kiến nghị.', en: 'The appeal period was saved.' },
  'admin.locked': {
    vi: 'Kết quả đã công bố: thời hạn kiến nghị không đổi được nữa.',
    en: 'The result is published: the appeal period can no longer change.',
  },
  'link.progress': { vi: 'Tiến độ thẩm định', en: 'Review progress' },
  'link.provisional': {
    vi: 'Trang kết quả tạm thời của cơ quan (điểm theo hạng mục, nơi mất điểm)',
    en: 'The agency’s provisional result page (points by category, where points were lost)',
  },
  'link.published': { vi: 'Xem kết quả chính thức đã công bố', en: 'See the published result' },
  'link.reviewAppeals': {
    vi: 'Kiến nghị của các cơ quan ({n} chờ trả lời)',
    en: 'Appeals ({n} awaiting an answer)',
  },
});
