/**
 * The commands that read data: score, check, criteria validate and criteria show. main.ts loads
 * this module only once it knows the command is one of them, so that `chiso help` (and a mistyped
 * option) answers without loading the criteria and the core. The criteria validator (and zod
 * with it) is loaded only to read a criteria file: the bundled sets come from criteria-sets.ts.
 */
import { compileChecks, runChecks } from '../core/checks/run.ts';
import { BUNDLED_SET_IDS, DEFAULT_SET_ID } from '../core/criteria/bundled-ids.ts';
import { type CompiledSet, compileCriteriaSet } from '../core/criteria/compile.ts';
import type { LoadProblem } from '../core/criteria/load.ts';
import { pick } from '../core/format.ts';
import { type InputProblem, readCycle, readCycleText } from '../core/input/cycle.ts';
import { writeInterchangeJson } from '../core/interchange.ts';
import { scoreCycle } from '../core/ranking/rank.ts';
import { scoreAgency } from '../core/scoring/score.ts';
import type { Lang, Text } from '../core/types.ts';
import { bundledSets } from './criteria-sets.ts';
import { type Io, UsageError } from './io.ts';
import { parseJsonBytes } from './json-bytes.ts';
import { renderCheckText, renderCriteria, renderExplanation, renderRankingTable } from './render.ts';

/** A file's bytes; a user's mistake (no such file, a folder) is told as one. */
function readInput(io: Io, path: string | undefined, what: Text): Buffer {
  if (path === undefined)
    throw new UsageError([{ vi: `Thiếu ${what.vi}: --input TỆP`, en: `missing ${what.en}: --input FILE` }]);
  try {
    const data = io.readFile(path);
    return typeof data === 'string' ? Buffer.from(data) : data;
  } catch (e) {
    const code = (e as { code?: string }).code;
    const reason =
      code === 'ENOENT'
        ? { vi: 'không có tệp này', en: 'no such file' }
        : code === 'EISDIR'
          ? { vi: 'đây là thư mục', en: 'is a directory' }
          : { vi: 'không đọc được', en: 'cannot be read' };
    throw new UsageError([{ vi: `Tệp "${path}": ${reason.vi}`, en: `file "${path}": ${reason.en}` }]);
  }
}

/** The criteria validator, loaded when a criteria file is to be read. */
const validator = () => import('../core/criteria/load.ts');

/** A bundled set id, or a path to a criteria file. */
async function resolveCriteria(io: Io, spec: string): Promise<CompiledSet> {
  const bundled = (await bundledSets())(spec);
  if (bundled) return bundled;
  if (!/[/\\.]/.test(spec))
    throw new UsageError([
      {
        vi: `Không có bộ tiêu chí "${spec}" (có sẵn: ${BUNDLED_SET_IDS.join(', ')})`,
        en: `unknown criteria set "${spec}" (bundled: ${BUNDLED_SET_IDS.join(', ')})`,
      },
    ]);
  const text = readInput(io, spec, { vi: 'bộ tiêu chí', en: 'criteria set' }).toString('utf8');
  const result = (await validator()).loadCriteriaSetText(text);
  if (!result.ok) throw new UsageError(result.problems.map(problemLine));
  return compileCriteriaSet(result.set);
}

function problemLine(p: LoadProblem): Text {
  return p.path
    ? { vi: `${p.path}: ${p.message.vi}`, en: `${p.path}: ${p.message.en ?? p.message.vi}` }
    : p.message;
}

function inputLine(p: InputProblem): Text {
  const where = (lang: Lang) => {
    const parts: string[] = [];
    if (p.agency !== undefined) parts.push(`${lang === 'vi' ? 'đơn vị' : 'agency'} ${p.agency}`);
    if (p.field !== undefined) parts.push(`${lang === 'vi' ? 'trường' : 'field'} ${p.field}`);
    if (p.criterion !== undefined) parts.push(`${lang === 'vi' ? 'tiêu chí' : 'criterion'} ${p.criterion}`);
    return parts.length ? `${parts.join(', ')}: ` : '';
  };
  return { vi: where('vi') + p.message.vi, en: where('en') + (p.message.en ?? p.message.vi) };
}

export type Flags = {
  input?: string | undefined;
  criteria?: string | undefined;
  format?: string | undefined;
  explain?: string | undefined;
};

