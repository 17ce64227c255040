/**
 * The progress board of a cycle (R18): per agency of the roster, where its form stands against the
 * deadline (by the server's clock), where the review stands, who its reporters are and which
 * reminders went out; and the administrator's reminder by hand to those who have not submitted.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Text } from '../../../core/types.ts';
import { type Actor, audit } from '../../platform/audit.ts';
import { conflict, invalid, notFound, wrongState } from '../../platform/errors.ts';
import type { AppDeps } from '../../platform/http.ts';
import { STATE_LABELS } from '../cycles/cycle-states.ts';
import { instantVn } from '../cycles/cycle-texts.ts';
import { findCycle } from '../cycles/cycles.repo.ts';
import { pendingClaims, REVIEW_STATUS_LABELS, reviewStatus } from '../review/review-status.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { loadRecords } from '../scoring/cycle-data.ts';
import * as repo from './progress.repo.ts';
import { recipientsByAgency, reminderMail } from './reminders.ts';

export const FORM_STATES = ['not_started', 'draft', 'submitted_on_time', 'late', 'missing'] as const;
export type FormState = (typeof FORM_STATES)[number];

export const FORM_STATE_LABELS: Readonly<Record<FormState, Text>> = {
  not_started: { vi: 'Chưa bắt đầu', en: 'Not started' },
  draft: { vi: 'Đang soạn, chưa nộp', en: 'Draft, not submitted' },
  submitted_on_time: { vi: 'Đã nộp đúng hạn', en: 'Submitted on time' },
  late: { vi: 'Nộp muộn', en: 'Submitted late' },
  missing: { vi: 'Không nộp', en: 'Not submitted' },
};

/** Where a form stands: a submission at or after the (exclusive) deadline is late (R9). */
export function formState(
  submission: { status: 'draft' | 'submitted'; submittedAt: Date | null } | undefined,
  deadline: Date,
  now: Date,
): FormState {
  if (!submission) return now >= deadline ? 'missing' : 'not_started';
  if (submission.status !== 'submitted' || !submission.submittedAt) return 'draft';
  return submission.submittedAt >= deadline ? 'late' : 'submitted_on_time';
}

const cycleNotFound = () => notFound({ vi: 'kỳ đánh giá', en: 'evaluation cycle' });

export function progressService(deps: AppDeps, log: FastifyBaseLogger) {
  const db = deps.database.db;

  return {
    async board(cycleId: string, options: { group?: string | undefined }) {
      const cycle = await findCycle(db, cycleId);
      if (!cycle) throw cycleNotFound();
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
        const state = formState(sub, cycle.deadline, now);
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
      ) as Record<FormState, number>;
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
    },

    /** A reminder now to every agency that has not submitted (R18); reminders_sent is left alone. */
    async remindNow(actor: Actor, cycleId: string) {
      const cycle = await findCycle(db, cycleId);
      if (!cycle) throw cycleNotFound();
      const now = deps.clock.now();
      if (cycle.state !== 'open')
        throw wrongState(
          {
            vi: `Chỉ gửi nhắc nhở khi kỳ đánh giá đang nhận báo cáo (kỳ này: "${STATE_LABELS[cycle.state].vi}")`,
            en: `Reminders go out only while the cycle is open (this one: "${STATE_LABELS[cycle.state].en}")`,
          },
          { state: cycle.state },
        );
      if (now >= cycle.deadline)
        throw wrongState({
          vi: `Đã hết hạn nộp (trước ${instantVn(cycle.deadline)}); nhắc nộp lúc này không còn tác dụng`,
          en: `The deadline (${instantVn(cycle.deadline)}) has passed; a reminder is of no use now`,
        });
      if (!deps.mailer.enabled)
        throw conflict('mail_disabled', {
          vi: 'Hệ thống chưa được cấu hình gửi thư (SMTP_HOST). Hãy báo quản trị máy chủ.',
          en: 'E-mail is not configured (SMTP_HOST). Ask the server administrator.',
        });
      const pending = await repo.notSubmitted(db, cycle.id);
      const recipients = await recipientsByAgency(
        db,
        pending.map((a) => a.agencyId),
      );
      const sent: { agencyId: string; code: string; name: string; recipients: string[] }[] = [];
      const failed: { agencyId: string; code: string; name: string }[] = [];
      const withoutRecipients: { agencyId: string; code: string; name: string }[] = [];
      for (const a of pending) {
        const to = recipients.get(a.agencyId) ?? [];
        const who = { agencyId: a.agencyId, code: a.code, name: a.name };
        if (!to.length) {
          withoutRecipients.push(who);
          continue;
        }
        try {
          await deps.mailer.send(reminderMail(cycle, a, to, now, deps.config.publicUrl));
          sent.push({ ...who, recipients: to });
        } catch (e) {
          log.error({ err: e, cycleId: cycle.id, agency: a.code }, 'manual reminder could not be sent');
          failed.push(who);
        }
      }
      await audit(db, actor, now, {
        action: 'progress.remind',
        entityType: 'cycle',
        entityId: cycle.id,
        cycleId: cycle.id,
        newValue: {
          sent: sent.map((x) => ({ code: x.code, recipients: x.recipients })),
          failed: failed.map((x) => x.code),
          withoutRecipients: withoutRecipients.map((x) => x.code),
        },
      });
      return { sent, failed, withoutRecipients };
    },
  };
}
