/**
 * A cycle's data as the scoring core reads it, in the two views the regulation needs (R12):
 *
 * - self:     the agency's own values, every N/A it claimed, the department's website checks —
 *             what the agency sees on its form as its self-score;
 * - official: the same values with the department's corrections and reviewer marks laid over
 *             them, only the N/A claims the assessor confirmed, the same website checks.
 *
 * Both run through the same core (scoreAgency / scoreCycle), so the live self-score of an
 * unreviewed submission equals its official score criterion by criterion.
 */
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { formatInstantVn, VN_OFFSET_MS, vnMidnight } from '../../../core/calendar/time.ts';
import { type SelfInput, splitStated } from '../../../core/scoring/self.ts';
import type { AgencyData, CycleData, Values, WebsiteCheck } from '../../../core/types.ts';
import type { Executor } from '../../db/open.ts';
import {
  cycleAgencies,
  cycles,
  naClaims,
  reviewValues,
  submissions,
  websiteChecks,
} from '../../db/schema.ts';
import { lineagesOf } from '../agencies/lineage.ts';
import type { CycleRow } from '../cycles/cycles.repo.ts';
import { criteriaVersion } from './criteria-cache.ts';

export interface ReviewValue {
  readonly fieldKey: string;
  readonly kind: 'correction' | 'reviewer';
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly reason: string | null;
  readonly createdAt: Date;
  readonly createdBy: string | null;
}

/** Everything known about one agency of a cycle. */
export interface AgencyRecord {
  readonly agencyId: string;
  readonly code: string;
  readonly name: string;
  readonly groupId: string;
  readonly submission: {
    readonly id: string;
    readonly status: 'draft' | 'submitted';
    /** The agency's own fields (never its statements about its website: see `stated`). */
    readonly values: Values;
    /** What the agency states about its website (fields of source `monitoring`), for the self-score only. */
    readonly stated: Values;
    readonly version: number;
    readonly submittedAt: Date | null;
  } | null;
  readonly claims: readonly {
    criterionId: string;
    reason: string;
    status: 'claimed' | 'confirmed' | 'rejected';
  }[];
  /** Latest department value per field (corrections and reviewer marks), in the order they were set. */
  readonly reviewValues: ReadonlyMap<string, ReviewValue>;
  readonly websiteChecks: readonly WebsiteCheck[];
}

/**
 * Website checks (manual ones and confirmed monitoring snapshots) count for a cycle within its
 * monitoring period: as set on the cycle, by default from 1 January of its year until publication.
 */
export const checkWindow = (cycle: Pick<CycleRow, 'year' | 'publishBy' | 'monitorFrom' | 'monitorTo'>) => ({
  from: cycle.monitorFrom ?? new Date(vnMidnight(cycle.year, 1, 1)),
  to: cycle.monitorTo ?? cycle.publishBy,
});

/** How an explanation names a check: a confirmed snapshot or a manual check, and its day. */
export function checkLabel(c: { checkedAt: Date; source: 'manual' | 'crawler'; snapshotId: string | null }) {
  const day = formatInstantVn(c.checkedAt.getTime()).slice(0, 10);
  const iso = new Date(c.checkedAt.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
  return c.source === 'crawler'
    ? {
        vi: `ảnh chụp trang ngày ${day} (tự động, đã xác nhận${c.snapshotId ? `, mã ${c.snapshotId.slice(0, 8)}` : ''})`,
        en: `snapshot of ${iso} (monitor, confirmed${c.snapshotId ? `, id ${c.snapshotId.slice(0, 8)}` : ''})`,
      }
    : { vi: `kiểm tra thủ công ngày ${day}`, en: `manual check of ${iso}` };
}

/** Reads the records of some agencies of a cycle (all of its roster by default). */
export async function loadRecords(
  db: Executor,
  cycle: CycleRow,
  agencyIds?: readonly string[],
): Promise<AgencyRecord[]> {
  const roster = await db
    .select()
    .from(cycleAgencies)
    .where(
      agencyIds
        ? and(eq(cycleAgencies.cycleId, cycle.id), inArray(cycleAgencies.agencyId, [...agencyIds]))
        : eq(cycleAgencies.cycleId, cycle.id),
    )
    .orderBy(asc(cycleAgencies.code));
  if (!roster.length) return [];
  const ids = roster.map((r) => r.agencyId);
  const { compiled } = await criteriaVersion(db, cycle.criteriaVersionId);

  const subs = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.cycleId, cycle.id), inArray(submissions.agencyId, ids)));
  const subIds = subs.map((s) => s.id);
  const claims = subIds.length
    ? await db.select().from(naClaims).where(inArray(naClaims.submissionId, subIds))
    : [];
  const reviews = subIds.length
    ? await db
        .select()
        .from(reviewValues)
        .where(inArray(reviewValues.submissionId, subIds))
        .orderBy(asc(reviewValues.createdAt))
    : [];
  const window = checkWindow(cycle);
  const checks = await db
    .select()
    .from(websiteChecks)
    .where(
      and(
        inArray(websiteChecks.agencyId, ids),
        gte(websiteChecks.checkedAt, window.from),
        lt(websiteChecks.checkedAt, window.to),
      ),
    )
    .orderBy(asc(websiteChecks.checkedAt));

  return roster.map((r): AgencyRecord => {
    const sub = subs.find((s) => s.agencyId === r.agencyId);
    const group = compiled.groupsById.get(r.groupId);
    const split = group ? splitStated(group, (sub?.values ?? {}) as Values) : null;
    const latest = new Map<string, ReviewValue>();
    if (sub)
      for (const v of reviews)
        if (v.submissionId === sub.id)
          latest.set(v.fieldKey, {
            fieldKey: v.fieldKey,
            kind: v.kind,
            oldValue: v.oldValue,
            newValue: v.newValue,
            reason: v.reason,
            createdAt: v.createdAt,
            createdBy: v.createdBy,
          });
    return {
      agencyId: r.agencyId,
      code: r.code,
      name: r.name,
      groupId: r.groupId,
      submission: sub
        ? {
            id: sub.id,
            status: sub.status,
            values: split ? split.own : (sub.values as Values),
            stated: split ? split.stated : {},
            version: sub.version,
            submittedAt: sub.submittedAt,
          }
        : null,
      claims: sub
        ? claims
            .filter((c) => c.submissionId === sub.id)
            .map((c) => ({ criterionId: c.criterionId, reason: c.reason, status: c.status }))
        : [],
      reviewValues: latest,
      websiteChecks: checks
        .filter((c) => c.agencyId === r.agencyId)
        .map((c) => ({ checkedAt: c.checkedAt.getTime(), values: c.values as Values, label: checkLabel(c) })),
    };
  });
}

