/** Every string of the results screens, Vietnamese first, English second. */
import { defineMessages } from '../../i18n/messages.ts';

export const m = defineMessages({
  'results.title': { vi: 'Kết quả đánh giá năm {year}', en: 'Results of {year}' },
  'results.titlePlain': { vi: 'Kết quả đánh giá', en: 'Results' },
  'results.print': { vi: 'In bảng xếp hạng', en: 'Print the ranking' },
  'results.loading': { vi: 'Đang tải kết quả xếp hạng…', en: 'Loading the ranking…' },
  'results.notAvailable': { vi: 'Chưa xem được kết quả', en: 'The results are not available' },
  'results.criteriaVersion': {
    vi: 'Chấm theo bộ tiêu chí: {title} (phiên bản {version}).',
    en: 'Scored with the criteria set: {title} (version {version}).',
  },

  'mode.label': { vi: 'Bản kết quả muốn xem', en: 'Which result to show' },
  'mode.provisional': { vi: 'Kết quả tạm tính (chưa công bố)', en: 'Provisional result (unpublished)' },
  'mode.published': { vi: 'Kết quả đã công bố', en: 'Published result' },

  'status.provisional': {
    vi: 'Kết quả tạm tính — chưa công bố (kỳ đánh giá: {state})',
    en: 'Provisional result — not published (cycle: {state})',
  },
  'status.provisionalHelp': {
    vi: 'Xếp hạng tính trực tiếp trên số liệu thẩm định hiện tại; có thể còn thay đổi cho đến khi Ban Chỉ đạo công bố. Chỉ Sở TT&TT và Ban Chỉ đạo xem được bản này.',
    en: 'Ranked live on the current reviewed data; it may still change until the Steering Committee publishes it. Only the department and the Steering Committee see it.',
  },
  'status.published': {
    vi: 'Kết quả chính thức — công bố lần {n} ngày {date}',
    en: 'Official result — revision {n}, published {date}',
  },
  'status.reason': { vi: 'Lý do điều chỉnh: {reason}', en: 'Reason for the correction: {reason}' },
  'status.underRevision': {
    vi: 'Kết quả đang được điều chỉnh; bản công bố này vẫn có hiệu lực cho đến lần công bố tiếp theo.',
    en: 'The result is being corrected; this revision stands until the next one is published.',
  },
  'status.unverified': {
    vi: 'Cảnh báo: nội dung lưu trữ không còn khớp mã kiểm tra đã ghi khi công bố. Hãy báo quản trị hệ thống.',
    en: 'Warning: the stored content no longer matches the hash recorded at publication. Tell the administrator.',
  },

  'downloads.title': { vi: 'Tải kết quả', en: 'Downloads' },
  'downloads.csv': {
    vi: 'Bảng kết quả cả hai nhóm (CSV, mở bằng Excel)',
    en: 'Both groups (CSV, opens in Excel)',
  },
  'downloads.xlsx': { vi: 'Bảng xếp hạng (Excel, in A4 ngang)', en: 'Ranking (Excel, A4 landscape)' },
  'downloads.csvExcel': {
    vi: 'CSV mở bằng Excel tiếng Việt (dấu ; ngăn cột)',
    en: 'CSV for Excel with Vietnamese settings (";" between columns)',
  },
  'downloads.csvGroup': { vi: 'Chỉ nhóm {group} (CSV)', en: 'Only {group} (CSV)' },
  'downloads.json': {
    vi: 'Dữ liệu đầy đủ để kiểm tra lại (JSON, định dạng của lệnh chiso score)',
    en: 'Full data for checking (JSON, the format of chiso score)',
  },

  'revisions.title': { vi: 'Các lần công bố', en: 'Published revisions' },
  'revisions.item': { vi: 'Lần {n} — {date}', en: 'Revision {n} — {date}' },
  'revisions.csv': { vi: 'Tải bảng kết quả lần {n} (CSV)', en: 'Download revision {n} (CSV)' },
  'revisions.first': { vi: 'Công bố lần đầu.', en: 'First publication.' },

  'group.counts': {
    vi: '{ranked} cơ quan được xếp hạng, {notRanked} cơ quan không xếp hạng.',
    en: '{ranked} agencies ranked, {notRanked} not ranked.',
  },
  'ranking.caption': { vi: 'Xếp hạng {group} ({n} cơ quan)', en: 'Ranking of {group} ({n} agencies)' },
  'ranking.empty': { vi: 'Không có cơ quan nào được xếp hạng.', en: 'No agency is ranked.' },
  'ranking.own': { vi: 'Đơn vị của bạn', en: 'Your agency' },
  'ranking.showCriteria': { vi: 'Xem điểm từng tiêu chí', en: 'Show each criterion' },
  'ranking.hideCriteria': { vi: 'Ẩn điểm từng tiêu chí', en: 'Hide the criteria' },
  'rank.of': { vi: '{rank}/{of}', en: '{rank} of {of}' },

  'notRanked.title': { vi: 'Cơ quan không được xếp hạng', en: 'Agencies not ranked' },
  'notRanked.caption': {
    vi: 'Cơ quan không xếp hạng — {group} ({n}) và lý do',
    en: 'Not ranked — {group} ({n}) and why',
  },
  'notRanked.none': {
    vi: 'Mọi cơ quan của nhóm đều nộp đúng hạn và được xếp hạng.',
    en: 'Every agency of the group submitted on time and is ranked.',
  },
  'notRanked.short': { vi: 'Không xếp hạng', en: 'Not ranked' },

  'table.rank': { vi: 'Hạng', en: 'Rank' },
  'table.agency': { vi: 'Cơ quan, đơn vị', en: 'Agency' },
  'table.total': { vi: 'Tổng điểm', en: 'Total' },
  'agency.selfVsOfficial': {
    vi: 'Điểm tự chấm của cơ quan: {self}; điểm chính thức: {official} ({difference}).',
    en: "The agency's self-score: {self}; official score: {official} ({difference}).",
  },
  'self.title': {
    vi: 'Tự chấm và chính thức theo tiêu chí',
    en: 'Self-score and official score by criterion',
  },
  'self.none': {
    vi: 'Không có tiêu chí nào khác giữa điểm tự chấm và điểm chính thức.',
    en: 'No criterion differs between the self-score and the official score.',
  },
  'self.caption': {
    vi: '{n} tiêu chí có điểm chính thức khác điểm tự chấm, và lý do',
    en: '{n} criteria whose official score differs from the self-score, and why',
  },
  'self.criterion': { vi: 'Tiêu chí', en: 'Criterion' },
  'self.self': { vi: 'Tự chấm', en: 'Self' },
  'self.official': { vi: 'Chính thức', en: 'Official' },
  'self.difference': { vi: 'Chênh lệch', en: 'Difference' },
  'self.why': { vi: 'Lý do', en: 'Why' },
  'agency.selfOnly': { vi: 'Điểm tự chấm của cơ quan: {self}.', en: "The agency's self-score: {self}." },
  'agency.mark': {
    vi: 'Tiêu chí {id} {name} do Sở TT&TT chấm khi thẩm định: {points}/{max} điểm.',
    en: 'Criterion {id} {name}, marked by the department in its review: {points}/{max} points.',
  },
  'agency.markNotRanked': {
    vi: 'Tiêu chí {id} {name} do Sở TT&TT chấm khi thẩm định (tối đa {max} điểm); cơ quan không được xếp hạng nên không chấm.',
    en: 'Criterion {id} {name} is marked by the department in its review (at most {max} points); the agency is not ranked, so it was not marked.',
  },
  'agency.markNote': { vi: 'Nhận xét của Sở TT&TT: {note}', en: 'The department’s note: {note}' },
  'table.class': { vi: 'Xếp loại', en: 'Class' },
  'table.category': { vi: 'Hạng mục', en: 'Category' },
  'table.categoryShort': { vi: 'HM{id}', en: 'C{id}' },
  'table.outOf': { vi: '/{max}', en: '/{max}' },
  'table.maxPoints': { vi: 'tối đa {max} điểm', en: 'at most {max} points' },
  'table.criterion': { vi: 'Tiêu chí', en: 'Criterion' },
  'table.points': { vi: 'Điểm', en: 'Points' },
  'table.max': { vi: 'Tối đa', en: 'Maximum' },
  'table.lost': { vi: 'Điểm bị mất', en: 'Points lost' },
  'table.groupAverage': { vi: 'Trung bình nhóm', en: 'Group average' },
  'table.reason': { vi: 'Lý do', en: 'Reason' },
  'table.year': { vi: 'Năm', en: 'Year' },
  'table.agencyCount': { vi: 'Số cơ quan', en: 'Agencies' },

  'charts.title': { vi: 'Biểu đồ', en: 'Charts' },
  'charts.pickAgency': { vi: 'Chọn cơ quan để xem biểu đồ', en: 'Agency to chart' },
  'chart.showTable': { vi: 'Xem số liệu của biểu đồ dạng bảng', en: 'Show the chart’s data as a table' },
  'chart.totals.title': { vi: 'Tổng điểm theo cơ quan — {group}', en: 'Totals by agency — {group}' },
  'chart.totals.summary': {
    vi: 'Biểu đồ thanh tổng điểm của {n} cơ quan nhóm {group}, xếp từ cao xuống thấp: cao nhất {top} {topScore} điểm, thấp nhất {bottom} {bottomScore} điểm; xếp loại: {classes}. Các vạch đứt là ngưỡng xếp loại 50, 65, 85 điểm.',
    en: 'Bar chart of the totals of {n} agencies of {group}, highest first: highest {top} {topScore}, lowest {bottom} {bottomScore}; classes: {classes}. The dashed lines are the class thresholds 50, 65, 85.',
  },
  'chart.totals.empty': {
    vi: 'Nhóm {group} chưa có cơ quan nào được xếp hạng.',
    en: 'No agency of {group} is ranked.',
  },
  'chart.totals.thresholds': { vi: 'Ngưỡng xếp loại', en: 'Class thresholds' },
  'chart.distribution.title': {
    vi: 'Số cơ quan theo xếp loại — {group}',
    en: 'Agencies per class — {group}',
  },
  'chart.distribution.summary': {
    vi: 'Biểu đồ cột số cơ quan nhóm {group} theo xếp loại: {list}; {notRanked} cơ quan không xếp hạng.',
    en: 'Column chart of the agencies of {group} per class: {list}; {notRanked} not ranked.',
  },
  'chart.categories.title': {
    vi: 'Điểm từng hạng mục so với tối đa — {agency}',
    en: 'Points per category against the maximum — {agency}',
  },
  'chart.categories.summary': {
    vi: 'Biểu đồ điểm từng hạng mục của {agency}: {list}.',
    en: 'Chart of the category points of {agency}: {list}.',
  },
  'chart.categories.item': { vi: '{name} {points}/{max}', en: '{name} {points}/{max}' },
  'chart.categories.itemAvg': {
    vi: '{name} {points}/{max} (trung bình nhóm {avg})',
    en: '{name} {points}/{max} (group average {avg})',
  },
  'chart.categories.legendPoints': { vi: 'Điểm đạt được', en: 'Points obtained' },
  'chart.categories.legendMax': { vi: 'Điểm tối đa của hạng mục', en: 'Category maximum' },
  'chart.categories.legendAverage': { vi: 'Trung bình của nhóm', en: 'Group average' },
  'chart.trend.title': { vi: 'Tổng điểm qua các năm — {agency}', en: 'Totals over the years — {agency}' },
  'chart.trend.summary': {
    vi: 'Biểu đồ cột tổng điểm qua các năm của {agency}: {list}.',
    en: 'Column chart of the totals of {agency} over the years: {list}.',
  },
  'chart.trend.notRanked': { vi: 'Không XH', en: 'Not ranked' },
  'trend.title': { vi: 'So sánh qua các năm', en: 'Year over year' },

  'agency.title': { vi: '{agency} — kết quả năm {year}', en: '{agency} — results of {year}' },
  'agency.titlePlain': { vi: 'Kết quả của cơ quan', en: 'Agency result' },
  'agency.printedAt': {
    vi: 'In từ hệ thống đánh giá mức độ ứng dụng CNTT tỉnh Cao Bằng lúc {date}.',
    en: 'Printed from the Cao Bằng IT application assessment system at {date}.',
  },
  'agency.print': { vi: 'In trang này', en: 'Print this page' },
  'agency.standing': { vi: 'Vị trí của cơ quan', en: 'Where the agency stands' },
  'agency.inGroup': { vi: 'trong nhóm {group}', en: 'in {group}' },
  'agency.notRanked': {
    vi: 'Không được xếp hạng trong nhóm {group}. Lý do: {reason}.',
    en: 'Not ranked in {group}. Reason: {reason}.',
  },
  'agency.prev': {
    vi: 'Năm {year}: {total} điểm, hạng {rank}/{of}. Năm nay thay đổi {change} điểm.',
    en: '{year}: {total} points, rank {rank} of {of}. Change this year: {change} points.',
  },
  'agency.prevPlain': {
    vi: 'Năm {year}: {total} điểm, hạng {rank}/{of}.',
    en: '{year}: {total} points, rank {rank} of {of}.',
  },
  'agency.prevVia': {
    vi: 'Kết quả năm {year} là của {via}.',
    en: 'The {year} result is that of {via}.',
  },
  'agency.lineage': {
    vi: 'Các năm trước của cơ quan gồm cả kết quả của: {list}.',
    en: 'The agency’s earlier years include the results of: {list}.',
  },
  'agency.prevNotRanked': {
    vi: 'Năm {year}: không được xếp hạng ({reason}).',
    en: '{year}: not ranked ({reason}).',
  },
  'agency.lost': { vi: 'Mất điểm ở đâu', en: 'Where the points were lost' },
  'agency.lostCategories': {
    vi: 'Các hạng mục, xếp theo số điểm bị mất (nhiều nhất trước)',
    en: 'Categories by points lost (most first)',
  },
  'agency.lostCriteria': {
    vi: 'Các tiêu chí mất nhiều điểm nhất, và cách điểm được tính',
    en: 'The criteria that lost the most points, and how each was scored',
  },
  'agency.lossLine': {
    vi: 'đạt {points}/{max} điểm, mất {lost} điểm',
    en: '{points} of {max} points, {lost} lost',
  },
  'agency.noLoss': {
    vi: 'Cơ quan đạt điểm tối đa ở mọi tiêu chí.',
    en: 'The agency has every criterion’s maximum.',
  },
  'agency.improve': { vi: 'Cần cải thiện trước', en: 'What to improve first' },
  'agency.improveItem': {
    vi: 'Cải thiện “{name}”: hiện đạt {points}/{max} điểm — có thể thêm tới {lost} điểm.',
    en: 'Improve “{name}”: now {points} of {max} points — up to {lost} more points.',
  },
  'agency.categories': {
    vi: 'Điểm theo hạng mục, so với tối đa và trung bình nhóm',
    en: 'Categories against the maxima and the group average',
  },

  'approval.title': { vi: 'Phê duyệt kết quả năm {year}', en: 'Approval of the {year} results' },
  'approval.titlePlain': { vi: 'Phê duyệt kết quả', en: 'Approval' },
  'approval.noCycle': { vi: 'Không có kỳ đánh giá này.', en: 'There is no such cycle.' },
  'approval.decision': { vi: 'Quyết định của Ban Chỉ đạo', en: 'The Steering Committee’s decision' },
  'approval.state': { vi: 'Trạng thái kỳ đánh giá:', en: 'Cycle state:' },
  'approval.revisions': { vi: 'đã công bố {n} lần', en: 'published {n} time(s)' },
  'approval.help.under_review': {
    vi: 'Sở TT&TT đang thẩm định. Xem kết quả tạm tính bên dưới; khi thấy đạt, bấm “Phê duyệt kết quả”.',
    en: 'The department is reviewing. Check the provisional result below; approve it when satisfied.',
  },
  'approval.help.approved': {
    vi: 'Kết quả đã được phê duyệt, chưa công bố. Có thể công bố, hoặc trả lại để thẩm định lại (cần ghi lý do).',
    en: 'Approved, not yet published. Publish it, or return it for more review (with a reason).',
  },
  'approval.help.published': {
    vi: 'Kết quả đã công bố. Nếu phát hiện sai sót, mở lại để điều chỉnh: bản đã công bố vẫn hiển thị cho đến khi công bố lần tiếp theo.',
    en: 'Published. If an error is found, reopen for a correction: the published revision stays visible until the next one.',
  },
  'approval.help.other': {
    vi: 'Kỳ đánh giá chưa đến bước phê duyệt: chỉ phê duyệt được khi Sở TT&TT đang thẩm định.',
    en: 'The cycle has not reached approval: it can be approved only once under review.',
  },
  'approval.adminOnlyRevise': {
    vi: 'Quản trị hệ thống chỉ xem trang này và có thể mở lại kết quả đã công bố để điều chỉnh; phê duyệt và công bố là việc của Ban Chỉ đạo.',
    en: 'The administrator only views this page and may reopen a published result; approving and publishing belong to the Steering Committee.',
  },
  'approval.approvedAt': { vi: 'Phê duyệt lúc {date}.', en: 'Approved at {date}.' },
  'approval.publishBy': {
    vi: 'Hạn công bố theo kế hoạch: {date}.',
    en: 'Planned publication by {date}.',
  },
  'approval.provisional': { vi: 'Kết quả tạm tính chờ phê duyệt', en: 'Provisional result for approval' },
  'approval.published': { vi: 'Kết quả đã công bố', en: 'Published result' },
  'approval.nothingYet': { vi: 'Chưa có kết quả để phê duyệt.', en: 'There is no result to approve yet.' },
  'approval.toResults': { vi: 'Xem trang kết quả', en: 'Open the results page' },
  'approval.toPublic': { vi: 'Trang công khai /ket-qua (mở tab mới)', en: 'Public page /ket-qua (new tab)' },

  'completeness.line': {
    vi: 'Đã thẩm định {reviewed}/{submitted} cơ quan đã nộp.',
    en: '{reviewed} of {submitted} submitted agencies reviewed.',
  },
  'completeness.more': {
    vi: '{missing} cơ quan không nộp; {queries} yêu cầu giải trình chưa đóng; {claims} đề nghị “không áp dụng” chờ quyết định.',
    en: '{missing} did not submit; {queries} queries not closed; {claims} N/A claims awaiting a decision.',
  },
  'completeness.bar': { vi: 'Tiến độ thẩm định: {percent}%', en: 'Review progress: {percent}%' },
  'completeness.pending': { vi: '{n} cơ quan chưa thẩm định xong', en: '{n} agencies not fully reviewed' },
  'completeness.queries': { vi: '{n} yêu cầu giải trình chưa đóng', en: '{n} open queries' },

  'dialog.cancel': { vi: 'Hủy', en: 'Cancel' },
  'dialog.refused': { vi: 'Máy chủ không thực hiện', en: 'The server refused' },

  'approve.button': { vi: 'Phê duyệt kết quả', en: 'Approve the result' },
  'approve.title': { vi: 'Phê duyệt kết quả tạm tính?', en: 'Approve the provisional result?' },
  'approve.consequence': {
    vi: 'Kết quả năm {year} như bảng bên dưới được phê duyệt. Sau đó có thể công bố, hoặc trả lại để thẩm định lại. Chưa công khai cho đến khi công bố.',
    en: 'The {year} result as shown below is approved. Then it can be published or returned for more review. Nothing is public until publication.',
  },
  'approve.ok': { vi: 'Phê duyệt', en: 'Approve' },
  'approve.note': { vi: 'Ý kiến kèm theo (không bắt buộc)', en: 'Note (optional)' },
  'approve.noteHelp': {
    vi: 'Ví dụ: số hiệu biên bản họp Ban Chỉ đạo.',
    en: 'E.g. the minutes of the meeting.',
  },
  'approve.done': { vi: 'Đã phê duyệt kết quả.', en: 'The result is approved.' },

  'return.button': { vi: 'Trả lại để thẩm định lại', en: 'Return for more review' },
  'return.title': { vi: 'Trả lại kết quả cho bộ phận thẩm định?', en: 'Return the result to the assessors?' },
  'return.consequence': {
    vi: 'Việc phê duyệt bị hủy; kỳ đánh giá trở lại trạng thái “Đang thẩm định” để Sở TT&TT xem lại theo lý do bạn ghi.',
    en: 'The approval is withdrawn; the cycle goes back under review for the department to check what you write.',
  },
  'return.ok': { vi: 'Trả lại', en: 'Return' },
  'return.reason': { vi: 'Lý do trả lại', en: 'Reason for returning' },
  'return.reasonHelp': {
    vi: 'Bắt buộc. Ghi rõ cơ quan, tiêu chí cần xem lại.',
    en: 'Required. Name the agencies and criteria to check.',
  },
  'return.done': {
    vi: 'Đã trả lại kết quả để thẩm định lại.',
    en: 'The result was returned for more review.',
  },

  'publish.button': { vi: 'Công bố kết quả', en: 'Publish the result' },
  'publish.title': {
    vi: 'Công bố kết quả? Không thể hoàn tác',
    en: 'Publish the result? This cannot be undone',
  },
  'publish.titleAgain': {
    vi: 'Công bố lần {n}? Không thể hoàn tác',
    en: 'Publish revision {n}? This cannot be undone',
  },
  'publish.consequence': {
    vi: 'Kết quả năm {year} được lưu cố định thành lần công bố thứ {n} và hiển thị công khai cho mọi người tại trang /ket-qua. Không thể sửa hay thu hồi lần công bố này; muốn sửa sai sót chỉ có thể công bố lần tiếp theo kèm lý do.',
    en: 'The {year} result is frozen as revision {n} and shown publicly to everyone at /ket-qua. It cannot be edited or withdrawn; an error can only be corrected by a further revision with a reason.',
  },
  'publish.ok': { vi: 'Tôi hiểu, công bố', en: 'I understand, publish' },
  'publish.reason': { vi: 'Lý do điều chỉnh', en: 'Reason for the correction' },
  'publish.override': {
    vi: 'Lý do công bố khi chưa xong kiến nghị',
    en: 'Why publish before the appeals are done',
  },
  'publish.overrideHelp': {
    vi: 'Bắt buộc (ít nhất 5 ký tự), được ghi vào nhật ký: {waits}.',
    en: 'Required (at least 5 characters), recorded in the history: {waits}.',
  },
  'appeals.title': { vi: 'Kiến nghị của các cơ quan', en: 'The agencies’ appeals' },
  'appeals.none': {
    vi: 'Không có kiến nghị nào chờ trả lời; thời hạn kiến nghị đã hết. Công bố không phải chờ gì thêm.',
    en: 'No appeal awaits an answer and the appeal period is over. Publication waits for nothing.',
  },
  'appeals.waits': {
    vi: '{text}. Nên chờ hết thời hạn và trả lời mọi kiến nghị trước khi công bố; nếu vẫn công bố, phải ghi lý do.',
    en: '{text}. Better wait for the period to end and every appeal to be answered; publishing anyway needs a reason.',
  },
  'appeals.open': { vi: 'Kiến nghị chờ trả lời ({n})', en: 'Appeals awaiting an answer ({n})' },
  'appeals.answered': {
    vi: 'Đã trả lời {n} kiến nghị.',
    en: '{n} appeal(s) answered.',
  },
  'appeals.toList': { vi: 'Mở danh sách kiến nghị để trả lời', en: 'Open the appeals to answer them' },
  'publish.reasonHelp': {
    vi: 'Bắt buộc từ lần công bố thứ hai: nêu sai sót đã sửa.',
    en: 'Required from the second publication: the error corrected.',
  },
  'decision.legend': {
    vi: 'Quyết định công bố (in trên báo cáo, quyết định, thông báo và bảng xếp hạng)',
    en: 'The publishing decision (printed on the report, decision, notices and ranking)',
  },
  'decision.number': { vi: 'Số quyết định', en: 'Decision number' },
  'decision.numberHelp': { vi: 'Ví dụ: 2568/QĐ-UBND', en: 'For example: 2568/QĐ-UBND' },
  'decision.date': { vi: 'Ngày ký', en: 'Date signed' },
  'decision.dateHelp': { vi: 'Ngày ghi trên quyết định', en: 'The date on the decision' },
  'decision.signerName': { vi: 'Họ tên người ký', en: 'Signed by (name)' },
  'decision.signerNameHelp': { vi: 'Ví dụ: Nguyễn Văn A', en: 'For example: Nguyễn Văn A' },
  'decision.signerTitle': { vi: 'Chức vụ người ký', en: "Signer's title" },
  'decision.signerTitleHelp': {
    vi: 'Ví dụ: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH (dấu / để xuống dòng)',
    en: 'For example: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH (a / starts a new line)',
  },
  'status.decision': {
    vi: 'Theo Quyết định số {number} ngày {date}, {title} {name} ký.',
    en: 'By decision {number} of {date}, signed by {name} ({title}).',
  },
  'downloads.documents': { vi: 'Văn bản (Word sửa được, hoặc PDF)', en: 'Documents (editable Word, or PDF)' },
  'downloads.report': {
    vi: 'Báo cáo kết quả gửi UBND tỉnh',
    en: "Report to the provincial People's Committee",
  },
  'downloads.decision': { vi: 'Dự thảo quyết định công bố', en: 'Draft publishing decision' },
  'downloads.notices': {
    vi: 'Thông báo kết quả của từng cơ quan (.zip, Word và PDF)',
    en: "Every agency's result notice (.zip, Word and PDF)",
  },
  'downloads.notice': { vi: 'Thông báo kết quả của cơ quan', en: "The agency's result notice" },
  'publish.done': { vi: 'Đã công bố lần {n} lúc {date}.', en: 'Revision {n} published at {date}.' },

  'revise.button': { vi: 'Mở lại để điều chỉnh', en: 'Reopen for a correction' },
  'revise.title': { vi: 'Mở lại kết quả đã công bố để điều chỉnh?', en: 'Reopen the published result?' },
  'revise.consequence': {
    vi: 'Kỳ đánh giá trở lại “Đang thẩm định” để sửa sai sót. Lần công bố {n} vẫn hiển thị công khai cho đến khi phê duyệt và công bố lần {next}.',
    en: 'The cycle goes back under review for the correction. Revision {n} stays public until revision {next} is approved and published.',
  },
  'revise.ok': { vi: 'Mở lại', en: 'Reopen' },
  'revise.reason': { vi: 'Lý do điều chỉnh', en: 'Reason for the correction' },
  'revise.reasonHelp': {
    vi: 'Bắt buộc. Lý do được ghi vào nhật ký và hiển thị cùng lần công bố tiếp theo.',
    en: 'Required. It is logged and shown with the next revision.',
  },
  'revise.done': {
    vi: 'Đã mở lại kết quả để điều chỉnh. Sở TT&TT sửa số liệu, sau đó phê duyệt và công bố lần tiếp theo.',
    en: 'Reopened for a correction. The department corrects the data; then approve and publish the next revision.',
  },
});
