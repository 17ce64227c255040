/**
 * Someone uploads a filled-in form workbook: the agency's reporter, or an assessor for an agency
 * that sent it by e-mail. First a preview — the file checked as a whole, every change listed old →
 * new, nothing saved (the bytes are kept, content-addressed, for the confirmation); then the
 * confirmation, which checks the same file again and saves it through the draft's audited write,
 * only if the form has not changed since the preview, and keeps the file as evidence. The preview
 * also lists the logic checks the values would fail (upload-checks.ts), before anything is saved.
 *
 * When the agency has already submitted, its values stay as it sent them (its receipt and hash
 * depend on them): an assessor's upload is then the department's correction of each value that
 * differs from the official one, with one reason for all, recorded like the review page's
 * corrections (review_values and a "review.correction" audit row per value); the preview says so.
 */
import { audit } from '../../platform/audit.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { safeFilename } from '../../platform/files.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import * as reviewRepo from '../review/review.repo.ts';
import { lockReview } from '../review/review-context.ts';
import { clean, length } from '../review/review-words.ts';
import { type FormContext, loadForm, lockDraft } from '../submissions/form-context.ts';
import { instantVnSeconds } from '../submissions/form-words.ts';
import * as repo from '../submissions/submissions.repo.ts';
import { formLayout } from './form-layout.ts';
import { type CheckedUpload, checkUpload } from './form-workbook.ts';
import { uploadBasis } from './upload-checks.ts';
import { canUploadForm, type UploadMode, uploadMode } from './workbooks.policy.ts';
import type { ConfirmBody, ConfirmResult, FormParams, UploadPreview } from './workbooks.schema.ts';

