/**
 * A reporter attaches evidence files to the form, by criterion, and removes them while the form
 * is a draft; anyone who may read the form downloads them. A file's type is read from its bytes,
 * never from its name; its bytes are stored content-addressed, its metadata in the database.
 */
import { pick } from '../../../core/format.ts';
import { audit } from '../../platform/audit.ts';
import { forbidden, invalid, notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { checkedUpload } from '../../platform/upload-check.ts';
import { loadForm, lockDraft } from './form-context.ts';
import { clean } from './form-words.ts';
import { canEditForm, canReadForm } from './submissions.policy.ts';
import * as repo from './submissions.repo.ts';
import type { EvidenceView, FormParams } from './submissions.schema.ts';

/** What the route read from a multipart upload. */
export interface Upload {
  readonly file: { readonly filename: string; readonly bytes: Buffer } | null;
  readonly fields: Readonly<Record<string, string>>;
}

export async function attachEvidence(
  deps: AppDeps,
  caller: Caller,
  input: FormParams & { read: () => Promise<Upload> },
): Promise<EvidenceView> {
  const db = deps.database.db;
  const form = await loadForm(db, input.cycleId, input.agencyId);
  authorize(canEditForm(caller.user, form.facts));
  const upload = await input.read();
  const { bytes, filename, type } = checkedUpload(upload.file, {
    fallbackName: 'tep-minh-chung',
    missing: {
      vi: 'Chưa chọn tệp minh chứng để tải lên (trường "file")',
      en: 'No evidence file was sent (field "file")',
    },
  });
  const criterionId = upload.fields.criterionId ? clean(upload.fields.criterionId) : '';
  if (criterionId && !form.group.criteriaById.has(criterionId))
    throw invalid('criterionId', {
      vi: `Tiêu chí "${criterionId}" không có trong bộ tiêu chí của nhóm ${form.group.def.name.vi}`,
      en: `Criterion "${criterionId}" is not in the criteria of group ${pick(form.group.def.name, 'en')}`,
    });
  const note = upload.fields.note ? clean(upload.fields.note) : '';
  if ([...note].length > 1000)
    throw invalid('note', {
      vi: 'Ghi chú quá dài (tối đa 1.000 ký tự)',
      en: 'The note is too long (1,000 characters at most)',
    });

  const sha256 = deps.files.put(bytes);
  const now = deps.clock.now();
  const id = await db.transaction(async (tx) => {
    const row = (await lockDraft(tx, form, caller.user.id, now, true))!;
    const fileId = await repo.insertFile(tx, {
      sha256,
      size: bytes.length,
      mime: type.mime,
      filename,
      userId: caller.user.id,
      now,
    });
    const evidenceId = await repo.insertEvidence(tx, {
      submissionId: row.id,
      fileId,
      criterionId: criterionId || null,
      note: note || null,
      userId: caller.user.id,
      now,
    });
    await repo.touch(tx, row.id, now, caller.user.id);
    await audit(tx, caller, now, {
      action: 'submission.evidence_add',
      entityType: 'evidence',
      entityId: evidenceId,
      cycleId: input.cycleId,
      agencyId: input.agencyId,
      field: criterionId || null,
      newValue: { filename, mime: type.mime, size: bytes.length, sha256, note: note || null },
    });
    return evidenceId;
  });
  return {
    id,
    criterionId: criterionId || null,
    filename,
    mime: type.mime,
    size: bytes.length,
    note: note || null,
    uploadedAt: now.toISOString(),
    surveyId: null,
  };
}

export async function removeEvidence(
  deps: AppDeps,
  caller: Caller,
  input: FormParams & { evidenceId: string },
): Promise<void> {
  const db = deps.database.db;
  const form = await loadForm(db, input.cycleId, input.agencyId);
  authorize(canEditForm(caller.user, form.facts));
  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    const row = await lockDraft(tx, form, caller.user.id, now, false);
    const found = row ? await repo.findEvidence(tx, row.id, input.evidenceId) : undefined;
    if (!row || !found) throw notFound({ vi: 'tệp minh chứng', en: 'evidence file' });
    if (found.surveyId)
      throw forbidden({
        vi: 'Tệp này do Sở TT&TT đính kèm khi khảo sát thực tế; đơn vị không gỡ được',
        en: 'This file was attached by the department during a field survey; the agency cannot remove it',
      });
    await repo.removeEvidence(tx, found.id, now, caller.user.id);
    await repo.touch(tx, row.id, now, caller.user.id);
    await audit(tx, caller, now, {
      action: 'submission.evidence_remove',
      entityType: 'evidence',
      entityId: found.id,
      cycleId: input.cycleId,
      agencyId: input.agencyId,
      field: found.criterionId,
      oldValue: { filename: found.filename, mime: found.mime, size: found.size, sha256: found.sha256 },
    });
  });
}

export async function downloadEvidence(
  deps: AppDeps,
  caller: Caller,
  input: FormParams & { evidenceId: string },
): Promise<{ bytes: Buffer; filename: string; mime: string }> {
  const db = deps.database.db;
  const form = await loadForm(db, input.cycleId, input.agencyId);
  authorize(canReadForm(caller.user, form.facts));
  const found = form.submission
    ? await repo.findEvidence(db, form.submission.id, input.evidenceId)
    : undefined;
  if (!found) throw notFound({ vi: 'tệp minh chứng', en: 'evidence file' });
  return { bytes: deps.files.get(found.sha256), filename: found.filename, mime: found.mime };
}
