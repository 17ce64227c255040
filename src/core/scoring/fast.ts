/**
 * The formulas of a group turned, once, into plain functions for bulk scoring without
 * explanations (each operator's `fast` part, formula/registry.ts), reading the fields from slots:
 * every field the group's formulas and category gates read has a slot, filled once per agency
 * and once per website check, so that a field several criteria read is looked up in the agency's
 * object once instead of once per criterion (the lookups were half of bulk scoring). A derived
 * field is read as the parts it sums.
 *
 * A fast function handles the cases every real form has (whole numbers that stay safe integers,
 * booleans, options, dates) and returns SLOW for anything else (a decimal value, a negative
 * denominator, a product leaving the safe range): the caller then runs the exact evaluator, so
 * a result is always the one `evaluate` gives, value for value. fast.test.ts compares both on
 * random forms.
 */
import type { CompiledGroup } from '../criteria/compile.ts';
import type * as X from '../exact.ts';
import {
  type ComparableRead,
  type FastFormula,
  type FastKit,
  INEXACT,
  MISSING,
  SLOW,
  type Slots,
  type WholeNumberRead,
} from '../formula/operator.ts';
import { fastNode, type Node } from '../formula/registry.ts';
import type { Values } from '../types.ts';
import { SlotFiller } from './slots.ts';

export { SLOW };

const own = Object.prototype.hasOwnProperty;

/** What bulk scoring of one group needs, made once: the slots and each criterion's fast formula. */
export interface FieldPlan {
  /** The key of each slot. */
  readonly keys: readonly string[];
  /** The fast formula of each criterion, in `group.criteria` order. */
  readonly formulas: readonly FastFormula[];
  /** The slot of each category's gate field, or -1 for a category without a gate. */
  readonly gateSlots: readonly number[];
  /**
   * The slots a website check can change: those the monitored criteria and their categories'
   * gates read. Only these are filled for a check; the others keep the agency's values.
   */
  readonly checkSlots: readonly number[];
  /** Fill the agency's slots, and a website check's (slots.ts). */
  readonly agencyFiller: SlotFiller;
  readonly checkFiller: SlotFiller;
}

/**
 * Fills `slots` with the raw values (undefined where none is given) as EvalContext.get reads
 * them: the overlay's own value where it has the key, else the agency's.
 */
export function fillSlots(plan: FieldPlan, values: Values, overlay: Values | null, slots: unknown[]): void {
  const keys = plan.keys;
  if (overlay === null) for (let i = 0; i < keys.length; i++) slots[i] = values[keys[i]!];
  else
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      slots[i] = own.call(overlay, key) ? overlay[key] : values[key];
    }
}

/** Fills every slot with the agency's raw value (undefined where it gave none), for bulk scoring. */
export function fillAgencySlots(plan: FieldPlan, values: Values, slots: unknown[]): void {
  plan.agencyFiller.fill(values, slots);
}

/**
 * Fills, for one website check laid over the agency, the slots the monitored criteria read (the
 * others are never read with a check): the check's own value where it has the key, else the
 * agency's (`agency`, filled by fillAgencySlots).
 */
export function fillCheckSlots(plan: FieldPlan, agency: Slots, overlay: Values, slots: unknown[]): void {
  plan.checkFiller.fillOver(overlay, agency, slots);
}

/**
 * Reads a whole number from a slot: the number, or MISSING (not given, as readNumber's null) or
 * INEXACT (a decimal). A derived field sums its parts in order, as readNumber does, and answers
 * MISSING at the first part not given.
 */
