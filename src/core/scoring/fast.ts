/**
 * The formulas of a group turned, once, into plain functions for bulk scoring without
 * explanations: field references are resolved when the group is first scored (a derived field
 * becomes the list of keys it sums, found once instead of looked up on every read), whole-number
 * values are compared and multiplied as JS numbers without making a fraction for each read, and
 * the results that depend only on a count (count) are computed ahead.
 *
 * A fast function handles the cases every real form has (whole numbers that stay safe
 * integers, booleans, options, dates) and returns SLOW for anything else (a decimal value, a
 * negative denominator, a product leaving the safe range): the caller then runs the exact
 * evaluator of formula.ts, so a result is always the one `evaluate` gives, value for value.
 * The property tests compare both on random forms.
 */
import type { CompiledGroup, Node } from '../criteria/compile.ts';
import * as X from '../exact.ts';
import type { Values } from '../types.ts';

/** "Not handled here: evaluate exactly." */
export const SLOW = null;

/** Values of the agency, and of one website check laid over them (or null). */
export type FastFormula = (values: Values, overlay: Values | null, year: number) => X.Q | null;

const own = Object.prototype.hasOwnProperty;

// Bound once rather than read as `X.name` in the loops: the CLI and the benchmarks run these
// sources through tsx, whose CommonJS output reads every imported name through a getter call,
// which cost about a tenth of the scoring time.
const { ZERO, add, cmp, isZero, q } = X;

const raw = (values: Values, overlay: Values | null, key: string): unknown =>
  overlay !== null && own.call(overlay, key) ? overlay[key] : values[key];

/** A number read as a safe integer, not given, or something only the exact path can handle. */
const MISSING = -1;
const INEXACT = -2;
type NumberRead = (values: Values, overlay: Values | null) => number;

/**
 * Reads a whole number: writes it to `box[0]` and returns 0, or returns MISSING (not given, as
 * readNumber's null) or INEXACT (a decimal, or a sum leaving the safe range). No allocation.
 */
function numberReader(
  key: string,
  derived: ReadonlyMap<string, readonly string[]>,
  box: Float64Array,
): NumberRead {
  const parts = derived.get(key);
  if (!parts) {
    return (values, overlay) => {
      const v = raw(values, overlay, key);
      if (typeof v !== 'number') return MISSING;
      if (!Number.isSafeInteger(v)) return INEXACT;
      box[0] = v;
      return 0;
    };
  }
  // readNumber sums the parts in order and answers null at the first part not given; a part
  // that is itself derived is resolved the same way, once.
  const readers = parts.map((p) => numberReader(p, derived, box));
  return (values, overlay) => {
    let sum = 0;
    for (let i = 0; i < readers.length; i++) {
      const r = readers[i]!(values, overlay);
      if (r !== 0) return r;
      sum += box[0]!;
      // Checked at every step: a sum that left the safe range may not come back exact.
      if (!Number.isSafeInteger(sum)) return INEXACT;
    }
    // readNumber starts from ZERO and adds: an empty or all-zero sum is +0, never −0.
    box[0] = sum + 0;
    return 0;
  };
}

const isSmallInt = (x: X.Int): x is number => typeof x === 'number';

function compileNode(node: Node, derived: ReadonlyMap<string, readonly string[]>): FastFormula {
  switch (node.op) {
    case 'const': {
      const value = node.value;
      return () => value;
    }
    case 'bool': {
      const { field, points } = node;
      return (v, o) => (raw(v, o, field) === true ? points : ZERO);
    }
    case 'enum': {
      const { field, map } = node;
      return (v, o) => {
        const r = raw(v, o, field);
        return (typeof r === 'string' ? map.get(r) : undefined) ?? ZERO;
      };
    }
    case 'count': {
      // The value for every possible count, made exactly as formula.ts makes it.
      const byCount = Array.from({ length: node.fields.length + 1 }, (_, n) =>
        X.min(X.mul(node.perItem, X.q(n)), node.cap),
      );
      const fields = node.fields;
      return (v, o) => {
        let n = 0;
        for (let i = 0; i < fields.length; i++) if (raw(v, o, fields[i]!) === true) n++;
        return byCount[n]!;
      };
    }
    case 'date_by': {
      const { field, mmdd, points } = node;
      let year = Number.NaN;
      let by = '';
      return (v, o, y) => {
        if (y !== year) {
          year = y;
          by = `${y}-${mmdd}`;
        }
        const r = raw(v, o, field);
        return typeof r === 'string' && r <= by ? points : ZERO;
      };
    }
    case 'gate': {
      const key = node.if;
      const then = compileNode(node.then, derived);
      const otherwise = compileNode(node.else, derived);
      return (v, o, y) => (raw(v, o, key) === true ? then(v, o, y) : otherwise(v, o, y));
    }
    case 'sum': {
      const terms = node.terms.map((t) => compileNode(t, derived));
      const cap = node.cap;
      return (v, o, y) => {
        let total = ZERO;
        for (let i = 0; i < terms.length; i++) {
          const t = terms[i]!(v, o, y);
          if (t === SLOW) return SLOW;
          // As formula.ts: the first term as it is (zero made canonical), then exact additions.
          total = i === 0 ? (isZero(t) ? ZERO : t) : add(total, t);
        }
        return cap !== null && cmp(total, cap) > 0 ? cap : total;
      };
    }
    case 'tier': {
      const box = new Float64Array(1);
      const read = numberReader(node.field, derived, box);
      const tiers = node.tiers;
      // Whole-number bounds compare as numbers; a fractional one needs the exact path.
      if (!tiers.every((t) => t.bound.d === 1 && isSmallInt(t.bound.n))) return () => SLOW;
      const bounds = tiers.map((t) => t.bound.n as number);
      const strict = tiers.map((t) => t.strict);
      const points = tiers.map((t) => t.points);
      const otherwise = node.else;
      return (v, o) => {
        const r = read(v, o);
        if (r === INEXACT) return SLOW;
        if (r === MISSING) return otherwise;
        const x = box[0]!;
        for (let i = 0; i < bounds.length; i++) {
          const b = bounds[i]!;
          if (strict[i] ? x > b : x >= b) return points[i]!;
        }
        return otherwise;
      };
    }
    case 'ratio': {
      const box = new Float64Array(1);
      const readNum = numberReader(node.num, derived, box);
      const readDen = numberReader(node.den, derived, box);
      const { points, full } = node;
      if (!isSmallInt(points.n) || !isSmallInt(points.d)) return () => SLOW;
      const pn = points.n;
      const pd = points.d;
      const atZero = full ? points : ZERO;
      return (v, o) => {
        const rn = readNum(v, o);
        if (rn === INEXACT) return SLOW;
        const num = box[0]!;
        const rd = readDen(v, o);
        if (rd === INEXACT) return SLOW;
        if (rn === MISSING || rd === MISSING) return ZERO;
        const den = box[0]!;
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
    }
    case 'reviewer':
      // Rare (one criterion, marked by hand): the exact path is fast enough.
      return () => SLOW;
  }
}

const cache = new WeakMap<CompiledGroup, readonly FastFormula[]>();

/** The fast formula of each criterion of the group, in `group.criteria` order. */
export function fastFormulas(
  group: CompiledGroup,
  derived: ReadonlyMap<string, readonly string[]>,
): readonly FastFormula[] {
  let fns = cache.get(group);
  if (!fns) {
    fns = group.criteria.map((k) => compileNode(k.node, derived));
    cache.set(group, fns);
  }
  return fns;
}
