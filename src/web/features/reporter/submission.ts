/**
 * What the submission panel says before the head attests the form: which required fields are still
 * empty, how many optional ones are, how many errors and warnings the logic checks found; and what
 * the attestation still lacks. The server checks it all again on submission.
 */
import type { Field } from '../../../core/criteria/schema.ts';
import type { Finding } from '../../../core/types.ts';
import { ApiError } from '../../api.ts';
import { m } from './messages.ts';

export interface SubmissionSummary {
  /** Required fields without a value, in form order. */
  missing: Field[];
  emptyOptional: number;
  errors: number;
  warnings: number;
}

export function submissionSummary(
  fields: readonly Field[],
  values: Readonly<Record<string, unknown>>,
  findings: readonly Finding[],
): SubmissionSummary {
  const empty = (f: Field) => values[f.key] === undefined || values[f.key] === null;
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    missing: fields.filter((f) => f.required && empty(f)),
    emptyOptional: fields.filter((f) => !f.required && empty(f)).length,
    errors,
    warnings: findings.length - errors,
  };
}

/** The attestation's inputs, as the panel names them (the server's names for the first two). */
export interface Attestation {
  attestedName: string;
  attestedTitle: string;
  attest: boolean;
}

/** What the attestation lacks, by input; empty when it may be sent. */
export function attestationProblems(a: Attestation): Partial<Record<keyof Attestation, string>> {
  const out: Partial<Record<keyof Attestation, string>> = {};
  // Two letters at least: an initial alone names nobody.
  if (a.attestedName.trim().length < 2) out.attestedName = m('submit.needName');
  if (a.attestedTitle.trim().length < 2) out.attestedTitle = m('submit.needPosition');
  if (!a.attest) out.attest = m('submit.needConfirm');
  return out;
}

/** Where a refused submission's message goes: by the attestation input it names, else above the form. */
export function submitErrorPlace(e: unknown): 'attestedName' | 'attestedTitle' | 'form' {
  const field = e instanceof ApiError ? e.field : undefined;
  return field === 'attestedName' || field === 'attestedTitle' ? field : 'form';
}
