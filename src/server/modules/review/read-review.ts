/**
 * The department (or, once the cycle is submitted for approval, the approver) reads the review:
 * the list of a cycle's agencies with where the review of each stands, and one agency's review
 * page: values and corrections, N/A claims, evidence, queries, field surveys, website checks,
 * logic checks, and the self-assessment against the official score, criterion by criterion.
 */
import { runChecks } from '../../../core/checks/run.ts';
import type { CriteriaSet } from '../../../core/criteria/schema.ts';
import { points } from '../../../core/interchange.ts';
import { eligibility } from '../../../core/ranking/rank.ts';
import { scoreAgency } from '../../../core/scoring/score.ts';
import { scoreSelf } from '../../../core/scoring/self.ts';
import type { AgencyData, Finding, Values } from '../../../core/types.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import type { CycleRow } from '../cycles/cycles.repo.ts';
import { crossSourceFindings } from '../monitoring/cross-checks.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import {
  type AgencyRecord,
  checkWindow,
  loadRecords,
  officialData,
  previousOfficialValues,
  selfInput,
} from '../scoring/cycle-data.ts';
import { checkView } from '../website-checks/check-context.ts';
import { listChecks } from '../website-checks/website-checks.repo.ts';
import { agencyComparison } from './agency-comparison.ts';
import { sameValue } from './compare.ts';
import { canReadReview } from './review.policy.ts';
import * as repo from './review.repo.ts';
import type {
  AgencyParams,
  CycleParams,
  ListFilter,
  ReviewList,
  ReviewListRow,
  ReviewPage,
} from './review.schema.ts';
import { groupOf, loadCycle, loadEntry } from './review-context.ts';
import { pendingClaims, REVIEW_STATUS_LABELS, reviewStatus } from './review-status.ts';
import {
  claimView,
  cycleRef,
  evidenceView,
  fieldValues,
  findingView,
  iso,
  queryViews,
  surveyView,
} from './review-views.ts';

const findingsOf = (
  raw: CriteriaSet,
  cycle: CycleRow,
  r: AgencyRecord,
  previous: Values | undefined,
): Finding[] =>
  runChecks(
    raw,
    r.groupId,
    { ...officialData(r), previousValues: previous },
    { deadline: cycle.deadline.getTime() },
  );

/** Fields whose official value differs from the agency's because of a correction. */
const correctedFields = (r: AgencyRecord): number =>
  [...r.reviewValues.values()].filter(
    (v) => v.kind === 'correction' && !sameValue(v.newValue, r.submission?.values[v.fieldKey]),
  ).length;

const isLate = (submittedAt: Date | null, cycle: CycleRow) =>
  submittedAt !== null && eligibility(submittedAt.getTime(), cycle.deadline.getTime()) === 'late';

/** The review list of a cycle, filtered by group and review status. */
export async function readReviewList(
  deps: AppDeps,
  caller: Caller,
  input: CycleParams & ListFilter,
): Promise<ReviewList> {
  const db = deps.database.db;
  const cycle = await loadCycle(db, input.cycleId);
  authorize(canReadReview(caller.user, cycle));
  const { compiled, set: raw } = await criteriaVersion(db, cycle.criteriaVersionId);
  if (input.group !== undefined && !compiled.groupsById.has(input.group))
    throw invalid('group', {
      vi: `Nhóm "${input.group}" không có trong bộ tiêu chí; các nhóm: ${compiled.groups.map((g) => g.id).join(', ')}`,
      en: `No group "${input.group}" in the criteria set; groups: ${compiled.groups.map((g) => g.id).join(', ')}`,
    });
  const records = (await loadRecords(db, cycle)).filter(
    (r) => input.group === undefined || r.groupId === input.group,
  );
  const counts = await repo.unclosedQueryCounts(
    db,
    records.flatMap((r) => (r.submission ? [r.submission.id] : [])),
  );
  const previous = await previousOfficialValues(
    db,
    cycle,
    records.map((r) => r.agencyId),
  );
  const classOf = (id: string) => ({
    id,
    label: compiled.bands.find((b) => b.id === id)?.label ?? { vi: id },
  });
  const score = (d: AgencyData) =>
    scoreAgency(
      compiled,
      { group: d.group, values: d.values, notApplicable: d.notApplicable, websiteChecks: d.websiteChecks },
      cycle.year,
    );
  const rows = records.map((r): ReviewListRow => {
    const c = (r.submission && counts.get(r.submission.id)) || { open: 0, answered: 0 };
    const status = reviewStatus(r, c.open + c.answered);
    const submitted = r.submission?.status === 'submitted';
    const submittedAt = submitted ? (r.submission?.submittedAt ?? null) : null;
    const late = isLate(submittedAt, cycle);
    let scores: { self: ReturnType<typeof score>; official: ReturnType<typeof score> } | null = null;
    let findings: ReviewListRow['findings'] = null;
    if (submitted) {
      scores = { self: scoreSelf(compiled, selfInput(r), cycle.year), official: score(officialData(r)) };
      const found = findingsOf(raw, cycle, r, previous.get(r.agencyId));
      findings = {
        errors: found.filter((f) => f.severity === 'error').length,
        warnings: found.filter((f) => f.severity === 'warning').length,
      };
    }
    return {
      agencyId: r.agencyId,
      code: r.code,
      name: r.name,
      group: r.groupId,
      submissionStatus: r.submission ? r.submission.status : 'not_started',
      submittedAt: iso(submittedAt),
      late,
      openQueries: c.open + c.answered,
      answeredQueries: c.answered,
      pendingClaims: submitted ? pendingClaims(r) : 0,
      corrections: correctedFields(r),
      findings,
      selfTotal: scores ? points(scores.self.total) : null,
      officialTotal: scores ? points(scores.official.total) : null,
      // A late agency is not evaluated (R9): its totals are shown for the record, never a class.
      selfClass: scores && !late ? classOf(scores.self.classId) : null,
      officialClass: scores && !late ? classOf(scores.official.classId) : null,
      reviewStatus: status,
      reviewStatusLabel: REVIEW_STATUS_LABELS[status],
    };
  });
  return {
    cycle: cycleRef(cycle),
    agencies: input.status === undefined ? rows : rows.filter((r) => r.reviewStatus === input.status),
  };
}

