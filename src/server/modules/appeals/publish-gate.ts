/**
 * What the first publication of a cycle waits for (results/publish.ts asks it under the cycle's
 * lock): the appeal period over and every appeal answered. The approver may publish anyway with a
 * reason, recorded in the audit log as `appeal.publish_override`.
 */
import { formatDate } from '../../../core/format.ts';
import type { Text } from '../../../core/types.ts';
import type { Executor } from '../../db/open.ts';
import { audit } from '../../platform/audit.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import type { Caller } from '../../platform/http.ts';
import type { CycleRow } from '../cycles/cycles.repo.ts';
import { periodOf } from './appeal-context.ts';
import { publishWaitsFor } from './appeals.policy.ts';
import * as repo from './appeals.repo.ts';

/** What publication waits for now, in words, or null. */
export async function publishBlock(tx: Executor, cycle: CycleRow, now: Date): Promise<Text | null> {
  const period = periodOf(cycle, now);
  return publishWaitsFor({
    periodOpen: period.open,
    lastDay: period.lastDay ? formatDate(period.lastDay) : null,
    openAppeals: await repo.countOpen(tx, cycle.id),
  });
}

/**
 * In the publication's transaction, on the locked cycle: passes when nothing is waited for; with
 * an override reason (at least 5 characters) records it and passes; else 409 saying what is waited for.
 */
export async function checkAppealsBeforePublishing(
  tx: Executor,
  caller: Caller,
  cycle: CycleRow,
  now: Date,
  override: string | undefined,
): Promise<void> {
  const waits = await publishBlock(tx, cycle, now);
  if (!waits) return;
  const reason = override?.normalize('NFC').trim() ?? '';
  if (!reason)
    throw conflict(
      'appeals_pending',
      {
        vi: `${waits.vi}. Người phê duyệt vẫn có thể công bố nếu ghi lý do công bố trước khi xong kiến nghị.`,
        en: `${waits.en}. The approver may still publish, giving the reason for not waiting.`,
      },
      'appealOverride',
    );
  if ([...reason].length < 5)
    throw invalid('appealOverride', {
      vi: 'Lý do công bố khi chưa xong kiến nghị phải có ít nhất 5 ký tự',
      en: 'The reason for publishing before the appeals are done needs at least 5 characters',
    });
  await audit(tx, caller, now, {
    action: 'appeal.publish_override',
    entityType: 'cycle',
    entityId: cycle.id,
    cycleId: cycle.id,
    oldValue: { waits: waits.vi },
    reason,
  });
}
