/**
 * Reminders to agencies that have not submitted (R18, Điều 11.2). For an open cycle, every
 * agency without a submitted report hears from the system when the deadline is 14, 7, 2 and 1
 * days away (CHISO_REMINDER_DAYS): at the first run of the `progress.reminders` schedule (every
 * minute by default) at or after `deadline − N days`.
 *
 * The schedule's run only decides: it queues one `progress.reminder` job per (cycle, agency, N),
 * keyed so that it exists once whatever the number of servers and runs. The job sends the mail
 * and only then records the reminder as sent (reminders_sent), so a crash or a mail server that is
 * down retries it (with backoff) instead of losing it; a job that keeps failing is left for the
 * administrator to see. When several reminder days are due at once (no server ran), only the
 * nearest is sent and the earlier ones are recorded as skipped, so they never go out late.
 */
import { z } from 'zod';
import type { Executor } from '../../db/open.ts';
import type { AppDeps } from '../../platform/http.ts';
import { enqueue, registerJob } from '../../platform/jobs.ts';
import type { Mail } from '../../platform/mail.ts';
import { declareSchedule } from '../../platform/schedules.ts';
import { instantVn, submitUntil } from '../cycles/cycle-texts.ts';
import { type CycleRow, findCycle, reporterAddresses } from '../cycles/cycles.repo.ts';
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

export const REMINDERS_SCHEDULE = 'progress.reminders';
export const REMINDER_JOB = 'progress.reminder';

const ReminderPayload = z.object({ cycleId: z.string(), agencyId: z.string(), daysBefore: z.number().int() });
type ReminderPayload = z.infer<typeof ReminderPayload>;

export interface ReminderRun {
  /** Reminders queued now (each sent by its own job). */
  queued: number;
  /** Earlier reminder days recorded as skipped (they would go out late). */
  skipped: number;
}

/**
 * The schedule's run: queues the reminders that are due now (idempotent; safe on several
 * servers: each reminder's job is keyed by cycle, agency and days before the deadline).
 */
export async function queueDueReminders(deps: AppDeps): Promise<ReminderRun> {
  const run: ReminderRun = { queued: 0, skipped: 0 };
  if (!deps.mailer.enabled) return run;
  const db = deps.database.db;
  const now = deps.clock.now();
  for (const cycle of await repo.openCyclesBefore(db, now)) {
    const due = dueDays(deps.config.reminderDays, cycle.deadline, now);
    if (!due.length) continue;
    const [nearest, ...earlier] = due as [number, ...number[]];
    for (const agency of await repo.notSubmitted(db, cycle.id)) {
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
      const payload: ReminderPayload = { cycleId: cycle.id, agencyId: agency.agencyId, daysBefore: nearest };
      const key = `reminder:${cycle.id}:${agency.agencyId}:${nearest}`;
      if (await enqueue(db, REMINDER_JOB, payload, now, { dedupeKey: key })) run.queued++;
    }
  }
  return run;
}

/**
 * One reminder's job: sends it to the agency's reporters, then records it as sent. Nothing goes
 * out when the agency submitted meanwhile, the cycle closed, or the reminder was already recorded.
 */
export async function sendReminder(deps: AppDeps, payload: ReminderPayload): Promise<'sent' | 'skipped'> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const cycle = await findCycle(db, payload.cycleId);
  if (cycle?.state !== 'open' || now >= cycle.deadline) return 'skipped';
  const agency = (await repo.notSubmitted(db, cycle.id)).find((a) => a.agencyId === payload.agencyId);
  if (!agency || (await repo.reminderRecorded(db, payload))) return 'skipped';
  const to = (await recipientsByAgency(db, [agency.agencyId])).get(agency.agencyId) ?? [];
  if (to.length) await deps.mailer.send(reminderMail(cycle, agency, to, now, deps.config.publicUrl));
  await repo.claimReminder(db, { ...payload, sentAt: now, recipients: to.join(', ') });
  return to.length ? 'sent' : 'skipped';
}

/** Declares the reminders' schedule and jobs. */
export function declareReminders(): void {
  declareSchedule({
    name: REMINDERS_SCHEDULE,
    cron: '* * * * *',
    description: {
      vi: 'Nhắc các cơ quan chưa nộp báo cáo trước hạn 14, 7, 2, 1 ngày (Điều 11.2)',
      en: 'Remind agencies that have not reported, 14, 7, 2 and 1 days before the deadline',
    },
  });
  registerJob(REMINDERS_SCHEDULE, async (_payload, { deps, log }) => {
    const run = await queueDueReminders(deps);
    if (run.queued || run.skipped) log.info(run, 'reminders queued');
  });
  registerJob(REMINDER_JOB, async (payload, { deps, log }) => {
    const p = ReminderPayload.parse(payload);
    const outcome = await sendReminder(deps, p);
    if (outcome === 'skipped')
      log.info(p, 'reminder not sent: submitted, closed, already sent or no address');
  });
}
