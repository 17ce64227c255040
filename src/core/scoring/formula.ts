/**
 * The nine formula operations of interchange.md, evaluated exactly, and, when asked, explained
 * in words a civil servant can check by hand: `min(1; 38/40) × 5 = 4,75 điểm`.
 *
 * One evaluator does both jobs so that an explanation can never disagree with the score; the
 * text is only built when `explain` is on, which keeps bulk scoring free of string work.
 */
import type { Node } from '../criteria/compile.ts';
import type { Field } from '../criteria/schema.ts';
import * as X from '../exact.ts';
import { formatDate, formatQ, pick } from '../format.ts';
import type { Values } from '../types.ts';

const own = Object.prototype.hasOwnProperty;

/**
 * What a formula reads: the agency's values, or one website check laid over them (the check's
 * value when it has the key, else the agency's). A class rather than a closure per agency and
 * per check: bulk scoring allocates fewer objects, and every read goes through one shared method.
 */
export class EvalContext {
  readonly values: Values;
  readonly overlay: Values | null;
  readonly derived: ReadonlyMap<string, readonly string[]>;
  readonly year: number;
  readonly explain: boolean;
  /** Field definitions, for labels in explanations. */
  readonly fields: ReadonlyMap<string, Field>;
  /** Set by every node when `explain` is on: its text in both languages. */
  vi = '';
  en = '';

  constructor(
    values: Values,
    overlay: Values | null,
    derived: ReadonlyMap<string, readonly string[]>,
    year: number,
    explain: boolean,
    fields: ReadonlyMap<string, Field>,
  ) {
    this.values = values;
    this.overlay = overlay;
    this.derived = derived;
    this.year = year;
    this.explain = explain;
    this.fields = fields;
  }

  /** The last category gate asked about, and whether it was open (see `gateOpen`). */
  private gate: string | undefined = undefined;
  private open = false;

  /** Reads a raw value of the agency (or of the website check laid over it). */
  get(key: string): unknown {
    const overlay = this.overlay;
    return overlay !== null && own.call(overlay, key) ? overlay[key] : this.values[key];
  }

  /**
   * Whether a category's gate field is `true`. Criteria are scored category by category and
   * every criterion of a gated category asks, so the last answer is kept (values do not change
   * while an agency is scored): one read per category instead of one per criterion and check.
   */
  gateOpen(gate: string): boolean {
    if (gate !== this.gate) {
      this.open = this.get(gate) === true;
      this.gate = gate;
    }
    return this.open;
  }
}

/** A numeric value of a field or derived field, or null when not given. */
export function readNumber(ctx: Pick<EvalContext, 'get' | 'derived'>, key: string): X.Q | null {
  const parts = ctx.derived.get(key);
  if (parts) {
    let sum = X.ZERO;
    for (const p of parts) {
      const v = readNumber(ctx, p);
      if (v === null) return null;
      sum = X.add(sum, v);
    }
    return sum;
  }
  const raw = ctx.get(key);
  return typeof raw === 'number' ? X.fromNumber(raw) : null;
}

const label = (ctx: EvalContext, key: string, lang: 'vi' | 'en'): string => {
  const f = ctx.fields.get(key);
  return f ? pick(f.shortLabel ?? f.label, lang) : key;
};
const vi = (x: X.Q): string => formatQ(x, 'vi');
const en = (x: X.Q): string => formatQ(x, 'en');

