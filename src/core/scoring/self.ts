/**
 * The self-score (R12), as interchange.md "The self-score" defines it, ONE function for every
 * screen and download: the form's live score in the browser, the receipt, the review page's
 * "Tự đánh giá", the progress board and the result's downloads all call `scoreSelf`.
 *
 * - the agency's own values; the department's reviewer marks are no part of it;
 * - every "not applicable" claim the agency made counts, whatever the department decided later
 *   (the difference is then explained by the decision, never hidden);
 * - the fields of its website (source `monitoring`): what the agency states about its own portal,
 *   and where it states nothing, the values of the latest website check; each monitored criterion
 *   says in its explanation which of the two it used, so a category is never shown as 0 merely
 *   because its inputs are someone else's.
 */
import type { CompiledGroup, CompiledSet } from '../criteria/compile.ts';
import { formatPoints } from '../format.ts';
import type { Text, Values, WebsiteCheck } from '../types.ts';
import { type AgencyScore, type CriterionScore, type ScoreOptions, scoreAgency } from './score.ts';

export interface SelfInput {
  readonly group: string;
  /** The agency's own values, as its form holds them. */
  readonly values: Values;
  /** Every criterion the agency claimed as not applicable (pending, confirmed or rejected). */
  readonly claimed: Iterable<string>;
  /**
   * The department's decision on each claim, for the words of its explanation only (the
   * self-score counts every claim): a pending claim reads "đang chờ Sở quyết định", never
   * "đã được xác nhận".
   */
  readonly claimStatuses?: ReadonlyMap<string, ClaimStatus> | undefined;
  /** What the agency states about the fields of its website it does not enter on its form. */
  readonly stated?: Values | undefined;
  /** The department's website checks of the agency; the latest is used. */
  readonly websiteChecks?: readonly WebsiteCheck[] | undefined;
}

/** The state of a "not applicable" claim: pending, confirmed or rejected by the department. */
export type ClaimStatus = 'claimed' | 'confirmed' | 'rejected';

/** The explanation of a claimed criterion's self-score, worded by the claim's state. */
export function claimText(status: ClaimStatus | undefined, max: number): Text {
  const vi = formatPoints(max, 'vi');
  const en = formatPoints(max, 'en');
  switch (status) {
    case 'confirmed':
      return {
        vi: `Cơ quan khai không áp dụng, Sở TT&TT đã xác nhận → điểm tối đa ${vi} điểm`,
        en: `Claimed not applicable, confirmed by the department → full ${en} points`,
      };
    case 'rejected':
      return {
        vi: `Cơ quan khai không áp dụng, Sở TT&TT không chấp nhận; điểm tự chấm vẫn tính điểm tối đa ${vi} điểm`,
        en: `Claimed not applicable, rejected by the department; the self-score still counts the full ${en} points`,
      };
    default:
      return {
        vi: `Cơ quan khai không áp dụng, đang chờ Sở quyết định → tự chấm điểm tối đa ${vi} điểm`,
        en: `Claimed not applicable, awaiting the department's decision → full ${en} points in the self-score`,
      };
  }
}

/** Where a monitored criterion's self-score comes from. */
export type WebsiteSource = 'stated' | 'check' | 'stated_and_check' | 'none';

export interface SelfScore extends AgencyScore {
  /** The website check used for what the agency did not state, or null when there is none. */
  readonly websiteCheck: WebsiteCheck | null;
  /** Monitored criterion id → where its values come from. */
  readonly websiteSources: ReadonlyMap<string, WebsiteSource>;
}

/** The latest check (by `checkedAt`; the last one given among equals or undated ones). */
export function latestCheck(checks: readonly WebsiteCheck[] | undefined): WebsiteCheck | null {
  let latest: WebsiteCheck | null = null;
  for (const c of checks ?? [])
    if (
      latest === null ||
      (c.checkedAt ?? Number.NEGATIVE_INFINITY) >= (latest.checkedAt ?? Number.NEGATIVE_INFINITY)
    )
      latest = c;
  return latest;
}

const given = (v: unknown) => v !== undefined && v !== null;

/** The values the self-score is computed on (see the module comment). */
export function selfValues(group: CompiledGroup, input: SelfInput, check: WebsiteCheck | null): Values {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input.values)) {
    const f = group.fieldsByKey.get(key);
    // A reviewer mark or a monitoring value in the agency's own values is not its statement.
    if (f === undefined || f.source === 'agency') out[key] = value;
  }
  for (const f of group.fields) {
    if (f.source !== 'monitoring') continue;
    const stated = input.stated?.[f.key];
    if (given(stated)) out[f.key] = stated;
    else if (check && given(check.values[f.key])) out[f.key] = check.values[f.key];
  }
  return out;
}

/**
 * A form's stored values split in two: the agency's own fields, and what it states about its
 * website (the fields of source `monitoring`, which the form keeps beside its own). Every reader
 * of a submission splits here, so that the official view never takes the agency's word for the
 * website, and the self-score takes it as `SelfInput.stated`.
 */
export function splitStated(
  group: CompiledGroup,
  values: Values,
): { readonly own: Values; readonly stated: Values } {
  const own: Record<string, unknown> = {};
  const stated: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (group.fieldsByKey.get(key)?.source === 'monitoring') {
      if (given(value)) stated[key] = value;
    } else own[key] = value;
  }
  return { own, stated };
}

