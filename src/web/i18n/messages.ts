/**
 * The one message catalogue of the web application: every string the user sees comes from here,
 * Vietnamese first, English second. `t('key', { name: 'x' })` fills `{name}` placeholders.
 */
export type Lang = 'vi' | 'en';

const catalogue = {
  'app.name': { vi: 'Chỉ số ứng dụng CNTT — Sở TT&TT Cao Bằng', en: 'IT application index — Cao Bằng DIC' },
  'app.skip': { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to main content' },
  'app.loading': { vi: 'Đang tải…', en: 'Loading…' },
  'app.signOut': { vi: 'Đăng xuất', en: 'Sign out' },
  'app.changePassword': { vi: 'Đổi mật khẩu', en: 'Change password' },
  'app.home': { vi: 'Trang chủ', en: 'Home' },
  'app.userMenu': { vi: 'Tài khoản', en: 'Account' },
  'app.signedInAs': { vi: 'Đang đăng nhập: {name} ({role})', en: 'Signed in: {name} ({role})' },
  'app.footer': {
    vi: 'Đánh giá, xếp hạng mức độ ứng dụng CNTT theo Quyết định 2310/QĐ-UBND của UBND tỉnh Cao Bằng',
    en: 'IT application assessment under Decision 2310/QĐ-UBND of Cao Bằng Provincial People’s Committee',
  },

  'app.otherLang': { vi: 'English', en: 'Tiếng Việt' },
  'app.otherLangHint': { vi: 'Switch to English', en: 'Chuyển sang tiếng Việt' },
  'app.mainMenu': { vi: 'Chức năng', en: 'Main menu' },
  'app.breadcrumb': { vi: 'Vị trí trang', en: 'Breadcrumb' },
  'app.loadFailed': { vi: 'Không tải được dữ liệu', en: 'Could not load the data' },
  'app.notFound': { vi: 'Không có trang này', en: 'Page not found' },
  'app.notFoundHelp': {
    vi: 'Địa chỉ không đúng hoặc trang đã được chuyển đi.',
    en: 'The address is wrong or the page has moved.',
  },
  'app.forbidden': { vi: 'Không có quyền xem trang này', en: 'You may not open this page' },
  'app.forbiddenHelp': {
    vi: 'Vai trò của tài khoản này không được mở trang. Nếu cần, hãy liên hệ quản trị hệ thống.',
    en: 'Your role may not open this page. Ask the system administrator if you need it.',
  },
  'app.backHome': { vi: 'Về trang chủ', en: 'Back to the home page' },

  'nav.cycles': { vi: 'Các kỳ đánh giá', en: 'Cycles' },
  'nav.report': { vi: 'Báo cáo của cơ quan', en: 'Our report' },
  'nav.adminCycles': { vi: 'Quản lý kỳ đánh giá', en: 'Manage cycles' },
  'nav.agencies': { vi: 'Cơ quan, đơn vị', en: 'Agencies' },
  'nav.users': { vi: 'Người dùng', en: 'Users' },
  'nav.criteria': { vi: 'Bộ tiêu chí', en: 'Criteria sets' },
  'nav.history': { vi: 'Nhật ký thay đổi', en: 'Change history' },
  'nav.jobs': { vi: 'Việc nền', en: 'Background jobs' },
  'nav.backups': { vi: 'Sao lưu', en: 'Backups' },
  'message.file': { vi: 'Tệp gửi kèm: {name} ({size})', en: 'Attached file: {name} ({size})' },
  'nav.monitoring': { vi: 'Theo dõi trang TTĐT', en: 'Website monitoring' },
  'nav.website': { vi: 'Trang TTĐT của cơ quan', en: "The agency's portal" },
  'nav.indicators': { vi: 'Tình hình toàn tỉnh', en: 'Province picture' },
  'nav.published': { vi: 'Kết quả công bố', en: 'Published results' },
  'nav.method': { vi: 'Phương pháp chấm điểm', en: 'Scoring method' },
  'nav.feedback': { vi: 'Góp ý về quy định', en: 'Feedback on the regulation' },
  'nav.feedbackReview': { vi: 'Xử lý góp ý về quy định', en: 'Feedback received' },

  'role.admin': { vi: 'Quản trị', en: 'Administrator' },
  'role.assessor': { vi: 'Thẩm định', en: 'Assessor' },
  'role.approver': { vi: 'Phê duyệt', en: 'Approver' },
  'role.reporter': { vi: 'Báo cáo của cơ quan', en: 'Agency reporter' },
  'role.viewer': { vi: 'Xem', en: 'Viewer' },

  'login.title': { vi: 'Đăng nhập', en: 'Sign in' },
  'login.intro': {
    vi: 'Dùng tài khoản Sở TT&TT cấp cho cơ quan, đơn vị của bạn.',
    en: 'Use the account the Department issued to your agency.',
  },
  'login.username': { vi: 'Tên đăng nhập', en: 'User name' },
  'login.password': { vi: 'Mật khẩu', en: 'Password' },
  'login.submit': { vi: 'Đăng nhập', en: 'Sign in' },
  'login.usernameRequired': { vi: 'Hãy nhập tên đăng nhập', en: 'Enter your user name' },
  'login.passwordRequired': { vi: 'Hãy nhập mật khẩu', en: 'Enter your password' },
  'login.failed': { vi: 'Không đăng nhập được', en: 'Could not sign in' },
  'login.or': { vi: 'hoặc', en: 'or' },
  'login.ssoFailed': {
    vi: 'Không đăng nhập được bằng tài khoản một cửa',
    en: 'Could not sign in with single sign-on',
  },
  'login.forgot': {
    vi: 'Quên mật khẩu? Liên hệ quản trị hệ thống của Sở TT&TT để được cấp lại.',
    en: 'Forgot your password? Ask the Department’s system administrator for a new one.',
  },

  'password.title': { vi: 'Đổi mật khẩu', en: 'Change password' },
  'password.mustChange': {
    vi: 'Đây là lần đăng nhập đầu tiên hoặc mật khẩu vừa được cấp lại: hãy đặt mật khẩu mới trước khi tiếp tục.',
    en: 'First sign-in or a reset password: choose a new password before you continue.',
  },
  'password.rules': {
    vi: 'Mật khẩu mới có ít nhất 10 ký tự và không chứa tên đăng nhập.',
    en: 'The new password has at least 10 characters and does not contain the user name.',
  },
  'password.current': { vi: 'Mật khẩu hiện tại', en: 'Current password' },
  'password.new': { vi: 'Mật khẩu mới', en: 'New password' },
  'password.confirm': { vi: 'Nhập lại mật khẩu mới', en: 'Repeat the new password' },
  'password.submit': { vi: 'Lưu mật khẩu mới', en: 'Save the new password' },
  'password.cancel': { vi: 'Quay lại', en: 'Back' },
  'password.currentRequired': { vi: 'Hãy nhập mật khẩu hiện tại', en: 'Enter your current password' },
  'password.newRequired': { vi: 'Hãy nhập mật khẩu mới', en: 'Enter a new password' },
  'password.tooShort': {
    vi: 'Mật khẩu phải có ít nhất 10 ký tự (còn thiếu {missing})',
    en: 'The password must have at least 10 characters ({missing} more)',
  },
  'password.tooLong': {
    vi: 'Mật khẩu quá dài (tối đa 200 ký tự)',
    en: 'The password is too long (200 at most)',
  },
  'password.containsUsername': {
    vi: 'Mật khẩu không được chứa tên đăng nhập',
    en: 'The password must not contain the user name',
  },
  'password.sameAsCurrent': {
    vi: 'Mật khẩu mới phải khác mật khẩu hiện tại',
    en: 'The new password must differ from the current one',
  },
  'password.confirmRequired': { vi: 'Hãy nhập lại mật khẩu mới', en: 'Repeat the new password' },
  'password.mismatch': {
    vi: 'Hai lần nhập mật khẩu mới không giống nhau',
    en: 'The two new passwords differ',
  },
  'password.done': { vi: 'Đã đổi mật khẩu', en: 'Password changed' },
  'password.failed': { vi: 'Chưa đổi được mật khẩu', en: 'Password not changed' },

  'cycles.title': { vi: 'Các kỳ đánh giá', en: 'Assessment cycles' },
  'cycles.intro': {
    vi: 'Mỗi năm một kỳ đánh giá. Hạn nộp tính theo giờ Việt Nam.',
    en: 'One assessment cycle a year. Deadlines are in Vietnam time.',
  },
  'cycles.year': { vi: 'Năm', en: 'Year' },
  'cycles.name': { vi: 'Tên kỳ đánh giá', en: 'Cycle' },
  'cycles.state': { vi: 'Trạng thái', en: 'State' },
  'cycles.deadline': { vi: 'Hạn nộp (giờ Việt Nam)', en: 'Deadline (Vietnam time)' },
  'cycles.empty': { vi: 'Chưa có kỳ đánh giá nào.', en: 'No assessment cycle yet.' },
  'cycles.loadFailed': { vi: 'Không tải được danh sách kỳ đánh giá', en: 'Could not load the cycles' },
  'cycles.retry': { vi: 'Thử lại', en: 'Try again' },
  'cycles.actions': { vi: 'Công việc', en: 'Actions' },
  'cycles.toReport': { vi: 'Báo cáo của cơ quan', en: 'Our report' },
  'cycles.toProgress': { vi: 'Tiến độ, thẩm định', en: 'Progress and review' },
  'cycles.toManage': { vi: 'Quản lý kỳ', en: 'Manage' },
  'cycles.toApprove': { vi: 'Phê duyệt, công bố', en: 'Approve and publish' },
  'cycles.toResults': { vi: 'Kết quả', en: 'Results' },
  'cycles.toAppeals': { vi: 'Kiến nghị về kết quả', en: 'Appeals on the result' },
  'cycles.toAppealsStaff': { vi: 'Kiến nghị của các cơ quan', en: 'The agencies’ appeals' },
  'cycles.count': { vi: '{count} kỳ đánh giá', en: '{count} cycles' },

  'state.draft': { vi: 'Nháp', en: 'Draft' },
  'state.open': { vi: 'Đang nhận báo cáo', en: 'Open' },
  'state.closed': { vi: 'Đã hết hạn nộp', en: 'Closed' },
  'state.under_review': { vi: 'Đang thẩm định', en: 'Under review' },
  'state.approved': { vi: 'Đã phê duyệt', en: 'Approved' },
  'state.published': { vi: 'Đã công bố', en: 'Published' },

  'error.network': {
    vi: 'Không kết nối được tới máy chủ. Hãy kiểm tra mạng rồi thử lại.',
    en: 'Cannot reach the server. Check the network and try again.',
  },
  'error.unexpected': {
    vi: 'Máy chủ trả lời không như mong đợi (mã {status}). Hãy thử lại sau.',
    en: 'Unexpected answer from the server (status {status}). Try again later.',
  },
  'error.sessionEnded': {
    vi: 'Phiên đăng nhập đã hết. Hãy đăng nhập lại.',
    en: 'Your session has ended. Sign in again.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type MessageKey = keyof typeof catalogue;

let current: Lang = 'vi';
const LANG_KEY = 'chiso.lang';

export function setLang(lang: Lang): void {
  current = lang;
}

/** The language the user chose on this computer (Vietnamese unless they chose English). */
export function initLang(): Lang {
  try {
    current = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    current = 'vi';
  }
  document.documentElement.lang = current;
  return current;
}

/**
 * Switches the whole application to the other language: remembered on this computer, then the page
 * reloads so that every screen, the Ant Design locale and the server's texts start in it at once.
 */
export function switchLang(to: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, to);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  window.location.reload();
}

/** A text of the server {vi, en} in the reader's language (Vietnamese when there is no English). */
export const pick = (text: { vi: string; en?: string | null } | null | undefined): string =>
  text ? (current === 'en' && text.en ? text.en : text.vi) : '';

/** A server's answer message ({ message, messageEn }) in the reader's language. */
export const said = (answer: { message: string; messageEn?: string | null }): string =>
  current === 'en' && answer.messageEn ? answer.messageEn : answer.message;

export function lang(): Lang {
  return current;
}

type Catalogue = Record<string, { vi: string; en: string }>;

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The message in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return fill(catalogue[key][current], params);
}

/**
 * A feature's own messages (features/<name>/messages.ts), in the same form and language as the
 * shared ones above: `export const m = defineMessages({ 'form.title': { vi, en } })`, then
 * `m('form.title')`. Keys are checked by the compiler; shared keys stay reachable through `t`.
 */
export function defineMessages<const C extends Catalogue>(entries: C) {
  return (key: keyof C & string, params: Record<string, string | number> = {}): string =>
    fill(entries[key]![current], params);
}
