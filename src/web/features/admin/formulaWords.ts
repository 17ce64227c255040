/**
 * A scoring formula of the criteria format (src/core/criteria/schema.ts) in plain words, for
 * readers who check the method against the regulation's appendix: "2 điểm × (số văn bản điện tử /
 * tổng số văn bản)". Types are restated loosely here so that the screen does not load the core.
 */
import { numberVn } from '../../format.ts';
import { pick } from '../../i18n/messages.ts';
import { m } from './messages.ts';

type BiText = { vi: string; en?: string };

export interface FieldInfo {
  key: string;
  label: BiText;
  shortLabel?: BiText;
  type: string;
  unit?: BiText;
  min?: number;
  max?: number;
  options?: { value: string; label: BiText }[];
  sum?: string[];
}

// biome-ignore lint/suspicious/noExplicitAny: a formula is a tagged tree read straight from the stored JSON
export type AnyFormula = any;

const pts = (n: number) => m('formula.points', { n: numberVn(n) });

/** The formula in words; `field` gives a field's readable name from its key. */
export function formulaWords(f: AnyFormula, field: (key: string) => string): string {
  if (typeof f === 'number') return pts(f);
  if (!f || typeof f !== 'object') return String(f);
  const q = (key: string) => `“${field(key)}”`;
  switch (f.op) {
    case 'ratio':
      return (
        m('formula.ratio', { points: numberVn(f.points), num: q(f.num), den: q(f.den) }) +
        (f.denZero === 'full'
          ? m('formula.denZeroFull', { den: q(f.den) })
          : m('formula.denZeroZero', { den: q(f.den) }))
      );
    case 'bool':
      return m('formula.bool', { points: pts(f.points), field: q(f.field) });
    case 'enum':
      return m('formula.enum', {
        field: q(f.field),
        map: Object.entries(f.map as Record<string, number>)
          .map(([k, v]) => `${k}: ${pts(v)}`)
          .join('; '),
      });
    case 'tier':
      return m('formula.tier', {
        field: q(f.field),
        tiers: (f.tiers as { gte?: number; gt?: number; points: number }[])
          .map((t) =>
            t.gte !== undefined
              ? m('formula.gte', { x: numberVn(t.gte), points: pts(t.points) })
              : m('formula.gt', { x: numberVn(t.gt ?? 0), points: pts(t.points) }),
          )
          .join('; '),
        else: pts(f.else ?? 0),
      });
    case 'count':
      return m('formula.count', {
        per: pts(f.perItem),
        fields: (f.fields as string[]).map(q).join(', '),
        cap: pts(f.cap),
      });
    case 'date_by': {
      const [mm, dd] = String(f.by).split('-');
      return m('formula.dateBy', { points: pts(f.points), field: q(f.field), by: `${dd}/${mm}` });
    }
    case 'reviewer':
      return m('formula.reviewer', { points: pts(f.points), field: q(f.field) });
    case 'sum':
      return (
        (f.terms as AnyFormula[]).map((t) => formulaWords(t, field)).join(m('formula.plus')) +
        (f.cap !== undefined ? m('formula.cap', { cap: pts(f.cap) }) : '')
      );
    case 'gate':
      return m('formula.gate', {
        if: q(f.if),
        yes: formulaWords(f.then, field),
        no: formulaWords(f.else ?? 0, field),
      });
    default:
      return JSON.stringify(f);
  }
}

/** The field keys a formula reads. */
export function formulaFields(f: AnyFormula, out: Set<string> = new Set()): Set<string> {
  if (!f || typeof f !== 'object') return out;
  for (const k of ['num', 'den', 'field', 'if'] as const) if (typeof f[k] === 'string') out.add(f[k]);
  if (Array.isArray(f.fields)) for (const k of f.fields) out.add(k);
  if (Array.isArray(f.terms)) for (const t of f.terms) formulaFields(t, out);
  if (f.then) formulaFields(f.then, out);
  if (f.else && typeof f.else === 'object') formulaFields(f.else, out);
  return out;
}

/** What a field holds and its range, e.g. "số nguyên, văn bản, từ 0". */
export function fieldDescription(f: FieldInfo): string {
  const parts = [m(`fieldType.${f.type}` as 'fieldType.integer') || f.type];
  if (f.unit) parts.push(pick(f.unit));
  if (f.min !== undefined && f.max !== undefined)
    parts.push(m('field.range', { min: numberVn(f.min), max: numberVn(f.max) }));
  else if (f.min !== undefined) parts.push(m('field.min', { min: numberVn(f.min) }));
  else if (f.max !== undefined) parts.push(m('field.max', { max: numberVn(f.max) }));
  if (f.options?.length) parts.push(f.options.map((o) => pick(o.label)).join(' / '));
  return parts.join(', ');
}