function wholeNumberReader(
  key: string,
  derived: ReadonlyMap<string, readonly string[]>,
  slot: (key: string) => number,
): WholeNumberRead {
  const parts = derived.get(key);
  if (!parts) {
    const s = slot(key);
    return (slots) => {
      const v = slots[s];
      if (typeof v !== 'number') return MISSING;
      return Number.isSafeInteger(v) ? v : INEXACT;
    };
  }
  const readers = parts.map((p) => wholeNumberReader(p, derived, slot));
  return (slots) => {
    let sum = 0;
    for (let i = 0; i < readers.length; i++) {
      const v = readers[i]!(slots);
      if (v === INEXACT || Number.isNaN(v)) return v;
      sum += v;
      // Checked at every step: a sum that left the safe range may not come back exact.
      if (!Number.isSafeInteger(sum)) return INEXACT;
    }
    // readNumber starts from ZERO and adds: an empty or all-zero sum is +0, never −0.
    return sum + 0;
  };
}

/**
 * Reads a number to compare (operator.ts, ComparableRead): a plain field's finite number as it
 * is, decimals included; a derived field as the whole-number sum of its parts.
 */
function comparableReader(
  key: string,
  derived: ReadonlyMap<string, readonly string[]>,
  slot: (key: string) => number,
): ComparableRead {
  if (derived.has(key)) return wholeNumberReader(key, derived, slot);
  const s = slot(key);
  return (slots) => {
    const v = slots[s];
    if (typeof v !== 'number') return MISSING;
    // Infinity and NaN are no number a form holds: the exact path says what they mean.
    return Number.isFinite(v) ? v : INEXACT;
  };
}

const plans = new WeakMap<CompiledGroup, FieldPlan>();

/** The group's plan, made on first use. */
export function fieldPlan(group: CompiledGroup, derived: ReadonlyMap<string, readonly string[]>): FieldPlan {
  let plan = plans.get(group);
  if (plan) return plan;
  const keys: string[] = [];
  const slotOf = new Map<string, number>();
  // The slots the criterion being compiled reads, to know which a website check can change.
  let touched = new Set<number>();
  const slot = (key: string): number => {
    let s = slotOf.get(key);
    if (s === undefined) {
      s = keys.length;
      keys.push(key);
      slotOf.set(key, s);
    }
    touched.add(s);
    return s;
  };
  const kit: FastKit = {
    slot,
    wholeNumber: (key) => wholeNumberReader(key, derived, slot),
    comparable: (key) => comparableReader(key, derived, slot),
    fast: (node: Node) => fastNode(node, kit),
  };
  const gateSlots = group.categories.map((c) => (c.gate === undefined ? -1 : slot(c.gate)));
  const checkSlots = new Set<number>();
  const formulas = group.criteria.map((k) => {
    touched = new Set();
    const f = fastNode(k.node, kit);
    if (k.monitored) {
      for (const s of touched) checkSlots.add(s);
      const gate = gateSlots[k.categoryIndex]!;
      if (gate >= 0) checkSlots.add(gate);
    }
    return f;
  });
  const changing = [...checkSlots].sort((a, b) => a - b);
  plan = {
    keys,
    formulas,
    gateSlots,
    checkSlots: changing,
    agencyFiller: new SlotFiller(
      keys,
      keys.map((_, i) => i),
    ),
    checkFiller: new SlotFiller(keys, changing),
  };
  plans.set(group, plan);
  return plan;
}

/** Values of the agency, and of one website check laid over them (or null). */
export type ValuesFormula = (values: Values, overlay: Values | null, year: number) => X.Q | null;

/**
 * Each criterion's fast formula as a function of the agency's values and a website check laid
 * over them, in `group.criteria` order: for a caller that scores one form at a time. Bulk
 * scoring (score.ts) fills the slots itself, once for every criterion.
 */
export function fastFormulas(
  group: CompiledGroup,
  derived: ReadonlyMap<string, readonly string[]>,
): readonly ValuesFormula[] {
  const plan = fieldPlan(group, derived);
  return plan.formulas.map((f) => (values: Values, overlay: Values | null, year: number) => {
    const slots: unknown[] = new Array(plan.keys.length);
    fillSlots(plan, values, overlay, slots);
    return f(slots, year);
  });
}
