/**
 * The agency's form for a cycle (R9, R12, R16): draft values saved in pieces with optimistic
 * concurrency, "not applicable" claims (R4), evidence files, the live self-score with the logic
 * checks, the attested submission with its receipt, and withdrawal before the deadline.
 *
 * Every change writes an audit row in the same transaction. Every write locks the cycle row
 * first, so a submission, a deadline extension and a state change of the cycle never interleave:
 * the server's clock read under that lock decides lateness.
 */

import { formatInstantVn } from '../../../core/calendar/time.ts';
import { runChecks } from '../../../core/checks/run.ts';
import type { CompiledGroup, CompiledSet } from '../../../core/criteria/compile.ts';
import type { CriteriaSet, Field } from '../../../core/criteria/schema.ts';
import { pick } from '../../../core/format.ts';
import { checkValue, fieldName } from '../../../core/input/values.ts';
import { points } from '../../../core/interchange.ts';
import { scoreAgency } from '../../../core/scoring/score.ts';
import type { Text } from '../../../core/types.ts';
import type { Db, Executor } from '../../db/open.ts';
import type { CycleState } from '../../db/schema.ts';
import { type Actor, audit } from '../../platform/audit.ts';
import type { SessionUser } from '../../platform/auth.ts';
import { contentHash } from '../../platform/canonical.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, forbidden, invalid, notFound, stale, wrongState } from '../../platform/errors.ts';
import { type FileStore, sniff } from '../../platform/files.ts';
import { STATE_PHRASES } from '../cycles/cycle-texts.ts';
import { type CycleRow, findCycle, lockCycle } from '../cycles/cycles.repo.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { loadRecords, selfData } from '../scoring/cycle-data.ts';
import { APPROVER_READS } from './submissions.policy.ts';
import * as repo from './submissions.repo.ts';

/* ───────────────────────── DTOs ───────────────────────── */

export interface ScoreView {
  total: number;
  max: number;
  class: { id: string; label: Text };
  categories: { id: string; name: Text; points: number; max: number }[];
  criteria: {
    id: string;
    categoryId: string;
    name: Text;
    points: number;
    max: number;
    basis: string;
    explanation: Text;
    notApplicableAllowed: boolean;
  }[];
  findings: { ruleId: string; severity: 'error' | 'warning'; message: Text; fields: string[] }[];
}

export interface ReceiptView {
  submissionId: string;
  agency: { id: string; code: string; name: string };
  cycle: { id: string; year: number; title: string };
  submittedAt: string;
  submittedAtVn: string;
  deadline: string;
  deadlineVn: string;
  late: boolean;
  timeliness: Text;
  contentHash: string;
  attestation: { name: string; title: string };
  submittedBy: { id: string; displayName: string } | null;
}

