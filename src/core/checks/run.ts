/**
 * Runs a criteria set's logic checks (`validations`) on one agency's data (R10). A finding never
 * changes a score; it puts a question to the reviewer (warning) or blocks the data until it is
 * fixed or explained (error). Rules written in the check language are parsed once per set; the
 * three checks an expression cannot say simply are built in here.
 */
import type { CriteriaSet, Criterion, Formula, Group, Validation } from '../criteria/schema.ts';
import { add, cmp, type Q, sign, ZERO } from '../exact.ts';
import { walkFormula } from '../formula/registry.ts';
import type { AgencyData, Finding, NaClaim, Text, Values } from '../types.ts';
import {
  type BiText,
  evaluateRule,
  parseRule,
  type Rule,
  type RuleScope,
  RuleSyntaxError,
  readExact,
} from './expr.ts';

interface RatioRef {
  readonly num: string;
  readonly den: string;
}

interface GroupInfo {
  readonly criteria: ReadonlyMap<string, Criterion>;
  /** Distinct ratios of the group whose numerator and denominator the agency itself reports. */
  readonly agencyRatios: readonly RatioRef[];
}

interface CompiledValidation {
  readonly validation: Validation;
  /** Present for expression rules, absent for builtins. */
  readonly rule: Rule | undefined;
  /** The form fields a finding of this rule points at (derived fields replaced by their parts). */
  readonly fields: readonly string[];
}

/** A criteria set's checks, prepared once and reused for every agency of a cycle. */
export interface CompiledChecks {
  readonly set: CriteriaSet;
  readonly validations: readonly CompiledValidation[];
  /** Derived field key → the fields it sums. */
  readonly derived: ReadonlyMap<string, readonly string[]>;
  readonly groups: ReadonlyMap<string, GroupInfo>;
}

const compiledBySet = new WeakMap<CriteriaSet, CompiledChecks>();

/**
 * Parses every rule of the set once. The criteria loader has already rejected bad rules, so a
 * `RuleSyntaxError` here (annotated with the validation id) is a programming error.
 */
export function compileChecks(set: CriteriaSet): CompiledChecks {
  const derived = new Map<string, readonly string[]>(set.derived.map((d) => [d.key, d.sum]));
  const validations = set.validations.map((v) => compileValidation(v, derived));
  const groups = new Map<string, GroupInfo>(
    set.groups.map((g) => [g.id, groupInfo(set, g.categories, derived)]),
  );
  const compiled: CompiledChecks = { set, validations, derived, groups };
  compiledBySet.set(set, compiled);
  return compiled;
}

function compileValidation(
  v: Validation,
  derived: ReadonlyMap<string, readonly string[]>,
): CompiledValidation {
  if (v.rule === undefined) return { validation: v, rule: undefined, fields: [] };
  let rule: Rule;
  try {
    rule = parseRule(v.rule);
  } catch (e) {
    if (!(e instanceof RuleSyntaxError)) throw e;
    throw new RuleSyntaxError(e.position, { vi: `${v.id}: ${e.text.vi}`, en: `${v.id}: ${e.text.en}` }, v.id);
  }
  return { validation: v, rule, fields: formFields([...rule.fields, ...rule.prevFields], derived) };
}

/** Distinct keys with each derived field replaced by its parts, so a form can place the finding. */
function formFields(keys: readonly string[], derived: ReadonlyMap<string, readonly string[]>): string[] {
  const out: string[] = [];
  for (const key of keys) {
    for (const k of derived.get(key) ?? [key]) if (!out.includes(k)) out.push(k);
  }
  return out;
}

function groupInfo(
  set: CriteriaSet,
  categories: Group['categories'],
  derived: ReadonlyMap<string, readonly string[]>,
): GroupInfo {
  const criteria = new Map<string, Criterion>();
  const ratios = new Map<string, RatioRef>();
  const isAgencyField = agencyFieldTest(set, derived);
  for (const category of categories) {
    for (const criterion of category.criteria) {
      criteria.set(criterion.id, criterion);
      for (const r of ratiosOf(criterion.formula)) {
        if (isAgencyField(r.num) && isAgencyField(r.den)) ratios.set(`${r.num}/${r.den}`, r);
      }
    }
  }
  return { criteria, agencyRatios: [...ratios.values()] };
}

