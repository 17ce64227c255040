/**
 * An assessor removes a website check recorded by mistake (R5), with an optional reason in the
 * audit row; refused once a result the check counts for is approved or published (R11).
 */
import { audit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { cyclesCountingFor, loadAgency } from './check-context.ts';
import { canRemoveWebsiteCheck, checksOpenFor } from './website-checks.policy.ts';
import * as repo from './website-checks.repo.ts';
import type { CheckParams } from './website-checks.schema.ts';

const noCheck = () => notFound({ vi: 'kết quả kiểm tra trang TTĐT', en: 'website check' });

export async function removeWebsiteCheck(
  deps: AppDeps,
  caller: Caller,
  input: CheckParams & { reason?: string | null | undefined },
): Promise<void> {
  const db = deps.database.db;
  await loadAgency(db, input.agencyId);
  const found = await repo.findCheck(db, input.agencyId, input.checkId);
  if (!found) throw noCheck();
  authorize(
    canRemoveWebsiteCheck(caller.user, {
      checkedAt: found.checkedAt,
      countsFor: await cyclesCountingFor(db, found.checkedAt),
    }),
  );
  const reason = input.reason?.normalize('NFC').trim() || null;
  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    // Asked again under the cycles' share lock: none of them may be approved or published meanwhile.
    const check = await repo.findCheck(tx, input.agencyId, input.checkId);
    if (!check) throw noCheck();
    const countsFor = await cyclesCountingFor(tx, check.checkedAt, true);
    authorize(checksOpenFor(check.checkedAt, countsFor, 'remove'));
    // Another removal of the same check may have won since it was read: then there is nothing to remove.
    if ((await repo.deleteCheck(tx, check.id)).length === 0) throw noCheck();
    await audit(tx, caller, now, {
      action: 'website_check.delete',
      entityType: 'website_check',
      entityId: check.id,
      cycleId: countsFor[0]?.id ?? null,
      agencyId: input.agencyId,
      oldValue: {
        checkedAt: check.checkedAt.toISOString(),
        values: check.values,
        note: check.note,
        source: check.source,
      },
      reason,
    });
  });
}
