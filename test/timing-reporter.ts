/**
 * At the end of a run: the ten slowest test files, so that a suite growing slower is seen, and
 * test-results/summary.json with the counts (.ci/run reads it to print "N passed, N failed").
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const SHOWN = 10;

export default class TimingReporter implements Reporter {
  private readonly started = Date.now();

  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    const root = process.cwd();
    const files = modules
      .map((m) => ({ file: relative(root, m.moduleId), ms: m.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms);
    let passed = 0;
    let failed = errors.length;
    let skipped = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file that failed to load has no tests to count.
      if (m.state() === 'failed' && !m.children.size) failed++;
    }
    const wall = (Date.now() - this.started) / 1000;
    const width = Math.max(...files.slice(0, SHOWN).map((f) => f.file.length), 10);
    const lines = files
      .slice(0, SHOWN)
      .map((f) => `  ${f.file.padEnd(width)}  ${(f.ms / 1000).toFixed(1).padStart(6)} s`);
    console.log(
      `\nSlowest ${Math.min(SHOWN, files.length)} test files (of ${files.length}):\n${lines.join('\n')}`,
    );
    console.log(
      `Vitest wall time ${wall.toFixed(0)} s · ${passed} passed, ${failed} failed, ${skipped} skipped`,
    );

    const dir = join(root, 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'summary.json'),
      `${JSON.stringify({ passed, failed, skipped, wallSeconds: wall, files }, null, 2)}\n`,
    );
  }
}
