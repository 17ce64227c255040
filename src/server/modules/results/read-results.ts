/**
 * Reading a cycle's result (R7, R11, R20): the ranking of both groups — the latest published
 * revision, or the staff's provisional preview built live — the list of published revisions, and
 * one revision exactly as it was frozen.
 */

import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { lineagesOf } from '../agencies/lineage.ts';
import { STATE_LABELS } from '../cycles/cycle-states.ts';
import { decisionOf, documentOf, loadCycle, loadResult } from './result-document.ts';
import { canListRevisions, canReadResults } from './results.policy.ts';
import * as repo from './results.repo.ts';
import type {
  CycleParams,
  PreviewQuery,
  ResultsView,
  RevisionDocument,
  RevisionList,
  RevisionParams,
} from './results.schema.ts';

/** The ranking of both groups: the latest published revision, or with `preview` the live one. */
export async function readResults(
  deps: AppDeps,
  caller: Caller,
  input: CycleParams & Partial<PreviewQuery>,
): Promise<ResultsView> {
  const preview = input.preview === true;
  const ctx = await loadResult(deps.database.db, input.id, { preview });
  authorize(canReadResults(caller.user, ctx.facts, preview));
  const { content, revision } = await documentOf(deps, ctx);
  const { cycle } = ctx;
  const lineage = await lineagesOf(
    deps.database.db,
    content.agencies.map((a) => a.agencyId),
  );
  return {
    cycle: {
      id: cycle.id,
      year: cycle.year,
      title: cycle.title,
      state: cycle.state,
      stateLabel: STATE_LABELS[cycle.state],
    },
    preview: revision === null,
    revision,
    criteria: content.criteria,
    classes: content.classes,
    groups: content.groups,
    // Read live, not frozen: a later rename or merger labels this year's units in later trends.
    lineage: Object.fromEntries(lineage),
  };
}

/** Every published revision of a cycle, newest first. */
export async function listRevisions(
  deps: AppDeps,
  caller: Caller,
  input: CycleParams,
): Promise<RevisionList> {
  const db = deps.database.db;
  const cycle = await loadCycle(db, input.id);
  const rows = await repo.listRevisions(db, cycle.id);
  authorize(canListRevisions(caller.user, { cycle, published: rows.length > 0 }));
  return {
    revisions: rows.map((r) => ({
      number: r.revision,
      reason: r.reason,
      publishedAt: r.publishedAt.toISOString(),
      publishedBy: r.publishedByName,
      contentHash: r.contentHash,
      decision: decisionOf(r),
    })),
  };
}

/** One frozen revision, exactly as stored, with its hash checked. */
export async function readRevision(
  deps: AppDeps,
  caller: Caller,
  input: RevisionParams,
): Promise<RevisionDocument> {
  const ctx = await loadResult(deps.database.db, input.id, { revision: input.n });
  authorize(canReadResults(caller.user, ctx.facts, false));
  const { content, revision } = await documentOf(deps, ctx);
  return { revision: revision!, content };
}
