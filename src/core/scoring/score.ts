/**
 * The score of one agency, criterion by criterion, exactly as interchange.md defines it:
 * confirmed N/A first (R4), then website checks averaged (R5), then the category gate, then
 * the formula; each criterion rounded half up to 0.01 once; categories and total add the
 * rounded criteria. The same function gives the live self-score and the official score.
 */
import type { CompiledCriterion, CompiledGroup, CompiledSet } from '../criteria/compile.ts';
import * as X from '../exact.ts';
import { formatPoints, formatQ, pick } from '../format.ts';
import type { Text, Values, WebsiteCheck } from '../types.ts';
import { type FastFormula, fastFormulas } from './fast.ts';
import { EvalContext, evaluate } from './formula.ts';

/** Why a criterion has its score. */
export type ScoreBasis = 'formula' | 'not_applicable' | 'gate_closed' | 'website_checks';

export interface CriterionScore {
  readonly id: string;
  readonly categoryId: string;
  /** Rounded score in whole hundredths of a point (475 = 4,75). */
  readonly points: number;
  readonly max: number;
  readonly basis: ScoreBasis;
  /** Unrounded score of each website check, in check order, when the basis is website_checks. */
  readonly checkScores?: readonly X.Q[];
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

const NO_CHECKS: readonly EvalContext[] = [];
/** Bound once: see scoring/fast.ts on tsx's getters. */
const { roundHundredths, ZERO } = X;

/**
 * What bulk scoring (no explanations) of one criterion reuses from agency to agency: its
 * precompiled formula, and its results. A result without explanation or website checks is
 * fully determined by the criterion, its basis and its points, and results are read-only, so
 * every agency with the same points shares one frozen object: 10,000 agencies make a few
 * thousand result objects instead of over a million, which is most of the garbage collector's
 * work saved. (Frozen, so that a caller who tried to change one would fail loudly.)
 */
interface CriterionPlan {
  readonly fast: FastFormula;
  /** Formula results by points (0…max), made on first use. */
  readonly byPoints: (CriterionScore | undefined)[];
  notApplicable: CriterionScore | undefined;
  gateClosed: CriterionScore | undefined;
}

const plans = new WeakMap<CompiledGroup, readonly CriterionPlan[]>();

function plansOf(set: CompiledSet, group: CompiledGroup): readonly CriterionPlan[] {
  let p = plans.get(group);
  if (!p) {
    const fast = fastFormulas(group, set.derived);
    p = group.criteria.map(
      (k, i): CriterionPlan => ({
        fast: fast[i]!,
        byPoints: new Array(Math.max(0, k.maxHundredths) + 1),
        notApplicable: undefined,
        gateClosed: undefined,
      }),
    );
    plans.set(group, p);
  }
  return p;
}

/** The shared formula result of `points`, for points within 0…max (others are made afresh). */
function formulaResult(plan: CriterionPlan, id: string, categoryId: string, max: number, points: number) {
  if (!(points >= 0 && points <= max)) return { id, categoryId, max, points, basis: 'formula' as const };
  let shared = plan.byPoints[points];
  if (shared === undefined) {
    shared = Object.freeze({ id, categoryId, max, points, basis: 'formula' as const });
    plan.byPoints[points] = shared;
  }
  return shared;
}
const NO_IDS: readonly string[] = [];

/** The class (R6) of a total in hundredths. */
export function classOf(set: CompiledSet, total: number): string {
  for (const b of set.bands) if (total >= b.minHundredths) return b.id;
  return set.bands[set.bands.length - 1]!.id;
}

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
  const explain = options.explain === true;
  const values = input.values;
  const ctx = new EvalContext(values, null, set.derived, year, explain, group.fieldsByKey);
  // Confirmed N/A claims are a handful at most: a list to search, not a set built per agency.
  const naIn = input.notApplicable ?? NO_IDS;
  const na: readonly string[] = Array.isArray(naIn) ? naIn : [...naIn];
  const anyNa = na.length > 0;
  // Without explanations, formulas run through their precompiled form (scoring/fast.ts).
  const plan = explain ? null : plansOf(set, group);
  const checks = input.websiteChecks ?? [];
  const checkCtxs =
    checks.length === 0
      ? NO_CHECKS
      : checks.map((c) => new EvalContext(values, c.values, set.derived, year, explain, group.fieldsByKey));

