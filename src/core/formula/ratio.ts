/**
 * `ratio`: min(1, max(0, num/den)) × points, the share of a whole that the agency reached (38 of
 * 40 staff with a computer). A zero denominator earns nothing, or the full points where `denZero`
 * is `full` (no report was requested, so none was late).
 */
import * as X from '../exact.ts';
import { en, readNumber, vi } from './context.ts';
import { INEXACT, NO_FLAWS, NO_PARTS, type Operator, SLOW, type WholeNumberRead } from './operator.ts';

/** As the criteria file writes it (a type, not an interface: a plain record of JSON). */
export type RatioDef = {
  readonly op: 'ratio';
  readonly num: string;
  readonly den: string;
  readonly points: number;
  /** What a zero denominator earns: nothing, or the full points. */
  readonly denZero: 'zero' | 'full';
};

export interface RatioNode {
  readonly op: 'ratio';
  readonly num: string;
  readonly den: string;
  readonly points: X.Q;
  readonly full: boolean;
}

/**
 * min(1, max(0, num/den)) × points for a non-zero `den`. With a positive denominator (every
 * real form) the ends are found by comparing, so a full or empty share costs no arithmetic, and
 * a share in between is num × points ÷ den reduced once.
 */
function ratioPoints(num: X.Q, den: X.Q, points: X.Q): X.Q {
  if (X.sign(den) > 0) {
    if (X.cmp(num, den) >= 0) return points;
    if (X.sign(num) <= 0) return X.ZERO;
    return X.mulDiv(num, points, den);
  }
  return X.mul(X.clamp(X.div(num, den), X.ZERO, X.ONE), points);
}

// Bound once rather than read as `X.name` in the precompiled loop (see scoring/fast.ts).
const { ZERO, q } = X;

export const ratio: Operator<RatioDef, RatioNode> = {
  op: 'ratio',
  example: { op: 'ratio', num: 'staff_with_computer', den: 'total_staff', points: 5, denZero: 'zero' },
  schema: ({ z, Key, Points }) =>
    z.strictObject({
      op: z.literal('ratio'),
      num: Key,
      den: Key,
      points: Points,
      denZero: z.enum(['zero', 'full']).default('zero'),
    }),
  parts: () => NO_PARTS,
  reads: (f) => [
    { key: f.num, needs: 'number', at: 'num' },
    { key: f.den, needs: 'number', at: 'den' },
  ],
  max: (f) => X.fromNumber(f.points),
  flaws: () => NO_FLAWS,
  compile: (f) => ({
    op: 'ratio',
    num: f.num,
    den: f.den,
    points: X.fromNumber(f.points),
    full: f.denZero === 'full',
  }),

  evaluate(node, ctx) {
    const num = readNumber(ctx, node.num);
    const den = readNumber(ctx, node.den);
    if (num === null || den === null) return X.ZERO;
    if (X.isZero(den)) return node.full ? node.points : X.ZERO;
    return ratioPoints(num, den, node.points);
  },

  explain(node, ctx, value) {
    const num = readNumber(ctx, node.num);
    const den = readNumber(ctx, node.den);
    if (num === null || den === null) {
      const key = num === null ? node.num : node.den;
      return {
        vi: `${ctx.label(key, 'vi')} chưa có số liệu → 0`,
        en: `${ctx.label(key, 'en')} not given → 0`,
      };
    }
    if (X.isZero(den))
      return {
        vi: `${ctx.label(node.den, 'vi')} = 0 (mẫu số bằng 0${node.full ? ', tính tối đa' : ''}) → ${vi(value)}`,
        en: `${ctx.label(node.den, 'en')} = 0 (zero denominator${node.full ? ' counts as full' : ''}) → ${en(value)}`,
      };
    return {
      vi: `min(1; ${vi(num)}/${vi(den)}) × ${vi(node.points)}`,
      en: `min(1, ${en(num)}/${en(den)}) × ${en(node.points)}`,
    };
  },
  bareInSum: true,

  fast(node, kit) {
    const readNum: WholeNumberRead = kit.wholeNumber(node.num);
    const readDen: WholeNumberRead = kit.wholeNumber(node.den);
    const { points, full } = node;
    if (typeof points.n !== 'number' || typeof points.d !== 'number') return () => SLOW;
    const pn = points.n;
    const pd = points.d;
    const atZero = full ? points : ZERO;
    return (slots) => {
      const num = readNum(slots);
      if (num === INEXACT) return SLOW;
      const den = readDen(slots);
      if (den === INEXACT) return SLOW;
      // MISSING is NaN, found by isNaN (NaN is never === itself).
      if (Number.isNaN(num) || Number.isNaN(den)) return ZERO;
      if (den === 0) return atZero;
      if (den < 0) return SLOW;
      // ratioPoints with a positive denominator: the ends by comparing, else num·points/den.
      if (num >= den) return points;
      if (num <= 0) return ZERO;
      const n = num * pn;
      const d = pd * den;
      if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) return SLOW;
      return q(n, d);
    };
  },

  words: (f, w) =>
    w.say(
      {
        vi: '{points} điểm × ({num} / {den}), không quá {points} điểm',
        en: '{points} points × ({num} / {den}), at most {points}',
      },
      { points: w.number(f.points), num: w.field(f.num), den: w.field(f.den) },
    ) +
    w.say(
      f.denZero === 'full'
        ? { vi: '; nếu {den} bằng 0: đủ điểm', en: '; full points when {den} is 0' }
        : { vi: '; nếu {den} bằng 0: 0 điểm', en: '; 0 when {den} is 0' },
      { den: w.field(f.den) },
    ),
};
