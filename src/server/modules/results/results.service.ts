/**
 * Approval, publication and the published results (R10, R11, R15, R19, R20).
 *
 * The Steering Committee approves the official result of a cycle under review, or returns it for
 * more review; publishing freezes it into an immutable revision (published_snapshots: a trigger
 * forbids UPDATE and DELETE). A correction after publication reopens the cycle for review while
 * the published revision stays visible; publishing again needs a reason and makes revision N+1,
 * and every revision stays readable. Everything people read comes from the frozen document; the
 * staff may preview the same document built live from the current official data.
 */

import { parseInstant } from '../../../core/calendar/time.ts';
import type { CompiledSet } from '../../../core/criteria/compile.ts';
import { points } from '../../../core/interchange.ts';
import { scoreAgency } from '../../../core/scoring/score.ts';
import type { Text } from '../../../core/types.ts';
import type { Db } from '../../db/open.ts';
import type { CycleState } from '../../db/schema.ts';
import { type Actor, audit } from '../../platform/audit.ts';
import type { SessionUser } from '../../platform/auth.ts';
import { contentHash } from '../../platform/canonical.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, conflict, forbidden, invalid, notFound, wrongState } from '../../platform/errors.ts';
import { assertTransition, STATE_LABELS, transitionCycle } from '../cycles/cycle-states.ts';
import { type CycleRow, findCycle, findCycleByYear, lockCycle } from '../cycles/cycles.repo.ts';
import { officialResult } from '../review/official.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { loadRecords } from '../scoring/cycle-data.ts';
import { incompleteAgencies } from './completeness.ts';
import { csvOf, hundredthsOf, interchangeOf } from './exports.ts';
import { PREVIEW_ROLES } from './results.policy.ts';
import * as repo from './results.repo.ts';
import { buildSnapshot, NOT_RANKED_LABELS, type SnapshotContent, type SnapshotGroup } from './snapshot.ts';

/** The states whose live official ranking the staff may preview. */
const PREVIEW_STATES: readonly CycleState[] = ['under_review', 'approved'];
/** Criteria shown to a leader as "where the points were lost" (R19). */
const TOP_LOSSES = 5;

export interface CycleStateView {
  id: string;
  year: number;
  title: string;
  state: CycleState;
  stateLabel: Text;
  version: number;
  approvedAt: string | null;
  approvedBy: string | null;
  approvalNote: string | null;
  publishedAt: string | null;
}

export interface RevisionMeta {
  number: number;
  reason: string | null;
  publishedAt: string;
  publishedBy: string | null;
  contentHash: string;
  /** The stored document still hashes to its recorded hash. */
  verified: boolean;
}

