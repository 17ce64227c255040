import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CriteriaSet, type Field, type Validation } from '../criteria/schema.ts';
import type { AgencyData, Values } from '../types.ts';
import { parseRule, RuleSyntaxError } from './expr.ts';
import { compileChecks, runChecks } from './run.ts';

const text = (vi: string) => ({ vi, en: vi });

const field = (key: string, source: Field['source'] = 'agency', type: Field['type'] = 'integer'): Field => ({
  key,
  label: text(key),
  type,
  source,
  required: false,
});

const INTEGER_FIELDS = [
  'total_staff',
  'staff_with_computer',
  'docs_out_total',
  'docs_out_electronic',
  'docs_in_total',
  'docs_in_processed_online',
  'records_total',
  'records_online',
  'dvc_level2_plus',
  'dvc_level3',
  'dvc_level4',
  'commune_count',
  'communes_broadband',
];

const validations: Validation[] = [
  {
    id: 'V01',
    severity: 'error',
    rule: 'staff_with_computer <= total_staff',
    message: text('Phần lớn hơn tổng'),
  },
  { id: 'V17', severity: 'error', rule: 'dvc_level34 <= dvc_level2_plus', message: text('DVC mức 3, 4') },
  {
    id: 'V31',
    severity: 'error',
    groups: ['district'],
    rule: 'communes_broadband <= commune_count',
    message: text('Số xã'),
  },
  {
    id: 'V35',
    severity: 'warning',
    groups: ['department', 'district'],
    rule: 'abs(total_staff - prev.total_staff) / prev.total_staff <= 0.3',
    message: text('Tổng CBCCVC thay đổi >30%'),
  },
  { id: 'VB', severity: 'warning', rule: 'budget_total <= budget_cap', message: text('Kinh phí') },
  { id: 'V36', severity: 'warning', builtin: 'all_ratios_full', message: text('Mọi tỷ lệ đều 100%') },
  {
    id: 'V37',
    severity: 'error',
    builtin: 'not_applicable_claims',
    message: { vi: 'Không áp dụng phải hợp lệ', en: 'N/A must be valid' },
  },
  {
    id: 'V38',
    severity: 'error',
    groups: ['department'],
    builtin: 'submitted_on_time',
    message: text('Nộp muộn'),
  },
];

/** A tiny set: two groups, ratios at several depths, one monitored ratio, one N/A criterion. */
const SET: CriteriaSet = {
  format: 'chiso.criteria/1',
  id: 'test',
  version: '1',
  title: text('Bộ thử'),
  status: 'draft',
  totalMax: 100,
  classes: [{ id: 'all', label: text('Tất cả'), min: 0 }],
  fields: [
    ...INTEGER_FIELDS.map((k) => field(k)),
    field('has_lan', 'agency', 'boolean'),
    field('budget_a', 'agency', 'decimal'),
    field('budget_b', 'agency', 'decimal'),
    field('budget_cap', 'agency', 'decimal'),
    field('ws_items', 'monitoring'),
    field('ws_items_total', 'monitoring'),
    field('quality', 'reviewer', 'decimal'),
  ],
  derived: [
    { key: 'dvc_level34', label: text('DVC mức 3, 4'), sum: ['dvc_level3', 'dvc_level4'] },
    { key: 'budget_total', label: text('Tổng kinh phí'), sum: ['budget_a', 'budget_b'] },
  ],
  groups: [
    {
      id: 'department',
      name: text('Sở'),
      categories: [
        {
          id: '1',
          name: text('Hạ tầng'),
          max: 10,
          criteria: [
            {
              id: '1.1',
              name: text('Máy tính'),
              max: 5,
              monitoredOnWebsite: false,
              inputs: ['total_staff', 'staff_with_computer'],
              formula: {
                op: 'ratio',
                num: 'staff_with_computer',
                den: 'total_staff',
                points: 5,
                denZero: 'zero',
              },
            },
            {
              id: '1.2',
              name: text('Văn bản'),
              max: 5,
              monitoredOnWebsite: false,
              inputs: [],
              formula: {
                op: 'sum',
                terms: [
                  {
                    op: 'ratio',
                    num: 'docs_out_electronic',
                    den: 'docs_out_total',
                    points: 2.5,
                    denZero: 'zero',
                  },
                  {
                    op: 'gate',
                    if: 'has_lan',
                    // biome-ignore lint/suspicious/noThenProperty: the criteria format's gate names its branch "then"
                    then: {
                      op: 'ratio',
                      num: 'docs_in_processed_online',
                      den: 'docs_in_total',
                      points: 2.5,
                      denZero: 'zero',
                    },
                    else: 0,
                  },
                ],
              },
            },
          ],
        },
        {
          id: '3',
          name: text('Trang TTĐT'),
          max: 10,
          criteria: [
            {
              id: '3.1',
              name: text('Chuyên mục'),
              max: 4,
              monitoredOnWebsite: true,
              inputs: [],
              formula: { op: 'ratio', num: 'ws_items', den: 'ws_items_total', points: 4, denZero: 'zero' },
            },
            {
              id: '3.2',
              name: text('Chất lượng'),
              max: 2,
              monitoredOnWebsite: false,
              inputs: ['quality'],
              formula: { op: 'reviewer', field: 'quality', points: 2 },
            },
            {
              id: '3.8',
              name: text('Hồ sơ trực tuyến'),
              max: 4,
              notApplicable: { when: text('Không có TTHC') },
              monitoredOnWebsite: false,
              inputs: ['records_total', 'records_online'],
              formula: {
                op: 'ratio',
                num: 'records_online',
                den: 'records_total',
                points: 4,
                denZero: 'full',
              },
            },
          ],
        },
      ],
    },
    {
      id: 'district',
      name: text('Huyện'),
      categories: [
        {
          id: '1',
          name: text('Hạ tầng'),
          max: 5,
          criteria: [
            {
              id: '1.1',
              name: text('Máy tính'),
              max: 5,
              monitoredOnWebsite: false,
              inputs: [],
              formula: {
                op: 'ratio',
                num: 'staff_with_computer',
                den: 'total_staff',
                points: 5,
                denZero: 'zero',
              },
            },
          ],
        },
      ],
    },
  ],
  validations,
};

