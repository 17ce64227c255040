/**
 * Alerts of a site in trouble (R5): down for N availability checks in a row (default 4), or a TLS
 * certificate that expires within 14 days. Each is an episode: the e-mail to the agency's reporters
 * and the assessors goes out once, when it starts (through the queue, retried), and a recovery ends
 * it; the unique open episode per site and kind makes this hold whichever server ran the check.
 */
import type { Executor } from '../../db/open.ts';
import type { AppDeps } from '../../platform/http.ts';
import type { Mail } from '../../platform/mail.ts';
import { enqueueMail } from '../../platform/outbox.ts';
import { instantVn } from '../cycles/cycle-texts.ts';
import { recipientsByAgency } from '../progress/reminders.ts';
import * as repo from './monitoring.repo.ts';
import { textOf } from './monitoring-views.ts';

export interface CheckOutcome {
  readonly ok: boolean;
  readonly tlsDaysLeft: number | null;
  readonly failure: unknown;
}

/** What the latest check means for the site's episodes, decided from the last N checks. */
export function alertChanges(
  latest: readonly Pick<repo.AvailabilityRow, 'ok'>[],
  now: CheckOutcome,
  settings: { downChecks: number; tlsDays: number },
): { down: 'open' | 'close' | null; tls: 'open' | 'close' | null } {
  const down = now.ok
    ? 'close'
    : latest.length >= settings.downChecks && latest.slice(0, settings.downChecks).every((c) => !c.ok)
      ? 'open'
      : null;
  const tls = now.tlsDaysLeft === null ? null : now.tlsDaysLeft <= settings.tlsDays ? 'open' : 'close';
  return { down, tls };
}

/** Applies the decisions in the check's transaction, and queues the mail of an episode that starts. */
export async function applyAlerts(
  tx: Executor,
  deps: AppDeps,
  site: { id: string; url: string; agencyId: string },
  agency: { name: string },
  at: Date,
  outcome: CheckOutcome,
): Promise<void> {
  const settings = deps.config.monitor;
  const latest = await repo.latestAvailability(tx, site.id, settings.downChecks);
  const changes = alertChanges(latest, outcome, settings);
  for (const kind of ['down', 'tls'] as const) {
    const change = changes[kind];
    if (change === 'close') await repo.closeAlert(tx, site.id, kind, at);
    if (change !== 'open') continue;
    const id = await repo.openAlert(tx, {
      siteId: site.id,
      kind,
      startedAt: at,
      detail: kind === 'tls' ? { daysLeft: outcome.tlsDaysLeft } : { failure: outcome.failure },
    });
    if (!id) continue; // the episode is already open: its mail went out when it began
    const to = [
      ...((await recipientsByAgency(tx, [site.agencyId])).get(site.agencyId) ?? []),
      ...(await repo.assessorAddresses(tx)),
    ];
    await enqueueMail(tx, alertMail(kind, site, agency, at, outcome, settings.downChecks, [...new Set(to)]), {
      now: at,
      dedupeKey: `monitoring.alert:${id}`,
    });
  }
}

export function alertMail(
  kind: 'down' | 'tls',
  site: { url: string },
  agency: { name: string },
  at: Date,
  outcome: CheckOutcome,
  downChecks: number,
  to: readonly string[],
): Mail {
  const reason = textOf(outcome.failure)?.vi;
  const lines =
    kind === 'down'
      ? {
          subject: `Trang TTĐT của ${agency.name} không truy cập được`,
          body: [
            `Đến ${instantVn(at)}, trang ${site.url} không truy cập được trong ${downChecks} lần kiểm tra liên tiếp.`,
            reason ? `Nguyên nhân ghi nhận: ${reason}.` : '',
            'Trang TTĐT không truy cập được thì các tiêu chí kiểm tra trang TTĐT (hạng mục 3) không được điểm ở lần kiểm tra đó.',
            'Đề nghị đơn vị kiểm tra máy chủ, tên miền và đường truyền. Hệ thống không gửi thêm thư cho đến khi trang hoạt động trở lại.',
          ],
          en: `[English] ${site.url} has been unreachable for ${downChecks} checks in a row.`,
        }
      : {
          subject: `Chứng chỉ bảo mật (TLS) của trang TTĐT ${agency.name} sắp hết hạn`,
          body: [
            `Lúc ${instantVn(at)}, chứng chỉ bảo mật của trang ${site.url} còn ${outcome.tlsDaysLeft} ngày là hết hạn.`,
            'Khi hết hạn, trình duyệt sẽ báo trang không an toàn và người dân không truy cập được. Đề nghị đơn vị gia hạn chứng chỉ.',
          ],
          en: `[English] The TLS certificate of ${site.url} expires in ${outcome.tlsDaysLeft} days.`,
        };
  return {
    to,
    subject: lines.subject,
    text: [
      `Kính gửi: ${agency.name} và bộ phận thẩm định`,
      '',
      ...lines.body.filter(Boolean),
      '',
      'Sở Thông tin và Truyền thông',
      '(Thư gửi tự động từ hệ thống theo dõi trang TTĐT; xin đừng trả lời thư này.)',
      '',
      lines.en,
    ].join('\n'),
  };
}
