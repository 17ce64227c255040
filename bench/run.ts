/**
 * `npm run bench [-- NAME…]`: runs the benchmarks of bench/ in turn, or only the named ones.
 * Each benchmark prints its own figures and ratios and never fails on a missed target.
 *
 * Adding a benchmark is one line in BENCHMARKS. Modules are imported only when their benchmark
 * runs, so `npm run bench -- scoring` does not load what the others need.
 */
import os from 'node:os';

interface Benchmark {
  readonly name: string;
  readonly run: () => Promise<void>;
}

const BENCHMARKS: readonly Benchmark[] = [
  { name: 'scoring', run: async () => (await import('./scoring.ts')).run() },
  { name: 'http', run: async () => (await import('./http.ts')).run() },
  { name: 'browser', run: async () => (await import('./browser.ts')).run() },
  { name: 'monitoring', run: async () => (await import('./monitoring.ts')).run() },
  { name: 'documents', run: async () => (await import('./documents.ts')).run() },
  { name: 'indicators', run: async () => (await import('./indicators.ts')).run() },
];

const wanted = process.argv.slice(2).filter((a) => a !== '--');
const unknown = wanted.filter((w) => !BENCHMARKS.some((b) => b.name === w));
if (unknown.length) {
  console.error(
    `unknown benchmark: ${unknown.join(', ')} (known: ${BENCHMARKS.map((b) => b.name).join(', ')})`,
  );
  process.exit(2);
}
const selected = wanted.length ? BENCHMARKS.filter((b) => wanted.includes(b.name)) : BENCHMARKS;

console.log(`Node ${process.version} · ${os.cpus()[0]?.model ?? 'unknown CPU'} · ${os.cpus().length} cores`);
for (const b of selected) {
  console.log(`\n=== ${b.name} ${'='.repeat(Math.max(3, 60 - b.name.length))}\n`);
  await b.run();
}
