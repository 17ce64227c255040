/**
 * The `chiso` command. Every user mistake ends with exit status 2, nothing on stdout and one
 * line per problem on stderr (interchange.md); a stack trace is shown only with CHISO_DEBUG=1.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compileChecks, runChecks } from '../core/checks/run.ts';
import { BUNDLED_SET_IDS, bundledCompiledSet, DEFAULT_SET_ID } from '../core/criteria/bundled.ts';
import { type CompiledSet, compileCriteriaSet } from '../core/criteria/compile.ts';
import { type LoadProblem, loadCriteriaSetText } from '../core/criteria/load.ts';
import { pick } from '../core/format.ts';
import { type InputProblem, readCycleText } from '../core/input/cycle.ts';
import { writeInterchangeJson } from '../core/interchange.ts';
import { scoreCycle } from '../core/ranking/rank.ts';
import { scoreAgency } from '../core/scoring/score.ts';
import type { Lang, Text } from '../core/types.ts';
import { renderCheckText, renderCriteria, renderExplanation, renderRankingTable } from './render.ts';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Reads a file (or standard input for "-"); throws like fs on failure. */
  readonly readFile: (path: string) => string;
}

export const nodeIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readFile: (p) => readFileSync(p === '-' ? 0 : p, 'utf8'),
};

/** A user's mistake: reported as lines on stderr with exit status 2. */
class UsageError extends Error {
  constructor(readonly lines: readonly Text[]) {
    super(lines.map((l) => l.en ?? l.vi).join('; '));
  }
}

const HELP: Text = {
  vi: `chiso — đánh giá, xếp hạng mức độ ứng dụng CNTT (QĐ 2310/QĐ-UBND Cao Bằng)

Cách dùng:
  chiso score --input TỆP [--criteria MÃ|TỆP] [--format json|table] [--lang vi|en] [--explain MÃ_ĐƠN_VỊ]
      Tính điểm, xếp hạng từng nhóm, xếp loại. Mặc định in JSON theo interchange.md.
  chiso check --input TỆP [--criteria MÃ|TỆP] [--format text|json] [--lang vi|en]
      Kiểm tra tính logic của số liệu (không làm thay đổi điểm).
  chiso criteria validate TỆP [--lang vi|en]
      Kiểm tra một bộ tiêu chí trước khi nạp.
  chiso criteria show [MÃ|TỆP] [--group NHÓM] [--lang vi|en]
      In các hạng mục, tiêu chí và điểm tối đa theo nhóm.
  chiso serve [--demo]
      Chạy máy chủ (như npm start); --demo nạp thêm một năm mẫu đầy đủ.

TỆP "-" là đầu vào chuẩn. Lỗi dữ liệu: mã thoát 2, mỗi lỗi một dòng trên stderr.
Bộ tiêu chí có sẵn: ${BUNDLED_SET_IDS.join(', ')}.
`,
  en: `chiso — evaluate and rank the IT application of state agencies (Decision 2310/QĐ-UBND, Cao Bằng)

Usage:
  chiso score --input FILE [--criteria ID|PATH] [--format json|table] [--lang vi|en] [--explain AGENCY_CODE]
      Score, rank each group, assign classes. Prints JSON (interchange.md) by default.
  chiso check --input FILE [--criteria ID|PATH] [--format text|json] [--lang vi|en]
      Logic checks of the data (they never change a score).
  chiso criteria validate PATH [--lang vi|en]
      Validate a criteria set before loading it.
  chiso criteria show [ID|PATH] [--group GROUP] [--lang vi|en]
      Print categories, criteria and maxima per group.
  chiso serve [--demo]
      Run the server (as npm start); --demo also loads a complete sample year.

FILE "-" is standard input. Bad input: exit status 2, one line per problem on stderr.
Bundled criteria sets: ${BUNDLED_SET_IDS.join(', ')}.
`,
};

