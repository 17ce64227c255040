/** `gate`: the `then` formula when a yes/no field is yes, else the `else` formula or number. */
import * as X from '../exact.ts';
import { NO_FLAWS, type Operator } from './operator.ts';
import type { Formula, Node } from './registry.ts';

/** As the criteria file writes it (a type, not an interface: a plain record of JSON). */
export type GateDef = {
  readonly op: 'gate';
  readonly if: string;
  readonly then: Formula;
  readonly else: Formula | number;
};

export interface GateNode {
  readonly op: 'gate';
  readonly if: string;
  readonly then: Node;
  readonly else: Node;
}

export const gate: Operator<GateDef, GateNode> = {
  op: 'gate',
  example: {
    op: 'gate',
    if: 'has_lan',
    // biome-ignore lint/suspicious/noThenProperty: `then` is the format's word for the open branch; never awaited.
    then: { op: 'ratio', num: 'computers_lan', den: 'total_computers', points: 2, denZero: 'zero' },
    else: 0,
  },
  schema: ({ z, Key, Points, Formula }) =>
    z.strictObject({
      op: z.literal('gate'),
      if: Key,
      // biome-ignore lint/suspicious/noThenProperty: `then` is the format's word for the open branch; never awaited.
      then: Formula,
      else: z.union([Points, Formula]).default(0),
    }),
  parts: (f) => [
    { at: 'then', formula: f.then },
    { at: 'else', formula: f.else },
  ],
  reads: (f) => [{ key: f.if, needs: 'boolean', at: 'if' }],
  max: (f, max) => X.max(max(f.then), max(f.else)),
  flaws: () => NO_FLAWS,
  // biome-ignore lint/suspicious/noThenProperty: `then` is the format's word for the open branch; never awaited.
  compile: (f, compile) => ({ op: 'gate', if: f.if, then: compile(f.then), else: compile(f.else) }),
  evaluate: (node, ctx, evaluate) => evaluate(ctx.get(node.if) === true ? node.then : node.else),
  explain(node, ctx, _value, explain) {
    const open = ctx.get(node.if) === true;
    const inner = explain(open ? node.then : node.else);
    return open
      ? {
          vi: `${ctx.label(node.if, 'vi')}: có; ${inner.vi}`,
          en: `${ctx.label(node.if, 'en')}: yes; ${inner.en}`,
        }
      : {
          vi: `${ctx.label(node.if, 'vi')}: không → ${inner.vi}`,
          en: `${ctx.label(node.if, 'en')}: no → ${inner.en}`,
        };
  },
  bareInSum: false,
  fast(node, kit) {
    const slot = kit.slot(node.if);
    const then = kit.fast(node.then);
    const otherwise = kit.fast(node.else);
    return (slots, year) => (slots[slot] === true ? then(slots, year) : otherwise(slots, year));
  },
  words: (f, w) =>
    w.say(
      { vi: 'nếu {if} là “Có”: {yes}; nếu không: {no}', en: 'if {if}: {yes}; otherwise {no}' },
      { if: w.field(f.if), yes: w.words(f.then), no: w.words(f.else) },
    ),
};
