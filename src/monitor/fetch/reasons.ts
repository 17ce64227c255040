/**
 * Every way a visit can fail, with the sentence an agency's staff or an assessor reads.
 * Codes are stable (stored with results); sentences may improve.
 */
import type { Failure, Reason } from '../types.ts';

const R = {
  bad_url: [
    'Địa chỉ trang không hợp lệ (chỉ nhận http:// hoặc https://)',
    'The address is not a valid http(s) URL',
  ],
  dns: ['Không tìm thấy tên miền (DNS không trả lời địa chỉ nào)', 'The domain name does not resolve'],
  refused_address: [
    'Tên miền trỏ tới địa chỉ mạng nội bộ, hệ thống không truy cập (vì an toàn)',
    'The name points to a private or local network address, which the monitor does not visit',
  ],
  redirect_refused_address: [
    'Trang chuyển hướng tới một địa chỉ mạng nội bộ (máy cục bộ, mạng riêng hoặc địa chỉ quản trị máy chủ), hệ thống không đi theo (vì an toàn)',
    'The page redirects to a private or local network address, which the monitor does not follow',
  ],
  connect_timeout: ['Máy chủ không trả lời khi kết nối (quá thời gian chờ)', 'Connection timed out'],
  refused: ['Máy chủ từ chối kết nối', 'Connection refused'],
  reset: ['Máy chủ ngắt kết nối giữa chừng', 'The server closed the connection'],
  timeout: ['Trang tải quá lâu, đã dừng (quá thời gian chờ)', 'The page took too long and was stopped'],
  too_large: ['Trang quá lớn, chỉ đọc phần đầu', 'The page is too large; only its beginning was read'],
  decode: ['Nội dung nén của trang bị hỏng, không giải nén được', 'The compressed content is corrupt'],
  redirect_loop: ['Trang chuyển hướng vòng quanh, không dẫn tới trang nào', 'The page redirects in a loop'],
  too_many_redirects: ['Trang chuyển hướng quá nhiều lần', 'Too many redirects'],
  redirect_bad: [
    'Trang chuyển hướng tới một địa chỉ không hợp lệ',
    'The page redirects to an invalid address',
  ],
  http_status: ['Máy chủ trả lời lỗi', 'The server answered with an error status'],
  tls_expired: ['Chứng thư số (SSL) của trang đã hết hạn', 'The TLS certificate has expired'],
  tls_self_signed: [
    'Chứng thư số (SSL) của trang tự cấp, không do tổ chức tin cậy cấp',
    'The TLS certificate is self-signed',
  ],
  tls_name: ['Chứng thư số (SSL) không cấp cho tên miền này', 'The TLS certificate is for another name'],
  tls_invalid: ['Chứng thư số (SSL) của trang không hợp lệ', 'The TLS certificate is not valid'],
  tls_handshake: ['Không thiết lập được kết nối bảo mật (HTTPS)', 'The TLS handshake failed'],
  robots: [
    'Tệp robots.txt của trang không cho phép hệ thống xem trang này',
    'robots.txt disallows this page',
  ],
  not_html: [
    'Địa chỉ không phải trang web (tệp tài liệu), chỉ đọc phần đầu',
    'Not a web page; only its head was read',
  ],
  aborted: ['Lượt kiểm tra bị dừng', 'The check was stopped'],
  network: ['Lỗi mạng khi truy cập trang', 'Network error'],
} as const satisfies Record<string, readonly [string, string]>;

export type FailureCode = keyof typeof R;

export function reason(code: FailureCode, detail?: { vi: string; en: string }): Reason {
  const [vi, en] = R[code];
  return detail ? { vi: `${vi} (${detail.vi})`, en: `${en} (${detail.en})` } : { vi, en };
}

export function failure(code: FailureCode, detail?: { vi: string; en: string }): Failure {
  return { code, reason: reason(code, detail) };
}

export const note = {
  wrongCharset: (declared: string, used: string): Reason => ({
    vi: `Trang khai báo bảng mã "${declared}" nhưng nội dung là ${used}; đã đọc theo ${used}`,
    en: `The page declares charset "${declared}" but its content is ${used}; read as ${used}`,
  }),
  invalidUtf8: (): Reason => ({
    vi: 'Trang có byte không hợp lệ theo UTF-8; các ký tự lỗi được thay bằng dấu �',
    en: 'The page has invalid UTF-8 bytes; they were replaced by �',
  }),
  unknownCharset: (declared: string): Reason => ({
    vi: `Trang khai báo bảng mã không biết "${declared}"; đã đọc theo UTF-8`,
    en: `Unknown charset "${declared}"; read as UTF-8`,
  }),
};
