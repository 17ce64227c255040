/**
 * Reminders to agencies that have not submitted (R18, Điều 11.2). For an open cycle, every
 * agency without a submitted report hears from the system when the deadline is 14, 7, 2 and 1
 * days away (CHISO_REMINDER_DAYS): at the first scheduler tick at or after `deadline − N days`.
 *
 * Each (cycle, agency, N) goes out at most once, whatever the number of servers: the row in
 * reminders_sent is inserted first (ON CONFLICT DO NOTHING RETURNING) and only the server whose
 * insert happened sends; when sending fails the row is removed so that a later tick tries again.
 * When several reminder days are due at once (the server was off), only the nearest one is sent
 * and the earlier ones are recorded as skipped (no recipients), so they never go out late.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Executor } from '../../db/open.ts';
import type { AppDeps } from '../../platform/http.ts';
import type { Mail } from '../../platform/mail.ts';
import { instantVn, submitUntil } from '../cycles/cycle-texts.ts';
import { type CycleRow, reporterAddresses } from '../cycles/cycles.repo.ts';
import * as repo from './progress.repo.ts';

const DAY_MS = 86_400_000;

/** "còn 7 ngày", or "còn chưa đầy 1 ngày" on the last day. */
export function timeLeft(deadline: Date, now: Date): { vi: string; en: string } {
  const ms = deadline.getTime() - now.getTime();
  if (ms < DAY_MS) return { vi: 'còn chưa đầy 1 ngày', en: 'less than a day left' };
  const days = Math.round(ms / DAY_MS);
  return { vi: `còn ${days} ngày`, en: `${days} day${days === 1 ? '' : 's'} left` };
}

/** The reminder to one agency's reporters: what is due, by when, and what to do. */
export function reminderMail(
  cycle: Pick<CycleRow, 'year' | 'title' | 'deadline'>,
  agency: { name: string },
  to: readonly string[],
  now: Date,
  publicUrl: string | undefined,
): Mail {
  const deadline = instantVn(cycle.deadline);
  const left = timeLeft(cycle.deadline, now);
  return {
    to,
    subject: `Nhắc nộp báo cáo đánh giá mức độ ứng dụng CNTT năm ${cycle.year}: ${left.vi}, hạn trước ${deadline}`,
    text: [
      `Kính gửi: ${agency.name}`,
      '',
      `Đến ${instantVn(now)}, hệ thống chưa nhận được báo cáo của đơn vị cho kỳ "${cycle.title}".`,
      `Hạn nộp: trước ${deadline} (giờ Việt Nam), tức là ${submitUntil(cycle.deadline).vi}; ${left.vi}.`,
      '',
      'Việc cần làm:',
      publicUrl
        ? `1. Đăng nhập hệ thống tại ${publicUrl} bằng tài khoản người báo cáo của đơn vị.`
        : '1. Đăng nhập hệ thống đánh giá bằng tài khoản người báo cáo của đơn vị.',
      '2. Điền đầy đủ phiếu thu thập số liệu, đính kèm minh chứng; tiêu chí nào đơn vị không có nhiệm vụ thì đề nghị "không áp dụng" kèm lý do.',
      '3. Trình lãnh đạo đơn vị xác nhận số liệu, rồi bấm "Nộp báo cáo" trước hạn.',
      '',
      'Theo Điều 8 Quyết định 2310/QĐ-UBND, cơ quan nộp muộn hoặc không nộp sẽ không được đánh giá, xếp hạng.',
      'Nếu đơn vị đã nộp sau khi thư này được gửi, xin bỏ qua thư này.',
      '',
      'Sở Thông tin và Truyền thông',
      '(Thư gửi tự động từ hệ thống đánh giá mức độ ứng dụng CNTT; xin đừng trả lời thư này.)',
      '',
      `[English] Reminder: your ${cycle.year} IT-application report has not been submitted. It is due before ${deadline} (Vietnam time), ${left.en}. Late or missing reports are not ranked.`,
    ].join('\n'),
  };
}

/** Addresses of each agency's active reporters, by agency id. */
export async function recipientsByAgency(
  db: Executor,
  agencyIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const r of await reporterAddresses(db, agencyIds)) {
    const email = r.email?.trim();
    if (!r.agencyId || !email) continue;
    const list = out.get(r.agencyId) ?? [];
    if (!list.includes(email)) list.push(email);
    out.set(r.agencyId, list);
  }
  return out;
}

/** The reminder days due at `now` for a deadline: those whose moment has come, before the deadline. */
export function dueDays(reminderDays: readonly number[], deadline: Date, now: Date): number[] {
  if (now >= deadline) return [];
  return reminderDays.filter((n) => now.getTime() >= deadline.getTime() - n * DAY_MS).sort((a, b) => a - b);
}

export interface ReminderRun {
  sent: number;
  skipped: number;
  failed: number;
}

/** The periodic duty: sends the reminders that are due now (idempotent; safe on several servers). */
export async function sendDueReminders(deps: AppDeps, log: FastifyBaseLogger): Promise<ReminderRun> {
  const run: ReminderRun = { sent: 0, skipped: 0, failed: 0 };
  if (!deps.mailer.enabled) return run;
  const db = deps.database.db;
  const now = deps.clock.now();
  for (const cycle of await repo.openCyclesBefore(db, now)) {
    const due = dueDays(deps.config.reminderDays, cycle.deadline, now);
    if (!due.length) continue;
    const [nearest, ...earlier] = due as [number, ...number[]];
    const pending = await repo.notSubmitted(db, cycle.id);
    if (!pending.length) continue;
    const recipients = await recipientsByAgency(
      db,
      pending.map((a) => a.agencyId),
    );
    for (const agency of pending) {
      // Reminders whose day passed while no server ran: recorded, never sent late.
      for (const n of earlier)
        if (
          await repo.claimReminder(db, {
            cycleId: cycle.id,
            agencyId: agency.agencyId,
            daysBefore: n,
            sentAt: now,
            recipients: '',
          })
        )
          run.skipped++;
      const to = recipients.get(agency.agencyId) ?? [];
      const mine = await repo.claimReminder(db, {
        cycleId: cycle.id,
        agencyId: agency.agencyId,
        daysBefore: nearest,
        sentAt: now,
        recipients: to.join(', '),
      });
      if (!mine) continue;
      if (!to.length) {
        run.skipped++;
        log.warn(
          { cycleId: cycle.id, agency: agency.code, daysBefore: nearest },
          'reminder not sent: the agency has no reporter with an e-mail address',
        );
        continue;
      }
      try {
        await deps.mailer.send(reminderMail(cycle, agency, to, now, deps.config.publicUrl));
        run.sent++;
      } catch (e) {
        run.failed++;
        await repo.releaseReminder(db, cycle.id, agency.agencyId, nearest);
        log.error(
          { err: e, cycleId: cycle.id, agency: agency.code, daysBefore: nearest },
          'reminder could not be sent; will retry',
        );
      }
    }
  }
  if (run.sent || run.failed) log.info(run, 'reminders');
  return run;
}
