/**
 * The scoring benchmark: a seeded 10,000-agency cycle, read, validated, scored, ranked and
 * written out the way `chiso score` does it, each step timed on its own and the whole together.
 *
 * Targets (from the issue): at least 50,000 agencies per second on one core, and scoring no
 * slower than twice the JSON.parse of the same file. They are printed as met or not met; a
 * benchmark reports, it never fails.
 */
import os from 'node:os';
import { bundledCompiledSet } from '../src/core/criteria/bundled.ts';
import type { CompiledSet } from '../src/core/criteria/compile.ts';
import { readCycle, readCycleText } from '../src/core/input/cycle.ts';
import { toInterchange } from '../src/core/interchange.ts';
import { scoreCycle } from '../src/core/ranking/rank.ts';
import type { CycleData } from '../src/core/types.ts';
import { generateCycle } from '../src/sample/generate.ts';

const AGENCIES = 10_000;
const DEPARTMENT_SHARE = 0.6;
const SEED = 20_250;
const YEAR = 2017;
const WARMUP = 1;
const TIMED = 7;

const TARGET_PER_SECOND = 50_000;
const TARGET_SCORE_OVER_PARSE = 2;

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

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const ms = (x: number) => x.toFixed(1);
const rate = (ms: number) => Math.round(AGENCIES / (ms / 1000));
const thousands = (n: number) => n.toLocaleString('en-US');
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');

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
  return {
    groups: groups.join(', '),
    scored: result.groups.reduce((n, g) => n + g.ranking.length, 0),
    checked: cycle.agencies.filter((a) => a.websiteChecks.length > 0).length,
  };
}

export async function run(): Promise<void> {
  const set = bundledCompiledSet('cao-bang-2016')!;
  const resolveSet = bundledCompiledSet;
  const { text, compactBytes } = makeCycleText(set);

  const read = readCycle(JSON.parse(text), { resolveSet });
  if (!read.ok) {
    const first = read.problems.slice(0, 5).map((p) => `${p.agency ?? ''} ${p.field ?? ''} ${p.message.en}`);
    throw new Error(`the generated cycle does not validate:\n${first.join('\n')}`);
  }
  const cycle = read.cycle;
  const { groups, scored, checked } = describe(set, cycle);

  console.log(
    `input: ${thousands(AGENCIES)} agencies (${groups}), ${thousands(checked)} with 4 website checks, ` +
      `${thousands(scored)} scored (${thousands(AGENCIES - scored)} late or missing)`,
  );
  console.log(
    `file: ${(Buffer.byteLength(text) / MB).toFixed(1)} MB as written (2-space indent), ` +
      `${(compactBytes / MB).toFixed(1)} MB compact; criteria set ${set.id}`,
  );
  console.log(
    `each step: ${WARMUP} warm-up + ${TIMED} timed runs; agencies/s counts all agencies in the file`,
  );
  console.log(
    'cpu ms: median CPU time of the process per run (main thread + GC helpers); wall ≫ cpu: a busy machine\n',
  );

  const parsed = JSON.parse(text);
  const a = measure('(a) JSON.parse', () => JSON.parse(text));
  const b = measure('(b) readCycle (validate)', () => readCycle(parsed, { resolveSet }));
  const c = measure('(c) scoreCycle (score + rank)', () => scoreCycle(set, cycle));
  const result = scoreCycle(set, cycle);
  const d = measure('(d) toInterchange', () => toInterchange(result));
  const e = measure('(e) whole `chiso score`', () => {
    const r = readCycleText(text, { resolveSet });
    if (!r.ok) throw new Error('unreachable: the same text validated above');
    return `${JSON.stringify(toInterchange(scoreCycle(r.set, r.cycle)), null, 2)}\n`;
  });
  const f = measure('(f) scoreCycle explain: true', () => scoreCycle(set, cycle, { explain: true }));
  _lastResult = undefined;

  const rows = [
    ['step', 'median ms', 'min ms', 'agencies/s', 'cpu ms', 'peak heap MB'],
    ...[a, b, c, d, e, f].map((t) => [
      t.label,
      ms(t.median),
      ms(t.min),
      thousands(rate(t.median)),
      ms(t.cpu),
      (t.peakHeap / MB).toFixed(0),
    ]),
    [
      '(b+c) validate + score',
      ms(b.median + c.median),
      ms(b.min + c.min),
      thousands(rate(b.median + c.median)),
      ms(b.cpu + c.cpu),
      '',
    ],
  ];
  console.log(table(rows));

  const ratio = (x: number) => `${(x / a.median).toFixed(2)}×`;
  console.log('\nratios (medians), against JSON.parse (a):');
  console.log(`  scoring (c) ÷ parse              ${ratio(c.median)}`);
  console.log(`  validate + score (b+c) ÷ parse   ${ratio(b.median + c.median)}`);
  console.log(`  whole pipeline (e) ÷ parse       ${ratio(e.median)}`);

  sampleMemory();
  console.log('\nmemory:');
  console.log(`  peak RSS seen around the steps   ${(peak.rss / MB).toFixed(0)} MB`);
  console.log(`  peak heap used seen              ${(peak.heapUsed / MB).toFixed(0)} MB`);
  // maxRSS is in kilobytes on Linux and macOS.
  console.log(`  process maxRSS                   ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  const cores = os.cpus().length;
  console.log(`\ntargets (one core; the steps run on the main thread, the machine has ${cores}):`);
  const scoreRate = rate(c.median);
  const bothRate = rate(b.median + c.median);
  console.log(
    `  ≥ ${thousands(TARGET_PER_SECOND)} agencies/s, scoring (c):            ${thousands(scoreRate).padStart(9)}  ${mark(scoreRate >= TARGET_PER_SECOND)}`,
  );
  console.log(
    `  ≥ ${thousands(TARGET_PER_SECOND)} agencies/s, validate + score (b+c): ${thousands(bothRate).padStart(9)}  ${mark(bothRate >= TARGET_PER_SECOND)}`,
  );
  const over = c.median / a.median;
  console.log(
    `  scoring ≤ ${TARGET_SCORE_OVER_PARSE}× the parse:                     ${`${over.toFixed(2)}×`.padStart(9)}  ${mark(over <= TARGET_SCORE_OVER_PARSE)}`,
  );
}
