/**
 * Loading a criteria set: the structural schema first, then the rules that need the whole set.
 * A broken set is rejected with one precise message per problem, each with the path of the
 * offending item, so that the department can fix an official text before any cycle uses it.
 */
import { parseRule, RuleSyntaxError } from '../checks/expr.ts';
import * as X from '../exact.ts';
import type { Need } from '../formula/operator.ts';
import { formulaFlaws, formulaMax, formulaReads } from '../formula/registry.ts';
import { checkIndicators } from './indicators.ts';
import { type CriteriaSet, type Field, CriteriaSet as Schema, type Text } from './schema.ts';

export interface LoadProblem {
  /** Where in the file: "groups[0].categories[2].criteria[3].formula". */
  readonly path: string;
  readonly message: Text;
}

export type LoadResult =
  | { readonly ok: true; readonly set: CriteriaSet }
  | { readonly ok: false; readonly problems: readonly LoadProblem[] };

const fmt = (x: number): string => String(x);
const fmtVi = (x: number): string => String(x).replace('.', ',');

/** Validates raw JSON as a criteria set; never throws for bad content. */
export function loadCriteriaSet(raw: unknown): LoadResult {
  const parsed = Schema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: { vi: schemaMessageVi(issue), en: issue.message },
      })),
    };
  }
  const problems = checkSet(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, set: parsed.data };
}

/** Parses JSON text, then loads it; a syntax error becomes a problem like any other. */
export function loadCriteriaSetText(text: string): LoadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      problems: [
        {
          path: '',
          message: { vi: `Tệp không phải JSON hợp lệ: ${detail}`, en: `Not valid JSON: ${detail}` },
        },
      ],
    };
  }
  return loadCriteriaSet(raw);
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

