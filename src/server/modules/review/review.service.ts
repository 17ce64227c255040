/**
 * The department's verification of the submissions (R10, R12, R16, R17): the review list, the
 * review page of one agency (values and corrections, N/A claims, evidence, queries, field surveys,
 * website checks, logic checks, self-assessment against the official score), and the work on it:
 * queries to the agency, field surveys with evidence, N/A decisions and corrections with reasons.
 *
 * Corrections and decisions change the official result, so they are accepted only while the cycle
 * is closed or under review and the agency has submitted; each one writes its audit row in the same
 * transaction, with the cycle share-locked so that it cannot be approved or published meanwhile.
 */

import { isValidDate, VN_OFFSET_MS } from '../../../core/calendar/time.ts';
import { runChecks } from '../../../core/checks/run.ts';
import type { CompiledGroup, CompiledSet, Node } from '../../../core/criteria/compile.ts';
import type { CriteriaSet, Field } from '../../../core/criteria/schema.ts';
import { formatDate, pick } from '../../../core/format.ts';
import { checkValue, fieldName } from '../../../core/input/values.ts';
import { points } from '../../../core/interchange.ts';
import { eligibility } from '../../../core/ranking/rank.ts';
import { scoreAgency } from '../../../core/scoring/score.ts';
import type { AgencyData, Finding, Text, Values } from '../../../core/types.ts';
import type { Db } from '../../db/open.ts';
import type { CycleState } from '../../db/schema.ts';
import { type Actor, audit } from '../../platform/audit.ts';
import type { SessionUser } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, forbidden, invalid, notFound, wrongState } from '../../platform/errors.ts';
import { type FileStore, sniff } from '../../platform/files.ts';
import type { Mailer } from '../../platform/mail.ts';
import { cycleStateSentence } from '../cycles/cycle-texts.ts';
import { type CycleRow, findCycle } from '../cycles/cycles.repo.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import {
  type AgencyRecord,
  checkWindow,
  loadRecords,
  officialData,
  officialValues,
  selfAssessedData,
} from '../scoring/cycle-data.ts';
import { checkView } from '../website-checks/check-context.ts';
import { listChecks } from '../website-checks/website-checks.repo.ts';
import type { WebsiteCheckView } from '../website-checks/website-checks.schema.ts';
import { type Comparison, compare, displayValue, type FieldReview, sameValue } from './compare.ts';
import * as repo from './review.repo.ts';
import { pendingClaims, REVIEW_STATUS_LABELS, type ReviewStatus, reviewStatus } from './review-status.ts';

/* ───────────────────────── views ───────────────────────── */

export interface ReviewListRow {
  agencyId: string;
  code: string;
  name: string;
  group: string;
  submissionStatus: 'not_started' | 'draft' | 'submitted';
  submittedAt: string | null;
  late: boolean;
  openQueries: number;
  answeredQueries: number;
  pendingClaims: number;
  corrections: number;
  findings: { errors: number; warnings: number } | null;
  selfTotal: number | null;
  officialTotal: number | null;
  selfClass: { id: string; label: Text } | null;
  officialClass: { id: string; label: Text } | null;
  reviewStatus: ReviewStatus;
  reviewStatusLabel: Text;
}

export interface UserRef {
  id: string;
  name: string;
}

export interface HistoryEntry {
  kind: 'correction' | 'reviewer';
  oldValue: unknown;
  newValue: unknown;
  /** The entry put the agency's own value back (a correction withdrawn). */
  restoresAgencyValue: boolean;
  reason: string | null;
  surveyId: string | null;
  by: UserRef | null;
  at: string;
}

export interface FieldValueView {
  key: string;
  label: Text;
  source: Field['source'];
  type: Field['type'];
  /** What the correction form needs to ask for a valid value. */
  unit: Text | null;
  min: number | null;
  max: number | null;
  options: { value: string; label: Text }[] | null;
  agencyValue: unknown;
  officialValue: unknown;
  corrected: boolean;
  history: HistoryEntry[];
}

