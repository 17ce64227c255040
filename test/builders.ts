/**
 * Builders for tests and benchmarks: agencies and cycles made from a criteria set, so that they
 * follow the set's own fields, ranges and options (a revised set needs no new fixtures).
 */
import fc from 'fast-check';
import type { CompiledGroup, CompiledSet, Node } from '../src/core/criteria/compile.ts';
import type { Field } from '../src/core/criteria/schema.ts';
import { compileFormula, walkFormula } from '../src/core/formula/registry.ts';
import type { AgencyData, Values, WebsiteCheck } from '../src/core/types.ts';

/** Every formula of a group, nested ones included, each compiled on its own as the scorer sees it. */
export function* nodesOf(group: CompiledGroup): Generator<{ criterion: string; node: Node }> {
  for (const k of group.criteria) {
    const nodes: Node[] = [];
    walkFormula(k.def.formula, '', (f) => nodes.push(compileFormula(f)));
    for (const node of nodes) yield { criterion: k.id, node };
  }
}

/** The enum option worth the most points in any formula of the group (the first option otherwise). */
function bestOption(group: CompiledGroup, field: Field): string {
  let best = field.options![0]!.value;
  let bestPoints = -1;
  for (const { node } of nodesOf(group)) {
    if (node.op !== 'enum' || node.field !== field.key) continue;
    for (const [value, q] of node.map) {
      const p = Number(q.n) / Number(q.d);
      if (p > bestPoints) {
        best = value;
        bestPoints = p;
      }
    }
  }
  return best;
}

/** Values that earn every point: all yes, every ratio at 100%, best options, early dates. */
export function perfectValues(set: CompiledSet, groupId: string, year: number): Record<string, unknown> {
  const group = set.groupsById.get(groupId)!;
  const values: Record<string, unknown> = {};
  for (const f of group.fields) {
    switch (f.type) {
      case 'boolean':
        values[f.key] = true;
        break;
      case 'integer':
      case 'decimal':
        values[f.key] = f.key === 'report_year' ? year : Math.min(f.max ?? 10, Math.max(f.min ?? 0, 10));
        break;
      case 'enum':
        values[f.key] = bestOption(group, f);
        break;
      case 'date':
        values[f.key] = `${year}-01-15`;
        break;
      case 'text':
        values[f.key] = 'Ghi chú';
        break;
      case 'url':
        values[f.key] = 'https://stttt.caobang.gov.vn';
        break;
    }
  }
  return values;
}

/** An arbitrary value within a field's declared type and range (or absent when optional). */
export function arbitraryValue(f: Field, year: number): fc.Arbitrary<unknown> {
  const lo = f.min ?? 0;
  const hi = f.max ?? Math.max(lo, 2000);
  let a: fc.Arbitrary<unknown>;
  switch (f.type) {
    case 'boolean':
      a = fc.boolean();
      break;
    case 'integer':
      a =
        f.key === 'report_year'
          ? fc.constant(year)
          : fc.integer({ min: Math.ceil(lo), max: Math.floor(Math.min(hi, lo + 3000)) });
      break;
    case 'decimal':
      a = fc
        .integer({ min: Math.ceil(lo * 100), max: Math.floor(Math.min(hi, lo + 3000) * 100) })
        .map((h) => h / 100);
      break;
    case 'enum':
      a = fc.constantFrom(...f.options!.map((o) => o.value));
      break;
    case 'date':
      a = fc
        .integer({ min: 0, max: 729 })
        .map((d) => new Date(Date.UTC(year - 1, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
      break;
    case 'text':
      a = fc.string({ maxLength: 20 });
      break;
    case 'url':
      a = fc.constantFrom('https://stttt.caobang.gov.vn', 'http://example.org');
      break;
  }
  return f.required ? a : fc.option(a, { nil: undefined });
}

/** Arbitrary values for every field of a group. */
export function arbitraryValues(set: CompiledSet, groupId: string, year: number): fc.Arbitrary<Values> {
  const group = set.groupsById.get(groupId)!;
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of group.fields) shape[f.key] = arbitraryValue(f, year);
  return fc
    .record(shape)
    .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
}

/** Arbitrary website checks (monitoring fields only), possibly none. */
export function arbitraryChecks(
  set: CompiledSet,
  groupId: string,
  year: number,
): fc.Arbitrary<WebsiteCheck[]> {
  const group = set.groupsById.get(groupId)!;
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of group.fields)
    if (f.source === 'monitoring') shape[f.key] = fc.option(arbitraryValue(f, year), { nil: undefined });
  const check = fc
    .record(shape)
    .map((r) => ({ values: Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) }));
  return fc.array(check, { maxLength: 4 });
}

/** Any subset of the group's criteria that allow "not applicable". */
export function arbitraryNa(set: CompiledSet, groupId: string): fc.Arbitrary<string[]> {
  const ids = set.groupsById
    .get(groupId)!
    .criteria.filter((k) => k.naAllowed)
    .map((k) => k.id);
  return fc.subarray(ids);
}

let counter = 0;

/** An agency that submitted on time, with perfect values unless overridden. */
export function buildAgency(
  set: CompiledSet,
  overrides: Partial<AgencyData> & { group: string },
  year = 2017,
): AgencyData {
  counter++;
  return {
    code: overrides.code ?? `A${String(counter).padStart(4, '0')}`,
    name: overrides.name,
    group: overrides.group,
    submittedAt: overrides.submittedAt === undefined ? Date.UTC(year, 9, 15) : overrides.submittedAt,
    values: overrides.values ?? perfectValues(set, overrides.group, year),
    notApplicable: overrides.notApplicable ?? [],
    websiteChecks: overrides.websiteChecks ?? [],
    previousValues: overrides.previousValues,
  };
}