export interface UploadedFile {
  readonly filename: string;
  readonly bytes: Buffer;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function previewUpload(
  deps: AppDeps,
  caller: Caller,
  input: FormParams & { read: () => Promise<UploadedFile | null> },
): Promise<UploadPreview> {
  const form = await loadForm(deps.database.db, input.cycleId, input.agencyId);
  authorize(canUploadForm(caller.user, form.facts));
  const file = await input.read();
  if (!file || file.bytes.length === 0)
    throw invalid('file', {
      vi: 'Chưa chọn tệp Excel để tải lên (hoặc tệp rỗng)',
      en: 'No Excel file was sent (or it is empty)',
    });
  const mode = uploadMode(form.facts);
  const basis = await uploadBasis(deps.database.db, form, formLayout(form.group), mode);
  const checked = await checkUpload(form, file.bytes, basis.current);
  const after = { ...basis.current, ...Object.fromEntries(checked.changes.map((c) => [c.field, c.new])) };
  return {
    upload: deps.files.put(file.bytes),
    filename: safeFilename(file.filename, 'bieu-mau.xlsx'),
    mode,
    ...noticeOf(form, mode, checked.changes.length),
    version: form.submission?.version ?? null,
    changes: checked.changes,
    unchanged: checked.unchanged,
    warnings: basis.warnings(after),
  };
}

/** What confirming will do, in words the person reads before pressing the button. */
function noticeOf(form: FormContext, mode: UploadMode, n: number): { notice: string; noticeEn: string } {
  if (mode === 'draft')
    return n
      ? {
          notice: `Khi xác nhận, ${n} giá trị sẽ được lưu vào phiếu nháp của ${form.roster.name}; tệp được lưu làm minh chứng. Phiếu chưa được nộp: cơ quan vẫn phải kiểm tra và nộp phiếu trên hệ thống.`,
          noticeEn: `On confirmation, ${n} value(s) are saved into the draft form of ${form.roster.name}; the file is kept as evidence. The form is not submitted by this: the agency still checks and submits it.`,
        }
      : {
          notice: 'Tệp không thay đổi giá trị nào; khi xác nhận, tệp chỉ được lưu làm minh chứng.',
          noticeEn: 'The file changes no value; on confirmation it is only kept as evidence.',
        };
  const at = form.submission?.submittedAt ? instantVnSeconds(form.submission.submittedAt) : '?';
  return {
    notice: `${form.roster.name} đã nộp phiếu lúc ${at} (giờ Việt Nam): số liệu cơ quan đã nộp được giữ nguyên. Khi xác nhận, ${n} giá trị khác với số liệu chính thức hiện tại sẽ được ghi thành điều chỉnh của Sở TT&TT, mỗi điều chỉnh kèm lý do bạn nhập và được ghi vào nhật ký; cơ quan thấy điều chỉnh và lý do trong phần so sánh kết quả. Không có gì được lưu nếu không ghi lý do.`,
    noticeEn: `${form.roster.name} submitted its form at ${at} (Vietnam time): the values it sent stay as they are. On confirmation, the ${n} value(s) that differ from the current official values are recorded as the department's corrections, each with the reason you enter, in the audit; the agency sees the corrections and the reason in its comparison. Nothing is saved without a reason.`,
  };
}

export async function confirmUpload(
  deps: AppDeps,
  caller: Caller,
  input: FormParams & ConfirmBody,
): Promise<ConfirmResult> {
  const db = deps.database.db;
  const form = await loadForm(db, input.cycleId, input.agencyId);
  authorize(canUploadForm(caller.user, form.facts));
  let bytes: Buffer;
  try {
    bytes = deps.files.get(input.upload);
  } catch {
    throw notFound({
      vi: 'tệp Excel đã xem trước (hãy tải tệp lên lại)',
      en: 'previewed Excel file (upload it again)',
    });
  }
  if (uploadMode(form.facts) === 'correction')
    return saveCorrections(deps, caller, form, {
      bytes,
      sha256: input.upload,
      filename: input.filename,
      reason: input.reason,
    });
  const checked = await checkUpload(form, bytes);
  return saveUpload(deps, caller, form, {
    bytes,
    sha256: input.upload,
    filename: input.filename,
    version: input.version,
    checked,
  });
}

/**
 * Saves a checked upload, in one transaction: the changed values through the draft's audited
 * write, only if the form is still at `version`; the file as evidence. Shared with the zip upload.
 */
export async function saveUpload(
  deps: AppDeps,
  caller: Caller,
  form: FormContext,
  input: { bytes: Buffer; sha256: string; filename: string; version: number | null; checked: CheckedUpload },
): Promise<ConfirmResult> {
  const { bytes, checked } = input;
  const db = deps.database.db;
  const patch = Object.fromEntries(checked.changes.map((c) => [c.field, c.new]));
  const filename = safeFilename(input.filename, 'bieu-mau.xlsx');
  const now = deps.clock.now();
  return db.transaction(async (tx) => {
    const row = await lockDraft(tx, form, caller.user.id, now, false);
    // The preview showed the changes against one version of the form: anything saved since
    // (an autosave, another upload) makes it stale, and the person previews again.
    if ((row?.version ?? null) !== input.version)
      throw new AppError(
        409,
        'stale',
        {
          vi: 'Phiếu đã được sửa sau khi bạn xem trước, nên chưa lưu gì. Hãy tải tệp lên lại để xem các thay đổi so với phiếu hiện tại.',
          en: 'The form was changed after your preview, so nothing was saved. Upload the file again to see the changes against the current form.',
        },
        undefined,
        { version: row?.version ?? null },
      );
    const write: repo.DraftWrite = {
      cycleId: form.cycle.id,
      agencyId: form.roster.agencyId,
      patch,
      base: row?.version ?? 0,
      now,
      actor: caller,
    };
    // The same audited writes as the web form's save; the locks above make them succeed.
    const saved = Object.keys(patch).length
      ? ((row ? undefined : await repo.createDraft(tx, write)) ?? (await repo.writeDraft(tx, write)))
      : undefined;
    if (Object.keys(patch).length && !saved)
      throw new AppError(409, 'invalid_state', {
        vi: 'Không lưu được phiếu, hãy thử lại',
        en: 'The form could not be saved; try again',
      });
    const target = (await lockDraft(tx, form, caller.user.id, now, true))!;
    const fileId = await repo.insertFile(tx, {
      sha256: input.sha256,
      size: bytes.length,
      mime: XLSX,
      filename,
      userId: caller.user.id,
      now,
    });
    const note = `Tệp Excel nộp số liệu (${checked.changes.length} ô thay đổi)`;
    const evidenceId = await repo.insertEvidence(tx, {
      submissionId: target.id,
      fileId,
      criterionId: null,
      note,
      userId: caller.user.id,
      now,
    });
    await audit(tx, caller, now, {
      action: 'submission.evidence_add',
      entityType: 'evidence',
      entityId: evidenceId,
      cycleId: form.cycle.id,
      agencyId: form.roster.agencyId,
      newValue: { filename, mime: XLSX, size: bytes.length, sha256: input.sha256, note },
    });
    return {
      message: checked.changes.length
        ? `Đã lưu ${checked.changes.length} giá trị từ tệp "${filename}" vào phiếu; tệp được lưu làm minh chứng.`
        : `Tệp "${filename}" không thay đổi giá trị nào; tệp được lưu làm minh chứng.`,
      messageEn: checked.changes.length
        ? `Saved ${checked.changes.length} value(s) from "${filename}"; the file is kept as evidence.`
        : `"${filename}" changed no value; the file is kept as evidence.`,
      version: saved?.version ?? target.version,
      changed: checked.changes.length,
      evidenceId,
    };
  });
}

/**
 * The department's corrections from a workbook of an agency that has submitted: under the cycle's
 * share lock and the submission's lock (the review's), the file checked again against the official
 * values as they are now, and each value that differs written as a correction with the reason
 * (its old value, in the field's history, and a "review.correction" audit row), like a correction
 * on the review page. The file is kept and named in the audit; the agency's own values are untouched.
 */
async function saveCorrections(
  deps: AppDeps,
  caller: Caller,
  form: FormContext,
  input: { bytes: Buffer; sha256: string; filename: string; reason: string | undefined },
): Promise<ConfirmResult> {
  const db = deps.database.db;
  const reason = input.reason ? clean(input.reason) : '';
  if (length(reason) < 5)
    throw invalid('reason', {
      vi: 'Cơ quan đã nộp phiếu: các giá trị từ tệp là điều chỉnh của Sở TT&TT và phải ghi lý do (ít nhất 5 ký tự). Chưa lưu gì.',
      en: 'The agency has submitted: the values of the file are the department’s corrections and need a reason (at least 5 characters). Nothing was saved.',
    });
  const filename = safeFilename(input.filename, 'bieu-mau.xlsx');
  const now = deps.clock.now();
  return db.transaction(async (tx) => {
    const ctx = {
      cycle: form.cycle,
      entry: { agencyId: form.roster.agencyId },
      submission: form.submission ?? undefined,
    } as Parameters<typeof lockReview>[1];
    const locked = await lockReview(tx, ctx, { lockSubmission: true });
    const sub = locked.submission;
    authorize(
      canUploadForm(caller.user, {
        ...form.facts,
        cycle: { ...form.facts.cycle, state: locked.facts.cycle.state },
        submission: sub ? { status: sub.status, submittedAt: sub.submittedAt } : null,
      }),
    );
    if (sub?.status !== 'submitted')
      throw new AppError(409, 'stale', {
        vi: 'Phiếu của cơ quan không còn ở trạng thái đã nộp, nên chưa lưu gì. Hãy tải tệp lên lại.',
        en: 'The agency’s form is no longer submitted, so nothing was saved. Upload the file again.',
      });
    const basis = await uploadBasis(tx, { ...form, submission: sub }, formLayout(form.group), 'correction');
    const checked = await checkUpload({ ...form, submission: sub }, input.bytes, basis.current);
    const why = `${reason} (tệp Excel "${filename}")`;
    for (const c of checked.changes) {
      const latest = await reviewRepo.latestReviewValue(tx, sub.id, c.field);
      // The latest row of a field counts (by time): keep each field's history strictly ordered.
      const at =
        latest && latest.createdAt.getTime() >= now.getTime()
          ? new Date(latest.createdAt.getTime() + 1)
          : now;
      await reviewRepo.insertReviewValue(tx, {
        submissionId: sub.id,
        fieldKey: c.field,
        kind: 'correction',
        oldValue: c.old,
        newValue: c.new,
        reason: why,
        surveyId: null,
        createdBy: caller.user.id,
        now: at,
      });
      await audit(tx, caller, now, {
        action: 'review.correction',
        entityType: 'submission',
        entityId: sub.id,
        cycleId: form.cycle.id,
        agencyId: form.roster.agencyId,
        field: c.field,
        oldValue: c.old,
        newValue: c.new,
        reason: why,
      });
    }
    const fileId = await repo.insertFile(tx, {
      sha256: input.sha256,
      size: input.bytes.length,
      mime: XLSX,
      filename,
      userId: caller.user.id,
      now,
    });
    await audit(tx, caller, now, {
      action: 'review.correction_file',
      entityType: 'file',
      entityId: fileId,
      cycleId: form.cycle.id,
      agencyId: form.roster.agencyId,
      newValue: {
        filename,
        mime: XLSX,
        size: input.bytes.length,
        sha256: input.sha256,
        corrections: checked.changes.length,
      },
      reason,
    });
    const n = checked.changes.length;
    return {
      message: n
        ? `Đã ghi ${n} điều chỉnh của Sở TT&TT từ tệp "${filename}" (lý do: ${reason}); số liệu cơ quan đã nộp được giữ nguyên, điều chỉnh được ghi vào nhật ký.`
        : `Tệp "${filename}" không khác số liệu chính thức hiện tại: không có điều chỉnh nào.`,
      messageEn: n
        ? `Recorded ${n} department correction(s) from "${filename}" (reason: ${reason}); the agency’s submitted values are kept, the corrections are in the audit.`
        : `"${filename}" does not differ from the current official values: no correction.`,
      version: sub.version,
      changed: n,
      evidenceId: null,
    };
  });
}