export interface ClaimView {
  criterionId: string;
  criterionName: Text | null;
  reason: string;
  status: 'claimed' | 'confirmed' | 'rejected';
  claimedAt: string;
  decidedBy: UserRef | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface EvidenceView {
  id: string;
  criterionId: string | null;
  surveyId: string | null;
  filename: string;
  mime: string;
  size: number;
  note: string | null;
  addedBy: UserRef | null;
  addedAt: string;
}

export interface MessageView {
  id: string;
  body: string;
  author: (UserRef & { role: string }) | null;
  createdAt: string;
}

export interface QueryView {
  id: string;
  agencyId: string;
  criterionId: string | null;
  fieldKey: string | null;
  subject: string;
  status: 'open' | 'answered' | 'closed';
  createdBy: UserRef | null;
  createdAt: string;
  closedAt: string | null;
  messages: MessageView[];
}

export interface SurveyView {
  id: string;
  surveyDate: string;
  team: string;
  findings: string;
  createdBy: UserRef | null;
  createdAt: string;
  evidence: EvidenceView[];
}

export interface FindingView {
  ruleId: string;
  severity: 'error' | 'warning';
  message: Text;
  fields: string[];
}

export interface ReviewPage {
  cycle: { id: string; year: number; title: string; state: CycleState; deadline: string };
  agency: { id: string; code: string; name: string; group: string; groupName: Text };
  submission: {
    id: string;
    status: 'draft' | 'submitted';
    submittedAt: string | null;
    late: boolean;
    version: number;
    attestedName: string | null;
    attestedTitle: string | null;
  } | null;
  reviewStatus: ReviewStatus;
  reviewStatusLabel: Text;
  values: FieldValueView[];
  claims: ClaimView[];
  evidence: EvidenceView[];
  queries: QueryView[];
  surveys: SurveyView[];
  websiteChecks: WebsiteCheckView[];
  findings: FindingView[];
  comparison: Comparison;
}

export interface Notified {
  /** How many addresses the e-mail was sent to. */
  recipients: number;
  /** False when there was nobody to write to or the mail server refused. */
  sent: boolean;
}

/* ───────────────────────── wording ───────────────────────── */

const cycleIs = (cycle: CycleRow): Text => cycleStateSentence(cycle);

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Vietnam's calendar date of an instant, YYYY-MM-DD. */
const vnDate = (d: Date): string => new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

const clean = (s: string): string => s.normalize('NFC').trim();
const length = (s: string): number => [...s].length;

/** A file name to store and offer again: no folders, no control characters, at most 200 characters. */
function safeFilename(raw: string | undefined, extension: string): string {
  const base = (raw ?? '')
    .normalize('NFC')
    .split(/[\\/]/)
    .pop()!
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim();
  const name = base && base !== '.' && base !== '..' ? base : `minh-chung.${extension}`;
  return [...name].slice(-200).join('');
}

const QUERY_STATES = new Set<CycleState>(['open', 'closed', 'under_review']);
const EDIT_STATES = new Set<CycleState>(['closed', 'under_review']);
const APPROVER_STATES = new Set<CycleState>(['under_review', 'approved', 'published']);

/** The largest value a reviewer field can earn, from the criteria that read it (the core clamps above it). */
function reviewerMax(group: CompiledGroup, key: string): { max: number; criterionId: string } | null {
  let found: { max: number; criterionId: string } | null = null;
  const walk = (node: Node, criterionId: string) => {
    if (node.op === 'reviewer' && node.field === key) {
      const max = Number(node.points.n) / Number(node.points.d);
      if (!found || max < found.max) found = { max, criterionId };
    }
    if (node.op === 'sum') for (const t of node.terms) walk(t, criterionId);
    if (node.op === 'gate') {
      walk(node.then, criterionId);
      walk(node.else, criterionId);
    }
  };
  for (const k of group.criteria) walk(k.node, k.id);
  return found;
}

const findingView = (f: Finding): FindingView => ({
  ruleId: f.ruleId,
  severity: f.severity,
  message: f.message,
  fields: [...f.fields],
});

/* ───────────────────────── the service ───────────────────────── */

export interface ReviewDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly mailer: Mailer;
  readonly files: FileStore;
  /** The address people use to reach the system, for links in e-mails. */
  readonly publicUrl?: string | undefined;
}

