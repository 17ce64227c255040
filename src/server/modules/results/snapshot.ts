/**
 * The published result of a cycle as one frozen document (R10, R11, R15, R20): the cycle and its
 * dates, the criteria version it was scored with, per group the ranking (rank, total, class,
 * category scores against their maxima, every criterion's points) and the agencies not ranked
 * with the reason, and per agency the data it was scored on (official values, confirmed N/A
 * claims, the website checks used). From this document alone `chiso score` gives the same
 * ranking (results.test.ts proves it), and its canonical hash identifies the revision.
 *
 * The same builder serves the live preview of a cycle under review, so the approver sees exactly
 * what publication will freeze.
 */
import type { CompiledSet } from '../../../core/criteria/compile.ts';
import { points } from '../../../core/interchange.ts';
import type { NotRankedReason } from '../../../core/ranking/rank.ts';
import { scoreSelf } from '../../../core/scoring/self.ts';
import type { Text } from '../../../core/types.ts';
import type { CycleRow } from '../cycles/cycles.repo.ts';
import type { OfficialResult } from '../review/official.ts';
import { type AgencyRecord, officialData, selfInput } from '../scoring/cycle-data.ts';
import {
  type CriteriaRef,
  type ResultGroup,
  SNAPSHOT_FORMAT,
  type SnapshotAgency,
  type SnapshotContent,
} from './results.schema.ts';

/** Why an agency is not ranked, in words (R9). */
export const NOT_RANKED_LABELS: Readonly<Record<NotRankedReason, Text>> = {
  late: { vi: 'Nộp muộn', en: 'Submitted late' },
  missing: { vi: 'Không nộp', en: 'Not submitted' },
};

// The document's shape is the module's contract (results.schema.ts); the tests name it from here.
export type { SnapshotContent };

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** The class label of a class id of the set. */
const classLabel = (set: CompiledSet, id: string): Text =>
  set.bands.find((b) => b.id === id)?.label ?? { vi: id };

/** Builds the document of a publication (or of a preview) from the official result. */
export function buildSnapshot(
  official: OfficialResult,
  cycle: CycleRow,
  criteria: CriteriaRef,
  meta: { revision: number; reason: string | null; publishedAt: Date },
): SnapshotContent {
  const { set, records, result } = official;
  const byCode = new Map(records.map((r) => [r.code, r]));
  // The self-score (interchange.md) of an agency that submitted, beside its official result (R12).
  const selfTotal = (r: AgencyRecord): { selfTotal?: number } =>
    r.submission?.status === 'submitted'
      ? { selfTotal: points(scoreSelf(set, selfInput(r), cycle.year).total) }
      : {};
  const recordOf = (code: string) => {
    const r = byCode.get(code);
    if (!r) throw new Error(`result row ${code} has no record`);
    return r;
  };
  const groups = result.groups.map(
    (g): ResultGroup => ({
      id: g.group.id,
      name: g.group.def.name,
      categories: g.group.categories.map((c) => ({ id: c.id, name: c.name, max: points(c.maxHundredths) })),
      ranking: g.ranking.map((row) => {
        const r = recordOf(row.code);
        return {
          agencyId: r.agencyId,
          code: row.code,
          name: r.name,
          rank: row.rank,
          total: points(row.score.total),
          class: row.score.classId,
          classLabel: classLabel(set, row.score.classId),
          categories: row.score.categories.map((c) => ({
            id: c.id,
            points: points(c.points),
            max: points(c.max),
          })),
          criteria: Object.fromEntries(row.score.criteria.map((k) => [k.id, points(k.points)])),
          ...selfTotal(r),
        };
      }),
      notRanked: g.notRanked.map((n) => {
        const r = recordOf(n.code);
        return {
          agencyId: r.agencyId,
          code: n.code,
          name: r.name,
          reason: n.reason,
          reasonLabel: NOT_RANKED_LABELS[n.reason],
          ...selfTotal(r),
        };
      }),
    }),
  );
  const agencies = records.map((r): SnapshotAgency => {
    const data = officialData(r);
    return {
      agencyId: r.agencyId,
      code: r.code,
      name: r.name,
      group: r.groupId,
      submittedAt: data.submittedAt === null ? null : new Date(data.submittedAt).toISOString(),
      // An agency that never submitted has no data of record: its unsent draft is not published.
      values: data.submittedAt === null ? {} : data.values,
      notApplicable: data.submittedAt === null ? [] : [...data.notApplicable],
      websiteChecks: data.websiteChecks.map((c) => ({
        checkedAt: c.checkedAt === undefined ? null : new Date(c.checkedAt).toISOString(),
        values: c.values,
      })),
    };
  });
  return {
    format: SNAPSHOT_FORMAT,
    revision: meta.revision,
    reason: meta.reason,
    publishedAt: meta.publishedAt.toISOString(),
    cycle: {
      id: cycle.id,
      year: cycle.year,
      title: cycle.title,
      guidanceBy: cycle.guidanceBy.toISOString(),
      deadline: cycle.deadline.toISOString(),
      publishBy: cycle.publishBy.toISOString(),
      openedAt: iso(cycle.openedAt),
      closedAt: iso(cycle.closedAt),
      approvedAt: iso(cycle.approvedAt),
      approvalNote: cycle.approvalNote,
    },
    criteria: {
      id: criteria.id,
      setId: criteria.setId,
      version: criteria.version,
      title: criteria.title,
      hash: criteria.hash,
    },
    classes: set.bands.map((b) => ({ id: b.id, label: b.label, min: b.def.min })),
    groups,
    agencies,
  };
}
