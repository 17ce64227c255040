/**
 * How the cycle's dates, states and documents read for people (Vietnam time, day first) and the
 * e-mails that announce a cycle and a new deadline to the agencies' reporters.
 */

import { formatInstantVn, VN_OFFSET_MS } from '../../../core/calendar/time.ts';
import type { Text } from '../../../core/types.ts';
import type { CycleState } from '../../db/schema.ts';
import type { Mail } from '../../platform/mail.ts';

/** "01/11/2017 00:00", Vietnam time. */
export const instantVn = (at: Date | number): string =>
  formatInstantVn(typeof at === 'number' ? at : at.getTime()).slice(0, 16);

/** "01/11/2017", Vietnam time. */
export const dateVn = (at: Date | number): string => instantVn(at).slice(0, 10);

/**
 * Until when a report is on time, for a deadline that is exclusive: "đến hết ngày 31/10/2017"
 * for a deadline at midnight, else "đến trước 17:00 ngày 10/11/2017".
 */
export function submitUntil(deadline: Date): Text {
  const ms = deadline.getTime();
  if ((ms + VN_OFFSET_MS) % 86_400_000 === 0) {
    const day = dateVn(ms - 1);
    return { vi: `đến hết ngày ${day}`, en: `until the end of ${day}` };
  }
  const [date, time] = instantVn(ms).split(' ') as [string, string];
  return { vi: `đến trước ${time} ngày ${date}`, en: `until before ${time} on ${date}` };
}

export interface CycleFacts {
  readonly year: number;
  readonly title: string;
  readonly deadline: Date;
  readonly announcement: string | null;
}

const signature = (publicUrl: string | undefined): string[] => [
  ...(publicUrl
    ? ['', `Đăng nhập hệ thống để xem hướng dẫn, tải phiếu thu thập số liệu và nộp báo cáo: ${publicUrl}`]
    : []),
  '',
  'Sở Thông tin và Truyền thông',
  '(Thư gửi tự động từ hệ thống đánh giá mức độ ứng dụng CNTT; xin đừng trả lời thư này.)',
];

/** The announcement of an opened cycle to one agency's reporters. */
export function announcementMail(
  cycle: CycleFacts,
  agency: { name: string },
  to: readonly string[],
  publicUrl: string | undefined,
): Mail {
  const deadline = instantVn(cycle.deadline);
  const until = submitUntil(cycle.deadline);
  return {
    to,
    subject: `Mở kỳ đánh giá mức độ ứng dụng CNTT năm ${cycle.year} - hạn nộp trước ${deadline}`,
    text: [
      `Kính gửi: ${agency.name}`,
      '',
      `Sở Thông tin và Truyền thông thông báo mở kỳ "${cycle.title}".`,
      '',
      `Hạn nộp báo cáo: trước ${deadline} (giờ Việt Nam), tức là ${until.vi}.`,
      'Theo Điều 8 Quyết định 2310/QĐ-UBND, cơ quan nộp muộn hoặc không nộp sẽ không được đánh giá, xếp hạng.',
      'Văn bản hướng dẫn và phiếu thu thập số liệu có trên hệ thống.',
      ...(cycle.announcement ? ['', cycle.announcement] : []),
      ...signature(publicUrl),
      '',
      `[English] The ${cycle.year} IT-application evaluation cycle is open. Reports are due before ${deadline} (Vietnam time); late or missing reports are not ranked.`,
    ].join('\n'),
  };
}

/** The new deadline of a cycle, to one agency's reporters. */
export function extensionMail(
  cycle: CycleFacts,
  agency: { name: string },
  to: readonly string[],
  change: { oldDeadline: Date; reason: string; decisionRef: string },
  publicUrl: string | undefined,
): Mail {
  const deadline = instantVn(cycle.deadline);
  return {
    to,
    subject: `Gia hạn nộp báo cáo đánh giá mức độ ứng dụng CNTT năm ${cycle.year} - hạn mới trước ${deadline}`,
    text: [
      `Kính gửi: ${agency.name}`,
      '',
      `Theo ${change.decisionRef}, hạn nộp báo cáo của kỳ "${cycle.title}" được gia hạn cho tất cả các cơ quan:`,
      `- Hạn cũ: trước ${instantVn(change.oldDeadline)}`,
      `- Hạn mới: trước ${deadline} (giờ Việt Nam), tức là ${submitUntil(cycle.deadline).vi}.`,
      `Lý do: ${change.reason}`,
      ...signature(publicUrl),
      '',
      `[English] The ${cycle.year} reporting deadline is extended for every agency: reports are now due before ${deadline} (Vietnam time).`,
    ].join('\n'),
  };
}

/** How a sentence says a cycle's state: "Kỳ đánh giá năm 2017 đang thẩm định". */
export const STATE_PHRASES: Readonly<Record<CycleState, Text>> = {
  draft: { vi: 'đang chuẩn bị, chưa mở nhận phiếu', en: 'being prepared, not open yet' },
  open: { vi: 'đang nhận phiếu', en: 'open for submissions' },
  closed: { vi: 'đã đóng nhận phiếu', en: 'closed for submissions' },
  under_review: { vi: 'đang thẩm định', en: 'under review' },
  approved: { vi: 'đã được phê duyệt', en: 'approved' },
  published: { vi: 'đã công bố kết quả', en: 'published' },
};

export const cycleStateSentence = (cycle: { year: number; state: CycleState }): Text => ({
  vi: `Kỳ đánh giá năm ${cycle.year} ${STATE_PHRASES[cycle.state].vi}`,
  en: `The ${cycle.year} cycle is ${STATE_PHRASES[cycle.state].en}`,
});

/** The documents of a cycle (R8), as a sentence names them. */
export const DOCUMENT_TEXT: Readonly<Record<'guidance' | 'form', Text>> = {
  guidance: { vi: 'văn bản hướng dẫn', en: 'guidance document' },
  form: { vi: 'phiếu thu thập số liệu', en: 'data-collection form' },
};
