/**
 * The e-mails of a planned visit: the agency's reporters hear of the plan (date, team, purpose,
 * what will be verified), the assessor who planned it of the agency's reply. Queued in the
 * transaction that writes (platform/outbox.ts); without SMTP settings nothing is queued.
 */
import { formatDate } from '../../../core/format.ts';
import type { Executor } from '../../db/open.ts';
import type { AppDeps } from '../../platform/http.ts';
import { enqueueMail } from '../../platform/outbox.ts';

async function send(tx: Executor, deps: AppDeps, to: string[], subject: string, lines: string[], now: Date) {
  if (!to.length || !deps.mailer.enabled) return;
  await enqueueMail(tx, { to, subject, text: lines.join('\n') }, { now });
}

const seeAt = (publicUrl: string | undefined, path: string) =>
  publicUrl
    ? `Xem và xác nhận: ${publicUrl.replace(/\/$/, '')}${path}`
    : 'Đăng nhập hệ thống đánh giá mức độ ứng dụng CNTT để xem và xác nhận.';

export function mailPlanned(
  tx: Executor,
  deps: AppDeps,
  a: {
    to: string[];
    year: number;
    agencyName: string;
    visitDate: string;
    team: string;
    purpose: string;
    claims: string[];
    now: Date;
  },
) {
  return send(
    tx,
    deps,
    a.to,
    `[Đánh giá CNTT ${a.year}] Sở TT&TT khảo sát thực tế tại cơ quan ngày ${formatDate(a.visitDate)}`,
    [
      `Kính gửi ${a.agencyName},`,
      '',
      `Theo Điều 10 của Quy định, Sở Thông tin và Truyền thông dự kiến khảo sát thực tế tại cơ quan ngày ${formatDate(a.visitDate)}.`,
      `Thành phần đoàn: ${a.team}.`,
      `Mục đích: ${a.purpose}`,
      ...(a.claims.length ? ['', 'Các số liệu sẽ được xác minh:', ...a.claims.map((c) => `- ${c}`)] : []),
      '',
      'Đề nghị cơ quan xác nhận ngày khảo sát, hoặc đề nghị ngày khác và nêu lý do.',
      seeAt(deps.config.publicUrl, '/bao-cao'),
    ],
    a.now,
  );
}

export function mailReplied(
  tx: Executor,
  deps: AppDeps,
  a: {
    to: string[];
    year: number;
    agencyName: string;
    visitDate: string;
    accepted: boolean;
    proposedDate: string | null;
    reason: string | null;
    now: Date;
  },
) {
  return send(
    tx,
    deps,
    a.to,
    a.accepted
      ? `[Đánh giá CNTT ${a.year}] ${a.agencyName} xác nhận lịch khảo sát ngày ${formatDate(a.visitDate)}`
      : `[Đánh giá CNTT ${a.year}] ${a.agencyName} đề nghị đổi lịch khảo sát sang ngày ${formatDate(a.proposedDate ?? a.visitDate)}`,
    a.accepted
      ? [`${a.agencyName} đã xác nhận lịch khảo sát thực tế ngày ${formatDate(a.visitDate)}.`]
      : [
          `${a.agencyName} đề nghị đổi lịch khảo sát ngày ${formatDate(a.visitDate)} sang ngày ${formatDate(a.proposedDate ?? a.visitDate)}.`,
          `Lý do: ${a.reason ?? ''}`,
          '',
          'Nếu đồng ý, hãy lập lại kế hoạch khảo sát với ngày mới trên trang thẩm định của cơ quan.',
        ],
    a.now,
  );
}
