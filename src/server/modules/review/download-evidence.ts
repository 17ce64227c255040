/** The department (or the approver, once it reads the review) downloads a file of the agency's evidence or of a survey. */
import { notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { canReadReview } from './review.policy.ts';
import * as repo from './review.repo.ts';
import type { EvidenceParams } from './review.schema.ts';
import { loadCycle, loadEntry } from './review-context.ts';

export async function downloadEvidence(
  deps: AppDeps,
  caller: Caller,
  input: EvidenceParams,
): Promise<{ bytes: Buffer; filename: string; mime: string }> {
  const db = deps.database.db;
  const cycle = await loadCycle(db, input.cycleId);
  authorize(canReadReview(caller.user, cycle));
  await loadEntry(db, cycle, input.agencyId);
  const sub = await repo.submissionOf(db, cycle.id, input.agencyId);
  const row = sub ? await repo.findEvidence(db, sub.id, input.evidenceId) : undefined;
  if (!row) throw notFound({ vi: 'minh chứng', en: 'evidence' });
  return { bytes: deps.files.get(row.sha256), filename: row.filename, mime: row.mime };
}
