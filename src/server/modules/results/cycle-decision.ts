/**
 * What the Steering Committee's decisions share (approve, return for review, publish, revise): the
 * cycle as the answer shows it, the reason a decision records, and the state change itself — one
 * step of the cycle's table in a short transaction on the locked row, with the decision's rule
 * asked again under the lock so that nothing moved between the check and the write.
 */
import type { Text } from '../../../core/types.ts';
import type { CycleState } from '../../db/schema.ts';
import { invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize, type Verdict } from '../../platform/policy.ts';
import { STATE_LABELS, transitionCycle } from '../cycles/cycle-states.ts';
import { type CycleRow, lockCycle } from '../cycles/cycles.repo.ts';
import { cycleNotFound } from './result-document.ts';
import type { CycleStateView } from './results.schema.ts';

export const cycleView = (c: CycleRow): CycleStateView => ({
  id: c.id,
  year: c.year,
  title: c.title,
  state: c.state,
  stateLabel: STATE_LABELS[c.state],
  version: c.version,
  approvedAt: c.approvedAt?.toISOString() ?? null,
  approvedBy: c.approvedBy,
  approvalNote: c.approvalNote,
  publishedAt: c.publishedAt?.toISOString() ?? null,
});

/** A free text as recorded: NFC, trimmed; null when empty. */
export const textOf = (text: string | undefined): string | null => text?.normalize('NFC').trim() || null;

/** A required free-text reason: trimmed, not empty (else 400 naming the field, with `why`). */
export function requiredReason(reason: string | undefined, why: Text): string {
  const r = textOf(reason);
  if (!r) throw invalid('reason', why);
  return r;
}

/** The approval fields a return or a correction clears. */
export const NOT_APPROVED = { approvedAt: null, approvedBy: null, approvalNote: null } as const;

type Patch = Parameters<typeof transitionCycle>[5];

/**
 * Moves the cycle to `to` in a short transaction on the locked row: the rule asked again on the
 * row as it is now, then the table's step (which bumps the version and writes the audit row).
 */
export async function moveCycle(
  deps: AppDeps,
  caller: Caller,
  cycleId: string,
  step: {
    to: CycleState;
    rule: (cycle: CycleRow) => Verdict;
    patch: (now: Date) => Patch;
    reason: string | null;
  },
): Promise<CycleRow> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const cycle = await lockCycle(tx, cycleId);
    if (!cycle) throw cycleNotFound();
    authorize(step.rule(cycle));
    return transitionCycle(tx, caller, cycle, step.to, now, step.patch(now), step.reason ?? undefined);
  });
}
