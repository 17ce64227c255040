/**
 * The official documents of a published revision, as DOCX or PDF: the annual report, the draft
 * decision, one agency's notice, every notice in one zip, and a submission's receipt. The access
 * rule is asked once at the top of each; the files are built outside any transaction.
 */
import JSZip from 'jszip';
import type { CompiledSet } from '../../../core/criteria/compile.ts';
import type { Db } from '../../db/open.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { listAppeals } from '../appeals/appeals.repo.ts';
import { findCycleByYear } from '../cycles/cycles.repo.ts';
import { readAgencyResult } from '../results/read-agency-result.ts';
import { decisionOf, documentOf, loadResult } from '../results/result-document.ts';
import * as resultsRepo from '../results/results.repo.ts';
import type { SnapshotContent } from '../results/results.schema.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { readReceipt } from '../submissions/read-form.ts';
import { draftDecision } from './decision.ts';
import { canDownloadNotice, canDownloadOfficial } from './documents.policy.ts';
import type {
  CycleDocumentParams,
  CycleParams,
  DocumentFormat,
  DocumentQuery,
  NoticeParams,
  ReceiptParams,
} from './documents.schema.ts';
import { renderDocx } from './docx-writer.ts';
import { type OfficialDocument, vnDate } from './model.ts';
import { resultNotice } from './notice.ts';
import { renderPdf } from './pdf-writer.ts';
import { submissionReceipt } from './receipt.ts';
import { annualReport, type ReportAppeal } from './report.ts';

export interface DocumentFile {
  readonly bytes: Buffer;
  readonly filename: string;
  readonly format: DocumentFormat | 'zip';
}

export const render = (doc: OfficialDocument, format: DocumentFormat): Promise<Buffer> =>
  format === 'pdf' ? renderPdf(doc) : renderDocx(doc);

/** Last year's latest published document, for the report's changes. */
async function previousContent(deps: AppDeps, year: number): Promise<SnapshotContent | null> {
  const prev = await findCycleByYear(deps.database.db, year - 1);
  const row = prev ? await resultsRepo.snapshotOf(deps.database.db, prev.id) : undefined;
  return row ? (row.content as SnapshotContent) : null;
}

/** The annual report or the draft decision of a published revision. */
export async function downloadCycleDocument(
  deps: AppDeps,
  caller: Caller,
  input: CycleDocumentParams & DocumentQuery,
): Promise<DocumentFile> {
  const db = deps.database.db;
  const ctx = await loadResult(db, input.id, { revision: input.revision });
  authorize(canDownloadOfficial(caller.user, ctx.facts));
  const { content, revision } = await documentOf(deps, ctx);
  const decision = revision?.decision ?? null;
  const today = vnDate(deps.clock.now());
  let doc: OfficialDocument;
  if (input.kind === 'report') {
    const set = (await criteriaVersion(db, content.criteria.id)).compiled;
    doc = annualReport({
      content,
      set,
      decision,
      previous: await previousContent(deps, content.cycle.year),
      date: today,
      appeals: await reportAppeals(db, ctx.cycle.id, set),
    });
  } else doc = draftDecision(content, decision, today);
  const name = input.kind === 'report' ? 'Báo cáo kết quả' : 'Dự thảo quyết định công bố';
  return {
    bytes: await render(doc, input.format),
    filename: `${name} CNTT năm ${content.cycle.year} - lần ${revision!.number}.${input.format}`,
    format: input.format,
  };
}

/** One agency's result notice (the latest revision). */
export async function downloadNotice(
  deps: AppDeps,
  caller: Caller,
  input: NoticeParams & Pick<DocumentQuery, 'format'>,
): Promise<DocumentFile> {
  const ctx = await loadResult(deps.database.db, input.id, {});
  authorize(canDownloadNotice(caller.user, input.agencyId, ctx.facts));
  const view = await readAgencyResult(deps, caller, { id: input.id, agencyId: input.agencyId });
  const doc = resultNotice(view, view.revision?.decision ?? null, vnDate(deps.clock.now()));
  return {
    bytes: await render(doc, input.format),
    filename: `Thông báo kết quả CNTT năm ${view.cycle.year} - ${view.agency.code}.${input.format}`,
    format: input.format,
  };
}

/** Every agency's notice, DOCX and PDF, in one zip (one folder per format). */
export async function downloadAllNotices(
  deps: AppDeps,
  caller: Caller,
  input: CycleParams,
): Promise<DocumentFile> {
  const db = deps.database.db;
  const ctx = await loadResult(db, input.id, {});
  authorize(canDownloadOfficial(caller.user, ctx.facts));
  const { content, revision } = await documentOf(deps, ctx);
  const decision = ctx.stored ? decisionOf(ctx.stored) : null;
  const today = vnDate(deps.clock.now());
  const zip = new JSZip();
  for (const a of content.agencies) {
    const view = await readAgencyResult(deps, caller, { id: input.id, agencyId: a.agencyId });
    const doc = resultNotice(view, decision, today);
    const base = `${a.code} - ${a.name}`.replace(/[\\/:*?"<>|]/g, ' ');
    zip.file(`docx/${base}.docx`, await renderDocx(doc));
    zip.file(`pdf/${base}.pdf`, await renderPdf(doc));
  }
  return {
    bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
    filename: `Thông báo kết quả CNTT năm ${content.cycle.year} - lần ${revision!.number}.zip`,
    format: 'zip',
  };
}

/** A submission's receipt as PDF (whoever may read the receipt page). */
export async function downloadReceipt(
  deps: AppDeps,
  caller: Caller,
  input: ReceiptParams,
): Promise<DocumentFile> {
  const receipt = await readReceipt(deps, caller, input);
  return {
    bytes: await renderPdf(submissionReceipt(receipt, vnDate(deps.clock.now()))),
    filename: `Biên nhận phiếu báo cáo năm ${receipt.cycle.year} - ${receipt.agency.code}.pdf`,
    format: 'pdf',
  };
}

/** The cycle's appeals as the report's annex lists them: agency and criterion by name, oldest first. */
async function reportAppeals(db: Db, cycleId: string, set: CompiledSet): Promise<ReportAppeal[]> {
  return (await listAppeals(db, cycleId)).map((a) => {
    const criterion = set.groupsById.get(a.groupId)?.criteriaById.get(a.criterionId);
    return {
      agency: a.agencyName,
      criterion: criterion ? `${criterion.id}. ${criterion.def.name.vi}` : a.criterionId,
      text: a.text,
      status: a.status,
      answer: a.answer,
      totalBefore: a.totalBefore,
      totalAfter: a.totalAfter,
    };
  });
}