async function readCycleFile(io: Io, flags: Flags) {
  const bytes = readInput(io, flags.input, { vi: 'tệp số liệu của kỳ đánh giá', en: 'the cycle file' });
  const chosen = flags.criteria !== undefined ? await resolveCriteria(io, flags.criteria) : undefined;
  const options = { resolveSet: await bundledSets(), set: chosen };
  // Parsed from the bytes where it can be (json-bytes.ts), else from the text, which also
  // words the error of a file that is not JSON.
  const parsed = parseJsonBytes(bytes);
  const read =
    parsed !== null ? readCycle(parsed.value, options) : readCycleText(bytes.toString('utf8'), options);
  if (!read.ok) throw new UsageError(read.problems.map(inputLine));
  return read;
}

function checkFormat(format: string | undefined, allowed: readonly string[]): string {
  const f = format ?? allowed[0]!;
  if (!allowed.includes(f))
    throw new UsageError([
      {
        vi: `--format phải là ${allowed.join(' hoặc ')}, nhận được "${f}"`,
        en: `--format must be ${allowed.join(' or ')}, got "${f}"`,
      },
    ]);
  return f;
}

export async function runScore(io: Io, flags: Flags, lang: Lang): Promise<number> {
  const format = checkFormat(flags.format, ['json', 'table']);
  const { cycle, set } = await readCycleFile(io, flags);
  const explainCode = flags.explain;
  if (explainCode !== undefined && !cycle.agencies.some((a) => a.code === explainCode))
    throw new UsageError([
      { vi: `Không có đơn vị "${explainCode}" trong tệp`, en: `no agency "${explainCode}" in the file` },
    ]);
  // Ranked without explanations; only the agency asked about is explained (a 10,000-agency
  // cycle explained whole took seconds and gigabytes to print one agency).
  const result = scoreCycle(set, cycle);
  if (explainCode !== undefined) {
    io.out(
      renderExplanation(result, cycle, explainCode, lang, (agency) =>
        scoreAgency(set, agency, cycle.year, { explain: true }),
      ),
    );
    return 0;
  }
  if (format === 'json') writeInterchangeJson(result, io.out);
  else io.out(renderRankingTable(result, lang));
  return 0;
}

export async function runCheck(io: Io, flags: Flags, lang: Lang): Promise<number> {
  const format = checkFormat(flags.format, ['text', 'json']);
  const { cycle, set } = await readCycleFile(io, flags);
  const compiled = compileChecks(set.def);
  const rows = cycle.agencies.map((a) => ({
    agency: a,
    findings: runChecks(set.def, a.group, a, { deadline: cycle.deadline }, compiled),
  }));
  if (format === 'json') {
    const json = {
      year: cycle.year,
      agencies: rows.map((r) => ({
        code: r.agency.code,
        group: r.agency.group,
        findings: r.findings.map((f) => ({
          rule: f.ruleId,
          severity: f.severity,
          message: pick(f.message, lang),
          fields: f.fields,
        })),
      })),
    };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
  } else io.out(renderCheckText(rows, lang));
  return 0;
}

export async function runValidate(io: Io, path: string | undefined, lang: Lang): Promise<number> {
  if (path === undefined)
    throw new UsageError([
      {
        vi: 'Thiếu đường dẫn tệp bộ tiêu chí: chiso criteria validate TỆP',
        en: 'missing the criteria file: chiso criteria validate PATH',
      },
    ]);
  const text = readInput(io, path, { vi: 'bộ tiêu chí', en: 'criteria set' }).toString('utf8');
  const result = (await validator()).loadCriteriaSetText(text);
  if (!result.ok) throw new UsageError(result.problems.map(problemLine));
  const s = result.set;
  const criteria = s.groups.reduce((n, g) => n + g.categories.reduce((m, c) => m + c.criteria.length, 0), 0);
  io.out(
    lang === 'vi'
      ? `Hợp lệ: ${s.id} phiên bản ${s.version} — ${s.groups.length} nhóm, ${criteria} tiêu chí, ${s.fields.length} trường số liệu, ${s.validations.length} quy tắc kiểm tra.\n`
      : `Valid: ${s.id} version ${s.version} — ${s.groups.length} groups, ${criteria} criteria, ${s.fields.length} fields, ${s.validations.length} checks.\n`,
  );
  return 0;
}

export async function runShow(
  io: Io,
  spec: string | undefined,
  group: string | undefined,
  lang: Lang,
): Promise<number> {
  const set = await resolveCriteria(io, spec ?? DEFAULT_SET_ID);
  if (group !== undefined && !set.groupsById.has(group))
    throw new UsageError([
      {
        vi: `Không có nhóm "${group}" (có: ${set.groups.map((g) => g.id).join(', ')})`,
        en: `unknown group "${group}" (known: ${set.groups.map((g) => g.id).join(', ')})`,
      },
    ]);
  io.out(renderCriteria(set, group, lang));
  return 0;
}
