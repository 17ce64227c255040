/**
 * The progress board of a cycle (R18): per agency of the roster, where its form stands against the
 * deadline (by the server's clock), where the review stands, who its reporters are and which
 * reminders went out.
 */
import type { Text } from '../../../core/types.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { STATE_LABELS } from '../cycles/cycle-states.ts';
import { instantVn } from '../cycles/cycle-texts.ts';
import { findCycle } from '../cycles/cycles.repo.ts';
import { pendingClaims, REVIEW_STATUS_LABELS, reviewStatus } from '../review/review-status.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { loadRecords } from '../scoring/cycle-data.ts';
import { canFollowProgress } from './progress.policy.ts';
import * as repo from './progress.repo.ts';
import { type Board, FORM_STATES, type FormProgress } from './progress.schema.ts';

export const FORM_STATE_LABELS: Readonly<Record<FormProgress, Text>> = {
  not_started: { vi: 'Chưa bắt đầu', en: 'Not started' },
  draft: { vi: 'Đang soạn, chưa nộp', en: 'Draft, not submitted' },
  submitted_on_time: { vi: 'Đã nộp đúng hạn', en: 'Submitted on time' },
  late: { vi: 'Nộp muộn', en: 'Submitted late' },
  missing: { vi: 'Không nộp', en: 'Not submitted' },
};

/** Where a form stands: a submission at or after the (exclusive) deadline is late (R9). */
export function formProgress(
  submission: { status: 'draft' | 'submitted'; submittedAt: Date | null } | undefined,
  deadline: Date,
  now: Date,
): FormProgress {
  if (!submission) return now >= deadline ? 'missing' : 'not_started';
  if (submission.status !== 'submitted' || !submission.submittedAt) return 'draft';
  return submission.submittedAt >= deadline ? 'late' : 'submitted_on_time';
}

export async function followProgress(
  deps: AppDeps,
  caller: Caller,
  input: { id: string; group?: string | undefined },
): Promise<Board> {
  authorize(canFollowProgress(caller.user));
  const db = deps.database.db;
  const cycleId = input.id;
  const options = { group: input.group };

  const cycle = await findCycle(db, cycleId);
  if (!cycle) throw notFound({ vi: 'kỳ đánh giá', en: 'evaluation cycle' });
  const { compiled } = await criteriaVersion(db, cycle.criteriaVersionId);
  if (options.group !== undefined && !compiled.groupsById.has(options.group))
    throw invalid('group', {
      vi: `Không có nhóm "${options.group}" (có: ${compiled.groups.map((g) => g.id).join(', ')})`,
      en: `Unknown group "${options.group}" (known: ${compiled.groups.map((g) => g.id).join(', ')})`,
    });
  const now = deps.clock.now();
  const records = (await loadRecords(db, cycle)).filter(
    (r) => options.group === undefined || r.groupId === options.group,
  );
  const subs = new Map((await repo.submissionStates(db, cycle.id)).map((s) => [s.agencyId, s]));
  const open = await repo.unclosedQueries(
    db,
    records.flatMap((r) => (r.submission ? [r.submission.id] : [])),
  );
  const reporters = await repo.reportersOf(
    db,
    records.map((r) => r.agencyId),
  );
  const reminders = await repo.remindersOf(db, cycle.id);
  const groupName = (id: string) => compiled.groupsById.get(id)?.def.name ?? { vi: id };

  const agencies = records.map((r) => {
    const sub = subs.get(r.agencyId);
    const state = formProgress(sub, cycle.deadline, now);
    const queries = r.submission ? (open.get(r.submission.id) ?? 0) : 0;
    const review = reviewStatus(r, queries);
    return {
      agencyId: r.agencyId,
      code: r.code,
      name: r.name,
      group: r.groupId,
      groupName: groupName(r.groupId),
      formState: state,
      formStateLabel: FORM_STATE_LABELS[state],
      lastSavedAt: sub?.updatedAt.toISOString() ?? null,
      submittedAt: sub?.status === 'submitted' ? (sub.submittedAt?.toISOString() ?? null) : null,
      reviewState: review,
      reviewStateLabel: REVIEW_STATUS_LABELS[review],
      openQueries: queries,
      pendingClaims: pendingClaims(r),
      reporters: reporters
        .filter((u) => u.agencyId === r.agencyId)
        .map((u) => ({ name: u.name, email: u.email })),
      reminders: reminders
        .filter((m) => m.agencyId === r.agencyId)
        .map((m) => ({
          daysBefore: m.daysBefore,
          at: m.sentAt.toISOString(),
          sent: m.recipients !== '',
          recipients: m.recipients ? m.recipients.split(', ') : [],
        })),
    };
  });
  const totals = Object.fromEntries(
    FORM_STATES.map((s) => [s, agencies.filter((a) => a.formState === s).length]),
  ) as Record<FormProgress, number>;
  return {
    cycle: {
      id: cycle.id,
      year: cycle.year,
      title: cycle.title,
      state: cycle.state,
      stateLabel: STATE_LABELS[cycle.state],
      deadline: cycle.deadline.toISOString(),
      deadlineText: instantVn(cycle.deadline),
    },
    now: now.toISOString(),
    deadlinePassed: now >= cycle.deadline,
    group: options.group ?? null,
    totals,
    agencies,
  };
}
