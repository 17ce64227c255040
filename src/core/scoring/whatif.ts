/**
 * "What would raise this score": the advice the agency reads beside its live self-score (the
 * form's what-if panel) and on its published result. For every criterion the points it could
 * still gain (max − points) and that gain per unit of effort, the effort being the criterion's
 * `effort` in the criteria set (1 when the set says nothing, so that gain per unit of effort is
 * then simply the points to gain); and, for the next class up, how many points are missing and
 * the cheapest criteria that would cover them.
 *
 * Exact throughout: gains are whole hundredths, efforts exact decimals, ratios compared as
 * fractions; nothing here changes a score, it only reads one.
 */
import type { CompiledSet } from '../criteria/compile.ts';
import * as X from '../exact.ts';
import type { Text } from '../types.ts';
import type { AgencyScore } from './score.ts';

/** The effort of a criterion when the criteria set gives none. */
export const DEFAULT_EFFORT = 1;

export interface Gain {
  readonly id: string;
  readonly categoryId: string;
  /** Points now, in hundredths. */
  readonly points: number;
  readonly max: number;
  /** Points still to gain (max − points), in hundredths; always > 0. */
  readonly gain: number;
  /** The criterion's effort (the set's `effort`, or DEFAULT_EFFORT). */
  readonly effort: number;
  /** gain ÷ effort in points, exact. */
  readonly perEffort: X.Q;
  /** gain ÷ effort in hundredths, rounded half up, for display. */
  readonly perEffortHundredths: number;
}

/** A criterion's effort as the set states it, or DEFAULT_EFFORT. */
export function effortOf(set: CompiledSet, group: string, criterionId: string): number {
  const e = set.groupsById.get(group)?.criteriaById.get(criterionId)?.def.effort;
  return e !== undefined && e > 0 ? e : DEFAULT_EFFORT;
}

/**
 * The criteria of `score` that still have points to gain, the largest gain per unit of effort
 * first; equal ratios by the larger gain, then in the set's order. A criterion scored "not
 * applicable" has its maximum and so never appears.
 */
export function gainsByEffort(set: CompiledSet, score: AgencyScore): Gain[] {
  const order = new Map(score.criteria.map((k, i) => [k.id, i]));
  const out: Gain[] = [];
  for (const k of score.criteria) {
    const gain = k.max - k.points;
    if (gain <= 0) continue;
    const effort = effortOf(set, score.group, k.id);
    const perEffort = X.div(X.q(gain, 100), X.fromNumber(effort));
    out.push({
      id: k.id,
      categoryId: k.categoryId,
      points: k.points,
      max: k.max,
      gain,
      effort,
      perEffort,
      perEffortHundredths: X.roundHundredths(perEffort),
    });
  }
  return out.sort(
    (a, b) =>
      X.cmp(b.perEffort, a.perEffort) || b.gain - a.gain || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
}

export interface NextClass {
  readonly id: string;
  readonly label: Text;
  /** The class's lower bound, in hundredths. */
  readonly min: number;
  /** Points missing to reach it (min − total), in hundredths; always > 0. */
  readonly needed: number;
}

/** The lowest class above the one `total` (hundredths) earns, or null at the top class. */
export function nextClass(set: CompiledSet, total: number): NextClass | null {
  let next: NextClass | null = null;
  for (const b of set.bands)
    if (b.minHundredths > total && (next === null || b.minHundredths < next.min))
      next = { id: b.id, label: b.label, min: b.minHundredths, needed: b.minHundredths - total };
  return next;
}

export interface Plan {
  /** Points to find, in hundredths. */
  readonly needed: number;
  /** The criteria to raise, cheapest (largest gain per unit of effort) first. */
  readonly picks: readonly Gain[];
  /** What the picks gain together, in hundredths. */
  readonly gained: number;
  /** Their total effort. */
  readonly effort: X.Q;
  /** Whether raising every pick to its maximum reaches `needed`. */
  readonly reachable: boolean;
}

/**
 * The cheapest criteria that together gain at least `needed` hundredths: taken in the order of
 * `gainsByEffort`, stopping at the first that covers the rest (a greedy choice, which is what a
 * person would do with the list, and near the true optimum when gains are small against the
 * total). When even all of them fall short, all are returned and `reachable` is false.
 */
export function planToReach(gains: readonly Gain[], needed: number): Plan {
  const picks: Gain[] = [];
  let gained = 0;
  let effort: X.Q = X.ZERO;
  for (const g of gains) {
    if (gained >= needed) break;
    picks.push(g);
    gained += g.gain;
    effort = X.add(effort, X.fromNumber(g.effort));
  }
  return { needed: Math.max(0, needed), picks, gained, effort, reachable: gained >= needed };
}

export interface Advice {
  readonly next: NextClass | null;
  readonly plan: Plan | null;
  readonly gains: readonly Gain[];
}

/** Next class, its plan and every gain of one score: what the panels show. */
export function adviceFor(set: CompiledSet, score: AgencyScore): Advice {
  const gains = gainsByEffort(set, score);
  const next = nextClass(set, score.total);
  return { next, plan: next ? planToReach(gains, next.needed) : null, gains };
}
