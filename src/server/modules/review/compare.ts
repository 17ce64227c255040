/**
 * Self-assessment against the official result, criterion by criterion (R12), with the reason of
 * every difference in plain words, derived from the data: the department's corrections of the
 * fields a criterion reads, its reviewer marks, and its decisions on "not applicable" claims. Both
 * sides are scored by the core (`scoreAgency` with explanations); nothing here computes a point.
 */
import type { CompiledCriterion, CompiledGroup, CompiledSet } from '../../../core/criteria/compile.ts';
import type { Field } from '../../../core/criteria/schema.ts';
import { formatDate, formatNumber, formatPoints, pick } from '../../../core/format.ts';
import { formulaFields } from '../../../core/formula/registry.ts';
import { points } from '../../../core/interchange.ts';
import { type AgencyScore, scoreAgency } from '../../../core/scoring/score.ts';
import {
  type SelfInput,
  scoreSelf,
  type WebsiteSource,
  websiteSourceText,
} from '../../../core/scoring/self.ts';
import type { AgencyData, Lang, Text, Values, WebsiteCheck } from '../../../core/types.ts';
import { canonicalJson } from '../../platform/canonical.ts';
import type {
  Comparison,
  CriterionComparison,
  DifferenceReason,
  SideScore,
  TotalsView,
} from './review.schema.ts';

/** The same value (numbers, booleans, strings, or absent/null). */
export const sameValue = (a: unknown, b: unknown): boolean =>
  canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** A field's value as a person reads it: "có", "12,5", "31/03/2017", an option's label, "(để trống)". */
export function displayValue(field: Field | undefined, value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return lang === 'vi' ? '(để trống)' : '(blank)';
  if (typeof value === 'boolean')
    return value ? (lang === 'vi' ? 'có' : 'yes') : lang === 'vi' ? 'không' : 'no';
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof value === 'string') {
    if (field?.type === 'date') return formatDate(value);
    if (field?.type === 'enum') {
      const option = field.options?.find((o) => o.value === value);
      if (option) return pick(option.label, lang);
    }
    return `"${[...value].length > 60 ? `${[...value].slice(0, 57).join('')}…` : value}"`;
  }
  return JSON.stringify(value);
}

export const fieldLabel = (field: Field | undefined, key: string, lang: Lang): string =>
  field ? pick(field.shortLabel ?? field.label, lang) : key;

/** Every field a criterion reads: its form inputs, its formula's fields (derived ones as their parts) and its category's gate. */
export function criterionFields(set: CompiledSet, group: CompiledGroup, k: CompiledCriterion): string[] {
  const out: string[] = [];
  const add = (key: string) => {
    for (const part of set.derived.get(key) ?? [key]) if (!out.includes(part)) out.push(part);
  };
  for (const key of k.def.inputs) add(key);
  for (const key of formulaFields(k.def.formula)) add(key);
  const gate = group.categories[k.categoryIndex]?.gate;
  if (gate) add(gate);
  return out;
}

/** What the department set on one field, as the comparison needs it. */
export interface FieldReview {
  readonly kind: 'correction' | 'reviewer';
  readonly reason: string | null;
  /** The date of the field survey the value came from, YYYY-MM-DD. */
  readonly surveyDate: string | null;
}

export interface ClaimState {
  readonly criterionId: string;
  readonly status: 'claimed' | 'confirmed' | 'rejected';
  readonly decisionNote: string | null;
}

const score = (set: CompiledSet, data: AgencyData, year: number): AgencyScore =>
  scoreAgency(
    set,
    {
      group: data.group,
      values: data.values,
      notApplicable: data.notApplicable,
      websiteChecks: data.websiteChecks,
    },
    year,
    {
      explain: true,
    },
  );

const totals = (set: CompiledSet, s: AgencyScore): TotalsView => ({
  total: points(s.total),
  classId: s.classId,
  classLabel: set.bands.find((b) => b.id === s.classId)?.label ?? { vi: s.classId },
  categories: s.categories.map((c) => ({
    id: c.id,
    name: c.name,
    points: points(c.points),
    max: points(c.max),
  })),
});

/** Why one field's official value differs from the agency's, in both languages. */
function fieldReason(
  field: Field | undefined,
  key: string,
  from: unknown,
  to: unknown,
  review: FieldReview,
): DifferenceReason {
  const text = (lang: Lang) => {
    const label = fieldLabel(field, key, lang);
    const change = `${displayValue(field, from, lang)} → ${displayValue(field, to, lang)}`;
    const survey = review.surveyDate
      ? lang === 'vi'
        ? ` (theo khảo sát thực tế ngày ${formatDate(review.surveyDate)})`
        : ` (from the field survey of ${formatDate(review.surveyDate)})`
      : '';
    const why = review.reason
      ? lang === 'vi'
        ? `. Lý do: ${review.reason}`
        : `. Reason: ${review.reason}`
      : '';
    if (review.kind === 'reviewer')
      return lang === 'vi'
        ? `Sở TT&TT chấm "${label}": ${displayValue(field, to, lang)}${survey}${why}`
        : `The department set "${label}": ${displayValue(field, to, lang)}${survey}${why}`;
    return lang === 'vi'
      ? `Sở TT&TT điều chỉnh "${label}": ${change}${survey}${why}`
      : `The department corrected "${label}": ${change}${survey}${why}`;
  };
  return {
    kind: review.kind === 'reviewer' ? 'reviewer_mark' : 'correction',
    fieldKey: key,
    text: { vi: text('vi'), en: text('en') },
  };
}

