/**
 * An assessor records a field survey made at the agency (R17), and attaches its evidence (the
 * signed minutes, photos). Only surveys already made; each write under the cycle's share lock,
 * with its audit row.
 */
import { isValidDate } from '../../../core/calendar/time.ts';
import { formatDate } from '../../../core/format.ts';
import { audit } from '../../platform/audit.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { safeFilename, sniff } from '../../platform/files.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { canAddSurveyEvidence, canRecordSurvey } from './review.policy.ts';
import * as repo from './review.repo.ts';
import type {
  AgencyParams,
  SurveyBody,
  SurveyEvidenceResult,
  SurveyParams,
  SurveyResult,
} from './review.schema.ts';
import { loadReview, lockReview } from './review-context.ts';
import { evidenceView, surveyView } from './review-views.ts';
import { clean, length, vnDate } from './review-words.ts';

export async function recordSurvey(
  deps: AppDeps,
  caller: Caller,
  input: AgencyParams & SurveyBody,
): Promise<SurveyResult> {
  const db = deps.database.db;
  const ctx = await loadReview(db, input.cycleId, input.agencyId);
  authorize(canRecordSurvey(caller.user, ctx.facts));
  const now = deps.clock.now();
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
  if (!team) throw invalid('team', { vi: 'Hãy ghi thành phần đoàn khảo sát', en: 'Name the survey team' });
  if (length(findings) < 5)
    throw invalid('findings', {
      vi: 'Hãy ghi kết quả khảo sát (ít nhất 5 ký tự)',
      en: 'Write the findings (at least 5 characters)',
    });
  const row = await db.transaction(async (tx) => {
    const locked = await lockReview(tx, ctx);
    authorize(canRecordSurvey(caller.user, locked.facts));
    const s = await repo.insertSurvey(tx, {
      submissionId: locked.submission!.id,
      surveyDate: input.surveyDate,
      team,
      findings,
      createdBy: caller.user.id,
      now,
    });
    await audit(tx, caller, now, {
      action: 'review.survey_create',
      entityType: 'field_survey',
      entityId: s.id,
      cycleId: ctx.cycle.id,
      agencyId: ctx.entry.agencyId,
      newValue: { surveyDate: s.surveyDate, team, findings },
    });
    return s;
  });
  return { survey: surveyView(row, new Map([[caller.user.id, caller.user.displayName]]), []) };
}

/** A file of a survey, as the route reads it from the request (null: no file in field "file"). */
export type SurveyUpload = { filename: string | undefined; bytes: Buffer; note: string | undefined } | null;

/**
 * Attaches a file to a survey. The rules come first, then `read` takes the upload (its size limit
 * error goes up as is: 413); the type is sniffed from the bytes, never from the name.
 */
export async function addSurveyEvidence(
  deps: AppDeps,
  caller: Caller,
  input: SurveyParams & { read: () => Promise<SurveyUpload> },
): Promise<SurveyEvidenceResult> {
  const db = deps.database.db;
  const ctx = await loadReview(db, input.cycleId, input.agencyId);
  authorize(canAddSurveyEvidence(caller.user, ctx.facts));
  const sub = ctx.submission!;
  const survey = await repo.findSurvey(db, sub.id, input.surveyId);
  if (!survey) throw notFound({ vi: 'biên bản khảo sát', en: 'field survey' });
  const upload = await input.read();
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
  const filename = safeFilename(upload.filename, `minh-chung.${type.extension}`);
  const note = upload.note ? clean(upload.note).slice(0, 1000) || null : null;
  const sha256 = deps.files.put(upload.bytes);
  const now = deps.clock.now();
  const evidenceId = await db.transaction(async (tx) => {
    const locked = await lockReview(tx, ctx);
    authorize(canAddSurveyEvidence(caller.user, locked.facts));
    const fileId = await repo.insertFile(tx, {
      sha256,
      size: upload.bytes.length,
      mime: type.mime,
      filename,
      userId: caller.user.id,
      now,
    });
    const e = await repo.insertEvidence(tx, {
      submissionId: sub.id,
      fileId,
      surveyId: survey.id,
      note,
      addedBy: caller.user.id,
      now,
    });
    await audit(tx, caller, now, {
      action: 'review.survey_evidence_add',
      entityType: 'evidence',
      entityId: e.id,
      cycleId: ctx.cycle.id,
      agencyId: ctx.entry.agencyId,
      newValue: { surveyId: survey.id, filename, mime: type.mime, size: upload.bytes.length, sha256, note },
    });
    return e.id;
  });
  const row = (await repo.findEvidence(db, sub.id, evidenceId))!;
  return { evidence: evidenceView(row, new Map([[caller.user.id, caller.user.displayName]])) };
}
