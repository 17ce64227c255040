/**
 * The administrator reads and changes the monitoring's two schedules (R5): how often every portal
 * is checked for availability, and when the content check runs. Kept in the schedules table as
 * cron expressions (Vietnam time), as every scheduled duty; a change takes effect at its first slot
 * after now, on every server, without a release. Audited.
 */
import type { Text } from '../../../core/types.ts';
import { audit } from '../../platform/audit.ts';
import { invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { changeSchedule, ensureSchedule, readSchedules } from '../../platform/schedules.ts';
import {
  AVAILABILITY_DEFAULT_CRON,
  AVAILABILITY_SCHEDULE,
  CONTENT_DEFAULT_CRON,
  CONTENT_SCHEDULE,
} from './job-kinds.ts';
import { canChangeSchedules, canReadSchedules } from './monitoring.policy.ts';
import * as repo from './monitoring.repo.ts';
import type { SchedulesAnswer, SchedulesBody } from './monitoring.schema.ts';
import {
  AVAILABILITY_MINUTES,
  availabilityCron,
  availabilityMinutes,
  cadenceText,
  contentCadence,
  contentCron,
  minutesText,
} from './schedule-cadence.ts';

const DEFAULTS = [
  { name: AVAILABILITY_SCHEDULE, cron: AVAILABILITY_DEFAULT_CRON },
  { name: CONTENT_SCHEDULE, cron: CONTENT_DEFAULT_CRON },
];
const NAMES = DEFAULTS.map((d) => d.name);

/** The two rows, written with their defaults first when this database has not got them yet. */
async function ensured(db: AppDeps['database']['db'], now: Date) {
  let rows = await readSchedules(db, NAMES);
  if (rows.length < NAMES.length) {
    for (const d of DEFAULTS) await ensureSchedule(db, d, now);
    rows = await readSchedules(db, NAMES);
  }
  return rows;
}

export async function readMonitoringSchedules(deps: AppDeps, caller: Caller): Promise<SchedulesAnswer> {
  authorize(canReadSchedules(caller.user));
  const db = deps.database.db;
  const rows = await ensured(db, deps.clock.now());
  const byName = new Map(rows.map((r) => [r.name, r]));
  const state = async (name: string, text: (cron: string) => Text | null) => {
    const r = byName.get(name)!;
    return {
      cron: r.cron,
      enabled: r.enabled,
      nextRunAt: r.enabled ? (r.nextRunAt?.toISOString() ?? null) : null,
      lastRunAt: r.lastRunAt?.toISOString() ?? null,
      updatedAt: r.updatedBy ? r.updatedAt.toISOString() : null,
      updatedBy: r.updatedBy ? await repo.userName(db, r.updatedBy) : null,
      text: text(r.cron) ?? { vi: `Lịch tùy chỉnh "${r.cron}"`, en: `Custom schedule "${r.cron}"` },
    };
  };
  const availability = await state(AVAILABILITY_SCHEDULE, (c) => {
    const n = availabilityMinutes(c);
    return n === null ? null : minutesText(n);
  });
  const content = await state(CONTENT_SCHEDULE, (c) => {
    const k = contentCadence(c);
    return k === null ? null : cadenceText(k);
  });
  const cadence = contentCadence(content.cron);
  return {
    availability: { ...availability, everyMinutes: availabilityMinutes(availability.cron) },
    content: {
      ...content,
      cadence: cadence && {
        every: cadence.every,
        day: cadence.day,
        weekday: cadence.weekday,
        hour: cadence.hour,
      },
    },
    minuteChoices: [...AVAILABILITY_MINUTES],
  };
}

export async function setMonitoringSchedules(
  deps: AppDeps,
  caller: Caller,
  input: SchedulesBody,
): Promise<SchedulesAnswer> {
  authorize(canChangeSchedules(caller.user));
  const { availability: a, content: c } = input;
  if (!(AVAILABILITY_MINUTES as readonly number[]).includes(a.everyMinutes))
    throw invalid('availability.everyMinutes', {
      vi: 'Chu kỳ kiểm tra truy cập phải là 5, 10, 15, 20 hoặc 30 phút, hoặc 1, 2, 3, 4, 6, 12 giờ',
      en: 'The availability interval must be 5, 10, 15, 20 or 30 minutes, or 1, 2, 3, 4, 6 or 12 hours',
    });
  if (c.every !== 'week' && (c.day < 1 || c.day > 28))
    throw invalid('content.day', {
      vi: 'Ngày kiểm tra nội dung phải từ 1 đến 28 (tháng nào cũng có ngày đó)',
      en: 'The content check day must be 1 to 28 (every month has it)',
    });
  if (c.every === 'week' && (c.weekday < 0 || c.weekday > 6))
    throw invalid('content.weekday', {
      vi: 'Thứ trong tuần không hợp lệ (Chủ nhật đến Thứ Bảy)',
      en: 'The weekday must be Sunday to Saturday',
    });
  if (c.hour < 0 || c.hour > 23)
    throw invalid('content.hour', {
      vi: 'Giờ kiểm tra nội dung phải từ 0 đến 23 (giờ Việt Nam)',
      en: 'The content check hour must be 0 to 23 (Vietnam time)',
    });
  const cadence = {
    every: c.every,
    day: c.every === 'week' ? 1 : c.day,
    weekday: c.every === 'week' ? c.weekday : 1,
    hour: c.hour,
  };
  const wanted = [
    { name: AVAILABILITY_SCHEDULE, cron: availabilityCron(a.everyMinutes), enabled: a.enabled },
    { name: CONTENT_SCHEDULE, cron: contentCron(cadence), enabled: c.enabled },
  ];
  const db = deps.database.db;
  const now = deps.clock.now();
  await ensured(db, now);
  await db.transaction(async (tx) => {
    const before = new Map((await readSchedules(tx, NAMES)).map((r) => [r.name, r]));
    for (const w of wanted) {
      const old = before.get(w.name);
      if (old && old.cron === w.cron && old.enabled === w.enabled) continue;
      await changeSchedule(tx, { ...w, now, by: caller.user.id });
      await audit(tx, caller, now, {
        action: 'monitoring.schedule.set',
        entityType: 'schedule',
        entityId: w.name,
        oldValue: old ? { cron: old.cron, enabled: old.enabled } : null,
        newValue: { cron: w.cron, enabled: w.enabled },
      });
    }
  });
  return readMonitoringSchedules(deps, caller);
}