/** The monitoring fields a criterion reads, its category's gate included. */
function monitoringInputs(group: CompiledGroup, id: string): string[] {
  const k = group.criteriaById.get(id)!;
  const gate = group.categories[k.categoryIndex]!.gate;
  const keys = gate ? [gate, ...k.def.inputs] : k.def.inputs;
  return [...new Set(keys)].filter((key) => group.fieldsByKey.get(key)?.source === 'monitoring');
}

function sourceOf(
  keys: readonly string[],
  stated: Values | undefined,
  check: WebsiteCheck | null,
): WebsiteSource {
  const fromAgency = keys.filter((key) => given(stated?.[key])).length;
  if (fromAgency === keys.length && keys.length > 0) return 'stated';
  if (check === null) return fromAgency > 0 ? 'stated' : 'none';
  return fromAgency > 0 ? 'stated_and_check' : 'check';
}

/** "15/09/2017" in Vietnam time. */
function dayVn(ms: number | undefined): string {
  if (ms === undefined) return '';
  const d = new Date(ms + 7 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** The words that say where a monitored criterion's self-score comes from. */
export function websiteSourceText(source: WebsiteSource, check: WebsiteCheck | null): Text {
  const day = dayVn(check?.checkedAt);
  const on = { vi: day ? ` ngày ${day}` : '', en: day ? ` of ${day}` : '' };
  switch (source) {
    case 'stated':
      return {
        vi: 'theo cơ quan tự đánh giá trang TTĐT',
        en: "by the agency's own assessment of its website",
      };
    case 'check':
      return {
        vi: `cơ quan chưa tự đánh giá, lấy theo lần kiểm tra trang TTĐT gần nhất của Sở TT&TT${on.vi}`,
        en: `not assessed by the agency: from the department's latest website check${on.en}`,
      };
    case 'stated_and_check':
      return {
        vi: `theo cơ quan tự đánh giá; phần cơ quan chưa nêu lấy theo lần kiểm tra trang TTĐT gần nhất${on.vi}`,
        en: `by the agency's own assessment; what it did not state from the latest website check${on.en}`,
      };
    case 'none':
      return {
        vi: 'chưa có lần kiểm tra trang TTĐT nào và cơ quan chưa tự đánh giá',
        en: 'no website check yet and no assessment by the agency',
      };
  }
}

/**
 * The self-score of one agency of `year` (R12): the same `scoreAgency` as the official score, on
 * the agency's own values, claims and website as above. With `explain`, each monitored
 * criterion's explanation ends with where its values come from.
 */
export function scoreSelf(
  set: CompiledSet,
  input: SelfInput,
  year: number,
  options: ScoreOptions = {},
): SelfScore {
  const group = set.groupsById.get(input.group);
  if (!group) throw new RangeError(`unknown group: ${input.group}`);
  const check = latestCheck(input.websiteChecks);
  const score = scoreAgency(
    set,
    { group: input.group, values: selfValues(group, input, check), notApplicable: input.claimed },
    year,
    options,
  );
  const sources = new Map<string, WebsiteSource>();
  for (const k of group.criteria)
    if (k.monitored) sources.set(k.id, sourceOf(monitoringInputs(group, k.id), input.stated, check));
  const criteria =
    options.explain === true
      ? score.criteria.map((c): CriterionScore => {
          if (c.basis === 'not_applicable')
            return { ...c, explanation: claimText(input.claimStatuses?.get(c.id), c.max) };
          const source = sources.get(c.id);
          if (source === undefined || !c.explanation) return c;
          const where = websiteSourceText(source, check);
          if (source === 'none')
            return {
              ...c,
              explanation: {
                vi: `${capital(where.vi)} → 0 điểm`,
                en: `${capital(where.en ?? where.vi)} → 0 points`,
              },
            };
          return {
            ...c,
            explanation: {
              vi: `${c.explanation.vi} (${where.vi})`,
              en: `${c.explanation.en ?? c.explanation.vi} (${where.en})`,
            },
          };
        })
      : score.criteria;
  return { ...score, criteria, websiteCheck: check, websiteSources: sources };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * One sentence on where the website part of a self-score comes from, for the score's summary
 * (the form's panel, the receipt), or null when the group has no monitored criterion.
 */
export function websiteNote(score: SelfScore): Text | null {
  const sources = [...new Set(score.websiteSources.values())];
  if (sources.length === 0) return null;
  const source: WebsiteSource = sources.length === 1 ? sources[0]! : 'stated_and_check';
  const where = websiteSourceText(source, score.websiteCheck);
  return {
    vi: `Tiêu chí chấm qua trang TTĐT: ${where.vi}.`,
    en: `Criteria scored on the website: ${where.en ?? where.vi}.`,
  };
}

/**
 * Whether a category is scored only on the website and has neither a check nor the agency's own
 * assessment yet: its points are then not a 0 to show, but inputs still to come.
 */
export function awaitingWebsite(score: SelfScore, categoryId: string): boolean {
  const ids = score.criteria.filter((k) => k.categoryId === categoryId).map((k) => k.id);
  return ids.length > 0 && ids.every((id) => score.websiteSources.get(id) === 'none');
}
