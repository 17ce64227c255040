/**
 * An agency contests one criterion of its provisional result (approved, not yet published), with a
 * text and files, during the appeal period; it may add files until the appeal is answered. Files
 * are stored like the evidence (content-addressed bytes, type read from the bytes).
 */
import { pick } from '../../../core/format.ts';
import { audit } from '../../platform/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { checkedUpload } from '../../platform/upload-check.ts';
import { lockCycle } from '../cycles/cycles.repo.ts';
import { rosterEntry, submissionOf } from '../review/review.repo.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { appealView, loadCycle, periodFacts } from './appeal-context.ts';
import { mailFiled } from './appeal-mails.ts';
import { canAttachToAppeal, canFileAppeal, canReadAppeals } from './appeals.policy.ts';
import * as repo from './appeals.repo.ts';
import type {
  AgencyParams,
  AppealFileParams,
  AppealFileView,
  AppealParams,
  AppealView,
  FileAppealBody,
} from './appeals.schema.ts';

const clean = (s: string) => s.normalize('NFC').trim();

export async function fileAppeal(
  deps: AppDeps,
  caller: Caller,
  input: AgencyParams & FileAppealBody,
): Promise<AppealView> {
  const db = deps.database.db;
  const cycle = await loadCycle(db, input.cycleId);
  authorize(canFileAppeal(caller.user, input.agencyId, periodFacts(cycle, deps.clock.now())));
  const entry = await rosterEntry(db, cycle.id, input.agencyId);
  if (!entry)
    throw notFound({
      vi: `cơ quan trong danh sách đánh giá năm ${cycle.year}`,
      en: `agency on the ${cycle.year} roster`,
    });
  const { compiled } = await criteriaVersion(db, cycle.criteriaVersionId);
  const group = compiled.groupsById.get(entry.groupId)!;
  const criterion = group.criteriaById.get(input.criterionId);
  if (!criterion)
    throw invalid('criterionId', {
      vi: `Tiêu chí "${input.criterionId}" không có trong bộ tiêu chí của nhóm ${pick(group.def.name, 'vi')}`,
      en: `Criterion "${input.criterionId}" is not in the criteria of group ${pick(group.def.name, 'en')}`,
    });
  if ((await submissionOf(db, cycle.id, input.agencyId))?.status !== 'submitted')
    throw invalid('agencyId', {
      vi: 'Cơ quan không nộp báo cáo trong kỳ này nên không có kết quả để kiến nghị',
      en: 'The agency did not submit a report this cycle: there is no result to appeal',
    });
  const text = clean(input.text);
  if ([...text].length < 10)
    throw invalid('text', {
      vi: 'Hãy trình bày nội dung kiến nghị (ít nhất 10 ký tự): điểm nào chưa đúng và vì sao',
      en: 'State the appeal (at least 10 characters): which points are wrong and why',
    });

  const now = deps.clock.now();
  const criterionName = `tiêu chí ${criterion.id} "${criterion.def.name.vi}"`;
  const row = await db.transaction(async (tx) => {
    const locked = await lockCycle(tx, cycle.id);
    authorize(canFileAppeal(caller.user, input.agencyId, periodFacts(locked ?? cycle, now)));
    const row = await repo.insertAppeal(tx, {
      cycleId: cycle.id,
      agencyId: input.agencyId,
      criterionId: criterion.id,
      text,
      userId: caller.user.id,
      now,
    });
    await audit(tx, caller, now, {
      action: 'appeal.file',
      entityType: 'appeal',
      entityId: row.id,
      cycleId: cycle.id,
      agencyId: input.agencyId,
      field: criterion.id,
      newValue: { text },
    });
    await mailFiled(tx, deps, {
      to: await repo.assessorEmails(tx),
      year: cycle.year,
      cycleId: cycle.id,
      agencyName: entry.name,
      criterion: criterionName,
      text,
      now,
    });
    return row;
  });
  const [listed] = (await repo.listAppeals(db, cycle.id, input.agencyId)).filter((a) => a.id === row.id);
  return appealView(listed!, group, compiled.derived, [], false);
}

/** What the route read from a multipart upload: the one file of the field "file". */
export type AppealUpload = { readonly filename: string; readonly bytes: Buffer } | null;

export async function attachAppealFile(
  deps: AppDeps,
  caller: Caller,
  input: AppealParams & { read: () => Promise<AppealUpload> },
): Promise<AppealFileView> {
  const db = deps.database.db;
  const cycle = await loadCycle(db, input.cycleId);
  const appeal = await repo.findAppeal(db, cycle.id, input.appealId);
  if (!appeal) throw notFound({ vi: 'kiến nghị', en: 'appeal' });
  authorize(canAttachToAppeal(caller.user, appeal, periodFacts(cycle, deps.clock.now())));
  const { bytes, filename, type } = checkedUpload(await input.read(), {
    fallbackName: 'tep-kien-nghi',
    missing: { vi: 'Chưa chọn tệp để đính kèm (trường "file")', en: 'No file was sent (field "file")' },
  });
  const sha256 = deps.files.put(bytes);
  const now = deps.clock.now();
  const id = await db.transaction(async (tx) => {
    const locked = (await lockCycle(tx, cycle.id)) ?? cycle;
    const current = (await repo.findAppeal(tx, cycle.id, appeal.id, true))!;
    authorize(canAttachToAppeal(caller.user, current, periodFacts(locked, now)));
    const fileId = await repo.insertFile(tx, {
      sha256,
      size: bytes.length,
      mime: type.mime,
      filename,
      userId: caller.user.id,
      now,
    });
    await repo.linkFile(tx, appeal.id, fileId, now);
    await audit(tx, caller, now, {
      action: 'appeal.file_add',
      entityType: 'appeal',
      entityId: appeal.id,
      cycleId: cycle.id,
      agencyId: appeal.agencyId,
      field: appeal.criterionId,
      newValue: { filename, mime: type.mime, size: bytes.length, sha256 },
    });
    return fileId;
  });
  return { id, filename, mime: type.mime, size: bytes.length };
}

export async function downloadAppealFile(
  deps: AppDeps,
  caller: Caller,
  input: AppealFileParams,
): Promise<{ bytes: Buffer; filename: string; mime: string }> {
  const db = deps.database.db;
  const appeal = await repo.findAppeal(db, input.cycleId, input.appealId);
  // Another agency's appeal is as unknown to a reporter as a missing one.
  if (!appeal || canReadAppeals(caller.user, appeal.agencyId) !== true)
    throw notFound({ vi: 'tệp của kiến nghị', en: 'appeal file' });
  const found = (await repo.filesOf(db, [appeal.id])).find((f) => f.id === input.fileId);
  if (!found) throw notFound({ vi: 'tệp của kiến nghị', en: 'appeal file' });
  return { bytes: deps.files.get(found.sha256), filename: found.filename, mime: found.mime };
}