/** A field is the agency's own when its source is 'agency'; a derived field when all its parts are. */
function agencyFieldTest(
  set: CriteriaSet,
  derived: ReadonlyMap<string, readonly string[]>,
): (key: string) => boolean {
  const agencyKeys = new Set(set.fields.filter((f) => f.source === 'agency').map((f) => f.key));
  return (key) => {
    const parts = derived.get(key);
    return parts ? parts.every((p) => agencyKeys.has(p)) : agencyKeys.has(key);
  };
}

/** Every ratio in a formula tree, including inside sum terms and both branches of a gate. */
function ratiosOf(formula: Formula): RatioRef[] {
  const out: RatioRef[] = [];
  walkFormula(formula, '', (f) => {
    if (f.op === 'ratio') out.push({ num: f.num, den: f.den });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading an agency's values

type Reader = (key: string) => unknown;

/**
 * Reads own keys only (never the prototype), and a derived field as the exact sum of its parts:
 * unknown when any part is missing or not a number.
 */
function readerOf(values: Values, derived: ReadonlyMap<string, readonly string[]>): Reader {
  const read = (key: string): unknown => {
    const parts = derived.get(key);
    if (parts === undefined) return Object.hasOwn(values, key) ? values[key] : undefined;
    let total: Q = ZERO;
    for (const part of parts) {
      const v = Object.hasOwn(values, part) ? readExact(values[part]) : null;
      if (v === null) return undefined;
      total = add(total, v);
    }
    return total;
  };
  return memoizeFractions(read);
}

/**
 * Many rules read the same field (total_staff appears in a dozen), and reading a non-integer
 * exactly parses its decimal text; converting it once per agency keeps a large cycle fast.
 */
function memoizeFractions(read: Reader): Reader {
  let memo: Map<string, unknown> | undefined;
  return (key) => {
    const cached = memo?.get(key);
    if (cached !== undefined) return cached;
    const raw = read(key);
    if (typeof raw !== 'number' || Number.isSafeInteger(raw)) return raw;
    const exact = readExact(raw) ?? undefined;
    memo ??= new Map();
    memo.set(key, exact);
    return exact;
  };
}

const NOTHING: Reader = () => undefined;

function agencyScope(compiled: CompiledChecks, agency: AgencyData): RuleScope {
  const prev = agency.previousValues;
  return {
    value: readerOf(agency.values, compiled.derived),
    prev: prev === undefined ? NOTHING : readerOf(prev, compiled.derived),
  };
}

// ---------------------------------------------------------------------------------------------
// Running

/** What the checks need besides the agency: the cycle's exclusive deadline, epoch milliseconds. */
export interface CheckContext {
  readonly deadline: number;
}

/**
 * The findings of the set's validations that apply to `groupId`, in the order of the set. A rule
 * fails only when it is exactly false; a rule that cannot be decided (missing data) stays silent.
 */
export function runChecks(
  set: CriteriaSet,
  groupId: string,
  agency: AgencyData,
  ctx: CheckContext,
  compiled?: CompiledChecks,
): Finding[] {
  const checks = compiled ?? compiledBySet.get(set) ?? compileChecks(set);
  const scope = agencyScope(checks, agency);
  const group = checks.groups.get(groupId);
  const findings: Finding[] = [];
  for (const c of checks.validations) {
    const v = c.validation;
    if (v.groups !== undefined && !v.groups.includes(groupId)) continue;
    if (c.rule !== undefined) {
      if (evaluateRule(c.rule, scope) === false) {
        findings.push({ ruleId: v.id, severity: v.severity, message: v.message, fields: c.fields });
      }
      continue;
    }
    switch (v.builtin) {
      case 'all_ratios_full':
        findings.push(...allRatiosFull(v, group, scope, checks.derived));
        break;
      case 'not_applicable_claims':
        findings.push(...notApplicableClaims(v, group, agency));
        break;
      case 'submitted_on_time':
        findings.push(...submittedOnTime(v, agency, ctx.deadline));
        break;
    }
  }
  return findings;
}

/** Joins the specific finding to the set's own message for the rule. */
function withSetMessage(specific: BiText, v: Validation): Text {
  return {
    vi: `${specific.vi} — ${v.message.vi}`,
    en: v.message.en === undefined ? specific.en : `${specific.en} — ${v.message.en}`,
  };
}

/** At least this many ratios must be at 100% before "everything is perfect" looks suspicious. */
const MIN_FULL_RATIOS = 3;

/** V36: every share the agency reports is at 100% or more — data to verify on site. */
function allRatiosFull(
  v: Validation,
  group: GroupInfo | undefined,
  scope: RuleScope,
  derived: ReadonlyMap<string, readonly string[]>,
): Finding[] {
  const full: RatioRef[] = [];
  for (const r of group?.agencyRatios ?? []) {
    const num = readExact(scope.value(r.num));
    const den = readExact(scope.value(r.den));
    if (num === null || den === null || sign(den) <= 0) continue;
    if (cmp(num, den) < 0) return [];
    full.push(r);
  }
  if (full.length < MIN_FULL_RATIOS) return [];
  const message = withSetMessage(
    {
      vi: `Cả ${full.length} tỷ lệ do đơn vị khai đều đạt 100%`,
      en: `All ${full.length} ratios the agency reports are at 100%`,
    },
    v,
  );
  return [
    {
      ruleId: v.id,
      severity: v.severity,
      message,
      fields: formFields(
        full.map((r) => r.num),
        derived,
      ),
    },
  ];
}

/** V37: a "not applicable" claim must be allowed by the criterion, give a reason and be confirmed. */
function notApplicableClaims(v: Validation, group: GroupInfo | undefined, agency: AgencyData): Finding[] {
  const withReasons = agency.naClaims !== undefined;
  const claims: readonly NaClaim[] =
    agency.naClaims ?? agency.notApplicable.map((criterionId) => ({ criterionId, confirmed: true }));
  const findings: Finding[] = [];
  for (const claim of claims) {
    const criterion = group?.criteria.get(claim.criterionId);
    const problems = claimProblems(claim, criterion, withReasons);
    if (problems.length === 0) continue;
    const id = claim.criterionId;
    const message = withSetMessage(
      {
        vi: `Tiêu chí ${id}: ${problems.map((p) => p.vi).join('; ')}`,
        en: `Criterion ${id}: ${problems.map((p) => p.en).join('; ')}`,
      },
      v,
    );
    findings.push({ ruleId: v.id, severity: v.severity, message, fields: criterion?.inputs ?? [] });
  }
  return findings;
}

function claimProblems(claim: NaClaim, criterion: Criterion | undefined, withReasons: boolean): BiText[] {
  const problems: BiText[] = [];
  if (criterion === undefined) {
    problems.push({
      vi: 'không có trong bộ tiêu chí của nhóm đơn vị này',
      en: "is not a criterion of the agency's group",
    });
  } else if (criterion.notApplicable === undefined) {
    problems.push({
      vi: 'không cho phép khai "không áp dụng"',
      en: 'does not allow a "not applicable" claim',
    });
  }
  if (withReasons && (claim.reason ?? '').trim() === '') {
    problems.push({ vi: 'chưa ghi lý do', en: 'no reason given' });
  }
  if (!claim.confirmed) problems.push({ vi: 'chưa được xác nhận', en: 'not confirmed' });
  return problems;
}

/** V38: a form that is missing or arrives at or after the deadline keeps the agency out of the ranking. */
function submittedOnTime(v: Validation, agency: AgencyData, deadline: number): Finding[] {
  const at = agency.submittedAt;
  if (at !== null && at < deadline) return [];
  const specific: BiText =
    at === null
      ? { vi: 'Đơn vị chưa nộp phiếu', en: 'The agency has not submitted its form' }
      : {
          vi: `Phiếu nộp lúc ${vietnamTime(at)}, không trước hạn ${vietnamTime(deadline)} (giờ Việt Nam)`,
          en: `Submitted at ${vietnamTime(at)}, not before the deadline ${vietnamTime(deadline)} (Vietnam time)`,
        };
  return [{ ruleId: v.id, severity: v.severity, message: withSetMessage(specific, v), fields: [] }];
}

/** Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact here. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** "dd/mm/yyyy HH:mm" in Vietnam time. */
function vietnamTime(ms: number): string {
  const iso = new Date(ms + VIETNAM_OFFSET_MS).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}