  const categories = group.categories;
  const all = group.criteria;
  const criteria: CriterionScore[] = new Array(all.length);
  const catPoints = new Array<number>(categories.length).fill(0);
  for (let i = 0; i < all.length; i++) {
    const k = all[i]!;
    const category = categories[k.categoryIndex]!;
    // Only a criterion that allows N/A can be scored as N/A: the others skip the set lookup.
    const s = scoreCriterion(
      k,
      category.id,
      category.gate,
      anyNa && k.naAllowed && na.includes(k.id),
      ctx,
      checkCtxs,
      plan === null ? null : plan[i]!,
    );
    criteria[i] = s;
    catPoints[k.categoryIndex]! += s.points;
  }
  let total = 0;
  const categoryScores: CategoryScore[] = new Array(categories.length);
  for (let i = 0; i < categories.length; i++) {
    const c = categories[i]!;
    const points = catPoints[i]!;
    categoryScores[i] = { id: c.id, name: c.name, points, max: c.maxHundredths };
    total += points;
  }
  return { group: group.id, total, classId: classOf(set, total), categories: categoryScores, criteria };
}

function scoreCriterion(
  k: CompiledCriterion,
  categoryId: string,
  gate: string | undefined,
  confirmedNa: boolean,
  ctx: EvalContext,
  checkCtxs: readonly EvalContext[],
  plan: CriterionPlan | null,
): CriterionScore {
  const fast = plan === null ? null : plan.fast;
  // Each result is one object literal with its keys in a fixed order (id, categoryId, max, points,
  // basis, then checkScores and explanation only when present): no spreads, no throw-away `base`
  // object, so bulk scoring allocates one object per criterion and keeps a single object shape.
  const id = k.id;
  const max = k.maxHundredths;

  if (confirmedNa && k.naAllowed) {
    if (plan !== null) {
      plan.notApplicable ??= Object.freeze({ id, categoryId, max, points: max, basis: 'not_applicable' });
      return plan.notApplicable;
    }
    return {
      id,
      categoryId,
      max,
      points: max,
      basis: 'not_applicable',
      explanation: {
        vi: `Không áp dụng (đã được xác nhận) → điểm tối đa ${formatPoints(max, 'vi')} điểm`,
        en: `Not applicable (confirmed) → full ${formatPoints(max, 'en')} points`,
      },
    };
  }

  if (k.monitored && checkCtxs.length > 0) {
    const count = checkCtxs.length;
    const checkScores = new Array<X.Q>(count);
    for (let i = 0; i < count; i++) checkScores[i] = gatedValue(k, gate, checkCtxs[i]!, fast);
    const mean = X.mean(checkScores);
    const points = roundHundredths(mean);
    if (!ctx.explain) return { id, categoryId, max, points, basis: 'website_checks', checkScores };
    const list = (lang: 'vi' | 'en') => checkScores.map((s) => formatQ(s, lang)).join(' + ');
    const detail = (lang: 'vi' | 'en') =>
      checkCtxs.map((c, i) => `${i + 1}) ${lang === 'vi' ? c.vi : c.en}`).join('; ');
    return {
      id,
      categoryId,
      max,
      points,
      basis: 'website_checks',
      checkScores,
      explanation: {
        vi: `${finish(
          `Trung bình ${count} lần kiểm tra trang TTĐT: (${list('vi')}) / ${count}`,
          mean,
          points,
          'vi',
        )} — ${detail('vi')}`,
        en: `${finish(`Mean of ${count} website checks: (${list('en')}) / ${count}`, mean, points, 'en')} — ${detail('en')}`,
      },
    };
  }

  if (gate !== undefined && !ctx.gateOpen(gate)) {
    if (plan !== null) {
      plan.gateClosed ??= Object.freeze({ id, categoryId, max, points: 0, basis: 'gate_closed' });
      return plan.gateClosed;
    }
    return { id, categoryId, max, points: 0, basis: 'gate_closed', explanation: gateText(ctx, gate) };
  }
  const exact = (fast === null ? null : fast(ctx.values, null, ctx.year)) ?? evaluate(k.node, ctx);
  const points = roundHundredths(exact);
  if (plan !== null) return formulaResult(plan, id, categoryId, max, points);
  return {
    id,
    categoryId,
    max,
    points,
    basis: 'formula',
    explanation: { vi: finish(ctx.vi, exact, points, 'vi'), en: finish(ctx.en, exact, points, 'en') },
  };
}

/** One website check's unrounded score of a monitored criterion, gate included. */
function gatedValue(
  k: CompiledCriterion,
  gate: string | undefined,
  c: EvalContext,
  fast: FastFormula | null,
): X.Q {
  if (gate !== undefined && !c.gateOpen(gate)) {
    if (c.explain) {
      const t = gateText(c, gate);
      c.vi = t.vi;
      c.en = t.en ?? t.vi;
    }
    return ZERO;
  }
  return (fast === null ? null : fast(c.values, c.overlay, c.year)) ?? evaluate(k.node, c);
}

function gateText(ctx: EvalContext, gate: string): Text {
  const f = ctx.fields.get(gate);
  return {
    vi: `${f ? pick(f.shortLabel ?? f.label, 'vi') : gate}: không → cả hạng mục 0 điểm`,
    en: `${f ? pick(f.shortLabel ?? f.label, 'en') : gate}: no → the whole category scores 0 points`,
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
