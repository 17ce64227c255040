/**
 * The formula operators of the criteria format, each defined once (operator.ts says what that
 * holds), and the walks every user of formulas shares: the schema (criteria/schema.ts) accepts
 * exactly these operators, the validator asks them for maxima, fields and flaws, the compiler,
 * the exact evaluator, the explainer and the bulk scorer for their parts, and the printers (the
 * criteria pages of the web application) for their words. No other module switches on `op`.
 */

import type { Field } from '../criteria/fields.ts';
import * as X from '../exact.ts';
import { formatNumber } from '../format.ts';
import type { Lang } from '../types.ts';
import { bool } from './bool.ts';
import { type ConstNode, constNode, constText } from './constant.ts';
import type { EvalContext } from './context.ts';
import { count } from './count.ts';
import { dateBy } from './date-by.ts';
import { enumeration } from './enum.ts';
import { gate } from './gate.ts';
import type {
  Bilingual,
  Explained,
  FastFormula,
  FastKit,
  FieldRead,
  Flaw,
  FormulaOrNumber,
  Operator,
  Part,
  WordsKit,
} from './operator.ts';
import { ratio } from './ratio.ts';
import { reviewer } from './reviewer.ts';
import { sum } from './sum.ts';
import { tier } from './tier.ts';

/** Every operator of the criteria format. A new operator is its file and one entry here. */
export const OPERATORS = [ratio, bool, enumeration, tier, count, sum, gate, dateBy, reviewer] as const;

type AnyOperator = (typeof OPERATORS)[number];
type DefOf<O> = O extends Operator<infer D, infer _N> ? D : never;
type NodeOf<O> = O extends Operator<infer _D, infer N> ? N : never;

/** A formula as a criteria file writes it (after the schema's defaults). */
export type Formula = DefOf<AnyOperator>;
/** A formula compiled, every constant exact; a number where the format allows one becomes a `const`. */
export type Node = NodeOf<AnyOperator> | ConstNode;
export type FormulaOp = Formula['op'];

/** The operators' names, in the registry's order. */
export const OPERATOR_NAMES: readonly FormulaOp[] = OPERATORS.map((o) => o.op);

// The one place where TypeScript cannot follow that a formula and the operator of its name belong
// together: the table holds them loosely typed, and every walk below goes through it.
type Loose = Operator<{ readonly op: string }, { readonly op: string }>;
const byName: ReadonlyMap<string, Loose> = new Map(OPERATORS.map((o) => [o.op, o as unknown as Loose]));

/** Whether `op` names an operator of the format. */
export const isFormulaOp = (op: unknown): op is FormulaOp => typeof op === 'string' && byName.has(op);

function operatorOf(op: string): Loose {
  const o = byName.get(op);
  if (!o) throw new RangeError(`unknown formula operator: ${op}`);
  return o;
}

const at = (path: string, part: string): string => (path ? `${path}.${part}` : part);

/* ───────────── the definitions, as the validator and the printers read them ───────────── */

/** The formulas a formula holds (a sum's terms, a gate's branches). */
export const partsOf = (f: FormulaOrNumber): readonly Part[] =>
  typeof f === 'number' ? [] : operatorOf(f.op).parts(f);

/** Visits a formula and every formula inside it, each with its path below `path`. */
export function walkFormula(
  f: FormulaOrNumber,
  path: string,
  visit: (f: Formula, path: string) => void,
): void {
  if (typeof f === 'number') return;
  visit(f, path);
  for (const p of operatorOf(f.op).parts(f)) walkFormula(p.formula, at(path, p.at), visit);
}

/** The most a formula can give; a criterion's declared maximum must equal it. */
export function formulaMax(f: FormulaOrNumber): X.Q {
  return typeof f === 'number' ? X.fromNumber(f) : operatorOf(f.op).max(f, formulaMax);
}

/** Every field a formula reads, in order, with the type it needs and its path below `path`. */
export function formulaReads(f: FormulaOrNumber, path = ''): FieldRead[] {
  const out: FieldRead[] = [];
  walkFormula(f, path, (g, p) => {
    for (const r of operatorOf(g.op).reads(g)) out.push({ key: r.key, needs: r.needs, at: at(p, r.at) });
  });
  return out;
}

/** The keys of the fields a formula reads, each once, in the order it reads them. */
export const formulaFields = (f: FormulaOrNumber): string[] => [
  ...new Set(formulaReads(f).map((r) => r.key)),
];

/** Mistakes the field types do not show, with their paths below `path`. */
export function formulaFlaws(
  f: FormulaOrNumber,
  field: (key: string) => Field | undefined,
  path = '',
): Flaw[] {
  const out: Flaw[] = [];
  walkFormula(f, path, (g, p) => {
    for (const flaw of operatorOf(g.op).flaws(g, field))
      out.push({ at: at(p, flaw.at), message: flaw.message });
  });
  return out;
}

/** How the printers name fields, in which language. */
export interface FormulaReader {
  readonly lang: Lang;
  /** A field's name for the reader, from its key. */
  readonly label: (key: string) => string;
}

const POINTS: Bilingual = { vi: '{n} điểm', en: '{n} points' };

/** A formula in words for readers of the method: "2 điểm × (“Văn bản điện tử” / …)". */
export function formulaWords(f: FormulaOrNumber, reader: FormulaReader): string {
  const lang = reader.lang;
  const say = (text: Bilingual, values: Readonly<Record<string, string>> = {}) =>
    text[lang].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  const kit: WordsKit = {
    lang,
    field: (key) => `“${reader.label(key)}”`,
    number: (n) => formatNumber(n, lang),
    points: (n) => say(POINTS, { n: formatNumber(n, lang) }),
    words: (g) => formulaWords(g, reader),
    say,
  };
  return typeof f === 'number' ? kit.points(f) : operatorOf(f.op).words(f, kit);
}

/* ───────────── the compiled nodes, as the scorers read them ───────────── */

/** A formula with its constants made exact, once per criteria set. */
export function compileFormula(f: FormulaOrNumber): Node {
  return typeof f === 'number' ? constNode(f) : (operatorOf(f.op).compile(f, compileFormula) as Node);
}

/** A compiled formula's exact, unrounded value. */
export function evaluateNode(node: Node, ctx: EvalContext): X.Q {
  if (node.op === 'const') return node.value;
  return operatorOf(node.op).evaluate(node, ctx, (n) => evaluateNode(n, ctx));
}

/** A compiled formula's exact value and how it came to it. */
export function explainNode(node: Node, ctx: EvalContext): Explained {
  if (node.op === 'const') return { value: node.value, ...constText(node), bareInSum: true };
  const operator = operatorOf(node.op);
  const value = evaluateNode(node, ctx);
  const text = operator.explain(node, ctx, value, (n) => explainNode(n, ctx));
  return { value, vi: text.vi, en: text.en, bareInSum: operator.bareInSum };
}

/** A compiled formula precompiled for bulk scoring (scoring/fast.ts gives the kit). */
export function fastNode(node: Node, kit: FastKit): FastFormula {
  if (node.op === 'const') {
    const value = node.value;
    return () => value;
  }
  return operatorOf(node.op).fast(node, kit);
}
