/**
 * The bundled set `criteria/cao-bang-2016.json` is a transcription of the reference
 * `spec/criteria-cao-bang-2016.json` into our format. These tests compare the two mechanically,
 * so that a typo in a maximum, a formula or a field limit cannot slip in unnoticed.
 */
import { describe, expect, it } from 'vitest';
import raw from '../../../criteria/cao-bang-2016.json' with { type: 'json' };
import reference from '../../../spec/criteria-cao-bang-2016.json' with { type: 'json' };
import { CriteriaSet, type Field, type Formula, type Text } from './schema.ts';

// ---- the reference format, as far as these tests read it ----

type RefFormula = { op: string } & Record<string, unknown>;

interface RefInput {
  key: string;
  label_vi: string;
  type: string;
  unit?: string;
  source: string;
  required: boolean;
  min?: number;
  max?: number;
  max_length?: number;
  pattern?: string;
  options?: string[];
}

interface RefCriterion {
  id: string;
  name_vi: string;
  name_en: string;
  max: number;
  na_allowed: boolean;
  na_condition: string | null;
  monitored_on_website: boolean;
  inputs: string[];
  formula: RefFormula;
  formula_text: string;
  evidence: string;
  basis: string;
}

interface RefCategory {
  id: string;
  name_vi: string;
  name_en: string;
  max: number;
  gate?: string;
  criteria: RefCriterion[];
}

interface RefGroup {
  id: string;
  name_vi: string;
  appendix: string;
  agency_count: number;
  inputs: RefInput[];
  categories: RefCategory[];
}

interface RefValidation {
  id: string;
  severity: string;
  groups: string[];
  rule: string;
  message_vi: string;
}

interface RefSet {
  meta: {
    id: string;
    version: string;
    title: string;
    ranking: { label: string; min: number; max_exclusive: number | null }[];
  };
  derived_fields: Record<string, string[]>;
  groups: RefGroup[];
  validations: RefValidation[];
}

const ref = reference as unknown as RefSet;
const set = CriteriaSet.parse(raw);

/** The reference wording as our file stores it (schema `Text` trims; the file is NFC). */
const vi = (s: string): string => s.normalize('NFC').trim();

const RENAMED_KEYS: Readonly<Record<string, string>> = {
  den_zero: 'denZero',
  per_item: 'perItem',
  deadline_mmdd: 'by',
};

/** A reference formula in our format: three keys renamed, everything else identical. */
function translateReferenceFormula(f: RefFormula): Formula {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(f)) {
    let v = value;
    if (key === 'terms') v = (value as RefFormula[]).map(translateReferenceFormula);
    else if ((key === 'then' || key === 'else') && typeof value === 'object' && value !== null) {
      v = translateReferenceFormula(value as RefFormula);
    }
    out[RENAMED_KEYS[key] ?? key] = v;
  }
  return out as Formula;
}

/** Field keys a formula reads. */
function formulaFields(f: Formula): string[] {
  switch (f.op) {
    case 'ratio':
      return [f.num, f.den];
    case 'count':
      return f.fields;
    case 'sum':
      return f.terms.flatMap(formulaFields);
    case 'gate':
      return [f.if, ...formulaFields(f.then), ...(typeof f.else === 'number' ? [] : formulaFields(f.else))];
    default:
      return [f.field];
  }
}

const fieldByKey = new Map<string, Field>(set.fields.map((f) => [f.key, f]));
const groupIds = set.groups.map((g) => g.id);
const fieldGroups = (f: Field): string[] => f.groups ?? groupIds;

const refFieldGroups = new Map<string, string[]>();
const refFieldByKey = new Map<string, RefInput>();
for (const g of ref.groups) {
  for (const input of g.inputs) {
    refFieldGroups.set(input.key, [...(refFieldGroups.get(input.key) ?? []), g.id]);
    if (!refFieldByKey.has(input.key)) refFieldByKey.set(input.key, input);
  }
}

const allCriteria = set.groups.flatMap((g) =>
  g.categories.flatMap((c) => c.criteria.map((cr) => ({ group: g.id, criterion: cr }))),
);

const hasBoth = (t: Text | undefined): boolean => Boolean(t?.vi.trim() && t.en?.trim());

