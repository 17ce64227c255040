/**
 * A reporter submits the form, attested by the head of the agency (R9, R16). All in one
 * transaction under the cycle's lock, so that a deadline extension or a state change cannot
 * interleave: the server's clock read there is the submission time, and a late form is accepted,
 * recorded as late and not ranked. The receipt's hash covers exactly what was submitted.
 */
import { audit } from '../../platform/audit.ts';
import { contentHash } from '../../platform/canonical.ts';
import { invalid, stale } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { findCycle } from '../cycles/cycles.repo.ts';
import { loadForm, lockDraft } from './form-context.ts';
import { incomplete, invalidValues, missingAgencyValues, storedProblems } from './form-values.ts';
import { formState, receiptOf } from './form-views.ts';
import { clean } from './form-words.ts';
import { canEditForm } from './submissions.policy.ts';
import * as repo from './submissions.repo.ts';
import type { FormParams, StaleDetails, SubmitBody, SubmitResult } from './submissions.schema.ts';

const currentOf = (row: repo.SubmissionRow | undefined): StaleDetails => ({
  status: row?.status ?? 'not_started',
  version: row?.version ?? null,
  values: (row?.values as Record<string, unknown> | undefined) ?? {},
  updatedAt: row?.updatedAt.toISOString() ?? null,
  conflicts: [],
});

export async function submit(
  deps: AppDeps,
  caller: Caller,
  input: FormParams & SubmitBody,
): Promise<SubmitResult> {
  const db = deps.database.db;
  const form = await loadForm(db, input.cycleId, input.agencyId);
  authorize(canEditForm(caller.user, form.facts));
  const attestedName = clean(input.attestedName);
  const attestedTitle = clean(input.attestedTitle);
  if ([...attestedName].length < 2)
    throw invalid('attestedName', {
      vi: 'Hãy ghi họ tên thủ trưởng cơ quan xác nhận số liệu (người chịu trách nhiệm về phiếu)',
      en: 'Give the name of the head of the agency who attests the data',
    });
  if ([...attestedTitle].length < 2)
    throw invalid('attestedTitle', {
      vi: 'Hãy ghi chức vụ của thủ trưởng cơ quan xác nhận số liệu',
      en: 'Give the title of the head of the agency who attests the data',
    });

  const submitted = await db.transaction(async (tx) => {
    const row = await lockDraft(tx, form, caller.user.id, deps.clock.now(), false);
    if (row && row.version !== input.version) throw stale(currentOf(row));
    const values = (row?.values as Record<string, unknown> | undefined) ?? {};
    const bad = storedProblems(form.group, values);
    if (bad.length) throw invalidValues(bad);
    const missing = missingAgencyValues(form.group, values);
    if (missing.length) throw incomplete(missing);
    if (!row) throw stale(currentOf(row));
    const claims = await repo.listClaims(tx, row.id);
    // The clock is read under the cycle's lock: a deadline extension cannot slip in between.
    const now = deps.clock.now();
    const hash = contentHash(
      submissionContent({
        cycleId: input.cycleId,
        agencyId: input.agencyId,
        values,
        claims,
        attestedName,
        attestedTitle,
        submittedAt: now,
      }),
    );
    const saved = await repo.markSubmitted(tx, row.id, row.version, {
      submittedAt: now,
      submittedBy: caller.user.id,
      attestedName,
      attestedTitle,
      contentHash: hash,
    });
    if (!saved) throw stale(currentOf(await repo.findSubmission(tx, input.cycleId, input.agencyId)));
    const cycle = (await findCycle(tx, input.cycleId)) ?? form.cycle;
    await audit(tx, caller, now, {
      action: 'submission.submit',
      entityType: 'submission',
      entityId: row.id,
      cycleId: input.cycleId,
      agencyId: input.agencyId,
      newValue: {
        submittedAt: now.toISOString(),
        late: now.getTime() >= cycle.deadline.getTime(),
        contentHash: hash,
        attestedName,
        attestedTitle,
        version: saved.version,
      },
    });
    return saved;
  });

  const fresh = await loadForm(db, input.cycleId, input.agencyId);
  const receipt = (await receiptOf(db, fresh, submitted))!;
  const name = fresh.roster.name;
  return {
    message: receipt.late
      ? `Đã ghi nhận phiếu của ${name}, nhưng NỘP MUỘN: ${receipt.timeliness.vi}`
      : `Đã nộp phiếu của ${name} lúc ${receipt.submittedAtVn} (giờ Việt Nam), đúng hạn. Mã kiểm tra nội dung: ${receipt.contentHash.slice(0, 16)}…`,
    messageEn: receipt.late
      ? `The form of ${fresh.roster.code} was recorded, but LATE: ${receipt.timeliness.en}`
      : `The form of ${fresh.roster.code} was submitted on time at ${receipt.submittedAtVn} (Vietnam time). Content hash: ${receipt.contentHash.slice(0, 16)}…`,
    receipt,
    state: await formState(db, caller.user, fresh, deps.clock.now()),
  };
}

/**
 * What the receipt's hash covers: the canonical JSON (platform/canonical.ts) of the cycle, the
 * agency, the values, the claims (criterion and reason, sorted by criterion id), the attestation
 * and the submission instant. Anyone holding the stored content can recompute it.
 */
export function submissionContent(s: {
  cycleId: string;
  agencyId: string;
  values: Record<string, unknown>;
  claims: readonly { criterionId: string; reason: string }[];
  attestedName: string;
  attestedTitle: string;
  submittedAt: Date;
}) {
  return {
    cycleId: s.cycleId,
    agencyId: s.agencyId,
    values: s.values,
    claims: s.claims
      .map((c) => ({ criterionId: c.criterionId, reason: c.reason }))
      .sort((a, b) => (a.criterionId < b.criterionId ? -1 : a.criterionId > b.criterionId ? 1 : 0)),
    attestation: { name: s.attestedName, title: s.attestedTitle },
    submittedAt: s.submittedAt.toISOString(),
  };
}
