/**
 * What the form page shows that is computed, not drawn: the save status line, the findings and the
 * assessors' queries sorted to the fields they are about, a criterion's formula in the reporter's
 * words, and whether a submitted form may still be withdrawn.
 */
import type { Field } from '../../../core/criteria/schema.ts';
import type { Finding } from '../../../core/types.ts';
import { dateTimeVn } from '../../format.ts';
import { pick } from '../../i18n/messages.ts';
import { showValue } from './formModel.ts';
import type { SaveStatus } from './formState.ts';
import { m } from './messages.ts';
import type { FormState, Query } from './reporterApi.ts';

/** The line under the title that says where the saving stands; `bad` when the user must act or wait. */
export function saveStatusLine(status: SaveStatus, updatedAt: string | null): { text: string; bad: boolean } {
  // Only the time: the date is the day the user is typing in.
  const time = (iso: string) => dateTimeVn(iso).slice(11);
  switch (status.kind) {
    case 'saving':
      return { text: m('form.saving'), bad: false };
    case 'saved':
      return { text: m('form.savedAt', { at: time(status.at.toISOString()) }), bad: false };
    case 'retry':
      return { text: m('form.retry'), bad: true };
    case 'stopped':
      return { text: m('form.saveStopped', { message: status.message }), bad: true };
    case 'idle':
      return updatedAt
        ? { text: m('form.savedAt', { at: time(updatedAt) }), bad: false }
        : { text: m('form.notSavedYet'), bad: false };
  }
}

/** The logic checks' findings by the fields they involve (a finding on two fields shows under both). */
export function findingsByField(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) for (const key of f.fields) map.set(key, [...(map.get(key) ?? []), f]);
  return map;
}

/** The key a query is shown under: its field's key, or "crit:<id>" for one about a whole criterion. */
export const queryTarget = (q: Pick<Query, 'fieldKey' | 'criterionId'>): string | null =>
  q.fieldKey ?? (q.criterionId ? `crit:${q.criterionId}` : null);

/** The assessors' queries by where they are shown; a query about the whole form is in none. */
export function queriesByTarget(queries: readonly Query[]): Map<string, Query[]> {
  const map = new Map<string, Query[]>();
  for (const q of queries) {
    const key = queryTarget(q);
    if (key) map.set(key, [...(map.get(key) ?? []), q]);
  }
  return map;
}

/**
 * The criteria file's formula text names fields by their keys ("computers_internet /
 * total_computers"); a reporter knows them by their labels, so each key becomes its short label.
 */
export function readableFormula(
  text: string,
  fieldsByKey: ReadonlyMap<string, Pick<Field, 'label' | 'shortLabel'>>,
): string {
  return text.replace(/\b[a-z][a-z0-9_]*\b/g, (word) => {
    const f = fieldsByKey.get(word);
    return f ? `“${pick(f.shortLabel) || pick(f.label)}”` : word;
  });
}

/**
 * A value in the conflict dialog, the typed text or the other writer's stored value: as the input
 * would show it, and a word for an empty one (a blank cell reads as a rendering fault).
 */
export function conflictValueText(field: Field, value: unknown): string {
  const text = showValue(field, value);
  return text === '' ? m('conflict.empty') : text;
}

/** A submitted form may be taken back to a draft while the cycle is open and before the deadline. */
export const canWithdraw = (s: Pick<FormState, 'status' | 'cycle'>): boolean =>
  s.status === 'submitted' && !s.cycle.deadlinePassed && s.cycle.state === 'open';
