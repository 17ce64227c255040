/**
 * A reporter takes a submitted form back to draft, before the deadline only, with a reason; the
 * values are kept, and the form must be submitted again (R9).
 */
import { audit } from '../../platform/audit.ts';
import { invalid, notFound, stale } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { lockCycle } from '../cycles/cycles.repo.ts';
import { factsOf, loadForm } from './form-context.ts';
import { formState } from './form-views.ts';
import { clean, instantVnSeconds, iso, reasonProblem } from './form-words.ts';
import { canWithdraw } from './submissions.policy.ts';
import * as repo from './submissions.repo.ts';
import type { FormParams, WithdrawResult } from './submissions.schema.ts';

export async function withdraw(
  deps: AppDeps,
  caller: Caller,
  input: FormParams & { reason: string },
): Promise<WithdrawResult> {
  const db = deps.database.db;
  const form = await loadForm(db, input.cycleId, input.agencyId);
  authorize(canWithdraw(caller.user, form.facts, deps.clock.now()));
  const reason = clean(input.reason);
  const problem = reasonProblem(reason, { vi: 'Lý do rút phiếu', en: 'The reason for withdrawing' });
  if (problem) throw invalid('reason', problem);

  await db.transaction(async (tx) => {
    // Asked again under the locks, with the clock read there: the deadline may pass meanwhile.
    const cycle = await lockCycle(tx, input.cycleId);
    if (!cycle) throw notFound({ vi: 'kỳ đánh giá', en: 'evaluation cycle' });
    const row = await repo.lockSubmission(tx, input.cycleId, input.agencyId);
    const now = deps.clock.now();
    authorize(canWithdraw(caller.user, factsOf(input.agencyId, cycle, row), now));
    const updated = await repo.markWithdrawn(tx, row!.id, now, caller.user.id);
    if (!updated) throw stale({ version: row!.version });
    await audit(tx, caller, now, {
      action: 'submission.withdraw',
      entityType: 'submission',
      entityId: row!.id,
      cycleId: input.cycleId,
      agencyId: input.agencyId,
      oldValue: {
        status: 'submitted',
        submittedAt: iso(row!.submittedAt),
        contentHash: row!.contentHash,
        attestedName: row!.attestedName,
        attestedTitle: row!.attestedTitle,
      },
      newValue: { status: 'draft', withdrawnCount: updated.withdrawnCount },
      reason,
    });
  });
  const deadline = instantVnSeconds(form.cycle.deadline);
  return {
    message: `Đã rút phiếu về dạng nháp; số liệu được giữ nguyên. Hãy nộp lại trước hạn chót ${deadline} (giờ Việt Nam).`,
    messageEn: `The form is back to draft; its values are kept. Submit it again before the deadline ${deadline} (Vietnam time).`,
    state: await formState(
      db,
      caller.user,
      await loadForm(db, input.cycleId, input.agencyId),
      deps.clock.now(),
    ),
  };
}
