/**
 * Plausible sample years, made from a criteria set: the bundled example cycle that `npm start`
 * ranks, the demo year of the service, and the 10,000-agency cycle of the benchmark. Seeded and
 * deterministic, so a sample file regenerates byte for byte. Each agency has a "maturity" that
 * drives its shares and yes/no answers, so rankings spread the way real ones do.
 */
import type { CompiledGroup, CompiledSet } from '../core/criteria/compile.ts';
import type { Field } from '../core/criteria/schema.ts';
import { walkFormula } from '../core/formula/registry.ts';

/** mulberry32: small, fast, good enough for sample data (never for secrets). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Plausible sizes of the "wholes" a Cao Bằng agency reports (for fields of the bundled set). */
const WHOLE_RANGE: Record<string, [number, number]> = {
  total_staff: [25, 180],
  total_computers: [25, 200],
  docs_out_total: [600, 4000],
  docs_in_total: [1500, 9000],
  tthc_records_total: [50, 3000],
  tthc_total: [20, 180],
  records_level34_total: [0, 800],
  it_plan_tasks_total: [4, 20],
  reports_required: [2, 8],
  commune_count: [12, 40],
  commune_staff_total: [200, 900],
};

export interface SampleAgency {
  code: string;
  name: string;
  group: string;
  submittedAt: string | null;
  values: Record<string, unknown>;
  notApplicable: string[];
  websiteChecks: { checkedAt: string; values: Record<string, unknown> }[];
}

export interface SampleCycle {
  criteriaSet: string;
  year: number;
  deadline: string;
  agencies: SampleAgency[];
}

export interface SampleOptions {
  readonly year: number;
  readonly seed: number;
  /** Agencies to generate, with code, name and group. */
  readonly agencies: readonly { code: string; name: string; group: string }[];
  /** Share of agencies that submit late and that do not submit at all. */
  readonly lateShare?: number;
  readonly missingShare?: number;
  /** Share of agencies with quarterly website checks (the rest: values only). */
  readonly checkedShare?: number;
  /** Agencies whose submission must be late or missing (the others follow the shares). */
  readonly late?: readonly string[];
  readonly missing?: readonly string[];
}

/** Which fields are numerators or denominators of a ratio in the group's formulas. */
function ratioRoles(group: CompiledGroup): { partOf: Map<string, string>; wholes: Set<string> } {
  const partOf = new Map<string, string>();
  const wholes = new Set<string>();
  for (const k of group.criteria)
    walkFormula(k.def.formula, '', (f) => {
      if (f.op !== 'ratio') return;
      if (!partOf.has(f.num)) partOf.set(f.num, f.den);
      wholes.add(f.den);
    });
  return { partOf, wholes };
}

const pad = (n: number) => String(n).padStart(2, '0');
const vnInstant = (y: number, m: number, d: number, h: number, mi: number, s = 0) =>
  `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}+07:00`;

/** Generates a whole cycle file (interchange.md format) for the given agencies. */
export function generateCycle(set: CompiledSet, options: SampleOptions): SampleCycle {
  const random = rng(options.seed);
  const year = options.year;
  const agencies = options.agencies.map((a, i) => generateAgency(set, a, year, random, i, options));
  return { criteriaSet: set.id, year, deadline: vnInstant(year, 11, 1, 0, 0), agencies };
}

