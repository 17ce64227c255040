/**
 * What the exact evaluator and the explainer read a formula's fields from: one agency's values,
 * or one website check laid over them.
 */
import type { Field } from '../criteria/fields.ts';
import * as X from '../exact.ts';
import { formatQ, pick } from '../format.ts';
import type { Lang, Values } from '../types.ts';

const own = Object.prototype.hasOwnProperty;

/**
 * The agency's values, or one website check laid over them (the check's value when it has the
 * key, else the agency's). A class rather than a closure per agency and per check: every read
 * goes through one shared method.
 */
export class EvalContext {
  readonly values: Values;
  readonly overlay: Values | null;
  readonly derived: ReadonlyMap<string, readonly string[]>;
  readonly year: number;
  readonly explain: boolean;
  /** Field definitions, for labels in explanations. */
  readonly fields: ReadonlyMap<string, Field>;

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

  /** Reads a raw value of the agency (or of the website check laid over it). */
  get(key: string): unknown {
    const overlay = this.overlay;
    return overlay !== null && own.call(overlay, key) ? overlay[key] : this.values[key];
  }

  /** A field's short label in an explanation, or its key when the set does not know it. */
  label(key: string, lang: Lang): string {
    const f = this.fields.get(key);
    return f ? pick(f.shortLabel ?? f.label, lang) : key;
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

/** An exact value as an explanation writes it: "4,75" / "4.75". */
export const vi = (x: X.Q): string => formatQ(x, 'vi');
export const en = (x: X.Q): string => formatQ(x, 'en');
