/**
 * The form as its readers see it (submissions.schema.ts): the state of the form, its receipt, its
 * evidence, and, on demand, the self-score with the logic checks (R12), computed by the same core
 * that computes the official score.
 */
import { runChecks } from '../../../core/checks/run.ts';
import { points } from '../../../core/interchange.ts';
import { awaitingWebsite, scoreSelf, websiteNote } from '../../../core/scoring/self.ts';
import type { Executor } from '../../db/open.ts';
import type { SessionUser } from '../../platform/auth.ts';
import {
  checkWindow,
  loadRecords,
  previousOfficialValues,
  selfData,
  selfInput,
} from '../scoring/cycle-data.ts';
import type { FormContext } from './form-context.ts';
import { instantVnSeconds, iso } from './form-words.ts';
import { whyNotEditable } from './submissions.policy.ts';
import * as repo from './submissions.repo.ts';
import type { EvidenceView, FormState, ReceiptView, ScoreView } from './submissions.schema.ts';

export const evidenceView = (e: repo.EvidenceRow): EvidenceView => ({
  id: e.id,
  criterionId: e.criterionId,
  filename: e.filename,
  mime: e.mime,
  size: e.size,
  note: e.note,
  uploadedAt: e.addedAt.toISOString(),
  surveyId: e.surveyId,
});

/** The receipt of a submitted form (R16), or null before submission. */
export async function receiptOf(
  db: Executor,
  ctx: Pick<FormContext, 'cycle' | 'roster'>,
  row: repo.SubmissionRow,
): Promise<ReceiptView | null> {
  if (row.status !== 'submitted' || !row.submittedAt || !row.contentHash) return null;
  const late = row.submittedAt.getTime() >= ctx.cycle.deadline.getTime();
  const at = instantVnSeconds(row.submittedAt);
  const deadline = instantVnSeconds(ctx.cycle.deadline);
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

/** The form as the user sees it (without the self-score, which the browser computes). */
export async function formState(
  db: Executor,
  user: SessionUser,
  ctx: FormContext,
  now: Date,
): Promise<FormState> {
  const { cycle, roster, group, submission: row } = ctx;
  const [claims, evidenceRows, updatedBy, receipt] = row
    ? await Promise.all([
        repo.listClaims(db, row.id),
        repo.listEvidence(db, row.id),
        repo.userName(db, row.updatedBy),
        receiptOf(db, ctx, row),
      ])
    : [[], [], null, null];
  const check = await repo.latestWebsiteCheck(db, roster.agencyId, checkWindow(cycle));
  const previous = (await previousOfficialValues(db, cycle, [roster.agencyId])).get(roster.agencyId);
  const notEditable = whyNotEditable(user, ctx.facts, now);
  return {
    cycle: {
      id: cycle.id,
      year: cycle.year,
      title: cycle.title,
      state: cycle.state,
      deadline: cycle.deadline.toISOString(),
      deadlineVn: instantVnSeconds(cycle.deadline),
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
    updatedBy,
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
    receipt,
    editable: notEditable === null,
    notEditable,
    websiteCheck: check && { checkedAt: check.checkedAt.toISOString(), values: check.values },
    previousValues: previous ?? null,
  };
}

/** The self-score (R12) and the logic-check findings of the agency's own data, explained. */
export async function selfScore(db: Executor, ctx: FormContext): Promise<ScoreView> {
  const [record] = await loadRecords(db, ctx.cycle, [ctx.roster.agencyId]);
  if (!record) throw new Error('agency vanished from the roster');
  const data = selfData(record);
  const result = scoreSelf(ctx.compiled, selfInput(record), ctx.cycle.year, { explain: true });
  const previous = (await previousOfficialValues(db, ctx.cycle, [ctx.roster.agencyId])).get(
    ctx.roster.agencyId,
  );
  // The report year is the cycle's (the form may leave it out); the year checks need it.
  const values =
    data.values.report_year === undefined ? { ...data.values, report_year: ctx.cycle.year } : data.values;
  const findings = runChecks(
    ctx.set,
    data.group,
    { ...data, values, previousValues: previous },
    { deadline: ctx.cycle.deadline.getTime() },
  );
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
      awaitingWebsite: awaitingWebsite(result, c.id),
    })),
    websiteNote: websiteNote(result),
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
