/**
 * The result a reader gets (R7, R11, R20): the latest published revision of a cycle, or the one
 * asked for, exactly as frozen, with its hash checked; or, for the staff's preview, the document
 * that publication would freeze now, built live from the official data. Loading reads the facts
 * the policy decides on (the cycle, whether anything is published) and the stored revision; the
 * live document, which scores the whole cycle, is built only after the reader is authorized.
 */
import type { Executor } from '../../db/open.ts';
import { contentHash } from '../../platform/canonical.ts';
import { notFound } from '../../platform/errors.ts';
import type { AppDeps } from '../../platform/http.ts';
import { type CycleRow, findCycle } from '../cycles/cycles.repo.ts';
import { officialResult } from '../review/official.ts';
import type { ResultFacts } from './results.policy.ts';
import * as repo from './results.repo.ts';
import type { PublicationDecision, RevisionMeta, SnapshotContent } from './results.schema.ts';
import { buildSnapshot } from './snapshot.ts';

export const cycleNotFound = () => notFound({ vi: 'kỳ đánh giá', en: 'evaluation cycle' });

/** The cycle of a result, or 404. */
export async function loadCycle(db: Executor, id: string): Promise<CycleRow> {
  const cycle = await findCycle(db, id);
  if (!cycle) throw cycleNotFound();
  return cycle;
}

/** What a reader asked for: the live preview, or a published revision (the latest without a number). */
export interface Asked {
  readonly preview?: boolean | undefined;
  readonly revision?: number | undefined;
}

export interface ResultContext {
  readonly cycle: CycleRow;
  readonly asked: Asked;
  /** The stored revision asked for; undefined for a preview, or when there is no such revision. */
  readonly stored: repo.SnapshotRow | undefined;
  readonly facts: ResultFacts;
}

/** The cycle, the revision asked for, and whether anything of the cycle is published. */
export async function loadResult(db: Executor, cycleId: string, asked: Asked): Promise<ResultContext> {
  const cycle = await loadCycle(db, cycleId);
  const stored = asked.preview ? undefined : await repo.snapshotOf(db, cycle.id, asked.revision);
  const published = stored !== undefined || (await repo.lastRevisionNumber(db, cycle.id)) > 0;
  return { cycle, asked, stored, facts: { cycle, published } };
}

/** The decision stored with a revision (migration 0007), or null when none was entered. */
export function decisionOf(row: {
  decisionNumber: string | null;
  decisionDate: string | null;
  signerName: string | null;
  signerTitle: string | null;
}): PublicationDecision | null {
  if (!row.decisionNumber || !row.decisionDate) return null;
  return {
    number: row.decisionNumber,
    date: row.decisionDate,
    signerName: row.signerName ?? '',
    signerTitle: row.signerTitle ?? '',
  };
}

/** A stored revision's identity, its publisher by name, and whether its document still hashes to its hash. */
export async function revisionMeta(db: Executor, row: repo.SnapshotRow): Promise<RevisionMeta> {
  return {
    number: row.revision,
    reason: row.reason,
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: await repo.userName(db, row.publishedBy),
    contentHash: row.contentHash,
    decision: decisionOf(row),
    verified: contentHash(row.content) === row.contentHash,
  };
}

/** The document of the cycle's official result as publication would freeze it with `meta`. */
export async function officialDocument(
  db: Executor,
  cycle: CycleRow,
  meta: { revision: number; reason: string | null; publishedAt: Date },
): Promise<{ content: SnapshotContent; criteriaVersionId: string }> {
  const official = await officialResult(db, cycle);
  const criteria = await repo.criteriaVersionRef(db, cycle.criteriaVersionId);
  if (!criteria)
    throw new Error(`criteria version ${cycle.criteriaVersionId} of cycle ${cycle.id} is missing`);
  return { content: buildSnapshot(official, cycle, criteria, meta), criteriaVersionId: criteria.id };
}

/**
 * The document of an authorized reader: the live one for a preview (no revision yet), else the
 * stored revision (404 when the number asked for was never published).
 */
export async function documentOf(
  deps: AppDeps,
  ctx: ResultContext,
): Promise<{ content: SnapshotContent; revision: RevisionMeta | null }> {
  const db = deps.database.db;
  if (ctx.asked.preview) {
    const live = await officialDocument(db, ctx.cycle, {
      revision: 0,
      reason: null,
      publishedAt: deps.clock.now(),
    });
    return { content: live.content, revision: null };
  }
  const row = ctx.stored;
  if (!row)
    throw notFound({ vi: `lần công bố thứ ${ctx.asked.revision}`, en: `revision ${ctx.asked.revision}` });
  return { content: row.content as SnapshotContent, revision: await revisionMeta(db, row) };
}
