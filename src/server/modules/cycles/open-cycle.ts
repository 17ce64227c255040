/**
 * The administrator opens a draft cycle (R8): the roster is frozen (the registry's units valid on
 * the roster date, the guidance date in Vietnam time), and every roster agency's active reporters
 * are told by one e-mail per agency, queued in the same transaction and sent by a worker.
 */
import { audit } from '../../platform/audit.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { agenciesValidOn } from '../agencies/agencies.repo.ts';
import { vnDateOf } from '../agencies/registry-dates.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { transitionCycle } from './cycle-states.ts';
import { announcementMail } from './cycle-texts.ts';
import { cycleDetail, lockCycle } from './cycle-views.ts';
import { canOpenCycle } from './cycles.policy.ts';
import * as repo from './cycles.repo.ts';
import type { CycleParams, CycleWithMail } from './cycles.schema.ts';
import { queueRosterMail } from './roster-mail.ts';

export async function openCycle(deps: AppDeps, caller: Caller, input: CycleParams): Promise<CycleWithMail> {
  const db = deps.database.db;
  const { id } = input;
  const now = deps.clock.now();
  const { row, mail } = await db.transaction(async (tx) => {
    const before = await lockCycle(tx, id);
    const rosterDate = vnDateOf(before.guidanceBy);
    const units = await agenciesValidOn(tx, rosterDate);
    const { set } = await criteriaVersion(tx, before.criteriaVersionId);
    authorize(
      canOpenCycle(
        caller.user,
        { cycle: before, rosterDate, units, groupIds: set.groups.map((g) => g.id) },
        now,
      ),
    );
    const opened = await transitionCycle(tx, caller, before, 'open', now, { openedAt: now });
    await repo.insertRoster(
      tx,
      units.map((u) => ({ cycleId: id, agencyId: u.id, code: u.code, name: u.name, groupId: u.groupId })),
    );
    const byGroup: Record<string, number> = {};
    for (const u of units) byGroup[u.groupId] = (byGroup[u.groupId] ?? 0) + 1;
    await audit(tx, caller, now, {
      action: 'cycle.roster_frozen',
      entityType: 'cycle',
      entityId: id,
      cycleId: id,
      newValue: { rosterDate, total: units.length, byGroup, codes: units.map((u) => u.code) },
    });
    const mail = await queueRosterMail(
      tx,
      id,
      now,
      (agency, to) => announcementMail(opened, agency, to, deps.config.publicUrl),
      deps.mailer.enabled,
    );
    return { row: opened, mail };
  });
  return { cycle: await cycleDetail(db, caller.user, row, deps.clock.now()), mail };
}