const DEADLINE = Date.parse('2017-11-01T00:00:00+07:00');
const ON_TIME = Date.parse('2017-10-31T23:59:59+07:00');

function agency(values: Values, extra: Partial<AgencyData> = {}): AgencyData {
  return {
    code: 'A',
    group: 'department',
    submittedAt: ON_TIME,
    values,
    notApplicable: [],
    websiteChecks: [],
    ...extra,
  };
}

const run = (a: AgencyData, group = a.group) => runChecks(SET, group, a, { deadline: DEADLINE });
const ids = (a: AgencyData, group = a.group) => run(a, group).map((f) => f.ruleId);

describe('the test set itself', () => {
  it('satisfies the criteria-set schema', () => {
    expect(CriteriaSet.safeParse(SET).success).toBe(true);
  });
});

describe('expression rules', () => {
  it('a part larger than its whole fails V01 with the rule fields and the set message', () => {
    const findings = run(agency({ staff_with_computer: 50, total_staff: 40 }));
    expect(findings).toEqual([
      {
        ruleId: 'V01',
        severity: 'error',
        message: text('Phần lớn hơn tổng'),
        fields: ['staff_with_computer', 'total_staff'],
      },
    ]);
  });

  it('missing data produces no finding', () => {
    expect(run(agency({ staff_with_computer: 50 }))).toEqual([]);
    expect(run(agency({}))).toEqual([]);
  });

  it('applies a validation only to its groups', () => {
    const values = { communes_broadband: 12, commune_count: 10 };
    expect(ids(agency(values, { group: 'district' }))).toEqual(['V31']);
    expect(ids(agency(values))).toEqual([]);
  });

  it('reads a derived field as the exact sum of its parts', () => {
    const over = run(agency({ dvc_level3: 2, dvc_level4: 3, dvc_level2_plus: 4 }));
    expect(over.map((f) => f.ruleId)).toEqual(['V17']);
    // The form has no input for the derived field: point at its parts.
    expect(over[0]!.fields).toEqual(['dvc_level3', 'dvc_level4', 'dvc_level2_plus']);
    expect(ids(agency({ dvc_level3: 2, dvc_level4: 2, dvc_level2_plus: 4 }))).toEqual([]);
    expect(ids(agency({ budget_a: 0.1, budget_b: 0.2, budget_cap: 0.3 }))).toEqual([]);
    expect(ids(agency({ budget_a: 0.1, budget_b: 0.21, budget_cap: 0.3 }))).toEqual(['VB']);
  });

  it('a derived field with a missing part is unknown', () => {
    expect(ids(agency({ dvc_level3: 9, dvc_level2_plus: 4 }))).toEqual([]);
  });

  it('compares with the previous year (V35), silently when there is no previous year', () => {
    expect(ids(agency({ total_staff: 13 }, { previousValues: { total_staff: 10 } }))).toEqual([]);
    expect(ids(agency({ total_staff: 14 }, { previousValues: { total_staff: 10 } }))).toEqual(['V35']);
    expect(ids(agency({ total_staff: 14 }))).toEqual([]);
    const v35 = run(agency({ total_staff: 14 }, { previousValues: { total_staff: 10 } }))[0]!;
    expect(v35).toMatchObject({ severity: 'warning', fields: ['total_staff'] });
  });

  it('reads own values only, never the prototype', () => {
    const set: CriteriaSet = {
      ...SET,
      validations: [
        { id: 'X', severity: 'error', rule: 'constructor == null && hidden == null', message: text('x') },
      ],
    };
    const values = Object.create({ hidden: 1 }) as Values;
    expect(runChecks(set, 'department', agency(values), { deadline: DEADLINE })).toEqual([]);
  });
});

