/**
 * `npm run bench -- documents`: the ranking workbook, the annual report as DOCX and as PDF for a
 * province of 10,000 agencies (two groups, the bundled criteria set, synthetic points), and the
 * upload and check of Cao Bằng's 33 filled-in form workbooks (issue 11).
 *
 * Each step runs in a child process of its own (bench/documents-step.ts), so that its peak
 * resident memory is its own and not what the step before left in the heap; the figure is the
 * whole process's peak (Node, the province's data and the document), as a server would carry it.
 * Seconds are the step's own, CPU seconds beside them (on a busy machine, wall time says more
 * about the neighbours). Goals: each document under 10 s and 500 MB. Each file is read back and
 * must hold every agency, or the step is marked as broken. Never fails on a missed goal.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { N } from './documents-province.ts';
import { runNode } from './node-process.ts';

const GOAL_SECONDS = 10;
const GOAL_MB = 500;
const STEP = 'bench/documents-step.ts';

interface StepOut {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly bytes?: number;
  readonly workbooks?: number;
  readonly changes?: number;
  readonly zipSeconds?: number;
  readonly zipLines?: number;
  /** Resident memory the uploads added (after them minus before). */
  readonly uploadsMb?: number;
}

function step(name: string, dir: string, args: readonly string[]): { out: StepOut; peakMb: number } {
  const stdout = join(dir, `${name}.json`);
  const run = runNode(['--import', 'tsx', STEP, ...args], stdout);
  return { out: JSON.parse(readFileSync(stdout, 'utf8')) as StepOut, peakMb: run.maxRssMb };
}

/** Agencies found in the file read back: ranked rows of the workbook, distinct names in the DOCX and the PDF. */
async function agenciesIn(kind: 'workbook' | 'docx' | 'pdf', file: string): Promise<number | null> {
  if (kind === 'workbook') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    let n = 0;
    for (const ws of wb.worksheets)
      ws.eachRow((r, i) => {
        if (i > 5 && typeof r.getCell(1).value === 'number') n++;
      });
    return n;
  }
  if (kind === 'docx') {
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
    return new Set(xml.match(/>Cơ quan số \d+ nhóm \d</g)).size;
  }
  try {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
      maxBuffer: 256 * 2 ** 20,
    });
    // A name may wrap inside its cell; each agency counted once (the leaders are named twice).
    const names = text.normalize('NFC').match(/Cơ quan\s+số\s+\d+\s+nhóm\s+\d/g) ?? [];
    return new Set(names.map((m) => m.replace(/\s+/g, ' '))).size;
  } catch {
    return null; // no poppler-utils on this machine
  }
}

const ratio = (v: number, goal: number) => `${(v / goal).toFixed(2)} of ${goal}`;

export async function run() {
  const dir = mkdtempSync(join(os.tmpdir(), 'chiso-bench-documents-'));
  try {
    const load = os.loadavg()[0]!;
    console.log(
      `${N} agencies in 2 groups · each step in its own process · load average ${load.toFixed(1)} on ${os.cpus().length} cores`,
    );
    const documents = [
      { kind: 'workbook', label: 'ranking workbook', file: 'ranking.xlsx' },
      { kind: 'docx', label: 'annual report DOCX', file: 'report.docx' },
      { kind: 'pdf', label: 'annual report PDF', file: 'report.pdf' },
    ] as const;
    for (const d of documents) {
      const file = join(dir, d.file);
      const { out, peakMb } = step(d.kind, dir, [d.kind, file]);
      const found = await agenciesIn(d.kind, file);
      const check =
        found === null
          ? 'not read back'
          : found === N
            ? `all ${N} agencies`
            : `BROKEN: ${found} of ${N} agencies`;
      console.log(
        `${d.label.padEnd(20)} ${out.seconds.toFixed(2).padStart(6)} s (${ratio(out.seconds, GOAL_SECONDS)} s; CPU ${out.cpuSeconds.toFixed(2)} s) · peak RSS ${peakMb.toFixed(0)} MB (${ratio(peakMb, GOAL_MB)} MB) · ${((out.bytes ?? 0) / 2 ** 20).toFixed(1)} MB file, ${check}`,
      );
    }
    const { out, peakMb } = step('upload', dir, ['upload']);
    const n = out.workbooks ?? 0;
    console.log(
      `upload and check     ${out.seconds.toFixed(2).padStart(6)} s for ${n} workbooks, ${((out.seconds / n) * 1000).toFixed(0)} ms each (CPU ${out.cpuSeconds.toFixed(2)} s; ${out.changes} values previewed) · as one zip: ${(out.zipSeconds ?? 0).toFixed(2)} s, ${out.zipLines} lines · resident memory +${(out.uploadsMb ?? 0).toFixed(0)} MB over the uploads (process peak ${peakMb.toFixed(0)} MB, reached while the embedded database and the 33 filled forms are made)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
