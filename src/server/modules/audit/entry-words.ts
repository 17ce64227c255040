/**
 * A row of the audit log as a sentence a person reads — "Nguyễn Văn A sửa trường "Tổng số CBCCVC"
 * của Sở Xây dựng: 45 → 47" — and its changes one by one, in both languages. Fields are named by
 * the criteria set of the row's cycle, people and agencies by name, states and roles by their
 * labels. One entry per kind of row (the action), in form-words.ts (the forms and the review) and
 * registry-words.ts (agencies, criteria, cycles, results, accounts, jobs); an action without one
 * still reads, by its code.
 */
import { formatInstantVn } from '../../../core/calendar/time.ts';
import type { CompiledSet } from '../../../core/criteria/compile.ts';
import { formatDate, formatNumber, pick } from '../../../core/format.ts';
import type { Lang, Text } from '../../../core/types.ts';
import { canonicalJson } from '../../platform/canonical.ts';
import { displayValue } from '../review/compare.ts';
import type { EntryRow } from './audit.repo.ts';
import type { ChangeView } from './audit.schema.ts';

/** What the sentences of a page need besides the rows (audit-facts.ts loads it once per page). */
export interface EntryFacts {
  /** The criteria of each cycle of the page, by cycle id. */
  readonly sets: ReadonlyMap<string, CompiledSet>;
  readonly users: ReadonlyMap<string, { readonly username: string; readonly displayName: string }>;
  readonly agencies: ReadonlyMap<string, { readonly code: string; readonly name: string }>;
  readonly versions: ReadonlyMap<string, { readonly title: string; readonly version: string }>;
}

export interface Described {
  readonly summary: Text;
  readonly changes: ChangeView[];
}

type Obj = Readonly<Record<string, unknown>>;
const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

const both = (f: (lang: Lang) => string): Text => ({ vi: f('vi'), en: f('en') });
export const t = (vi: string, en: string): Text => ({ vi, en });

const BLANK = t('(để trống)', '(blank)');
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A value without a field to tell its type: "có", "12,5", "31/10/2017 23:59", "\"Sở Y tế\"". */
export function plainValue(v: unknown): Text {
  if (v === null || v === undefined || v === '') return BLANK;
  if (typeof v === 'boolean') return v ? t('có', 'yes') : t('không', 'no');
  if (typeof v === 'number') return both((lang) => formatNumber(v, lang));
  if (typeof v === 'string') {
    if (ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v)))
      return both(() => formatInstantVn(Date.parse(v)).slice(0, 16));
    if (ISO_DATE.test(v)) return both(() => formatDate(v));
    const s = [...v].length > 80 ? `${[...v].slice(0, 77).join('')}…` : v;
    return both(() => `"${s}"`);
  }
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null))
    return both(() => v.map(String).join(', '));
  const json = JSON.stringify(v);
  return both(() => (json.length > 120 ? `${json.slice(0, 117)}…` : json));
}

/** What a sentence builder reads of a row: its names and values, and how to say them. */
export class EntryContext {
  readonly old: Obj;
  readonly new: Obj;
  readonly set: CompiledSet | undefined;

  constructor(
    readonly row: EntryRow,
    readonly facts: EntryFacts,
  ) {
    this.old = asObj(row.oldValue);
    this.new = asObj(row.newValue);
    this.set = row.cycleId ? facts.sets.get(row.cycleId) : undefined;
  }

  /** Who did it: the actor's name, or the system. */
  get who(): Text {
    return this.row.actorName ? t(this.row.actorName, this.row.actorName) : t('Hệ thống', 'The system');
  }

  /** The agency the row is about, by name. */
  get agency(): Text {
    return this.row.agencyName ? t(this.row.agencyName, this.row.agencyName) : t('một cơ quan', 'an agency');
  }

  /** The cycle's year as a sentence ends with it: " (kỳ đánh giá năm 2017)". */
  get ofYear(): Text {
    return this.row.cycleYear ? t(` năm ${this.row.cycleYear}`, ` ${this.row.cycleYear}`) : t('', '');
  }

  /** A form field by the short label of the cycle's criteria: "Tổng số CBCCVC"; its key without one. */
  label(key: string): Text {
    const field = this.set?.fieldsByKey.get(key);
    return field ? both((lang) => pick(field.shortLabel ?? field.label, lang)) : t(key, key);
  }

  /** A form field's value as its type reads: "có", "45", an option's label, "(để trống)". */
  value(key: string, v: unknown): Text {
    const field = this.set?.fieldsByKey.get(key);
    return field ? both((lang) => displayValue(field, v ?? null, lang)) : plainValue(v);
  }

  /** A criterion by its number and name: tiêu chí 2.5 "Chữ ký số". */
  criterion(id: unknown): Text {
    if (typeof id !== 'string' || !id) return t('một tiêu chí', 'a criterion');
    const k = this.set?.groups.map((g) => g.criteriaById.get(id)).find((c) => c !== undefined);
    return k
      ? both((lang) => `${lang === 'vi' ? 'tiêu chí' : 'criterion'} ${id} "${pick(k.def.name, lang)}"`)
      : t(`tiêu chí ${id}`, `criterion ${id}`);
  }

  /** A person named in the row's values (an edited account): its name, else its id. */
  person(id: unknown): Text {
    const u = typeof id === 'string' ? this.facts.users.get(id) : undefined;
    return u ? t(u.displayName, u.displayName) : t('một tài khoản', 'an account');
  }

  /** A form's fields as they changed, from the row's {key: old} and {key: new}. */
  fieldChanges(): ChangeView[] {
    return Object.keys(this.new).map((key) => ({
      label: this.label(key),
      before: this.value(key, this.old[key]),
      after: this.value(key, this.new[key]),
    }));
  }

  /**
   * The keys whose value differs between the row's old and new objects, each with its label and
   * its values as `say` reads them (plain values otherwise).
   */
  objectChanges(
    labels: Readonly<Record<string, Text>>,
    say: (key: string, v: unknown) => Text = (_, v) => plainValue(v),
  ): ChangeView[] {
    const keys = [...new Set([...Object.keys(this.old), ...Object.keys(this.new)])].filter(
      (k) => canonicalJson(this.old[k] ?? null) !== canonicalJson(this.new[k] ?? null),
    );
    return keys.map((k) => ({
      label: labels[k] ?? t(k, k),
      before: k in this.old ? say(k, this.old[k]) : null,
      after: k in this.new ? say(k, this.new[k]) : null,
    }));
  }
}

export type Sentence = (c: EntryContext) => Described;

/** "A, B, C" or "A, B, C và 2 mục khác" (the first three labels of a list). */
export function labelList(changes: readonly ChangeView[]): Text {
  const shown = changes.slice(0, 3);
  const rest = changes.length - shown.length;
  return both(
    (lang) =>
      shown.map((c) => `"${pick(c.label, lang)}"`).join(', ') +
      (rest > 0 ? (lang === 'vi' ? ` và ${rest} mục khác` : ` and ${rest} more`) : ''),
  );
}

/** The text of a part in the language a sentence is written in. */
export type Say = (text: Text) => string;

/** A sentence in both languages, each written whole (word order differs), its parts picked by `p`. */
export const vien = (vi: (p: Say) => string, en: (p: Say) => string): Text => ({
  vi: vi((x) => x.vi),
  en: en((x) => x.en ?? x.vi),
});