function say(ctx: EvalContext, textVi: string, textEn: string): void {
  ctx.vi = textVi;
  ctx.en = textEn;
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

/**
 * 0 + v, without the addition: every value a formula produces is already reduced (made by
 * `X.q` or `X.fromNumber`), so the sum is v itself, except that a zero becomes the canonical
 * ZERO (as `X.add` would turn a −0 into 0). Saves a gcd on the first term of every sum.
 */
const startSum = (v: X.Q): X.Q => (X.isZero(v) ? X.ZERO : v);

/** Evaluates one formula node exactly (unrounded). */
export function evaluate(node: Node, ctx: EvalContext): X.Q {
  switch (node.op) {
    case 'const':
      if (ctx.explain) say(ctx, vi(node.value), en(node.value));
      return node.value;

    case 'ratio': {
      const num = readNumber(ctx, node.num);
      const den = readNumber(ctx, node.den);
      if (num === null || den === null) {
        if (ctx.explain) {
          const key = num === null ? node.num : node.den;
          say(ctx, `${label(ctx, key, 'vi')} chưa có số liệu → 0`, `${label(ctx, key, 'en')} not given → 0`);
        }
        return X.ZERO;
      }
      if (X.isZero(den)) {
        const v = node.full ? node.points : X.ZERO;
        if (ctx.explain)
          say(
            ctx,
            `${label(ctx, node.den, 'vi')} = 0 (mẫu số bằng 0${node.full ? ', tính tối đa' : ''}) → ${vi(v)}`,
            `${label(ctx, node.den, 'en')} = 0 (zero denominator${node.full ? ' counts as full' : ''}) → ${en(v)}`,
          );
        return v;
      }
      const v = ratioPoints(num, den, node.points);
      if (ctx.explain)
        say(
          ctx,
          `min(1; ${vi(num)}/${vi(den)}) × ${vi(node.points)}`,
          `min(1, ${en(num)}/${en(den)}) × ${en(node.points)}`,
        );
      return v;
    }

    case 'bool': {
      const yes = ctx.get(node.field) === true;
      const v = yes ? node.points : X.ZERO;
      if (ctx.explain)
        say(
          ctx,
          `${label(ctx, node.field, 'vi')}: ${yes ? 'có' : 'không'} → ${vi(v)}`,
          `${label(ctx, node.field, 'en')}: ${yes ? 'yes' : 'no'} → ${en(v)}`,
        );
      return v;
    }

    case 'enum': {
      const raw = ctx.get(node.field);
      const v = (typeof raw === 'string' ? node.map.get(raw) : undefined) ?? X.ZERO;
      if (ctx.explain) {
        const option = ctx.fields.get(node.field)?.options?.find((o) => o.value === raw);
        const shown = (lang: 'vi' | 'en') =>
          option
            ? pick(option.label, lang)
            : raw === undefined
              ? lang === 'vi'
                ? 'chưa chọn'
                : 'not given'
              : String(raw);
        say(
          ctx,
          `${label(ctx, node.field, 'vi')}: ${shown('vi')} → ${vi(v)}`,
          `${label(ctx, node.field, 'en')}: ${shown('en')} → ${en(v)}`,
        );
      }
      return v;
    }

    case 'tier': {
      const x = readNumber(ctx, node.field);
      if (x !== null) {
        for (const t of node.tiers) {
          const c = X.cmp(x, t.bound);
          if (t.strict ? c > 0 : c >= 0) {
            if (ctx.explain) {
              const op = t.strict ? '>' : '≥';
              say(
                ctx,
                `${label(ctx, node.field, 'vi')} = ${vi(x)} ${op} ${vi(t.bound)} → ${vi(t.points)}`,
                `${label(ctx, node.field, 'en')} = ${en(x)} ${op} ${en(t.bound)} → ${en(t.points)}`,
              );
            }
            return t.points;
          }
        }
      }
      if (ctx.explain) {
        const last = node.tiers[node.tiers.length - 1]!;
        const op = last.strict ? '≤' : '<';
        if (x === null)
          say(
            ctx,
            `${label(ctx, node.field, 'vi')} chưa có số liệu → ${vi(node.else)}`,
            `${label(ctx, node.field, 'en')} not given → ${en(node.else)}`,
          );
        else
          say(
            ctx,
            `${label(ctx, node.field, 'vi')} = ${vi(x)} ${op} ${vi(last.bound)} → ${vi(node.else)}`,
            `${label(ctx, node.field, 'en')} = ${en(x)} ${op} ${en(last.bound)} → ${en(node.else)}`,
          );
      }
      return node.else;
    }

    case 'count': {
      let n = 0;
      for (const f of node.fields) if (ctx.get(f) === true) n++;
      const raw = X.mul(node.perItem, X.q(n));
      const v = X.min(raw, node.cap);
      if (ctx.explain) {
        const met = node.fields.filter((f) => ctx.get(f) === true);
        const capped = X.cmp(raw, node.cap) > 0;
        const list = (lang: 'vi' | 'en') =>
          met.length ? ` (${met.map((f) => label(ctx, f, lang)).join(', ')})` : '';
        say(
          ctx,
          `${n}/${node.fields.length} mục đạt${list('vi')} × ${vi(node.perItem)}${capped ? `, tối đa ${vi(node.cap)}` : ''}`,
          `${n} of ${node.fields.length} met${list('en')} × ${en(node.perItem)}${capped ? `, at most ${en(node.cap)}` : ''}`,
        );
      }
      return v;
    }

    case 'sum': {
      // The text parts are only collected when explaining: bulk scoring allocates nothing here.
      const partsVi: string[] | null = ctx.explain ? [] : null;
      const partsEn: string[] | null = ctx.explain ? [] : null;
      let total = X.ZERO;
      const terms = node.terms;
      for (let i = 0; i < terms.length; i++) {
        const t = terms[i]!;
        total = i === 0 ? startSum(evaluate(t, ctx)) : X.add(total, evaluate(t, ctx));
        if (partsVi !== null && partsEn !== null) {
          const wrap = t.op !== 'ratio' && t.op !== 'const';
          partsVi.push(wrap ? `[${ctx.vi}]` : ctx.vi);
          partsEn.push(wrap ? `[${ctx.en}]` : ctx.en);
        }
      }
      const capped = node.cap !== null && X.cmp(total, node.cap) > 0;
      if (partsVi !== null && partsEn !== null)
        say(
          ctx,
          partsVi.join(' + ') + (capped ? `, tối đa ${vi(node.cap!)}` : ''),
          partsEn.join(' + ') + (capped ? `, at most ${en(node.cap!)}` : ''),
        );
      return capped ? node.cap! : total;
    }

    case 'gate': {
      const open = ctx.get(node.if) === true;
      const v = evaluate(open ? node.then : node.else, ctx);
      if (ctx.explain) {
        const inner = [ctx.vi, ctx.en];
        say(
          ctx,
          open
            ? `${label(ctx, node.if, 'vi')}: có; ${inner[0]}`
            : `${label(ctx, node.if, 'vi')}: không → ${inner[0]}`,
          open
            ? `${label(ctx, node.if, 'en')}: yes; ${inner[1]}`
            : `${label(ctx, node.if, 'en')}: no → ${inner[1]}`,
        );
      }
      return v;
    }

    case 'date_by': {
      const raw = ctx.get(node.field);
      const by = `${ctx.year}-${node.mmdd}`;
      const ok = typeof raw === 'string' && raw <= by;
      const v = ok ? node.points : X.ZERO;
      if (ctx.explain) {
        if (typeof raw !== 'string')
          say(
            ctx,
            `${label(ctx, node.field, 'vi')} chưa nhập → 0`,
            `${label(ctx, node.field, 'en')} not given → 0`,
          );
        else {
          const op = ok ? '≤' : '>';
          say(
            ctx,
            `${label(ctx, node.field, 'vi')} ${formatDate(raw)} ${op} ${formatDate(by)} → ${vi(v)}`,
            `${label(ctx, node.field, 'en')} ${formatDate(raw)} ${op} ${formatDate(by)} → ${en(v)}`,
          );
        }
      }
      return v;
    }

    case 'reviewer': {
      const x = readNumber(ctx, node.field);
      const v = x === null ? X.ZERO : X.clamp(x, X.ZERO, node.points);
      if (ctx.explain) {
        if (x === null) say(ctx, 'Sở TT&TT chưa chấm → 0', 'not yet marked by the department → 0');
        else
          say(
            ctx,
            `Sở TT&TT chấm ${vi(x)} (thang 0–${vi(node.points)})`,
            `marked ${en(x)} by the department (scale 0–${en(node.points)})`,
          );
      }
      return v;
    }
  }
}
