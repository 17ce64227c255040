/**
 * The reporter form's state as data, without React: the server's copy of the values, the text
 * the user typed on top of it (the "overlay", kept until the server has it), and what follows
 * from the two — what is wrong, what the score sees, what is still to save, and what a save that
 * came back 409 (someone else saved first) means for the user. useAutosave.ts holds the state and
 * talks to the server and localStorage; every decision about it is made here.
 */
import type { Field } from '../../../core/criteria/schema.ts';
import { ApiError } from '../../api.ts';
import { said } from '../../i18n/messages.ts';
import { parseTyped, problemOf } from './formModel.ts';
import type { StaleDetails } from './reporterApi.ts';

/** Field key → value, as the server stores it. */
export type Values = Record<string, unknown>;
/** Field key → the text as typed. */
export type Typed = Record<string, string>;
/** Field key → a message for the user. */
export type Problems = Record<string, string>;
/** The group's fields by key (FormLayout.group.fieldsByKey). */
export type FieldsByKey = ReadonlyMap<string, Field>;

/** Two stored values are the same value (absent and null alike: both are an empty field). */
export const sameValue = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What is wrong with each typed text before saving (type, integer, range, options), in Vietnamese. */
export function typedProblems(fields: FieldsByKey, typed: Typed): Problems {
  const out: Problems = {};
  for (const [key, text] of Object.entries(typed)) {
    const f = fields.get(key);
    if (!f) continue;
    const p = problemOf(f, text);
    if (p) out[key] = p.vi;
  }
  return out;
}

/**
 * The values the live score and the checks see: the server's, with the typed ones on top. A field
 * emptied, or typed wrong, counts as empty: the score must not rest on a value nobody can save.
 */
export function effectiveValues(
  server: Values,
  typed: Typed,
  fields: FieldsByKey,
  problems: Problems,
): Values {
  const out: Values = { ...server };
  for (const [key, text] of Object.entries(typed)) {
    const f = fields.get(key);
    if (!f) continue;
    const v = parseTyped(f, text);
    if (v === null || problems[key]) delete out[key];
    else out[key] = v;
  }
  return out;
}

/**
 * What the next save sends: the typed fields that are valid, not refused by the server's last
 * answer, and different from what the server has (null empties a field). Its size is the number of
 * changes still unsaved.
 */
export function pendingPatch(typed: Typed, fields: FieldsByKey, server: Values, held: Problems): Values {
  const patch: Values = {};
  for (const [key, text] of Object.entries(typed)) {
    const f = fields.get(key);
    if (!f || held[key]) continue;
    const v = parseTyped(f, text);
    if (!sameValue(v, server[key])) patch[key] = v;
  }
  return patch;
}

/**
 * The typed texts that now say what the server has (saved, or someone else saved the same), as
 * [key, text]: they are no longer pending and leave the overlay.
 */
export function settledEntries(
  typed: Typed,
  fields: FieldsByKey,
  server: Values,
  problems: Problems,
): [string, string][] {
  return Object.entries(typed).filter(([key, text]) => {
    const f = fields.get(key);
    return f !== undefined && !problems[key] && sameValue(parseTyped(f, text), server[key]);
  });
}

/** The overlay without settled entries; a field typed again since it settled stays. */
export function withoutSettled(typed: Typed, settled: readonly [string, string][]): Typed {
  const next = { ...typed };
  for (const [key, text] of settled) if (next[key] === text) delete next[key];
  return next;
}

/** A record without some keys; the same object when none of them is in it (no re-render). */
export function withoutKeys<T>(record: Record<string, T>, keys: readonly string[]): Record<string, T> {
  if (!keys.some((k) => k in record)) return record;
  const next = { ...record };
  for (const k of keys) delete next[k];
  return next;
}

/** Values with a patch applied: null removes the field. */
export function applyPatch(values: Values, patch: Values): Values {
  const out = { ...values };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

/**
 * The server's values after it took a save: it merged field by field, and its answer brings what
 * others changed meanwhile (`changed`); ours were written over them.
 */
export const valuesAfterSave = (server: Values, changed: Values, sent: Values): Values =>
  applyPatch(applyPatch(server, changed), sent);

/** A field both writers changed: what this user typed, and what the other one saved. */
export interface ConflictingField {
  field: Field;
  mine: string;
  theirs: unknown;
}

/** The fields put to the user after a 409, and when the other writer saved. */
export interface Conflict {
  updatedAt: string | null;
  fields: ConflictingField[];
}

/** Where the saving stands, for the status line. */
export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'retry'; message: string }
  | { kind: 'stopped'; message: string };

/**
 * The fields to put to the user after a 409: those the server says another writer changed to
 * another value that this save also changed. Everything else merges by itself: the other writer's
 * fields are taken from the server's values, and this user's other edits stay typed on top of them
 * and go with the next save.
 */
export function conflictingFields(
  stale: Pick<StaleDetails, 'conflicts' | 'values'>,
  sent: Values,
  typed: Typed,
  fields: FieldsByKey,
): ConflictingField[] {
  const out: ConflictingField[] = [];
  for (const key of stale.conflicts) {
    const field = fields.get(key);
    if (!field || !(key in sent)) continue;
    out.push({ field, mine: typed[key] ?? '', theirs: stale.values[key] });
  }
  return out;
}

/** How a failed save ends, decided by what the server (or the network) answered. */
export type SaveFailure =
  /** Someone saved first: the form as it is now, to merge with. */
  | { kind: 'stale'; current: StaleDetails }
  /** The server refused some values: its messages, by field, shown by those fields. */
  | { kind: 'refused'; problems: Problems }
  /** A refusal retrying cannot change (the deadline passed, the form was submitted elsewhere…). */
  | { kind: 'stopped'; message: string }
  /** The network or the server failed, or asked to slow down: try again later. */
  | { kind: 'retry'; message: string };

export function saveFailure(e: unknown): SaveFailure {
  if (e instanceof ApiError && e.status === 409 && isStale(e.details))
    return { kind: 'stale', current: e.details };
  if (e instanceof ApiError && e.status === 400 && Array.isArray(e.details)) {
    const problems: Problems = {};
    for (const d of e.details as { field?: string; message?: string; messageEn?: string }[])
      if (d.field && d.message) problems[d.field] = said({ message: d.message, messageEn: d.messageEn });
    if (Object.keys(problems).length === 0 && e.field) problems[e.field] = e.message;
    return { kind: 'refused', problems };
  }
  if (e instanceof ApiError && e.status > 0 && e.status < 500 && e.status !== 429)
    return { kind: 'stopped', message: e.message };
  return { kind: 'retry', message: e instanceof Error ? e.message : String(e) };
}

function isStale(d: unknown): d is StaleDetails {
  return typeof d === 'object' && d !== null && 'values' in d && 'version' in d && 'conflicts' in d;
}

/** The pause before the next try after `failures` failures in a row: 2, 4, 8, 16 s, then 30 s. */
export const retryDelayMs = (failures: number): number => Math.min(30_000, 2_000 * 2 ** (failures - 1));
