/**
 * The Steering Committee publishes an approved result (R11): it is frozen as the next revision
 * (published_snapshots, which a trigger keeps from UPDATE and DELETE) and the cycle is marked
 * published. Publishing again after a correction needs the reason. The document is built and hashed
 * before the transaction; the transaction only checks that nothing moved meanwhile (the cycle's
 * version read before scoring, the last revision) and writes. The first publication also waits for
 * the agencies' appeals (appeals/publish-gate.ts) unless the approver overrides with a reason.
 */
import { audit } from '../../platform/audit.ts';
import { contentHash } from '../../platform/canonical.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { checkAppealsBeforePublishing } from '../appeals/publish-gate.ts';
import { transitionCycle } from '../cycles/cycle-states.ts';
import { lockCycle } from '../cycles/cycles.repo.ts';
import { cycleView, requiredReason, textOf } from './cycle-decision.ts';
import { cycleNotFound, loadCycle, officialDocument, revisionMeta } from './result-document.ts';
import { canPublish } from './results.policy.ts';
import * as repo from './results.repo.ts';
import type { CycleParams, PublicationDecision, PublishBody, PublishResult } from './results.schema.ts';

export async function publish(
  deps: AppDeps,
  caller: Caller,
  input: CycleParams & NonNullable<PublishBody>,
): Promise<PublishResult> {
  const db = deps.database.db;
  const cycle = await loadCycle(db, input.id);
  authorize(canPublish(caller.user, cycle));
  const last = await repo.lastRevisionNumber(db, cycle.id);
  const reason =
    last > 0
      ? requiredReason(input.reason, {
          vi: `Kết quả đã được công bố ${last} lần. Công bố lại cần ghi lý do điều chỉnh (reason)`,
          en: `The result was already published ${last} time(s). Publishing again needs the reason for the correction (reason)`,
        })
      : textOf(input.reason);
  const decision = decisionInput(input.decision);

  const now = deps.clock.now();
  const revision = last + 1;
  const { content, criteriaVersionId } = await officialDocument(db, cycle, {
    revision,
    reason,
    publishedAt: now,
  });
  const hash = contentHash(content);

  const { updated, snapshot } = await db.transaction(async (tx) => {
    const locked = await lockCycle(tx, cycle.id);
    if (!locked) throw cycleNotFound();
    if ((await repo.lastRevisionNumber(tx, cycle.id)) !== last)
      throw conflict('already_published', {
        vi: 'Kết quả vừa được người khác công bố. Hãy tải lại trang.',
        en: 'Someone else has just published this result. Reload the page.',
      });
    // The agencies' appeals concern the first publication; a revision is decided on its own reason.
    if (last === 0) await checkAppealsBeforePublishing(tx, caller, locked, now, input.appealOverride);
    // The version read before scoring: a change meanwhile answers 409 stale instead of freezing old data.
    const updated = await transitionCycle(
      tx,
      caller,
      cycle,
      'published',
      now,
      { publishedAt: now },
      reason ?? undefined,
    );
    const snapshot = await repo.insertSnapshot(tx, {
      cycleId: cycle.id,
      revision,
      reason,
      criteriaVersionId,
      content,
      contentHash: hash,
      publishedBy: caller.user.id,
      publishedAt: now,
      ...decision,
    });
    await audit(tx, caller, now, {
      action: 'results.publish',
      entityType: 'published_snapshot',
      entityId: snapshot.id,
      cycleId: cycle.id,
      newValue: {
        revision: snapshot.revision,
        contentHash: hash,
        criteriaVersionId,
        decisionNumber: decision.decisionNumber,
        decisionDate: decision.decisionDate,
      },
      reason,
    });
    return { updated, snapshot };
  });
  return { cycle: cycleView(updated), revision: await revisionMeta(db, snapshot) };
}

/** The decision's fields as stored: NFC text, a real calendar date (else 400 naming the field). */
function decisionInput(d: PublicationDecision | undefined) {
  if (!d) return { decisionNumber: null, decisionDate: null, signerName: null, signerTitle: null };
  const parsed = new Date(`${d.date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== d.date)
    throw invalid('decision.date', {
      vi: `Ngày ký quyết định "${d.date}" không có thật`,
      en: `The decision date "${d.date}" does not exist`,
    });
  return {
    decisionNumber: d.number.normalize('NFC'),
    decisionDate: d.date,
    signerName: d.signerName.normalize('NFC'),
    signerTitle: d.signerTitle.normalize('NFC'),
  };
}
