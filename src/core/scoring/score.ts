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
import { type EvalContext, evaluate, type Getter } from './formula.ts';

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

const own = Object.prototype.hasOwnProperty;

function makeContext(
  set: CompiledSet,
  group: CompiledGroup,
  get: Getter,
  year: number,
  explain: boolean,
): EvalContext {
  return { get, derived: set.derived, year, explain, fields: group.fieldsByKey, vi: '', en: '' };
}

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
  const get: Getter = (k) => values[k];
  const ctx = makeContext(set, group, get, year, explain);
  const na = new Set(input.notApplicable ?? []);
  const checks = input.websiteChecks ?? [];
  const checkCtxs = checks.map((c) =>
    makeContext(set, group, (k) => (own.call(c.values, k) ? c.values[k] : values[k]), year, explain),
  );

  const criteria: CriterionScore[] = [];
  const catPoints = new Array<number>(group.categories.length).fill(0);
  for (const k of group.criteria) {
    const category = group.categories[k.categoryIndex]!;
    const s = scoreCriterion(k, category.id, category.gate, na.has(k.id), ctx, checkCtxs);
    criteria.push(s);
    catPoints[k.categoryIndex]! += s.points;
  }
  const categories = group.categories.map((c, i) => ({
    id: c.id,
    name: c.name,
    points: catPoints[i]!,
    max: c.maxHundredths,
  }));
  const total = catPoints.reduce((a, b) => a + b, 0);
  return { group: group.id, total, classId: classOf(set, total), categories, criteria };
}

function scoreCriterion(
  k: CompiledCriterion,
  categoryId: string,
  gate: string | undefined,
  confirmedNa: boolean,
  ctx: EvalContext,
  checkCtxs: readonly EvalContext[],
): CriterionScore {
  const base = { id: k.id, categoryId, max: k.maxHundredths };

  if (confirmedNa && k.naAllowed) {
    const points = k.maxHundredths;
    return {
      ...base,
      points,
      basis: 'not_applicable',
      ...(ctx.explain && {
        explanation: {
          vi: `Không áp dụng (đã được xác nhận) → điểm tối đa ${formatPoints(points, 'vi')} điểm`,
          en: `Not applicable (confirmed) → full ${formatPoints(points, 'en')} points`,
        },
      }),
    };
  }

  if (k.monitored && checkCtxs.length > 0) {
    const checkScores = checkCtxs.map((c) => gatedValue(k, gate, c));
    const mean = X.div(
      checkScores.reduce((a, b) => X.add(a, b), X.ZERO),
      X.q(checkScores.length),
    );
    const points = X.roundHundredths(mean);
    let explanation: Text | undefined;
    if (ctx.explain) {
      const list = (lang: 'vi' | 'en') => checkScores.map((s) => formatQ(s, lang)).join(' + ');
      const detail = (lang: 'vi' | 'en') =>
        checkCtxs.map((c, i) => `${i + 1}) ${lang === 'vi' ? c.vi : c.en}`).join('; ');
      explanation = {
        vi: `${finish(
          `Trung bình ${checkScores.length} lần kiểm tra trang TTĐT: (${list('vi')}) / ${checkScores.length}`,
          mean,
          points,
          'vi',
        )} — ${detail('vi')}`,
        en: `${finish(
          `Mean of ${checkScores.length} website checks: (${list('en')}) / ${checkScores.length}`,
          mean,
          points,
          'en',
        )} — ${detail('en')}`,
      };
    }
    return { ...base, points, basis: 'website_checks', checkScores, ...(explanation && { explanation }) };
  }

  if (gate !== undefined && ctx.get(gate) !== true) {
    return {
      ...base,
      points: 0,
      basis: 'gate_closed',
      ...(ctx.explain && { explanation: gateText(ctx, gate) }),
    };
  }
  const exact = evaluate(k.node, ctx);
  const points = X.roundHundredths(exact);
  return {
    ...base,
    points,
    basis: 'formula',
    ...(ctx.explain && {
      explanation: { vi: finish(ctx.vi, exact, points, 'vi'), en: finish(ctx.en, exact, points, 'en') },
    }),
  };
}

/** One website check's unrounded score of a monitored criterion, gate included. */
function gatedValue(k: CompiledCriterion, gate: string | undefined, c: EvalContext): X.Q {
  if (gate !== undefined && c.get(gate) !== true) {
    if (c.explain) {
      const t = gateText(c, gate);
      c.vi = t.vi;
      c.en = t.en ?? t.vi;
    }
    return X.ZERO;
  }
  return evaluate(k.node, c);
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
