/**
 * The administrator sets how many working days agencies have to appeal after approval, and the
 * public holidays the count skips (Vietnam dates), for one cycle, until it is published.
 */

import { isValidDate } from '../../../core/calendar/time.ts';
import { audit } from '../../platform/audit.ts';
import { invalid, stale } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { findCycle, lockCycle } from '../cycles/cycles.repo.ts';
import { loadCycle, periodOf } from './appeal-context.ts';
import { canSetPeriod } from './appeals.policy.ts';
import * as repo from './appeals.repo.ts';
import type { AppealPeriod, CycleParams, PeriodBody } from './appeals.schema.ts';

export async function setAppealPeriod(
  deps: AppDeps,
  caller: Caller,
  input: CycleParams & PeriodBody,
): Promise<AppealPeriod> {
  const db = deps.database.db;
  const cycle = await loadCycle(db, input.cycleId);
  authorize(canSetPeriod(caller.user, cycle));
  const bad = input.holidays.find((d) => !isValidDate(d));
  if (bad)
    throw invalid('holidays', {
      vi: `Ngày nghỉ "${bad}" không phải một ngày có thật`,
      en: `Holiday "${bad}" is not a real date`,
    });
  const holidays = [...new Set(input.holidays)].sort();
  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    const locked = (await lockCycle(tx, cycle.id)) ?? cycle;
    authorize(canSetPeriod(caller.user, locked));
    if (!(await repo.setPeriod(tx, cycle.id, locked.version, { days: input.days, holidays, now })))
      throw stale(await findCycle(tx, cycle.id));
    await audit(tx, caller, now, {
      action: 'appeal.period',
      entityType: 'cycle',
      entityId: cycle.id,
      cycleId: cycle.id,
      oldValue: { days: locked.appealDays, holidays: locked.appealHolidays },
      newValue: { days: input.days, holidays },
    });
  });
  return periodOf(await loadCycle(db, cycle.id), deps.clock.now());
}
