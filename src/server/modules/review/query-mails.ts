/**
 * The e-mails of a query (R10, R18): the agency's reporters hear of a new query and of the
 * department's follow-ups, the assessor who asked hears of the agency's answer. Each is queued in
 * the transaction of the message that causes it (platform/outbox.ts) and sent by a worker with
 * retries; the query stands whatever the mail server says, and the reporter also sees it on
 * signing in.
 */
import type { Executor } from '../../db/open.ts';
import type { AppDeps } from '../../platform/http.ts';
import type { Mail } from '../../platform/mail.ts';
import { enqueueMail } from '../../platform/outbox.ts';
import type { Notified } from './review.schema.ts';

/**
 * Queues `mail` for `to` in the transaction `tx`. Nothing is queued when there is nobody to write
 * to, or when the server sends no mail (no SMTP settings): the answer says so.
 */
export async function notify(tx: Executor, deps: AppDeps, mail: Mail, now: Date): Promise<Notified> {
  if (!mail.to.length) return { recipients: 0, queued: false };
  if (!deps.mailer.enabled) return { recipients: mail.to.length, queued: false };
  await enqueueMail(tx, mail, { now });
  return { recipients: mail.to.length, queued: true };
}

const signInLine = (publicUrl: string | undefined, vi: boolean) =>
  publicUrl
    ? vi
      ? `Đăng nhập hệ thống để xem và trả lời: ${publicUrl}`
      : `Sign in to read and reply: ${publicUrl}`
    : vi
      ? 'Đăng nhập hệ thống đánh giá mức độ ứng dụng CNTT để xem và trả lời.'
      : 'Sign in to the IT-application evaluation system to read and reply.';

/** A new query, to the agency's reporters. */
export function raisedMail(q: {
  to: readonly string[];
  year: number;
  agencyName: string;
  subject: string;
  about: readonly string[];
  body: string;
  sender: string;
  publicUrl: string | undefined;
}): Mail {
  return {
    to: q.to,
    subject: `[Đánh giá CNTT ${q.year}] Sở TT&TT đề nghị giải trình: ${q.subject}`,
    text: [
      `Kính gửi ${q.agencyName},`,
      '',
      `Trong quá trình thẩm định số liệu đánh giá mức độ ứng dụng CNTT năm ${q.year}, Sở Thông tin và Truyền thông đề nghị cơ quan giải trình nội dung sau.`,
      '',
      `Về việc: ${q.subject}`,
      ...q.about,
      '',
      q.body,
      '',
      signInLine(q.publicUrl, true),
      '',
      `Người gửi: ${q.sender}, Sở Thông tin và Truyền thông`,
      '',
      '---',
      `The Department of Information and Communications asks your agency about its ${q.year} IT-application data: "${q.subject}". ${signInLine(q.publicUrl, false)}`,
    ].join('\n'),
  };
}

interface MessageMail {
  to: readonly string[];
  year: number;
  subject: string;
  body: string;
  sender: string;
  publicUrl: string | undefined;
}

/** The agency's answer, to the assessor who asked. */
export const answeredMail = (m: MessageMail): Mail => ({
  to: m.to,
  subject: `[Đánh giá CNTT ${m.year}] Cơ quan đã trả lời: ${m.subject}`,
  text: [
    `${m.sender} đã trả lời câu hỏi "${m.subject}" của Sở TT&TT:`,
    '',
    m.body,
    '',
    signInLine(m.publicUrl, true),
    '',
    '---',
    `The agency answered the query "${m.subject}". ${signInLine(m.publicUrl, false)}`,
  ].join('\n'),
});

/** The department's follow-up, to the agency's reporters. */
export const followUpMail = (m: MessageMail): Mail => ({
  to: m.to,
  subject: `[Đánh giá CNTT ${m.year}] Sở TT&TT trao đổi thêm: ${m.subject}`,
  text: [
    `Sở Thông tin và Truyền thông trao đổi thêm về câu hỏi "${m.subject}":`,
    '',
    m.body,
    '',
    signInLine(m.publicUrl, true),
    '',
    `Người gửi: ${m.sender}, Sở Thông tin và Truyền thông`,
    '',
    '---',
    `The department wrote again on the query "${m.subject}". ${signInLine(m.publicUrl, false)}`,
  ].join('\n'),
});
