import { describe, expect, it } from 'vitest';
import raw from '../../../criteria/cao-bang-2016.json' with { type: 'json' };
import { type LoadProblem, loadCriteriaSet, loadCriteriaSetText } from './load.ts';

// biome-ignore lint/suspicious/noExplicitAny: the set is broken on purpose, path by path
type Json = Record<string, any>;

/** A fresh copy of the bundled set to break on purpose. */
const copy = (): Json => structuredClone(raw) as Json;

function problemsOf(set: unknown): LoadProblem[] {
  const r = loadCriteriaSet(set);
  if (r.ok) throw new Error('expected the set to be rejected');
  return [...r.problems];
}

const dept = (s: Json) => s.groups[0];
const crit = (s: Json, cat: number, k: number) => dept(s).categories[cat].criteria[k];

describe('loading a criteria set', () => {
  it('accepts the bundled set', () => {
    const r = loadCriteriaSet(raw);
    expect(r.ok).toBe(true);
  });

  it('rejects criteria that do not add up to their category maximum', () => {
    const s = copy();
    crit(s, 0, 0).max = 6;
    crit(s, 0, 0).formula.points = 6;
    const p = problemsOf(s);
    expect(p).toHaveLength(1);
    expect(p[0]!.path).toBe('groups[0].categories[0]');
    expect(p[0]!.message.vi).toBe(
      'Nhóm "department", hạng mục 1: tổng điểm các tiêu chí là 21, khác điểm tối đa 20 của hạng mục',
    );
  });

  it('rejects categories that do not add up to the total', () => {
    const s = copy();
    dept(s).categories[4].max = 11;
    const p = problemsOf(s);
    expect(p.map((x) => x.path)).toContain('groups[0]');
    expect(p.find((x) => x.path === 'groups[0]')!.message.en).toBe(
      'Group "department": categories add up to 101, not the total 100',
    );
  });

  it('rejects a formula whose attainable maximum differs from the criterion maximum', () => {
    const s = copy();
    // 1.6 counts three measures at 1 point, capped at 3; a cap of 2 makes 3 points unreachable.
    crit(s, 0, 5).formula.cap = 2;
    const p = problemsOf(s);
    expect(p).toHaveLength(1);
    expect(p[0]!.path).toBe('groups[0].categories[0].criteria[5].formula');
    expect(p[0]!.message.vi).toBe(
      'Tiêu chí 1.6 (nhóm "department"): công thức cho tối đa 2 điểm, khác điểm tối đa 3',
    );
  });

  it('rejects a formula that reads an unknown field, naming where', () => {
    const s = copy();
    crit(s, 0, 0).formula.num = 'staff_with_laptop';
    const p = problemsOf(s);
    expect(p).toEqual([
      {
        path: 'groups[0].categories[0].criteria[0].formula.num',
        message: {
          vi: 'Tiêu chí 1.1 (nhóm "department"): trường "staff_with_laptop" không có',
          en: 'Criterion 1.1 (group "department"): unknown field "staff_with_laptop"',
        },
      },
    ]);
  });

  it('rejects a field of another group used in a formula', () => {
    const s = copy();
    crit(s, 0, 0).formula.den = 'commune_count';
    const p = problemsOf(s);
    expect(p[0]!.message.vi).toMatch(/trường "commune_count" không có/);
  });

  it('rejects a field of the wrong type for its operation', () => {
    const s = copy();
    crit(s, 0, 3).formula.field = 'total_staff'; // 1.4 is a yes/no point
    const p = problemsOf(s);
    expect(p[0]!.message.vi).toBe('Tiêu chí 1.4: trường "total_staff" phải là kiểu có/không (boolean)');
  });

  it('rejects an unknown gate field and unknown inputs', () => {
    const s = copy();
    dept(s).categories[2].gate = 'site_up';
    crit(s, 1, 0).inputs.push('qlvb_users');
    const p = problemsOf(s);
    expect(p.map((x) => x.path)).toEqual([
      'groups[0].categories[1].criteria[0].inputs[3]',
      'groups[0].categories[2].gate',
    ]);
  });

  it('rejects duplicate criterion ids, field keys, group ids and rule ids', () => {
    const s = copy();
    crit(s, 0, 1).id = '1.1';
    s.fields.push({ ...s.fields[1] });
    s.groups[1].id = 'department';
    s.validations[1].id = 'V01';
    const p = problemsOf(s).map((x) => x.message.en);
    expect(p).toContain('Group "department": duplicate criterion id "1.1"');
    expect(p).toContain('Duplicate field key "total_staff"');
    expect(p).toContain('Duplicate group id "department"');
    expect(p).toContain('Duplicate rule id "V01"');
  });

  it('rejects class bands with a gap', () => {
    const s = copy();
    s.classes[1].min = 66; // Khá from 66, but Trung bình stops below 65
    const p = problemsOf(s);
    expect(p.map((x) => x.message.vi)).toContain(
      'Xếp loại "trung_binh" và "kha" không nối liền nhau (hở hoặc chồng lấn điểm)',
    );
  });

  it('rejects class bands that overlap', () => {
    const s = copy();
    s.classes[2].below = 70; // Trung bình up to 70 overlaps Khá from 65
    expect(problemsOf(s).map((x) => x.path)).toContain('classes');
  });

  it('rejects class bands that do not start at 0 or do not reach 100', () => {
    const low = copy();
    low.classes[3].min = 10;
    expect(problemsOf(low).map((x) => x.message.en)).toContain('Classes must start at 0 (lowest is 10)');
    const high = copy();
    high.classes[0].below = 100;
    expect(problemsOf(high).map((x) => x.message.en)).toContain(
      'Top class "tot" must include the maximum total 100',
    );
  });

  it('rejects a logic-check rule with a syntax error, with its position', () => {
    const s = copy();
    s.validations[0].rule = 'staff_with_computer <= (total_staff';
    const p = problemsOf(s);
    expect(p).toHaveLength(1);
    expect(p[0]!.path).toBe('validations[0].rule');
    expect(p[0]!.message.vi).toMatch(/^Quy tắc V01: .*\)/);
  });

  it('rejects a logic-check rule that reads an unknown field', () => {
    const s = copy();
    s.validations[0].rule = 'staff_with_pc <= total_staff';
    expect(problemsOf(s)[0]!.message.en).toBe('Rule V01: unknown field "staff_with_pc"');
  });

  it('rejects an enum score for a value that is not an option', () => {
    const s = copy();
    dept(s).categories[4].criteria[0].formula.map.ban_chuyen_trach = 1;
    expect(problemsOf(s).map((x) => x.message.vi)).toContain(
      'Tiêu chí 5.1: "ban_chuyen_trach" không phải lựa chọn của trường "it_staff_status"',
    );
  });

  it('rejects an enum field without options and min/max on a text field', () => {
    const s = copy();
    const status = s.fields.find((f: Json) => f.key === 'it_staff_status');
    delete status.options;
    const ref = s.fields.find((f: Json) => f.key === 'it_plan_ref');
    ref.min = 1;
    const p = problemsOf(s).map((x) => x.message.en);
    expect(p).toContain('Enum field "it_staff_status" needs options');
    expect(p).toContain('Field "it_plan_ref" of type text cannot have min/max');
  });

  it('reports structural mistakes with the path of the item', () => {
    const s = copy();
    delete crit(s, 0, 0).name;
    crit(s, 0, 1).formula.op = 'percent';
    s.status = 'final';
    const p = problemsOf(s);
    const paths = p.map((x) => x.path);
    expect(paths).toContain('groups[0].categories[0].criteria[0].name');
    expect(paths).toContain('groups[0].categories[0].criteria[1].formula.op');
    expect(paths).toContain('status');
    for (const x of p) expect(x.message.vi.length).toBeGreaterThan(5);
  });

  it('has a detector for every monitoring field and refuses one for a field the monitor does not fill', () => {
    const monitored = (raw as Json).fields
      .filter((f: Json) => f.source === 'monitoring')
      .map((f: Json) => f.key);
    expect((raw as Json).detectors.map((d: Json) => d.field).sort()).toEqual([...monitored].sort());
    const s = copy();
    s.detectors.push({ field: 'total_staff', kind: 'keywords', in: ['menu'], anyOf: ['can bo'] });
    s.detectors.push({ field: 'ws_dir_schedule', kind: 'keywords', in: ['menu'], anyOf: ['lich'] });
    s.detectors.push({ field: 'no_such_field', kind: 'available' });
    s.detectors.push({ field: 'ws_dir_opinions', kind: 'news_count', pages: ['tin tuc'] });
    const p = problemsOf(s);
    const n = (raw as Json).detectors.length;
    expect(p.map((x) => [x.path, x.message.vi])).toEqual([
      [
        `detectors[${n}].field`,
        'Trường "total_staff" không do Sở theo dõi trên trang TTĐT (nguồn "agency"), không dùng bộ nhận diện',
      ],
      [`detectors[${n + 1}].field`, 'Trường "ws_dir_schedule" có hai bộ nhận diện'],
      [`detectors[${n + 2}].field`, 'Bộ nhận diện cho trường không có: "no_such_field"'],
      [`detectors[${n + 3}].field`, 'Trường "ws_dir_opinions" có hai bộ nhận diện'],
      [
        `detectors[${n + 3}].field`,
        'Bộ nhận diện kiểu "news_count" không hợp với trường "ws_dir_opinions" kiểu boolean',
      ],
    ]);
  });

  it('rejects text that is not JSON', () => {
    const r = loadCriteriaSetText('{ "format": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message.vi).toMatch(/^Tệp không phải JSON hợp lệ/);
  });

  it('lists every problem at once, not only the first', () => {
    const s = copy();
    crit(s, 0, 0).formula.num = 'x_one';
    crit(s, 1, 0).formula.then.num = 'x_two';
    s.validations[2].rule = 'x_three > 0';
    expect(problemsOf(s)).toHaveLength(3);
  });

  it('rejects indicators that read missing or non-numeric fields, naming the indicator', () => {
    const s = copy();
    const ind = s.indicators.find((i: Json) => i.id === 'computers_antivirus_share');
    ind.numerator = 'no_such_field';
    const bw = s.indicators.find((i: Json) => i.id === 'internet_bandwidth');
    bw.field = 'internet_connection_type';
    const budget = s.indicators.find((i: Json) => i.id === 'it_budget');
    budget.numerator = 'total_staff';
    const communes = s.indicators.find((i: Json) => i.id === 'communes_broadband_share');
    communes.groups = ['department'];
    const p = problemsOf(s).map((x) => x.message.vi);
    expect(p).toEqual([
      'Chỉ số "computers_antivirus_share" đọc trường không có: "no_such_field"',
      'Chỉ số "internet_bandwidth": trường "internet_connection_type" phải là kiểu số (integer/decimal), đang là enum',
      'Chỉ số "it_budget" tính tổng (sum) cần đúng một mục field',
      'Chỉ số "communes_broadband_share": trường "communes_broadband" không có trong phiếu của nhóm "department"',
      'Chỉ số "communes_broadband_share": trường "commune_count" không có trong phiếu của nhóm "department"',
    ]);
  });

  it('rejects a share without its denominator and a duplicated indicator id', () => {
    const s = copy();
    delete s.indicators[0].denominator;
    s.indicators.push({ ...s.indicators[1] });
    const p = problemsOf(s);
    expect(p.map((x) => x.path)).toEqual(['indicators[0]', `indicators[${s.indicators.length - 1}].id`]);
    expect(p[0]!.message.vi).toContain('Chỉ số "computers_per_staff" tính tỉ lệ (share)');
  });
});
