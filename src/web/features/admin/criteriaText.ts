/**
 * A criteria version's content as the administrator's pages read it: its fields by key, each
 * criterion's row (how it is scored in words, the figures it uses, whether N/A may be claimed),
 * and a change between two versions as "attribute: before → after" in words.
 */
import type { CriteriaSummary } from '../../../server/modules/criteria/criteria.schema.ts';
import { numberVn } from '../../format.ts';
import { pick } from '../../i18n/messages.ts';
import { type AnyFormula, type FieldInfo, formulaFields, formulaWords } from './formulaWords.ts';
import { m } from './messages.ts';

/** The part of a version's stored content these pages read. */
export interface Content {
  fields: FieldInfo[];
  derived?: FieldInfo[];
  groups: {
    id: string;
    categories: {
      id: string;
      criteria: {
        id: string;
        inputs?: string[];
        formula: AnyFormula;
        formulaText?: { vi: string; en?: string };
        legalBasis?: string;
      }[];
    }[];
  }[];
}
export type CriterionDetail = Content['groups'][number]['categories'][number]['criteria'][number];

/** The field map of a version's content, by key; derived fields read as their sum. */
export function fieldMap(content: unknown): Map<string, FieldInfo> {
  const c = content as Partial<Content> | undefined;
  const map = new Map<string, FieldInfo>();
  for (const f of c?.fields ?? []) map.set(f.key, f);
  for (const d of c?.derived ?? []) map.set(d.key, { ...d, type: 'derived' });
  return map;
}

/** A field's readable name from its key (its short label), or the key when the version has no such field. */
export const fieldLabel =
  (fields: ReadonlyMap<string, FieldInfo>) =>
  (key: string): string => {
    const f = fields.get(key);
    return f ? pick(f.shortLabel ?? f.label) : key;
  };

/** Each criterion's stored detail by "group/criterion". */
export const criterionDetails = (content: unknown): Map<string, CriterionDetail> =>
  new Map(
    ((content as Partial<Content> | undefined)?.groups ?? []).flatMap((g) =>
      g.categories.flatMap((cat) => cat.criteria.map((c) => [`${g.id}/${c.id}`, c] as const)),
    ),
  );

export interface CriterionRow {
  id: string;
  name: string;
  max: number;
  /** How it is scored, in words. */
  how: string;
  /** The appendix's own wording, when it is written for people. */
  text: string | null;
  uses: FieldInfo[];
  na: string;
  monitored: boolean;
}

/** A criterion as the version page lists it, from the summary's line and the stored detail. */
export function criterionRow(
  c: CriteriaSummary['groups'][number]['categories'][number]['criteria'][number],
  detail: CriterionDetail | undefined,
  fields: ReadonlyMap<string, FieldInfo>,
): CriterionRow {
  const keys = new Set([...(detail?.inputs ?? []), ...formulaFields(detail?.formula)]);
  return {
    id: c.id,
    name: pick(c.name),
    max: c.max,
    how: detail ? formulaWords(detail.formula, fieldLabel(fields)) : '',
    // A formula text that names fields by their keys ("docs_out_electronic / …") is for machines.
    text:
      detail?.formulaText && !/[a-z]+_[a-z_]+/.test(detail.formulaText.vi) ? pick(detail.formulaText) : null,
    uses: [...keys].map((k) => fields.get(k)).filter((f): f is FieldInfo => f !== undefined),
    na: c.naAllowed
      ? c.naWhen
        ? m('version.naWhen', { when: pick(c.naWhen) })
        : m('version.naYes')
      : m('version.naNo'),
    monitored: c.monitored,
  };
}

const ATTRIBUTES = [
  'name',
  'max',
  'formula',
  'notApplicable',
  'monitoredOnWebsite',
  'category',
  'gate',
  'type',
  'min',
  'options',
  'maxLength',
  'pattern',
  'required',
  'source',
  'groups',
  'label',
  'rule',
  'builtin',
  'severity',
  'message',
  'appendix',
  'id',
  'version',
  'title',
  'status',
  'decision',
  'totalMax',
  'below',
  'sum',
] as const;

/** A changed attribute's name in words; an attribute this page does not know, as it is. */
export const attributeName = (a: string): string =>
  (ATTRIBUTES as readonly string[]).includes(a) ? m(`attr.${a as 'name'}`) : a;

/** One side of a change in words: a formula as sentences, numbers the Vietnamese way, yes/no, texts. */
export function changeValueText(v: unknown, attribute: string, label: (key: string) => string): string {
  if (v === null || v === undefined) return m('compare.none');
  if (attribute === 'formula') return formulaWords(v, label);
  if (typeof v === 'number') return numberVn(v);
  if (typeof v === 'boolean') return v ? m('compare.yes') : m('compare.no');
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((x) => changeValueText(x, attribute, label)).join(', ');
  if (typeof v === 'object' && 'vi' in v) return pick(v as { vi: string });
  if (typeof v === 'object' && 'when' in v)
    return m('compare.naWhen', { when: pick((v as { when: { vi: string } }).when) });
  return JSON.stringify(v);
}
