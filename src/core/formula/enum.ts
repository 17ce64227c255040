/** `enum`: the points the map gives the chosen option; nothing for an option not in the map. */
import * as X from '../exact.ts';
import { pick } from '../format.ts';
import type { Lang } from '../types.ts';
import { en, vi } from './context.ts';
import { NO_PARTS, type Operator } from './operator.ts';

/** As the criteria file writes it (a type, not an interface: a plain record of JSON). */
export type EnumDef = {
  readonly op: 'enum';
  readonly field: string;
  readonly map: Record<string, number>;
};

export interface EnumNode {
  readonly op: 'enum';
  readonly field: string;
  readonly map: ReadonlyMap<string, X.Q>;
}

const { ZERO } = X;

const pointsFor = (node: EnumNode, raw: unknown): X.Q =>
  (typeof raw === 'string' ? node.map.get(raw) : undefined) ?? ZERO;

export const enumeration: Operator<EnumDef, EnumNode> = {
  op: 'enum',
  example: { op: 'enum', field: 'it_staff_status', map: { chuyen_trach: 2, kiem_nhiem: 1 } },
  schema: ({ z, Key, Points }) =>
    z.strictObject({ op: z.literal('enum'), field: Key, map: z.record(z.string(), Points) }),
  parts: () => NO_PARTS,
  reads: (f) => [{ key: f.field, needs: 'enum', at: 'field' }],
  max: (f) => Object.values(f.map).reduce((m, v) => X.max(m, X.fromNumber(v)), X.ZERO),
  flaws(f, field) {
    // A field without options is reported by the field's own check; no second message here.
    const options = new Set(field(f.field)?.options?.map((o) => o.value) ?? []);
    if (!options.size) return [];
    return Object.keys(f.map)
      .filter((value) => !options.has(value))
      .map((value) => ({
        at: 'map',
        message: {
          vi: `"${value}" không phải lựa chọn của trường "${f.field}"`,
          en: `"${value}" is not an option of "${f.field}"`,
        },
      }));
  },
  compile: (f) => ({
    op: 'enum',
    field: f.field,
    map: new Map(Object.entries(f.map).map(([k, v]) => [k, X.fromNumber(v)])),
  }),
  evaluate: (node, ctx) => pointsFor(node, ctx.get(node.field)),
  explain(node, ctx, value) {
    const raw = ctx.get(node.field);
    const option = ctx.fields.get(node.field)?.options?.find((o) => o.value === raw);
    const shown = (lang: Lang) =>
      option
        ? pick(option.label, lang)
        : raw === undefined
          ? lang === 'vi'
            ? 'chưa chọn'
            : 'not given'
          : String(raw);
    return {
      vi: `${ctx.label(node.field, 'vi')}: ${shown('vi')} → ${vi(value)}`,
      en: `${ctx.label(node.field, 'en')}: ${shown('en')} → ${en(value)}`,
    };
  },
  bareInSum: false,
  fast(node, kit) {
    const slot = kit.slot(node.field);
    return (slots) => pointsFor(node, slots[slot]);
  },
  words: (f, w) =>
    w.say(
      { vi: 'theo {field}: {map}', en: 'by {field}: {map}' },
      {
        field: w.field(f.field),
        map: Object.entries(f.map)
          .map(([k, v]) => `${k}: ${w.points(v)}`)
          .join('; '),
      },
    ),
};
