/**
 * A loaded criteria set turned into the lookups the scorer needs, once per set: fields per
 * group, criteria in order with their category, every constant as an exact value.
 */
import * as X from '../exact.ts';
import { compileFormula, type Node } from '../formula/registry.ts';
import type { ClassBand, CriteriaSet, Criterion, Field, Group, Text } from './schema.ts';

/** A formula with its constants already exact; formula/registry.ts says what each operator means. */
export type { Node };

export interface CompiledCriterion {
  readonly def: Criterion;
  readonly id: string;
  readonly categoryIndex: number;
  readonly max: X.Q;
  readonly maxHundredths: number;
  readonly naAllowed: boolean;
  readonly monitored: boolean;
  readonly node: Node;
}

export interface CompiledCategory {
  readonly id: string;
  readonly name: Text;
  readonly max: X.Q;
  readonly maxHundredths: number;
  readonly gate: string | undefined;
  readonly criteria: readonly CompiledCriterion[];
}

export interface CompiledGroup {
  readonly def: Group;
  readonly id: string;
  readonly categories: readonly CompiledCategory[];
  readonly criteria: readonly CompiledCriterion[];
  readonly criteriaById: ReadonlyMap<string, CompiledCriterion>;
  /** The group's fields in dictionary order. */
  readonly fields: readonly Field[];
  readonly fieldsByKey: ReadonlyMap<string, Field>;
}

export interface CompiledBand {
  readonly def: ClassBand;
  readonly id: string;
  readonly label: Text;
  readonly minHundredths: number;
}

export interface CompiledSet {
  readonly def: CriteriaSet;
  readonly id: string;
  readonly groups: readonly CompiledGroup[];
  readonly groupsById: ReadonlyMap<string, CompiledGroup>;
  readonly fieldsByKey: ReadonlyMap<string, Field>;
  /** Derived key → the keys it sums. */
  readonly derived: ReadonlyMap<string, readonly string[]>;
  /** Bands from the highest minimum down. */
  readonly bands: readonly CompiledBand[];
}

const hundredths = (x: X.Q): number => X.roundHundredths(x);

/** The least whole number of hundredths that is at least x: a total reaches a band iff total ≥ this. */
function ceilHundredths(x: X.Q): number {
  const h = hundredths(x);
  return X.cmp(X.q(h, 100), x) < 0 ? h + 1 : h;
}

/** Compiles a set that `loadCriteriaSet` accepted. */
export function compileCriteriaSet(set: CriteriaSet): CompiledSet {
  const fieldsByKey = new Map(set.fields.map((f) => [f.key, f]));
  const groups = set.groups.map((g): CompiledGroup => {
    const criteria: CompiledCriterion[] = [];
    const categories = g.categories.map((c, categoryIndex): CompiledCategory => {
      const own = c.criteria.map((k): CompiledCriterion => {
        const max = X.fromNumber(k.max);
        return {
          def: k,
          id: k.id,
          categoryIndex,
          max,
          maxHundredths: hundredths(max),
          naAllowed: k.notApplicable !== undefined,
          monitored: k.monitoredOnWebsite,
          node: compileFormula(k.formula),
        };
      });
      criteria.push(...own);
      const max = X.fromNumber(c.max);
      return { id: c.id, name: c.name, max, maxHundredths: hundredths(max), gate: c.gate, criteria: own };
    });
    const fields = set.fields.filter((f) => !f.groups || f.groups.includes(g.id));
    return {
      def: g,
      id: g.id,
      categories,
      criteria,
      criteriaById: new Map(criteria.map((k) => [k.id, k])),
      fields,
      fieldsByKey: new Map(fields.map((f) => [f.key, f])),
    };
  });
  return {
    def: set,
    id: set.id,
    groups,
    groupsById: new Map(groups.map((g) => [g.id, g])),
    fieldsByKey,
    derived: new Map(set.derived.map((d) => [d.key, d.sum])),
    bands: [...set.classes]
      .sort((a, b) => b.min - a.min)
      .map((b) => ({ def: b, id: b.id, label: b.label, minHundredths: ceilHundredths(X.fromNumber(b.min)) })),
  };
}
