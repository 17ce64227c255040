/** Every string of the monitoring screens, Vietnamese first. */
import { defineMessages } from '../../i18n/messages.ts';

export const m = defineMessages({
  'snap.title': { vi: 'Kết quả kiểm tra nội dung trang TTĐT', en: 'Website content check' },
  'snap.crumbHome': { vi: 'Các kỳ đánh giá', en: 'Cycles' },
  'snap.intro': {
    vi: '{agency}: trang {site} được kiểm tra lúc {at}. Mỗi mục có giá trị hệ thống đề xuất, bằng chứng (đoạn văn bản và trang đã lưu) hoặc lý do không thấy.',
    en: '{agency}: {site} was checked at {at}. Each item has the proposed value, its evidence (an excerpt and the stored page) or why nothing was found.',
  },
  'snap.loading': { vi: 'Đang tải kết quả kiểm tra…', en: 'Loading the check…' },
  'snap.state.proposed': { vi: 'Chờ thẩm định xác nhận', en: 'Waiting for confirmation' },
  'snap.state.confirmed': { vi: 'Đã xác nhận', en: 'Confirmed' },
  'snap.state.failed': { vi: 'Không lấy được trang', en: 'Could not fetch the site' },
  'snap.confirmedBy': { vi: 'Xác nhận bởi {name} lúc {at}.', en: 'Confirmed by {name} at {at}.' },
  'snap.failure': { vi: 'Lý do: {reason}', en: 'Reason: {reason}' },
  'snap.items': { vi: 'Các mục kiểm tra', en: 'Items checked' },
  'snap.item': { vi: 'Mục', en: 'Item' },
  'snap.proposed': { vi: 'Đề xuất', en: 'Proposed' },
  'snap.evidence': { vi: 'Bằng chứng', en: 'Evidence' },
  'snap.kept': { vi: 'Giá trị xác nhận', en: 'Confirmed value' },
  'snap.yes': { vi: 'Có', en: 'Yes' },
  'snap.no': { vi: 'Không', en: 'No' },
  'snap.unknown': { vi: 'Chưa xác định', en: 'Undecided' },
  'snap.valueOf': { vi: 'Giá trị xác nhận: {item}', en: 'Confirmed value: {item}' },
  'snap.reasonOf': { vi: 'Lý do thay đổi: {item}', en: 'Reason for the change: {item}' },
  'snap.reasonHint': { vi: 'Lý do (bắt buộc khi đổi)', en: 'Reason (needed for a change)' },
  'snap.changed': { vi: 'đã đổi: {reason}', en: 'changed: {reason}' },
  'snap.showPage': { vi: 'Xem bản lưu', en: 'Show the stored page' },
  'snap.showPageOf': { vi: 'Xem bản lưu của trang {url}', en: 'Show the stored page {url}' },
  'snap.copy': { vi: 'Bản lưu trang', en: 'Stored page' },
  'snap.copyOf': { vi: 'Bản lưu trang {url}', en: 'Stored copy of {url}' },
  'snap.copyNote': {
    vi: 'Trang được hiển thị đúng như lúc hệ thống tải về, trong khung cách ly: không chạy mã của trang, không tải gì từ trang thật.',
    en: 'The page is shown as it was fetched, isolated: none of its scripts run and nothing is loaded from the live site.',
  },
  'snap.pickPage': { vi: 'Trang đã lưu', en: 'Stored page' },
  'snap.noCopy': { vi: 'Không có trang nào được lưu.', en: 'No page was stored.' },
  'snap.confirm': { vi: 'Xác nhận kết quả', en: 'Confirm the result' },
  'snap.missing': {
    vi: 'Còn {n} mục cần giá trị hoặc lý do thay đổi: {items}',
    en: '{n} items still need a value or a reason: {items}',
  },
  'snap.done': {
    vi: 'Đã xác nhận: kết quả này được tính vào điểm trang TTĐT của kỳ đánh giá.',
    en: 'Confirmed: the result now counts for the website score of the cycle.',
  },
});
