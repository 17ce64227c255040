/**
 * What changed between two criteria versions (R14), as data the administrator's screen renders:
 * per group the criteria added, removed and changed (maximum, formula, N/A rule, name, category,
 * website monitoring), the categories added, removed or with another maximum; the fields added,
 * removed or changed (type, range, options, source …); the logic checks added, removed or changed.
 * The shapes are the contract's (criteria.schema.ts).
 */
import type {
  Category,
  CriteriaSet,
  Criterion,
  Field,
  Group,
  Text,
  Validation,
} from '../../../core/criteria/schema.ts';
import { canonicalJson } from '../../platform/canonical.ts';
import type {
  CategoryRef,
  Change,
  CriteriaDiff,
  CriterionRef,
  FieldRef,
  GroupDiff,
  ValidationRef,
} from './criteria.schema.ts';

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** The attributes of `keys` whose values differ (undefined reads as null). */
function changesOf<T>(a: T, b: T, keys: readonly [string, (x: T) => unknown][]): Change[] {
  const out: Change[] = [];
  for (const [attribute, get] of keys) {
    const from = get(a) ?? null;
    const to = get(b) ?? null;
    if (!same(from, to)) out.push({ attribute, from, to });
  }
  return out;
}

/** Items of two lists matched by key: only in a, only in b, in both. */
function match<T>(a: readonly T[], b: readonly T[], key: (x: T) => string) {
  const inB = new Map(b.map((x) => [key(x), x]));
  const inA = new Map(a.map((x) => [key(x), x]));
  return {
    removed: a.filter((x) => !inB.has(key(x))),
    added: b.filter((x) => !inA.has(key(x))),
    both: a.filter((x) => inB.has(key(x))).map((x) => [x, inB.get(key(x))!] as const),
  };
}

const CRITERION_KEYS: readonly [string, (c: { c: Criterion; categoryId: string }) => unknown][] = [
  ['name', (x) => x.c.name],
  ['max', (x) => x.c.max],
  ['formula', (x) => x.c.formula],
  ['notApplicable', (x) => x.c.notApplicable],
  ['monitoredOnWebsite', (x) => x.c.monitoredOnWebsite],
  ['category', (x) => x.categoryId],
];

const CATEGORY_KEYS: readonly [string, (c: Category) => unknown][] = [
  ['name', (c) => c.name],
  ['gate', (c) => c.gate],
];

const FIELD_KEYS: readonly [string, (f: Field) => unknown][] = [
  ['type', (f) => f.type],
  ['min', (f) => f.min],
  ['max', (f) => f.max],
  ['options', (f) => f.options?.map((o) => o.value)],
  ['maxLength', (f) => f.maxLength],
  ['pattern', (f) => f.pattern],
  ['required', (f) => f.required],
  ['source', (f) => f.source],
  ['groups', (f) => f.groups],
  ['label', (f) => f.label],
];

const VALIDATION_KEYS: readonly [string, (v: Validation) => unknown][] = [
  ['rule', (v) => v.rule],
  ['builtin', (v) => v.builtin],
  ['severity', (v) => v.severity],
  ['groups', (v) => v.groups],
  ['message', (v) => v.message],
];

const criteriaOf = (g: Group) =>
  g.categories.flatMap((cat) => cat.criteria.map((c) => ({ c, categoryId: cat.id })));
const criterionRef = (x: { c: Criterion; categoryId: string }): CriterionRef => ({
  id: x.c.id,
  name: x.c.name,
  categoryId: x.categoryId,
  max: x.c.max,
});
const categoryRef = (c: Category): CategoryRef => ({ id: c.id, name: c.name, max: c.max });

