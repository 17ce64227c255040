/**
 * The appeals of a cycle as each reader may see them (the department and the Steering Committee
 * all, a reporter its agency's), with the period and what publication waits for; `readAppeals`
 * for the annual report's annex; `appealEventsFor` for the in-app notifications of an agency.
 */
import { formatDate, formatPoints } from '../../../core/format.ts';
import type { Text } from '../../../core/types.ts';
import type { Executor } from '../../db/open.ts';
import type { AppealStatus } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { rosterEntry, submissionOf } from '../review/review.repo.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { loadRecords, officialData } from '../scoring/cycle-data.ts';
import { appealView, loadCycle, periodFacts, periodOf } from './appeal-context.ts';
import { canReadAppeals, periodRefusal, publishWaitsFor } from './appeals.policy.ts';
import * as repo from './appeals.repo.ts';
import type { AppealsQuery, AppealsView, CycleParams } from './appeals.schema.ts';

export async function readAppealsView(
  deps: AppDeps,
  caller: Caller,
  input: CycleParams & AppealsQuery,
): Promise<AppealsView> {
  const db = deps.database.db;
  const user = caller.user;
  const agencyId = user.role === 'reporter' ? user.agencyId : (input.agencyId ?? null);
  authorize(canReadAppeals(user, input.agencyId ?? agencyId));
  const cycle = await loadCycle(db, input.cycleId);
  const now = deps.clock.now();
  const period = periodOf(cycle, now);
  const { compiled } = await criteriaVersion(db, cycle.criteriaVersionId);
  const rows = await repo.listAppeals(db, cycle.id, agencyId ?? undefined);
  const fileRows = await repo.filesOf(
    db,
    rows.map((r) => r.id),
  );
  const staff = user.role === 'admin' || user.role === 'assessor';
  // The official values of the agencies with open appeals: the answer form shows what each field holds.
  const waiting = staff ? [...new Set(rows.filter((r) => r.status === 'open').map((r) => r.agencyId))] : [];
  const current = new Map(
    waiting.length
      ? (await loadRecords(db, cycle, waiting)).map((r) => [r.agencyId, officialData(r).values] as const)
      : [],
  );
  const appeals = rows.map((r) =>
    appealView(
      r,
      compiled.groupsById.get(r.groupId),
      compiled.derived,
      fileRows,
      staff,
      current.get(r.agencyId),
    ),
  );
  // The reporter's own agency: the criteria it may contest, and whether it may now.
  let criteria: AppealsView['criteria'] = [];
  let fileRefusal: Text | null = null;
  if (user.role === 'reporter' && user.agencyId) {
    const entry = await rosterEntry(db, cycle.id, user.agencyId);
    const group = entry ? compiled.groupsById.get(entry.groupId) : undefined;
    criteria = group ? group.criteria.map((k) => ({ id: k.id, name: k.def.name })) : [];
    fileRefusal = periodRefusal(periodFacts(cycle, now));
    if (!fileRefusal && (await submissionOf(db, cycle.id, user.agencyId))?.status !== 'submitted')
      fileRefusal = {
        vi: 'Cơ quan không nộp báo cáo trong kỳ này nên không có kết quả để kiến nghị',
        en: 'The agency did not submit a report this cycle: there is no result to appeal',
      };
    if (!entry)
      fileRefusal = { vi: 'Cơ quan không có trong kỳ đánh giá này', en: 'The agency is not in this cycle' };
  }
  const openCount = (await repo.countOpen(db, cycle.id)) as number;
  const waits =
    cycle.state === 'approved'
      ? publishWaitsFor({
          periodOpen: period.open,
          lastDay: period.lastDay ? formatDate(period.lastDay) : null,
          openAppeals: openCount,
        })
      : null;
  return {
    cycle: { id: cycle.id, year: cycle.year, title: cycle.title, state: cycle.state },
    period,
    canFile: user.role === 'reporter' && fileRefusal === null,
    fileRefusal,
    canAnswer: staff && cycle.state === 'approved',
    criteria,
    appeals,
    openCount: user.role === 'reporter' ? appeals.filter((a) => a.status === 'open').length : openCount,
    publishBlock: waits,
  };
}