const cycleView = (c: CycleRow): CycleStateView => ({
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

const cycleNotFound = () => notFound({ vi: 'kỳ đánh giá', en: 'evaluation cycle' });

const notPublished = (c: CycleRow) =>
  new AppError(404, 'not_found', {
    vi: `Kết quả của kỳ đánh giá năm ${c.year} chưa được công bố`,
    en: `The results of the ${c.year} cycle have not been published`,
  });

/** A required free-text reason: trimmed, not empty. */
function requiredReason(reason: string | undefined, text: Text): string {
  const r = reason?.normalize('NFC').trim();
  if (!r) throw invalid('reason', text);
  return r;
}

const isStaff = (user: SessionUser) => PREVIEW_ROLES.includes(user.role);

export function resultsService(db: Db, clock: Clock) {
  async function cycleOr404(id: string): Promise<CycleRow> {
    const c = await findCycle(db, id);
    if (!c) throw cycleNotFound();
    return c;
  }

  /** Moves a cycle by one step of the table, in a short transaction on the locked row. */
  async function move(
    actor: Actor,
    cycleId: string,
    to: CycleState,
    patch: (now: Date) => Parameters<typeof transitionCycle>[5],
    reason: string | undefined,
  ) {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const cycle = await lockCycle(tx, cycleId);
      if (!cycle) throw cycleNotFound();
      return transitionCycle(tx, actor, cycle, to, now, patch(now), reason);
    });
  }

  async function revisionMeta(row: repo.SnapshotRow): Promise<RevisionMeta> {
    return {
      number: row.revision,
      reason: row.reason,
      publishedAt: row.publishedAt.toISOString(),
      publishedBy: await repo.userName(db, row.publishedBy),
      contentHash: row.contentHash,
      verified: contentHash(row.content) === row.contentHash,
    };
  }

  /** The document as publication would freeze it now (no revision yet). */
  async function liveContent(cycle: CycleRow): Promise<SnapshotContent> {
    const official = await officialResult(db, cycle);
    const criteria = await repo.criteriaVersionRef(db, cycle.criteriaVersionId);
    if (!criteria)
      throw new Error(`criteria version ${cycle.criteriaVersionId} of cycle ${cycle.id} is missing`);
    return buildSnapshot(official, cycle, criteria, { revision: 0, reason: null, publishedAt: clock.now() });
  }

  /**
   * What a reader gets: the latest (or the asked) published revision; or, for the staff asking
   * for a preview, the live document of a cycle under review or approved.
   */
  async function documentFor(
    user: SessionUser,
    cycle: CycleRow,
    options: { preview?: boolean | undefined; revision?: number | undefined },
  ): Promise<{ content: SnapshotContent; revision: RevisionMeta | null }> {
    if (options.preview) {
      if (!isStaff(user))
        throw forbidden({
          vi: 'Chỉ Sở TT&TT và Ban Chỉ đạo được xem trước kết quả chưa công bố',
          en: 'Only the department and the Steering Committee may preview unpublished results',
        });
      if (!PREVIEW_STATES.includes(cycle.state))
        throw wrongState(
          {
            vi: `Chỉ xem trước được kết quả của kỳ đang thẩm định hoặc đã phê duyệt (kỳ này: "${STATE_LABELS[cycle.state].vi}")`,
            en: `Only a cycle under review or approved can be previewed (this one: "${STATE_LABELS[cycle.state].en}")`,
          },
          { state: cycle.state },
        );
      return { content: await liveContent(cycle), revision: null };
    }
    const row = await repo.snapshotOf(db, cycle.id, options.revision);
    if (!row) {
      if (options.revision !== undefined && (await repo.lastRevisionNumber(db, cycle.id)) > 0)
        throw notFound({ vi: `lần công bố thứ ${options.revision}`, en: `revision ${options.revision}` });
      throw notPublished(cycle);
    }
    return { content: row.content as SnapshotContent, revision: await revisionMeta(row) };
  }

  return {
    /** The Steering Committee approves the official result of a cycle under review. */
    async approve(actor: Actor, user: SessionUser, cycleId: string, note?: string): Promise<CycleStateView> {
      const text = note?.normalize('NFC').trim() || null;
      // The verified data must be complete before it can be approved (and later recomputed).
      const cycle = await cycleOr404(cycleId);
      assertTransition(cycle, 'approved', user);
      const { compiled } = await criteriaVersion(db, cycle.criteriaVersionId);
      const incomplete = incompleteAgencies(compiled, cycle, await loadRecords(db, cycle));
      if (incomplete.length > 0) {
        const shown = incomplete.slice(0, 5);
        const more = incomplete.length - shown.length;
        throw wrongState(
          {
            vi: `Chưa phê duyệt được: ${incomplete.length} cơ quan nộp đúng hạn chưa thẩm định xong — ${shown
              .map((a) => `${a.name} (${a.missing.vi})`)
              .join('; ')}${more > 0 ? `; và ${more} cơ quan khác` : ''}.`,
            en: `Cannot approve yet: ${incomplete.length} agencies that submitted on time are not fully reviewed — ${shown
              .map((a) => `${a.code} (${a.missing.en})`)
              .join('; ')}${more > 0 ? `; and ${more} more` : ''}.`,
          },
          { incomplete },
        );
      }
      const updated = await move(
        actor,
        cycleId,
        'approved',
        (now) => ({ approvedAt: now, approvedBy: user.id, approvalNote: text }),
        text ?? undefined,
      );
      return cycleView(updated);
    },

    /** An approved result goes back to the assessors, with the reason. */
    async returnForReview(
      actor: Actor,
      user: SessionUser,
      cycleId: string,
      reason?: string,
    ): Promise<CycleStateView> {
      assertTransition(await cycleOr404(cycleId), 'under_review', user);
      const why = requiredReason(reason, {
        vi: 'Hãy ghi lý do trả lại (reason) để bộ phận thẩm định biết cần xem lại gì',
        en: 'Give the reason for returning the result (reason)',
      });
      return cycleView(
        await move(
          actor,
          cycleId,
          'under_review',
          () => ({ approvedAt: null, approvedBy: null, approvalNote: null }),
          why,
        ),
      );
    },

    /**
     * Freezes the approved official result as the next revision and marks the cycle published.
     * The result is computed before the transaction; the transaction only checks that nothing
     * moved meanwhile (same cycle version, same last revision) and writes.
     */
    async publish(
      actor: Actor,
      user: SessionUser,
      cycleId: string,
      reason?: string,
    ): Promise<{ cycle: CycleStateView; revision: RevisionMeta }> {
      const cycle = await cycleOr404(cycleId);
      assertTransition(cycle, 'published', user);
      const last = await repo.lastRevisionNumber(db, cycle.id);
      const why =
        last > 0
          ? requiredReason(reason, {
              vi: `Kết quả đã được công bố ${last} lần. Công bố lại cần ghi lý do điều chỉnh (reason)`,
              en: `The result was already published ${last} time(s). Publishing again needs the reason for the correction (reason)`,
            })
          : reason?.normalize('NFC').trim() || null;
      const now = clock.now();
      const official = await officialResult(db, cycle);
      const criteria = await repo.criteriaVersionRef(db, cycle.criteriaVersionId);
      if (!criteria)
        throw new Error(`criteria version ${cycle.criteriaVersionId} of cycle ${cycle.id} is missing`);
      const content = buildSnapshot(official, cycle, criteria, {
        revision: last + 1,
        reason: why,
        publishedAt: now,
      });
      const hash = contentHash(content);

      const { updated, snapshot } = await db.transaction(async (tx) => {
        const locked = await lockCycle(tx, cycle.id);
        if (!locked) throw cycleNotFound();
        if ((await repo.lastRevisionNumber(tx, cycle.id)) !== last)
          throw conflict('already_published', {
            vi: 'Kết quả vừa được người khác công bố. Hãy tải lại trang.',
            en: 'Someone else has just published this result. Reload the page.',
          });
        // The version read before scoring: a change meanwhile answers 409 stale instead of freezing old data.
        const updated = await transitionCycle(
          tx,
          actor,
          cycle,
          'published',
          now,
          { publishedAt: now },
          why ?? undefined,
        );
        const snapshot = await repo.insertSnapshot(tx, {
          cycleId: cycle.id,
          revision: last + 1,
          reason: why,
          criteriaVersionId: criteria.id,
          content,
          contentHash: hash,
          publishedBy: user.id,
          publishedAt: now,
        });
        await audit(tx, actor, now, {
          action: 'results.publish',
          entityType: 'published_snapshot',
          entityId: snapshot.id,
          cycleId: cycle.id,
          newValue: { revision: snapshot.revision, contentHash: hash, criteriaVersionId: criteria.id },
          reason: why,
        });
        return { updated, snapshot };
      });
      return { cycle: cycleView(updated), revision: await revisionMeta(snapshot) };
    },

    /** Reopens a published cycle for a correction; the published revision stays visible meanwhile. */
    async revise(actor: Actor, user: SessionUser, cycleId: string, reason?: string): Promise<CycleStateView> {
      assertTransition(await cycleOr404(cycleId), 'under_review', user);
      const why = requiredReason(reason, {
        vi: 'Hãy ghi lý do điều chỉnh kết quả đã công bố (reason)',
        en: 'Give the reason for correcting the published result (reason)',
      });
      return cycleView(
        await move(
          actor,
          cycleId,
          'under_review',
          () => ({ approvedAt: null, approvedBy: null, approvalNote: null }),
          why,
        ),
      );
    },

    /** The ranking of both groups (R7, R20): the latest published revision, or the staff's preview. */
    async results(user: SessionUser, cycleId: string, options: { preview?: boolean | undefined }) {
      const cycle = await cycleOr404(cycleId);
      const { content, revision } = await documentFor(user, cycle, options);
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
      };
    },

    /** Every published revision of a cycle, newest first (R11). */
    async revisions(user: SessionUser, cycleId: string) {
      const cycle = await cycleOr404(cycleId);
      const rows = await repo.listRevisions(db, cycle.id);
      if (!rows.length && !isStaff(user)) throw notPublished(cycle);
      return rows.map((r) => ({
        number: r.revision,
        reason: r.reason,
        publishedAt: r.publishedAt.toISOString(),
        publishedBy: r.publishedByName,
        contentHash: r.contentHash,
      }));
    },

    /** One frozen revision, exactly as stored, with its hash checked. */
    async revision(user: SessionUser, cycleId: string, n: number) {
      const cycle = await cycleOr404(cycleId);
      const { content, revision } = await documentFor(user, cycle, { revision: n });
      return { revision: revision!, content };
    },

    /** One agency at a glance for its leader (R19). */
    async agency(
      user: SessionUser,
      cycleId: string,
      agencyId: string,
      options: { preview?: boolean | undefined },
    ) {
      if (user.role === 'reporter' && user.agencyId !== agencyId)
        throw forbidden({
          vi: 'Đơn vị chỉ xem được kết quả của chính mình',
          en: 'An agency may only read its own results',
        });
      const cycle = await cycleOr404(cycleId);
      const { content, revision } = await documentFor(user, cycle, options);
      const agency = content.agencies.find((a) => a.agencyId === agencyId);
      if (!agency) throw notFound({ vi: 'cơ quan này trong kỳ đánh giá', en: 'this agency in the cycle' });
      const group = content.groups.find((g) => g.id === agency.group)!;
      const { compiled: set } = await criteriaVersion(db, content.criteria.id);
      const row = group.ranking.find((r) => r.agencyId === agencyId) ?? null;
      const out = group.notRanked.find((r) => r.agencyId === agencyId) ?? null;
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
        biggestLosses: row ? biggestLosses(set, content, agency, row) : [],
        previousYear: await previousYear(cycle.year, agency.code, row?.total ?? null),
      };
    },

    /** The CSV of a published revision for Excel (R15, R20). */
    async exportCsv(
      user: SessionUser,
      cycleId: string,
      options: { revision?: number | undefined; group?: string | undefined },
    ) {
      const cycle = await cycleOr404(cycleId);
      const { content, revision } = await documentFor(user, cycle, { revision: options.revision });
      if (options.group !== undefined && !content.groups.some((g) => g.id === options.group))
        throw invalid('group', {
          vi: `Không có nhóm "${options.group}" (có: ${content.groups.map((g) => g.id).join(', ')})`,
          en: `Unknown group "${options.group}" (known: ${content.groups.map((g) => g.id).join(', ')})`,
        });
      return {
        body: csvOf(content, options.group === undefined ? undefined : [options.group]),
        filename: `Kết quả đánh giá CNTT năm ${cycle.year} - lần ${revision!.number}${options.group ? ` - ${options.group}` : ''}.csv`,
      };
    },

    /** The published ranking in the exact output format of `chiso score` (interchange.md). */
    async exportJson(user: SessionUser, cycleId: string, options: { revision?: number | undefined }) {
      const cycle = await cycleOr404(cycleId);
      const { content, revision } = await documentFor(user, cycle, { revision: options.revision });
      const { compiled } = await criteriaVersion(db, content.criteria.id);
      return {
        result: interchangeOf(content, compiled),
        filename: `chiso-score-${cycle.year}-lan-${revision!.number}.json`,
      };
    },
  };

  /** Last year's standing of the same agency code, from that year's latest published revision. */
  async function previousYear(year: number, code: string, total: number | null) {
    const prev = await findCycleByYear(db, year - 1);
    if (!prev) return null;
    const row = await repo.snapshotOf(db, prev.id);
    if (!row) return null;
    const content = row.content as SnapshotContent;
    for (const g of content.groups) {
      const r = g.ranking.find((x) => x.code === code);
      if (r)
        return {
          year: prev.year,
          cycleId: prev.id,
          revision: row.revision,
          ranked: true,
          rank: r.rank,
          rankedInGroup: g.ranking.length,
          total: r.total,
          class: r.class,
          classLabel: r.classLabel,
          notRankedReason: null,
          notRankedLabel: null,
          change: total === null ? null : points(hundredthsOf(total) - hundredthsOf(r.total)),
        };
      const n = g.notRanked.find((x) => x.code === code);
      if (n)
        return {
          year: prev.year,
          cycleId: prev.id,
          revision: row.revision,
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
}

/** The agency's score per category against the maximum and the group's average (ranked agencies). */
function categoriesOf(group: SnapshotGroup, row: SnapshotGroup['ranking'][number] | null) {
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
  agency: SnapshotContent['agencies'][number],
  row: SnapshotGroup['ranking'][number],
) {
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
