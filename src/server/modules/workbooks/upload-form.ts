/**
 * Someone uploads a filled-in form workbook: the agency's reporter, or an assessor for an agency
 * that sent it by e-mail. First a preview — the file checked as a whole, every change listed old →
 * new, nothing saved (the bytes are kept, content-addressed, for the confirmation); then the
 * confirmation, which checks the same file again and saves it through the draft's audited write,
 * only if the form has not changed since the preview, and keeps the file as evidence.
 */
import { audit } from '../../platform/audit.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { safeFilename } from '../../platform/files.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { type FormContext, loadForm, lockDraft } from '../submissions/form-context.ts';
import * as repo from '../submissions/submissions.repo.ts';
import { type CheckedUpload, checkUpload } from './form-workbook.ts';
import { canUploadForm } from './workbooks.policy.ts';
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
  const checked = await checkUpload(form, file.bytes);
  return {
    upload: deps.files.put(file.bytes),
    filename: safeFilename(file.filename, 'bieu-mau.xlsx'),
    version: form.submission?.version ?? null,
    changes: checked.changes,
    unchanged: checked.unchanged,
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
