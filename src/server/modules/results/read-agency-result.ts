/**
 * One agency at a glance for its leader (R19): where it stands in its group, its score per
 * category against the maximum and the group's average, the criteria where it lost the most
 * points with the core's explanation, and last year's standing. Read from the same document as
 * the ranking (the published revision, or the staff's preview).
 */
import { parseInstant } from '../../../core/calendar/time.ts';
import type { CompiledSet } from '../../../core/criteria/compile.ts';
import { points } from '../../../core/interchange.ts';
import { scoreAgency } from '../../../core/scoring/score.ts';
import type { Executor } from '../../db/open.ts';
import { notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { lineageOf, type Predecessor } from '../agencies/lineage.ts';
import { periodOf } from '../appeals/appeal-context.ts';
import { type CycleRow, findCycleByYear } from '../cycles/cycles.repo.ts';
import { agencyComparison } from '../review/agency-comparison.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { loadRecords } from '../scoring/cycle-data.ts';
import { hundredthsOf } from './export-formats.ts';
import { documentOf, loadResult } from './result-document.ts';
import { canReadAgencyResult } from './results.policy.ts';
import * as repo from './results.repo.ts';
import type {
  AgencyParams,
  AgencyView,
  CategoryStanding,
  Loss,
  PreviewQuery,
  PreviousYear,
  RankingRow,
  ResultGroup,
  ReviewerMark,
  SnapshotAgency,
  SnapshotContent,
} from './results.schema.ts';
import { NOT_RANKED_LABELS } from './snapshot.ts';

/** Criteria shown to a leader as "where the points were lost" (R19). */
const TOP_LOSSES = 5;

export async function readAgencyResult(
  deps: AppDeps,
  caller: Caller,
  input: AgencyParams & Partial<PreviewQuery>,
): Promise<AgencyView> {
  const db = deps.database.db;
  const preview = input.preview === true;
  const ctx = await loadResult(db, input.id, { preview });
  const appealWindowOpen = periodOf(ctx.cycle, deps.clock.now()).open;
  authorize(canReadAgencyResult(caller.user, input.agencyId, { ...ctx.facts, appealWindowOpen }, preview));
  const { content, revision } = await documentOf(deps, ctx);
  const agency = content.agencies.find((a) => a.agencyId === input.agencyId);
  if (!agency) throw notFound({ vi: 'cơ quan này trong kỳ đánh giá', en: 'this agency in the cycle' });
  const group = content.groups.find((g) => g.id === agency.group)!;
  const { compiled: set } = await criteriaVersion(db, content.criteria.id);
  const row = group.ranking.find((r) => r.agencyId === agency.agencyId) ?? null;
  const out = group.notRanked.find((r) => r.agencyId === agency.agencyId) ?? null;
  const { cycle } = ctx;
  const lineage = await lineageOf(db, agency.agencyId);
  return {
    cycle: { id: cycle.id, year: cycle.year, title: cycle.title, state: cycle.state },
    preview: revision === null,
    revision,
    agency: {
      id: agency.agencyId,
      code: agency.code,
      name: agency.name,
      group: group.id,
      groupName: group.name,
    },
    ranked: row !== null,
    rank: row?.rank ?? null,
    rankedInGroup: group.ranking.length,
    total: row?.total ?? null,
    class: row?.class ?? null,
    classLabel: row?.classLabel ?? null,
    notRankedReason: out?.reason ?? null,
    notRankedLabel: out ? NOT_RANKED_LABELS[out.reason] : null,
    categories: categoriesOf(group, row),
    selfTotal: row?.selfTotal ?? out?.selfTotal ?? null,
    comparison: await comparisonOf(db, cycle, set, agency),
    biggestLosses: row ? biggestLosses(set, content, agency, row) : [],
    dataQuality: await reviewerMarks(db, cycle, set, agency, row),
    previousYear: await previousYear(db, cycle.year, agency.agencyId, lineage, row?.total ?? null),
    lineage,
    simulation: row
      ? {
          criteriaVersionId: content.criteria.id,
          values: agency.values,
          notApplicable: agency.notApplicable,
          websiteChecks: agency.websiteChecks,
        }
      : null,
  };
}

/** Self against official per criterion with the reasons (R12), for an agency that submitted. */
async function comparisonOf(db: Executor, cycle: CycleRow, set: CompiledSet, agency: SnapshotAgency) {
  if (agency.submittedAt === null) return null;
  const [record] = await loadRecords(db, cycle, [agency.agencyId]);
  return record?.submission?.status === 'submitted' ? agencyComparison(db, cycle, set, record) : null;
}

/**
 * The criteria the department scores itself (fields of source `reviewer`: the data quality, 4.8),
 * each with the points it gave and the note it wrote, so that the agency sees its mark and why.
 */
async function reviewerMarks(
  db: Executor,
  cycle: CycleRow,
  set: CompiledSet,
  agency: SnapshotAgency,
  row: RankingRow | null,
): Promise<ReviewerMark[]> {
  const group = set.groupsById.get(agency.group);
  if (!group) return [];
  const marked = group.criteria.filter((k) =>
    k.def.inputs.some((key) => group.fieldsByKey.get(key)?.source === 'reviewer'),
  );
  if (marked.length === 0) return [];
  const [record] = await loadRecords(db, cycle, [agency.agencyId]);
  return marked.map((k) => {
    const notes = k.def.inputs
      .map((key) => record?.reviewValues.get(key))
      .filter((v) => v?.kind === 'reviewer' && v.reason)
      .map((v) => v!.reason!);
    const frozen = row?.criteria[k.id];
    return {
      criterionId: k.id,
      name: k.def.name,
      points: frozen === undefined ? null : frozen,
      max: points(k.maxHundredths),
      note: notes.length ? notes.join('; ') : null,
    };
  });
}

/** The agency's score per category against the maximum and the group's average (ranked agencies). */
function categoriesOf(group: ResultGroup, row: RankingRow | null): CategoryStanding[] {
  const n = group.ranking.length;
  return group.categories.map((c) => {
    const sum = group.ranking.reduce(
      (acc, r) => acc + hundredthsOf(r.categories.find((x) => x.id === c.id)?.points ?? 0),
      0,
    );
    return {
      id: c.id,
      name: c.name,
      max: c.max,
      points: row ? (row.categories.find((x) => x.id === c.id)?.points ?? 0) : null,
      // Half up to the hundredth (every sum is non-negative).
      groupAverage: n ? points(Math.round(sum / n)) : null,
    };
  });
}

/**
 * The criteria where the agency lost the most points (max − points), largest first, with the
 * core's explanation of its score on the frozen data (scored again with explain: true; the
 * points are the frozen ones).
 */
function biggestLosses(
  set: CompiledSet,
  content: SnapshotContent,
  agency: SnapshotAgency,
  row: RankingRow,
): Loss[] {
  const group = set.groupsById.get(agency.group);
  if (!group) return [];
  const explained = scoreAgency(
    set,
    {
      group: agency.group,
      values: agency.values,
      notApplicable: agency.notApplicable,
      websiteChecks: agency.websiteChecks.map((c) => ({
        checkedAt: c.checkedAt === null ? undefined : (parseInstant(c.checkedAt) ?? undefined),
        values: c.values,
      })),
    },
    content.cycle.year,
    { explain: true },
  );
  const byId = new Map(explained.criteria.map((k) => [k.id, k]));
  return group.criteria
    .map((k, order) => {
      const frozen = row.criteria[k.id];
      const got = frozen === undefined ? (byId.get(k.id)?.points ?? 0) : hundredthsOf(frozen);
      return { k, order, got, lost: k.maxHundredths - got };
    })
    .filter((x) => x.lost > 0)
    .sort((a, b) => b.lost - a.lost || a.order - b.order)
    .slice(0, TOP_LOSSES)
    .map(({ k, got, lost }) => ({
      criterionId: k.id,
      name: k.def.name,
      categoryId: group.categories[k.categoryIndex]!.id,
      points: points(got),
      max: points(k.maxHundredths),
      lost: points(lost),
      explanation: byId.get(k.id)?.explanation ?? { vi: '' },
    }));
}

/**
 * Last year's standing, from that year's latest published revision: the agency itself, or else
 * the unit of its lineage it came from (a renamed unit's old name; one of the units merged into
 * it; the unit it was split from), labelled. The change is given only against the same unit or
 * its old name: a merged or split unit's total is not the same body's.
 */
async function previousYear(
  db: Executor,
  year: number,
  agencyId: string,
  lineage: readonly Predecessor[],
  total: number | null,
): Promise<PreviousYear | null> {
  const prev = await findCycleByYear(db, year - 1);
  if (!prev) return null;
  const row = await repo.snapshotOf(db, prev.id);
  if (!row) return null;
  const content = row.content as SnapshotContent;
  const members: { agencyId: string; via: Predecessor | null }[] = [
    { agencyId, via: null },
    ...lineage.map((p) => ({ agencyId: p.agencyId, via: p })),
  ];
  for (const { agencyId: id, via } of members)
    for (const g of content.groups) {
      const base = { year: prev.year, cycleId: prev.id, revision: row.revision, via: via?.label ?? null };
      const r = g.ranking.find((x) => x.agencyId === id);
      if (r)
        return {
          ...base,
          ranked: true,
          rank: r.rank,
          rankedInGroup: g.ranking.length,
          total: r.total,
          class: r.class,
          classLabel: r.classLabel,
          notRankedReason: null,
          notRankedLabel: null,
          change:
            total === null || (via !== null && via.kind !== 'rename')
              ? null
              : points(hundredthsOf(total) - hundredthsOf(r.total)),
        };
      const n = g.notRanked.find((x) => x.agencyId === id);
      if (n)
        return {
          ...base,
          ranked: false,
          rank: null,
          rankedInGroup: g.ranking.length,
          total: null,
          class: null,
          classLabel: null,
          notRankedReason: n.reason,
          notRankedLabel: NOT_RANKED_LABELS[n.reason],
          change: null,
        };
    }
  return null;
}
