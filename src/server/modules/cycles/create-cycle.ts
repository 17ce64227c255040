/**
 * The administrator creates the cycle of a year (one per year, R8), with the regulation's dates
 * unless told otherwise (guidance before 1 October, reports before 1 November 00:00, publication
 * before 1 January, Vietnam time) and the bundled criteria version by default.
 */

import { defaultCycleDates } from '../../../core/calendar/time.ts';
import { DEFAULT_APPEAL_DAYS } from '../../../core/calendar/working-days.ts';
import { audit } from '../../platform/audit.ts';
import { conflict } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { isUniqueViolation } from '../agencies/agencies.repo.ts';
import {
  checkAnnouncement,
  checkCriteriaVersion,
  checkDates,
  checkMonitorPeriod,
  checkTitle,
  DATE_TEXT,
  defaultCriteriaVersion,
  instantOf,
} from './cycle-fields.ts';
import { cycleDetail } from './cycle-views.ts';
import { canCreateCycle } from './cycles.policy.ts';
import * as repo from './cycles.repo.ts';
import type { CreateCycleBody, CycleAnswer } from './cycles.schema.ts';

export async function createCycle(
  deps: AppDeps,
  caller: Caller,
  input: CreateCycleBody,
): Promise<CycleAnswer> {
  authorize(canCreateCycle(caller.user));
  const db = deps.database.db;
  const { year } = input;
  const defaults = defaultCycleDates(year);
  const dates = {
    guidanceBy: input.guidanceBy
      ? instantOf('guidanceBy', input.guidanceBy, DATE_TEXT.guidanceBy)
      : new Date(defaults.guidanceBy),
    deadline: input.deadline
      ? instantOf('deadline', input.deadline, DATE_TEXT.deadline)
      : new Date(defaults.deadline),
    publishBy: input.publishBy
      ? instantOf('publishBy', input.publishBy, DATE_TEXT.publishBy)
      : new Date(defaults.publishBy),
  };
  const monitor = {
    monitorFrom: input.monitorFrom
      ? instantOf('monitorFrom', input.monitorFrom, DATE_TEXT.monitorFrom)
      : null,
    monitorTo: input.monitorTo ? instantOf('monitorTo', input.monitorTo, DATE_TEXT.monitorTo) : null,
  };
  checkMonitorPeriod(year, { ...monitor, publishBy: dates.publishBy });
  checkDates(
    year,
    dates,
    new Set(Object.keys(input).filter((k) => input[k as keyof CreateCycleBody] !== undefined)),
  );
  const title = checkTitle(
    input.title ?? `Đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin năm ${year}`,
  );
  const criteriaVersionId = input.criteriaVersionId
    ? await checkCriteriaVersion(db, input.criteriaVersionId)
    : await defaultCriteriaVersion(db);
  const announcement = checkAnnouncement(input.announcement ?? null);
  const now = deps.clock.now();
  const exists = () =>
    conflict(
      'cycle_exists',
      {
        vi: `Đã có kỳ đánh giá năm ${year}; mỗi năm chỉ có một kỳ`,
        en: `There is already a cycle for ${year}`,
      },
      'year',
    );
  let row: repo.CycleRow;
  try {
    row = await db.transaction(async (tx) => {
      if (await repo.findCycleByYear(tx, year)) throw exists();
      const created = await repo.insertCycle(tx, {
        year,
        title,
        criteriaVersionId,
        ...dates,
        ...monitor,
        announcement,
        appealDays: DEFAULT_APPEAL_DAYS,
        createdBy: caller.user.id,
        createdAt: now,
        updatedAt: now,
      });
      await audit(tx, caller, now, {
        action: 'cycle.create',
        entityType: 'cycle',
        entityId: created.id,
        cycleId: created.id,
        newValue: {
          year,
          title,
          criteriaVersionId,
          guidanceBy: dates.guidanceBy.toISOString(),
          deadline: dates.deadline.toISOString(),
          publishBy: dates.publishBy.toISOString(),
        },
      });
      return created;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'cycles_year_key')) throw exists();
    throw e;
  }
  return { cycle: await cycleDetail(db, caller.user, row, deps.clock.now()) };
}
