/**
 * The score of one agency, criterion by criterion, exactly as interchange.md defines it:
 * confirmed N/A first (R4), then website checks averaged (R5), then the category gate, then
 * the formula; each criterion rounded half up to 0.01 once; categories and total add the
 * rounded criteria. The same function gives the live self-score and the official score.
 *
 * Two paths walk those steps: bulk scoring (no explanations) reads the fields from slots and runs
 * the precompiled formulas of scoring/fast.ts, sharing its results between agencies; explained
 * scoring evaluates and explains each formula exactly. fast.test.ts checks that both give the
 * same scores.
 */
import type { CompiledCriterion, CompiledGroup, CompiledSet } from '../criteria/compile.ts';
import * as X from '../exact.ts';
import { formatPoints, formatQ } from '../format.ts';
import type { Explained } from '../formula/operator.ts';
import type { Text, Values, WebsiteCheck } from '../types.ts';
import { type FieldPlan, fieldPlan, fillAgencySlots, fillCheckSlots } from './fast.ts';
import { EvalContext, evaluate, explain } from './formula.ts';

/** Why a criterion has its score. */
export type ScoreBasis = 'formula' | 'not_applicable' | 'gate_closed' | 'website_checks';

export interface CriterionScore {
  readonly id: string;
  readonly categoryId: string;
  /** Rounded score in whole hundredths of a point (475 = 4,75). */
  readonly points: number;
  readonly max: number;
  readonly basis: ScoreBasis;
  /** Present when scored with `explain: true`. */
  readonly explanation?: Text;
}

export interface CategoryScore {
  readonly id: string;
  readonly name: Text;
  readonly points: number;
  readonly max: number;
}

export interface AgencyScore {
  readonly group: string;
  /** Total in whole hundredths. */
  readonly total: number;
  readonly classId: string;
  readonly categories: readonly CategoryScore[];
  readonly criteria: readonly CriterionScore[];
}

export interface ScoreInput {
  readonly group: string;
  readonly values: Values;
  /** Criterion ids with a confirmed N/A claim; ids that do not allow N/A are ignored. */
  readonly notApplicable?: Iterable<string>;
  readonly websiteChecks?: readonly WebsiteCheck[];
}

export interface ScoreOptions {
  /** Build the Vietnamese and English explanation of every criterion. */
  readonly explain?: boolean;
}

/** Bound once rather than read as `X.name` in the loops (see scoring/fast.ts). */
const { mean, roundHundredths, ZERO } = X;

/** A criterion's results without explanation by points (0…max), each made on first use. */
type ByPoints = (CriterionScore | undefined)[];

/**
 * What scoring one group reuses from agency to agency: the slots of its fields, and its results.
 * A result without explanation is fully determined by the criterion, its basis and its points,
 * and results are read-only, so every agency with the same points shares one frozen object:
 * 10,000 agencies make a few thousand result objects instead of half a million, which is most
 * of the garbage collector's work saved. (Frozen, so that a caller who tried to change one
 * would fail loudly.) The same holds for a category's score.
 */
interface GroupPlan {
  readonly fields: FieldPlan;
  /** The agency's slots, and one set per website check: refilled for every agency. */
  readonly slots: unknown[];
  readonly checkSlots: unknown[][];
  readonly formula: readonly ByPoints[];
  readonly website: readonly ByPoints[];
  readonly notApplicable: (CriterionScore | undefined)[];
  readonly gateClosed: (CriterionScore | undefined)[];
  readonly categories: readonly (CategoryScore | undefined)[][];
}

const plans = new WeakMap<CompiledGroup, GroupPlan>();

function planOf(set: CompiledSet, group: CompiledGroup): GroupPlan {
  let plan = plans.get(group);
  if (!plan) {
    const fields = fieldPlan(group, set.derived);
    const perCriterion = () =>
      group.criteria.map((k): ByPoints => new Array(Math.max(0, k.maxHundredths) + 1));
    plan = {
      fields,
      slots: new Array(fields.keys.length),
      checkSlots: [],
      formula: perCriterion(),
      website: perCriterion(),
      notApplicable: new Array(group.criteria.length),
      gateClosed: new Array(group.criteria.length),
      categories: group.categories.map((c) => new Array(Math.max(0, c.maxHundredths) + 1)),
    };
    plans.set(group, plan);
  }
  return plan;
}

/** The shared result of `points` (points within 0…max; others are made afresh). */
function shared(
  cache: ByPoints,
  k: CompiledCriterion,
  categoryId: string,
  basis: ScoreBasis,
  points: number,
) {
  const { id, maxHundredths: max } = k;
  if (!(points >= 0 && points <= max)) return { id, categoryId, max, points, basis };
  let s = cache[points];
  if (s === undefined) {
    s = Object.freeze({ id, categoryId, max, points, basis });
    cache[points] = s;
  }
  return s;
}

/** The class (R6) of a total in hundredths. */
export function classOf(set: CompiledSet, total: number): string {
  for (const b of set.bands) if (total >= b.minHundredths) return b.id;
  return set.bands[set.bands.length - 1]!.id;
}