function schemaMessageVi(issue: { code: string; message: string; path: readonly PropertyKey[] }): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Sai kiểu dữ liệu hoặc thiếu mục (${issue.message})`;
    case 'unrecognized_keys':
      return `Có mục không được phép (${issue.message})`;
    case 'invalid_value':
    case 'invalid_union':
      return `Giá trị không hợp lệ (${issue.message})`;
    case 'too_small':
      return `Giá trị quá nhỏ hoặc danh sách rỗng (${issue.message})`;
    case 'too_big':
      return `Giá trị quá lớn (${issue.message})`;
    case 'invalid_format':
      return `Sai định dạng (${issue.message})`;
    default:
      return issue.message;
  }
}

const NEED_TEXT: Record<Need, Text> = {
  number: { vi: 'kiểu số (integer/decimal)', en: 'a number type (integer/decimal)' },
  boolean: { vi: 'kiểu có/không (boolean)', en: 'boolean' },
  enum: { vi: 'kiểu danh sách lựa chọn (enum)', en: 'enum' },
  date: { vi: 'kiểu ngày (date)', en: 'date' },
};

function satisfies(type: Field['type'] | 'derived', need: Need): boolean {
  if (need === 'number') return type === 'integer' || type === 'decimal' || type === 'derived';
  return type === need;
}

/** Whole-set rules: ids, references, sums, formula maxima, bands, rule syntax. */
function checkSet(set: CriteriaSet): LoadProblem[] {
  const problems: LoadProblem[] = [];
  const add = (path: string, vi: string, en: string) => problems.push({ path, message: { vi, en } });

  const groupIds = new Set<string>();
  for (const [gi, g] of set.groups.entries()) {
    if (groupIds.has(g.id))
      add(`groups[${gi}].id`, `Mã nhóm "${g.id}" bị trùng`, `Duplicate group id "${g.id}"`);
    groupIds.add(g.id);
  }

  // Field dictionary: unique keys, sensible constraints, known groups.
  const fields = new Map<string, Field>();
  for (const [i, f] of set.fields.entries()) {
    const at = `fields[${i}]`;
    if (fields.has(f.key))
      add(`${at}.key`, `Khóa trường "${f.key}" bị trùng`, `Duplicate field key "${f.key}"`);
    fields.set(f.key, f);
    for (const gid of f.groups ?? []) {
      if (!groupIds.has(gid))
        add(
          `${at}.groups`,
          `Trường "${f.key}" gắn với nhóm không có: "${gid}"`,
          `Field "${f.key}" names unknown group "${gid}"`,
        );
    }
    const numeric = f.type === 'integer' || f.type === 'decimal';
    if ((f.min !== undefined || f.max !== undefined) && !numeric)
      add(
        at,
        `Trường "${f.key}" kiểu ${f.type} không dùng min/max`,
        `Field "${f.key}" of type ${f.type} cannot have min/max`,
      );
    if (f.min !== undefined && f.max !== undefined && f.min > f.max)
      add(at, `Trường "${f.key}": min lớn hơn max`, `Field "${f.key}": min is greater than max`);
    if (f.type === 'enum') {
      if (!f.options?.length)
        add(
          `${at}.options`,
          `Trường "${f.key}" kiểu enum phải có danh sách lựa chọn`,
          `Enum field "${f.key}" needs options`,
        );
      const seen = new Set<string>();
      for (const o of f.options ?? []) {
        if (seen.has(o.value))
          add(
            `${at}.options`,
            `Trường "${f.key}": lựa chọn "${o.value}" bị trùng`,
            `Field "${f.key}": duplicate option "${o.value}"`,
          );
        seen.add(o.value);
      }
    } else if (f.options) {
      add(
        `${at}.options`,
        `Chỉ trường kiểu enum mới có lựa chọn ("${f.key}")`,
        `Only enum fields have options ("${f.key}")`,
      );
    }
    if (f.pattern !== undefined) {
      try {
        new RegExp(f.pattern, 'u');
      } catch {
        add(
          `${at}.pattern`,
          `Biểu thức chính quy của "${f.key}" không hợp lệ`,
          `Invalid pattern for "${f.key}"`,
        );
      }
    }
  }
  const derived = new Map<string, string[]>();
  for (const [i, d] of set.derived.entries()) {
    const at = `derived[${i}]`;
    if (fields.has(d.key) || derived.has(d.key))
      add(`${at}.key`, `Khóa trường "${d.key}" bị trùng`, `Duplicate field key "${d.key}"`);
    derived.set(d.key, d.sum);
    for (const part of d.sum) {
      const f = fields.get(part);
      if (!f)
        add(
          `${at}.sum`,
          `Trường dẫn xuất "${d.key}" dùng trường không có: "${part}"`,
          `Derived "${d.key}" uses unknown field "${part}"`,
        );
      else if (f.type !== 'integer' && f.type !== 'decimal')
        add(
          `${at}.sum`,
          `Trường dẫn xuất "${d.key}" cộng trường không phải số: "${part}"`,
          `Derived "${d.key}" sums non-numeric "${part}"`,
        );
    }
  }

  const inGroup = (key: string, gid: string): Field['type'] | 'derived' | undefined => {
    const f = fields.get(key);
    if (f) return !f.groups || f.groups.includes(gid) ? f.type : undefined;
    const parts = derived.get(key);
    if (parts) return parts.every((p) => inGroup(p, gid) !== undefined) ? 'derived' : undefined;
    return undefined;
  };

  const total = X.fromNumber(set.totalMax);
  for (const [gi, g] of set.groups.entries()) {
    const gat = `groups[${gi}]`;
    const catIds = new Set<string>();
    const critIds = new Set<string>();
    let catSum = X.ZERO;
    for (const [ci, c] of g.categories.entries()) {
      const cat = `${gat}.categories[${ci}]`;
      if (catIds.has(c.id))
        add(
          `${cat}.id`,
          `Nhóm "${g.id}": mã hạng mục "${c.id}" bị trùng`,
          `Group "${g.id}": duplicate category id "${c.id}"`,
        );
      catIds.add(c.id);
      catSum = X.add(catSum, X.fromNumber(c.max));
      if (c.gate !== undefined) {
        const t = inGroup(c.gate, g.id);
        if (t === undefined)
          add(
            `${cat}.gate`,
            `Hạng mục ${c.id} (nhóm "${g.id}"): trường điều kiện "${c.gate}" không có`,
            `Category ${c.id} (group "${g.id}"): unknown gate field "${c.gate}"`,
          );
        else if (t !== 'boolean')
          add(
            `${cat}.gate`,
            `Hạng mục ${c.id}: trường điều kiện "${c.gate}" phải kiểu có/không`,
            `Category ${c.id}: gate field "${c.gate}" must be boolean`,
          );
      }
      let critSum = X.ZERO;
      for (const [ki, k] of c.criteria.entries()) {
        const at = `${cat}.criteria[${ki}]`;
        if (critIds.has(k.id))
          add(
            `${at}.id`,
            `Nhóm "${g.id}": mã tiêu chí "${k.id}" bị trùng`,
            `Group "${g.id}": duplicate criterion id "${k.id}"`,
          );
        critIds.add(k.id);
        critSum = X.add(critSum, X.fromNumber(k.max));
        const fmax = formulaMax(k.formula);
        if (!X.eq(fmax, X.fromNumber(k.max)))
          add(
            `${at}.formula`,
            `Tiêu chí ${k.id} (nhóm "${g.id}"): công thức cho tối đa ${fmtVi(X.toNumber(fmax))} điểm, khác điểm tối đa ${fmtVi(k.max)}`,
            `Criterion ${k.id} (group "${g.id}"): the formula can give at most ${fmt(X.toNumber(fmax))}, not its maximum ${fmt(k.max)}`,
          );
        for (const ref of formulaReads(k.formula, `${at}.formula`)) {
          const t = inGroup(ref.key, g.id);
          if (t === undefined)
            add(
              ref.at,
              `Tiêu chí ${k.id} (nhóm "${g.id}"): trường "${ref.key}" không có`,
              `Criterion ${k.id} (group "${g.id}"): unknown field "${ref.key}"`,
            );
          else if (!satisfies(t, ref.needs))
            add(
              ref.at,
              `Tiêu chí ${k.id}: trường "${ref.key}" phải là ${NEED_TEXT[ref.needs].vi}`,
              `Criterion ${k.id}: field "${ref.key}" must be ${NEED_TEXT[ref.needs].en}`,
            );
        }
        for (const flaw of formulaFlaws(k.formula, (key) => fields.get(key), `${at}.formula`))
          add(flaw.at, `Tiêu chí ${k.id}: ${flaw.message.vi}`, `Criterion ${k.id}: ${flaw.message.en}`);
        for (const [ii, key] of [...k.inputs, ...(k.evidenceFields ?? [])].entries()) {
          if (inGroup(key, g.id) === undefined)
            add(
              `${at}.inputs[${ii}]`,
              `Tiêu chí ${k.id} (nhóm "${g.id}"): trường "${key}" không có`,
              `Criterion ${k.id} (group "${g.id}"): unknown field "${key}"`,
            );
        }
      }
      if (!X.eq(critSum, X.fromNumber(c.max)))
        add(
          cat,
          `Nhóm "${g.id}", hạng mục ${c.id}: tổng điểm các tiêu chí là ${fmtVi(X.toNumber(critSum))}, khác điểm tối đa ${fmtVi(c.max)} của hạng mục`,
          `Group "${g.id}", category ${c.id}: criteria add up to ${fmt(X.toNumber(critSum))}, not the category maximum ${fmt(c.max)}`,
        );
    }
    if (!X.eq(catSum, total))
      add(
        gat,
        `Nhóm "${g.id}": tổng điểm các hạng mục là ${fmtVi(X.toNumber(catSum))}, khác tổng tối đa ${fmtVi(set.totalMax)}`,
        `Group "${g.id}": categories add up to ${fmt(X.toNumber(catSum))}, not the total ${fmt(set.totalMax)}`,
      );
  }

  checkBands(set, add);

  const ruleIds = new Set<string>();
  for (const [vi, v] of set.validations.entries()) {
    const at = `validations[${vi}]`;
    if (ruleIds.has(v.id)) add(`${at}.id`, `Mã quy tắc "${v.id}" bị trùng`, `Duplicate rule id "${v.id}"`);
    ruleIds.add(v.id);
    for (const gid of v.groups ?? []) {
      if (!groupIds.has(gid))
        add(
          `${at}.groups`,
          `Quy tắc ${v.id} gắn với nhóm không có: "${gid}"`,
          `Rule ${v.id} names unknown group "${gid}"`,
        );
    }
    if (v.rule === undefined) continue;
    try {
      const rule = parseRule(v.rule);
      const scope = v.groups ?? [...groupIds];
      for (const key of [...rule.fields, ...rule.prevFields]) {
        if (!scope.some((gid) => inGroup(key, gid) !== undefined))
          add(
            `${at}.rule`,
            `Quy tắc ${v.id}: trường "${key}" không có`,
            `Rule ${v.id}: unknown field "${key}"`,
          );
      }
    } catch (e) {
      if (!(e instanceof RuleSyntaxError)) throw e;
      add(`${at}.rule`, `Quy tắc ${v.id}: ${e.text.vi}`, `Rule ${v.id}: ${e.text.en ?? e.text.vi}`);
    }
  }
  checkDetectors(set, fields, add);
  checkIndicators(set.indicators ?? [], groupIds, inGroup, add);
  return problems;
}

/**
 * A detector decides a field that the website monitor fills: one per field, only for fields of
 * source `monitoring`, and of the type its kind gives (a count is a number, an item a yes/no).
 */
function checkDetectors(
  set: CriteriaSet,
  fields: ReadonlyMap<string, Field>,
  add: (path: string, vi: string, en: string) => void,
): void {
  const seen = new Set<string>();
  for (const [i, d] of (set.detectors ?? []).entries()) {
    const at = `detectors[${i}].field`;
    const f = fields.get(d.field);
    if (seen.has(d.field))
      add(at, `Trường "${d.field}" có hai bộ nhận diện`, `Field "${d.field}" has two detectors`);
    seen.add(d.field);
    if (!f) {
      add(at, `Bộ nhận diện cho trường không có: "${d.field}"`, `Detector for unknown field "${d.field}"`);
      continue;
    }
    if (f.source !== 'monitoring') {
      add(
        at,
        `Trường "${d.field}" không do Sở theo dõi trên trang TTĐT (nguồn "${f.source}"), không dùng bộ nhận diện`,
        `Field "${d.field}" is not a monitoring field (source "${f.source}"); it cannot have a detector`,
      );
      continue;
    }
    const numeric = f.type === 'integer' || f.type === 'decimal';
    if (d.kind === 'news_count' ? !numeric : f.type !== 'boolean')
      add(
        at,
        `Bộ nhận diện kiểu "${d.kind}" không hợp với trường "${d.field}" kiểu ${f.type}`,
        `A "${d.kind}" detector does not fit field "${d.field}" of type ${f.type}`,
      );
  }
}

/** Class bands must tile [0, totalMax] with no gap and no overlap (R6). */
function checkBands(set: CriteriaSet, add: (path: string, vi: string, en: string) => void): void {
  const ids = new Set<string>();
  for (const [i, b] of set.classes.entries()) {
    if (ids.has(b.id))
      add(`classes[${i}].id`, `Mã xếp loại "${b.id}" bị trùng`, `Duplicate class id "${b.id}"`);
    ids.add(b.id);
    if (b.below !== undefined && b.below <= b.min)
      add(
        `classes[${i}]`,
        `Xếp loại "${b.id}": cận dưới phải nhỏ hơn cận trên`,
        `Class "${b.id}": min must be below its upper bound`,
      );
  }
  const sorted = [...set.classes].sort((a, b) => a.min - b.min);
  const lowest = sorted[0];
  if (lowest && lowest.min !== 0)
    add(
      'classes',
      `Các xếp loại phải bắt đầu từ 0 điểm (thấp nhất đang là ${fmtVi(lowest.min)})`,
      `Classes must start at 0 (lowest is ${fmt(lowest.min)})`,
    );
  for (let i = 0; i < sorted.length; i++) {
    const band = sorted[i]!;
    const next = sorted[i + 1];
    if (next) {
      if (band.below === undefined || band.below !== next.min)
        add(
          'classes',
          `Xếp loại "${band.id}" và "${next.id}" không nối liền nhau (hở hoặc chồng lấn điểm)`,
          `Classes "${band.id}" and "${next.id}" leave a gap or overlap`,
        );
    } else {
      if (band.min > set.totalMax)
        add(
          'classes',
          `Xếp loại cao nhất "${band.id}" bắt đầu trên tổng điểm tối đa`,
          `Top class "${band.id}" starts above the maximum total`,
        );
      if (band.below !== undefined && band.below <= set.totalMax)
        add(
          'classes',
          `Xếp loại cao nhất "${band.id}" phải bao gồm cả ${fmtVi(set.totalMax)} điểm`,
          `Top class "${band.id}" must include the maximum total ${fmt(set.totalMax)}`,
        );
    }
  }
}
