/**
 * Reading a cycle file (interchange.md) into CycleData, or into one problem per mistake, each
 * naming the agency and the field or criterion. Nothing is scored from a file with a problem:
 * a half-right ranking is worse than none.
 */
import { parseInstant, vnMidnight } from '../calendar/time.ts';
import type { CompiledGroup, CompiledSet } from '../criteria/compile.ts';
import type { Field } from '../criteria/schema.ts';
import { KeyOrderLookup } from '../key-order.ts';
import type { AgencyData, CycleData, Text, Values, WebsiteCheck } from '../types.ts';
import { checkValue } from './values.ts';

export interface InputProblem {
  readonly agency?: string;
  readonly field?: string;
  readonly criterion?: string;
  readonly message: Text;
}

export type CycleRead =
  | { readonly ok: true; readonly cycle: CycleData; readonly set: CompiledSet }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

export interface ReadOptions {
  /** Finds a criteria set by the id the file names. */
  readonly resolveSet: (id: string) => CompiledSet | undefined;
  /** A set chosen by the caller (`--criteria`), used whatever the file names. */
  readonly set?: CompiledSet | undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, k: string) => Object.hasOwn(o, k);

/** Parses the JSON text of a cycle file, then reads it. */
/**
 * The required fields an agency that submitted has not given: `gives(key)` says whether its
 * values hold the field; a monitoring field may instead be recorded by every website check.
 * The server's approval asks the same question of the verified data.
 */
export function missingRequired(
  fields: readonly Field[],
  gives: (key: string) => boolean,
  checks: readonly Pick<WebsiteCheck, 'values'>[],
): Field[] {
  return fields.filter(
    (f) =>
      f.required &&
      !gives(f.key) &&
      !(f.source === 'monitoring' && checks.length > 0 && checks.every((c) => c.values[f.key] !== undefined)),
  );
}

export function readCycleText(text: string, options: ReadOptions): CycleRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      problems: [
        { message: { vi: `Tệp không phải JSON hợp lệ: ${detail}`, en: `malformed JSON: ${detail}` } },
      ],
    };
  }
  return readCycle(raw, options);
}

/** Reads a parsed cycle file. */
export function readCycle(raw: unknown, options: ReadOptions): CycleRead {
  const problems: InputProblem[] = [];
  const fail = (p: InputProblem) => problems.push(p);
  if (!isObject(raw)) {
    return {
      ok: false,
      problems: [
        { message: { vi: 'Tệp phải là một đối tượng JSON { … }', en: 'the file must be a JSON object' } },
      ],
    };
  }

  let set = options.set;
  if (!set) {
    if (typeof raw.criteriaSet !== 'string' || raw.criteriaSet === '')
      fail({
        message: {
          vi: 'Thiếu "criteriaSet": mã bộ tiêu chí',
          en: 'missing "criteriaSet": the criteria set id',
        },
      });
    else {
      set = options.resolveSet(raw.criteriaSet);
      if (!set)
        fail({
          message: {
            vi: `Không có bộ tiêu chí "${raw.criteriaSet}"`,
            en: `unknown criteria set "${raw.criteriaSet}"`,
          },
        });
    }
  }

  const year = raw.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= 2200;
  if (!yearOk)
    fail({
      message: {
        vi: `"year" phải là năm (số nguyên), nhận được ${JSON.stringify(year)}`,
        en: `"year" must be a year (whole number), got ${JSON.stringify(year)}`,
      },
    });

  let deadline = yearOk ? vnMidnight(year as number, 11, 1) : 0;
  if (raw.deadline !== undefined && raw.deadline !== null) {
    const d = typeof raw.deadline === 'string' ? parseInstant(raw.deadline) : null;
    if (d === null)
      fail({
        message: {
          vi: `"deadline" phải là thời điểm ISO-8601 có múi giờ (vd. 2017-11-01T00:00:00+07:00), nhận được ${JSON.stringify(raw.deadline)}`,
          en: `"deadline" must be an ISO-8601 instant with offset, got ${JSON.stringify(raw.deadline)}`,
        },
      });
    else deadline = d;
  }

  if (!Array.isArray(raw.agencies)) {
    fail({ message: { vi: 'Thiếu danh sách "agencies"', en: 'missing the "agencies" list' } });
    return { ok: false, problems };
  }
  if (!set || !yearOk) return { ok: false, problems };

  const agencies: AgencyData[] = [];
  const seen = new Set<string>();
  for (const [i, a] of raw.agencies.entries()) {
    const agency = readAgency(a, i, set, year as number, fail);
    if (!agency) continue;
    if (seen.has(agency.code))
      fail({
        agency: agency.code,
        message: {
          vi: `Mã đơn vị "${agency.code}" bị trùng trong tệp`,
          en: `duplicate agency code "${agency.code}"`,
        },
      });
    seen.add(agency.code);
    agencies.push(agency);
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, cycle: { year: year as number, deadline, agencies }, set };
}

