/**
 * The administrator edits a draft cycle: title, dates, criteria version, announcement. The edit
 * names the version it read (409 stale with the cycle as it is now otherwise); only what changes
 * is written, with the old and new values in the audit. Once open, only a deadline extension
 * changes the cycle (extend-deadline.ts).
 */
import { audit } from '../../platform/audit.ts';
import { stale } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import {
  checkAnnouncement,
  checkCriteriaVersion,
  checkDates,
  checkMonitorPeriod,
  checkTitle,
  DATE_TEXT,
  instantOf,
} from './cycle-fields.ts';
import { currentCycle, cycleDetail, loadCycle, lockCycle } from './cycle-views.ts';
import { canEditCycle } from './cycles.policy.ts';
import * as repo from './cycles.repo.ts';
import type { CycleAnswer, CycleParams, EditCycleBody } from './cycles.schema.ts';

export async function editCycle(
  deps: AppDeps,
  caller: Caller,
  input: CycleParams & EditCycleBody,
): Promise<CycleAnswer> {
  const db = deps.database.db;
  authorize(canEditCycle(caller.user, await loadCycle(db, input.id)));
  const parsed = {
    ...(input.guidanceBy !== undefined && {
      guidanceBy: instantOf('guidanceBy', input.guidanceBy, DATE_TEXT.guidanceBy),
    }),
    ...(input.deadline !== undefined && {
      deadline: instantOf('deadline', input.deadline, DATE_TEXT.deadline),
    }),
    ...(input.publishBy !== undefined && {
      publishBy: instantOf('publishBy', input.publishBy, DATE_TEXT.publishBy),
    }),
    ...(input.monitorFrom !== undefined && {
      monitorFrom:
        input.monitorFrom === null
          ? null
          : instantOf('monitorFrom', input.monitorFrom, DATE_TEXT.monitorFrom),
    }),
    ...(input.monitorTo !== undefined && {
      monitorTo:
        input.monitorTo === null ? null : instantOf('monitorTo', input.monitorTo, DATE_TEXT.monitorTo),
    }),
    ...(input.title !== undefined && { title: checkTitle(input.title) }),
    ...(input.announcement !== undefined && { announcement: checkAnnouncement(input.announcement) }),
    ...(input.criteriaVersionId !== undefined && {
      criteriaVersionId: await checkCriteriaVersion(db, input.criteriaVersionId),
    }),
  };
  const now = deps.clock.now();
  const row = await db.transaction(async (tx) => {
    const before = await lockCycle(tx, input.id);
    // Asked again under the lock: the cycle may have been opened meanwhile.
    authorize(canEditCycle(caller.user, before));
    if (before.version !== input.version) throw stale(await currentCycle(tx, before));
    checkDates(
      before.year,
      {
        guidanceBy: parsed.guidanceBy ?? before.guidanceBy,
        deadline: parsed.deadline ?? before.deadline,
        publishBy: parsed.publishBy ?? before.publishBy,
      },
      new Set(Object.keys(parsed)),
    );
    checkMonitorPeriod(before.year, {
      monitorFrom: parsed.monitorFrom === undefined ? before.monitorFrom : parsed.monitorFrom,
      monitorTo: parsed.monitorTo === undefined ? before.monitorTo : parsed.monitorTo,
      publishBy: parsed.publishBy ?? before.publishBy,
    });
    const show = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
    const keys = (Object.keys(parsed) as (keyof typeof parsed)[]).filter(
      (k) => show(parsed[k]) !== show(before[k]),
    );
    if (!keys.length) return before;
    const updated = await repo.updateCycle(tx, input.id, before.version, { ...parsed, updatedAt: now });
    if (!updated) throw stale(await currentCycle(tx, before));
    await audit(tx, caller, now, {
      action: 'cycle.update',
      entityType: 'cycle',
      entityId: input.id,
      cycleId: input.id,
      oldValue: Object.fromEntries(keys.map((k) => [k, show(before[k])])),
      newValue: Object.fromEntries(keys.map((k) => [k, show(parsed[k])])),
    });
    return updated;
  });
  return { cycle: await cycleDetail(db, caller.user, row, deps.clock.now()) };
}
