/** Every string of the feedback screens, Vietnamese first, English second. */
import { defineMessages } from '../../i18n/messages.ts';

export const m = defineMessages({
  'page.title': { vi: 'Góp ý về quy định', en: 'Feedback on the regulation' },
  'page.intro': {
    vi: 'Theo Điều 13 của Quy định (Quyết định 2310/QĐ-UBND), khi thực hiện đánh giá có khó khăn, vướng mắc hoặc có đề xuất sửa đổi, bổ sung, các cơ quan, cá nhân phản ánh về Sở Thông tin và Truyền thông. Sở trả lời từng ý kiến, tổng hợp hằng năm báo cáo UBND tỉnh xem xét sửa đổi Bộ tiêu chí.',
    en: 'Under Article 13 of the regulation (Decision 2310/QĐ-UBND), anyone who meets a difficulty in the evaluation, or proposes a change, tells the Department of Information and Communications. The department answers each item and reports them every year to the provincial People’s Committee, which amends the criteria.',
  },
  'page.loading': { vi: 'Đang tải góp ý…', en: 'Loading the feedback…' },
  'page.notAvailable': { vi: 'Chưa xem được góp ý', en: 'The feedback is not available' },
  'page.toReview': { vi: 'Trang xử lý góp ý của Sở', en: 'The department’s page for the feedback' },

  'form.title': { vi: 'Gửi góp ý mới', en: 'Raise a new item' },
  'form.kind': { vi: 'Loại góp ý', en: 'Kind' },
  'form.kind.difficulty': { vi: 'Khó khăn, vướng mắc', en: 'A difficulty' },
  'form.kind.proposal': { vi: 'Đề xuất sửa đổi, bổ sung', en: 'A proposal' },
  'form.subject': { vi: 'Góp ý về', en: 'About' },
  'form.subject.criterion': { vi: 'Một tiêu chí', en: 'A criterion' },
  'form.subject.form': { vi: 'Phiếu thu thập số liệu', en: 'The data-collection form' },
  'form.subject.process': { vi: 'Quy trình đánh giá', en: 'The evaluation process' },
  'form.criterion': { vi: 'Tiêu chí', en: 'Criterion' },
  'form.criterionPick': { vi: '— Chọn tiêu chí —', en: '— Choose a criterion —' },
  'form.criterionHelp': {
    vi: 'Các tiêu chí của {version}. Gõ số hoặc vài chữ của tên tiêu chí để tìm nhanh.',
    en: 'The criteria of {version}. Type its number or a few letters of its name to find it.',
  },
  'form.needCriterion': {
    vi: 'Hãy chọn tiêu chí mà góp ý đề cập',
    en: 'Choose the criterion the item is about',
  },
  'form.text': { vi: 'Nội dung', en: 'Text' },
  'form.textHelp': {
    vi: 'Nêu cụ thể vướng mắc ở đâu (ví dụ: cách tính, số liệu khó thu thập), hoặc đề xuất sửa thế nào và vì sao. Ít nhất 10 ký tự.',
    en: 'Say exactly what the difficulty is (how a score is computed, figures hard to collect), or what you propose and why. At least 10 characters.',
  },
  'form.needText': { vi: 'Hãy viết nội dung góp ý', en: 'Write the item' },
  'form.file': { vi: 'Tệp kèm theo (không bắt buộc)', en: 'A file (optional)' },
  'form.fileHelp': {
    vi: 'Một tệp PDF, Word, Excel hoặc ảnh minh họa cho góp ý.',
    en: 'One PDF, Word, Excel file or image that illustrates the item.',
  },
  'form.fileFailed': {
    vi: 'Góp ý đã gửi nhưng chưa đính kèm được tệp: {message}',
    en: 'The item was sent but the file could not be attached: {message}',
  },
  'form.submit': { vi: 'Gửi góp ý', en: 'Send' },
  'form.done': {
    vi: 'Đã gửi góp ý. Sở sẽ trả lời; bạn nhận thông báo trên chuông và qua thư điện tử.',
    en: 'Sent. The department will answer; you will be told by the bell and by e-mail.',
  },

  'list.mine': { vi: 'Góp ý của bạn ({n})', en: 'Your items ({n})' },
  'list.all': { vi: 'Các góp ý ({n})', en: 'Items ({n})' },
  'list.none': { vi: 'Chưa có góp ý nào.', en: 'No items yet.' },
  'list.noneFiltered': { vi: 'Không có góp ý nào theo bộ lọc này.', en: 'No item matches the filter.' },
  'list.raised': { vi: '{kind} — gửi lúc {date}', en: '{kind} — raised {date}' },
  'list.raisedBy': { vi: '{kind} — {name} gửi lúc {date}', en: '{kind} — raised by {name}, {date}' },
  'list.file': { vi: 'Tệp kèm theo:', en: 'File:' },
  'list.waiting': { vi: 'Sở đang xem xét, chưa trả lời.', en: 'The department has not answered yet.' },
  'list.answer': { vi: 'Trả lời của Sở', en: 'The department’s answer' },
  'list.answeredBy': { vi: '{name}, {date}', en: '{name}, {date}' },
  'list.nextVersion': { vi: 'Tiếp thu trong: {version}.', en: 'Taken into: {version}.' },
  'list.nextVersionLater': {
    vi: 'Sẽ tiếp thu trong phiên bản sau của bộ tiêu chí (chưa ban hành).',
    en: 'To be taken into the next version of the criteria (not issued yet).',
  },
  'list.compare': { vi: 'Xem những thay đổi của phiên bản mới', en: 'See what the new version changed' },
  'list.topic': { vi: 'Chủ đề: {name}', en: 'Topic: {name}' },

  'review.title': { vi: 'Xử lý góp ý về quy định', en: 'Answering the feedback on the regulation' },
  'review.intro': {
    vi: 'Mọi góp ý của các cơ quan, cá nhân về Bộ tiêu chí, phiếu thu thập và quy trình. Sở trả lời từng góp ý (sửa lại được khi cần, ví dụ khi phiên bản mới được ban hành), xếp vào chủ đề, và cuối năm tải báo cáo tổng hợp gửi UBND tỉnh.',
    en: 'Every item raised about the criteria, the form and the process. The department answers each (the answer may be revised, e.g. once the new version is issued), groups them under topics, and at the end of the year downloads the summary for the People’s Committee.',
  },
  'review.counts': {
    vi: 'Chưa trả lời: {new} · Đã trả lời: {answered} · Tiếp thu: {adopted} · Không tiếp thu: {declined}',
    en: 'Not answered: {new} · Answered: {answered} · Taken in: {adopted} · Declined: {declined}',
  },
  'review.filterStatus': { vi: 'Tình trạng', en: 'Status' },
  'review.filterTopic': { vi: 'Chủ đề', en: 'Topic' },
  'review.all': { vi: 'Tất cả', en: 'All' },
  'review.status.new': { vi: 'Chưa trả lời', en: 'Not answered' },
  'review.noTopic': { vi: 'Chưa xếp chủ đề', en: 'No topic' },
  'review.topicCount': { vi: '{name} ({n})', en: '{name} ({n})' },

  'summary.title': { vi: 'Báo cáo tổng hợp gửi UBND tỉnh', en: 'Summary for the People’s Committee' },
  'summary.help': {
    vi: 'Văn bản theo thể thức Nghị định 30/2020/NĐ-CP: các góp ý trong năm theo chủ đề và tiêu chí, câu trả lời của Sở, và những thay đổi của phiên bản bộ tiêu chí mới đối với các góp ý được tiếp thu.',
    en: 'A document in the Decree 30/2020 format: the year’s items by topic and criterion, the department’s answers, and what the new criteria version changed for the items taken in.',
  },
  'summary.year': { vi: 'Năm', en: 'Year' },
  'summary.docx': { vi: 'Tải bản Word (.docx)', en: 'Download Word (.docx)' },
  'summary.pdf': { vi: 'Tải bản PDF', en: 'Download PDF' },
  'summary.none': { vi: 'Chưa có góp ý nào để tổng hợp.', en: 'Nothing to summarise yet.' },

  'answer.title': { vi: 'Trả lời góp ý', en: 'Answer' },
  'answer.revise': { vi: 'Sửa câu trả lời', en: 'Revise the answer' },
  'answer.status': { vi: 'Kết quả xử lý', en: 'Outcome' },
  'answer.answered': { vi: 'Đã trả lời, giải thích', en: 'Answered, explained' },
  'answer.adopted': { vi: 'Tiếp thu vào phiên bản sau', en: 'Taken into the next version' },
  'answer.declined': { vi: 'Không tiếp thu', en: 'Declined' },
  'answer.version': { vi: 'Phiên bản bộ tiêu chí tiếp thu', en: 'The criteria version that takes it in' },
  'answer.versionLater': { vi: '— Chưa ban hành —', en: '— Not issued yet —' },
  'answer.versionHelp': {
    vi: 'Chọn phiên bản mới khi đã nạp vào hệ thống; báo cáo tổng hợp sẽ nêu những thay đổi của phiên bản đó.',
    en: 'Choose the new version once it is loaded; the summary then states what it changed.',
  },
  'answer.text': { vi: 'Câu trả lời gửi người góp ý', en: 'The answer to the person' },
  'answer.textHelp': {
    vi: 'Người góp ý nhận câu trả lời trên chuông thông báo và qua thư điện tử.',
    en: 'The person gets the answer on the bell and by e-mail.',
  },
  'answer.needText': { vi: 'Hãy viết câu trả lời', en: 'Write the answer' },
  'answer.submit': { vi: 'Gửi trả lời', en: 'Send the answer' },
  'answer.done': { vi: 'Đã gửi trả lời góp ý về {about}.', en: 'Answer sent on {about}.' },
  'topic.label': { vi: 'Chủ đề', en: 'Topic' },
  'topic.help': {
    vi: 'Gõ tên chủ đề mới hoặc chọn chủ đề đã có; để trống để bỏ khỏi chủ đề.',
    en: 'Type a new topic or pick one; leave empty to remove the item from its topic.',
  },
  'topic.save': { vi: 'Lưu chủ đề', en: 'Save the topic' },
  'topic.saved': { vi: 'Đã lưu chủ đề.', en: 'Topic saved.' },
});
