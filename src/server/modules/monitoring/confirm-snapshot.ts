/**
 * An assessor confirms a proposed snapshot (R5): per monitoring field, the proposed value is kept
 * or replaced with a reason (required when it changes, and when the detector could not decide).
 * The confirmed values become a website check of source `crawler`, linked to the snapshot and
 * dated when the site was visited; scoring counts it for the cycles whose monitoring period holds
 * that date, so it is refused once such a cycle's result is approved or published.
 */
import { audit } from '../../platform/audit.ts';
import { invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { cyclesCountingFor } from '../website-checks/check-context.ts';
import { criteriaForAgency, validateCheckValues } from '../website-checks/check-values.ts';
import { checksOpenFor } from '../website-checks/website-checks.policy.ts';
import { insertCheck } from '../website-checks/website-checks.repo.ts';
import { canConfirmSnapshot } from './monitoring.policy.ts';
import * as repo from './monitoring.repo.ts';
import type { ConfirmBody, SnapshotAnswer, SnapshotParams } from './monitoring.schema.ts';
import type { StoredFinding } from './monitoring-views.ts';
import { fieldNamer, loadSnapshot, snapshotDetail } from './snapshot-context.ts';

type Decision = { value: boolean | number | null; changed: boolean; reason: string | null };

export async function confirmSnapshot(
  deps: AppDeps,
  caller: Caller,
  input: SnapshotParams & ConfirmBody,
): Promise<SnapshotAnswer> {
  const db = deps.database.db;
  const snapshot = await loadSnapshot(db, input.snapshotId);
  authorize(canConfirmSnapshot(caller.user, snapshot.state));
  const agency = (await repo.findAgency(db, snapshot.agencyId))!;
  const { set, group } = await criteriaForAgency(db, agency);
  const nameOf = await fieldNamer(db, agency);
  const proposed = new Map(
    ((snapshot.findings ?? []) as StoredFinding[]).map((f) => [f.field, f.value ?? null]),
  );

  const decisions: Record<string, Decision> = {};
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(input.fields))
    if (!proposed.has(key) && group.fieldsByKey.get(key)?.source !== 'monitoring')
      throw invalid(`fields.${key}`, {
        vi: `"${key}" không phải mục kiểm tra trang TTĐT của cơ quan này`,
        en: `"${key}" is not a website-check item of this agency`,
      });
  for (const field of group.fields.filter((f) => f.source === 'monitoring')) {
    const key = field.key;
    const given = input.fields[key];
    const before = proposed.has(key) ? proposed.get(key)! : null;
    const value = given ? given.value : before;
    const changed = value !== before;
    const reason = given?.reason?.normalize('NFC').trim() || null;
    if (changed && !reason)
      throw invalid(`fields.${key}.reason`, {
        vi:
          before === null
            ? `"${nameOf(key).vi}": hệ thống không tự xác định được, cần ghi lý do cho giá trị bạn nhập`
            : `"${nameOf(key).vi}": đổi giá trị đề xuất thì phải ghi lý do`,
        en: `"${nameOf(key).en}": a changed value needs a reason`,
      });
    decisions[key] = { value, changed, reason };
    if (value !== null) values[key] = value;
  }
  // The same checks as a manual one: every required item, each well typed (unless the site was down).
  const checked = validateCheckValues(set, group, values);
  const note = input.note?.normalize('NFC').trim() || null;
  const now = deps.clock.now();
  const checkedAt = snapshot.startedAt;

  await db.transaction(async (tx) => {
    const current = await repo.lockSnapshot(tx, snapshot.id);
    // Asked again under the lock: another assessor may have confirmed it meanwhile.
    authorize(canConfirmSnapshot(caller.user, current!.state));
    const countsFor = await cyclesCountingFor(tx, checkedAt, true);
    authorize(checksOpenFor(checkedAt, countsFor, 'add'));
    const { id: checkId } = await insertCheck(tx, {
      agencyId: agency.id,
      checkedAt,
      values: checked,
      note,
      checkedBy: caller.user.id,
      snapshotId: snapshot.id,
      now,
    });
    await repo.markConfirmed(tx, snapshot.id, { by: caller.user.id, at: now, decisions, state: 'confirmed' });
    const changed = Object.entries(decisions).filter(([, d]) => d.changed);
    await audit(tx, caller, now, {
      action: 'monitoring.snapshot.confirm',
      entityType: 'website_check',
      entityId: checkId,
      cycleId: countsFor[0]?.id ?? null,
      agencyId: agency.id,
      oldValue: { snapshotId: snapshot.id, proposed: Object.fromEntries(proposed) },
      newValue: { checkedAt: checkedAt.toISOString(), values: checked, note },
      reason: changed.length ? changed.map(([k, d]) => `${k}: ${d.reason}`).join('; ') : null,
    });
  });
  return { snapshot: await snapshotDetail(db, await loadSnapshot(db, snapshot.id)) };
}
