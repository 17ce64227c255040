/**
 * Dry run of a criteria version on a published year (R13, R14): the year's frozen data (the latest
 * publication) scored again with another version, read-only, beside the published result — the
 * totals, ranks and classes of both, who moves, and what the old data lacks for the new set.
 *
 * The same as `chiso score --criteria NEW` on the year's cycle file (results/cycle-file.ts): the
 * file is read by the same reader with the new set and scored by the same `scoreCycle`. When the
 * command-line tool would refuse the file (a field the new set requires that the old year never
 * collected, a value the new set no longer allows, a field or a "not applicable" claim the new set
 * no longer has), the dry run says so with the tool's own problems, and scores anyway with that
 * data treated as the list `dropped`/`missingFields` states: absent, so that the parts of the
 * criteria that need it score 0. Nothing is written: no transaction, no audit, only reads.
 */
import { type CompiledSet, compileCriteriaSet } from '../../../core/criteria/compile.ts';
import type { CriteriaSet, Field } from '../../../core/criteria/schema.ts';
import { readCycle } from '../../../core/input/cycle.ts';
import { checkValue } from '../../../core/input/values.ts';
import { type InterchangeResult, toInterchange } from '../../../core/interchange.ts';
import { scoreCycle } from '../../../core/ranking/rank.ts';
import type { Text } from '../../../core/types.ts';
import { invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { type CycleFile, cycleFileOf } from '../results/cycle-file.ts';
import { loadResult } from '../results/result-document.ts';
import type { SnapshotContent } from '../results/results.schema.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { canDryRun } from './criteria.policy.ts';
import type { DryRun, DryRunQuery, DryRunRow, VersionParams } from './criteria.schema.ts';
import { lineageOf, storedSet } from './criteria-views.ts';

/** Problems of the command-line reading shown in full; the rest are counted. */
const SHOWN_PROBLEMS = 50;

/** A set whose fields are all optional: how the dry run scores data the new set would refuse as incomplete. */
const relaxedSets = new Map<string, CompiledSet>();
function relaxed(versionId: string, def: CriteriaSet): CompiledSet {
  let s = relaxedSets.get(versionId);
  if (!s) {
    s = compileCriteriaSet({ ...def, fields: def.fields.map((f) => ({ ...f, required: false })) });
    relaxedSets.set(versionId, s);
  }
  return s;
}

const TREAT = {
  unknown_field: {
    vi: 'Bộ tiêu chí mới không có trường này: bỏ qua số liệu cũ.',
    en: 'The new set has no such field: the old value is ignored.',
  },
  invalid_value: {
    vi: 'Giá trị cũ không hợp lệ theo bộ tiêu chí mới: coi như không có số liệu (phần tiêu chí cần trường này tính 0 điểm).',
    en: 'The old value is not valid under the new set: treated as no value (the parts of criteria that need it score 0).',
  },
  claim: {
    vi: 'Bộ tiêu chí mới không có tiêu chí này hoặc không cho phép "không áp dụng": bỏ đề nghị, tiêu chí chấm theo số liệu.',
    en: 'The new set lacks this criterion or does not allow "not applicable": the claim is dropped and the criterion scored on the values.',
  },
  optional: {
    vi: 'Không có số liệu: phần tiêu chí cần trường này tính 0 điểm (như chiso score).',
    en: 'No value: the parts of criteria that need it score 0 (as chiso score does).',
  },
  required: {
    vi: 'Bắt buộc trong bộ tiêu chí mới: chiso score từ chối tệp của năm này; chạy thử coi như không có số liệu (phần tiêu chí cần trường này tính 0 điểm).',
    en: 'Required by the new set: chiso score refuses this year’s file; the dry run treats it as no value (the parts of criteria that need it score 0).',
  },
} satisfies Record<string, Text>;

type Dropped = DryRun['dropped'][number];

export async function dryRun(
  deps: AppDeps,
  caller: Caller,
  input: VersionParams & DryRunQuery,
): Promise<DryRun> {
  authorize(canDryRun(caller.user));
  const db = deps.database.db;
  const { row, set: def } = await storedSet(db, input.id, 'id');
  const ctx = await loadResult(db, input.cycleId, {});
  if (!ctx.stored)
    throw invalid('cycleId', {
      vi: 'Năm này chưa công bố kết quả: chỉ chấm thử được trên số liệu đã công bố',
      en: 'This year has no published result: a dry run needs published data',
    });
  const content = ctx.stored.content as SnapshotContent;
  const { compiled: oldSet } = await criteriaVersion(db, content.criteria.id);
  const { compiled: newSet } = await criteriaVersion(db, row.id);
  const missingGroup = content.agencies.find((a) => !newSet.groupsById.has(a.group));
  if (missingGroup)
    throw invalid('id', {
      vi: `Bộ tiêu chí mới không có nhóm "${missingGroup.group}" của năm này: không chấm thử được`,
      en: `The new set has no group "${missingGroup.group}" of this year: no dry run possible`,
    });

  const file = cycleFileOf(content);
  const strict = readCycle(file, { resolveSet: () => undefined, set: newSet });
  const { cleaned, dropped } = strict.ok
    ? { cleaned: file, dropped: [] as Dropped[] }
    : clean(file, oldSet, newSet);
  const read = strict.ok
    ? strict
    : readCycle(cleaned, { resolveSet: () => undefined, set: relaxed(row.id, def) });
  if (!read.ok) throw new Error(`dry run: cleaned data does not read: ${JSON.stringify(read.problems[0])}`);
  const fresh = toInterchange(scoreCycle(read.set, read.cycle));

  const groups = compare(content, fresh, newSet);
  const rows = groups.flatMap((g) => g.rows);
  const problems = strict.ok ? [] : strict.problems;
  return {
    cycle: { id: ctx.cycle.id, year: ctx.cycle.year, title: ctx.cycle.title, revision: content.revision },
    from: {
      versionId: content.criteria.id,
      setId: content.criteria.setId,
      version: content.criteria.version,
      title: content.criteria.title,
    },
    to: { versionId: row.id, setId: row.setId, version: row.version, title: row.title },
    lineage: await lineageOf(db, row.content),
    cli: {
      accepted: strict.ok,
      problemCount: problems.length,
      problems: problems.slice(0, SHOWN_PROBLEMS).map((p) => ({
        agency: p.agency ?? null,
        field: p.field ?? p.criterion ?? null,
        message: p.message,
      })),
    },
    groups,
    summary: {
      up: rows.filter((r) => (r.move ?? 0) > 0).length,
      down: rows.filter((r) => (r.move ?? 0) < 0).length,
      same: rows.filter((r) => r.move === 0).length,
      classChanged: rows.filter((r) => r.classChanged).length,
    },
    missingFields: missingFields(cleaned, oldSet, newSet),
    dropped,
  };
}

/**
 * The year's file without what the new set cannot read (fields it lacks, values it refuses,
 * claims it does not allow), and what was dropped, field by field.
 */
function clean(
  file: CycleFile,
  oldSet: CompiledSet,
  newSet: CompiledSet,
): { cleaned: CycleFile; dropped: Dropped[] } {
  const found = new Map<string, { kind: Dropped['kind']; key: string; label: Text; codes: string[] }>();
  const note = (kind: Dropped['kind'], key: string, label: Text, code: string) => {
    const id = `${kind}:${key}`;
    let d = found.get(id);
    if (!d) {
      d = { kind, key, label, codes: [] };
      found.set(id, d);
    }
    if (!d.codes.includes(code)) d.codes.push(code);
  };
  const labelOf = (key: string): Text =>
    newSet.fieldsByKey.get(key)?.label ?? oldSet.fieldsByKey.get(key)?.label ?? { vi: key };
  const agencies = file.agencies.map((a) => {
    const group = newSet.groupsById.get(a.group)!;
    const keep = (values: Record<string, unknown>, monitoringOnly: boolean) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(values)) {
        if (value === null) continue;
        const f = group.fieldsByKey.get(key);
        if (!f || (monitoringOnly && f.source !== 'monitoring'))
          note('unknown_field', key, labelOf(key), a.code);
        else if (checkValue(f, value) !== null) note('invalid_value', key, labelOf(key), a.code);
        else out[key] = value;
      }
      return out;
    };
    const notApplicable = a.notApplicable.filter((id) => {
      const ok = group.criteriaById.get(id)?.naAllowed === true;
      if (!ok) {
        const name = oldSet.groupsById.get(a.group)?.criteriaById.get(id)?.def.name;
        note(
          'claim',
          id,
          name ? { vi: `${id} ${name.vi}`, en: `${id} ${name.en ?? name.vi}` } : { vi: id },
          a.code,
        );
      }
      return ok;
    });
    return {
      ...a,
      values: keep(a.values, false),
      notApplicable,
      websiteChecks: a.websiteChecks.map((c) => ({ ...c, values: keep(c.values, true) })),
    };
  });
  const dropped = [...found.values()].map((d) => ({
    ...d,
    agencies: d.codes.length,
    treatment: TREAT[d.kind],
  }));
  return { cleaned: { ...file, agencies }, dropped };
}

