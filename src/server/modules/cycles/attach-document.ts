/**
 * The administrator attaches (or replaces) the guidance document or the data-collection form of
 * a cycle (R8) while it is a draft or open; everyone downloads them once the cycle is open. Only
 * documents are accepted, their type read from the bytes, never from the name; the bytes are
 * stored content-addressed, the metadata in `files`.
 */

import { audit } from '../../platform/audit.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { sniff } from '../../platform/files.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { DOCUMENT_TEXT } from './cycle-texts.ts';
import { cycleDetail, loadCycle, lockCycle } from './cycle-views.ts';
import { canAttachDocument, canDownloadDocument } from './cycles.policy.ts';
import * as repo from './cycles.repo.ts';
import type { CycleAnswer, DocumentKind, DocumentParams } from './cycles.schema.ts';

const DOCUMENT_COLUMN = { guidance: 'guidanceFileId', form: 'formFileId' } as const;
const DOCUMENT_DEFAULT_NAME: Record<DocumentKind, string> = {
  guidance: 'huong-dan',
  form: 'phieu-thu-thap-so-lieu',
};

/** Document types a guidance or a form may have (read from the bytes, never from the name). */
const ACCEPTED_DOCUMENTS = new Set(['pdf', 'docx', 'doc', 'xlsx', 'odt']);
const SNIFFED_TEXT: Record<string, string> = {
  png: 'ảnh PNG',
  jpg: 'ảnh JPEG',
  pptx: 'bản trình chiếu PowerPoint',
  ods: 'bảng tính OpenDocument',
  zip: 'tệp nén ZIP',
};

/** What the route read from a multipart upload: the one file of the field "file". */
export interface DocumentUpload {
  readonly filename: string | undefined;
  readonly bytes: Buffer;
}

/** A stored name for an uploaded document: no path, NFC, with the extension of its real type. */
function documentName(raw: string | undefined, kind: DocumentKind, extension: string): string {
  const base = (raw ?? '')
    .normalize('NFC')
    .split(/[/\\]/)
    .pop()!
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  const name = base || DOCUMENT_DEFAULT_NAME[kind];
  return name.toLowerCase().endsWith(`.${extension}`) ? name : `${name}.${extension}`;
}

export async function attachDocument(
  deps: AppDeps,
  caller: Caller,
  input: DocumentParams & { read: () => Promise<DocumentUpload> },
): Promise<CycleAnswer> {
  const db = deps.database.db;
  const { id, kind } = input;
  authorize(canAttachDocument(caller.user, await loadCycle(db, id), kind));
  const upload = await input.read();
  if (!upload.bytes.length) throw invalid('file', { vi: 'Tệp rỗng', en: 'The file is empty' });
  const type = sniff(upload.bytes);
  if (!type || !ACCEPTED_DOCUMENTS.has(type.extension)) {
    const seen = type ? (SNIFFED_TEXT[type.extension] ?? type.mime) : null;
    throw new AppError(
      415,
      'unsupported_type',
      {
        vi: `Chỉ nhận ${DOCUMENT_TEXT[kind].vi} dạng văn bản PDF, Word (DOCX, DOC), Excel (XLSX) hoặc OpenDocument (ODT). ${
          seen ? `Nội dung tệp đã gửi là ${seen}` : 'Không nhận ra loại của tệp đã gửi'
        } (loại tệp được xác định theo nội dung, không theo tên tệp).`,
        en: `Only PDF, DOCX, DOC, XLSX or ODT documents are accepted; the file sent is ${type ? type.mime : 'of an unknown type'} (judged by its content, not its name).`,
      },
      'file',
    );
  }
  const sha256 = deps.files.put(upload.bytes);
  const filename = documentName(upload.filename, kind, type.extension);
  const now = deps.clock.now();
  const row = await db.transaction(async (tx) => {
    const before = await lockCycle(tx, id);
    // Asked again under the lock: the cycle may have moved on meanwhile.
    authorize(canAttachDocument(caller.user, before, kind));
    const file = await repo.insertFile(tx, {
      sha256,
      size: upload.bytes.length,
      mime: type.mime,
      filename,
      uploadedBy: caller.user.id,
      uploadedAt: now,
    });
    const column = DOCUMENT_COLUMN[kind];
    const updated = await repo.updateCycle(tx, id, before.version, { [column]: file.id, updatedAt: now });
    await audit(tx, caller, now, {
      action: 'cycle.document',
      entityType: 'cycle',
      entityId: id,
      cycleId: id,
      field: column,
      oldValue: before[column],
      newValue: { fileId: file.id, filename, mime: type.mime, size: upload.bytes.length, sha256 },
    });
    return updated!;
  });
  return { cycle: await cycleDetail(db, caller.user, row, deps.clock.now()) };
}

/** The bytes of a document: for everyone once the cycle is open, for the administrator always. */
export async function downloadDocument(
  deps: AppDeps,
  caller: Caller,
  input: DocumentParams,
): Promise<{ bytes: Buffer; filename: string; mime: string }> {
  const db = deps.database.db;
  const c = await loadCycle(db, input.id);
  authorize(canDownloadDocument(caller.user, c, input.kind));
  const fileId = c[DOCUMENT_COLUMN[input.kind]];
  const [file] = fileId ? await repo.filesByIds(db, [fileId]) : [];
  if (!file)
    throw notFound({
      vi: `${DOCUMENT_TEXT[input.kind].vi} của kỳ đánh giá năm ${c.year}`,
      en: `the ${DOCUMENT_TEXT[input.kind].en} of ${c.year}`,
    });
  return { bytes: deps.files.get(file.sha256), filename: file.filename, mime: file.mime };
}