export interface ClaimView {
  criterionId: string;
  criterionName: Text;
  reason: string;
  status: 'claimed' | 'confirmed' | 'rejected';
  claimedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface EvidenceView {
  id: string;
  criterionId: string | null;
  filename: string;
  mime: string;
  size: number;
  note: string | null;
  uploadedAt: string;
  surveyId: string | null;
}

export interface FormState {
  cycle: {
    id: string;
    year: number;
    title: string;
    state: CycleState;
    deadline: string;
    deadlineVn: string;
    deadlinePassed: boolean;
  };
  agency: { id: string; code: string; name: string; groupId: string; groupName: Text };
  submissionId: string | null;
  status: 'not_started' | 'draft' | 'submitted';
  version: number | null;
  values: Record<string, unknown>;
  updatedAt: string | null;
  updatedBy: { id: string; displayName: string } | null;
  claims: ClaimView[];
  evidence: EvidenceView[];
  submittedAt: string | null;
  contentHash: string | null;
  attestation: { name: string | null; title: string | null } | null;
  withdrawnCount: number;
  late: boolean;
  receipt: ReceiptView | null;
  editable: boolean;
  notEditable: { code: string; message: string; messageEn: string } | null;
  score: ScoreView;
}

/** What the route read from a multipart upload. */
export interface Upload {
  readonly file: { readonly filename: string; readonly bytes: Buffer } | null;
  readonly fields: Readonly<Record<string, string>>;
}

/* ───────────────────────── words ───────────────────────── */

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
const vn = (d: Date): string => formatInstantVn(d.getTime());

/** Text typed by a person: NFC (one spelling of "Nguyễn"), without surrounding spaces. */
const clean = (s: string): string => s.normalize('NFC').trim();

const notOpen = (cycle: CycleRow) =>
  wrongState({
    vi: `Kỳ đánh giá năm ${cycle.year} ${STATE_PHRASES[cycle.state].vi}: không thể thay đổi phiếu.`,
    en: `The ${cycle.year} cycle is ${STATE_PHRASES[cycle.state].en}: the form cannot be changed.`,
  });

const alreadySubmitted = (row: repo.SubmissionRow) =>
  wrongState({
    vi: `Phiếu đã được nộp lúc ${row.submittedAt ? vn(row.submittedAt) : '?'} (giờ Việt Nam) nên không sửa được nữa. Muốn sửa, hãy rút phiếu trước hạn chót rồi nộp lại.`,
    en: `The form was submitted at ${row.submittedAt ? vn(row.submittedAt) : '?'} (Vietnam time) and can no longer be changed. To change it, withdraw it before the deadline and submit again.`,
  });

const wrongAgency = () =>
  forbidden({
    vi: 'Bạn chỉ được làm việc với phiếu của cơ quan mình',
    en: "You may only work on your own agency's form",
  });

/* ───────────────────────── the service ───────────────────────── */

interface Context {
  readonly cycle: CycleRow;
  readonly roster: repo.RosterRow;
  readonly set: CriteriaSet;
  readonly compiled: CompiledSet;
  readonly group: CompiledGroup;
}

export function submissionsService(db: Db, clock: Clock, files: FileStore) {
  /**
   * The scope check every method starts with, then the cycle and the roster. A reporter works only
   * on their own agency; an approver reads once the cycle is under review; a viewer never reads a form.
   */
  async function context(user: SessionUser, cycleId: string, agencyId: string): Promise<Context> {
    if (user.role === 'reporter' && user.agencyId !== agencyId) throw wrongAgency();
    if (user.role === 'viewer') throw forbidden();
    const cycle = await findCycle(db, cycleId);
    if (!cycle) throw notFound({ vi: 'kỳ đánh giá', en: 'evaluation cycle' });
    if (user.role === 'approver' && !APPROVER_READS.includes(cycle.state))
      throw forbidden({
        vi: `Ban Chỉ đạo xem phiếu của các đơn vị từ khi kỳ đánh giá chuyển sang thẩm định; kỳ năm ${cycle.year} hiện ${STATE_PHRASES[cycle.state].vi}.`,
        en: `The Steering Committee reads the forms once the cycle is under review; the ${cycle.year} cycle is ${STATE_PHRASES[cycle.state].en}.`,
      });
    const roster = await repo.rosterEntry(db, cycleId, agencyId);
    if (!roster)
      throw notFound({
        vi: `cơ quan này trong danh sách đánh giá năm ${cycle.year}`,
        en: `this agency on the ${cycle.year} roster`,
      });
    const { set, compiled } = await criteriaVersion(db, cycle.criteriaVersionId);
    const group = compiled.groupsById.get(roster.groupId);
    if (!group)
      throw new Error(`group ${roster.groupId} is not in criteria version ${cycle.criteriaVersionId}`);
    return { cycle, roster, set, compiled, group };
  }

  /** For changes: the caller must be the agency's reporter (the route admits reporters only). */
  async function writeContext(user: SessionUser, cycleId: string, agencyId: string): Promise<Context> {
    if (user.role !== 'reporter' || user.agencyId !== agencyId) throw wrongAgency();
    const ctx = await context(user, cycleId, agencyId);
    if (ctx.cycle.state !== 'open') throw notOpen(ctx.cycle);
    const row = await repo.findSubmission(db, cycleId, agencyId);
    if (row?.status === 'submitted') throw alreadySubmitted(row);
    return ctx;
  }

  /**
   * Inside a write transaction: the cycle locked and still open, the form (created as an empty
   * draft when `create`) locked and still a draft.
   */
  async function lockForWrite(
    tx: Executor,
    ctx: Context,
    user: SessionUser,
    now: Date,
    create: true,
  ): Promise<repo.SubmissionRow>;
  async function lockForWrite(
    tx: Executor,
    ctx: Context,
    user: SessionUser,
    now: Date,
    create: false,
  ): Promise<repo.SubmissionRow | undefined>;
  async function lockForWrite(tx: Executor, ctx: Context, user: SessionUser, now: Date, create: boolean) {
    const cycle = await lockCycle(tx, ctx.cycle.id);
    if (!cycle) throw notFound({ vi: 'kỳ đánh giá', en: 'evaluation cycle' });
    if (cycle.state !== 'open') throw notOpen(cycle);
    let row = await repo.lockSubmission(tx, cycle.id, ctx.roster.agencyId);
    if (!row && create) {
      row = await repo.insertDraft(tx, {
        cycleId: cycle.id,
        agencyId: ctx.roster.agencyId,
        values: {},
        now,
        userId: user.id,
      });
      row ??= await repo.lockSubmission(tx, cycle.id, ctx.roster.agencyId);
    }
    if (row?.status === 'submitted') throw alreadySubmitted(row);
    return row;
  }

  /** The live self-score (R12) and the logic-check findings of the agency's own data. */
  async function scoreOf(ctx: Context): Promise<ScoreView> {
    const [record] = await loadRecords(db, ctx.cycle, [ctx.roster.agencyId]);
    if (!record) throw new Error('agency vanished from the roster');
    const data = selfData(record);
    const result = scoreAgency(
      ctx.compiled,
      {
        group: data.group,
        values: data.values,
        notApplicable: data.notApplicable,
        websiteChecks: data.websiteChecks,
      },
      ctx.cycle.year,
      { explain: true },
    );
    const previous = await repo.previousYearValues(db, ctx.cycle.year, ctx.roster.agencyId);
    // The report year is the cycle's (the form may leave it out); the year checks need it.
    const values =
      data.values.report_year === undefined ? { ...data.values, report_year: ctx.cycle.year } : data.values;
    const findings = runChecks(
      ctx.set,
      data.group,
      { ...data, values, previousValues: previous },
      { deadline: ctx.cycle.deadline.getTime() },
    ); // runChecks compiles the set's rules once and caches them per set
    const band = ctx.compiled.bands.find((b) => b.id === result.classId)!;
    return {
      total: points(result.total),
      max: points(result.categories.reduce((a, c) => a + c.max, 0)),
      class: { id: band.id, label: band.label },
      categories: result.categories.map((c) => ({
        id: c.id,
        name: c.name,
        points: points(c.points),
        max: points(c.max),
      })),
      criteria: result.criteria.map((k) => {
        const def = ctx.group.criteriaById.get(k.id)!;
        return {
          id: k.id,
          categoryId: k.categoryId,
          name: def.def.name,
          points: points(k.points),
          max: points(k.max),
          basis: k.basis,
          explanation: k.explanation ?? { vi: '', en: '' },
          notApplicableAllowed: def.naAllowed,
        };
      }),
      findings: findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        fields: [...f.fields],
      })),
    };
  }

  async function receiptOf(ctx: Context, row: repo.SubmissionRow): Promise<ReceiptView | null> {
    if (row.status !== 'submitted' || !row.submittedAt || !row.contentHash) return null;
    const late = row.submittedAt.getTime() >= ctx.cycle.deadline.getTime();
    const at = vn(row.submittedAt);
    const deadline = vn(ctx.cycle.deadline);
    return {
      submissionId: row.id,
      agency: { id: ctx.roster.agencyId, code: ctx.roster.code, name: ctx.roster.name },
      cycle: { id: ctx.cycle.id, year: ctx.cycle.year, title: ctx.cycle.title },
      submittedAt: row.submittedAt.toISOString(),
      submittedAtVn: at,
      deadline: ctx.cycle.deadline.toISOString(),
      deadlineVn: deadline,
      late,
      timeliness: late
        ? {
            vi: `Nộp muộn: phiếu nộp lúc ${at}, không trước hạn chót ${deadline} (giờ Việt Nam). Theo Điều 8.2 Quyết định 2310/QĐ-UBND, đơn vị nộp muộn không được đánh giá, xếp hạng và bị ghi nhận là không chấp hành.`,
            en: `Late: submitted at ${at}, not before the deadline ${deadline} (Vietnam time). Under Art. 8.2 of Decision 2310/QĐ-UBND a late agency is neither evaluated nor ranked and is reported as non-compliant.`,
          }
        : {
            vi: `Nộp đúng hạn: phiếu nộp lúc ${at}, trước hạn chót ${deadline} (giờ Việt Nam).`,
            en: `On time: submitted at ${at}, before the deadline ${deadline} (Vietnam time).`,
          },
      contentHash: row.contentHash,
      attestation: { name: row.attestedName ?? '', title: row.attestedTitle ?? '' },
      submittedBy: await repo.userName(db, row.submittedBy),
    };
  }

  function editability(
    user: SessionUser,
    ctx: Context,
    row: repo.SubmissionRow | undefined,
  ): FormState['notEditable'] {
    const why = (code: string, t: Text) => ({ code, message: t.vi, messageEn: t.en ?? t.vi });
    if (user.role !== 'reporter' || user.agencyId !== ctx.roster.agencyId)
      return why('read_only', {
        vi: 'Chỉ người báo cáo của cơ quan mới sửa được phiếu này',
        en: "Only the agency's reporters may change this form",
      });
    if (ctx.cycle.state !== 'open') return why('cycle_not_open', notOpen(ctx.cycle).text);
    if (row?.status === 'submitted') {
      const t = alreadySubmitted(row).text;
      return why(
        'submitted',
        clock.now().getTime() < ctx.cycle.deadline.getTime()
          ? t
          : {
              vi: `Phiếu đã được nộp lúc ${row.submittedAt ? vn(row.submittedAt) : '?'} (giờ Việt Nam); đã quá hạn chót nên không rút lại để sửa được.`,
              en: `The form was submitted at ${row.submittedAt ? vn(row.submittedAt) : '?'} (Vietnam time); the deadline has passed, so it can no longer be withdrawn and changed.`,
            },
      );
    }
    return null;
  }

  async function stateOf(user: SessionUser, ctx: Context): Promise<FormState> {
    const { cycle, roster, group } = ctx;
    const row = await repo.findSubmission(db, cycle.id, roster.agencyId);
    const claims = row ? await repo.listClaims(db, row.id) : [];
    const evidenceRows = row ? await repo.listEvidence(db, row.id) : [];
    const notEditable = editability(user, ctx, row);
    const now = clock.now();
    return {
      cycle: {
        id: cycle.id,
        year: cycle.year,
        title: cycle.title,
        state: cycle.state,
        deadline: cycle.deadline.toISOString(),
        deadlineVn: vn(cycle.deadline),
        deadlinePassed: now.getTime() >= cycle.deadline.getTime(),
      },
      agency: {
        id: roster.agencyId,
        code: roster.code,
        name: roster.name,
        groupId: roster.groupId,
        groupName: group.def.name,
      },
      submissionId: row?.id ?? null,
      status: row?.status ?? 'not_started',
      version: row?.version ?? null,
      values: (row?.values as Record<string, unknown> | undefined) ?? {},
      updatedAt: iso(row?.updatedAt),
      updatedBy: await repo.userName(db, row?.updatedBy ?? null),
      claims: claims.map((c) => ({
        criterionId: c.criterionId,
        criterionName: group.criteriaById.get(c.criterionId)?.def.name ?? { vi: c.criterionId },
        reason: c.reason,
        status: c.status,
        claimedAt: c.claimedAt.toISOString(),
        decidedAt: iso(c.decidedAt),
        decisionNote: c.decisionNote,
      })),
      evidence: evidenceRows.map(evidenceView),
      submittedAt: iso(row?.submittedAt),
      contentHash: row?.contentHash ?? null,
      attestation:
        row && (row.attestedName !== null || row.attestedTitle !== null)
          ? { name: row.attestedName, title: row.attestedTitle }
          : null,
      withdrawnCount: row?.withdrawnCount ?? 0,
      late: row?.submittedAt ? row.submittedAt.getTime() >= cycle.deadline.getTime() : false,
      receipt: row ? await receiptOf(ctx, row) : null,
      editable: notEditable === null,
      notEditable,
      score: await scoreOf(ctx),
    };
  }

  /** Checks a patch of values against the group's form; every problem at once, naming the field. */
  function checkPatch(ctx: Context, patch: Readonly<Record<string, unknown>>): Map<string, unknown> {
    const problems: { field: string; message: string; messageEn: string }[] = [];
    const accepted = new Map<string, unknown>();
    const say = (field: string, vi: string, en: string) =>
      problems.push({ field, message: vi, messageEn: en });
    for (const [key, raw] of Object.entries(patch)) {
      const f = ctx.group.fieldsByKey.get(key);
      if (!f) {
        say(
          key,
          `Trường "${key}" không có trong phiếu của nhóm ${ctx.group.def.name.vi}`,
          `Field "${key}" is not on the form of group ${pick(ctx.group.def.name, 'en')}`,
        );
        continue;
      }
      if (f.source !== 'agency') {
        say(
          key,
          f.source === 'monitoring'
            ? `${fieldName(f, 'vi')}: do Sở TT&TT ghi nhận khi kiểm tra trang TTĐT, đơn vị không nhập trường này`
            : `${fieldName(f, 'vi')}: do Sở TT&TT chấm khi thẩm định, đơn vị không nhập trường này`,
          f.source === 'monitoring'
            ? `${fieldName(f, 'en')}: recorded by the department when it checks the website; agencies do not enter it`
            : `${fieldName(f, 'en')}: set by the department's reviewers; agencies do not enter it`,
        );
        continue;
      }
      const value = typeof raw === 'string' ? cleanValue(raw) : raw;
      if (value === null) {
        accepted.set(key, null);
        continue;
      }
      const problem = checkValue(f, value);
      if (problem) {
        say(
          key,
          `${fieldName(f, 'vi')}: ${problem.vi}`,
          `${fieldName(f, 'en')}: ${problem.en ?? problem.vi}`,
        );
        continue;
      }
      if (f.key === 'report_year' && value !== ctx.cycle.year) {
        say(
          key,
          `${fieldName(f, 'vi')}: năm báo cáo ${String(value)} khác năm của kỳ đánh giá ${ctx.cycle.year}`,
          `${fieldName(f, 'en')}: report year ${String(value)} differs from the cycle year ${ctx.cycle.year}`,
        );
        continue;
      }
      accepted.set(key, value);
    }
    if (problems.length) throw invalidValues(problems);
    return accepted;
  }

  /** Values stored in a form that no longer fit (a row written around the service): checked again at submission. */
  function storedProblems(ctx: Context, values: Record<string, unknown>) {
    const problems: { field: string; message: string; messageEn: string }[] = [];
    for (const [key, value] of Object.entries(values)) {
      const f = ctx.group.fieldsByKey.get(key);
      const problem: Text | null = !f
        ? { vi: 'không có trong phiếu của nhóm', en: 'is not on the form of the group' }
        : f.source !== 'agency'
          ? { vi: 'không do đơn vị nhập', en: 'is not entered by the agency' }
          : value === null
            ? null
            : checkValue(f, value);
      if (problem)
        problems.push({
          field: key,
          message: `${f ? fieldName(f, 'vi') : key}: ${problem.vi}`,
          messageEn: `${f ? fieldName(f, 'en') : key}: ${problem.en ?? problem.vi}`,
        });
    }
    return problems;
  }

  const currentOf = (row: repo.SubmissionRow | undefined) => ({
    status: row?.status ?? 'not_started',
    version: row?.version ?? null,
    values: (row?.values as Record<string, unknown> | undefined) ?? {},
    updatedAt: iso(row?.updatedAt),
  });

  const missingRequired = (ctx: Context, values: Record<string, unknown>): Field[] =>
    ctx.group.fields.filter(
      (f) => f.source === 'agency' && f.required && (values[f.key] === undefined || values[f.key] === null),
    );

  return {
    /** The form as its reader sees it, with the self-score and, once submitted, the receipt. */
    async get(user: SessionUser, cycleId: string, agencyId: string): Promise<FormState> {
      const ctx = await context(user, cycleId, agencyId);
      return stateOf(user, ctx);
    },

    async score(user: SessionUser, cycleId: string, agencyId: string): Promise<ScoreView> {
      const ctx = await context(user, cycleId, agencyId);
      return scoreOf(ctx);
    },

    async receipt(user: SessionUser, cycleId: string, agencyId: string): Promise<ReceiptView> {
      const ctx = await context(user, cycleId, agencyId);
      const row = await repo.findSubmission(db, cycleId, agencyId);
      const receipt = row ? await receiptOf(ctx, row) : null;
      if (!receipt)
        throw notFound({
          vi: 'biên nhận: phiếu của cơ quan chưa được nộp',
          en: 'receipt: the form has not been submitted',
        });
      return receipt;
    },

    /**
     * Saves some values of the draft (null clears one). All or nothing: one bad value and nothing
     * is saved. The writer names the version it read; a stale one gets the current values back.
     */
    async saveValues(
      actor: Actor,
      user: SessionUser,
      cycleId: string,
      agencyId: string,
      version: number | null,
      patch: Record<string, unknown>,
    ): Promise<FormState> {
      const ctx = await writeContext(user, cycleId, agencyId);
      const changes = checkPatch(ctx, patch);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const row = await lockForWrite(tx, ctx, user, now, false);
        if (version === null ? row !== undefined : row?.version !== version) throw stale(currentOf(row));
        const before: Record<string, unknown> = (row?.values as Record<string, unknown> | undefined) ?? {};
        const after: Record<string, unknown> = { ...before };
        const oldValue: Record<string, unknown> = {};
        const newValue: Record<string, unknown> = {};
        for (const [key, value] of changes) {
          const old = Object.hasOwn(before, key) ? before[key] : null;
          if (old === value) continue;
          oldValue[key] = old;
          newValue[key] = value;
          if (value === null) delete after[key];
          else after[key] = value;
        }
        const keys = Object.keys(newValue);
        let saved: repo.SubmissionRow | undefined;
        if (!row) {
          saved = await repo.insertDraft(tx, { cycleId, agencyId, values: after, now, userId: user.id });
          // Another first save won the unique (cycle, agency) index: this writer is stale.
          if (!saved) throw stale(currentOf(await repo.findSubmission(tx, cycleId, agencyId)));
        } else if (keys.length) {
          saved = await repo.updateValues(tx, row.id, row.version, after, now, user.id);
          if (!saved) throw stale(currentOf(await repo.findSubmission(tx, cycleId, agencyId)));
        }
        if (saved)
          await audit(tx, actor, now, {
            action: row ? 'submission.save' : 'submission.create',
            entityType: 'submission',
            entityId: saved.id,
            cycleId,
            agencyId,
            field: keys.length ? keys.join(',').slice(0, 1000) : null,
            oldValue,
            newValue,
          });
      });
      return stateOf(user, ctx);
    },

    /** Claims a criterion "not applicable" with a reason (R4); a new reason goes back to the assessor. */
    async putClaim(
      actor: Actor,
      user: SessionUser,
      cycleId: string,
      agencyId: string,
      criterionId: string,
      reasonRaw: string,
    ): Promise<FormState> {
      const ctx = await writeContext(user, cycleId, agencyId);
      const criterion = ctx.group.criteriaById.get(criterionId);
      if (!criterion)
        throw invalid('criterionId', {
          vi: `Tiêu chí "${criterionId}" không có trong bộ tiêu chí của nhóm ${ctx.group.def.name.vi}`,
          en: `Criterion "${criterionId}" is not in the criteria of group ${pick(ctx.group.def.name, 'en')}`,
        });
      if (!criterion.naAllowed)
        throw invalid('criterionId', {
          vi: `Tiêu chí ${criterion.id} "${criterion.def.name.vi}" không cho phép khai "không áp dụng"`,
          en: `Criterion ${criterion.id} "${pick(criterion.def.name, 'en')}" does not allow a "not applicable" claim`,
        });
      const reason = clean(reasonRaw);
      if ([...reason].length < 5)
        throw invalid('reason', {
          vi: `Lý do không áp dụng tiêu chí ${criterion.id} phải có ít nhất 5 ký tự`,
          en: `The reason for not applying criterion ${criterion.id} must have at least 5 characters`,
        });
      if ([...reason].length > 2000)
        throw invalid('reason', {
          vi: 'Lý do quá dài (tối đa 2.000 ký tự)',
          en: 'The reason is too long (2,000 characters at most)',
        });
      const now = clock.now();
      await db.transaction(async (tx) => {
        const row = await lockForWrite(tx, ctx, user, now, true);
        const before = await repo.findClaim(tx, row.id, criterion.id);
        if (before && before.reason === reason && before.status === 'claimed') return;
        const claim = await repo.upsertClaim(tx, {
          submissionId: row.id,
          criterionId: criterion.id,
          reason,
          userId: user.id,
          now,
        });
        await repo.touch(tx, row.id, now, user.id);
        await audit(tx, actor, now, {
          action: before ? 'submission.claim_update' : 'submission.claim',
          entityType: 'na_claim',
          entityId: claim.id,
          cycleId,
          agencyId,
          field: criterion.id,
          oldValue: before
            ? { reason: before.reason, status: before.status, decisionNote: before.decisionNote }
            : null,
          newValue: { reason, status: 'claimed' },
        });
      });
      return stateOf(user, ctx);
    },

    async deleteClaim(
      actor: Actor,
      user: SessionUser,
      cycleId: string,
      agencyId: string,
      criterionId: string,
    ): Promise<FormState> {
      const ctx = await writeContext(user, cycleId, agencyId);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const row = await lockForWrite(tx, ctx, user, now, false);
        const claim = row ? await repo.findClaim(tx, row.id, criterionId) : undefined;
        if (!row || !claim)
          throw notFound({
            vi: `khai "không áp dụng" của tiêu chí ${criterionId}`,
            en: `"not applicable" claim for criterion ${criterionId}`,
          });
        await repo.deleteClaim(tx, claim.id);
        await repo.touch(tx, row.id, now, user.id);
        await audit(tx, actor, now, {
          action: 'submission.claim_withdraw',
          entityType: 'na_claim',
          entityId: claim.id,
          cycleId,
          agencyId,
          field: criterionId,
          oldValue: { reason: claim.reason, status: claim.status },
          newValue: null,
        });
      });
      return stateOf(user, ctx);
    },

    /** Attaches a file; its type is read from its bytes, never from its name. */
    async addEvidence(
      actor: Actor,
      user: SessionUser,
      cycleId: string,
      agencyId: string,
      read: () => Promise<Upload>,
    ): Promise<EvidenceView> {
      const ctx = await writeContext(user, cycleId, agencyId);
      const upload = await read();
      const file = upload.file;
      if (!file)
        throw invalid('file', {
          vi: 'Chưa chọn tệp minh chứng để tải lên (trường "file")',
          en: 'No evidence file was sent (field "file")',
        });
      const filename = safeFilename(file.filename);
      if (file.bytes.length === 0)
        throw invalid('file', {
          vi: `Tệp "${filename}" rỗng (0 byte)`,
          en: `The file "${filename}" is empty`,
        });
      const type = sniff(file.bytes);
      if (!type)
        throw new AppError(
          415,
          'unsupported_type',
          {
            vi: `Tệp "${filename}" không thuộc loại được chấp nhận. Chỉ nhận tài liệu PDF, ảnh (PNG, JPEG), văn bản/bảng tính Office hoặc OpenDocument và tệp nén ZIP; loại tệp được xác định theo nội dung, không theo tên tệp.`,
            en: `The file "${filename}" is not of an accepted type. Accepted: PDF, images (PNG, JPEG), Office or OpenDocument documents, ZIP; the type is read from the content, not the name.`,
          },
          'file',
        );
      const criterionId = upload.fields.criterionId ? clean(upload.fields.criterionId) : '';
      if (criterionId && !ctx.group.criteriaById.has(criterionId))
        throw invalid('criterionId', {
          vi: `Tiêu chí "${criterionId}" không có trong bộ tiêu chí của nhóm ${ctx.group.def.name.vi}`,
          en: `Criterion "${criterionId}" is not in the criteria of group ${pick(ctx.group.def.name, 'en')}`,
        });
      const note = upload.fields.note ? clean(upload.fields.note) : '';
      if ([...note].length > 1000)
        throw invalid('note', {
          vi: 'Ghi chú quá dài (tối đa 1.000 ký tự)',
          en: 'The note is too long (1,000 characters at most)',
        });
      const sha256 = files.put(file.bytes);
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const row = await lockForWrite(tx, ctx, user, now, true);
        const fileId = await repo.insertFile(tx, {
          sha256,
          size: file.bytes.length,
          mime: type.mime,
          filename,
          userId: user.id,
          now,
        });
        const evidenceId = await repo.insertEvidence(tx, {
          submissionId: row.id,
          fileId,
          criterionId: criterionId || null,
          note: note || null,
          userId: user.id,
          now,
        });
        await repo.touch(tx, row.id, now, user.id);
        await audit(tx, actor, now, {
          action: 'submission.evidence_add',
          entityType: 'evidence',
          entityId: evidenceId,
          cycleId,
          agencyId,
          field: criterionId || null,
          newValue: { filename, mime: type.mime, size: file.bytes.length, sha256, note: note || null },
        });
        return evidenceId;
      });
      return {
        id,
        criterionId: criterionId || null,
        filename,
        mime: type.mime,
        size: file.bytes.length,
        note: note || null,
        uploadedAt: now.toISOString(),
        surveyId: null,
      };
    },

    async downloadEvidence(
      user: SessionUser,
      cycleId: string,
      agencyId: string,
      evidenceId: string,
    ): Promise<{ bytes: Buffer; filename: string; mime: string }> {
      await context(user, cycleId, agencyId);
      const row = await repo.findSubmission(db, cycleId, agencyId);
      const found = row ? await repo.findEvidence(db, row.id, evidenceId) : undefined;
      if (!found) throw notFound({ vi: 'tệp minh chứng', en: 'evidence file' });
      return { bytes: files.get(found.sha256), filename: found.filename, mime: found.mime };
    },

    async removeEvidence(
      actor: Actor,
      user: SessionUser,
      cycleId: string,
      agencyId: string,
      evidenceId: string,
    ): Promise<void> {
      const ctx = await writeContext(user, cycleId, agencyId);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const row = await lockForWrite(tx, ctx, user, now, false);
        const found = row ? await repo.findEvidence(tx, row.id, evidenceId) : undefined;
        if (!row || !found) throw notFound({ vi: 'tệp minh chứng', en: 'evidence file' });
        if (found.surveyId)
          throw forbidden({
            vi: 'Tệp này do Sở TT&TT đính kèm khi khảo sát thực tế; đơn vị không gỡ được',
            en: 'This file was attached by the department during a field survey; the agency cannot remove it',
          });
        await repo.removeEvidence(tx, found.id, now, user.id);
        await repo.touch(tx, row.id, now, user.id);
        await audit(tx, actor, now, {
          action: 'submission.evidence_remove',
          entityType: 'evidence',
          entityId: found.id,
          cycleId,
          agencyId,
          field: found.criterionId,
          oldValue: { filename: found.filename, mime: found.mime, size: found.size, sha256: found.sha256 },
        });
      });
    },

    /**
     * Submits the form (R9, R16): all in one transaction under the cycle's lock; the server's clock
     * is the submission time; a late form is accepted, recorded as late and not ranked.
     */
    async submit(
      actor: Actor,
      user: SessionUser,
      cycleId: string,
      agencyId: string,
      input: { version: number; attestedName: string; attestedTitle: string },
    ): Promise<{ message: string; messageEn: string; receipt: ReceiptView; state: FormState }> {
      const ctx = await writeContext(user, cycleId, agencyId);
      const attestedName = clean(input.attestedName);
      const attestedTitle = clean(input.attestedTitle);
      if ([...attestedName].length < 2)
        throw invalid('attestedName', {
          vi: 'Hãy ghi họ tên thủ trưởng cơ quan xác nhận số liệu (người chịu trách nhiệm về phiếu)',
          en: 'Give the name of the head of the agency who attests the data',
        });
      if ([...attestedTitle].length < 2)
        throw invalid('attestedTitle', {
          vi: 'Hãy ghi chức vụ của thủ trưởng cơ quan xác nhận số liệu',
          en: 'Give the title of the head of the agency who attests the data',
        });
      let submittedRow: repo.SubmissionRow | undefined;
      await db.transaction(async (tx) => {
        const cycle = await lockCycle(tx, cycleId);
        if (!cycle) throw notFound({ vi: 'kỳ đánh giá', en: 'evaluation cycle' });
        if (cycle.state !== 'open') throw notOpen(cycle);
        const row = await repo.lockSubmission(tx, cycleId, agencyId);
        if (row?.status === 'submitted') throw alreadySubmitted(row);
        if (row && row.version !== input.version) throw stale(currentOf(row));
        const values = (row?.values as Record<string, unknown> | undefined) ?? {};
        const bad = storedProblems(ctx, values);
        if (bad.length) throw invalidValues(bad);
        const missing = missingRequired(ctx, values);
        if (missing.length) throw incomplete(missing);
        if (!row) throw stale(currentOf(row));
        const claims = await repo.listClaims(tx, row.id);
        const now = clock.now();
        const hash = contentHash(
          submissionContent({
            cycleId,
            agencyId,
            values,
            claims,
            attestedName,
            attestedTitle,
            submittedAt: now,
          }),
        );
        submittedRow = await repo.markSubmitted(tx, row.id, row.version, {
          submittedAt: now,
          submittedBy: user.id,
          attestedName,
          attestedTitle,
          contentHash: hash,
        });
        if (!submittedRow) throw stale(currentOf(await repo.findSubmission(tx, cycleId, agencyId)));
        await audit(tx, actor, now, {
          action: 'submission.submit',
          entityType: 'submission',
          entityId: row.id,
          cycleId,
          agencyId,
          newValue: {
            submittedAt: now.toISOString(),
            late: now.getTime() >= cycle.deadline.getTime(),
            contentHash: hash,
            attestedName,
            attestedTitle,
            version: submittedRow.version,
          },
        });
      });
      const fresh = { ...ctx, cycle: (await findCycle(db, cycleId)) ?? ctx.cycle };
      const receipt = (await receiptOf(fresh, submittedRow!))!;
      return {
        message: receipt.late
          ? `Đã ghi nhận phiếu của ${ctx.roster.name}, nhưng NỘP MUỘN: ${receipt.timeliness.vi}`
          : `Đã nộp phiếu của ${ctx.roster.name} lúc ${receipt.submittedAtVn} (giờ Việt Nam), đúng hạn. Mã kiểm tra nội dung: ${receipt.contentHash.slice(0, 16)}…`,
        messageEn: receipt.late
          ? `The form of ${ctx.roster.code} was recorded, but LATE: ${receipt.timeliness.en}`
          : `The form of ${ctx.roster.code} was submitted on time at ${receipt.submittedAtVn} (Vietnam time). Content hash: ${receipt.contentHash.slice(0, 16)}…`,
        receipt,
        state: await stateOf(user, fresh),
      };
    },

    /** Takes a submitted form back to draft, before the deadline only, with a reason. */
    async withdraw(
      actor: Actor,
      user: SessionUser,
      cycleId: string,
      agencyId: string,
      reasonRaw: string,
    ): Promise<{ message: string; messageEn: string; state: FormState }> {
      if (user.role !== 'reporter' || user.agencyId !== agencyId) throw wrongAgency();
      const ctx = await context(user, cycleId, agencyId);
      const reason = clean(reasonRaw);
      if ([...reason].length < 5)
        throw invalid('reason', {
          vi: 'Lý do rút phiếu phải có ít nhất 5 ký tự',
          en: 'The reason for withdrawing must have at least 5 characters',
        });
      if ([...reason].length > 2000)
        throw invalid('reason', {
          vi: 'Lý do quá dài (tối đa 2.000 ký tự)',
          en: 'The reason is too long (2,000 characters at most)',
        });
      await db.transaction(async (tx) => {
        const cycle = await lockCycle(tx, cycleId);
        if (!cycle) throw notFound({ vi: 'kỳ đánh giá', en: 'evaluation cycle' });
        if (cycle.state !== 'open') throw notOpen(cycle);
        const now = clock.now();
        if (now.getTime() >= cycle.deadline.getTime())
          throw wrongState({
            vi: `Đã quá hạn chót nộp phiếu (${vn(cycle.deadline)}, giờ Việt Nam) nên không thể rút phiếu đã nộp. Nếu số liệu có sai sót, hãy báo Sở TT&TT để xử lý trong quá trình thẩm định.`,
            en: `The deadline (${vn(cycle.deadline)}, Vietnam time) has passed, so a submitted form can no longer be withdrawn. Report any error to the department for the review.`,
          });
        const row = await repo.lockSubmission(tx, cycleId, agencyId);
        if (row?.status !== 'submitted')
          throw wrongState({
            vi: 'Phiếu chưa được nộp nên không có gì để rút',
            en: 'The form has not been submitted; there is nothing to withdraw',
          });
        const updated = await repo.markWithdrawn(tx, row.id, now, user.id);
        if (!updated) throw stale(currentOf(await repo.findSubmission(tx, cycleId, agencyId)));
        await audit(tx, actor, now, {
          action: 'submission.withdraw',
          entityType: 'submission',
          entityId: row.id,
          cycleId,
          agencyId,
          oldValue: {
            status: 'submitted',
            submittedAt: iso(row.submittedAt),
            contentHash: row.contentHash,
            attestedName: row.attestedName,
            attestedTitle: row.attestedTitle,
          },
          newValue: { status: 'draft', withdrawnCount: updated.withdrawnCount },
          reason,
        });
      });
      return {
        message: `Đã rút phiếu về dạng nháp; số liệu được giữ nguyên. Hãy nộp lại trước hạn chót ${vn(ctx.cycle.deadline)} (giờ Việt Nam).`,
        messageEn: `The form is back to draft; its values are kept. Submit it again before the deadline ${vn(ctx.cycle.deadline)} (Vietnam time).`,
        state: await stateOf(user, ctx),
      };
    },
  };
}

