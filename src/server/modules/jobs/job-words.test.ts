/** Why a job failed, in plain words: the mail library's messages as an administrator reads them. */
import { describe, expect, it } from 'vitest';
import { errorWords, jobKindLabel } from './job-words.ts';

describe('errorWords', () => {
  it.each([
    [
      'mail.send',
      'connect ECONNREFUSED 10.0.0.5:25',
      /^Không kết nối được máy chủ thư: máy chủ từ chối kết nối/,
    ],
    [
      'mail.send',
      'getaddrinfo ENOTFOUND smtp.caobang.gov.vn',
      /^Không tìm thấy máy chủ thư theo tên đã cấu hình/,
    ],
    ['mail.send', 'Connection timeout', /^Máy chủ thư không trả lời kịp/],
    ['mail.send', 'Greeting never received', /^Máy chủ thư không trả lời kịp/],
    [
      'mail.send',
      'Invalid login: 535 5.7.8 Authentication failed',
      /^Máy chủ thư từ chối tên đăng nhập hoặc mật khẩu/,
    ],
    [
      'mail.send',
      "Can't send mail - all recipients were rejected: 550 5.1.1 <ai@syt.vn>: Recipient address rejected",
      /^Máy chủ thư từ chối địa chỉ người nhận/,
    ],
    [
      'mail.send',
      'self-signed certificate in certificate chain',
      /^Lỗi chứng chỉ bảo mật \(TLS\) khi kết nối máy chủ thư/,
    ],
    ['mail.send', 'read ECONNRESET', /^Kết nối tới máy chủ thư bị ngắt giữa chừng/],
    ['progress.reminder', 'connect ECONNREFUSED 10.0.0.5:25', /máy chủ thư/],
    ['progress.reminders', 'connect ECONNREFUSED 10.0.0.9:5432', /^Không kết nối được máy chủ: /],
    [
      'report.build',
      'no handler registered for job kind "report.build"',
      /^Phiên bản phần mềm đang chạy không có chương trình/,
    ],
    [
      'mail.send',
      'Connection timeout · server stopped while running the last attempt',
      /^Máy chủ dừng \(tắt hoặc khởi động lại\)/,
    ],
    [
      'mail.send',
      '[\n  {\n    "code": "invalid_type",\n    "path": ["to"]\n  }\n]',
      /^Nội dung của việc không hợp lệ/,
    ],
    ['mail.send', 'Something odd', /^Lỗi không xác định được nguyên nhân/],
  ] as const)('%s failing with %j → %s', (kind, message, words) => {
    expect(errorWords(kind, message)?.vi).toMatch(words);
  });

  it('says nothing of a job that has not failed', () => {
    expect(errorWords('mail.send', null)).toBeNull();
  });
});

describe('jobKindLabel', () => {
  it('names the kinds it knows and shows the code of the others', () => {
    expect(jobKindLabel('mail.send').vi).toBe('Gửi thư điện tử');
    expect(jobKindLabel('progress.reminder').vi).toBe('Gửi thư nhắc hạn nộp báo cáo cho một cơ quan');
    expect(jobKindLabel('report.build').vi).toBe('Việc "report.build"');
  });
});
