/** Every string of the notification bell, Vietnamese first, English second. */
import { defineMessages } from '../../i18n/messages.ts';

export const m = defineMessages({
  'bell.label': { vi: 'Thông báo', en: 'Notifications' },
  'bell.labelUnread': { vi: 'Thông báo, {count} chưa đọc', en: 'Notifications, {count} unread' },
  'bell.title': { vi: 'Thông báo', en: 'Notifications' },
  'bell.markAll': { vi: 'Đánh dấu tất cả đã đọc', en: 'Mark all as read' },
  'bell.empty': {
    vi: 'Không có thông báo nào trong 60 ngày qua.',
    en: 'No notifications in the last 60 days.',
  },
  'bell.loading': { vi: 'Đang tải thông báo…', en: 'Loading notifications…' },
  'bell.error': {
    vi: 'Chưa tải được thông báo. Ứng dụng sẽ thử lại sau ít phút.',
    en: 'The notifications could not be loaded. The app will try again shortly.',
  },
  'bell.new': { vi: 'Mới', en: 'New' },
  'bell.close': { vi: 'Đóng', en: 'Close' },
  'bell.mailNote': {
    vi: 'Thư điện tử vẫn được gửi như trước và dẫn về các màn hình này.',
    en: 'E-mails are still sent as before and lead to these screens.',
  },
});
