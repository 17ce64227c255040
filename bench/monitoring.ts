/**
 * The monitoring benchmark (issue 10): 1,000 generated agency portals on loopback, served by a
 * separate process; the content check of all of them (crawl + detectors, one request at a time
 * per host, sub-sites of the provincial portal sharing one host as in reality), the availability
 * check of all of them, and a bare fetch loop of the same pages with the same politeness, so that
 * the cost of parsing, storage compression and detectors shows as a ratio.
 *
 * Goals: content check of 1,000 sites < 60 s on 2 cores, peak RSS < 300 MB; availability of
 * 1,000 sites < 10 s. A benchmark reports; it never fails on a missed goal.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { LookupFunction } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Agent } from 'undici';
import { bundledSet } from '../src/core/criteria/bundled.ts';
import { perHost } from '../src/monitor/fetch/host-queue.ts';
import { checkAvailability, checkContent, detectorsOf, runPool } from '../src/monitor/index.ts';

const SITES = 1000;
const CONCURRENCY = Number(process.env.MONITOR_BENCH_CONCURRENCY ?? 16);
const GOAL_CONTENT_S = 60;
const GOAL_AVAILABILITY_S = 10;
const GOAL_RSS_MB = 300;
const MB = 1024 * 1024;

export async function run(): Promise<void> {
  const now = new Date();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./monitoring-sites.ts', import.meta.url)),
      String(SITES),
      now.toISOString(),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  const { sites } = JSON.parse(line) as { sites: string[] };
  const opts = { allowPrivateAddresses: true, resolve: async () => ['127.0.0.1'], now };
  const detectors = detectorsOf(bundledSet('cao-bang-2016') ?? { id: 'none' });

  let peak = 0;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    // Content check: keep only counts, as the server stores each result and lets it go.
    const pageUrls: string[] = [];
    let pages = 0;
    let bytes = 0;
    let failures = 0;
    const t0 = performance.now();
    await runPool(sites, CONCURRENCY, async (url) => {
      const r = await checkContent({ url }, detectors, opts);
      pages += r.pages.length;
      for (const p of r.pages) {
        bytes += p.bytes;
        pageUrls.push(p.url);
      }
      if (r.failure) failures++;
    });
    const contentS = (performance.now() - t0) / 1000;
    const contentPeak = peak;

    // The same pages with the same politeness, fetched and read, nothing else done.
    const lookup: LookupFunction = (_host, o, cb) =>
      o.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4);
    const agent = new Agent({ connections: 1, keepAliveTimeout: 4_000, connect: { lookup } });
    const t1 = performance.now();
    await runPool(pageUrls, CONCURRENCY, async (u) => {
      const url = new URL(u);
      await perHost(url.hostname, async () => {
        const res = await agent.request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: 'GET',
        });
        await res.body.arrayBuffer();
      });
    });
    const bareS = (performance.now() - t1) / 1000;
    await agent.close();

    const t2 = performance.now();
    let up = 0;
    await runPool(sites, 100, async (url) => {
      if ((await checkAvailability(url, opts)).ok) up++;
    });
    const availS = (performance.now() - t2) / 1000;

    const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
    console.log(
      `sites: ${SITES} (4 layouts; a quarter are sub-sites of one portal host), concurrency ${CONCURRENCY}`,
    );
    console.log(
      `content check: ${contentS.toFixed(1)} s for ${pages} pages (${(pages / contentS).toFixed(0)} pages/s, ` +
        `${(bytes / MB).toFixed(0)} MB read, ${failures} site failures) — goal < ${GOAL_CONTENT_S} s: ${mark(contentS < GOAL_CONTENT_S)}`,
    );
    console.log(
      `peak RSS during content checks: ${(contentPeak / MB).toFixed(0)} MB — goal < ${GOAL_RSS_MB} MB: ${mark(contentPeak / MB < GOAL_RSS_MB)}`,
    );
    console.log(
      `bare fetch loop of the same ${pageUrls.length} pages: ${bareS.toFixed(1)} s (${(pageUrls.length / bareS).toFixed(0)} pages/s); ` +
        `content check / bare fetch = ${(contentS / bareS).toFixed(2)}×`,
    );
    console.log(
      `availability check: ${availS.toFixed(1)} s for ${SITES} sites, ${up} up — goal < ${GOAL_AVAILABILITY_S} s: ${mark(availS < GOAL_AVAILABILITY_S)}`,
    );
  } finally {
    clearInterval(sample);
    child.stdin?.end();
    await once(child, 'exit');
  }
}