/* ───────────────────────── helpers ───────────────────────── */

/** A typed string value: NFC and trimmed; an empty one clears the field. */
const cleanValue = (s: string): string | null => {
  const v = s.normalize('NFC').trim();
  return v === '' ? null : v;
};

function invalidValues(problems: { field: string; message: string; messageEn: string }[]): AppError {
  const first = problems[0]!;
  const n = problems.length;
  return invalid(
    first.field,
    n === 1
      ? { vi: `${first.message}. Chưa lưu gì.`, en: `${first.messageEn}. Nothing was saved.` }
      : {
          vi: `Có ${n} giá trị không hợp lệ, chưa lưu gì. Thứ nhất — ${first.message}`,
          en: `${n} values are invalid; nothing was saved. First — ${first.messageEn}`,
        },
    problems,
  );
}

function incomplete(missing: readonly Field[]): AppError {
  const names = missing.map((f) => fieldName(f, 'vi'));
  const shown = names.slice(0, 5).join('; ');
  return new AppError(
    400,
    'incomplete',
    {
      vi: `Phiếu còn thiếu ${missing.length} thông tin bắt buộc: ${shown}${missing.length > 5 ? '; …' : ''}. Hãy nhập đủ rồi nộp lại.`,
      en: `The form lacks ${missing.length} required value(s): ${missing
        .slice(0, 5)
        .map((f) => fieldName(f, 'en'))
        .join('; ')}${missing.length > 5 ? '; …' : ''}. Fill them in and submit again.`,
    },
    missing[0]!.key,
    missing.map((f) => ({
      field: f.key,
      label: f.label.vi,
      labelEn: f.label.en ?? f.label.vi,
      message: `${fieldName(f, 'vi')}: chưa nhập`,
      messageEn: `${fieldName(f, 'en')}: missing`,
    })),
  );
}

