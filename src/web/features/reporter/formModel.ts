/**
 * The data-collection form derived from the criteria set, and the live self-score: the browser
 * compiles the cycle's set once with the same core as the server (src/core), lays its fields out
 * by category and criterion, reads what the user typed into typed values, and scores them.
 */
import { runChecks } from '../../../core/checks/run.ts';
import {
  type CompiledCriterion,
  type CompiledGroup,
  type CompiledSet,
  compileCriteriaSet,
} from '../../../core/criteria/compile.ts';
import type { CriteriaSet, Field } from '../../../core/criteria/schema.ts';
import { checkValue } from '../../../core/input/values.ts';
import { type ClaimStatus, type SelfScore, scoreSelf, splitStated } from '../../../core/scoring/self.ts';
import type { Finding, Text } from '../../../core/types.ts';
import { pick } from '../../i18n/messages.ts';
import { numberInputText, parseNumberInput } from '../../numberInput.ts';

/** A criterion on the form with the fields first shown under it. */
export interface CriterionBlock {
  criterion: CompiledCriterion;
  fields: Field[];
  /** Fields it reads that are shown under an earlier criterion. */
  sharedFields: Field[];
  /**
   * Website fields (source monitoring) first read here: the department checks them on the
   * agency's portal, and the agency may state its own assessment of them (optional).
   */
  websiteFields: Field[];
}

export interface Section {
  id: string;
  name: Text;
  maxHundredths: number;
  gate: Field | undefined;
  /** The category's gate when it is a website field the agency may assess (website_active). */
  websiteGate: Field | undefined;
  blocks: CriterionBlock[];
}

export interface FormLayout {
  set: CriteriaSet;
  compiled: CompiledSet;
  group: CompiledGroup;
  /** Agency fields no criterion lists (the report year, the connection details). */
  general: Field[];
  sections: Section[];
  /** Field key → the criteria that read it, for "feeds criteria 2.1, 2.3". */
  feeds: Map<string, string[]>;
  /** The agency's own fields, in form order. */
  agencyFields: Field[];
  /** Ids of builtin checks that only make sense once the form is submitted. */
  submissionOnlyRules: Set<string>;
}

const compiledSets = new Map<string, CompiledSet>();

/**
 * Compiles a stored set once per version. The server stores the set as its loader returned it
 * (defaults filled), so the browser compiles it without shipping the schema validator.
 */
export function layoutFor(versionId: string, content: unknown, groupId: string): FormLayout {
  const set = content as CriteriaSet;
  let compiled = compiledSets.get(versionId);
  if (!compiled) {
    compiled = compileCriteriaSet(set);
    compiledSets.set(versionId, compiled);
  }
  const group = compiled.groupsById.get(groupId);
  if (!group) throw new Error(`group ${groupId} not in criteria version ${versionId}`);
  const agency = (f: Field | undefined): f is Field => f !== undefined && f.source === 'agency';
  const placed = new Set<string>();
  const feeds = new Map<string, string[]>();
  const sections: Section[] = group.categories.map((c) => {
    const gate = c.gate ? group.fieldsByKey.get(c.gate) : undefined;
    if (gate) placed.add(gate.key);
    return {
      id: c.id,
      name: c.name,
      maxHundredths: c.maxHundredths,
      gate: agency(gate) ? gate : undefined,
      websiteGate: gate?.source === 'monitoring' ? gate : undefined,
      blocks: c.criteria.map((k) => {
        const fields: Field[] = [];
        const sharedFields: Field[] = [];
        const websiteFields: Field[] = [];
        for (const key of k.def.inputs) {
          feeds.set(key, [...(feeds.get(key) ?? []), k.id]);
          const f = group.fieldsByKey.get(key);
          if (f?.source === 'monitoring' && !placed.has(key)) {
            placed.add(key);
            websiteFields.push(f);
          }
          if (!agency(f)) continue;
          if (placed.has(key)) sharedFields.push(f);
          else {
            placed.add(key);
            fields.push(f);
          }
        }
        return { criterion: k, fields, sharedFields, websiteFields };
      }),
    };
  });
  const general = group.fields.filter((f) => f.source === 'agency' && !placed.has(f.key));
  const order = [
    ...general,
    ...sections.flatMap((s) => [...(s.gate ? [s.gate] : []), ...s.blocks.flatMap((b) => b.fields)]),
  ];
  const submissionOnlyRules = new Set(
    set.validations.filter((v) => v.builtin === 'submitted_on_time').map((v) => v.id),
  );
  return { set, compiled, group, general, sections, feeds, agencyFields: order, submissionOnlyRules };
}