/** Every agency-reported ratio of the department group at 100%. */
const PERFECT: Values = {
  total_staff: 40,
  staff_with_computer: 40,
  docs_out_total: 100,
  docs_out_electronic: 100,
  docs_in_total: 200,
  docs_in_processed_online: 200,
  records_total: 10,
  records_online: 10,
};

describe('all_ratios_full (V36)', () => {
  it('warns when every ratio the agency reports is at 100%', () => {
    const findings = run(agency(PERFECT));
    expect(findings.map((f) => f.ruleId)).toEqual(['V36']);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      fields: ['staff_with_computer', 'docs_out_electronic', 'docs_in_processed_online', 'records_online'],
    });
    expect(findings[0]!.message.vi).toContain('Cả 4 tỷ lệ');
  });

  it('finds ratios inside sum terms and gate branches', () => {
    // The other 3 ratios are at 100%: only a ratio found inside the gate can silence the warning.
    expect(ids(agency({ ...PERFECT, docs_in_processed_online: 199 }))).toEqual([]);
  });

  it('stays silent when one ratio is at 99%', () => {
    expect(ids(agency({ ...PERFECT, staff_with_computer: 99, total_staff: 100 }))).toEqual([]);
  });

  it('stays silent with fewer than 3 ratios given', () => {
    const two = { total_staff: 40, staff_with_computer: 40, records_total: 5, records_online: 5 };
    expect(ids(agency(two))).toEqual([]);
    // A zero denominator is not a ratio at 100%.
    expect(ids(agency({ ...two, docs_out_total: 0, docs_out_electronic: 0 }))).toEqual([]);
  });

  it('counts exactly 3 ratios as enough', () => {
    const three = { total_staff: 40, staff_with_computer: 40, records_total: 5, records_online: 5 };
    expect(ids(agency({ ...three, docs_out_total: 3, docs_out_electronic: 3 }))).toEqual(['V36']);
  });

  it('ignores ratios the department monitors itself', () => {
    expect(ids(agency({ ...PERFECT, ws_items: 1, ws_items_total: 10 }))).toEqual(['V36']);
  });

  it('a ratio above 100% counts as full', () => {
    // 41/40 also fails V01, which comes first in the set.
    expect(ids(agency({ ...PERFECT, staff_with_computer: 41 }))).toEqual(['V01', 'V36']);
  });
});

