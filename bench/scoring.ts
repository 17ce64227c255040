/**
 * The scoring benchmark: a seeded 10,000-agency cycle, read, validated, scored, ranked and
 * written out the way `chiso score` does it, each step timed on its own in this process; then
 * the real command run as a user runs it (`node bin/chiso.mjs …`, a process of its own), with and
 * without `--explain`, and the bare start of the command beside `node -e 0`.
 *
 * Goals (issue 13), on this machine and this run: scoring at least 100,000 agencies/s and no
 * slower than the JSON.parse of the same file; the whole `chiso score` command within 3× that
 * parse; `chiso score --explain` under 1 s; peak memory under 500 MB; the command's start within
 * 3× `node -e 0`. Each is printed with its figure and ratio, met or not; a benchmark reports, it
 * never fails.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseJsonBytes } from '../src/cli/json-bytes.ts';
import { bundledCompiledSet } from '../src/core/criteria/bundled.ts';
import type { CompiledSet } from '../src/core/criteria/compile.ts';
import { readCycle, readCycleText } from '../src/core/input/cycle.ts';
import { toInterchange, writeInterchangeJson } from '../src/core/interchange.ts';
import { scoreCycle } from '../src/core/ranking/rank.ts';
import type { CycleData } from '../src/core/types.ts';
import { generateCycle } from '../src/sample/generate.ts';
import { type ProcessRun, runNode } from './node-process.ts';

const AGENCIES = 10_000;
const DEPARTMENT_SHARE = 0.6;
const SEED = 20_250;
const YEAR = 2017;
const WARMUP = 1;
const TIMED = 7;
/** Whole processes take longer; fewer runs, the first of them unmeasured as well. */
const PROCESS_TIMED = 5;
/** Starts are short and noisy: more runs, the two commands interleaved. */
const START_TIMED = 15;

const GOAL_PER_SECOND = 100_000;
const GOAL_SCORE_OVER_PARSE = 1;
const GOAL_COMMAND_OVER_PARSE = 3;
const GOAL_EXPLAIN_MS = 1000;
const GOAL_PEAK_MB = 500;
const GOAL_START_OVER_NODE = 3;

const MB = 1024 * 1024;

interface Timing {
  readonly label: string;
  readonly median: number;
  readonly min: number;
  /** Median CPU time of the process per run (main thread and the engine's GC helpers). */
  readonly cpu: number;
  /** The most heap in use seen around this step's runs (input and one result included). */
  readonly peakHeap: number;
}

/** Peak memory seen around the steps (process-wide, sampled before and after every run). */
const peak = { rss: 0, heapUsed: 0 };
function sampleMemory(): number {
  const m = process.memoryUsage();
  if (m.rss > peak.rss) peak.rss = m.rss;
  if (m.heapUsed > peak.heapUsed) peak.heapUsed = m.heapUsed;
  return m.heapUsed;
}

/**
 * Keeps the latest result reachable, so the engine cannot skip the work; it is dropped before
 * the next run, so memory reflects one result at a time, as in a real `chiso score`.
 */
let _lastResult: unknown;

function measure(label: string, fn: () => unknown): Timing {
  const times: number[] = [];
  const cpus: number[] = [];
  let peakHeap = 0;
  for (let i = 0; i < WARMUP + TIMED; i++) {
    _lastResult = undefined;
    peakHeap = Math.max(peakHeap, sampleMemory());
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    _lastResult = fn();
    const t = performance.now() - t0;
    const c = process.cpuUsage(c0);
    peakHeap = Math.max(peakHeap, sampleMemory());
    if (i >= WARMUP) {
      times.push(t);
      cpus.push((c.user + c.system) / 1000);
    }
  }
  return { label, median: median(times), min: Math.min(...times), cpu: median(cpus), peakHeap };
}

interface ProcessTiming {
  readonly label: string;
  readonly median: number;
  readonly min: number;
  readonly cpu: number;
  readonly peakRss: number;
}

