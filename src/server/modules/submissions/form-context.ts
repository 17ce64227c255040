/**
 * The form a use case works on: the cycle, the agency as the cycle's roster froze it, the stored
 * form and the criteria of the agency's group, read together (one query; the compiled criteria
 * come from the cache), with the facts the policy's predicates decide on.
 */
import type { CompiledGroup, CompiledSet } from '../../../core/criteria/compile.ts';
import type { CriteriaSet } from '../../../core/criteria/schema.ts';
import type { Executor } from '../../db/open.ts';
import { notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { lockCycle } from '../cycles/cycles.repo.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { alreadySubmitted, cycleNotOpen, type FormFacts } from './submissions.policy.ts';
import * as repo from './submissions.repo.ts';

export interface FormContext {
  readonly cycle: repo.CycleRow;
  readonly roster: repo.RosterRow;
  readonly submission: repo.SubmissionRow | null;
  readonly set: CriteriaSet;
  readonly compiled: CompiledSet;
  readonly group: CompiledGroup;
  readonly facts: FormFacts;
}

export const factsOf = (
  agencyId: string,
  cycle: repo.CycleRow,
  submission: repo.SubmissionRow | null | undefined,
): FormFacts => ({
  agencyId,
  cycle: { year: cycle.year, state: cycle.state, deadline: cycle.deadline },
  submission: submission ? { status: submission.status, submittedAt: submission.submittedAt } : null,
});

/** The form of an agency in a cycle; 404 when the cycle does not exist or does not evaluate the agency. */
export async function loadForm(db: Executor, cycleId: string, agencyId: string): Promise<FormContext> {
  const row = await repo.formRow(db, cycleId, agencyId);
  if (!row) throw notFound({ vi: 'kỳ đánh giá', en: 'evaluation cycle' });
  const { cycle, roster, submission } = row;
  if (!roster)
    throw notFound({
      vi: `cơ quan này trong danh sách đánh giá năm ${cycle.year}`,
      en: `this agency on the ${cycle.year} roster`,
    });
  const { set, compiled } = await criteriaVersion(db, cycle.criteriaVersionId);
  const group = compiled.groupsById.get(roster.groupId);
  if (!group)
    throw new Error(`group ${roster.groupId} is not in criteria version ${cycle.criteriaVersionId}`);
  return { cycle, roster, submission, set, compiled, group, facts: factsOf(agencyId, cycle, submission) };
}

/**
 * Inside a write transaction that is not a draft save (a claim, a file, a submission): the cycle
 * locked, so that a state change or a deadline extension cannot interleave, and still open; the
 * form locked and still a draft (created empty when `create` and there is none yet).
 */
export async function lockDraft(
  tx: Executor,
  ctx: FormContext,
  userId: string,
  now: Date,
  create: boolean,
): Promise<repo.SubmissionRow | undefined> {
  const cycle = await lockCycle(tx, ctx.cycle.id);
  if (!cycle) throw notFound({ vi: 'kỳ đánh giá', en: 'evaluation cycle' });
  let row = await repo.lockSubmission(tx, cycle.id, ctx.roster.agencyId);
  authorize(canEditFormLocked(cycle, row));
  if (!row && create) {
    row = await repo.insertEmptyDraft(tx, { cycleId: cycle.id, agencyId: ctx.roster.agencyId, now, userId });
    row ??= await repo.lockSubmission(tx, cycle.id, ctx.roster.agencyId);
  }
  return row;
}

/** The state part of the edit rule, asked again under the locks (the caller was authorized before). */
const canEditFormLocked = (cycle: repo.CycleRow, row: repo.SubmissionRow | undefined) =>
  cycle.state !== 'open'
    ? cycleNotOpen(cycle)
    : row?.status === 'submitted'
      ? alreadySubmitted(row.submittedAt)
      : true;
