/** Reading an agency's form: the form itself, its receipt, and on demand its explained self-score. */
import { notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { loadForm } from './form-context.ts';
import { formState, receiptOf, selfScore } from './form-views.ts';
import { canReadForm } from './submissions.policy.ts';
import type { FormParams, FormRead, ReceiptView, ScoreView } from './submissions.schema.ts';

/** The form as its reader sees it, and how large an evidence file may be. */
export async function readForm(deps: AppDeps, caller: Caller, input: FormParams): Promise<FormRead> {
  const form = await loadForm(deps.database.db, input.cycleId, input.agencyId);
  authorize(canReadForm(caller.user, form.facts));
  const state = await formState(deps.database.db, caller.user, form, deps.clock.now());
  return { ...state, evidenceMaxBytes: deps.config.uploadMaxBytes };
}

/** The self-score (R12) with every point explained and the logic checks' findings. */
export async function readSelfScore(deps: AppDeps, caller: Caller, input: FormParams): Promise<ScoreView> {
  const form = await loadForm(deps.database.db, input.cycleId, input.agencyId);
  authorize(canReadForm(caller.user, form.facts));
  return selfScore(deps.database.db, form);
}

/** The receipt of the submitted form (R16). */
export async function readReceipt(deps: AppDeps, caller: Caller, input: FormParams): Promise<ReceiptView> {
  const form = await loadForm(deps.database.db, input.cycleId, input.agencyId);
  authorize(canReadForm(caller.user, form.facts));
  const receipt = form.submission ? await receiptOf(deps.database.db, form, form.submission) : null;
  if (!receipt)
    throw notFound({
      vi: 'biên nhận: phiếu của cơ quan chưa được nộp',
      en: 'receipt: the form has not been submitted',
    });
  return receipt;
}
