/**
 * The sources of in-app notifications. A notification is not stored: each source computes its
 * items from the data the user may see, since a time; only the read marks are stored (per user and
 * key). A key names the thing and its version (a query's answer, a revision), so a new event is
 * a new unread item. Adding a source (appeals, for one) is one function and one line in SOURCES.
 */
import { formatDate } from '../../../core/format.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { appealEventsFor, appealsFiledSince } from '../appeals/read-appeals.ts';
import { dateVn, instantVn } from '../cycles/cycle-texts.ts';
import { feedbackAnswersFor, feedbackRaisedSince } from '../feedback/read-feedback.ts';
import { plansFor, repliesFor } from '../surveys/read-plans.ts';
import * as repo from './notifications.repo.ts';
import type { Notification } from './notifications.schema.ts';

/** One notification before its read mark is known. */
export type Item = Omit<Notification, 'read'>;

/** A source: the items this caller may see, of events since `since`. */
export type NotificationSource = (deps: AppDeps, caller: Caller, since: Date) => Promise<Item[]>;

/** A reminder comes this many days before the deadline of a form not yet submitted. */
export const DEADLINE_DAYS = 7;

const quote = (s: string) => `“${s}”`;

/** An agency's reporters: the department's queries on its forms and the answers to them. */
export const agencyQueries: NotificationSource = async (deps, { user }, since) => {
  if (user.role !== 'reporter' || !user.agencyId) return [];
  const db = deps.database.db;
  const [opened, answers] = await Promise.all([
    repo.agencyQueries(db, user.agencyId, since),
    repo.queryMessagesFor(db, { agencyId: user.agencyId, from: 'department' }, since),
  ]);
  return [
    ...opened.map(
      (q): Item => ({
        key: `query:${q.id}`,
        kind: 'query',
        at: q.createdAt.toISOString(),
        title: {
          vi: `Cán bộ thẩm định hỏi về phiếu năm ${q.year}`,
          en: `The department asks about the ${q.year} form`,
        },
        body: { vi: quote(q.subject) },
        link: `/bao-cao/${q.cycleId}`,
      }),
    ),
    ...answers.map(
      (a): Item => ({
        key: `query-answer:${a.id}`,
        kind: 'query_answer',
        at: a.createdAt.toISOString(),
        title: {
          vi: `${a.authorName} trả lời câu hỏi về phiếu năm ${a.year}`,
          en: `${a.authorName} answered a query on the ${a.year} form`,
        },
        body: { vi: quote(a.subject) },
        link: `/bao-cao/${a.cycleId}`,
      }),
    ),
  ];
};

/** An agency's reporters: the deadline is near and the form is not submitted. */
export const deadlineReminders: NotificationSource = async (deps, { user }) => {
  if (user.role !== 'reporter' || !user.agencyId) return [];
  const now = deps.clock.now();
  const until = new Date(now.getTime() + DEADLINE_DAYS * 86_400_000);
  const due = await repo.deadlinesDue(deps.database.db, user.agencyId, now, until);
  return due.map((c) => {
    const days = Math.max(0, Math.ceil((c.deadline.getTime() - now.getTime()) / 86_400_000));
    const when = instantVn(c.deadline);
    return {
      // The deadline in the key: an extended deadline reminds again.
      key: `deadline:${c.cycleId}:${c.deadline.toISOString()}`,
      kind: 'deadline',
      at: now.toISOString(),
      title: {
        vi: `Còn ${days} ngày đến hạn nộp báo cáo năm ${c.year}`,
        en: `${days} day(s) left to submit the ${c.year} report`,
      },
      body: {
        vi: `Hạn nộp: ${when}. Phiếu của cơ quan chưa được nộp.`,
        en: `Deadline: ${when} (Vietnam time). Your agency's form is not submitted yet.`,
      },
      link: `/bao-cao/${c.cycleId}`,
    } satisfies Item;
  });
};

