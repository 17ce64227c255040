/** `count`: so many points for each listed yes/no field that is yes, at most `cap`. */
import * as X from '../exact.ts';
import { en, vi } from './context.ts';
import { NO_FLAWS, NO_PARTS, type Operator } from './operator.ts';

/** As the criteria file writes it (a type, not an interface: a plain record of JSON). */
export type CountDef = {
  readonly op: 'count';
  readonly fields: string[];
  readonly perItem: number;
  readonly cap: number;
};

export interface CountNode {
  readonly op: 'count';
  readonly fields: readonly string[];
  readonly perItem: X.Q;
  readonly cap: X.Q;
}

const pointsFor = (node: CountNode, n: number): X.Q => X.min(X.mul(node.perItem, X.q(n)), node.cap);

export const count: Operator<CountDef, CountNode> = {
  op: 'count',
  example: { op: 'count', fields: ['sec_firewall', 'sec_backup', 'sec_other'], perItem: 0.5, cap: 1 },
  schema: ({ z, Key, Points }) =>
    z.strictObject({ op: z.literal('count'), fields: z.array(Key).min(1), perItem: Points, cap: Points }),
  parts: () => NO_PARTS,
  reads: (f) => f.fields.map((key, i) => ({ key, needs: 'boolean', at: `fields[${i}]` })),
  max: (f) => X.min(X.fromNumber(f.cap), X.mul(X.fromNumber(f.perItem), X.q(f.fields.length))),
  flaws: () => NO_FLAWS,
  compile: (f) => ({
    op: 'count',
    fields: f.fields,
    perItem: X.fromNumber(f.perItem),
    cap: X.fromNumber(f.cap),
  }),
  evaluate: (node, ctx) => pointsFor(node, node.fields.filter((f) => ctx.get(f) === true).length),
  explain(node, ctx) {
    const met = node.fields.filter((f) => ctx.get(f) === true);
    const capped = X.cmp(X.mul(node.perItem, X.q(met.length)), node.cap) > 0;
    const list = (lang: 'vi' | 'en') =>
      met.length ? ` (${met.map((f) => ctx.label(f, lang)).join(', ')})` : '';
    return {
      vi: `${met.length}/${node.fields.length} mục đạt${list('vi')} × ${vi(node.perItem)}${capped ? `, tối đa ${vi(node.cap)}` : ''}`,
      en: `${met.length} of ${node.fields.length} met${list('en')} × ${en(node.perItem)}${capped ? `, at most ${en(node.cap)}` : ''}`,
    };
  },
  bareInSum: false,
  fast(node, kit) {
    // The value for every possible count, made once exactly as `evaluate` makes it.
    const byCount = Array.from({ length: node.fields.length + 1 }, (_, n) => pointsFor(node, n));
    const slots = node.fields.map((f) => kit.slot(f));
    return (s) => {
      let n = 0;
      for (let i = 0; i < slots.length; i++) if (s[slots[i]!] === true) n++;
      return byCount[n]!;
    };
  },
  words: (f, w) =>
    w.say(
      {
        vi: '{per} cho mỗi mục có trong {fields}, tối đa {cap}',
        en: '{per} for each of {fields}, at most {cap}',
      },
      { per: w.points(f.perItem), fields: f.fields.map((k) => w.field(k)).join(', '), cap: w.points(f.cap) },
    ),
};
