/**
 * Who may do what, asked once at the top of every use case: `authorize(canEditForm(user, form))`.
 *
 * A module's policy (`<module>.policy.ts`) answers each question with a predicate over plain facts
 * (the user, the agency, the cycle's state…) that returns `true` or the refusal the user is shown:
 * 403 when the person may never do it, 409 when the thing is not in a state that allows it. The
 * predicates do no I/O, so each module tests them as a table, row by row.
 */
import type { AppError } from './errors.ts';

/** Allowed, or the error that says why not. */
export type Verdict = true | AppError;

/** Throws the refusal of a verdict; passes when it allows. */
export function authorize(verdict: Verdict): void {
  if (verdict !== true) throw verdict;
}

/** A verdict as a table row reads it: 'ok', or the refusal's HTTP status and code. */
export const verdictCode = (verdict: Verdict): string =>
  verdict === true ? 'ok' : `${verdict.status} ${verdict.code}`;