/** An agency's reporters: a result of a cycle it took part in was published (or revised). */
export const publishedResults: NotificationSource = async (deps, { user }, since) => {
  if (user.role !== 'reporter' || !user.agencyId) return [];
  const rows = await repo.publishedFor(deps.database.db, user.agencyId, since);
  return rows.map(
    (r): Item => ({
      key: `published:${r.cycleId}:${r.revision}`,
      kind: 'published',
      at: r.publishedAt.toISOString(),
      title:
        r.revision === 1
          ? { vi: `Đã công bố kết quả năm ${r.year}`, en: `The ${r.year} result is published` }
          : {
              vi: `Kết quả năm ${r.year} được điều chỉnh (lần ${r.revision})`,
              en: `The ${r.year} result was revised (revision ${r.revision})`,
            },
      body: {
        vi: `Xem điểm, thứ hạng và lý do từng chênh lệch (công bố ngày ${dateVn(r.publishedAt)}).`,
        en: 'See your score, rank and the reason for every difference.',
      },
      link: `/ky/${r.cycleId}/ket-qua/${user.agencyId}`,
    }),
  );
};

/** An assessor (or the administrator): the agencies' replies to the queries they opened. */
export const repliesToMyQueries: NotificationSource = async (deps, { user }, since) => {
  if (user.role !== 'assessor' && user.role !== 'admin') return [];
  const rows = await repo.queryMessagesFor(deps.database.db, { createdBy: user.id, from: 'agency' }, since);
  return rows.map(
    (r): Item => ({
      key: `query-reply:${r.id}`,
      kind: 'query_reply',
      at: r.createdAt.toISOString(),
      title: {
        vi: `${r.authorName} trả lời câu hỏi của bạn (năm ${r.year})`,
        en: `${r.authorName} replied to your query (${r.year})`,
      },
      body: { vi: quote(r.subject) },
      link: `/ky/${r.cycleId}/tham-dinh/${r.agencyId}`,
    }),
  );
};

/** The department (assessors, administrator): forms newly submitted, to review. */
export const newSubmissions: NotificationSource = async (deps, { user }, since) => {
  if (user.role !== 'assessor' && user.role !== 'admin') return [];
  const rows = await repo.submittedSince(deps.database.db, since);
  return rows.map(
    (r): Item => ({
      key: `submitted:${r.id}:${r.submittedAt!.toISOString()}`,
      kind: 'submitted',
      at: r.submittedAt!.toISOString(),
      title: {
        vi: `${r.agencyName} đã nộp phiếu năm ${r.year}`,
        en: `${r.agencyName} submitted the ${r.year} form`,
      },
      body: {
        vi: `Nộp lúc ${instantVn(r.submittedAt!)}`,
        en: `Submitted ${instantVn(r.submittedAt!)} (Vietnam time)`,
      },
      link: `/ky/${r.cycleId}/tham-dinh/${r.agencyId}`,
    }),
  );
};

/** An agency's reporters: the department's answers to its appeals (upheld with the change, or rejected). */
export const appealAnswers: NotificationSource = async (deps, { user }, since) => {
  if (user.role !== 'reporter' || !user.agencyId) return [];
  const events = await appealEventsFor(deps.database.db, user.agencyId);
  return events
    .filter((e) => e.at >= since)
    .map(
      (e): Item => ({
        key: `appeal-answer:${e.id}`,
        kind: 'appeal_answer',
        at: e.at.toISOString(),
        title: e.title,
        body: {
          vi: 'Xem câu trả lời và điểm sau khi trả lời.',
          en: 'See the answer and the score after it.',
        },
        link: e.link,
      }),
    );
};

/** The department (assessors, administrator): appeals the agencies filed, to answer. */
export const newAppeals: NotificationSource = async (deps, { user }, since) => {
  if (user.role !== 'assessor' && user.role !== 'admin') return [];
  const events = await appealsFiledSince(deps.database.db, since);
  return events.map(
    (e): Item => ({
      key: `appeal:${e.id}`,
      kind: 'appeal',
      at: e.at.toISOString(),
      title: e.title,
      body: { vi: quote(e.body) },
      link: e.link,
    }),
  );
};