describe('bundled criteria set cao-bang-2016', () => {
  it('loads as a valid chiso.criteria/1 set marked as a reconstruction to be replaced', () => {
    expect(set.format).toBe('chiso.criteria/1');
    expect(set.id).toBe(ref.meta.id);
    expect(set.version).toBe(ref.meta.version);
    expect(set.status).toBe('reconstructed');
    expect(set.title.vi).toBe(vi(ref.meta.title));
    expect(set.title.en).toBeTruthy();
    expect(set.decision).toBe('QĐ 2310/QĐ-UBND ngày 02/12/2016 của UBND tỉnh Cao Bằng');
    expect(set.totalMax).toBe(100);
    for (const lang of ['vi', 'en'] as const) {
      const notes = set.notes?.[lang] ?? '';
      for (const needle of [
        '62/QĐ-BTTTT',
        '43/2011',
        '06/2013',
        '6.3',
        'commune_count',
        'website_url',
        'V40',
      ]) {
        expect(notes, `notes.${lang} mentions ${needle}`).toContain(needle);
      }
      for (const decision of ['(a)', '(b)', '(c)', '(d)', '(e)', '(1)', '(2)']) {
        expect(notes, `notes.${lang} lists ${decision}`).toContain(decision);
      }
    }
  });

  it('ranks into Tốt ≥ 85, Khá ≥ 65, Trung bình ≥ 50 and Dưới trung bình below, as the reference does', () => {
    expect(set.classes.map((c) => c.id)).toEqual(['tot', 'kha', 'trung_binh', 'duoi_trung_binh']);
    expect(set.classes.map((c) => ({ label: c.label.vi, min: c.min, below: c.below ?? null }))).toEqual(
      ref.meta.ranking.map((r) => ({ label: r.label, min: r.min, below: r.max_exclusive })),
    );
    expect(set.classes.map((c) => c.label.en)).toEqual(['Good', 'Fair', 'Average', 'Below average']);
  });

  it('has the reference groups, in order, with their appendix and number of agencies', () => {
    expect(set.groups.map((g) => g.id)).toEqual(['department', 'district']);
    expect(
      set.groups.map((g) => ({ id: g.id, name: g.name.vi, appendix: g.appendix, n: g.expectedAgencies })),
    ).toEqual(
      ref.groups.map((g) => ({ id: g.id, name: vi(g.name_vi), appendix: g.appendix, n: g.agency_count })),
    );
  });

  it('has every reference category, in order, with the same name, maximum and gate', () => {
    ref.groups.forEach((rg, gi) => {
      const ours = set.groups[gi]!.categories.map((c) => ({
        id: c.id,
        vi: c.name.vi,
        en: c.name.en,
        max: c.max,
        gate: c.gate,
      }));
      const theirs = rg.categories.map((c) => ({
        id: c.id,
        vi: vi(c.name_vi),
        en: c.name_en,
        max: c.max,
        gate: c.gate,
      }));
      expect(ours, rg.id).toEqual(theirs);
    });
  });

  it('has every reference criterion, in order, with the same maximum, N/A rule, monitoring, inputs and formula', () => {
    ref.groups.forEach((rg, gi) => {
      rg.categories.forEach((rc, ci) => {
        const ours = set.groups[gi]!.categories[ci]!.criteria;
        expect(
          ours.map((c) => c.id),
          `${rg.id} ${rc.id}`,
        ).toEqual(rc.criteria.map((c) => c.id));
        rc.criteria.forEach((r, i) => {
          const c = ours[i]!;
          const where = `${rg.id} ${r.id}`;
          expect(c.max, where).toBe(r.max);
          expect(c.notApplicable !== undefined, where).toBe(r.na_allowed);
          if (r.na_allowed) expect(c.notApplicable?.when.vi, where).toBe(vi(r.na_condition ?? ''));
          expect(c.monitoredOnWebsite, where).toBe(r.monitored_on_website);
          expect(c.inputs, where).toEqual(r.inputs);
          expect(c.formula, where).toEqual(translateReferenceFormula(r.formula));
        });
      });
    });
  });

  it('keeps the wording of every criterion: name, formula text, legal basis and evidence', () => {
    ref.groups.forEach((rg, gi) => {
      rg.categories.forEach((rc, ci) => {
        rc.criteria.forEach((r, i) => {
          const c = set.groups[gi]!.categories[ci]!.criteria[i]!;
          const where = `${rg.id} ${r.id}`;
          expect(c.name, where).toEqual({ vi: vi(r.name_vi), en: r.name_en });
          expect(c.formulaText?.vi, where).toBe(vi(r.formula_text));
          expect(c.legalBasis, where).toBe(r.basis === '' ? undefined : vi(r.basis));
          const isFieldKey = rg.inputs.some((input) => input.key === r.evidence);
          expect(c.evidenceFields, where).toEqual(isFieldKey ? [r.evidence] : undefined);
          expect(c.evidenceHint?.vi, where).toBe(
            r.evidence !== '' && !isFieldKey ? vi(r.evidence) : undefined,
          );
          if (c.evidenceHint) expect(c.evidenceHint.en, where).toBeTruthy();
        });
      });
    });
  });

  it('declares every reference input field once, in reference order, with its group membership', () => {
    expect(set.fields.map((f) => f.key)).toEqual([...refFieldByKey.keys()]);
    for (const f of set.fields) {
      expect(fieldGroups(f), f.key).toEqual(refFieldGroups.get(f.key));
      // `groups` is written only for a field that not every group has.
      expect(f.groups === undefined, f.key).toBe(refFieldGroups.get(f.key)!.length === groupIds.length);
    }
  });

  it('gives shared fields one definition, as the reference does for both groups', () => {
    for (const g of ref.groups) {
      for (const input of g.inputs) {
        expect(input, `${g.id} ${input.key}`).toEqual(refFieldByKey.get(input.key));
      }
    }
  });

  it('keeps each field’s label, type, unit, source, requirement, limits and options', () => {
    for (const [key, r] of refFieldByKey) {
      const f = fieldByKey.get(key)!;
      expect(f.label.vi, key).toBe(vi(r.label_vi));
      expect(f.type, key).toBe(r.type);
      expect(f.unit?.vi, key).toBe(r.unit === undefined ? undefined : vi(r.unit));
      expect(f.source, key).toBe(r.source);
      expect(f.required, key).toBe(r.required);
      if (key !== 'commune_count') expect(f.min, key).toBe(r.min);
      expect(f.max, key).toBe(r.max);
      expect(f.maxLength, key).toBe(r.max_length);
      if (key !== 'website_url') expect(f.pattern, key).toBe(r.pattern);
      expect(
        f.options?.map((o) => o.value),
        key,
      ).toEqual(r.options);
    }
  });

  it('lets a district declare 0 communes (vector H-ZERO-DEN) and warns instead (documented deviation 1)', () => {
    expect(refFieldByKey.get('commune_count')!.min).toBe(1);
    expect(fieldByKey.get('commune_count')!.min).toBe(0);
    expect(fieldByKey.get('commune_count')!.max).toBe(60);
    const v40 = set.validations.find((v) => v.id === 'V40');
    expect(v40).toEqual({
      id: 'V40',
      severity: 'warning',
      groups: ['district'],
      rule: 'commune_count >= 1',
      message: {
        vi: 'Huyện không có đơn vị hành chính cấp xã nào: kiểm tra lại số xã, phường, thị trấn',
        en: expect.any(String),
      },
    });
  });

  it('accepts a website outside caobang.gov.vn with a warning, not a rejection (documented deviation 2)', () => {
    const refPattern = refFieldByKey.get('website_url')!.pattern!;
    expect(refPattern).toBe('^https?://([a-z0-9-]+\\.)*caobang\\.gov\\.vn(/.*)?$');
    const website = fieldByKey.get('website_url')!;
    expect(website.pattern).toBeUndefined();
    expect(website.help?.vi).toContain(refPattern);
    expect(website.help?.en).toContain(refPattern);
    expect(set.validations.find((v) => v.id === 'V33')?.severity).toBe('warning');
  });

  it('keeps every logic check with the same id, severity, groups and rule, then adds V40', () => {
    expect(set.validations.map((v) => v.id)).toEqual([...ref.validations.map((v) => v.id), 'V40']);
    ref.validations.forEach((r, i) => {
      const v = set.validations[i]!;
      expect(v.severity, r.id).toBe(r.severity);
      expect(v.groups, r.id).toEqual(r.groups);
      expect(v.message.vi, r.id).toBe(vi(r.message_vi));
      if (!['V36', 'V37', 'V38', 'V39'].includes(r.id)) {
        expect(v.rule, r.id).toBe(r.rule);
        expect(v.builtin, r.id).toBeUndefined();
      }
    });
    // The regex of V33 keeps the reference characters (the check language unescapes `\\`).
    expect(set.validations.find((v) => v.id === 'V33')?.rule).toBe(
      "website_url == null || matches(website_url, '^https?://([a-z0-9-]+\\\\.)*caobang\\\\.gov\\\\.vn')",
    );
  });

  it('turns the checks the expression language cannot say (V36–V39) into builtins or a plain range test', () => {
    const byId = new Map(set.validations.map((v) => [v.id, v]));
    expect(byId.get('V36')).toMatchObject({ builtin: 'all_ratios_full' });
    expect(byId.get('V37')).toMatchObject({ builtin: 'not_applicable_claims' });
    expect(byId.get('V38')).toMatchObject({ builtin: 'submitted_on_time' });
    for (const id of ['V36', 'V37', 'V38']) expect(byId.get(id)?.rule, id).toBeUndefined();
    expect(ref.validations.find((v) => v.id === 'V39')?.rule).toBe('data_quality_points between 0 and 2');
    expect(byId.get('V39')?.rule).toBe(
      'data_quality_points == null || (data_quality_points >= 0 && data_quality_points <= 2)',
    );
    expect(byId.get('V39')?.builtin).toBeUndefined();
  });

  it('gives every logic-check message an English translation', () => {
    for (const v of set.validations) expect(hasBoth(v.message), v.id).toBe(true);
  });

  it('derives dvc_level34 as level 3 plus level 4 online services', () => {
    expect(set.derived.map((d) => ({ key: d.key, sum: d.sum }))).toEqual(
      Object.entries(ref.derived_fields).map(([key, sum]) => ({ key, sum })),
    );
    for (const d of set.derived) expect(hasBoth(d.label), d.key).toBe(true);
  });

  it('gives every field an English label, a short label and help text in both languages', () => {
    for (const f of set.fields) {
      expect(f.label.en, f.key).toBeTruthy();
      expect(hasBoth(f.shortLabel), `${f.key} shortLabel`).toBe(true);
      expect(hasBoth(f.help), `${f.key} help`).toBe(true);
      if (f.unit) expect(f.unit.en, `${f.key} unit`).toBeTruthy();
      // A short label is meant for table headers: a few words.
      expect(f.shortLabel!.vi.length, `${f.key} shortLabel.vi`).toBeLessThanOrEqual(40);
      expect(f.shortLabel!.en!.length, `${f.key} shortLabel.en`).toBeLessThanOrEqual(40);
    }
  });

  it('labels every option of a choice field in Vietnamese and English', () => {
    const choiceFields = set.fields.filter((f) => f.type === 'enum');
    expect(choiceFields.map((f) => f.key)).toEqual([
      'internet_connection_type',
      'it_staff_status',
      'it_staff_top_qualification',
    ]);
    for (const f of choiceFields) {
      for (const o of f.options ?? []) expect(hasBoth(o.label), `${f.key}.${o.value}`).toBe(true);
    }
    const status = fieldByKey.get('it_staff_status')!.options!;
    expect(status.map((o) => [o.value, o.label.vi, o.label.en])).toEqual([
      ['chuyen_trach', 'Chuyên trách', 'Dedicated'],
      ['kiem_nhiem', 'Kiêm nhiệm', 'Part-time (concurrent duty)'],
      ['khong_co', 'Không có', 'None'],
    ]);
  });

  it('gives every group, category and criterion an English name, and every criterion its formula in words', () => {
    for (const g of set.groups) {
      expect(hasBoth(g.name), g.id).toBe(true);
      for (const c of g.categories) expect(hasBoth(c.name), `${g.id} ${c.id}`).toBe(true);
    }
    for (const { group, criterion } of allCriteria) {
      const where = `${group} ${criterion.id}`;
      expect(hasBoth(criterion.name), where).toBe(true);
      expect(hasBoth(criterion.formulaText), where).toBe(true);
      if (criterion.notApplicable) expect(hasBoth(criterion.notApplicable.when), where).toBe(true);
    }
  });

  it('adds up: criteria to their category maximum, categories to 100 (20/25/20/25/10 and 25/20/20/25/10)', () => {
    const expected: Record<string, number[]> = {
      department: [20, 25, 20, 25, 10],
      district: [25, 20, 20, 25, 10],
    };
    for (const g of set.groups) {
      expect(
        g.categories.map((c) => c.max),
        g.id,
      ).toEqual(expected[g.id]);
      for (const c of g.categories) {
        const sum = c.criteria.reduce((s, cr) => s + cr.max, 0);
        expect(sum, `${g.id} ${c.id}`).toBeCloseTo(c.max, 9);
      }
      expect(g.categories.reduce((s, c) => s + c.max, 0)).toBe(set.totalMax);
    }
  });

  it('refers only to fields the group’s form has (inputs, formulas, gates, evidence)', () => {
    const derived = new Set(set.derived.map((d) => d.key));
    for (const g of set.groups) {
      const known = (key: string): boolean => {
        const f = fieldByKey.get(key);
        return f ? fieldGroups(f).includes(g.id) : derived.has(key);
      };
      for (const c of g.categories) {
        if (c.gate) expect(known(c.gate), `${g.id} ${c.id} gate ${c.gate}`).toBe(true);
        for (const cr of c.criteria) {
          const keys = [...cr.inputs, ...formulaFields(cr.formula), ...(cr.evidenceFields ?? [])];
          for (const key of keys) expect(known(key), `${g.id} ${cr.id} ${key}`).toBe(true);
        }
      }
    }
    for (const d of set.derived) {
      for (const key of d.sum) expect(fieldByKey.has(key), `${d.key} ${key}`).toBe(true);
    }
  });

  it('stores every text in Unicode NFC', () => {
    const walk = (x: unknown, path: string): void => {
      if (typeof x === 'string') expect(x === x.normalize('NFC'), path).toBe(true);
      else if (Array.isArray(x)) {
        for (const [i, y] of x.entries()) walk(y, `${path}[${i}]`);
      } else if (x !== null && typeof x === 'object') {
        for (const [k, v] of Object.entries(x)) walk(v, `${path}.${k}`);
      }
    };
    walk(raw, '$');
  });
});