function readAgency(
  a: unknown,
  index: number,
  set: CompiledSet,
  year: number,
  fail: (p: InputProblem) => void,
): AgencyData | null {
  if (!isObject(a)) {
    fail({
      message: {
        vi: `Phần tử thứ ${index + 1} của "agencies" không phải đối tượng`,
        en: `agencies[${index}] is not an object`,
      },
    });
    return null;
  }
  if (typeof a.code !== 'string' || a.code.trim() === '') {
    fail({ message: { vi: `Đơn vị thứ ${index + 1} thiếu "code"`, en: `agencies[${index}] has no "code"` } });
    return null;
  }
  const code = a.code;
  const local: InputProblem[] = [];
  const failCounted = (p: Omit<InputProblem, 'agency'>) => local.push({ agency: code, ...p });
  const finish = (agency: AgencyData | null): AgencyData | null => {
    for (const p of local) fail(p);
    return local.length ? null : agency;
  };

  const group = typeof a.group === 'string' ? set.groupsById.get(a.group) : undefined;
  if (!group) {
    failCounted({
      message: {
        vi: `Nhóm ${JSON.stringify(a.group)} không có trong bộ tiêu chí (có: ${set.groups.map((g) => g.id).join(', ')})`,
        en: `unknown group ${JSON.stringify(a.group)} (known: ${set.groups.map((g) => g.id).join(', ')})`,
      },
    });
    return finish(null);
  }

  let submittedAt: number | null = null;
  if (a.submittedAt !== undefined && a.submittedAt !== null) {
    submittedAt = typeof a.submittedAt === 'string' ? parseInstant(a.submittedAt) : null;
    if (submittedAt === null)
      failCounted({
        field: 'submittedAt',
        message: {
          vi: `thời điểm nộp phải dạng ISO-8601 có múi giờ (vd. 2017-10-30T16:12:00+07:00), nhận được ${JSON.stringify(a.submittedAt)}`,
          en: `must be an ISO-8601 instant with offset, got ${JSON.stringify(a.submittedAt)}`,
        },
      });
  }

  const lookups = lookupsOf(group);
  const read = readValues(a.values, 'values', lookups.values, false, failCounted);
  const values = read === null ? null : read.values;
  if (
    values &&
    values.report_year !== undefined &&
    typeof values.report_year === 'number' &&
    values.report_year !== year
  )
    failCounted({
      field: 'report_year',
      message: {
        vi: `năm báo cáo ${values.report_year} khác năm của kỳ đánh giá ${year}`,
        en: `report year ${values.report_year} differs from the cycle year ${year}`,
      },
    });

  const checks: WebsiteCheck[] = [];
  if (a.websiteChecks !== undefined && a.websiteChecks !== null) {
    if (!Array.isArray(a.websiteChecks))
      failCounted({
        field: 'websiteChecks',
        message: { vi: 'phải là danh sách các lần kiểm tra', en: 'must be a list of checks' },
      });
    else
      for (const [ci, c] of a.websiteChecks.entries()) {
        const where = `websiteChecks[${ci}]`;
        if (!isObject(c)) {
          failCounted({
            field: where,
            message: {
              vi: 'phải là đối tượng { checkedAt, values }',
              en: 'must be an object { checkedAt, values }',
            },
          });
          continue;
        }
        let checkedAt: number | undefined;
        if (c.checkedAt !== undefined && c.checkedAt !== null) {
          const t = typeof c.checkedAt === 'string' ? parseInstant(c.checkedAt) : null;
          if (t === null)
            failCounted({
              field: `${where}.checkedAt`,
              message: {
                vi: `thời điểm kiểm tra không hợp lệ: ${JSON.stringify(c.checkedAt)}`,
                en: `malformed instant ${JSON.stringify(c.checkedAt)}`,
              },
            });
          else checkedAt = t;
        }
        const cv = readValues(c.values, `${where}.values`, lookups.checks, true, failCounted);
        if (cv) checks.push({ checkedAt, values: cv.values });
      }
  }

  const notApplicable: string[] = [];
  if (a.notApplicable !== undefined && a.notApplicable !== null) {
    if (!Array.isArray(a.notApplicable))
      failCounted({
        field: 'notApplicable',
        message: { vi: 'phải là danh sách mã tiêu chí', en: 'must be a list of criterion ids' },
      });
    else
      for (const id of a.notApplicable) {
        const k = typeof id === 'string' ? group.criteriaById.get(id) : undefined;
        if (!k)
          failCounted({
            criterion: String(id),
            message: {
              vi: `tiêu chí ${JSON.stringify(id)} không có trong nhóm "${group.id}"`,
              en: `unknown criterion ${JSON.stringify(id)} in group "${group.id}"`,
            },
          });
        else if (!k.naAllowed)
          failCounted({
            criterion: k.id,
            message: {
              vi: `tiêu chí ${k.id} không cho phép "không áp dụng"`,
              en: `criterion ${k.id} does not allow "not applicable"`,
            },
          });
        else notApplicable.push(k.id);
      }
  }

  // Required fields: an agency that submitted must have given them; a monitoring field may
  // instead be given by every website check. When it gave every required field itself (nearly
  // always), there is nothing to look for.
  if (submittedAt !== null && read !== null && read.requiredGiven < requiredCount(group)) {
    const given = isObject(a.values) ? a.values : {};
    // A value we accepted was given (own and not null): one lookup in our copy settles most
    // fields before the file's own object is asked.
    const gives = (key: string) => own(values!, key) || (own(given, key) && given[key] !== null);
    for (const f of missingRequired(group.fields, gives, checks))
      failCounted({ field: f.key, message: { vi: 'thiếu số liệu bắt buộc', en: 'required value missing' } });
  }

  let previousValues: Values | undefined;
  if (a.previousValues !== undefined && a.previousValues !== null) {
    if (!isObject(a.previousValues))
      failCounted({
        field: 'previousValues',
        message: { vi: 'phải là đối tượng { khóa: giá trị }', en: 'must be an object { key: value }' },
      });
    else previousValues = a.previousValues;
  }

  if (!values) return finish(null);
  return finish({
    code,
    name: typeof a.name === 'string' ? a.name : undefined,
    group: group.id,
    submittedAt,
    values,
    notApplicable,
    websiteChecks: checks,
    previousValues,
  });
}