/** One agency's review page. */
export async function readReviewPage(
  deps: AppDeps,
  caller: Caller,
  input: AgencyParams,
): Promise<ReviewPage> {
  const db = deps.database.db;
  const cycle = await loadCycle(db, input.cycleId);
  authorize(canReadReview(caller.user, cycle));
  const { agencyId } = input;
  const entry = await loadEntry(db, cycle, agencyId);
  const { set, raw, group } = await groupOf(db, cycle, entry.groupId);
  const [r] = await loadRecords(db, cycle, [agencyId]);
  if (!r) throw notFound({ vi: 'cơ quan', en: 'agency' });
  const sub = r.submission ? await repo.submissionOf(db, cycle.id, agencyId) : undefined;
  const subId = r.submission?.id;

  const claimRows = subId ? await repo.claimsOf(db, subId) : [];
  const evidenceRows = subId ? await repo.evidenceOf(db, subId) : [];
  const surveyRows = subId ? await repo.surveysOf(db, subId) : [];
  const names = await repo.userNames(db, [
    ...claimRows.map((c) => c.decidedBy),
    ...evidenceRows.map((e) => e.addedBy),
    ...surveyRows.map((s) => s.createdBy),
  ]);
  const queries = subId ? await queryViews(db, subId, agencyId) : [];
  const openQueries = queries.filter((q) => q.status !== 'closed').length;
  const checks = (await listChecks(db, agencyId, checkWindow(cycle))).map(checkView);
  const previous = (await previousOfficialValues(db, cycle, [agencyId])).get(agencyId);
  const submitted = r.submission?.status === 'submitted';
  const submittedAt = submitted ? (r.submission?.submittedAt ?? null) : null;

  const evidence = evidenceRows.map((e) => evidenceView(e, names));
  const status = reviewStatus(r, openQueries);
  return {
    cycle: cycleRef(cycle),
    agency: { id: r.agencyId, code: r.code, name: r.name, group: r.groupId, groupName: group.def.name },
    submission:
      r.submission && sub
        ? {
            id: r.submission.id,
            status: r.submission.status,
            submittedAt: iso(submittedAt),
            late: isLate(submittedAt, cycle),
            version: r.submission.version,
            attestedName: sub.attestedName,
            attestedTitle: sub.attestedTitle,
          }
        : null,
    reviewStatus: status,
    reviewStatusLabel: REVIEW_STATUS_LABELS[status],
    values: await fieldValues(db, group, r),
    claims: claimRows.map((c) => claimView(c, group, names)),
    evidence,
    queries,
    surveys: surveyRows.map((s) => surveyView(s, names, evidence)),
    websiteChecks: checks,
    findings: r.submission
      ? [
          ...findingsOf(raw, cycle, r, previous).map(findingView),
          // What the form claims against what monitoring saw on the agency's site.
          ...(await crossSourceFindings(db, agencyId, r.submission.values, checkWindow(cycle))),
        ]
      : [],
    comparison: await agencyComparison(db, cycle, set, r),
  };
}
