/**
 * The cycle as the use cases answer with it: a row as a list shows it, and the detail a screen
 * shows (documents, deadline extensions, the roster by group, the steps open to the reader); and
 * a cycle loaded or locked by id, 404 when there is none.
 */
import type { Executor } from '../../db/open.ts';
import type { SessionUser } from '../../platform/auth.ts';
import { agenciesValidOn } from '../agencies/agencies.repo.ts';
import { vnDateOf } from '../agencies/registry-dates.ts';
import { checkWindow } from '../scoring/cycle-data.ts';
import { availableTransitions, STATE_LABELS } from './cycle-states.ts';
import { cycleNotFound } from './cycles.policy.ts';
import * as repo from './cycles.repo.ts';
import type { CriteriaRef, CycleDetail, CycleSummary, FileView } from './cycles.schema.ts';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function cycleSummary(c: repo.CycleRow, criteria: CriteriaRef): CycleSummary {
  return {
    id: c.id,
    year: c.year,
    title: c.title,
    state: c.state,
    stateLabel: STATE_LABELS[c.state],
    criteriaVersion: criteria,
    guidanceBy: c.guidanceBy.toISOString(),
    deadline: c.deadline.toISOString(),
    publishBy: c.publishBy.toISOString(),
    monitorFrom: checkWindow(c).from.toISOString(),
    monitorTo: checkWindow(c).to.toISOString(),
    rosterDate: vnDateOf(c.guidanceBy),
    announcement: c.announcement,
    openedAt: iso(c.openedAt),
    closedAt: iso(c.closedAt),
    approvedAt: iso(c.approvedAt),
    publishedAt: iso(c.publishedAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

const fileView = (f: repo.FileRow): FileView => ({
  id: f.id,
  filename: f.filename,
  mime: f.mime,
  size: f.size,
  sha256: f.sha256,
  uploadedAt: f.uploadedAt.toISOString(),
});

/** The criteria version a cycle is bound to, as the cycle names it. */
const criteriaRef = async (db: Executor, versionId: string): Promise<CriteriaRef> =>
  (await repo.criteriaOf(db, versionId))!;

/** The cycle as it is now, for the `details` of a 409 stale. */
export const currentCycle = async (db: Executor, c: repo.CycleRow): Promise<CycleSummary> =>
  cycleSummary(c, await criteriaRef(db, c.criteriaVersionId));

/**
 * One cycle as the reader sees it: before the opening the roster is what the registry would give
 * on the roster date; after it, the frozen roster. `now` decides which steps are possible yet.
 */
export async function cycleDetail(
  db: Executor,
  user: Pick<SessionUser, 'role'>,
  c: repo.CycleRow,
  now: Date,
): Promise<CycleDetail> {
  const [criteria, files, extensions] = await Promise.all([
    criteriaRef(db, c.criteriaVersionId),
    repo.filesByIds(
      db,
      [c.guidanceFileId, c.formFileId].filter((x): x is string => x !== null),
    ),
    repo.extensionsOf(db, c.id),
  ]);
  const rosterDate = vnDateOf(c.guidanceBy);
  const frozen = c.state !== 'draft';
  const counts = frozen
    ? (await repo.rosterCounts(db, c.id)).map((r) => ({ groupId: r.groupId, count: Number(r.count) }))
    : Object.entries(
        (await agenciesValidOn(db, rosterDate)).reduce<Record<string, number>>((acc, a) => {
          acc[a.groupId] = (acc[a.groupId] ?? 0) + 1;
          return acc;
        }, {}),
      ).map(([groupId, count]) => ({ groupId, count }));
  const file = (id: string | null) => {
    const f = id ? files.find((x) => x.id === id) : undefined;
    return f ? fileView(f) : null;
  };
  return {
    ...cycleSummary(c, criteria),
    documents: { guidance: file(c.guidanceFileId), form: file(c.formFileId) },
    extensions: extensions.map((e) => ({
      id: e.id,
      oldDeadline: e.oldDeadline.toISOString(),
      newDeadline: e.newDeadline.toISOString(),
      reason: e.reason,
      decisionRef: e.decisionRef,
      decidedBy: e.decidedBy,
      decidedByName: e.decidedByName,
      createdAt: e.createdAt.toISOString(),
    })),
    roster: { date: rosterDate, frozen, total: counts.reduce((s, g) => s + g.count, 0), groups: counts },
    transitions: availableTransitions(c, user, now),
  };
}

/** The cycle of an id; 404 when there is none. */
export async function loadCycle(db: Executor, id: string): Promise<repo.CycleRow> {
  const c = await repo.findCycle(db, id);
  if (!c) throw cycleNotFound();
  return c;
}

/** The cycle of an id, locked for the rest of the transaction; 404 when there is none. */
export async function lockCycle(tx: Executor, id: string): Promise<repo.CycleRow> {
  const c = await repo.lockCycle(tx, id);
  if (!c) throw cycleNotFound();
  return c;
}