const NO_IDS: readonly string[] = [];
const NO_CHECKS: readonly WebsiteCheck[] = [];

/**
 * Scores one agency of `year`. The group must exist in the set (input validation checks it).
 * Missing values score 0 for the parts that need them, so an incomplete draft has a live score.
 */
export function scoreAgency(
  set: CompiledSet,
  input: ScoreInput,
  year: number,
  options: ScoreOptions = {},
): AgencyScore {
  const group = set.groupsById.get(input.group);
  if (!group) throw new RangeError(`unknown group: ${input.group}`);
  // Confirmed N/A claims are a handful at most: a list to search, not a set built per agency.
  const naIn = input.notApplicable ?? NO_IDS;
  const na: readonly string[] = Array.isArray(naIn) ? naIn : [...naIn];
  const checks = input.websiteChecks ?? NO_CHECKS;
  const plan = planOf(set, group);
  const criteria =
    options.explain === true
      ? explained(set, group, input.values, na, checks, year)
      : bulk(set, group, plan, input.values, na, checks, year);
  return totals(set, group, plan, criteria);
}

/** Categories and total from the rounded criteria. */
function totals(
  set: CompiledSet,
  group: CompiledGroup,
  plan: GroupPlan,
  criteria: readonly CriterionScore[],
): AgencyScore {
  const categories = group.categories;
  const points = new Array<number>(categories.length).fill(0);
  const all = group.criteria;
  for (let i = 0; i < all.length; i++) points[all[i]!.categoryIndex]! += criteria[i]!.points;
  let total = 0;
  const categoryScores: CategoryScore[] = new Array(categories.length);
  for (let i = 0; i < categories.length; i++) {
    const c = categories[i]!;
    const p = points[i]!;
    const cache = plan.categories[i]!;
    let s = p >= 0 && p <= c.maxHundredths ? cache[p] : undefined;
    if (s === undefined) {
      s = Object.freeze({ id: c.id, name: c.name, points: p, max: c.maxHundredths });
      if (p >= 0 && p <= c.maxHundredths) cache[p] = s;
    }
    categoryScores[i] = s;
    total += p;
  }
  return { group: group.id, total, classId: classOf(set, total), categories: categoryScores, criteria };
}

/** Each criterion's score without explanation, through the precompiled formulas. */
function bulk(
  set: CompiledSet,
  group: CompiledGroup,
  plan: GroupPlan,
  values: Values,
  na: readonly string[],
  checks: readonly WebsiteCheck[],
  year: number,
): CriterionScore[] {
  const { fields, slots } = plan;
  const { formulas, gateSlots } = fields;
  fillAgencySlots(fields, values, slots);
  const anyNa = na.length > 0;
  const checkCount = checks.length;
  let checksFilled = false;
  // The exact evaluator's contexts, made only when a fast formula defers to it.
  let exact: ExactContexts | undefined;
  const categories = group.categories;
  const all = group.criteria;
  const out: CriterionScore[] = new Array(all.length);
  for (let i = 0; i < all.length; i++) {
    const k = all[i]!;
    const categoryId = categories[k.categoryIndex]!.id;
    const gate = gateSlots[k.categoryIndex]!;
    const fast = formulas[i]!;
    // Only a criterion that allows N/A can be scored as N/A: the others skip the search.
    if (anyNa && k.naAllowed && na.includes(k.id)) {
      plan.notApplicable[i] ??= Object.freeze({
        id: k.id,
        categoryId,
        max: k.maxHundredths,
        points: k.maxHundredths,
        basis: 'not_applicable',
      });
      out[i] = plan.notApplicable[i]!;
    } else if (k.monitored && checkCount > 0) {
      if (!checksFilled) {
        fillChecks(plan, checks);
        checksFilled = true;
      }
      const scores = new Array<X.Q>(checkCount);
      for (let c = 0; c < checkCount; c++) {
        const s = plan.checkSlots[c]!;
        if (gate >= 0 && s[gate] !== true) scores[c] = ZERO;
        else {
          const v = fast(s, year);
          if (v !== null) scores[c] = v;
          else {
            if (exact === undefined) exact = new ExactContexts(set, group, values, checks, year);
            scores[c] = evaluate(k.node, exact.check(c));
          }
        }
      }
      out[i] = shared(plan.website[i]!, k, categoryId, 'website_checks', roundHundredths(mean(scores)));
    } else if (gate >= 0 && slots[gate] !== true) {
      plan.gateClosed[i] ??= Object.freeze({
        id: k.id,
        categoryId,
        max: k.maxHundredths,
        points: 0,
        basis: 'gate_closed',
      });
      out[i] = plan.gateClosed[i]!;
    } else {
      let v = fast(slots, year);
      if (v === null) {
        if (exact === undefined) exact = new ExactContexts(set, group, values, checks, year);
        v = evaluate(k.node, exact.agency());
      }
      out[i] = shared(plan.formula[i]!, k, categoryId, 'formula', roundHundredths(v));
    }
  }
  return out;
}