/** One appeal as the annual report's annex lists it. */
export interface AppealRecord {
  readonly agencyCode: string;
  readonly agencyName: string;
  readonly criterionId: string;
  readonly criterionName: Text;
  readonly text: string;
  readonly status: AppealStatus;
  readonly statusLabel: Text;
  readonly filedAt: Date;
  readonly answer: string | null;
  readonly answeredAt: Date | null;
  /** Whole hundredths; equal before and after unless upheld. */
  readonly totalBefore: number | null;
  readonly totalAfter: number | null;
  readonly pointsBefore: number | null;
  readonly pointsAfter: number | null;
}

/** Every appeal of a cycle with its answer and effect, for the documents module (no access check: the caller's). */
export async function readAppeals(db: Executor, cycleId: string): Promise<AppealRecord[]> {
  const cycle = await loadCycle(db, cycleId);
  const { compiled } = await criteriaVersion(db, cycle.criteriaVersionId);
  const rows = await repo.listAppeals(db, cycleId);
  return rows.map((r) => {
    const v = appealView(r, compiled.groupsById.get(r.groupId), compiled.derived, [], false);
    return {
      agencyCode: r.agencyCode,
      agencyName: r.agencyName,
      criterionId: r.criterionId,
      criterionName: v.criterion.name,
      text: r.text,
      status: r.status,
      statusLabel: v.statusLabel,
      filedAt: r.filedAt,
      answer: r.answer,
      answeredAt: r.answeredAt,
      totalBefore: r.totalBefore,
      totalAfter: r.totalAfter,
      pointsBefore: r.pointsBefore,
      pointsAfter: r.pointsAfter,
    };
  });
}

/** An event for the in-app notifications: when, what (both languages), where to look. */
export interface AppealEvent {
  /** The appeal's id: one event per appeal and step (filed, answered). */
  readonly id: string;
  readonly at: Date;
  readonly title: Text;
  readonly link: string;
}

/** The answers to an agency's appeals, newest first (for the notification bell). */
export async function appealEventsFor(db: Executor, agencyId: string): Promise<AppealEvent[]> {
  const rows = await repo.answeredFor(db, agencyId);
  return rows.map((r) => {
    const upheld = r.status === 'upheld';
    const change =
      upheld && r.totalBefore !== null && r.totalAfter !== null
        ? {
            vi: ` (${formatPoints(r.totalBefore, 'vi')} → ${formatPoints(r.totalAfter, 'vi')} điểm)`,
            en: ` (${formatPoints(r.totalBefore, 'en')} → ${formatPoints(r.totalAfter, 'en')} points)`,
          }
        : { vi: '', en: '' };
    return {
      id: r.id,
      at: r.answeredAt!,
      title: {
        vi: `Kiến nghị về tiêu chí ${r.criterionId} năm ${r.year} ${upheld ? 'được chấp nhận' : 'không được chấp nhận'}${change.vi}`,
        en: `Appeal on criterion ${r.criterionId} (${r.year}) ${upheld ? 'upheld' : 'rejected'}${change.en}`,
      },
      link: `/ky/${r.cycleId}/kien-nghi`,
    };
  });
}

/** The appeals filed since, of every agency, for the department's notification bell, newest first. */
export async function appealsFiledSince(
  db: Executor,
  since: Date,
): Promise<(AppealEvent & { body: string })[]> {
  const rows = await repo.filedSince(db, since);
  return rows.map((r) => ({
    id: r.id,
    at: r.filedAt,
    title: {
      vi: `${r.agencyName} kiến nghị về tiêu chí ${r.criterionId} (năm ${r.year})`,
      en: `${r.agencyName} appealed criterion ${r.criterionId} (${r.year})`,
    },
    body: r.text.length > 160 ? `${r.text.slice(0, 159)}…` : r.text,
    link: `/ky/${r.cycleId}/xu-ly-kien-nghi`,
  }));
}