function claimReason(claim: ClaimState): DifferenceReason | null {
  if (claim.status === 'rejected') {
    const note = claim.decisionNote ? ` Lý do: ${claim.decisionNote}` : '';
    const noteEn = claim.decisionNote ? ` Reason: ${claim.decisionNote}` : '';
    return {
      kind: 'na_rejected',
      text: {
        vi: `Sở TT&TT không chấp nhận đề nghị "không áp dụng" của cơ quan, nên điểm chính thức tính theo số liệu.${note}`,
        en: `The department rejected the agency's "not applicable" claim, so the official score follows the values.${noteEn}`,
      },
    };
  }
  if (claim.status === 'claimed')
    return {
      kind: 'na_pending',
      text: {
        vi: 'Đề nghị "không áp dụng" của cơ quan đang chờ Sở TT&TT xác nhận, nên điểm chính thức tạm tính theo số liệu',
        en: 'The agency\'s "not applicable" claim awaits the department\'s decision, so the official score follows the values for now',
      },
    };
  return null;
}

/** The agency's own N/A as it claimed it: the core's wording says "confirmed", which only the official side may say. */
function claimedNaText(claim: ClaimState, max: number): Text {
  const state: Text =
    claim.status === 'rejected'
      ? { vi: 'Sở TT&TT đã từ chối', en: 'rejected by the department' }
      : { vi: 'chờ Sở TT&TT xác nhận', en: "awaiting the department's decision" };
  return {
    vi: `Cơ quan đề nghị không áp dụng (${state.vi}) → tự tính điểm tối đa ${formatPoints(max, 'vi')} điểm`,
    en: `The agency claimed not applicable (${state.en}) → self-scored full ${formatPoints(max, 'en')} points`,
  };
}

/** Why a monitored criterion differs: the self-score's website source against the mean of the year's checks. */
function websiteReason(source: WebsiteSource, check: WebsiteCheck | null, checks: number): DifferenceReason {
  const where = websiteSourceText(source, check);
  return {
    kind: 'website',
    text: {
      vi: `Điểm tự chấm: ${where.vi}; điểm chính thức là trung bình ${checks} lần kiểm tra trang TTĐT trong năm của Sở TT&TT`,
      en: `Self-score: ${where.en ?? where.vi}; the official score is the mean of the department's ${checks} website check(s) of the year`,
    },
  };
}

/**
 * Scores both views with explanations and lists, per criterion, the reasons the official view may
 * differ: changed fields it reads, and its N/A claim when the decision sets the views apart.
 */
export function compare(input: {
  set: CompiledSet;
  year: number;
  self: SelfInput;
  official: AgencyData;
  reviews: ReadonlyMap<string, FieldReview>;
  claims: readonly ClaimState[];
}): Comparison {
  const { set, year } = input;
  const group = set.groupsById.get(input.self.group)!;
  const selfScore = scoreSelf(set, input.self, year, { explain: true });
  const officialScore = score(set, input.official, year);
  const agencyValues: Values = input.self.values;
  const officialValues: Values = input.official.values;
  const selfById = new Map(selfScore.criteria.map((c) => [c.id, c]));
  const officialById = new Map(officialScore.criteria.map((c) => [c.id, c]));

  const criteria = group.criteria.map((k): CriterionComparison => {
    const s = selfById.get(k.id)!;
    const o = officialById.get(k.id)!;
    const reasons: DifferenceReason[] = [];
    const fields = criterionFields(set, group, k);
    for (const key of fields) {
      const review = input.reviews.get(key);
      if (!review || sameValue(agencyValues[key], officialValues[key])) continue;
      reasons.push(
        fieldReason(group.fieldsByKey.get(key), key, agencyValues[key], officialValues[key], review),
      );
    }
    const claim = k.naAllowed ? input.claims.find((c) => c.criterionId === k.id) : undefined;
    const claimWhy = claim ? claimReason(claim) : null;
    if (claimWhy) reasons.unshift(claimWhy);
    const source = selfScore.websiteSources.get(k.id);
    if (
      source !== undefined &&
      s.points !== o.points &&
      s.basis !== 'not_applicable' &&
      o.basis !== 'not_applicable'
    )
      reasons.push(websiteReason(source, selfScore.websiteCheck, input.official.websiteChecks.length));
    const side = (c: typeof s): SideScore => ({
      points: points(c.points),
      basis: c.basis,
      explanation: c.explanation ?? { vi: '' },
    });
    const self = side(s);
    const selfSide =
      claim && claim.status !== 'confirmed' && s.basis === 'not_applicable'
        ? { ...self, explanation: claimedNaText(claim, s.max) }
        : self;
    return {
      id: k.id,
      name: k.def.name,
      categoryId: group.categories[k.categoryIndex]!.id,
      max: points(k.maxHundredths),
      fields,
      self: selfSide,
      official: side(o),
      difference: points(o.points - s.points),
      reasons,
    };
  });
  return {
    self: totals(set, selfScore),
    official: totals(set, officialScore),
    difference: points(officialScore.total - selfScore.total),
    criteria,
  };
}