export function reviewService(deps: ReviewDeps) {
  const { db, clock } = deps;

  /** The cycle, or 404; an approver sees the review only once the cycle is submitted for approval. */
  async function readableCycle(user: SessionUser, cycleId: string): Promise<CycleRow> {
    const cycle = await findCycle(db, cycleId);
    if (!cycle) throw notFound({ vi: 'kỳ đánh giá', en: 'cycle' });
    if (user.role === 'approver' && !APPROVER_STATES.has(cycle.state))
      throw forbidden({
        vi: `${cycleIs(cycle).vi}: người phê duyệt xem kết quả thẩm định khi kỳ đã được trình phê duyệt`,
        en: `${cycleIs(cycle).en}: the approver reads the review once the cycle is submitted for approval`,
      });
    return cycle;
  }

  async function rosterOf(cycle: CycleRow, agencyId: string) {
    const entry = await repo.rosterEntry(db, cycle.id, agencyId);
    if (!entry)
      throw notFound({
        vi: `cơ quan trong danh sách đánh giá năm ${cycle.year}`,
        en: `agency on the ${cycle.year} roster`,
      });
    return entry;
  }

  async function groupOf(
    cycle: CycleRow,
    groupId: string,
  ): Promise<{ set: CompiledSet; raw: CriteriaSet; group: CompiledGroup }> {
    const { set: raw, compiled } = await criteriaVersion(db, cycle.criteriaVersionId);
    const group = compiled.groupsById.get(groupId);
    if (!group) throw new Error(`group ${groupId} is not in criteria version ${cycle.criteriaVersionId}`);
    return { set: compiled, raw, group };
  }

  /** The agency's official values of the previous year, for the year-on-year checks. */
  async function previousValues(
    cycle: CycleRow,
    agencyIds?: readonly string[],
  ): Promise<Map<string, Values>> {
    const previous = await repo.cycleOfYear(db, cycle.year - 1);
    if (!previous) return new Map();
    const records = await loadRecords(db, previous, agencyIds);
    return new Map(
      records.filter((r) => r.submission?.status === 'submitted').map((r) => [r.agencyId, officialValues(r)]),
    );
  }

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

  /** 409 unless the cycle and the submission allow the department to change official data. */
  function assertEditable(cycle: CycleRow, submission: { status: string } | undefined | null, what: Text) {
    if (!EDIT_STATES.has(cycle.state))
      throw wrongState({
        vi: `${cycleIs(cycle).vi}: chỉ ${what.vi} khi kỳ đã hết hạn nhận báo cáo hoặc đang trình phê duyệt${cycle.state === 'approved' || cycle.state === 'published' ? '; số liệu của kỳ đã phê duyệt, công bố không được sửa' : ''}`,
        en: `${cycleIs(cycle).en}: ${what.en ?? what.vi} only while the cycle is closed or under review`,
      });
    if (submission?.status !== 'submitted')
      throw wrongState({
        vi: `Cơ quan chưa nộp phiếu báo cáo: chưa thể ${what.vi}`,
        en: `The agency has not submitted its report: cannot ${what.en ?? what.vi} yet`,
      });
  }

  /** 409 unless queries and surveys are possible: the agency submitted, the cycle is open, closed or under review. */
  function assertQueryable(cycle: CycleRow, submission: { status: string } | undefined | null, what: Text) {
    if (!QUERY_STATES.has(cycle.state))
      throw wrongState({
        vi: `${cycleIs(cycle).vi}: không thể ${what.vi} nữa`,
        en: `${cycleIs(cycle).en}: cannot ${what.en ?? what.vi} any more`,
      });
    if (submission?.status !== 'submitted')
      throw wrongState({
        vi: `Cơ quan chưa nộp phiếu báo cáo: chỉ ${what.vi} sau khi cơ quan đã nộp`,
        en: `The agency has not submitted its report: ${what.en ?? what.vi} only after it has`,
      });
  }

  async function queryViews(submissionId: string, agencyId: string): Promise<QueryView[]> {
    const rows = await repo.queriesOf(db, submissionId);
    const messages = await repo.messagesOf(
      db,
      rows.map((q) => q.id),
    );
    const names = await repo.userNames(
      db,
      rows.map((q) => q.createdBy),
    );
    return rows.map((q) => ({
      id: q.id,
      agencyId,
      criterionId: q.criterionId,
      fieldKey: q.fieldKey,
      subject: q.subject,
      status: q.status,
      createdBy: q.createdBy ? { id: q.createdBy, name: names.get(q.createdBy) ?? '' } : null,
      createdAt: q.createdAt.toISOString(),
      closedAt: iso(q.closedAt),
      messages: messages
        .filter((m) => m.queryId === q.id)
        .map((m) => ({
          id: m.id,
          body: m.body,
          author: m.authorId ? { id: m.authorId, name: m.authorName ?? '', role: m.authorRole ?? '' } : null,
          createdAt: m.createdAt.toISOString(),
        })),
    }));
  }

  async function queryView(queryId: string): Promise<QueryView> {
    const found = (await repo.findQuery(db, queryId))!;
    return (await queryViews(found.query.submissionId, found.agencyId)).find((q) => q.id === queryId)!;
  }

  function evidenceView(e: repo.EvidenceListRow, names: Map<string, string>): EvidenceView {
    return {
      id: e.id,
      criterionId: e.criterionId,
      surveyId: e.surveyId,
      filename: e.filename,
      mime: e.mime,
      size: e.size,
      note: e.note,
      addedBy: e.addedBy ? { id: e.addedBy, name: names.get(e.addedBy) ?? '' } : null,
      addedAt: e.addedAt.toISOString(),
    };
  }

  /** Every field of the group with the agency's value, the official value and the department's history. */
  async function fieldValues(
    group: CompiledGroup,
    r: AgencyRecord,
    onlyKey?: string,
  ): Promise<FieldValueView[]> {
    const history = r.submission ? await repo.reviewHistory(db, r.submission.id) : [];
    const names = await repo.userNames(
      db,
      history.map((h) => h.createdBy),
    );
    const agency: Values = r.submission?.values ?? {};
    const official = officialValues(r);
    return group.fields
      .filter((f) => onlyKey === undefined || f.key === onlyKey)
      .map((f) => {
        const own = history.filter((h) => h.fieldKey === f.key);
        return {
          key: f.key,
          label: f.label,
          source: f.source,
          type: f.type,
          unit: f.unit ?? null,
          min: f.min ?? null,
          max: f.max ?? null,
          options: f.options ?? null,
          agencyValue: agency[f.key] ?? null,
          officialValue: official[f.key] ?? null,
          corrected: own.length > 0 && !sameValue(agency[f.key], official[f.key]),
          history: own.map((h) => ({
            kind: h.kind,
            oldValue: h.oldValue ?? null,
            newValue: h.newValue ?? null,
            restoresAgencyValue: sameValue(h.newValue, agency[f.key]),
            reason: h.reason,
            surveyId: h.surveyId,
            by: h.createdBy ? { id: h.createdBy, name: names.get(h.createdBy) ?? '' } : null,
            at: h.createdAt.toISOString(),
          })),
        };
      });
  }

  async function notify(to: readonly string[], subject: string, text: string): Promise<Notified> {
    if (!to.length) return { recipients: 0, sent: false };
    try {
      await deps.mailer.send({ to, subject, text });
      return { recipients: to.length, sent: deps.mailer.enabled };
    } catch {
      // The query stands whatever the mail server says; the reporter also sees it on signing in.
      return { recipients: to.length, sent: false };
    }
  }

  const signInLine = (vi: boolean) =>
    deps.publicUrl
      ? vi
        ? `Đăng nhập hệ thống để xem và trả lời: ${deps.publicUrl}`
        : `Sign in to read and reply: ${deps.publicUrl}`
      : vi
        ? 'Đăng nhập hệ thống đánh giá mức độ ứng dụng CNTT để xem và trả lời.'
        : 'Sign in to the IT-application evaluation system to read and reply.';

  return {
    /* ───────── review list ───────── */

    async list(
      user: SessionUser,
      cycleId: string,
      filter: { group?: string | undefined; status?: ReviewStatus | undefined },
    ): Promise<{ cycle: ReviewPage['cycle']; agencies: ReviewListRow[] }> {
      const cycle = await readableCycle(user, cycleId);
      const { set: compiled, raw } = await criteriaVersion(db, cycle.criteriaVersionId).then((v) => ({
        set: v.compiled,
        raw: v.set,
      }));
      if (filter.group !== undefined && !compiled.groupsById.has(filter.group))
        throw invalid('group', {
          vi: `Nhóm "${filter.group}" không có trong bộ tiêu chí; các nhóm: ${compiled.groups.map((g) => g.id).join(', ')}`,
          en: `No group "${filter.group}" in the criteria set; groups: ${compiled.groups.map((g) => g.id).join(', ')}`,
        });
      const records = (await loadRecords(db, cycle)).filter(
        (r) => filter.group === undefined || r.groupId === filter.group,
      );
      const counts = await repo.unclosedQueryCounts(
        db,
        records.flatMap((r) => (r.submission ? [r.submission.id] : [])),
      );
      const previous = await previousValues(
        cycle,
        records.map((r) => r.agencyId),
      );
      const classOf = (id: string) => ({
        id,
        label: compiled.bands.find((b) => b.id === id)?.label ?? { vi: id },
      });
      const rows = records.map((r): ReviewListRow => {
        const c = (r.submission && counts.get(r.submission.id)) || { open: 0, answered: 0 };
        const status = reviewStatus(r, c.open + c.answered);
        const submitted = r.submission?.status === 'submitted';
        const submittedAt = submitted ? (r.submission?.submittedAt ?? null) : null;
        const late =
          submittedAt !== null && eligibility(submittedAt.getTime(), cycle.deadline.getTime()) === 'late';
        let scores: {
          self: ReturnType<typeof scoreAgency>;
          official: ReturnType<typeof scoreAgency>;
        } | null = null;
        let findings: ReviewListRow['findings'] = null;
        if (submitted) {
          const score = (d: AgencyData) =>
            scoreAgency(
              compiled,
              {
                group: d.group,
                values: d.values,
                notApplicable: d.notApplicable,
                websiteChecks: d.websiteChecks,
              },
              cycle.year,
            );
          scores = { self: score(selfAssessedData(r)), official: score(officialData(r)) };
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
        cycle: {
          id: cycle.id,
          year: cycle.year,
          title: cycle.title,
          state: cycle.state,
          deadline: cycle.deadline.toISOString(),
        },
        agencies: filter.status === undefined ? rows : rows.filter((r) => r.reviewStatus === filter.status),
      };
    },

    /* ───────── review page ───────── */

    async page(user: SessionUser, cycleId: string, agencyId: string): Promise<ReviewPage> {
      const cycle = await readableCycle(user, cycleId);
      const entry = await rosterOf(cycle, agencyId);
      const { set, raw, group } = await groupOf(cycle, entry.groupId);
      const [r] = await loadRecords(db, cycle, [agencyId]);
      if (!r) throw notFound({ vi: 'cơ quan', en: 'agency' });
      const sub = r.submission ? await repo.submissionOf(db, cycle.id, agencyId) : undefined;
      const subId = r.submission?.id;

      const claimRows = subId ? await repo.claimsOf(db, subId) : [];
      const evidenceRows = subId ? await repo.evidenceOf(db, subId) : [];
      const surveyRows = subId ? await repo.surveysOf(db, subId) : [];
      const history = subId ? await repo.reviewHistory(db, subId) : [];
      const names = await repo.userNames(db, [
        ...claimRows.map((c) => c.decidedBy),
        ...evidenceRows.map((e) => e.addedBy),
        ...surveyRows.map((s) => s.createdBy),
      ]);
      const queries = subId ? await queryViews(subId, agencyId) : [];
      const openQueries = queries.filter((q) => q.status !== 'closed').length;
      const checks = (await listChecks(db, agencyId, checkWindow(cycle))).map(checkView);
      const previous = (await previousValues(cycle, [agencyId])).get(agencyId);
      const submitted = r.submission?.status === 'submitted';
      const submittedAt = submitted ? (r.submission?.submittedAt ?? null) : null;

      // The reason and survey of the latest value per field: what the comparison explains.
      const surveyDates = new Map(surveyRows.map((s) => [s.id, s.surveyDate]));
      const reviews = new Map<string, FieldReview>();
      for (const h of history)
        reviews.set(h.fieldKey, {
          kind: h.kind,
          reason: h.reason,
          surveyDate: h.surveyId ? (surveyDates.get(h.surveyId) ?? null) : null,
        });

      const evidence = evidenceRows.map((e) => evidenceView(e, names));
      const status = reviewStatus(r, openQueries);
      return {
        cycle: {
          id: cycle.id,
          year: cycle.year,
          title: cycle.title,
          state: cycle.state,
          deadline: cycle.deadline.toISOString(),
        },
        agency: { id: r.agencyId, code: r.code, name: r.name, group: r.groupId, groupName: group.def.name },
        submission:
          r.submission && sub
            ? {
                id: r.submission.id,
                status: r.submission.status,
                submittedAt: iso(submittedAt),
                late:
                  submittedAt !== null &&
                  eligibility(submittedAt.getTime(), cycle.deadline.getTime()) === 'late',
                version: r.submission.version,
                attestedName: sub.attestedName,
                attestedTitle: sub.attestedTitle,
              }
            : null,
        reviewStatus: status,
        reviewStatusLabel: REVIEW_STATUS_LABELS[status],
        values: await fieldValues(group, r),
        claims: claimRows.map((c) => ({
          criterionId: c.criterionId,
          criterionName: group.criteriaById.get(c.criterionId)?.def.name ?? null,
          reason: c.reason,
          status: c.status,
          claimedAt: c.claimedAt.toISOString(),
          decidedBy: c.decidedBy ? { id: c.decidedBy, name: names.get(c.decidedBy) ?? '' } : null,
          decidedAt: iso(c.decidedAt),
          decisionNote: c.decisionNote,
        })),
        evidence,
        queries,
        surveys: surveyRows.map((s) => ({
          id: s.id,
          surveyDate: s.surveyDate,
          team: s.team,
          findings: s.findings,
          createdBy: s.createdBy ? { id: s.createdBy, name: names.get(s.createdBy) ?? '' } : null,
          createdAt: s.createdAt.toISOString(),
          evidence: evidence.filter((e) => e.surveyId === s.id),
        })),
        websiteChecks: checks,
        findings: r.submission ? findingsOf(raw, cycle, r, previous).map(findingView) : [],
        comparison: compare({
          set,
          year: cycle.year,
          self: selfAssessedData(r),
          official: officialData(r),
          reviews,
          claims: claimRows.map((c) => ({
            criterionId: c.criterionId,
            status: c.status,
            decisionNote: c.decisionNote,
          })),
        }),
      };
    },

    /* ───────── queries (R10, R18) ───────── */

    async openQuery(
      actor: Actor,
      user: SessionUser,
      cycleId: string,
      agencyId: string,
      input: {
        subject: string;
        body: string;
        criterionId?: string | null | undefined;
        fieldKey?: string | null | undefined;
      },
    ): Promise<{ query: QueryView; notified: Notified }> {
      const cycle = await readableCycle(user, cycleId);
      const entry = await rosterOf(cycle, agencyId);
      const what = { vi: 'gửi câu hỏi cho cơ quan', en: 'send a query to the agency' };
      assertQueryable(cycle, await repo.submissionOf(db, cycle.id, agencyId), what);
      const { group } = await groupOf(cycle, entry.groupId);
      const subject = clean(input.subject);
      const body = clean(input.body);
      if (!subject)
        throw invalid('subject', { vi: 'Hãy ghi tiêu đề câu hỏi', en: 'Give the query a subject' });
      if (!body) throw invalid('body', { vi: 'Hãy ghi nội dung câu hỏi', en: 'Write the question' });
      const criterionId = input.criterionId?.trim() || null;
      const fieldKey = input.fieldKey?.trim() || null;
      const criterion = criterionId ? group.criteriaById.get(criterionId) : undefined;
      if (criterionId && !criterion)
        throw invalid('criterionId', {
          vi: `Tiêu chí "${criterionId}" không có trong bộ tiêu chí của nhóm ${pick(group.def.name, 'vi')}`,
          en: `Criterion "${criterionId}" is not in the criteria of group ${pick(group.def.name, 'en')}`,
        });
      const field = fieldKey ? group.fieldsByKey.get(fieldKey) : undefined;
      if (fieldKey && !field)
        throw invalid('fieldKey', {
          vi: `Trường số liệu "${fieldKey}" không có trên phiếu của nhóm ${pick(group.def.name, 'vi')}`,
          en: `Field "${fieldKey}" is not on the form of group ${pick(group.def.name, 'en')}`,
        });
      const now = clock.now();
      const queryId = await db.transaction(async (tx) => {
        const locked = await repo.shareLockCycle(tx, cycle.id);
        const sub = await repo.submissionOf(tx, cycle.id, agencyId);
        assertQueryable(locked!, sub, what);
        const q = await repo.insertQuery(tx, {
          submissionId: sub!.id,
          criterionId,
          fieldKey,
          subject,
          createdBy: user.id,
          now,
        });
        await repo.insertMessage(tx, { queryId: q.id, authorId: user.id, body, now });
        await audit(tx, actor, now, {
          action: 'review.query_open',
          entityType: 'query',
          entityId: q.id,
          cycleId: cycle.id,
          agencyId,
          field: fieldKey,
          newValue: { subject, body, criterionId, fieldKey },
        });
        return q.id;
      });
      const about = [
        criterion ? `Tiêu chí ${criterion.id}: ${pick(criterion.def.name, 'vi')}` : null,
        field ? `Số liệu: ${fieldName(field, 'vi')}` : null,
      ].filter(Boolean);
      const notified = await notify(
        await repo.reporterEmails(db, agencyId),
        `[Đánh giá CNTT ${cycle.year}] Sở TT&TT đề nghị giải trình: ${subject}`,
        [
          `Kính gửi ${entry.name},`,
          '',
          `Trong quá trình thẩm định số liệu đánh giá mức độ ứng dụng CNTT năm ${cycle.year}, Sở Thông tin và Truyền thông đề nghị cơ quan giải trình nội dung sau.`,
          '',
          `Về việc: ${subject}`,
          ...about,
          '',
          body,
          '',
          signInLine(true),
          '',
          `Người gửi: ${user.displayName}, Sở Thông tin và Truyền thông`,
          '',
          '---',
          `The Department of Information and Communications asks your agency about its ${cycle.year} IT-application data: "${subject}". ${signInLine(false)}`,
        ].join('\n'),
      );
      return { query: await queryView(queryId), notified };
    },

    async postMessage(
      actor: Actor,
      user: SessionUser,
      cycleId: string,
      queryId: string,
      bodyRaw: string,
    ): Promise<{ query: QueryView; notified: Notified }> {
      const found = await repo.findQuery(db, queryId);
      if (!found || found.cycleId !== cycleId) throw notFound({ vi: 'câu hỏi', en: 'query' });
      if (user.role === 'reporter' && user.agencyId !== found.agencyId) throw forbidden();
      const cycle = (await findCycle(db, cycleId))!;
      const what = { vi: 'trao đổi về câu hỏi này', en: 'write on this query' };
      if (!QUERY_STATES.has(cycle.state))
        throw wrongState({
          vi: `${cycleIs(cycle).vi}: không thể ${what.vi} nữa`,
          en: `${cycleIs(cycle).en}: cannot ${what.en} any more`,
        });
      const body = clean(bodyRaw);
      if (!body) throw invalid('body', { vi: 'Hãy ghi nội dung trả lời', en: 'Write the message' });
      const fromAgency = user.role === 'reporter';
      const now = clock.now();
      await db.transaction(async (tx) => {
        const locked = await repo.shareLockCycle(tx, cycleId);
        if (!QUERY_STATES.has(locked!.state))
          throw wrongState({
            vi: `${cycleIs(locked!).vi}: không thể ${what.vi} nữa`,
            en: `${cycleIs(locked!).en}: cannot ${what.en} any more`,
          });
        const current = (await repo.findQuery(tx, queryId, true))!;
        if (current.query.status === 'closed')
          throw wrongState({
            vi: 'Câu hỏi đã được Sở TT&TT đóng: không thể trao đổi thêm',
            en: 'The query is closed: no more messages',
          });
        await repo.insertMessage(tx, { queryId, authorId: user.id, body, now });
        const status = fromAgency ? 'answered' : 'open';
        await repo.setQueryStatus(tx, queryId, status, null);
        await audit(tx, actor, now, {
          action: fromAgency ? 'review.query_answer' : 'review.query_message',
          entityType: 'query',
          entityId: queryId,
          cycleId,
          agencyId: found.agencyId,
          oldValue: { status: current.query.status },
          newValue: { status, body },
        });
      });
      const query = await queryView(queryId);
      // Each side hears of the other's message: the assessor who asked, or the agency's reporters.
      const subject = query.subject;
      const notified = fromAgency
        ? await notify(
            await repo.userEmails(db, [found.query.createdBy]),
            `[Đánh giá CNTT ${cycle.year}] Cơ quan đã trả lời: ${subject}`,
            [
              `${user.displayName} đã trả lời câu hỏi "${subject}" của Sở TT&TT:`,
              '',
              body,
              '',
              signInLine(true),
              '',
              '---',
              `The agency answered the query "${subject}". ${signInLine(false)}`,
            ].join('\n'),
          )
        : await notify(
            await repo.reporterEmails(db, found.agencyId),
            `[Đánh giá CNTT ${cycle.year}] Sở TT&TT trao đổi thêm: ${subject}`,
            [
              `Sở Thông tin và Truyền thông trao đổi thêm về câu hỏi "${subject}":`,
              '',
              body,
              '',
              signInLine(true),
              '',
              `Người gửi: ${user.displayName}, Sở Thông tin và Truyền thông`,
              '',
              '---',
              `The department wrote again on the query "${subject}". ${signInLine(false)}`,
            ].join('\n'),
          );
      return { query, notified };
    },

    async closeQuery(actor: Actor, user: SessionUser, cycleId: string, queryId: string): Promise<QueryView> {
      const found = await repo.findQuery(db, queryId);
      if (!found || found.cycleId !== cycleId) throw notFound({ vi: 'câu hỏi', en: 'query' });
      await readableCycle(user, cycleId);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const current = (await repo.findQuery(tx, queryId, true))!;
        if (current.query.status === 'closed')
          throw wrongState({ vi: 'Câu hỏi đã được đóng trước đó', en: 'The query is already closed' });
        await repo.setQueryStatus(tx, queryId, 'closed', now);
        await audit(tx, actor, now, {
          action: 'review.query_close',
          entityType: 'query',
          entityId: queryId,
          cycleId,
          agencyId: found.agencyId,
          oldValue: { status: current.query.status },
          newValue: { status: 'closed' },
        });
      });
      return queryView(queryId);
    },

    async agencyQueries(user: SessionUser, cycleId: string, agencyId: string): Promise<QueryView[]> {
      if (user.role === 'reporter' && user.agencyId !== agencyId) throw forbidden();
      const cycle = await readableCycle(user, cycleId);
      await rosterOf(cycle, agencyId);
      const sub = await repo.submissionOf(db, cycle.id, agencyId);
      return sub ? queryViews(sub.id, agencyId) : [];
    },

    /* ───────── field surveys and evidence (R17) ───────── */

    async createSurvey(
      actor: Actor,
      user: SessionUser,
      cycleId: string,
      agencyId: string,
      input: { surveyDate: string; team: string; findings: string },
    ): Promise<SurveyView> {
      const cycle = await readableCycle(user, cycleId);
      await rosterOf(cycle, agencyId);
      const what = { vi: 'ghi biên bản khảo sát thực tế', en: 'record a field survey' };
      assertQueryable(cycle, await repo.submissionOf(db, cycle.id, agencyId), what);
      const now = clock.now();
      if (!isValidDate(input.surveyDate))
        throw invalid('surveyDate', {
          vi: 'Ngày khảo sát phải là ngày có thật dạng YYYY-MM-DD',
          en: 'The survey date must be a real date as YYYY-MM-DD',
        });
      if (input.surveyDate > vnDate(now))
        throw invalid('surveyDate', {
          vi: `Ngày khảo sát ${formatDate(input.surveyDate)} chưa tới: chỉ ghi khảo sát đã thực hiện`,
          en: `The survey date ${formatDate(input.surveyDate)} is in the future: record surveys already made`,
        });
      const team = clean(input.team);
      const findings = clean(input.findings);
      if (!team)
        throw invalid('team', { vi: 'Hãy ghi thành phần đoàn khảo sát', en: 'Name the survey team' });
      if (length(findings) < 5)
        throw invalid('findings', {
          vi: 'Hãy ghi kết quả khảo sát (ít nhất 5 ký tự)',
          en: 'Write the findings (at least 5 characters)',
        });
      const row = await db.transaction(async (tx) => {
        const locked = await repo.shareLockCycle(tx, cycle.id);
        const sub = await repo.submissionOf(tx, cycle.id, agencyId);
        assertQueryable(locked!, sub, what);
        const s = await repo.insertSurvey(tx, {
          submissionId: sub!.id,
          surveyDate: input.surveyDate,
          team,
          findings,
          createdBy: user.id,
          now,
        });
        await audit(tx, actor, now, {
          action: 'review.survey_create',
          entityType: 'field_survey',
          entityId: s.id,
          cycleId: cycle.id,
          agencyId,
          newValue: { surveyDate: s.surveyDate, team, findings },
        });
        return s;
      });
      return {
        id: row.id,
        surveyDate: row.surveyDate,
        team: row.team,
        findings: row.findings,
        createdBy: { id: user.id, name: user.displayName },
        createdAt: row.createdAt.toISOString(),
        evidence: [],
      };
    },

    /**
     * Attaches a file to a survey. The checks come first, then `read` takes the upload (its size
     * limit error goes up as is: 413); the type is sniffed from the bytes, never from the name.
     */
    async addSurveyEvidence(
      actor: Actor,
      user: SessionUser,
      cycleId: string,
      agencyId: string,
      surveyId: string,
      read: () => Promise<{ filename: string | undefined; bytes: Buffer; note: string | undefined } | null>,
    ): Promise<EvidenceView> {
      const cycle = await readableCycle(user, cycleId);
      await rosterOf(cycle, agencyId);
      const what = { vi: 'thêm minh chứng khảo sát', en: 'add survey evidence' };
      const sub = await repo.submissionOf(db, cycle.id, agencyId);
      assertQueryable(cycle, sub, what);
      const survey = await repo.findSurvey(db, sub!.id, surveyId);
      if (!survey) throw notFound({ vi: 'biên bản khảo sát', en: 'field survey' });
      const upload = await read();
      if (!upload || upload.bytes.length === 0)
        throw invalid('file', {
          vi: 'Hãy chọn tệp minh chứng (trường "file")',
          en: 'Choose the evidence file (field "file")',
        });
      const type = sniff(upload.bytes);
      if (!type)
        throw new AppError(
          415,
          'unsupported_type',
          {
            vi: 'Loại tệp không được chấp nhận: chỉ nhận PDF, ảnh PNG/JPEG, tài liệu Word/Excel/PowerPoint hoặc OpenDocument',
            en: 'File type not accepted: PDF, PNG/JPEG images, Word/Excel/PowerPoint or OpenDocument files only',
          },
          'file',
        );
      const filename = safeFilename(upload.filename, type.extension);
      const note = upload.note ? clean(upload.note).slice(0, 1000) || null : null;
      const sha256 = deps.files.put(upload.bytes);
      const now = clock.now();
      const evidenceId = await db.transaction(async (tx) => {
        const locked = await repo.shareLockCycle(tx, cycle.id);
        assertQueryable(locked!, await repo.submissionOf(tx, cycle.id, agencyId), what);
        const file = await repo.insertFile(tx, {
          sha256,
          size: upload.bytes.length,
          mime: type.mime,
          filename,
          uploadedBy: user.id,
          now,
        });
        const e = await repo.insertEvidence(tx, {
          submissionId: sub!.id,
          fileId: file.id,
          surveyId,
          note,
          addedBy: user.id,
          now,
        });
        await audit(tx, actor, now, {
          action: 'review.survey_evidence_add',
          entityType: 'evidence',
          entityId: e.id,
          cycleId: cycle.id,
          agencyId,
          newValue: { surveyId, filename, mime: type.mime, size: upload.bytes.length, sha256, note },
        });
        return e.id;
      });
      const row = (await repo.findEvidence(db, sub!.id, evidenceId))!;
      return evidenceView(row, new Map([[user.id, user.displayName]]));
    },

    async downloadEvidence(
      user: SessionUser,
      cycleId: string,
      agencyId: string,
      evidenceId: string,
    ): Promise<{ bytes: Buffer; filename: string; mime: string }> {
      const cycle = await readableCycle(user, cycleId);
      await rosterOf(cycle, agencyId);
      const sub = await repo.submissionOf(db, cycle.id, agencyId);
      const row = sub ? await repo.findEvidence(db, sub.id, evidenceId) : undefined;
      if (!row) throw notFound({ vi: 'minh chứng', en: 'evidence' });
      return { bytes: deps.files.get(row.sha256), filename: row.filename, mime: row.mime };
    },

    /* ───────── N/A decisions (R4) ───────── */

    async decideClaim(
      actor: Actor,
      user: SessionUser,
      cycleId: string,
      agencyId: string,
      criterionId: string,
      input: { decision: 'confirm' | 'reject'; note?: string | null | undefined },
    ): Promise<ClaimView> {
      const cycle = await readableCycle(user, cycleId);
      const entry = await rosterOf(cycle, agencyId);
      const what = { vi: 'quyết định về đề nghị "không áp dụng"', en: 'decide on a "not applicable" claim' };
      assertEditable(cycle, await repo.submissionOf(db, cycle.id, agencyId), what);
      const { group } = await groupOf(cycle, entry.groupId);
      const note = input.note ? clean(input.note) || null : null;
      if (input.decision === 'reject' && (!note || length(note) < 5))
        throw invalid('note', {
          vi: `Từ chối đề nghị "không áp dụng" của tiêu chí ${criterionId} phải ghi lý do (ít nhất 5 ký tự)`,
          en: `Rejecting the "not applicable" claim of criterion ${criterionId} needs a reason (at least 5 characters)`,
        });
      const status = input.decision === 'confirm' ? 'confirmed' : 'rejected';
      const now = clock.now();
      const claimId = await db.transaction(async (tx) => {
        const locked = await repo.shareLockCycle(tx, cycle.id);
        const sub = await repo.submissionOf(tx, cycle.id, agencyId);
        assertEditable(locked!, sub, what);
        const claim = await repo.lockClaim(tx, sub!.id, criterionId);
        if (!claim)
          throw notFound({
            vi: `đề nghị "không áp dụng" của tiêu chí ${criterionId}`,
            en: `"not applicable" claim of criterion ${criterionId}`,
          });
        await repo.decideClaim(tx, claim.id, {
          status,
          decidedBy: user.id,
          decidedAt: now,
          decisionNote: note,
        });
        await audit(tx, actor, now, {
          action: status === 'confirmed' ? 'review.na_confirm' : 'review.na_reject',
          entityType: 'na_claim',
          entityId: claim.id,
          cycleId: cycle.id,
          agencyId,
          field: criterionId,
          oldValue: { status: claim.status, note: claim.decisionNote },
          newValue: { status, note },
          reason: note,
        });
        return claim.id;
      });
      const sub = (await repo.submissionOf(db, cycle.id, agencyId))!;
      const c = (await repo.claimsOf(db, sub.id)).find((x) => x.id === claimId)!;
      return {
        criterionId: c.criterionId,
        criterionName: group.criteriaById.get(c.criterionId)?.def.name ?? null,
        reason: c.reason,
        status: c.status,
        claimedAt: c.claimedAt.toISOString(),
        decidedBy: { id: user.id, name: user.displayName },
        decidedAt: iso(c.decidedAt),
        decisionNote: c.decisionNote,
      };
    },

    /* ───────── corrections and reviewer marks (R16, R17) ───────── */

    async correct(
      actor: Actor,
      user: SessionUser,
      cycleId: string,
      agencyId: string,
      fieldKey: string,
      input: { value: unknown; reason?: string | null | undefined; surveyId?: string | null | undefined },
    ): Promise<FieldValueView> {
      const cycle = await readableCycle(user, cycleId);
      const entry = await rosterOf(cycle, agencyId);
      const what = { vi: 'điều chỉnh số liệu', en: 'correct values' };
      const before = await repo.submissionOf(db, cycle.id, agencyId);
      assertEditable(cycle, before, what);
      const { group } = await groupOf(cycle, entry.groupId);
      const field = group.fieldsByKey.get(fieldKey);
      if (!field)
        throw invalid('fieldKey', {
          vi: `Trường số liệu "${fieldKey}" không có trên phiếu của nhóm ${pick(group.def.name, 'vi')}`,
          en: `Field "${fieldKey}" is not on the form of group ${pick(group.def.name, 'en')}`,
        });
      const label = fieldName(field, 'vi');
      if (field.source === 'monitoring')
        throw invalid('fieldKey', {
          vi: `"${label}" lấy từ kết quả kiểm tra trang TTĐT của Sở TT&TT, không điều chỉnh ở đây: hãy ghi hoặc xóa kết quả kiểm tra trang TTĐT của cơ quan`,
          en: `"${fieldName(field, 'en')}" comes from the department's website checks and is not corrected here: record or remove a website check instead`,
        });
      const reason = input.reason ? clean(input.reason) || null : null;
      const clearing = input.value === null;
      if ((field.source === 'agency' || clearing) && (!reason || length(reason) < 5))
        throw invalid('reason', {
          vi: `${clearing ? 'Hủy điều chỉnh' : 'Điều chỉnh'} "${label}" phải ghi lý do (ít nhất 5 ký tự)`,
          en: `${clearing ? 'Withdrawing the correction of' : 'Correcting'} "${fieldName(field, 'en')}" needs a reason (at least 5 characters)`,
        });
      let value: unknown = input.value;
      if (!clearing) {
        if (typeof value === 'string') value = value.normalize('NFC');
        const problem = checkValue(field, value);
        if (problem)
          throw invalid('value', {
            vi: `"${label}" ${problem.vi}`,
            en: `"${fieldName(field, 'en')}" ${problem.en ?? problem.vi}`,
          });
        const cap = field.source === 'reviewer' ? reviewerMax(group, field.key) : null;
        if (cap && typeof value === 'number' && value > cap.max)
          throw invalid('value', {
            vi: `"${label}" không được lớn hơn ${displayValue(field, cap.max, 'vi')} (điểm tối đa của tiêu chí ${cap.criterionId})`,
            en: `"${fieldName(field, 'en')}" must be at most ${displayValue(field, cap.max, 'en')} (the maximum of criterion ${cap.criterionId})`,
          });
      }
      const surveyId = input.surveyId ?? null;
      if (surveyId && !(await repo.findSurvey(db, before!.id, surveyId)))
        throw invalid('surveyId', {
          vi: 'Biên bản khảo sát không thuộc phiếu của cơ quan này',
          en: "The survey is not one of this agency's submission",
        });

      const now = clock.now();
      await db.transaction(async (tx) => {
        const locked = await repo.shareLockCycle(tx, cycle.id);
        const sub = await repo.lockSubmission(tx, before!.id);
        assertEditable(locked!, sub, what);
        const agencyValue = (sub!.values as Values)[fieldKey] ?? null;
        const latest = await repo.latestReviewValue(tx, sub!.id, fieldKey);
        const current = latest ? (latest.newValue ?? null) : agencyValue;
        // Withdrawing a correction puts the agency's own value back as the latest value of the field.
        const next = clearing ? agencyValue : value;
        if (clearing && (!latest || sameValue(current, agencyValue)))
          throw invalid('value', {
            vi: `"${label}" chưa được Sở TT&TT điều chỉnh: không có gì để hủy`,
            en: `"${fieldName(field, 'en')}" has no correction to withdraw`,
          });
        if (!clearing && sameValue(next, current))
          throw invalid('value', {
            vi: `"${label}" đang có đúng giá trị này: không có gì thay đổi`,
            en: `"${fieldName(field, 'en')}" already has this value: nothing changes`,
          });
        const kind = field.source === 'reviewer' ? 'reviewer' : 'correction';
        // The latest row of a field counts (by time): keep each field's history strictly ordered,
        // also when two servers' clocks disagree a little.
        const at =
          latest && latest.createdAt.getTime() >= now.getTime()
            ? new Date(latest.createdAt.getTime() + 1)
            : now;
        await repo.insertReviewValue(tx, {
          submissionId: sub!.id,
          fieldKey,
          kind,
          oldValue: current,
          newValue: next,
          reason,
          surveyId,
          createdBy: user.id,
          now: at,
        });
        await audit(tx, actor, now, {
          action: clearing
            ? 'review.correction_clear'
            : kind === 'reviewer'
              ? 'review.reviewer_mark'
              : 'review.correction',
          entityType: 'submission',
          entityId: sub!.id,
          cycleId: cycle.id,
          agencyId,
          field: fieldKey,
          oldValue: current,
          newValue: next,
          reason,
        });
      });
      const [r] = await loadRecords(db, cycle, [agencyId]);
      return (await fieldValues(group, r!, fieldKey))[0]!;
    },
  };
}

export type ReviewService = ReturnType<typeof reviewService>;
