/**
 * Someone writes on a query (R10, R18): the agency's reporter answers it (the query becomes
 * "answered"), or the department asks more (it is "open" again). A message may carry one file:
 * after submission the form's evidence is locked, and the answer to the department's query is
 * where a document still goes. The message, its file's record, its audit row and the e-mail to
 * the other side are written in one transaction, under the cycle's share lock.
 */
import { audit } from '../../platform/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { type CheckedUpload, checkedUpload } from '../../platform/upload-check.ts';
import { answeredMail, followUpMail, notify } from './query-mails.ts';
import { canReadQueries, canWriteOnQuery } from './review.policy.ts';
import * as repo from './review.repo.ts';
import type { MessageBody, QueryFileParams, QueryParams, QueryResult } from './review.schema.ts';
import { loadQuery, lockQuery, type QueryContext } from './review-context.ts';
import { queryView } from './review-views.ts';
import { clean } from './review-words.ts';

/** What the route read from a multipart message: its text and the one file of the field "file". */
export interface MessageUpload {
  readonly body: string;
  readonly file: { readonly filename: string; readonly bytes: Buffer } | null;
}

/** A message with a file (multipart): the file is checked as every attachment is, then written with the message. */
export async function answerQueryWithFile(
  deps: AppDeps,
  caller: Caller,
  input: QueryParams & { read: () => Promise<MessageUpload> },
): Promise<QueryResult> {
  // Who may write is asked before the upload is read: a refused caller's file is never taken in.
  const ctx = await loadQuery(deps.database.db, input.cycleId, input.queryId);
  authorize(canWriteOnQuery(caller.user, ctx.facts));
  const sent = await input.read();
  if (sent.body.length > 5000)
    throw invalid('body', {
      vi: 'Nội dung trao đổi dài quá 5.000 ký tự',
      en: 'The message is longer than 5,000 characters',
    });
  const upload = checkedUpload(sent.file, {
    fallbackName: 'tep-tra-loi',
    missing: { vi: 'Chưa chọn tệp để gửi kèm (trường "file")', en: 'No file was sent (field "file")' },
  });
  return writeMessage(deps, caller, ctx, sent.body, upload);
}

export async function answerQuery(
  deps: AppDeps,
  caller: Caller,
  input: QueryParams & MessageBody,
): Promise<QueryResult> {
  const ctx = await loadQuery(deps.database.db, input.cycleId, input.queryId);
  authorize(canWriteOnQuery(caller.user, ctx.facts));
  return writeMessage(deps, caller, ctx, input.body, null);
}

/** The message (with its file's record), its audit row and the mail, once the caller may write. */
async function writeMessage(
  deps: AppDeps,
  caller: Caller,
  ctx: QueryContext,
  text: string,
  upload: CheckedUpload | null,
): Promise<QueryResult> {
  const db = deps.database.db;
  const body = clean(text);
  if (!body) throw invalid('body', { vi: 'Hãy ghi nội dung trả lời', en: 'Write the message' });
  const fromAgency = caller.user.role === 'reporter';
  const sha256 = upload ? deps.files.put(upload.bytes) : null;
  const now = deps.clock.now();
  const notified = await db.transaction(async (tx) => {
    const current = await lockQuery(tx, ctx, { lockCycle: true });
    authorize(canWriteOnQuery(caller.user, current.facts));
    const fileId =
      upload && sha256
        ? await repo.insertFile(tx, {
            sha256,
            size: upload.bytes.length,
            mime: upload.type.mime,
            filename: upload.filename,
            userId: caller.user.id,
            now,
          })
        : null;
    await repo.insertMessage(tx, { queryId: ctx.query.id, authorId: caller.user.id, body, now, fileId });
    const status = fromAgency ? 'answered' : 'open';
    await repo.setQueryStatus(tx, ctx.query.id, status, null);
    await audit(tx, caller, now, {
      action: fromAgency ? 'review.query_answer' : 'review.query_message',
      entityType: 'query',
      entityId: ctx.query.id,
      cycleId: ctx.cycle.id,
      agencyId: ctx.agencyId,
      oldValue: { status: current.query.status },
      newValue: {
        status,
        body,
        ...(upload && { file: { filename: upload.filename, size: upload.bytes.length, sha256 } }),
      },
    });
    // Each side hears of the other's message: the assessor who asked, or the agency's reporters.
    const mail = {
      year: ctx.cycle.year,
      subject: current.query.subject,
      body,
      sender: caller.user.displayName,
      publicUrl: deps.config.publicUrl,
    };
    return notify(
      tx,
      deps,
      fromAgency
        ? answeredMail({ ...mail, to: await repo.userEmails(tx, [current.query.createdBy]) })
        : followUpMail({ ...mail, to: await repo.reporterEmails(tx, ctx.agencyId) }),
      now,
    );
  });
  return { query: await queryView(db, ctx.query.id), notified };
}

/** A file sent with a message, to whoever reads the query (the department, the agency's reporters). */
export async function downloadQueryFile(
  deps: AppDeps,
  caller: Caller,
  input: QueryFileParams,
): Promise<{ bytes: Buffer; filename: string; mime: string }> {
  const db = deps.database.db;
  const ctx = await loadQuery(db, input.cycleId, input.queryId);
  // Another agency's query is as unknown to a reporter as a missing one.
  if (canReadQueries(caller.user, ctx.agencyId) !== true)
    throw notFound({ vi: 'tệp của câu hỏi', en: 'query file' });
  const found = (await repo.messagesOf(db, [ctx.query.id])).find((m) => m.fileId === input.fileId);
  if (!found?.fileSha256) throw notFound({ vi: 'tệp của câu hỏi', en: 'query file' });
  return {
    bytes: deps.files.get(found.fileSha256),
    filename: found.fileName ?? 'tep',
    mime: found.fileMime ?? '',
  };
}
