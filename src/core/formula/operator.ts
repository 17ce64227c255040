/**
 * What a formula operator of the criteria format is: everything the system does with one kind of
 * formula (`ratio`, `tier`, …), gathered in one object, so that a new operator is one file and one
 * line in registry.ts, and no switch elsewhere can forget it. The validator, the compiler, the
 * exact evaluator, the explainer, the bulk scorer and the printers all ask the registry.
 *
 * An operator is plain functions and data: the web application loads it too (the live self-score
 * and the criteria pages), so nothing here may load zod or a Node API. Its schema is therefore a
 * function of the zod that criteria/schema.ts hands in.
 */
import type { z } from 'zod';
import type { Field } from '../criteria/fields.ts';
import type * as X from '../exact.ts';
import type { Lang } from '../types.ts';
import type { EvalContext } from './context.ts';
import type { Formula, Node } from './registry.ts';

/** A formula, or a plain number where the format allows one (a gate's `else`). */
export type FormulaOrNumber = Formula | number;

/** The type a field must have for the formula to read it. */
export type Need = 'number' | 'boolean' | 'enum' | 'date';

/** A field an operator reads, and where it names it ("num", "fields[2]"), for the validator's messages. */
export interface FieldRead {
  readonly key: string;
  readonly needs: Need;
  readonly at: string;
}

/** A formula held inside another (a term of a sum, a branch of a gate), and where. */
export interface Part {
  readonly at: string;
  readonly formula: FormulaOrNumber;
}

/** A mistake in a formula that the field types alone do not show, and where. */
export interface Flaw {
  readonly at: string;
  readonly message: Bilingual;
}

/** Text in both languages, each always present (explanations, printed formulas). */
export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/** An exact value with the words that explain it. */
export interface Explained extends Bilingual {
  readonly value: X.Q;
  /** Its operator's `bareInSum`: a sum shows it without brackets. */
  readonly bareInSum: boolean;
}

/** What criteria/schema.ts gives an operator to describe its shape with. */
export interface SchemaKit {
  readonly z: typeof z;
  /** A field key. */
  readonly Key: z.ZodString;
  /** A non-negative number of points. */
  readonly Points: z.ZodNumber;
  /** Any formula, for operators that hold others. */
  readonly Formula: z.ZodType<Formula>;
}

/**
 * The raw values a precompiled formula reads, one slot per field the group's formulas read (see
 * scoring/fast.ts): filled once per agency and per website check instead of each formula looking
 * every key up in the agency's object, which was half of bulk scoring.
 */
export type Slots = readonly unknown[];

/** "Not handled here: evaluate exactly." */
export const SLOW = null;

/** A formula precompiled for bulk scoring: its exact value, or SLOW for the exact evaluator. */
export type FastFormula = (slots: Slots, year: number) => X.Q | null;

/** A whole number read from the slots; `MISSING` and `INEXACT` are the two other answers. */
export type WholeNumberRead = (slots: Slots) => number;
/** Not given (the exact evaluator's null). */
export const MISSING = Number.NaN;
/** A decimal, or a sum of parts leaving the safe-integer range: only the exact path can say. */
export const INEXACT = Number.POSITIVE_INFINITY;

/**
 * A number read from the slots to be compared, not computed with: a field's value as the JS
 * number the form holds, decimals included (`MISSING`, `INEXACT` as for whole numbers). Comparing
 * two such numbers, or one with a bound that `X.fromNumber` reads exactly from a number, orders
 * them as their exact values do: `X.fromNumber` reads each finite number as the shortest decimal
 * that prints it, and distinct numbers as distinct decimals in the same order. So `4.9 > 3` needs
 * no fraction. A derived field is a sum, inexact in floating point: it is read as whole numbers.
 */
export type ComparableRead = (slots: Slots) => number;

/** What scoring/fast.ts gives an operator to precompile itself with. */
export interface FastKit {
  /** Where a field's raw value is (a website check's own value when it has the key, else the agency's). */
  slot(key: string): number;
  /** A reader of a field (or derived field) as a whole number, MISSING or INEXACT. No allocation. */
  wholeNumber(key: string): WholeNumberRead;
  /** A reader of a field as a number to compare, decimals included, MISSING or INEXACT. No allocation. */
  comparable(key: string): ComparableRead;
  /** Another formula precompiled (a term, a branch). */
  fast(node: Node): FastFormula;
}

/** What the printers give an operator to put itself in words. */
export interface WordsKit {
  readonly lang: Lang;
  /** A field as its reader knows it, quoted: “Tổng số CBCCVC”. */
  field(key: string): string;
  /** A number as the reader writes it: "1,5". */
  number(n: number): string;
  /** A number of points: "1,5 điểm". */
  points(n: number): string;
  /** Another formula in words (a term, a branch). */
  words(f: FormulaOrNumber): string;
  /** One of the operator's texts in the reader's language, its `{name}` placeholders filled. */
  say(text: Bilingual, values?: Readonly<Record<string, string>>): string;
}

/**
 * One operator. `D` is its definition as the criteria file writes it (after the schema's
 * defaults), `N` its compiled node with every constant exact.
 */
export interface Operator<D extends { readonly op: string }, N extends { readonly op: D['op'] }> {
  readonly op: D['op'];
  /** A definition as a criteria file writes it: for readers, and for registry.test.ts to run every part on. */
  readonly example: D;
  /** Its shape in a criteria file. */
  schema(kit: SchemaKit): z.ZodType<D>;
  /** The formulas it holds (none for most). */
  parts(def: D): readonly Part[];
  /** The fields it reads itself (its parts' are theirs), with the type each must have. */
  reads(def: D): readonly FieldRead[];
  /** The most it can give; a criterion's declared maximum must equal its formula's. */
  max(def: D, max: (f: FormulaOrNumber) => X.Q): X.Q;
  /** Mistakes the field types do not show; `field` finds a field of the set. */
  flaws(def: D, field: (key: string) => Field | undefined): readonly Flaw[];
  /** Its constants made exact, once per criteria set. */
  compile(def: D, compile: (f: FormulaOrNumber) => Node): N;
  /** Its exact, unrounded value. */
  evaluate(node: N, ctx: EvalContext, evaluate: (n: Node) => X.Q): X.Q;
  /**
   * How it came to `value` (which `evaluate` gave: an explanation never decides a score), in
   * words a civil servant can check by hand: "min(1; 38/40) × 5".
   */
  explain(node: N, ctx: EvalContext, value: X.Q, explain: (n: Node) => Explained): Bilingual;
  /** Whether its explanation reads as one term of a sum without brackets ("min(1; 3/4) × 2"). */
  readonly bareInSum: boolean;
  /**
   * Its precompiled form for bulk scoring without explanations: the exact value for the cases
   * real forms have, SLOW for the rest. It must give what `evaluate` gives, value for value
   * (scoring/fast.test.ts compares them on random forms).
   */
  fast(node: N, kit: FastKit): FastFormula;
  /** The formula in words for readers of the method (criteria pages, printouts). */
  words(def: D, kit: WordsKit): string;
}

/** Wording shared by several operators. */
export const NO_FLAWS: readonly Flaw[] = [];
export const NO_PARTS: readonly Part[] = [];