/** The fields of the new set that agencies which submitted gave no value for, and how that was treated. */
function missingFields(file: CycleFile, oldSet: CompiledSet, newSet: CompiledSet): DryRun['missingFields'] {
  const byKey = new Map<string, { f: Field; codes: string[] }>();
  for (const a of file.agencies) {
    if (a.submittedAt === null) continue;
    const group = newSet.groupsById.get(a.group)!;
    for (const f of group.fields) {
      const given =
        (a.values[f.key] !== undefined && a.values[f.key] !== null) ||
        (f.source === 'monitoring' &&
          a.websiteChecks.length > 0 &&
          a.websiteChecks.every((c) => c.values[f.key] !== undefined && c.values[f.key] !== null));
      if (given) continue;
      let entry = byKey.get(f.key);
      if (!entry) {
        entry = { f, codes: [] };
        byKey.set(f.key, entry);
      }
      entry.codes.push(a.code);
    }
  }
  return [...byKey.values()].map(({ f, codes }) => ({
    key: f.key,
    label: f.label,
    source: f.source,
    required: f.required,
    isNew: !oldSet.fieldsByKey.has(f.key),
    agencies: codes.length,
    codes,
    treatment: f.required ? TREAT.required : TREAT.optional,
  }));
}

/** Old and new standing of every agency, group by group (the new set's groups and order). */
function compare(content: SnapshotContent, fresh: InterchangeResult, newSet: CompiledSet): DryRun['groups'] {
  const oldLabels = new Map(content.classes.map((c) => [c.id, c.label]));
  const newLabels = new Map(newSet.bands.map((b) => [b.id, b.label]));
  return newSet.groups.map((g) => {
    const before = content.groups.find((x) => x.id === g.id);
    const after = fresh.groups.find((x) => x.group === g.id);
    const oldRows = new Map((before?.ranking ?? []).map((r) => [r.code, r]));
    const newRows = new Map((after?.ranking ?? []).map((r) => [r.code, r]));
    const notRanked = new Map((after?.notRanked ?? []).map((n) => [n.code, n.reason]));
    const rows = content.agencies
      .filter((a) => a.group === g.id)
      .map((a): DryRunRow => {
        const o = oldRows.get(a.code);
        const n = newRows.get(a.code);
        return {
          code: a.code,
          name: a.name,
          old: o
            ? {
                total: o.total,
                rank: o.rank,
                class: o.class,
                classLabel: oldLabels.get(o.class) ?? { vi: o.class },
              }
            : null,
          new: n
            ? {
                total: n.total,
                rank: n.rank,
                class: n.class,
                classLabel: newLabels.get(n.class) ?? { vi: n.class },
              }
            : null,
          notRanked: notRanked.get(a.code) ?? null,
          move: o && n ? o.rank - n.rank : null,
          classChanged: Boolean(o && n && o.class !== n.class),
        };
      })
      .sort((x, y) => (x.new?.rank ?? 1e9) - (y.new?.rank ?? 1e9) || (x.code < y.code ? -1 : 1));
    return { id: g.id, name: g.def.name, rows };
  });
}
