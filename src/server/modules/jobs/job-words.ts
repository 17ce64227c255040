/**
 * Background jobs as the administrator reads them: what a kind of job does, and why a job failed
 * in plain words instead of the mail library's message ("connect ECONNREFUSED 10.0.0.5:25").
 * The raw message stays beside it for whoever must look closer.
 */
import type { Text } from '../../../core/types.ts';
import { MAIL_JOB } from '../../platform/outbox.ts';
import { declaredSchedules } from '../../platform/schedules.ts';
import { BACKUP_JOB } from '../backup/backup-job.ts';
import { AVAILABILITY_JOB, CONTENT_JOB } from '../monitoring/job-kinds.ts';
import { REMINDER_JOB, REMINDERS_SCHEDULE } from '../progress/reminders.ts';

const KINDS: Readonly<Record<string, Text>> = {
  [MAIL_JOB]: { vi: 'Gửi thư điện tử', en: 'Send an e-mail' },
  [REMINDER_JOB]: {
    vi: 'Gửi thư nhắc hạn nộp báo cáo cho một cơ quan',
    en: 'Send a deadline reminder to one agency',
  },
  [REMINDERS_SCHEDULE]: {
    vi: 'Tìm các cơ quan cần nhắc hạn nộp báo cáo (theo lịch)',
    en: 'Find the agencies to remind of the deadline (scheduled)',
  },
  [AVAILABILITY_JOB]: {
    vi: 'Kiểm tra một trang TTĐT có truy cập được không',
    en: 'Check that one portal is reachable',
  },
  [BACKUP_JOB]: {
    vi: 'Sao lưu cơ sở dữ liệu và các tệp tải lên (do quản trị viên yêu cầu)',
    en: 'Back up the database and the uploaded files (asked for by the administrator)',
  },
  [CONTENT_JOB]: {
    vi: 'Kiểm tra nội dung một trang TTĐT (lưu ảnh chụp chờ xác nhận)',
    en: 'Check the content of one portal (a snapshot to confirm)',
  },
};

/** What a kind of job does; a scheduled duty by its description, an unknown kind by its code. */
export function jobKindLabel(kind: string): Text {
  const known = KINDS[kind];
  if (known) return known;
  const schedule = declaredSchedules().find((s) => s.name === kind);
  if (schedule) return schedule.description;
  return { vi: `Việc "${kind}"`, en: `Job "${kind}"` };
}

/** The kinds that talk to the mail server: their connection errors are the mail server's. */
const MAILING = new Set([MAIL_JOB, REMINDER_JOB]);

/** The server a job talks to, in both languages. */
interface Server {
  readonly vi: string;
  readonly en: string;
}
type Words = (server: Server) => Text;

/** The failures we know, most specific first; the first whose pattern matches the message says it. */
const KNOWN: readonly (readonly [RegExp, Words])[] = [
  [
    /no handler registered for job kind/i,
    () => ({
      vi: 'Phiên bản phần mềm đang chạy không có chương trình cho loại việc này (có thể việc được tạo bởi phiên bản khác). Chạy lại sau khi cập nhật phần mềm.',
      en: 'The running release has no handler for this kind of job (it may come from another release). Retry after updating.',
    }),
  ],
  [
    /server stopped while running/i,
    () => ({
      vi: 'Máy chủ dừng (tắt hoặc khởi động lại) khi việc đang chạy lần cuối.',
      en: 'The server stopped (shut down or restarted) while the last attempt was running.',
    }),
  ],
  [
    /Invalid login|EAUTH|\b535\b|authentication (failed|unsuccessful)/i,
    (s) => ({
      vi: `${s.vi} từ chối tên đăng nhập hoặc mật khẩu: kiểm tra cấu hình tài khoản gửi thư (SMTP).`,
      en: `${s.en} refused the user name or password: check the SMTP account settings.`,
    }),
  ],
  [
    /recipients? (were |was )?rejected|Recipient address rejected|EENVELOPE|\b55[03]\b|User unknown|mailbox unavailable/i,
    (s) => ({
      vi: `${s.vi} từ chối địa chỉ người nhận: địa chỉ sai hoặc không tồn tại. Sửa địa chỉ thư điện tử của người nhận rồi chạy lại.`,
      en: `${s.en} rejected the recipient's address: it is wrong or does not exist. Correct it, then retry.`,
    }),
  ],
  [
    /ECONNREFUSED/,
    (s) => ({
      vi: `Không kết nối được ${s.vi.toLowerCase()}: máy chủ từ chối kết nối (sai cổng, hoặc dịch vụ đang tắt).`,
      en: `Could not connect to ${s.en.toLowerCase()}: the connection was refused (wrong port, or the service is down).`,
    }),
  ],
  [
    /ENOTFOUND|EAI_AGAIN|getaddrinfo/,
    (s) => ({
      vi: `Không tìm thấy ${s.vi.toLowerCase()} theo tên đã cấu hình (sai tên máy chủ, hoặc mạng không phân giải được tên).`,
      en: `${s.en} was not found by its configured name (wrong host name, or DNS failed).`,
    }),
  ],
  [
    /certificate|\bTLS\b|\bSSL\b|self[- ]signed/i,
    (s) => ({
      vi: `Lỗi chứng chỉ bảo mật (TLS) khi kết nối ${s.vi.toLowerCase()}.`,
      en: `A security certificate (TLS) error while connecting to ${s.en.toLowerCase()}.`,
    }),
  ],
  [
    /ETIMEDOUT|timed? ?out|Greeting never received/i,
    (s) => ({
      vi: `${s.vi} không trả lời kịp (quá thời gian chờ).`,
      en: `${s.en} did not answer in time.`,
    }),
  ],
  [
    /ECONNRESET|EPIPE|socket hang up|socket (was )?(closed|disconnected)|Connection closed/i,
    (s) => ({
      vi: `Kết nối tới ${s.vi.toLowerCase()} bị ngắt giữa chừng.`,
      en: `The connection to ${s.en.toLowerCase()} was cut off.`,
    }),
  ],
  [
    /^\s*\[\s*\{[\s\S]*"code"|Invalid input/,
    () => ({
      vi: 'Nội dung của việc không hợp lệ (dữ liệu hỏng, hoặc tạo bởi phiên bản phần mềm khác); chạy lại sẽ lỗi lần nữa.',
      en: 'The job’s content is invalid (damaged, or made by another release); a retry will fail again.',
    }),
  ],
];

/** Why a job failed, in plain words; null when it did not. */
export function errorWords(kind: string, lastError: string | null): Text | null {
  if (!lastError) return null;
  const server: Server = MAILING.has(kind)
    ? { vi: 'Máy chủ thư', en: 'The mail server' }
    : { vi: 'Máy chủ', en: 'The server' };
  for (const [pattern, words] of KNOWN) if (pattern.test(lastError)) return words(server);
  return {
    vi: 'Lỗi không xác định được nguyên nhân; xem thông báo kỹ thuật bên dưới.',
    en: 'An error of unknown cause; see the technical message below.',
  };
}