/** Fills the slots of every website check from the agency's (already filled). */
function fillChecks(plan: GroupPlan, checks: readonly WebsiteCheck[]): void {
  for (let c = 0; c < checks.length; c++) {
    let s = plan.checkSlots[c];
    if (s === undefined) {
      s = new Array(plan.fields.keys.length);
      plan.checkSlots[c] = s;
    }
    fillCheckSlots(plan.fields, plan.slots, checks[c]!.values, s);
  }
}

/** The exact evaluator's contexts of one agency, each made when first needed. */
class ExactContexts {
  private own: EvalContext | undefined;
  private readonly checkCtxs: (EvalContext | undefined)[] = [];

  constructor(
    private readonly set: CompiledSet,
    private readonly group: CompiledGroup,
    private readonly values: Values,
    private readonly checks: readonly WebsiteCheck[],
    private readonly year: number,
  ) {}

  private make(overlay: Values | null): EvalContext {
    return new EvalContext(this.values, overlay, this.set.derived, this.year, false, this.group.fieldsByKey);
  }

  agency(): EvalContext {
    if (this.own === undefined) this.own = this.make(null);
    return this.own;
  }

  check(c: number): EvalContext {
    let ctx = this.checkCtxs[c];
    if (ctx === undefined) {
      ctx = this.make(this.checks[c]!.values);
      this.checkCtxs[c] = ctx;
    }
    return ctx;
  }
}

/** Each criterion's score with its explanation, through the exact evaluator. */
function explained(
  set: CompiledSet,
  group: CompiledGroup,
  values: Values,
  na: readonly string[],
  checks: readonly WebsiteCheck[],
  year: number,
): CriterionScore[] {
  const context = (overlay: Values | null) =>
    new EvalContext(values, overlay, set.derived, year, true, group.fieldsByKey);
  const ctx = context(null);
  const checkCtxs = checks.map((c) => context(c.values));
  return group.criteria.map((k): CriterionScore => {
    const category = group.categories[k.categoryIndex]!;
    const base = { id: k.id, categoryId: category.id, max: k.maxHundredths };
    const gate = category.gate;
    const max = k.maxHundredths;

    if (k.naAllowed && na.includes(k.id))
      return {
        ...base,
        points: max,
        basis: 'not_applicable',
        explanation: {
          vi: `Không áp dụng (đã được xác nhận) → điểm tối đa ${formatPoints(max, 'vi')} điểm`,
          en: `Not applicable (confirmed) → full ${formatPoints(max, 'en')} points`,
        },
      };

    if (k.monitored && checkCtxs.length > 0) {
      const count = checkCtxs.length;
      const each = checkCtxs.map(
        (c): Explained =>
          gate !== undefined && c.get(gate) !== true
            ? { value: ZERO, ...gateText(c, gate), bareInSum: false }
            : explain(k.node, c),
      );
      const exact = mean(each.map((e) => e.value));
      const points = roundHundredths(exact);
      const list = (lang: 'vi' | 'en') => each.map((e) => formatQ(e.value, lang)).join(' + ');
      // Each check named by what it was (a confirmed snapshot, a manual check) and its date, when known.
      const named = (i: number, lang: 'vi' | 'en') => {
        const label = checks[i]!.label;
        return label ? `${lang === 'en' ? (label.en ?? label.vi) : label.vi}: ` : '';
      };
      const detail = (lang: 'vi' | 'en') =>
        each.map((e, i) => `${i + 1}) ${named(i, lang)}${e[lang]}`).join('; ');
      return {
        ...base,
        points,
        basis: 'website_checks',
        explanation: {
          vi: `${finish(`Trung bình ${count} lần kiểm tra trang TTĐT: (${list('vi')}) / ${count}`, exact, points, 'vi')} — ${detail('vi')}`,
          en: `${finish(`Mean of ${count} website checks: (${list('en')}) / ${count}`, exact, points, 'en')} — ${detail('en')}`,
        },
      };
    }

    if (gate !== undefined && ctx.get(gate) !== true)
      return { ...base, points: 0, basis: 'gate_closed', explanation: gateText(ctx, gate) };

    const e = explain(k.node, ctx);
    const points = roundHundredths(e.value);
    return {
      ...base,
      points,
      basis: 'formula',
      explanation: { vi: finish(e.vi, e.value, points, 'vi'), en: finish(e.en, e.value, points, 'en') },
    };
  });
}

function gateText(ctx: EvalContext, gate: string): { vi: string; en: string } {
  return {
    vi: `${ctx.label(gate, 'vi')}: không → cả hạng mục 0 điểm`,
    en: `${ctx.label(gate, 'en')}: no → the whole category scores 0 points`,
  };
}

/** Appends the result: "… = 4,75 điểm", or "… = 1,005 ≈ 1,01 điểm" when rounding changed it. */
function finish(text: string, exact: X.Q, points: number, lang: 'vi' | 'en'): string {
  const unit = lang === 'vi' ? 'điểm' : 'points';
  const rounded = formatPoints(points, lang);
  const value = formatQ(exact, lang);
  if (value === rounded)
    return text.endsWith(`→ ${rounded}`) ? `${text} ${unit}` : `${text} = ${rounded} ${unit}`;
  return `${text} = ${value} ≈ ${rounded} ${unit}`;
}