/** Runs the command line; returns the exit status. */
export async function main(argv: readonly string[], io: Io = nodeIo): Promise<number> {
  let lang: Lang = 'vi';
  const bilingual = { value: true };
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        input: { type: 'string', short: 'i' },
        criteria: { type: 'string', short: 'c' },
        format: { type: 'string', short: 'f' },
        lang: { type: 'string', short: 'l' },
        group: { type: 'string', short: 'g' },
        explain: { type: 'string' },
        demo: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.lang !== undefined) {
      if (values.lang !== 'vi' && values.lang !== 'en')
        throw new UsageError([
          {
            vi: `--lang phải là vi hoặc en, nhận được "${values.lang}"`,
            en: `--lang must be vi or en, got "${values.lang}"`,
          },
        ]);
      lang = values.lang;
      bilingual.value = false;
    }
    const [command, sub, arg] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.out(pick(HELP, lang));
      return 0;
    }
    switch (command) {
      case 'serve': {
        // Loaded only here: scoring from the command line needs none of the server.
        const { serve } = await import('../server/main.ts');
        await serve({ demo: values.demo === true, out: (line) => io.out(`${line}\n`) });
        return 0;
      }
      case 'score':
        return runScore(io, values, lang);
      case 'check':
        return runCheck(io, values, lang);
      case 'criteria':
        if (sub === 'validate') return runValidate(io, arg, lang);
        if (sub === 'show') return runShow(io, arg, values.group, lang);
        throw new UsageError([
          {
            vi: `Lệnh con không hợp lệ: "criteria ${sub ?? ''}" (dùng validate hoặc show)`,
            en: `unknown subcommand "criteria ${sub ?? ''}" (use validate or show)`,
          },
        ]);
      default:
        throw new UsageError([
          {
            vi: `Không có lệnh "${command}" (xem: chiso help)`,
            en: `unknown command "${command}" (see: chiso help)`,
          },
        ]);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      for (const line of e.lines) io.err(`${say(line, lang, bilingual.value)}\n`);
      return 2;
    }
    if (isArgError(e)) {
      io.err(
        `${say({ vi: `Tham số không hợp lệ: ${e.message}`, en: `invalid arguments: ${e.message}` }, lang, bilingual.value)}\n`,
      );
      return 2;
    }
    if (e instanceof Error && (e as Error & { userFacing?: boolean }).userFacing) {
      io.err(`${e.message}\n`);
      return 2;
    }
    if (process.env.CHISO_DEBUG === '1') throw e;
    io.err(
      `${say({ vi: 'Lỗi nội bộ, hãy báo cho quản trị hệ thống (chạy lại với CHISO_DEBUG=1 để xem chi tiết)', en: 'internal error; please report it (CHISO_DEBUG=1 shows details)' }, lang, bilingual.value)}\n`,
    );
    return 1;
  }
}

const isArgError = (e: unknown): e is Error => {
  const code = e instanceof Error ? (e as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
};

/** Vietnamese with the English in brackets, or one language when --lang is given. */
function say(t: Text, lang: Lang, bilingual: boolean): string {
  if (!bilingual) return pick(t, lang);
  return t.en && t.en !== t.vi ? `${t.vi} [${t.en}]` : t.vi;
}

function readInput(io: Io, path: string | undefined, what: Text): string {
  if (path === undefined)
    throw new UsageError([{ vi: `Thiếu ${what.vi}: --input TỆP`, en: `missing ${what.en}: --input FILE` }]);
  try {
    return io.readFile(path);
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

/** A bundled set id, or a path to a criteria file. */
function resolveCriteria(io: Io, spec: string): CompiledSet {
  const bundled = bundledCompiledSet(spec);
  if (bundled) return bundled;
  if (!/[/\\.]/.test(spec))
    throw new UsageError([
      {
        vi: `Không có bộ tiêu chí "${spec}" (có sẵn: ${BUNDLED_SET_IDS.join(', ')})`,
        en: `unknown criteria set "${spec}" (bundled: ${BUNDLED_SET_IDS.join(', ')})`,
      },
    ]);
  const result = loadCriteriaSetText(readInput(io, spec, { vi: 'bộ tiêu chí', en: 'criteria set' }));
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

type Flags = {
  input?: string | undefined;
  criteria?: string | undefined;
  format?: string | undefined;
  explain?: string | undefined;
};

function readCycleFile(io: Io, flags: Flags) {
  const text = readInput(io, flags.input, { vi: 'tệp số liệu của kỳ đánh giá', en: 'the cycle file' });
  const chosen = flags.criteria !== undefined ? resolveCriteria(io, flags.criteria) : undefined;
  const read = readCycleText(text, { resolveSet: bundledCompiledSet, set: chosen });
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

function runScore(io: Io, flags: Flags, lang: Lang): number {
  const format = checkFormat(flags.format, ['json', 'table']);
  const { cycle, set } = readCycleFile(io, flags);
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

function runCheck(io: Io, flags: Flags, lang: Lang): number {
  const format = checkFormat(flags.format, ['text', 'json']);
  const { cycle, set } = readCycleFile(io, flags);
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

function runValidate(io: Io, path: string | undefined, lang: Lang): number {
  if (path === undefined)
    throw new UsageError([
      {
        vi: 'Thiếu đường dẫn tệp bộ tiêu chí: chiso criteria validate TỆP',
        en: 'missing the criteria file: chiso criteria validate PATH',
      },
    ]);
  const result = loadCriteriaSetText(readInput(io, path, { vi: 'bộ tiêu chí', en: 'criteria set' }));
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

function runShow(io: Io, spec: string | undefined, group: string | undefined, lang: Lang): number {
  const set = resolveCriteria(io, spec ?? DEFAULT_SET_ID);
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
