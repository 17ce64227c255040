/**
 * Jobs as the screen shows them: what each does and for whom (a mail's recipients and subject, a
 * reminder's agency), its attempts, when it runs next, and why it failed in plain words.
 */
import { z } from 'zod';
import { formatInstantVn } from '../../../core/calendar/time.ts';
import type { Executor } from '../../db/open.ts';
import { JOB_MAX_ATTEMPTS, type JobRow } from '../../platform/jobs.ts';
import { MAIL_JOB } from '../../platform/outbox.ts';
import { declaredSchedules } from '../../platform/schedules.ts';
import { REMINDER_JOB } from '../progress/reminders.ts';
import { errorWords, jobKindLabel } from './job-words.ts';
import * as repo from './jobs.repo.ts';
import type { JobView } from './jobs.schema.ts';

const MailPayload = z.object({ to: z.array(z.string()), subject: z.string() });
const ReminderPayload = z.object({ cycleId: z.uuid(), agencyId: z.uuid(), daysBefore: z.number() });
const SlotPayload = z.object({ slot: z.string() });

interface Names {
  readonly agencies: ReadonlyMap<string, string>;
  readonly years: ReadonlyMap<string, number>;
}

function about(job: JobRow, names: Names): JobView['about'] {
  if (job.kind === REMINDER_JOB) {
    const p = ReminderPayload.safeParse(job.payload);
    if (!p.success) return null;
    const agency = names.agencies.get(p.data.agencyId) ?? '?';
    const year = names.years.get(p.data.cycleId);
    return {
      vi: `${agency}: nhắc trước ${p.data.daysBefore} ngày hạn nộp báo cáo${year ? ` kỳ đánh giá năm ${year}` : ''}`,
      en: `${agency}: reminder ${p.data.daysBefore} days before the deadline${year ? ` of the ${year} cycle` : ''}`,
    };
  }
  if (declaredSchedules().some((s) => s.name === job.kind)) {
    const p = SlotPayload.safeParse(job.payload);
    const at =
      p.success && !Number.isNaN(Date.parse(p.data.slot)) ? formatInstantVn(Date.parse(p.data.slot)) : null;
    return at ? { vi: `Lượt chạy theo lịch lúc ${at}`, en: `Scheduled run of ${at}` } : null;
  }
  return null;
}

function jobView(job: JobRow, names: Names): JobView {
  const mail = job.kind === MAIL_JOB ? MailPayload.safeParse(job.payload) : null;
  const words = errorWords(job.kind, job.lastError);
  return {
    id: job.id,
    kind: job.kind,
    kindLabel: jobKindLabel(job.kind),
    status: job.status,
    attempts: job.attempts,
    maxAttempts: JOB_MAX_ATTEMPTS,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    nextTry: job.status === 'pending' ? job.runAt.toISOString() : null,
    error: words && job.lastError ? { words, message: job.lastError } : null,
    mail: mail?.success ? { to: mail.data.to, subject: mail.data.subject } : null,
    about: about(job, names),
  };
}

/** The views of some jobs, with the names their payloads point to read at once. */
export async function jobViews(db: Executor, rows: readonly JobRow[]): Promise<JobView[]> {
  const reminders = rows
    .filter((j) => j.kind === REMINDER_JOB)
    .map((j) => ReminderPayload.safeParse(j.payload))
    .flatMap((p) => (p.success ? [p.data] : []));
  const [agencies, years] = await Promise.all([
    repo.agencyNames(db, [...new Set(reminders.map((r) => r.agencyId))]),
    repo.cycleYears(db, [...new Set(reminders.map((r) => r.cycleId))]),
  ]);
  const names: Names = {
    agencies: new Map(agencies.map((a) => [a.id, a.name])),
    years: new Map(years.map((c) => [c.id, c.year])),
  };
  return rows.map((j) => jobView(j, names));
}
