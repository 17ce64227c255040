/**
 * The e-mails of an appeal: the assessors hear of a new appeal, the agency's reporters of the
 * answer. Each is queued in the transaction that files or answers (platform/outbox.ts) and sent by
 * the worker with retries; without SMTP settings nothing is queued and the screens still show it.
 */
import { formatPoints } from '../../../core/format.ts';
import type { Executor } from '../../db/open.ts';
import type { AppDeps } from '../../platform/http.ts';
import { enqueueMail } from '../../platform/outbox.ts';

async function send(tx: Executor, deps: AppDeps, to: string[], subject: string, lines: string[], now: Date) {
  if (!to.length || !deps.mailer.enabled) return;
  await enqueueMail(tx, { to, subject, text: lines.join('\n') }, { now });
}

const signIn = (publicUrl: string | undefined, path: string) =>
  publicUrl
    ? `Xem chi tiết: ${publicUrl.replace(/\/$/, '')}${path}`
    : 'Đăng nhập hệ thống đánh giá mức độ ứng dụng CNTT để xem chi tiết.';

/** A new appeal, to the assessors. */
export function mailFiled(
  tx: Executor,
  deps: AppDeps,
  a: {
    to: string[];
    year: number;
    cycleId: string;
    agencyName: string;
    criterion: string;
    text: string;
    now: Date;
  },
) {
  return send(
    tx,
    deps,
    a.to,
    `[Đánh giá CNTT ${a.year}] ${a.agencyName} kiến nghị về ${a.criterion}`,
    [
      'Kính gửi bộ phận thẩm định,',
      '',
      `${a.agencyName} gửi kiến nghị về kết quả tạm thời năm ${a.year}, ${a.criterion}:`,
      '',
      a.text,
      '',
      'Kết quả chỉ được công bố khi mọi kiến nghị đã được trả lời.',
      signIn(deps.config.publicUrl, `/ky/${a.cycleId}/kien-nghi`),
    ],
    a.now,
  );
}

/** The answer, to the agency's reporters. */
export function mailAnswered(
  tx: Executor,
  deps: AppDeps,
  a: {
    to: string[];
    year: number;
    cycleId: string;
    agencyId: string;
    agencyName: string;
    criterion: string;
    upheld: boolean;
    answer: string;
    totalBefore: number | null;
    totalAfter: number | null;
    now: Date;
  },
) {
  const change =
    a.upheld && a.totalBefore !== null && a.totalAfter !== null
      ? [`Tổng điểm tạm thời: ${formatPoints(a.totalBefore, 'vi')} → ${formatPoints(a.totalAfter, 'vi')}.`]
      : [];
  return send(
    tx,
    deps,
    a.to,
    `[Đánh giá CNTT ${a.year}] Trả lời kiến nghị về ${a.criterion}: ${a.upheld ? 'được chấp nhận' : 'không được chấp nhận'}`,
    [
      `Kính gửi ${a.agencyName},`,
      '',
      `Sở Thông tin và Truyền thông đã trả lời kiến nghị của cơ quan về ${a.criterion}: ${a.upheld ? 'kiến nghị được chấp nhận, số liệu đã được điều chỉnh' : 'kiến nghị không được chấp nhận'}.`,
      '',
      a.answer,
      ...(change.length ? ['', ...change] : []),
      '',
      signIn(deps.config.publicUrl, `/ky/${a.cycleId}/ket-qua/${a.agencyId}`),
    ],
    a.now,
  );
}
