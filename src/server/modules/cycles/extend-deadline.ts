/**
 * The administrator moves the deadline of the whole cycle (there is no per-agency extension, R9):
 * only while the cycle is open and before the current deadline has passed, to a later instant
 * before the publication date, by a recorded decision with its reason. Every roster agency's
 * reporters are told by e-mail, queued in the same transaction and sent by a worker.
 */
import { audit } from '../../platform/audit.ts';
import { invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { instantOf, requiredText } from './cycle-fields.ts';
import { extensionMail, instantVn } from './cycle-texts.ts';
import { cycleDetail, loadCycle, lockCycle } from './cycle-views.ts';
import { canExtendDeadline } from './cycles.policy.ts';
import * as repo from './cycles.repo.ts';
import type { CycleParams, CycleWithMail, ExtendDeadlineBody } from './cycles.schema.ts';
import { queueRosterMail } from './roster-mail.ts';

/** The new deadline is later than the current one and before the publication date. */
function checkNewDeadline(deadline: Date, cycle: Pick<repo.CycleRow, 'deadline' | 'publishBy'>) {
  if (deadline <= cycle.deadline)
    throw invalid('deadline', {
      vi: `Hạn nộp mới (trước ${instantVn(deadline)}) phải sau hạn hiện tại (trước ${instantVn(cycle.deadline)})`,
      en: 'The new deadline must be later than the current one',
    });
  if (deadline >= cycle.publishBy)
    throw invalid('deadline', {
      vi: `Hạn nộp mới (trước ${instantVn(deadline)}) phải trước hạn công bố kết quả (${instantVn(cycle.publishBy)})`,
      en: 'The new deadline must be before the publication date',
    });
}

export async function extendDeadline(
  deps: AppDeps,
  caller: Caller,
  input: CycleParams & ExtendDeadlineBody,
): Promise<CycleWithMail> {
  const db = deps.database.db;
  const { id } = input;
  const now = deps.clock.now();
  authorize(canExtendDeadline(caller.user, await loadCycle(db, id), now));
  const deadline = instantOf('deadline', input.deadline, { vi: 'Hạn nộp mới', en: 'The new deadline' });
  const reason = requiredText('reason', input.reason, { vi: 'lý do gia hạn', en: 'The reason' });
  const decisionRef = requiredText('decisionRef', input.decisionRef, {
    vi: 'số, ký hiệu văn bản quyết định gia hạn (ví dụ "Công văn số 1234/STTTT-CNTT")',
    en: 'The decision reference',
  });
  const { row, mail } = await db.transaction(async (tx) => {
    const before = await lockCycle(tx, id);
    // Asked again under the lock: another extension or a closing may have come first.
    authorize(canExtendDeadline(caller.user, before, now));
    checkNewDeadline(deadline, before);
    await repo.insertExtension(tx, {
      cycleId: id,
      oldDeadline: before.deadline,
      newDeadline: deadline,
      reason,
      decisionRef,
      decidedBy: caller.user.id,
      createdAt: now,
    });
    const updated = (await repo.updateCycle(tx, id, before.version, { deadline, updatedAt: now }))!;
    await audit(tx, caller, now, {
      action: 'cycle.extend_deadline',
      entityType: 'cycle',
      entityId: id,
      cycleId: id,
      field: 'deadline',
      oldValue: before.deadline.toISOString(),
      newValue: deadline.toISOString(),
      reason: `${decisionRef}: ${reason}`,
    });
    const change = { oldDeadline: before.deadline, reason, decisionRef };
    const mail = await queueRosterMail(
      tx,
      id,
      now,
      (agency, to) => extensionMail(updated, agency, to, change, deps.config.publicUrl),
      deps.mailer.enabled,
    );
    return { row: updated, mail };
  });
  return { cycle: await cycleDetail(db, caller.user, row, deps.clock.now()), mail };
}
