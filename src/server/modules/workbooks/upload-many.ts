/**
 * An assessor uploads a zip of the workbooks that agencies sent by e-mail and gets one line per
 * file: whose form it is, how many values it changes, or every problem. With `save`, the files
 * that pass are saved as a confirmed single upload would be (each in its own transaction, so one
 * bad file never stops the others); without it, nothing is written.
 */
import { z } from 'zod';
import { AppError, invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { loadForm } from '../submissions/form-context.ts';
import { checkUpload } from './form-workbook.ts';
import { FileRefused, readFormOwner } from './read-form.ts';
import type { UploadedFile } from './upload-form.ts';
import { saveUpload } from './upload-form.ts';
import { canUploadForm, canUploadMany, uploadMode } from './workbooks.policy.ts';
import type { BulkLine, BulkResult, CycleParams, FileProblem } from './workbooks.schema.ts';
import { unzipGuarded, ZipRefused } from './zip-guard.ts';

const MB = 1024 * 1024;
const ZIP_LIMITS = { maxEntries: 500, maxTotalBytes: 300 * MB, maxRatio: 100 };
const Uuid = z.uuid();

const problemsOf = (e: unknown): FileProblem[] | null =>
  e instanceof AppError
    ? ((e.details as { problems?: FileProblem[] } | undefined)?.problems ?? [
        { cell: null, field: null, message: e.text.vi, messageEn: e.text.en ?? e.text.vi },
      ])
    : e instanceof FileRefused
      ? [{ cell: null, field: null, message: e.vi, messageEn: e.en }]
      : null;

export async function uploadMany(
  deps: AppDeps,
  caller: Caller,
  input: CycleParams & { save: boolean; read: () => Promise<UploadedFile | null> },
): Promise<BulkResult> {
  authorize(canUploadMany(caller.user));
  const zip = await input.read();
  if (!zip || zip.bytes.length === 0)
    throw invalid('file', { vi: 'Chưa chọn tệp nén (.zip) để tải lên', en: 'No zip file was sent' });
  let entries: Map<string, Buffer>;
  try {
    entries = unzipGuarded(zip.bytes, ZIP_LIMITS);
  } catch (e) {
    if (!(e instanceof ZipRefused)) throw e;
    throw invalid('file', {
      vi:
        e.problem === 'not_zip' || e.problem === 'corrupt'
          ? 'Tệp không phải tệp nén .zip hợp lệ. Hãy nén thư mục các biểu mẫu Excel thành một tệp .zip.'
          : 'Tệp nén quá lớn hoặc giải nén ra lớn bất thường (có thể là "bom nén"); hệ thống không mở tệp này.',
      en: 'The file is not a valid zip, or it expands far beyond its size.',
    });
  }
  const lines: BulkLine[] = [];
  for (const [name, bytes] of entries) {
    const file = name.split('/').pop() ?? name;
    if (name.startsWith('__MACOSX/') || file.startsWith('.') || file.startsWith('~$')) continue;
    lines.push(await oneFile(deps, caller, input, file, bytes));
  }
  if (!lines.length)
    throw invalid('file', { vi: 'Tệp nén không có biểu mẫu Excel nào', en: 'The zip holds no workbook' });
  return { saved: input.save, lines };
}

async function oneFile(
  deps: AppDeps,
  caller: Caller,
  input: CycleParams & { save: boolean },
  file: string,
  bytes: Buffer,
): Promise<BulkLine> {
  let who: Pick<BulkLine, 'agencyCode' | 'agencyName'> = { agencyCode: null, agencyName: null };
  const line = (l: Partial<BulkLine>): BulkLine => ({
    file,
    ...who,
    status: 'rejected',
    changes: 0,
    problems: [],
    ...l,
  });
  try {
    const owner = await readFormOwner(bytes);
    who = { agencyCode: owner.agencyCode || null, agencyName: null };
    if (owner.cycleId !== input.cycleId || !Uuid.safeParse(owner.agencyId).success)
      return line({
        problems: [
          {
            cell: null,
            field: null,
            message: 'Biểu mẫu này không thuộc kỳ đánh giá đang nhập.',
            messageEn: 'This form belongs to another cycle.',
          },
        ],
      });
    const form = await loadForm(deps.database.db, input.cycleId, owner.agencyId);
    who = { agencyCode: form.roster.code, agencyName: form.roster.name };
    authorize(canUploadForm(caller.user, form.facts));
    if (uploadMode(form.facts) === 'correction')
      return line({
        ...who,
        problems: [
          {
            cell: null,
            field: null,
            message:
              'Cơ quan đã nộp phiếu: số liệu trong tệp sẽ là điều chỉnh của Sở TT&TT và cần ghi lý do. Hãy tải riêng tệp này lên ở trang phiếu của cơ quan (nút "Tải lên biểu mẫu Excel"), chưa lưu gì.',
            messageEn:
              'The agency has submitted: the values of this file would be department corrections and need a reason. Upload this file on its own on the agency’s form page; nothing was saved.',
          },
        ],
      });
    const checked = await checkUpload(form, bytes);
    if (!input.save) return line({ ...who, status: 'ready', changes: checked.changes.length });
    if (!checked.changes.length) return line({ ...who, status: 'unchanged' });
    const version = form.submission?.version ?? null;
    const saved = await saveUpload(deps, caller, form, {
      bytes,
      sha256: deps.files.put(bytes),
      filename: file,
      version,
      checked,
    });
    return line({ ...who, status: 'saved', changes: saved.changed });
  } catch (e) {
    const problems = problemsOf(e);
    if (!problems) throw e;
    return line({ problems });
  }
}