/** Anyone who raised feedback on the regulation: the department's answers (each revision). */
export const feedbackAnswers: NotificationSource = async (deps, { user }, since) => {
  const events = await feedbackAnswersFor(deps.database.db, user.id, since);
  return events.map(
    (e): Item => ({
      key: `feedback-answer:${e.id}:${e.revision}`,
      kind: 'feedback_answer',
      at: e.at.toISOString(),
      title: {
        vi: `Sở TT&TT đã trả lời góp ý của bạn về ${e.about.vi}`,
        en: `The department answered your feedback on ${e.about.en ?? e.about.vi}`,
      },
      body: { vi: 'Xem câu trả lời và kết quả xử lý.', en: 'See the answer and what was decided.' },
      link: '/gop-y',
    }),
  );
};

/** The department (assessors, administrator): feedback on the regulation raised, to answer. */
export const newFeedback: NotificationSource = async (deps, { user }, since) => {
  if (user.role !== 'assessor' && user.role !== 'admin') return [];
  const events = await feedbackRaisedSince(deps.database.db, since);
  return events.map(
    (e): Item => ({
      key: `feedback:${e.id}`,
      kind: 'feedback',
      at: e.at.toISOString(),
      title: {
        vi: `${e.raiser} góp ý về ${e.about.vi}`,
        en: `${e.raiser} raised feedback on ${e.about.en ?? e.about.vi}`,
      },
      body: { vi: quote(e.text) },
      link: '/gop-y/xu-ly',
    }),
  );
};

/** An agency's reporters: a field survey planned at the agency (or its date moved), to confirm. */
export const surveyPlansForAgency: NotificationSource = async (deps, { user }, since) => {
  if (user.role !== 'reporter' || !user.agencyId) return [];
  const rows = await plansFor(deps.database.db, user.agencyId, since);
  return rows.map(
    (p): Item => ({
      key: `survey-plan:${p.id}:${p.visitDate}`,
      kind: 'survey_plan',
      at: p.updatedAt.toISOString(),
      title: {
        vi: `Sở TT&TT khảo sát thực tế tại cơ quan ngày ${formatDate(p.visitDate)}`,
        en: `The department plans a field survey at your agency on ${formatDate(p.visitDate)}`,
      },
      body: {
        vi: 'Xác nhận ngày khảo sát hoặc đề nghị ngày khác.',
        en: 'Confirm the date or ask for another.',
      },
      link: '/bao-cao',
    }),
  );
};

/** The assessor who planned a visit: the agency's reply (confirmed, or another date asked). */
export const surveyReplies: NotificationSource = async (deps, { user }, since) => {
  if (user.role !== 'assessor' && user.role !== 'admin') return [];
  const rows = await repliesFor(deps.database.db, user.id, since);
  return rows.map(
    (p): Item => ({
      key: `survey-reply:${p.id}:${p.repliedAt!.toISOString()}`,
      kind: 'survey_reply',
      at: p.repliedAt!.toISOString(),
      title:
        p.status === 'confirmed'
          ? {
              vi: `${p.agencyName} xác nhận lịch khảo sát ngày ${formatDate(p.visitDate)}`,
              en: `${p.agencyName} confirmed the survey on ${formatDate(p.visitDate)}`,
            }
          : {
              vi: `${p.agencyName} đề nghị đổi lịch khảo sát sang ngày ${formatDate(p.proposedDate ?? p.visitDate)}`,
              en: `${p.agencyName} asks to move the survey to ${formatDate(p.proposedDate ?? p.visitDate)}`,
            },
      body: p.replyNote ? { vi: quote(p.replyNote) } : null,
      link: `/ky/${p.cycleId}/tham-dinh/${p.agencyId}`,
    }),
  );
};

/** Every source the bell reads. The appeals module adds its source here (one line). */
export const SOURCES: readonly NotificationSource[] = [
  agencyQueries,
  deadlineReminders,
  publishedResults,
  repliesToMyQueries,
  newSubmissions,
  appealAnswers,
  newAppeals,
  feedbackAnswers,
  newFeedback,
  surveyPlansForAgency,
  surveyReplies,
];
