/**
 * Duties that run on a schedule (reminders, and the website monitoring to come), each a cron
 * expression in Vietnam time kept in the `schedules` table so the administrator can change it
 * without a release. A module declares its duty once (`declareSchedule`); its default is written
 * to the table when missing and never overwrites the administrator's choice.
 *
 * `enqueueDueSchedules` runs on every server's tick: for each due schedule it moves `nextRunAt`
 * on with a compare-and-set and, in the same transaction, enqueues the duty's job with a key made
 * of the schedule and the slot, so that with any number of servers each slot runs once.
 */
import { Cron } from 'croner';
import { and, asc, eq, isNull, lte, or } from 'drizzle-orm';
import type { Text } from '../../core/types.ts';
import type { Executor } from '../db/open.ts';
import { schedules } from '../db/schema.ts';
import type { AppDeps } from './http.ts';
import { enqueue } from './jobs.ts';

export const SCHEDULE_TIMEZONE = 'Asia/Ho_Chi_Minh';

export interface ScheduleDecl {
  /** Unique name, also the job kind it enqueues. */
  readonly name: string;
  /** Default cron expression (minute hour day month weekday), Vietnam time. */
  readonly cron: string;
  /** What it does, for the administrator's screen. */
  readonly description: Text;
}

const declared = new Map<string, ScheduleDecl>();

/** Declares a scheduled duty (its job handler is registered with `registerJob(name, …)`). */
export function declareSchedule(decl: ScheduleDecl): void {
  declared.set(decl.name, decl);
}

export const declaredSchedules = (): ScheduleDecl[] => [...declared.values()];

/** Why a cron expression is not usable, or null. Five fields; croner's syntax (ranges, steps, lists). */
export function cronProblem(expr: string): Text | null {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 5)
    return {
      vi: 'Lịch phải có đúng 5 phần: phút giờ ngày tháng thứ (ví dụ "*/30 * * * *": 30 phút một lần)',
      en: 'A schedule has exactly 5 fields: minute hour day month weekday (e.g. "*/30 * * * *")',
    };
  try {
    new Cron(expr, { timezone: SCHEDULE_TIMEZONE, paused: true }).stop();
    return null;
  } catch (e) {
    return {
      vi: `Lịch "${expr}" không đọc được: ${e instanceof Error ? e.message : String(e)}`,
      en: `Schedule "${expr}" cannot be read: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/** The first run of `expr` strictly after `after`. */
export function nextRun(expr: string, after: Date): Date {
  const cron = new Cron(expr, { timezone: SCHEDULE_TIMEZONE, paused: true });
  const next = cron.nextRun(after);
  cron.stop();
  if (!next) throw new Error(`schedule "${expr}" has no next run after ${after.toISOString()}`);
  return next;
}

/** Writes the declared schedules that the table lacks (idempotent; keeps every edit). */
export async function ensureSchedules(db: Executor, now: Date): Promise<void> {
  for (const d of declared.values()) await ensureSchedule(db, d, now);
}

/** Writes one schedule's default when the table lacks it (keeps an edit). */
export async function ensureSchedule(db: Executor, d: Pick<ScheduleDecl, 'name' | 'cron'>, now: Date) {
  await db
    .insert(schedules)
    .values({ name: d.name, cron: d.cron, enabled: true, nextRunAt: nextRun(d.cron, now), updatedAt: now })
    .onConflictDoNothing({ target: schedules.name });
}

/** Enqueues the job of every schedule that is due, once per slot whatever the number of servers. */
export async function enqueueDueSchedules(deps: AppDeps): Promise<number> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const due = await db
    .select()
    .from(schedules)
    .where(and(eq(schedules.enabled, true), or(isNull(schedules.nextRunAt), lte(schedules.nextRunAt, now))))
    .orderBy(asc(schedules.name));
  let enqueued = 0;
  for (const s of due) {
    if (!declared.has(s.name)) continue; // a duty this release no longer has
    const slot = s.nextRunAt ?? now;
    const won = await db.transaction(async (tx) => {
      const [moved] = await tx
        .update(schedules)
        .set({ nextRunAt: nextRun(s.cron, now), lastRunAt: now })
        .where(
          and(
            eq(schedules.name, s.name),
            s.nextRunAt ? eq(schedules.nextRunAt, s.nextRunAt) : isNull(schedules.nextRunAt),
          ),
        )
        .returning({ name: schedules.name });
      if (!moved) return false; // another server took this slot
      const jobId = await enqueue(tx, s.name, { slot: slot.toISOString() }, now, {
        dedupeKey: `schedule:${s.name}@${slot.toISOString()}`,
      });
      if (jobId) await tx.update(schedules).set({ lastJobId: jobId }).where(eq(schedules.name, s.name));
      return jobId !== null;
    });
    if (won) enqueued++;
  }
  return enqueued;
}

/** The rows of some schedules (missing ones are simply absent). */
export async function readSchedules(db: Executor, names: readonly string[]) {
  const rows = await db.select().from(schedules).orderBy(asc(schedules.name));
  return rows.filter((r) => names.includes(r.name));
}

/**
 * The administrator's change of a schedule: a new expression or on/off. The next run is computed
 * from the new expression, so a change takes effect at its first slot after now.
 */
export async function changeSchedule(
  db: Executor,
  change: { name: string; cron: string; enabled: boolean; now: Date; by: string },
): Promise<void> {
  await db
    .update(schedules)
    .set({
      cron: change.cron,
      enabled: change.enabled,
      nextRunAt: nextRun(change.cron, change.now),
      updatedAt: change.now,
      updatedBy: change.by,
    })
    .where(eq(schedules.name, change.name));
}
