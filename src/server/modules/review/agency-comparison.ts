/**
 * One agency's self-assessment against its official score, criterion by criterion, with the
 * reason of each difference (compare.ts), read from the database: the review page shows it to
 * the department, the agency's result page to the agency after publication (issue 12).
 */
import type { CompiledSet } from '../../../core/criteria/compile.ts';
import type { Executor } from '../../db/open.ts';
import type { CycleRow } from '../cycles/cycles.repo.ts';
import { type AgencyRecord, officialData, selfInput } from '../scoring/cycle-data.ts';
import { compare, type FieldReview } from './compare.ts';
import * as repo from './review.repo.ts';
import type { Comparison } from './review.schema.ts';

export async function agencyComparison(
  db: Executor,
  cycle: CycleRow,
  set: CompiledSet,
  r: AgencyRecord,
): Promise<Comparison> {
  const subId = r.submission?.id;
  const [claimRows, history, surveyRows] = subId
    ? await Promise.all([repo.claimsOf(db, subId), repo.reviewHistory(db, subId), repo.surveysOf(db, subId)])
    : [[], [], []];
  // The reason and survey of the latest value per field: what the comparison explains.
  const surveyDates = new Map(surveyRows.map((s) => [s.id, s.surveyDate]));
  const reviews = new Map<string, FieldReview>();
  for (const h of history)
    reviews.set(h.fieldKey, {
      kind: h.kind,
      reason: h.reason,
      surveyDate: h.surveyId ? (surveyDates.get(h.surveyId) ?? null) : null,
    });
  return compare({
    set,
    year: cycle.year,
    self: selfInput(r),
    official: officialData(r),
    reviews,
    claims: claimRows.map((c) => ({
      criterionId: c.criterionId,
      status: c.status,
      decisionNote: c.decisionNote,
    })),
  });
}
