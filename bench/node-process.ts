/**
 * Timing a whole Node process the way a user starts one (`node bin/chiso.mjs score …`): wall
 * time from spawn to exit, and the CPU time and peak memory the process reports of itself on
 * exit (report-usage.mjs, preloaded into every process measured, the baseline included, so that
 * its small cost is on both sides of a ratio).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPORT_USAGE = fileURLToPath(new URL('./report-usage.mjs', import.meta.url));
const USAGE_LINE = /\nchiso-bench-usage (\{.*\})\n$/;

export interface ProcessRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
}

/**
 * Runs `node ARGS` in the repository root and waits for it. Standard output goes to `stdoutPath`
 * (a file, as `chiso score > out.json` writes it) or is discarded; a failure throws with its
 * standard error, since a benchmark of a command that fails measures nothing.
 */
export function runNode(args: readonly string[], stdoutPath?: string): ProcessRun {
  const out = stdoutPath === undefined ? 'ignore' : openSync(stdoutPath, 'w');
  try {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--import', REPORT_USAGE, ...args], {
      cwd: ROOT,
      stdio: ['ignore', out, 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = performance.now() - t0;
    const stderr = r.stderr ?? '';
    const usage = USAGE_LINE.exec(stderr);
    if (r.status !== 0 || !usage)
      throw new Error(
        `node ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}):\n${stderr.slice(-2000)}`,
      );
    const { cpuMs, maxRssKb } = JSON.parse(usage[1]!) as { cpuMs: number; maxRssKb: number };
    return { wallMs, cpuMs, maxRssMb: maxRssKb / 1024 };
  } finally {
    if (typeof out === 'number') closeSync(out);
  }
}
