/**
 * A reporter saves some values of the draft (the form's autosave, R9). The hot path of the whole
 * system, so it costs three queries: the session, the form (one read), and one statement that
 * writes the values with their audit row. No cycle lock: the write itself checks that the cycle
 * is open and the form still a draft.
 *
 * Edits merge field by field: the writer names the version it read, and is refused (409, with the
 * form as it is now and the fields in dispute) only for a field that someone else changed after
 * that version to another value. The answer is small: the new version and time, and the fields
 * others changed meanwhile, which the screen takes in.
 */
import type { Executor } from '../../db/open.ts';
import { stale } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { type FormContext, loadForm } from './form-context.ts';
import { checkPatch } from './form-values.ts';
import { canEditForm } from './submissions.policy.ts';
import * as repo from './submissions.repo.ts';
import type { FormParams, SaveDraftBody, SaveDraftResult, StaleDetails } from './submissions.schema.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

type Row = Pick<repo.SubmissionRow, 'values' | 'fieldVersions'>;
const valuesOf = (row: Row | null) => (row?.values ?? {}) as Record<string, unknown>;
const stampsOf = (row: Row | null) => (row?.fieldVersions ?? {}) as Record<string, number>;

/** The fields of the patch that someone else changed after `base` to a value other than the writer's. */
export function conflictsOf(
  row: Row | null,
  patch: Readonly<Record<string, unknown>>,
  base: number,
): string[] {
  const values = valuesOf(row);
  const stamps = stampsOf(row);
  return Object.keys(patch).filter((k) => (stamps[k] ?? 0) > base && !same(values[k], patch[k]));
}

/** The fields changed after `base` other than the writer's own, with their values (null: cleared). */
function changedSince(row: Row | null, base: number, own: Readonly<Record<string, unknown>>) {
  const values = valuesOf(row);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(stampsOf(row)))
    if (v > base && !Object.hasOwn(own, k)) out[k] = values[k] ?? null;
  return out;
}

export async function saveDraft(
  deps: AppDeps,
  caller: Caller,
  input: FormParams & SaveDraftBody,
): Promise<SaveDraftResult> {
  const db = deps.database.db;
  const form = await loadForm(db, input.cycleId, input.agencyId);
  authorize(canEditForm(caller.user, form.facts));
  const checked = checkPatch(form.group, form.cycle.year, input.values);
  const base = input.version ?? 0;
  const row = form.submission;

  // Only what changes is written (and audited); a save of values already stored changes nothing.
  const current = valuesOf(row);
  const patch = Object.fromEntries(Object.entries(checked).filter(([k, v]) => !same(current[k], v)));
  if (row && Object.keys(patch).length === 0)
    return {
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
      changed: changedSince(row, base, checked),
    };
  if (conflictsOf(row, patch, base).length) throw await refusal(db, form, patch, base);

  const write: repo.DraftWrite = {
    cycleId: form.cycle.id,
    agencyId: form.roster.agencyId,
    patch,
    base,
    now: deps.clock.now(),
    actor: caller,
  };
  // A first save creates the form; when another first save won the race, this one merges into it.
  const saved = (row ? undefined : await repo.createDraft(db, write)) ?? (await repo.writeDraft(db, write));
  if (!saved) throw await refusal(db, form, patch, base);
  return { version: saved.version, updatedAt: saved.updatedAt.toISOString(), changed: saved.changed };
}

/**
 * Why a write did not go through, read again: the form is no longer editable (cycle closed,
 * submitted meanwhile), or someone changed one of the fields first (409 stale, with the form as it
 * is now and the fields in dispute).
 */
async function refusal(db: Executor, before: FormContext, patch: Record<string, unknown>, base: number) {
  const now = await loadForm(db, before.cycle.id, before.roster.agencyId);
  const rule = canEditForm({ role: 'reporter', agencyId: before.roster.agencyId }, now.facts);
  if (rule !== true) return rule;
  const row = now.submission;
  const details: StaleDetails = {
    status: row?.status ?? 'not_started',
    version: row?.version ?? null,
    values: valuesOf(row),
    updatedAt: row?.updatedAt.toISOString() ?? null,
    conflicts: conflictsOf(row, patch, base),
  };
  return stale(details);
}