/**
 * What the receipt's hash covers: the canonical JSON (platform/canonical.ts) of the cycle, the
 * agency, the values, the claims (criterion and reason, sorted by criterion id), the attestation
 * and the submission instant. Anyone holding the stored content can recompute it.
 */
export function submissionContent(s: {
  cycleId: string;
  agencyId: string;
  values: Record<string, unknown>;
  claims: readonly { criterionId: string; reason: string }[];
  attestedName: string;
  attestedTitle: string;
  submittedAt: Date;
}) {
  return {
    cycleId: s.cycleId,
    agencyId: s.agencyId,
    values: s.values,
    claims: s.claims
      .map((c) => ({ criterionId: c.criterionId, reason: c.reason }))
      .sort((a, b) => (a.criterionId < b.criterionId ? -1 : a.criterionId > b.criterionId ? 1 : 0)),
    attestation: { name: s.attestedName, title: s.attestedTitle },
    submittedAt: s.submittedAt.toISOString(),
  };
}

function evidenceView(e: repo.EvidenceRow): EvidenceView {
  return {
    id: e.id,
    criterionId: e.criterionId,
    filename: e.filename,
    mime: e.mime,
    size: e.size,
    note: e.note,
    uploadedAt: e.addedAt.toISOString(),
    surveyId: e.surveyId,
  };
}

/** The name a file is stored under: no folders, no control characters, NFC, at most 200 characters. */
function safeFilename(raw: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  const chars = [...(base || 'tep-minh-chung')];
  if (chars.length <= 200) return chars.join('');
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return chars.slice(0, 200 - ext.length).join('') + ext;
}