describe('not_applicable_claims (V37)', () => {
  const claim = (criterionId: string, reason: string | undefined, confirmed: boolean) => ({
    criterionId,
    reason,
    confirmed,
  });

  it('accepts a confirmed claim with a reason on a criterion that allows it', () => {
    expect(run(agency({}, { naClaims: [claim('3.8', 'Không có TTHC', true)] }))).toEqual([]);
    expect(run(agency({}, { notApplicable: ['3.8'] }))).toEqual([]);
  });

  it('rejects a claim on a criterion without notApplicable, naming the criterion', () => {
    const findings = run(agency({}, { naClaims: [claim('1.1', 'lý do', true)] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'V37',
      severity: 'error',
      fields: ['total_staff', 'staff_with_computer'],
    });
    expect(findings[0]!.message.vi).toMatch(/^Tiêu chí 1\.1: không cho phép khai "không áp dụng" — /);
    expect(findings[0]!.message.en).toMatch(
      /^Criterion 1\.1: does not allow a "not applicable" claim — N\/A/,
    );
  });

  it('derives confirmed claims from notApplicable when no claims are given', () => {
    const findings = run(agency({}, { notApplicable: ['1.1'] }));
    expect(findings.map((f) => f.message.vi.split(':')[0])).toEqual(['Tiêu chí 1.1']);
  });

  it('one finding per bad claim: no reason, unconfirmed, unknown criterion', () => {
    const findings = run(
      agency(
        {},
        {
          naClaims: [
            claim('3.8', '  ', true),
            claim('3.8', 'Không có TTHC', false),
            claim('9.9', 'x', true),
            claim('1.1', undefined, false),
          ],
        },
      ),
    );
    expect(findings.map((f) => f.message.vi.split(' — ')[0])).toEqual([
      'Tiêu chí 3.8: chưa ghi lý do',
      'Tiêu chí 3.8: chưa được xác nhận',
      'Tiêu chí 9.9: không có trong bộ tiêu chí của nhóm đơn vị này',
      'Tiêu chí 1.1: không cho phép khai "không áp dụng"; chưa ghi lý do; chưa được xác nhận',
    ]);
    expect(findings[2]!.fields).toEqual([]);
  });

  it('judges a claim against the agency group: 3.8 does not exist for districts', () => {
    expect(ids(agency({}, { group: 'district', notApplicable: ['3.8'] }))).toEqual(['V37']);
  });
});

describe('submitted_on_time (V38)', () => {
  it('on time: no finding', () => {
    expect(run(agency({}, { submittedAt: ON_TIME }))).toEqual([]);
  });

  it('late at the deadline itself', () => {
    const findings = run(agency({}, { submittedAt: DEADLINE }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'V38', severity: 'error', fields: [] });
    expect(findings[0]!.message.vi).toBe(
      'Phiếu nộp lúc 01/11/2017 00:00, không trước hạn 01/11/2017 00:00 (giờ Việt Nam) — Nộp muộn',
    );
  });

  it('missing submission', () => {
    const findings = run(agency({}, { submittedAt: null }));
    expect(findings.map((f) => f.ruleId)).toEqual(['V38']);
    expect(findings[0]!.message.vi).toBe('Đơn vị chưa nộp phiếu — Nộp muộn');
    expect(findings[0]!.message.en).toBe('The agency has not submitted its form — Nộp muộn');
  });

  it('respects the groups of the validation', () => {
    expect(ids(agency({}, { group: 'district', submittedAt: null }))).toEqual([]);
  });
});

describe('running a set', () => {
  it('lists findings in the order of the set validations', () => {
    const a = agency(
      { ...PERFECT, staff_with_computer: 41, dvc_level3: 5, dvc_level4: 0, dvc_level2_plus: 1 },
      { submittedAt: null, notApplicable: ['1.1'], previousValues: { total_staff: 10 } },
    );
    expect(ids(a)).toEqual(['V01', 'V17', 'V35', 'V36', 'V37', 'V38']);
  });

  it('gives the same findings with a precompiled set', () => {
    const compiled = compileChecks(SET);
    const a = agency({ ...PERFECT, staff_with_computer: 50 }, { submittedAt: null });
    expect(runChecks(SET, 'department', a, { deadline: DEADLINE }, compiled)).toEqual(run(a));
  });

  it('annotates a bad rule with its validation id', () => {
    const bad: CriteriaSet = {
      ...SET,
      validations: [{ id: 'V99', severity: 'error', rule: '(a < b', message: text('x') }],
    };
    let caught: unknown;
    try {
      compileChecks(bad);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RuleSyntaxError);
    const e = caught as RuleSyntaxError;
    expect(e.ruleId).toBe('V99');
    expect(e.position).toBe(6);
    expect(e.text.en).toBe("V99: Missing ')' at position 6 (to close '(' at position 0)");
  });

  it('property: for random integers a, b the rule a <= b fails iff a > b', () => {
    const set: CriteriaSet = {
      ...SET,
      validations: [
        { id: 'P', severity: 'error', rule: 'staff_with_computer <= total_staff', message: text('p') },
      ],
    };
    const compiled = compileChecks(set);
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, b) => {
        const findings = runChecks(
          set,
          'department',
          agency({ staff_with_computer: a, total_staff: b }),
          { deadline: DEADLINE },
          compiled,
        );
        expect(findings.length === 1).toBe(a > b);
      }),
    );
  });
});

const BUNDLED = fileURLToPath(new URL('../../../criteria/cao-bang-2016.json', import.meta.url));

describe('the bundled Cao Bằng 2016 criteria set', () => {
  it.skipIf(!existsSync(BUNDLED))('parses every rule, and a part larger than its whole gets V01', () => {
    const set = CriteriaSet.parse(JSON.parse(readFileSync(BUNDLED, 'utf8')));
    const rules = set.validations.filter((v) => v.rule !== undefined);
    expect(rules.length).toBeGreaterThan(0);
    for (const v of rules) expect(() => parseRule(v.rule!), v.id).not.toThrow();
    const group = set.groups[0]!.id;
    const a = agency({ staff_with_computer: 50, total_staff: 40 }, { group });
    const findings = runChecks(set, group, a, { deadline: DEADLINE });
    expect(findings.map((f) => f.ruleId)).toContain('V01');
  });
});
