/**
 * The e-mails of the feedback: the department hears of a new item, the raiser of the answer. Each
 * is queued in the transaction that raises or answers (platform/outbox.ts) and sent by the worker
 * with retries; without SMTP settings nothing is queued and the bell and the screens still show it.
 */
import type { Executor } from '../../db/open.ts';
import type { AppDeps } from '../../platform/http.ts';
import { enqueueMail } from '../../platform/outbox.ts';

async function send(tx: Executor, deps: AppDeps, to: string[], subject: string, lines: string[], now: Date) {
  if (!to.length || !deps.mailer.enabled) return;
  await enqueueMail(tx, { to, subject, text: lines.join('\n') }, { now });
}

const seeAt = (publicUrl: string | undefined, path: string) =>
  publicUrl
    ? `Xem chi tiết: ${publicUrl.replace(/\/$/, '')}${path}`
    : 'Đăng nhập hệ thống đánh giá mức độ ứng dụng CNTT để xem chi tiết.';

/** A new item, to the department. */
export function mailRaised(
  tx: Executor,
  deps: AppDeps,
  a: { to: string[]; raiser: string; kind: string; about: string; text: string; now: Date },
) {
  return send(
    tx,
    deps,
    a.to,
    `[Góp ý về quy định] ${a.kind}: ${a.about}`,
    [
      'Kính gửi Sở Thông tin và Truyền thông,',
      '',
      `${a.raiser} gửi góp ý (${a.kind.toLowerCase()}) về ${a.about}:`,
      '',
      a.text,
      '',
      seeAt(deps.config.publicUrl, '/gop-y/xu-ly'),
    ],
    a.now,
  );
}

/** The answer (or a revised one), to the raiser. */
export function mailAnswered(
  tx: Executor,
  deps: AppDeps,
  a: {
    to: string[];
    name: string;
    about: string;
    status: string;
    answer: string;
    version: string | null;
    now: Date;
  },
) {
  return send(
    tx,
    deps,
    a.to,
    `[Góp ý về quy định] Trả lời góp ý về ${a.about}: ${a.status.toLowerCase()}`,
    [
      `Kính gửi ${a.name},`,
      '',
      `Sở Thông tin và Truyền thông đã trả lời góp ý của bạn về ${a.about} (${a.status.toLowerCase()}${a.version ? `: ${a.version}` : ''}):`,
      '',
      a.answer,
      '',
      seeAt(deps.config.publicUrl, '/gop-y'),
    ],
    a.now,
  );
}
