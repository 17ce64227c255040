/** `sum`: the terms' values added (unrounded), at most `cap` when there is one. */
import * as X from '../exact.ts';
import { en, vi } from './context.ts';
import { NO_FLAWS, type Operator, SLOW, type Slots } from './operator.ts';
import type { Formula, Node } from './registry.ts';

/** As the criteria file writes it (a type, not an interface: a plain record of JSON). */
export type SumDef = {
  readonly op: 'sum';
  readonly terms: Formula[];
  readonly cap?: number | undefined;
};

export interface SumNode {
  readonly op: 'sum';
  readonly terms: readonly Node[];
  readonly cap: X.Q | null;
}

const { ZERO, add, cmp, isZero } = X;

/**
 * 0 + v, without the addition: every value a formula produces is already reduced (made by
 * `X.q` or `X.fromNumber`), so the sum is v itself, except that a zero becomes the canonical
 * ZERO (as `X.add` would turn a −0 into 0). Saves a gcd on the first term of every sum.
 */
const startSum = (v: X.Q): X.Q => (isZero(v) ? ZERO : v);

const capped = (node: SumNode, total: X.Q): boolean => node.cap !== null && cmp(total, node.cap) > 0;

export const sum: Operator<SumDef, SumNode> = {
  op: 'sum',
  example: {
    op: 'sum',
    terms: [
      { op: 'ratio', num: 'email_accounts', den: 'total_staff', points: 1.5, denZero: 'zero' },
      { op: 'bool', field: 'ds_org_cert', points: 1 },
    ],
    cap: 2,
  },
  schema: ({ z, Points, Formula }) =>
    z.strictObject({ op: z.literal('sum'), terms: z.array(Formula).min(1), cap: Points.optional() }),
  parts: (f) => f.terms.map((formula, i) => ({ at: `terms[${i}]`, formula })),
  reads: () => [],
  max(f, max) {
    const total = f.terms.reduce((s, t) => X.add(s, max(t)), X.ZERO);
    return f.cap === undefined ? total : X.min(total, X.fromNumber(f.cap));
  },
  flaws: () => NO_FLAWS,
  compile: (f, compile) => ({
    op: 'sum',
    terms: f.terms.map(compile),
    cap: f.cap === undefined ? null : X.fromNumber(f.cap),
  }),

  evaluate(node, _ctx, evaluate) {
    let total = ZERO;
    const terms = node.terms;
    for (let i = 0; i < terms.length; i++) {
      const v = evaluate(terms[i]!);
      total = i === 0 ? startSum(v) : add(total, v);
    }
    return capped(node, total) ? node.cap! : total;
  },

  explain(node, _ctx, _value, explain) {
    const terms = node.terms.map(explain);
    let total = ZERO;
    for (const [i, t] of terms.entries()) total = i === 0 ? startSum(t.value) : add(total, t.value);
    const over = capped(node, total);
    // A term that is itself an expression ("min(1; 3/4) × 2", "1,5") needs no brackets.
    const shown = (lang: 'vi' | 'en') =>
      terms.map((t) => (t.bareInSum ? t[lang] : `[${t[lang]}]`)).join(' + ');
    return {
      vi: shown('vi') + (over ? `, tối đa ${vi(node.cap!)}` : ''),
      en: shown('en') + (over ? `, at most ${en(node.cap!)}` : ''),
    };
  },
  bareInSum: false,

  fast(node, kit) {
    const terms = node.terms.map((t) => kit.fast(t));
    const cap = node.cap;
    const capTo = (total: X.Q): X.Q => (cap !== null && cmp(total, cap) > 0 ? cap : total);
    /** Term by term as `evaluate` adds them, each step reduced. */
    const stepByStep = (slots: Slots, year: number): X.Q | null => {
      let total = ZERO;
      for (let i = 0; i < terms.length; i++) {
        const t = terms[i]!(slots, year);
        if (t === SLOW) return SLOW;
        total = i === 0 ? startSum(t) : add(total, t);
      }
      return capTo(total);
    };
    // The terms added as one numerator over one denominator, reduced once at the end instead of
    // after every term (a gcd and an object each): the same reduced fraction. A term or a step
    // that leaves the safe integers is added step by step instead.
    return (slots, year) => {
      let n = 0;
      let d = 1;
      for (let i = 0; i < terms.length; i++) {
        const t = terms[i]!(slots, year);
        if (t === SLOW) return SLOW;
        if (typeof t.n !== 'number' || typeof t.d !== 'number') return stepByStep(slots, year);
        if (t.d === d) n += t.n;
        else {
          n = n * t.d + t.n * d;
          d *= t.d;
        }
        if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) return stepByStep(slots, year);
      }
      // A zero sum is ZERO, as `evaluate` makes it (X.q(0, 1) would keep a −0).
      return capTo(n === 0 ? ZERO : X.q(n, d));
    };
  },

  words: (f, w) =>
    f.terms.map((t) => w.words(t)).join(w.say({ vi: '; cộng ', en: '; plus ' })) +
    (f.cap !== undefined
      ? w.say({ vi: ' (tổng tối đa {cap})', en: ' (at most {cap} in all)' }, { cap: w.points(f.cap) })
      : ''),
};
