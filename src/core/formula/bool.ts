/** `bool`: the points when a yes/no field is yes, else nothing (also when it is not given). */
import * as X from '../exact.ts';
import { en, vi } from './context.ts';
import { NO_FLAWS, NO_PARTS, type Operator } from './operator.ts';

/** As the criteria file writes it (a type, not an interface: a plain record of JSON). */
export type BoolDef = {
  readonly op: 'bool';
  readonly field: string;
  readonly points: number;
};

export interface BoolNode {
  readonly op: 'bool';
  readonly field: string;
  readonly points: X.Q;
}

const { ZERO } = X;

export const bool: Operator<BoolDef, BoolNode> = {
  op: 'bool',
  example: { op: 'bool', field: 'has_lan', points: 1 },
  schema: ({ z, Key, Points }) => z.strictObject({ op: z.literal('bool'), field: Key, points: Points }),
  parts: () => NO_PARTS,
  reads: (f) => [{ key: f.field, needs: 'boolean', at: 'field' }],
  max: (f) => X.fromNumber(f.points),
  flaws: () => NO_FLAWS,
  compile: (f) => ({ op: 'bool', field: f.field, points: X.fromNumber(f.points) }),
  evaluate: (node, ctx) => (ctx.get(node.field) === true ? node.points : X.ZERO),
  explain(node, ctx, value) {
    const yes = ctx.get(node.field) === true;
    return {
      vi: `${ctx.label(node.field, 'vi')}: ${yes ? 'có' : 'không'} → ${vi(value)}`,
      en: `${ctx.label(node.field, 'en')}: ${yes ? 'yes' : 'no'} → ${en(value)}`,
    };
  },
  bareInSum: false,
  fast(node, kit) {
    const slot = kit.slot(node.field);
    const points = node.points;
    return (slots) => (slots[slot] === true ? points : ZERO);
  },
  words: (f, w) =>
    w.say(
      { vi: '{points} nếu {field} là “Có”', en: '{points} if {field} is yes' },
      { points: w.points(f.points), field: w.field(f.field) },
    ),
};
