/**
 * Anyone signed in raises a difficulty or a proposal about a criterion (picked from the current
 * criteria version, its name kept as it read), the form or the process; they may attach one file
 * until the item is answered. Files are stored like the evidence (bytes by hash, type read from
 * the bytes).
 */
import { pick } from '../../../core/format.ts';
import { audit } from '../../platform/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { insertFile } from '../../platform/file-records.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { checkedUpload } from '../../platform/upload-check.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { canAttachToFeedback, canReadFeedbackItem } from './feedback.policy.ts';
import * as repo from './feedback.repo.ts';
import type { FeedbackFileView, FeedbackItemView, ItemParams, RaiseBody } from './feedback.schema.ts';
import { mailRaised } from './feedback-mails.ts';
import { aboutOf, KIND_LABELS } from './feedback-words.ts';
import { itemView } from './read-feedback.ts';

const clean = (s: string) => s.normalize('NFC').trim();

export async function raiseFeedback(
  deps: AppDeps,
  caller: Caller,
  input: RaiseBody,
): Promise<FeedbackItemView> {
  const db = deps.database.db;
  const text = clean(input.text);
  if ([...text].length < 10)
    throw invalid('text', {
      vi: 'Hãy trình bày góp ý (ít nhất 10 ký tự): vướng mắc ở đâu, hoặc đề xuất sửa thế nào',
      en: 'Describe the item (at least 10 characters): what the difficulty is, or what you propose',
    });
  let criterion: { versionId: string; id: string; name: string } | null = null;
  if (input.subject === 'criterion') {
    if (!input.criterionId)
      throw invalid('criterionId', {
        vi: 'Hãy chọn tiêu chí mà góp ý đề cập',
        en: 'Choose the criterion the item is about',
      });
    const versionId = await repo.currentVersionId(db);
    const found = versionId
      ? (await criteriaVersion(db, versionId)).compiled.groups
          .map((g) => g.criteriaById.get(input.criterionId!))
          .find((c) => c !== undefined)
      : undefined;
    if (!versionId || !found)
      throw invalid('criterionId', {
        vi: `Không có tiêu chí "${input.criterionId}" trong bộ tiêu chí hiện hành`,
        en: `Criterion "${input.criterionId}" is not in the current criteria set`,
      });
    criterion = { versionId, id: found.id, name: pick(found.def.name, 'vi') };
  } else if (input.criterionId)
    throw invalid('criterionId', {
      vi: 'Chỉ chọn tiêu chí khi góp ý về một tiêu chí',
      en: 'A criterion is chosen only when the item is about a criterion',
    });

  const now = deps.clock.now();
  const about = aboutOf({
    subject: input.subject,
    criterionId: criterion?.id ?? null,
    criterionName: criterion?.name ?? null,
  });
  const id = await db.transaction(async (tx) => {
    const row = await repo.insertItem(tx, {
      kind: input.kind,
      subject: input.subject,
      // The version an item of any subject was raised under: the summary compares it with the next.
      criteriaVersionId: criterion?.versionId ?? (await repo.currentVersionId(tx)),
      criterionId: criterion?.id ?? null,
      criterionName: criterion?.name ?? null,
      text,
      raisedBy: caller.user.id,
      raisedAt: now,
    });
    await audit(tx, caller, now, {
      action: 'feedback.raise',
      entityType: 'feedback',
      entityId: row.id,
      agencyId: caller.user.agencyId,
      field: criterion?.id ?? input.subject,
      newValue: { kind: input.kind, subject: input.subject, about: about.vi, text },
    });
    await mailRaised(tx, deps, {
      to: await repo.departmentEmails(tx),
      raiser: caller.user.displayName,
      kind: KIND_LABELS[input.kind].vi,
      about: about.vi,
      text,
      now,
    });
    return row.id;
  });
  const [row] = await repo.listItems(db, { ids: [id] });
  return itemView(row!, caller.user);
}

/** What the route read from a multipart upload: the one file of the field "file". */
export type FeedbackUpload = { readonly filename: string; readonly bytes: Buffer } | null;

export async function attachFeedbackFile(
  deps: AppDeps,
  caller: Caller,
  input: ItemParams & { read: () => Promise<FeedbackUpload> },
): Promise<FeedbackFileView> {
  const db = deps.database.db;
  const item = await repo.findItem(db, input.itemId);
  // Another person's item is as unknown as a missing one, unless the caller may read it.
  if (!item || canReadFeedbackItem(caller.user, item) !== true)
    throw notFound({ vi: 'góp ý', en: 'feedback item' });
  authorize(canAttachToFeedback(caller.user, item));
  const { bytes, filename, type } = checkedUpload(await input.read(), {
    fallbackName: 'tep-gop-y',
    missing: { vi: 'Chưa chọn tệp để đính kèm (trường "file")', en: 'No file was sent (field "file")' },
  });
  const sha256 = deps.files.put(bytes);
  const now = deps.clock.now();
  const fileId = await db.transaction(async (tx) => {
    const current = (await repo.findItem(tx, item.id, true))!;
    authorize(canAttachToFeedback(caller.user, current));
    const fileId = await insertFile(tx, {
      sha256,
      size: bytes.length,
      mime: type.mime,
      filename,
      userId: caller.user.id,
      now,
    });
    await repo.setFile(tx, item.id, fileId);
    await audit(tx, caller, now, {
      action: 'feedback.file_add',
      entityType: 'feedback',
      entityId: item.id,
      agencyId: caller.user.agencyId,
      field: item.criterionId ?? item.subject,
      newValue: { filename, mime: type.mime, size: bytes.length, sha256 },
    });
    return fileId;
  });
  return { id: fileId, filename, mime: type.mime, size: bytes.length };
}

export async function downloadFeedbackFile(
  deps: AppDeps,
  caller: Caller,
  input: ItemParams,
): Promise<{ bytes: Buffer; filename: string; mime: string }> {
  const db = deps.database.db;
  const item = await repo.findItem(db, input.itemId);
  if (!item || canReadFeedbackItem(caller.user, item) !== true)
    throw notFound({ vi: 'tệp của góp ý', en: 'feedback file' });
  const [row] = await repo.listItems(db, { ids: [item.id] });
  if (!row?.file) throw notFound({ vi: 'tệp của góp ý', en: 'feedback file' });
  return { bytes: deps.files.get(row.file.sha256), filename: row.file.filename, mime: row.file.mime };
}