/** A group's fields, found from an agency's keys and from a website check's (key-order.ts). */
const fieldLookups = new WeakMap<
  CompiledGroup,
  { values: KeyOrderLookup<Field>; checks: KeyOrderLookup<Field> }
>();
function lookupsOf(group: CompiledGroup) {
  let lookups = fieldLookups.get(group);
  if (lookups === undefined) {
    lookups = {
      values: new KeyOrderLookup(group.fieldsByKey),
      checks: new KeyOrderLookup(group.fieldsByKey),
    };
    fieldLookups.set(group, lookups);
  }
  return lookups;
}

/** How many required fields a group has, counted once per group. */
const requiredCounts = new WeakMap<CompiledGroup, number>();
function requiredCount(group: CompiledGroup): number {
  let n = requiredCounts.get(group);
  if (n === undefined) {
    n = group.fields.filter((f) => f.required).length;
    requiredCounts.set(group, n);
  }
  return n;
}

/**
 * Whether a text is surely in NFC without asking: no character below U+0300 changes under NFC or
 * composes with the one before it (the first that may is the combining grave accent, U+0300), so
 * an ASCII option or address needs no normalising; Vietnamese text still goes through it.
 */
function surelyNfc(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x300) return false;
  return true;
}

/** A key to remove from the values, in `readValues`'s list of changes. */
const DROP = Symbol('drop');

