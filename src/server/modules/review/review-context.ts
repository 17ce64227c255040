/**
 * What the review's use cases work on, read together with the facts the policy decides on: the
 * cycle; one agency of its roster with its submission; a query with its cycle; the criteria of
 * the agency's group. Writes ask their rule again under the cycle's share lock (`lockReview`), so
 * that the cycle cannot be approved or published while a review change is written.
 */
import type { CompiledGroup, CompiledSet } from '../../../core/criteria/compile.ts';
import type { CriteriaSet } from '../../../core/criteria/schema.ts';
import type { Executor } from '../../db/open.ts';
import { notFound } from '../../platform/errors.ts';
import { type CycleRow, findCycle } from '../cycles/cycles.repo.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import type { QueryFacts, ReviewFacts } from './review.policy.ts';
import * as repo from './review.repo.ts';

export type SubmissionRow = NonNullable<Awaited<ReturnType<typeof repo.submissionOf>>>;
export type RosterEntry = NonNullable<Awaited<ReturnType<typeof repo.rosterEntry>>>;

export interface ReviewContext {
  readonly cycle: CycleRow;
  readonly entry: RosterEntry;
  readonly submission: SubmissionRow | undefined;
  readonly facts: ReviewFacts;
}

export const reviewFacts = (
  cycle: Pick<CycleRow, 'year' | 'state'>,
  submission: Pick<SubmissionRow, 'status'> | undefined,
): ReviewFacts => ({
  cycle: { year: cycle.year, state: cycle.state },
  submission: submission ? { status: submission.status } : null,
});

/** The cycle, or 404. */
export async function loadCycle(db: Executor, cycleId: string): Promise<CycleRow> {
  const cycle = await findCycle(db, cycleId);
  if (!cycle) throw notFound({ vi: 'kỳ đánh giá', en: 'cycle' });
  return cycle;
}

/** The agency as the cycle's roster froze it, or 404. */
export async function loadEntry(db: Executor, cycle: CycleRow, agencyId: string): Promise<RosterEntry> {
  const entry = await repo.rosterEntry(db, cycle.id, agencyId);
  if (!entry)
    throw notFound({
      vi: `cơ quan trong danh sách đánh giá năm ${cycle.year}`,
      en: `agency on the ${cycle.year} roster`,
    });
  return entry;
}

/** One agency's review: the cycle, its roster entry and its submission (404 when either is unknown). */
export async function loadReview(db: Executor, cycleId: string, agencyId: string): Promise<ReviewContext> {
  const cycle = await loadCycle(db, cycleId);
  const entry = await loadEntry(db, cycle, agencyId);
  const submission = await repo.submissionOf(db, cycle.id, agencyId);
  return { cycle, entry, submission, facts: reviewFacts(cycle, submission) };
}

/**
 * Inside a write transaction: the cycle share-locked (it cannot change state until the end) and
 * the submission as it is now (locked too when `lockSubmission`), with the facts to ask the rule again.
 */
export async function lockReview(
  tx: Executor,
  ctx: ReviewContext,
  options: { lockSubmission?: boolean } = {},
): Promise<{ submission: SubmissionRow | undefined; facts: ReviewFacts }> {
  const cycle = (await repo.shareLockCycle(tx, ctx.cycle.id)) ?? ctx.cycle;
  const submission =
    options.lockSubmission && ctx.submission
      ? await repo.lockSubmission(tx, ctx.submission.id)
      : await repo.submissionOf(tx, ctx.cycle.id, ctx.entry.agencyId);
  return { submission, facts: reviewFacts(cycle, submission) };
}

export interface QueryContext {
  readonly query: repo.QueryRow;
  readonly agencyId: string;
  readonly cycle: CycleRow;
  readonly facts: QueryFacts;
}

const queryFacts = (cycle: Pick<CycleRow, 'year' | 'state'>, agencyId: string, query: repo.QueryRow) => ({
  agencyId,
  cycle: { year: cycle.year, state: cycle.state },
  status: query.status,
});

/** A query of the cycle with the agency it asks, or 404 (also when it belongs to another cycle). */
export async function loadQuery(db: Executor, cycleId: string, queryId: string): Promise<QueryContext> {
  const found = await repo.findQuery(db, queryId);
  if (!found || found.cycleId !== cycleId) throw notFound({ vi: 'câu hỏi', en: 'query' });
  const cycle = await loadCycle(db, cycleId);
  return {
    query: found.query,
    agencyId: found.agencyId,
    cycle,
    facts: queryFacts(cycle, found.agencyId, found.query),
  };
}

/** Inside a write transaction: the query locked, the cycle share-locked when asked, with the facts to ask the rule again. */
export async function lockQuery(
  tx: Executor,
  ctx: QueryContext,
  options: { lockCycle?: boolean } = {},
): Promise<QueryContext> {
  const cycle = options.lockCycle ? ((await repo.shareLockCycle(tx, ctx.cycle.id)) ?? ctx.cycle) : ctx.cycle;
  const query = (await repo.findQuery(tx, ctx.query.id, true))!.query;
  return { query, agencyId: ctx.agencyId, cycle, facts: queryFacts(cycle, ctx.agencyId, query) };
}

/** The criteria of the agency's group in the cycle's criteria version. */
export async function groupOf(
  db: Executor,
  cycle: CycleRow,
  groupId: string,
): Promise<{ set: CompiledSet; raw: CriteriaSet; group: CompiledGroup }> {
  const { set: raw, compiled } = await criteriaVersion(db, cycle.criteriaVersionId);
  const group = compiled.groupsById.get(groupId);
  if (!group) throw new Error(`group ${groupId} is not in criteria version ${cycle.criteriaVersionId}`);
  return { set: compiled, raw, group };
}
