/**
 * `tier`: the points of the first tier, in order, whose bound the number reaches (`gte`: at
 * least; `gt`: more than); `else` when none does or the number is not given.
 */
import * as X from '../exact.ts';
import { en, readNumber, vi } from './context.ts';
import { INEXACT, NO_FLAWS, NO_PARTS, type Operator, SLOW } from './operator.ts';

/** As the criteria file writes it (a type, not an interface: a plain record of JSON). */
export type TierDef = {
  readonly op: 'tier';
  readonly field: string;
  readonly tiers: ({ gte: number; points: number } | { gt: number; points: number })[];
  readonly else: number;
};

export interface TierNode {
  readonly op: 'tier';
  readonly field: string;
  readonly tiers: readonly { readonly bound: X.Q; readonly strict: boolean; readonly points: X.Q }[];
  readonly else: X.Q;
}

/** The tier the number reaches, or undefined. */
function reached(node: TierNode, x: X.Q): TierNode['tiers'][number] | undefined {
  for (const t of node.tiers) {
    const c = X.cmp(x, t.bound);
    if (t.strict ? c > 0 : c >= 0) return t;
  }
  return undefined;
}

export const tier: Operator<TierDef, TierNode> = {
  op: 'tier',
  example: {
    op: 'tier',
    field: 'ws_news_per_month',
    tiers: [
      { gte: 8, points: 2 },
      { gt: 3, points: 1 },
    ],
    else: 0,
  },
  schema: ({ z, Key, Points }) =>
    z.strictObject({
      op: z.literal('tier'),
      field: Key,
      tiers: z
        .array(
          z.union([
            z.strictObject({ gte: z.number().finite(), points: Points }),
            z.strictObject({ gt: z.number().finite(), points: Points }),
          ]),
        )
        .min(1),
      else: Points.default(0),
    }),
  parts: () => NO_PARTS,
  reads: (f) => [{ key: f.field, needs: 'number', at: 'field' }],
  max: (f) => f.tiers.reduce((m, t) => X.max(m, X.fromNumber(t.points)), X.fromNumber(f.else)),
  flaws: () => NO_FLAWS,
  compile: (f) => ({
    op: 'tier',
    field: f.field,
    tiers: f.tiers.map((t) =>
      'gte' in t
        ? { bound: X.fromNumber(t.gte), strict: false, points: X.fromNumber(t.points) }
        : { bound: X.fromNumber(t.gt), strict: true, points: X.fromNumber(t.points) },
    ),
    else: X.fromNumber(f.else),
  }),

  evaluate(node, ctx) {
    const x = readNumber(ctx, node.field);
    return (x === null ? undefined : reached(node, x))?.points ?? node.else;
  },

  explain(node, ctx) {
    const x = readNumber(ctx, node.field);
    const label = (lang: 'vi' | 'en') => ctx.label(node.field, lang);
    if (x === null)
      return {
        vi: `${label('vi')} chưa có số liệu → ${vi(node.else)}`,
        en: `${label('en')} not given → ${en(node.else)}`,
      };
    const t = reached(node, x);
    if (t) {
      const op = t.strict ? '>' : '≥';
      return {
        vi: `${label('vi')} = ${vi(x)} ${op} ${vi(t.bound)} → ${vi(t.points)}`,
        en: `${label('en')} = ${en(x)} ${op} ${en(t.bound)} → ${en(t.points)}`,
      };
    }
    const last = node.tiers[node.tiers.length - 1]!;
    const op = last.strict ? '≤' : '<';
    return {
      vi: `${label('vi')} = ${vi(x)} ${op} ${vi(last.bound)} → ${vi(node.else)}`,
      en: `${label('en')} = ${en(x)} ${op} ${en(last.bound)} → ${en(node.else)}`,
    };
  },
  bareInSum: false,

  fast(node, kit) {
    // Decimals too (4.9 news a month): comparing numbers orders them as their exact values do
    // (operator.ts, ComparableRead), so the bounds are kept as the numbers they were written as.
    const read = kit.comparable(node.field);
    const tiers = node.tiers;
    const bounds = tiers.map((t) => X.exactNumber(t.bound));
    if (bounds.some((b) => b === null)) return () => SLOW;
    const strict = tiers.map((t) => t.strict);
    const points = tiers.map((t) => t.points);
    const otherwise = node.else;
    return (slots) => {
      const x = read(slots);
      if (x === INEXACT) return SLOW;
      if (Number.isNaN(x)) return otherwise; // MISSING
      for (let i = 0; i < bounds.length; i++) {
        const b = bounds[i]!;
        if (strict[i] ? x > b : x >= b) return points[i]!;
      }
      return otherwise;
    };
  },

  words: (f, w) =>
    w.say(
      { vi: 'theo {field}: {tiers}; còn lại: {else}', en: 'by {field}: {tiers}; otherwise {else}' },
      {
        field: w.field(f.field),
        tiers: f.tiers
          .map((t) =>
            'gte' in t
              ? w.say(
                  { vi: 'từ {x} trở lên: {points}', en: '{x} or more: {points}' },
                  {
                    x: w.number(t.gte),
                    points: w.points(t.points),
                  },
                )
              : w.say(
                  { vi: 'trên {x}: {points}', en: 'over {x}: {points}' },
                  {
                    x: w.number(t.gt),
                    points: w.points(t.points),
                  },
                ),
          )
          .join('; '),
        else: w.points(f.else),
      },
    ),
};