/**
 * The values a file gives, checked field by field: the accepted values, and how many required
 * fields it gives (a value present and not null, accepted or not). The result is the file's own
 * object when it needs no change (no null to drop, no bad value, no text to normalise), which for
 * a file read from text is every agency: copying 10,000 agencies' values was a third of the
 * reading. Otherwise it is a copy holding exactly what is accepted.
 */
function readValues(
  raw: unknown,
  where: string,
  fields: KeyOrderLookup<Field>,
  monitoringOnly: boolean,
  fail: (p: Omit<InputProblem, 'agency'>) => void,
): { values: Values; requiredGiven: number } | null {
  if (raw === undefined || raw === null) return monitoringOnly ? null : { values: {}, requiredGiven: 0 };
  if (!isObject(raw)) {
    fail({
      field: where,
      message: { vi: 'phải là đối tượng { khóa: giá trị }', en: 'must be an object { key: value }' },
    });
    return null;
  }
  // Keys to remove (DROP) or to change, found while checking; most files have none.
  let changes: Map<string, unknown> | undefined;
  const change = (key: string, to: unknown) => {
    changes ??= new Map();
    changes.set(key, to);
  };
  let requiredGiven = 0;
  const keys = Object.keys(raw);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = raw[key];
    const f = fields.at(i, key);
    if (!f) {
      change(key, DROP);
      fail({
        field: key,
        message: { vi: 'trường không có trong bộ tiêu chí của nhóm này', en: 'unknown field for this group' },
      });
      continue;
    }
    if (monitoringOnly && f.source !== 'monitoring') {
      change(key, DROP);
      fail({
        field: key,
        message: {
          vi: `${where}: chỉ ghi các trường do Sở TT&TT theo dõi trên trang TTĐT`,
          en: `${where}: only website-monitoring fields belong here`,
        },
      });
      continue;
    }
    if (value === null) {
      change(key, DROP); // explicit "not given"
      continue;
    }
    if (f.required) requiredGiven++;
    const problem = checkValue(f, value);
    if (problem) {
      change(key, DROP);
      fail({ field: key, message: problem });
    } else if (typeof value === 'string' && f.type !== 'date' && !surelyNfc(value)) {
      // A valid date is digits and hyphens, already NFC; other text may not be.
      const nfc = value.normalize('NFC');
      if (nfc !== value) change(key, nfc);
    }
  }
  // A copy from a spread keeps the engine's compact layout (shared by all agencies with the same
  // keys); it copies symbol-keyed properties too, which are not values.
  if (changes === undefined && Object.getOwnPropertySymbols(raw).length === 0)
    return { values: raw, requiredGiven };
  const out: Record<PropertyKey, unknown> = { ...raw };
  for (const s of Object.getOwnPropertySymbols(out)) delete out[s];
  for (const [key, to] of changes ?? []) {
    if (to === DROP) delete out[key];
    else out[key] = to;
  }
  return { values: out, requiredGiven };
}