/* ───────────── reading what was typed ───────────── */

/**
 * What an input holds, as the server stores it: a number from "1.234,5" or "12.5", booleans and
 * options as they are, text as typed. Text that is not a number stays text, so that `checkValue`
 * names the problem ("phải là một số, nhận được "12a"") instead of it vanishing.
 */
export function parseTyped(field: Field, raw: string): unknown {
  const text = raw.trim();
  if (text === '') return null;
  switch (field.type) {
    case 'integer':
    case 'decimal':
      return parseNumberInput(text) ?? text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    default:
      return text;
  }
}

/** The text an input shows for a stored value. */
export function showValue(field: Field, value: unknown): string {
  if (value === null || value === undefined) return '';
  if ((field.type === 'integer' || field.type === 'decimal') && typeof value === 'number')
    return numberInputText(value);
  return String(value);
}

/** A stored value as a reader reads it: "Có"/"Không", an option's label, "12,5". */
export function shownValue(field: Field, value: unknown): string {
  if (typeof value === 'boolean') return pick(value ? YES : NO);
  if (field.type === 'enum') {
    const o = field.options?.find((x) => x.value === value);
    if (o) return pick(o.label);
  }
  return showValue(field, value);
}

const YES = { vi: 'Có', en: 'Yes' };
const NO = { vi: 'Không', en: 'No' };

/** Why a typed value does not fit, in Vietnamese, or null. */
export function problemOf(field: Field, raw: string): Text | null {
  const value = parseTyped(field, raw);
  if (value === null) return null;
  return checkValue(field, value);
}

/* ───────────── the live self-score ───────────── */

export interface LiveResult {
  score: SelfScore;
  findings: Finding[];
  /** Milliseconds the last recompute took. */
  ms: number;
}

let runs = 0;

/**
 * The self-score as interchange.md defines it, by the core's one function (`scoreSelf`, which the
 * receipt, the review page and the downloads use too): every N/A the agency claimed counts, and
 * the website's fields are what the agency states about its portal, else the latest website check
 * of the year (`websiteCheck`). The logic checks read only the claims still standing, and last
 * year's official values (`previousValues`) as the assessor's review does. Each run is measured as `chiso:recompute` so
 * the browser benchmark can read it from the performance timeline.
 */
export function recompute(
  layout: FormLayout,
  values: Record<string, unknown>,
  claims: readonly { criterionId: string; reason: string; status: string }[],
  year: number,
  deadline: number,
  agencyCode: string,
  websiteCheck: { checkedAt: string; values: Record<string, unknown> } | null = null,
  previousValues: Record<string, unknown> | null = null,
): LiveResult {
  const n = ++runs;
  const start = `chiso:recompute:start:${n}`;
  const end = `chiso:recompute:end:${n}`;
  performance.mark(start);
  const live = claims.filter((c) => c.status !== 'rejected');
  const notApplicable = live.map((c) => c.criterionId);
  // The form keeps the agency's statements about its website beside its own values.
  const { own, stated } = splitStated(layout.group, values);
  const score = scoreSelf(
    layout.compiled,
    {
      group: layout.group.id,
      values: own,
      stated,
      claimed: claims.map((c) => c.criterionId),
      claimStatuses: new Map(claims.map((c) => [c.criterionId, c.status as ClaimStatus])),
      websiteChecks: websiteCheck
        ? [{ checkedAt: Date.parse(websiteCheck.checkedAt), values: websiteCheck.values }]
        : [],
    },
    year,
    { explain: true },
  );
  const checked = own.report_year === undefined ? { ...own, report_year: year } : own;
  const findings = runChecks(
    layout.set,
    layout.group.id,
    {
      code: agencyCode,
      group: layout.group.id,
      submittedAt: null,
      values: checked,
      notApplicable,
      naClaims: live.map((c) => ({ criterionId: c.criterionId, reason: c.reason, confirmed: true })),
      websiteChecks: [],
      // The year-on-year checks (V35) read the official values of last year, as the assessor's do.
      ...(previousValues ? { previousValues } : {}),
    },
    { deadline },
  ).filter((f) => !layout.submissionOnlyRules.has(f.ruleId));
  performance.mark(end);
  const measure = performance.measure('chiso:recompute', start, end);
  performance.clearMarks(start);
  performance.clearMarks(end);
  return { score, findings, ms: measure.duration };
}