function diffGroup(a: Group | undefined, b: Group | undefined): GroupDiff {
  const g = (b ?? a)!;
  const cats = match(a?.categories ?? [], b?.categories ?? [], (c) => c.id);
  const crits = match(a ? criteriaOf(a) : [], b ? criteriaOf(b) : [], (x) => x.c.id);
  const categories = {
    added: cats.added.map(categoryRef),
    removed: cats.removed.map(categoryRef),
    maxChanged: cats.both
      .filter(([x, y]) => x.max !== y.max)
      .map(([x, y]) => ({ id: y.id, name: y.name, from: x.max, to: y.max })),
    changed: cats.both
      .map(([x, y]) => ({ id: y.id, name: y.name, changes: changesOf(x, y, CATEGORY_KEYS) }))
      .filter((c) => c.changes.length > 0),
  };
  const criteria = {
    added: crits.added.map(criterionRef),
    removed: crits.removed.map(criterionRef),
    changed: crits.both
      .map(([x, y]) => ({ ...criterionRef(y), changes: changesOf(x, y, CRITERION_KEYS) }))
      .filter((c) => c.changes.length > 0),
  };
  const changes =
    a && b
      ? changesOf(a, b, [['name', (x) => x.name] as const, ['appendix', (x: Group) => x.appendix] as const])
      : [];
  const touched =
    changes.length +
    categories.added.length +
    categories.removed.length +
    categories.maxChanged.length +
    categories.changed.length +
    criteria.added.length +
    criteria.removed.length +
    criteria.changed.length;
  return {
    id: g.id,
    name: g.name,
    status: !a ? 'added' : !b ? 'removed' : touched ? 'changed' : 'unchanged',
    changes,
    categories,
    criteria,
  };
}

type AnyField = Field | { key: string; label: Text; type: 'derived'; sum: string[] };

/** The structured difference from set `a` (older) to set `b` (newer). */
export function compareCriteriaSets(a: CriteriaSet, b: CriteriaSet): CriteriaDiff {
  const set = changesOf(a, b, [
    ['id', (s) => s.id],
    ['version', (s) => s.version],
    ['title', (s) => s.title],
    ['status', (s) => s.status],
    ['decision', (s) => s.decision],
    ['totalMax', (s) => s.totalMax],
  ]);

  const bands = match(a.classes, b.classes, (c) => c.id);
  const classes = {
    added: bands.added.map((c) => ({ id: c.id, label: c.label })),
    removed: bands.removed.map((c) => ({ id: c.id, label: c.label })),
    changed: bands.both
      .map(([x, y]) => ({
        id: y.id,
        label: y.label,
        changes: changesOf(x, y, [
          ['min', (c) => c.min],
          ['below', (c) => c.below],
          ['label', (c) => c.label],
        ]),
      }))
      .filter((c) => c.changes.length > 0),
  };

  const groupIds = [...new Set([...a.groups.map((g) => g.id), ...b.groups.map((g) => g.id)])];
  const groups = groupIds.map((id) =>
    diffGroup(
      a.groups.find((g) => g.id === id),
      b.groups.find((g) => g.id === id),
    ),
  );

  const allFields = (s: CriteriaSet): AnyField[] => [
    ...s.fields,
    ...s.derived.map((d) => ({ key: d.key, label: d.label, type: 'derived' as const, sum: d.sum })),
  ];
  const fieldRef = (f: AnyField): FieldRef => ({ key: f.key, label: f.label, type: f.type });
  const fm = match(allFields(a), allFields(b), (f) => f.key);
  const fieldChanges = (x: AnyField, y: AnyField): Change[] => {
    if (x.type === 'derived' || y.type === 'derived')
      return changesOf(x, y, [
        ['type', (f) => f.type],
        ['sum', (f) => ('sum' in f ? f.sum : undefined)],
        ['label', (f) => f.label],
      ]);
    return changesOf(x as Field, y as Field, FIELD_KEYS);
  };
  const fields = {
    added: fm.added.map(fieldRef),
    removed: fm.removed.map(fieldRef),
    changed: fm.both
      .map(([x, y]) => ({ ...fieldRef(y), changes: fieldChanges(x, y) }))
      .filter((f) => f.changes.length > 0),
  };

  const vm = match(a.validations, b.validations, (v) => v.id);
  const validationRef = (v: Validation): ValidationRef => ({
    id: v.id,
    severity: v.severity,
    message: v.message,
  });
  const validations = {
    added: vm.added.map(validationRef),
    removed: vm.removed.map(validationRef),
    changed: vm.both
      .map(([x, y]) => ({ ...validationRef(y), changes: changesOf(x, y, VALIDATION_KEYS) }))
      .filter((v) => v.changes.length > 0),
  };

  // Identity is the content: descriptive texts (help, formula in words, notes) count too.
  const identical = canonicalJson(a) === canonicalJson(b);
  return { identical, set, classes, groups, fields, validations };
}