/** Several runs of each command, interleaved so that a burst of load hits them alike. */
function measureProcesses(
  commands: readonly { label: string; args: readonly string[]; stdout?: string }[],
  timed: number,
): ProcessTiming[] {
  const runs: ProcessRun[][] = commands.map(() => []);
  for (let i = 0; i < 1 + timed; i++) {
    for (const [c, command] of commands.entries()) {
      const run = runNode(command.args, command.stdout);
      if (i > 0) runs[c]!.push(run);
    }
  }
  return commands.map((command, c) => {
    const r = runs[c]!;
    return {
      label: command.label,
      median: median(r.map((x) => x.wallMs)),
      min: Math.min(...r.map((x) => x.wallMs)),
      cpu: median(r.map((x) => x.cpuMs)),
      peakRss: Math.max(...r.map((x) => x.maxRssMb)),
    };
  });
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const ms = (x: number) => x.toFixed(1);
const rate = (ms: number) => Math.round(AGENCIES / (ms / 1000));
const thousands = (n: number) => n.toLocaleString('en-US');
const mark = (ok: boolean) => (ok ? '✓' : '✗ NOT met');

function table(rows: readonly (readonly string[])[], rightFrom = 1): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: readonly string[]) =>
    r.map((cell, c) => (c >= rightFrom ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
  const [head, ...body] = rows;
  return [line(head!), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/**
 * The cycle file as a user would hand it over: department and district agencies interleaved
 * (3 of every 5 are departments), codes numbered per group. Only the text is returned, so the
 * generator's objects are garbage before anything is timed.
 */
function makeCycleText(set: CompiledSet): { text: string; compactBytes: number } {
  const who: { code: string; name: string; group: string }[] = [];
  let departments = 0;
  let districts = 0;
  for (let i = 0; i < AGENCIES; i++) {
    const department = i % 5 < DEPARTMENT_SHARE * 5;
    const code = department
      ? `D${String(++departments).padStart(5, '0')}`
      : `H${String(++districts).padStart(5, '0')}`;
    who.push({ code, name: `Đơn vị thử ${i + 1}`, group: department ? 'department' : 'district' });
  }
  const sample = generateCycle(set, {
    year: YEAR,
    seed: SEED,
    agencies: who,
    lateShare: 0.02,
    missingShare: 0.01,
    checkedShare: 0.5,
  });
  // Written the way the system writes a cycle file (examples/cao-bang-2017.json): 2-space indent.
  return {
    text: `${JSON.stringify(sample, null, 2)}\n`,
    compactBytes: Buffer.byteLength(JSON.stringify(sample)),
  };
}

/** What the input holds, from one untimed read and score (whose result is then dropped). */
function describe(set: CompiledSet, cycle: CycleData) {
  const result = scoreCycle(set, cycle);
  const groups = set.groups.map(
    (g) => `${g.id} ${thousands(cycle.agencies.filter((a) => a.group === g.id).length)}`,
  );
  const ranked = result.groups.flatMap((g) => g.ranking);
  return {
    groups: groups.join(', '),
    scored: ranked.length,
    checked: cycle.agencies.filter((a) => a.websiteChecks.length > 0).length,
    /** An agency to explain: the first ranked one that has website checks (the longest explanation). */
    explained: cycle.agencies.find(
      (a) => a.websiteChecks.length > 0 && ranked.some((r) => r.code === a.code),
    )!.code,
  };
}

/** `chiso score`'s JSON as the command makes it, encoded as writing it to a file encodes it. */
function jsonBytes(result: ReturnType<typeof scoreCycle>): Buffer[] {
  const out: Buffer[] = [];
  writeInterchangeJson(result, (text) => out.push(Buffer.from(text)));
  return out;
}

/** `chiso score`'s JSON as interchange.md defines it, to check what the command wrote. */
const referenceText = (result: ReturnType<typeof scoreCycle>): string =>
  `${JSON.stringify(toInterchange(result), null, 2)}\n`;

export async function run(): Promise<void> {
  const set = bundledCompiledSet('cao-bang-2016')!;
  const resolveSet = bundledCompiledSet;
  const { text, compactBytes } = makeCycleText(set);
  const dir = mkdtempSync(join(os.tmpdir(), 'chiso-bench-'));
  try {
    const input = join(dir, 'cycle.json');
    writeFileSync(input, text);
    const read = readCycle(JSON.parse(text), { resolveSet });
    if (!read.ok) {
      const first = read.problems
        .slice(0, 5)
        .map((p) => `${p.agency ?? ''} ${p.field ?? ''} ${p.message.en}`);
      throw new Error(`the generated cycle does not validate:\n${first.join('\n')}`);
    }
    const cycle = read.cycle;
    const { groups, scored, checked, explained } = describe(set, cycle);

    console.log(
      `input: ${thousands(AGENCIES)} agencies (${groups}), ${thousands(checked)} with 4 website checks, ` +
        `${thousands(scored)} scored (${thousands(AGENCIES - scored)} late or missing)`,
    );
    console.log(
      `file: ${(Buffer.byteLength(text) / MB).toFixed(1)} MB as written (2-space indent), ` +
        `${(compactBytes / MB).toFixed(1)} MB compact; criteria set ${set.id}`,
    );
    console.log(
      `in this process, each step: ${WARMUP} warm-up + ${TIMED} timed runs; agencies/s counts all agencies in the file`,
    );
    console.log(
      'cpu ms: median CPU time of the process per run (main thread + GC helpers); wall ≫ cpu: a busy machine\n',
    );

    const parsed = JSON.parse(text);
    const a = measure('(a) JSON.parse', () => JSON.parse(text));
    const b = measure('(b) readCycle (validate)', () => readCycle(parsed, { resolveSet }));
    const c = measure('(c) scoreCycle (score + rank)', () => scoreCycle(set, cycle));
    const result = scoreCycle(set, cycle);
    const d = measure('(d) JSON output, to bytes', () => jsonBytes(result));
    // As `chiso score` does it: the file's bytes parsed (src/cli/json-bytes.ts, the text when it
    // declines), validated, scored, ranked and written.
    const fileBytes = Buffer.from(text);
    const e = measure('(e) file bytes to output bytes', () => {
      const parsedBytes = parseJsonBytes(fileBytes);
      const r =
        parsedBytes !== null
          ? readCycle(parsedBytes.value, { resolveSet })
          : readCycleText(fileBytes.toString('utf8'), { resolveSet });
      if (!r.ok) throw new Error('unreachable: the same text validated above');
      return jsonBytes(scoreCycle(r.set, r.cycle));
    });
    _lastResult = undefined;

    const rows = [
      ['step', 'median ms', 'min ms', 'agencies/s', 'cpu ms', 'peak heap MB'],
      ...[a, b, c, d, e].map((t) => [
        t.label,
        ms(t.median),
        ms(t.min),
        thousands(rate(t.median)),
        ms(t.cpu),
        (t.peakHeap / MB).toFixed(0),
      ]),
    ];
    console.log(table(rows));
    sampleMemory();
    console.log(
      `this process: peak RSS ${(peak.rss / MB).toFixed(0)} MB, peak heap ${(peak.heapUsed / MB).toFixed(0)} MB ` +
        '(the generator, the text, its parse and the validated cycle all held at once)',
    );

    console.log(
      `\nwhole processes (node …, from the repository root): 1 warm-up + ${PROCESS_TIMED} timed runs, ` +
        `starts ${START_TIMED}; cpu and peak RSS as the process reports them on exit`,
    );
    const output = join(dir, 'out.json');
    const starts = measureProcesses(
      [
        { label: 'node -e 0', args: ['-e', '0'] },
        { label: 'chiso help', args: ['bin/chiso.mjs', 'help'] },
      ],
      START_TIMED,
    );
    const commands = measureProcesses(
      [
        { label: 'chiso score (10k)', args: ['bin/chiso.mjs', 'score', '--input', input], stdout: output },
        {
          label: `chiso score --explain ${explained} (10k)`,
          args: ['bin/chiso.mjs', 'score', '--input', input, '--explain', explained],
        },
        // The floor under the command: a process that only reads the file and parses it.
        {
          label: 'node: read + JSON.parse only',
          args: ['-e', `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(input)}, 'utf8'))`],
        },
      ],
      PROCESS_TIMED,
    );
    const written = readFileSync(output, 'utf8');
    if (written !== referenceText(result))
      throw new Error('`chiso score` wrote something else than JSON.stringify of the result');
    const processes = [...starts, ...commands];
    console.log(
      table([
        ['command', 'median ms', 'min ms', 'cpu ms', 'peak RSS MB'],
        ...processes.map((p) => [p.label, ms(p.median), ms(p.min), ms(p.cpu), p.peakRss.toFixed(0)]),
      ]),
    );

    const [bare, help] = starts as [ProcessTiming, ProcessTiming];
    const [command, explain, floor] = commands as [ProcessTiming, ProcessTiming, ProcessTiming];
    const times = (x: number, base: number) => `${(x / base).toFixed(2)}×`;
    console.log(`\ngoals (${thousands(AGENCIES)} agencies; medians, all measured in this run):`);
    const scoreRate = rate(c.median);
    // On a shared machine wall time waits for the CPU; each goal is also given in CPU time.
    const cpuNote = (x: number, base: number) => ` [cpu ${ms(x)} ms = ${times(x, base)}]`;
    console.log(
      `  scoring 10k: ${ms(c.median)} ms = ${times(c.median, a.median)} JSON.parse ` +
        `(goal ≤ ${GOAL_SCORE_OVER_PARSE}×) ${mark(c.median <= GOAL_SCORE_OVER_PARSE * a.median)}` +
        cpuNote(c.cpu, a.cpu),
    );
    console.log(
      `  scoring rate: ${thousands(scoreRate)} agencies/s (goal ≥ ${thousands(GOAL_PER_SECOND)}) ` +
        mark(scoreRate >= GOAL_PER_SECOND) +
        ` [by cpu time: ${thousands(rate(c.cpu))} agencies/s]`,
    );
    console.log(
      `  chiso score 10k, whole process: ${ms(command.median)} ms = ${times(command.median, a.median)} JSON.parse ` +
        `(goal ≤ ${GOAL_COMMAND_OVER_PARSE}×) ${mark(command.median <= GOAL_COMMAND_OVER_PARSE * a.median)}` +
        cpuNote(command.cpu, a.cpu),
    );
    console.log(
      `    of which in-process file bytes to output bytes (e): ${ms(e.median)} ms = ${times(e.median, a.median)}; ` +
        `the rest is Node's start, reading the file and writing ${(Buffer.byteLength(written) / MB).toFixed(1)} MB`,
    );
    console.log(
      `    floor: a process that only reads and parses the file, ${ms(floor.median)} ms = ${times(floor.median, a.median)} JSON.parse` +
        cpuNote(floor.cpu, a.cpu),
    );
    console.log(
      `  chiso score --explain 10k: ${ms(explain.median)} ms (goal < ${thousands(GOAL_EXPLAIN_MS)} ms) ` +
        mark(explain.median < GOAL_EXPLAIN_MS) +
        ` [cpu ${ms(explain.cpu)} ms]`,
    );
    const peakMb = Math.max(command.peakRss, explain.peakRss);
    console.log(
      `  peak memory of chiso score 10k: ${peakMb.toFixed(0)} MB RSS (goal < ${GOAL_PEAK_MB} MB) ` +
        mark(peakMb < GOAL_PEAK_MB),
    );
    console.log(
      `  start, chiso help: ${ms(help.median)} ms = ${times(help.median, bare.median)} node -e 0 ` +
        `(goal ≤ ${GOAL_START_OVER_NODE}×) ${mark(help.median <= GOAL_START_OVER_NODE * bare.median)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
