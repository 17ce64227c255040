import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Formula as FormulaSchema } from '../criteria/schema.ts';
import * as X from '../exact.ts';
import type { Values } from '../types.ts';
import { EvalContext } from './context.ts';
import { type FastKit, type Operator, SLOW } from './operator.ts';
import {
  compileFormula,
  evaluateNode,
  explainNode,
  type Formula,
  fastNode,
  formulaMax,
  formulaReads,
  formulaWords,
  isFormulaOp,
  type Node,
  OPERATOR_NAMES,
  OPERATORS,
} from './registry.ts';

/** Every part an operator defines; the type below fails to compile when the interface gains one. */
const PARTS = [
  'op',
  'example',
  'schema',
  'parts',
  'reads',
  'max',
  'flaws',
  'compile',
  'evaluate',
  'explain',
  'bareInSum',
  'fast',
  'words',
] as const;
type AnyPart = keyof Operator<{ op: string }, { op: string }>;
const everyPart: Exclude<AnyPart, (typeof PARTS)[number]> extends never ? true : never = true;

const YEAR = 2017;
const context = (values: Values, overlay: Values | null = null) =>
  new EvalContext(values, overlay, new Map(), YEAR, true, new Map());

/** A kit for one formula: slots numbered as keys are first asked for, whole numbers read plainly. */
function fastOf(node: Node): (values: Values) => X.Q | null {
  const keys: string[] = [];
  const slot = (key: string) => {
    if (!keys.includes(key)) keys.push(key);
    return keys.indexOf(key);
  };
  const kit: FastKit = {
    slot,
    wholeNumber: (key) => {
      const s = slot(key);
      return (slots) => {
        const v = slots[s];
        return typeof v !== 'number' ? Number.NaN : Number.isSafeInteger(v) ? v : Number.POSITIVE_INFINITY;
      };
    },
    comparable: (key) => {
      const s = slot(key);
      return (slots) => {
        const v = slots[s];
        return typeof v !== 'number' ? Number.NaN : Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
      };
    },
    fast: (n) => fastNode(n, kit),
  };
  const f = fastNode(node, kit);
  return (values) =>
    f(
      keys.map((k) => values[k]),
      YEAR,
    );
}

/** Values that reach every field an example reads: all yes, middling numbers, an early date. */
function valuesFor(example: Formula, yes: boolean): Values {
  const out: Record<string, unknown> = {};
  for (const r of formulaReads(example))
    out[r.key] =
      r.needs === 'boolean'
        ? yes
        : r.needs === 'number'
          ? yes
            ? 7
            : 0
          : r.needs === 'date'
            ? `${YEAR}-0${yes ? 1 : 9}-15`
            : 'chuyen_trach';
  return out;
}

describe('the formula operator registry', () => {
  it('names each operator once', () => {
    expect(new Set(OPERATOR_NAMES).size).toBe(OPERATORS.length);
    expect(everyPart).toBe(true);
  });

  for (const operator of OPERATORS) {
    describe(`${operator.op}`, () => {
      const example: Formula = operator.example;

      it('defines every part', () => {
        for (const part of PARTS) expect(operator[part], part).toBeDefined();
        for (const part of PARTS.filter((p) => p !== 'op' && p !== 'example' && p !== 'bareInSum'))
          expect(typeof operator[part], part).toBe('function');
        expect(typeof operator.bareInSum).toBe('boolean');
        expect(example.op).toBe(operator.op);
      });

      it('is accepted by the schema as its example writes it', () => {
        const parsed = FormulaSchema.safeParse(example);
        expect(parsed.error?.issues ?? []).toEqual([]);
        expect(parsed.data).toEqual(example);
      });

      it('says its maximum, fields and words', () => {
        expect(X.sign(formulaMax(example))).toBeGreaterThanOrEqual(0);
        for (const r of formulaReads(example)) {
          expect(r.key).toMatch(/^[a-z][a-z0-9_]*$/);
          expect(['number', 'boolean', 'enum', 'date']).toContain(r.needs);
        }
        for (const lang of ['vi', 'en'] as const) {
          const words = formulaWords(example, { lang, label: (key) => `<${key}>` });
          expect(words.length).toBeGreaterThan(5);
          expect(words).not.toMatch(/\{\w+\}/); // every placeholder filled
        }
      });

      it('evaluates, explains and precompiles to the same value, never above its maximum', () => {
        const node = compileFormula(example);
        expect(node.op).toBe(operator.op);
        const fast = fastOf(node);
        for (const values of [{}, valuesFor(example, true), valuesFor(example, false)]) {
          const ctx = context(values);
          const value = evaluateNode(node, ctx);
          expect(X.cmp(value, formulaMax(example))).toBeLessThanOrEqual(0);
          const explained = explainNode(node, ctx);
          expect(X.eq(explained.value, value)).toBe(true);
          expect(explained.vi.length).toBeGreaterThan(0);
          expect(explained.en.length).toBeGreaterThan(0);
          const quick = fast(values);
          if (quick !== SLOW) expect(X.eq(quick, value)).toBe(true);
        }
      });
    });
  }
});

describe('a precompiled sum', () => {
  // Terms over large coprime denominators: one numerator over one denominator leaves the safe
  // integers, and the sum is then added term by term as the exact evaluator adds it.
  const sumOf = (dens: readonly string[]): Formula => ({
    op: 'sum',
    terms: dens.map((den) => ({ op: 'ratio', num: 'n', den, points: 1, denZero: 'zero' as const })),
  });
  it('gives the exact value, representation included, however large its common denominator', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.array(fc.integer({ min: 1, max: 99_999_989 }), { minLength: 1, maxLength: 4 }),
        (n, dens) => {
          const values: Record<string, number> = { n };
          const keys = dens.map((d, i) => {
            values[`d${i}`] = d;
            return `d${i}`;
          });
          const node = compileFormula(sumOf(keys));
          const exact = evaluateNode(node, context(values));
          const quick = fastOf(node)(values);
          expect(quick).not.toBe(SLOW);
          expect({ n: quick!.n, d: quick!.d }).toEqual({ n: exact.n, d: exact.d });
          expect(Object.is(quick!.n, exact.n)).toBe(true);
        },
      ),
    );
  });
});

describe('the criteria schema', () => {
  /** The operator names the schema's union discriminates on. */
  function schemaOps(): string[] {
    const union = (FormulaSchema as unknown as z.ZodLazy).unwrap() as unknown as z.ZodDiscriminatedUnion<
      z.ZodObject[]
    >;
    return union.options.map((o) => (o.shape.op as z.ZodLiteral<string>).value);
  }

  it('accepts exactly the registered operators', () => {
    expect(schemaOps().sort()).toEqual([...OPERATOR_NAMES].sort());
  });

  it('refuses an operator the registry does not have, naming `op`', () => {
    for (const op of ['percent', 'const', 'RATIO', '']) {
      expect(isFormulaOp(op)).toBe(false);
      const r = FormulaSchema.safeParse({ op, field: 'x', points: 1 });
      expect(r.success).toBe(false);
      expect(r.error!.issues.map((i) => i.path.join('.'))).toContain('op');
    }
  });
});

describe('the web application can load the registry', () => {
  it('loads no zod at run time (only its types): the schema hands it in', () => {
    const dir = new URL('./', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      // A value imported from zod, Node or the schema (which loads zod) would reach the bundle.
      expect(text, file).not.toMatch(
        /^import (?!type )[^;]*from '(zod|node:[^']*|\.\.\/criteria\/schema\.ts)'/m,
      );
    }
  });
});