function generateAgency(
  set: CompiledSet,
  who: { code: string; name: string; group: string },
  year: number,
  random: () => number,
  index: number,
  options: SampleOptions,
): SampleAgency {
  const group = set.groupsById.get(who.group);
  if (!group) throw new RangeError(`unknown group ${who.group}`);
  const maturity = 0.35 + 0.6 * random();
  const chance = (p: number) => random() < p;
  const share = () => Math.min(1, Math.max(0, maturity + (random() - 0.45) * 0.5));
  const between = (lo: number, hi: number) => Math.round(lo + (hi - lo) * random());
  const { partOf, wholes } = ratioRoles(group);
  const values: Record<string, unknown> = {};

  const numberFor = (f: Field): number => {
    const [lo, hi] = WHOLE_RANGE[f.key] ?? [f.min ?? 0, Math.min(f.max ?? 50, 50)];
    const v = between(Math.max(lo, f.min ?? lo), Math.min(hi, f.max ?? hi));
    return f.type === 'decimal' ? Math.round(v * 10) / 10 : v;
  };

  // Wholes first, so that parts can stay within them.
  for (const f of group.fields) if (wholes.has(f.key)) values[f.key] = numberFor(f);
  for (const f of group.fields) {
    if (values[f.key] !== undefined) continue;
    const whole = partOf.get(f.key);
    switch (f.type) {
      case 'integer':
      case 'decimal':
        if (f.key === 'report_year') values[f.key] = year;
        else if (whole !== undefined) values[f.key] = Math.round((values[whole] as number) * share());
        else if (f.source === 'reviewer')
          values[f.key] = Math.round(Math.min(f.max ?? 2, 2) * share() * 4) / 4;
        else if (f.key === 'ws_news_per_month') values[f.key] = Math.round(12 * share() * 10) / 10;
        else if (f.key === 'it_budget_million') values[f.key] = chance(maturity) ? between(50, 1500) : 0;
        else values[f.key] = chance(maturity) ? Math.max(1, numberFor(f) % 12) : 0;
        break;
      case 'boolean':
        values[f.key] = chance(maturity);
        break;
      case 'enum': {
        const options = f.options ?? [];
        const i = Math.min(options.length - 1, Math.floor((1 - share()) * options.length));
        values[f.key] = options[i]?.value;
        break;
      }
      case 'date':
        values[f.key] = `${year}-${pad(between(1, 5))}-${pad(between(1, 28))}`;
        break;
      case 'text':
        values[f.key] = f.key.endsWith('_ref')
          ? `${between(10, 250)}/KH-${who.code}`
          : 'Phần mềm kế toán, quản lý văn bản, một cửa điện tử';
        break;
      case 'url':
        values[f.key] = `https://${who.code.toLowerCase()}.caobang.gov.vn`;
        break;
    }
  }
  // Most agencies have these duties (those that do not claim "not applicable" below), and a site that answers.
  for (const duty of ['has_tthc', 'has_projects', 'has_drafting', 'has_science_stats_duty'])
    if (duty in values) values[duty] = chance(0.85);
  if ('website_active' in values) values.website_active = chance(0.95);
  makeConsistent(values);

  // Duties an agency may lack: when it says so, it claims N/A and the department confirms.
  const notApplicable: string[] = [];
  for (const k of group.criteria) {
    if (!k.naAllowed) continue;
    const duty = k.def.inputs.find((key) => key.startsWith('has_'));
    if (duty && values[duty] === false) notApplicable.push(k.id);
  }

  const websiteChecks: SampleAgency['websiteChecks'] = [];
  if (chance(options.checkedShare ?? 1)) {
    const monitoring = group.fields.filter((f) => f.source === 'monitoring');
    for (const month of [3, 6, 9, 11]) {
      const check: Record<string, unknown> = {};
      for (const f of monitoring) {
        if (f.type === 'boolean') check[f.key] = chance(0.85) ? values[f.key] : !values[f.key];
        else if (f.key === 'ws_news_per_month') check[f.key] = Math.round(12 * share() * 10) / 10;
        else check[f.key] = values[f.key];
      }
      if (chance(0.05)) check.website_active = false;
      websiteChecks.push({ checkedAt: vnInstant(year, month, 15, 9, 0), values: check });
    }
  }

  const late = options.lateShare ?? 0.06;
  const missing = options.missingShare ?? 0.03;
  const roll = random();
  const status = options.missing?.includes(who.code)
    ? 'missing'
    : options.late?.includes(who.code)
      ? 'late'
      : roll < missing
        ? 'missing'
        : roll < missing + late
          ? 'late'
          : 'on_time';
  const submittedAt =
    status === 'missing'
      ? null
      : status === 'late'
        ? vnInstant(year, 11, between(1, 4), between(7, 16), between(0, 59))
        : vnInstant(year, 10, between(10, 31), between(7, 17), between(0, 59), index % 60);

  return {
    code: who.code,
    name: who.name,
    group: who.group,
    submittedAt,
    values,
    notApplicable,
    websiteChecks,
  };
}

/** A few cross-field facts of the bundled set, so that sample data mostly passes the logic checks. */
function makeConsistent(v: Record<string, unknown>): void {
  const num = (k: string) => (typeof v[k] === 'number' ? (v[k] as number) : undefined);
  const cap = (part: string, whole: string) => {
    const p = num(part);
    const w = num(whole);
    if (p !== undefined && w !== undefined && p > w) v[part] = w;
  };
  const staff = num('total_staff');
  if (staff !== undefined && (num('total_computers') ?? 0) > staff * 1.3)
    v.total_computers = Math.round(staff * 1.15);
  cap('computers_internet', 'total_computers');
  cap('computers_lan', 'total_computers');
  cap('computers_antivirus', 'total_computers');
  if (v.has_lan === false) v.computers_lan = 0;
  if (v.qlvb_deployed === false) {
    v.qlvb_user_accounts = 0;
    v.docs_in_processed_online = 0;
  }
  if (v.onestop_deployed === false) v.tthc_records_on_software = 0;
  cap('email_regular_users', 'email_accounts');
  cap('staff_with_computer', 'total_computers');
  const l3 = num('dvc_level3');
  const l4 = num('dvc_level4');
  const l2 = num('dvc_level2_plus');
  if (l3 !== undefined && l4 !== undefined && l2 !== undefined && l3 + l4 > l2) {
    v.dvc_level3 = Math.floor(l2 / 2);
    v.dvc_level4 = Math.floor(l2 / 4);
  }
  if ((num('dvc_level3') ?? 0) + (num('dvc_level4') ?? 0) === 0) v.records_level34_online = 0;
  cap('records_level34_total', 'tthc_records_total');
  cap('records_level34_online', 'records_level34_total');
  if (v.it_plan_issued === false) {
    v.it_plan_tasks_total = 0;
    v.it_plan_tasks_done = 0;
    delete v.it_plan_date;
    delete v.it_plan_ref;
  }
  if (v.it_staff_status === 'khong_co') {
    v.it_staff_count = 0;
    v.it_staff_top_qualification = 'khong_co';
  } else if ((num('it_staff_count') ?? 0) === 0) v.it_staff_count = 1;
  if (v.it_task_approved === true && num('it_budget_million') === 0) v.it_budget_million = 120;
  if (v.has_tthc === false) {
    v.tthc_total = 0;
    v.tthc_records_total = 0;
    v.tthc_records_on_software = 0;
    v.dvc_level2_plus = 0;
    v.dvc_level3 = 0;
    v.dvc_level4 = 0;
    v.records_level34_total = 0;
    v.records_level34_online = 0;
  }
}