const submittedAtOf = (r: AgencyRecord): number | null =>
  r.submission?.status === 'submitted' && r.submission.submittedAt
    ? r.submission.submittedAt.getTime()
    : null;

/**
 * The agency's self-assessment (R12) as the core's `scoreSelf` reads it (interchange.md, "The
 * self-score"): its own values, every N/A it claimed whatever the department decided, and the
 * year's website checks, of which the self-score uses the latest.
 */
export function selfInput(r: AgencyRecord): SelfInput {
  return {
    group: r.groupId,
    values: r.submission?.values ?? {},
    claimed: r.claims.map((c) => c.criterionId),
    claimStatuses: new Map(r.claims.map((c) => [c.criterionId, c.status])),
    stated: r.submission?.stated,
    websiteChecks: r.websiteChecks,
  };
}

/** The agency's own data for its logic checks: its values and the claims still standing. */
export function selfData(r: AgencyRecord): AgencyData {
  const standing = r.claims.filter((c) => c.status !== 'rejected');
  return {
    code: r.code,
    name: r.name,
    group: r.groupId,
    submittedAt: submittedAtOf(r),
    values: r.submission?.values ?? {},
    notApplicable: standing.map((c) => c.criterionId),
    naClaims: standing.map((c) => ({ criterionId: c.criterionId, reason: c.reason, confirmed: true })),
    websiteChecks: r.websiteChecks,
  };
}

/** The verified values: the agency's, with the department's corrections and marks over them. */
export function officialValues(r: AgencyRecord): Values {
  const values: Record<string, unknown> = { ...(r.submission?.values ?? {}) };
  for (const [key, v] of r.reviewValues) {
    if (v.newValue === null || v.newValue === undefined) delete values[key];
    else values[key] = v.newValue;
  }
  return values;
}

/** The department's view: verified values and only the confirmed N/A claims. */
export function officialData(r: AgencyRecord): AgencyData {
  return {
    code: r.code,
    name: r.name,
    group: r.groupId,
    submittedAt: submittedAtOf(r),
    values: officialValues(r),
    notApplicable: r.claims.filter((c) => c.status === 'confirmed').map((c) => c.criterionId),
    // A rejected claim is no claim any more: the criterion is scored on its values, nothing to check.
    naClaims: r.claims
      .filter((c) => c.status !== 'rejected')
      .map((c) => ({ criterionId: c.criterionId, reason: c.reason, confirmed: c.status === 'confirmed' })),
    websiteChecks: r.websiteChecks,
  };
}

/**
 * The agencies' official values of the year before the cycle's, for the year-on-year logic checks
 * (`prev.total_staff`): the same values for the assessor's review and the agency's own form, so
 * that the form warns of what the assessor will see. A renamed agency's year before is its former
 * unit's (lineage.ts); after a merger or a split there is no one unit to compare with, so none.
 */
export async function previousOfficialValues(
  db: Executor,
  cycle: CycleRow,
  agencyIds?: readonly string[],
): Promise<Map<string, Values>> {
  const [previous] = await db
    .select()
    .from(cycles)
    .where(eq(cycles.year, cycle.year - 1))
    .limit(1);
  if (!previous) return new Map();
  const formerOf = agencyIds ? await renamedFrom(db, agencyIds) : new Map<string, string>();
  const ids = agencyIds ? [...agencyIds, ...formerOf.values()] : undefined;
  const records = await loadRecords(db, previous, ids);
  const found = new Map(
    records.filter((r) => r.submission?.status === 'submitted').map((r) => [r.agencyId, officialValues(r)]),
  );
  for (const [id, former] of formerOf) {
    const values = found.get(former);
    if (!found.has(id) && values) found.set(id, values);
    if (!agencyIds?.includes(former)) found.delete(former);
  }
  return found;
}

/** Each agency's former unit when it came from a rename (its nearest predecessor), by agency. */
export async function renamedFrom(db: Executor, agencyIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [id, chain] of await lineagesOf(db, agencyIds))
    if (chain[0]?.kind === 'rename') out.set(id, chain[0].agencyId);
  return out;
}

/** The whole cycle in one view, ready for scoreCycle. */
export function cycleData(
  cycle: CycleRow,
  records: readonly AgencyRecord[],
  view: 'self' | 'official',
): CycleData {
  return {
    year: cycle.year,
    deadline: cycle.deadline.getTime(),
    agencies: records.map(view === 'self' ? selfData : officialData),
  };
}
