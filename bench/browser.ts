/**
 * The browser benchmark: the built web application served by the real server (in this process,
 * through test/e2e/browser.ts, on a fresh embedded database with the 2017 demo year published,
 * an open cycle and a reporter), driven by Debian's Chromium through playwright-core.
 *
 * Figures, each against its target (from the issue):
 *  - JavaScript the reporter's form page /bao-cao/:cycleId loads, gzip level 9 (done here with
 *    node:zlib on the bytes the browser received), ≤ 300 KB; and the same for the sign-in page;
 *  - navigation to an interactive form (first input enabled and the live score shown), median;
 *  - the live score's recompute after one keystroke (the form's `chiso:recompute` measures),
 *    median and p95, ≤ 16 ms; and the scoring core alone in the page (bundled criteria compiled,
 *    `scoreAgency` on a full value set), so the question is answered even before the form is;
 *  - the public /ket-qua page: bytes, no <script>, ≤ 50 KB.
 *
 * Settings: BENCH_BROWSER_RUNS (navigations timed, default 7), BENCH_KEYSTROKES (default 40).
 * A benchmark reports; it never fails on a target.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../scripts/ensure-web-build.ts';
import { bundledCompiledSet } from '../src/core/criteria/bundled.ts';
import { scoreAgency } from '../src/core/scoring/score.ts';
import { openMemory } from '../src/server/db/open.ts';
import { loadDemo } from '../src/server/demo.ts';
import { SESSION_COOKIE } from '../src/server/platform/auth.ts';
import { perfectValues } from '../test/builders.ts';
import { type BrowserSession, DESKTOP, startBrowserSession } from '../test/e2e/browser.ts';
import { fileUpload, SMALL_PDF } from '../test/http.ts';
import { TEST_PASSWORD } from '../test/server.ts';

const KB = 1024;
const TARGET_JS_GZIP_KB = 300;
const TARGET_RECOMPUTE_MS = 16;
const TARGET_PUBLIC_KB = 50;

/** The open cycle's year; the server's clock stands a month before its deadline. */
const YEAR = 2027;
const NOW = '2027-10-01T09:00:00+07:00';
const REPORTER = 'bench-reporter';
const REPORTER_AGENCY = 'STTTT';
const RECOMPUTE_MEASURE = 'chiso:recompute';

const runs = (name: string, fallback: number) => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return n;
};

/* ───────────────────────── figures ───────────────────────── */

function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
const median = (xs: readonly number[]) => percentile(xs, 50);
const fixed = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');

function table(rows: readonly (readonly string[])[], rightFrom = 1): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: readonly string[]) =>
    r.map((cell, c) => (c >= rightFrom ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
  const [head, ...body] = rows;
  return [line(head!), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)]
    .map((l) => `  ${l}`)
    .join('\n');
}

/* ───────────────────────── setup ───────────────────────── */

/** Signs in through the API and returns the session cookie's value. */
async function signIn(s: BrowserSession, username: string, password: string): Promise<string> {
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  return cookie.value;
}

/** The published demo year (for /ket-qua), an open cycle of YEAR, and a reporter of STTTT. */
async function setUp(s: BrowserSession): Promise<{ cycleId: string; reporterCookie: string }> {
  await loadDemo(s.deps);
  const cycle = await s.createCycle({ year: YEAR, title: `Đánh giá năm ${YEAR} (đo hiệu năng)` });
  await s.addUser('bench-admin', 'admin');
  const admin = `${SESSION_COOKIE}=${await signIn(s, 'bench-admin', TEST_PASSWORD)}`;
  const upload = fileUpload('file', 'huong-dan.pdf', SMALL_PDF);
  const attached = await s.app.inject({
    method: 'POST',
    url: `/api/v1/cycles/${cycle.id}/documents/guidance`,
    ...upload,
    headers: { ...upload.headers, cookie: admin },
  });
  if (attached.statusCode !== 200) throw new Error(`guidance: ${attached.statusCode} ${attached.body}`);
  // Not s.adminApi: it sends the browser's Origin, which an injected request's Host does not match.
  const opened = await s.app.inject({
    method: 'POST',
    url: `/api/v1/cycles/${cycle.id}/open`,
    headers: { cookie: admin },
  });
  if (opened.statusCode !== 200) throw new Error(`open: ${opened.statusCode} ${opened.body}`);
  await s.addUser(REPORTER, 'reporter', REPORTER_AGENCY);
  return { cycleId: cycle.id, reporterCookie: await signIn(s, REPORTER, TEST_PASSWORD) };
}

/* ───────────────────────── JavaScript shipped ───────────────────────── */

interface Script {
  readonly name: string;
  readonly bytes: number;
  readonly gzip: number;
  /** Content-Encoding the server answered with ('' when none). */
  readonly encoding: string;
}

/** A fresh context (empty cache), signed in when a cookie is given, at the desktop size. */
async function freshPage(browser: Browser, baseUrl: string, cookie: string | null): Promise<Page> {
  const context = await browser.newContext({
    viewport: DESKTOP,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  if (cookie) await context.addCookies([{ name: SESSION_COOKIE, value: cookie, url: baseUrl }]);
  // The functions this file evaluates in the page come through tsx, which names inner functions
  // with a `__name` helper of its own; the page needs one too.
  await context.addInitScript('globalThis.__name = (f) => f');
  return context.newPage();
}

/** Every script the page loads on its way to `ready`, with its gzip size. */
async function scriptsOf(
  browser: Browser,
  baseUrl: string,
  cookie: string | null,
  path: string,
  ready: (page: Page) => Promise<unknown>,
): Promise<Script[]> {
  const page = await freshPage(browser, baseUrl, cookie);
  const pending: Promise<Script>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    pending.push(
      res.body().then((body) => ({
        name: basename(new URL(res.url()).pathname),
        bytes: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
        encoding: res.headers()['content-encoding'] ?? '',
      })),
    );
  });
  try {
    await page.goto(baseUrl + path);
    await ready(page);
    await page.waitForLoadState('networkidle');
    return (await Promise.all(pending)).sort((a, b) => b.gzip - a.gzip);
  } finally {
    await page.context().close();
  }
}

function printScripts(label: string, scripts: readonly Script[]): number {
  const gzip = scripts.reduce((n, s) => n + s.gzip, 0);
  const bytes = scripts.reduce((n, s) => n + s.bytes, 0);
  console.log(`${label}: ${scripts.length} JS files, ${kb(bytes)} as sent, ${kb(gzip)} gzip -9`);
  console.log(
    table([
      ['chunk', 'bytes', 'gzip -9', 'served as'],
      ...scripts.map((s) => [s.name, kb(s.bytes), kb(s.gzip), s.encoding || 'uncompressed']),
    ]),
  );
  return gzip;
}

/* ───────────────────────── the form ───────────────────────── */

const FORM_INPUT = 'main input:not([disabled]), main textarea:not([disabled]), main select:not([disabled])';
const NUMBER_INPUT =
  'main input.ant-input-number-input:not([disabled]), main input[inputmode="numeric"]:not([disabled]), ' +
  'main input[inputmode="decimal"]:not([disabled]), main input[type="number"]:not([disabled])';

interface Interactive {
  /** ms from navigation start to an enabled input and a first recompute, or null if never. */
  readonly interactive: number | null;
  /** ms from navigation start to the screen's heading (the screen's chunk rendered). */
  readonly heading: number;
  readonly domContentLoaded: number;
  readonly load: number;
}

/**
 * One cold navigation to the form (empty cache): polls every frame until the screen's h1, an
 * enabled input and a recorded recompute are there; times are the page's own, from navigation start.
 */
async function openForm(browser: Browser, baseUrl: string, cookie: string, path: string) {
  const page = await freshPage(browser, baseUrl, cookie);
  await page.goto(baseUrl + path, { waitUntil: 'commit' });
  const times = await page.evaluate(
    ({ input, measure }) =>
      new Promise<{ heading: number; interactive: number | null }>((resolve) => {
        let heading = Number.NaN;
        const started = performance.now();
        const tick = () => {
          const now = performance.now();
          if (Number.isNaN(heading) && document.querySelector('main h1')) heading = now;
          const enabled = document.querySelector(input) !== null;
          const scored = performance.getEntriesByName(measure).length > 0;
          if (enabled && scored && !Number.isNaN(heading)) return resolve({ heading, interactive: now });
          // A form that is not there after 10 s will not come: report what was reached.
          if (now - started > 10_000 && !Number.isNaN(heading))
            return resolve({ heading, interactive: null });
          requestAnimationFrame(tick);
        };
        tick();
      }),
    { input: FORM_INPUT, measure: RECOMPUTE_MEASURE },
  );
  await page.waitForLoadState('load');
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      domContentLoaded: n?.domContentLoadedEventEnd ?? Number.NaN,
      load: n?.loadEventEnd ?? Number.NaN,
    };
  });
  return { page, figures: { ...times, ...nav } satisfies Interactive };
}

/** Types into the first number field, one key at a time, and reads the form's recompute measures. */
async function keystrokes(page: Page, count: number): Promise<{ found: string; durations: number[] }> {
  const field = page.locator(NUMBER_INPUT).first();
  if ((await field.count()) === 0) return { found: 'no number field on the page', durations: [] };
  await field.click();
  await page.evaluate((name) => performance.clearMeasures(name), RECOMPUTE_MEASURE);
  for (let i = 0; i < count; i++) {
    // Digits then erasing them, so the value stays a plausible number of a few digits.
    await page.keyboard.press(i % 4 === 3 ? 'Backspace' : String((i * 7) % 10));
    // The form may debounce: give it a frame or two before the next key, as a typist would.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  await page.waitForTimeout(300);
  const durations = await page.evaluate(
    (name) => performance.getEntriesByName(name, 'measure').map((e) => e.duration),
    RECOMPUTE_MEASURE,
  );
  return { found: 'a number field', durations };
}

/* ───────────────────────── the core alone, in the page ───────────────────────── */

/** A file of bench/ bundled by Vite (minified, the app's browser targets) as one script. */
async function coreBundle(file: string): Promise<string> {
  const { build } = await import('vite');
  const out = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: join(ROOT, 'bench', file), formats: ['iife'], name: 'chisoCoreBench' },
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs)
    if ('output' in o) for (const chunk of o.output) if (chunk.type === 'chunk') return chunk.code;
  throw new Error(`vite produced no chunk for bench/${file}`);
}

interface CoreFigures {
  readonly bundleGzip: number;
  readonly compileMs: number;
  readonly plain: readonly number[];
  readonly explained: readonly number[];
  /** Mean of a tight loop of recomputes (below the timer's resolution per call). */
  readonly plainMean: number;
  readonly explainedMean: number;
}

/**
 * Times the core in the page: the bundled set compiled on first use, then `scoreAgency` on a
 * full department form, each time on a fresh copy with one number changed (as a keystroke
 * does), without and with explanations (the form shows them).
 */
async function coreInPage(page: Page, code: string, samples: number): Promise<CoreFigures> {
  const set = bundledCompiledSet('cao-bang-2016')!;
  const values = perfectValues(set, 'department', YEAR);
  const key = set.groupsById
    .get('department')!
    .fields.find((f) => f.type === 'integer' && f.key !== 'report_year')!.key;
  await page.evaluate(code);
  const figures = await page.evaluate(
    ({ values, key, year, samples }) => {
      type Core = {
        bundledCompiledSet(id: string): unknown;
        scoreAgency(set: unknown, input: unknown, year: number, options?: { explain?: boolean }): unknown;
      };
      const core = (globalThis as unknown as { chisoCore: Core }).chisoCore;
      const t0 = performance.now();
      const set = core.bundledCompiledSet('cao-bang-2016');
      const compileMs = performance.now() - t0;
      const base = values as Record<string, unknown>;
      const one = (i: number, explain: boolean) =>
        core.scoreAgency(set, { group: 'department', values: { ...base, [key]: 40 + (i % 97) } }, year, {
          explain,
        });
      const timed = (explain: boolean) => {
        for (let i = 0; i < 30; i++) one(i, explain);
        const each: number[] = [];
        for (let i = 0; i < samples; i++) {
          const s = performance.now();
          one(i, explain);
          each.push(performance.now() - s);
        }
        const loops = 500;
        const s = performance.now();
        for (let i = 0; i < loops; i++) one(i, explain);
        return { each, mean: (performance.now() - s) / loops };
      };
      const plain = timed(false);
      const explained = timed(true);
      return {
        compileMs,
        plain: plain.each,
        explained: explained.each,
        plainMean: plain.mean,
        explainedMean: explained.mean,
      };
    },
    { values, key, year: YEAR, samples },
  );
  return { ...figures, bundleGzip: gzipSync(Buffer.from(code), { level: 9 }).length };
}

/** The same recompute in Node, for comparison (same values, same loop). */
function coreInNode(explain: boolean): number {
  const set = bundledCompiledSet('cao-bang-2016')!;
  const values = perfectValues(set, 'department', YEAR);
  const key = set.groupsById
    .get('department')!
    .fields.find((f) => f.type === 'integer' && f.key !== 'report_year')!.key;
  const one = (i: number) =>
    scoreAgency(set, { group: 'department', values: { ...values, [key]: 40 + (i % 97) } }, YEAR, { explain });
  for (let i = 0; i < 30; i++) one(i);
  const loops = 500;
  const s = performance.now();
  for (let i = 0; i < loops; i++) one(i);
  return (performance.now() - s) / loops;
}

/* ───────────────────────── the public page ───────────────────────── */

async function publicPage(baseUrl: string, path: string) {
  const res = await fetch(baseUrl + path, {
    headers: { accept: 'text/html', 'accept-encoding': 'gzip, br' },
  });
  const body = Buffer.from(await res.arrayBuffer());
  const text = body.toString('utf8');
  return {
    path,
    status: res.status,
    bytes: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    encoding: res.headers.get('content-encoding') ?? '',
    scripts: (text.match(/<script\b/gi) ?? []).length,
  };
}

/* ───────────────────────── run ───────────────────────── */

export async function run(): Promise<void> {
  const navigations = runs('BENCH_BROWSER_RUNS', 7);
  const keys = runs('BENCH_KEYSTROKES', 40);
  console.log(
    `machine load before the run: ${fixed(os.loadavg()[0]!, 2)} (1-minute average) on ${os.cpus().length} cores; ` +
      'the browser, the server and other work share the machine: times vary from run to run',
  );
  const t0 = performance.now();
  const database = await openMemory();
  const s = await startBrowserSession({ now: NOW, database: { ...database, drop: database.close } });
  try {
    const { cycleId, reporterCookie } = await setUp(s);
    const browser = s.page.context().browser()!;
    const formPath = `/bao-cao/${cycleId}`;
    console.log(
      `server: this process, embedded PGlite, dist/web as built (${kb(dirSize('dist/web/assets', '.js'))} of JS in ` +
        `dist/web/assets); Chromium ${browser.version()} headless; setup ${fixed((performance.now() - t0) / 1000)} s`,
    );
    console.log(`form page: ${formPath} as reporter ${REPORTER} (${REPORTER_AGENCY}, department group)\n`);

    // 1. JavaScript shipped: what the browser downloads with an empty cache.
    console.log(
      'JavaScript loaded with an empty cache (gzip -9 of the bytes received, done here with node:zlib):',
    );
    const signIn = await scriptsOf(browser, s.baseUrl, null, '/', (p) =>
      p.getByLabel('Tên đăng nhập').waitFor(),
    );
    const signInGzip = printScripts('\nsign-in page /', signIn);
    const form = await scriptsOf(browser, s.baseUrl, reporterCookie, formPath, (p) =>
      p.locator('main h1').waitFor(),
    );
    const formGzip = printScripts(`\nreporter's form ${formPath}`, form);
    const served = new Set([...signIn, ...form].map((x) => x.encoding || 'uncompressed'));
    console.log(
      `\n  the server sends JS ${[...served].join(', ')}; the figures above are gzip -9 of the bytes themselves`,
    );

    // 2. Navigation to an interactive form, cold, several times.
    console.log(`\nnavigation to an interactive form (${navigations} cold navigations, empty cache each):`);
    const figures: Interactive[] = [];
    let last: Page | null = null;
    for (let i = 0; i < navigations; i++) {
      const { page, figures: f } = await openForm(browser, s.baseUrl, reporterCookie, formPath);
      figures.push(f);
      if (i < navigations - 1) await page.context().close();
      else last = page;
    }
    const reached = figures.filter((f) => f.interactive !== null).map((f) => f.interactive!);
    console.log(
      table([
        ['from navigation start', 'median ms', 'min ms', 'max ms'],
        ...(
          [
            ['DOMContentLoaded', figures.map((f) => f.domContentLoaded)],
            ['load', figures.map((f) => f.load)],
            ['screen heading (h1) shown', figures.map((f) => f.heading)],
            ['input enabled + live score shown', reached],
          ] as const
        ).map(([label, xs]) => [label, fixed(median(xs)), fixed(Math.min(...xs)), fixed(Math.max(...xs))]),
      ]),
    );
    if (reached.length < figures.length)
      console.log(
        `  ${figures.length - reached.length} of ${figures.length} navigations never had an enabled input and a ` +
          `'${RECOMPUTE_MEASURE}' measure within 10 s: the form is not merged yet (a placeholder page?). ` +
          'The heading time above is the shell + screen chunk.',
      );

    // 3. One keystroke's recompute, on the form, then the core alone in the same page.
    console.log(`\nlive score after one keystroke (${keys} keys typed into the first number field):`);
    const typed = await keystrokes(last!, keys);
    if (typed.durations.length === 0)
      console.log(
        `  NOT MEASURED: ${typed.found}, and no '${RECOMPUTE_MEASURE}' performance measures were recorded ` +
          '(the form that records them is not merged yet); the core alone is measured below',
      );
    else
      console.log(
        `  ${typed.durations.length} '${RECOMPUTE_MEASURE}' measures: median ${fixed(median(typed.durations), 2)} ms, ` +
          `p95 ${fixed(percentile(typed.durations, 95), 2)} ms, max ${fixed(Math.max(...typed.durations), 2)} ms`,
      );

    const code = await coreBundle('browser-core.ts');
    const lean = gzipSync(Buffer.from(await coreBundle('browser-core-lean.ts')), { level: 9 }).length;
    const core = await coreInPage(last!, code, 200);
    await last!.context().close();
    const nodePlain = coreInNode(false);
    const nodeExplained = coreInNode(true);
    console.log(
      `\nthe scoring core alone in the page (bench/browser-core.ts bundled by Vite, ${kb(core.bundleGzip)} gzip; ` +
        'a full department form, a fresh copy with one number changed each time):',
    );
    console.log(
      `  its size: ${kb(core.bundleGzip)} gzip with the bundled criteria file and its validation (zod); ` +
        `compileCriteriaSet + scoreAgency alone (a set the server sends, already validated): ${kb(lean)} gzip`,
    );
    console.log(`  compile the bundled criteria set (first use): ${fixed(core.compileMs, 2)} ms`);
    console.log(
      table([
        ['scoreAgency', 'median ms', 'p95 ms', 'max ms', 'mean of 500 ms', 'Node mean ms'],
        [
          'without explanations',
          fixed(median(core.plain), 3),
          fixed(percentile(core.plain, 95), 3),
          fixed(Math.max(...core.plain), 3),
          fixed(core.plainMean, 3),
          fixed(nodePlain, 3),
        ],
        [
          'with explanations (vi + en)',
          fixed(median(core.explained), 3),
          fixed(percentile(core.explained, 95), 3),
          fixed(Math.max(...core.explained), 3),
          fixed(core.explainedMean, 3),
          fixed(nodeExplained, 3),
        ],
      ]),
    );
    console.log(
      "  (per-call times are rounded by the page's timer, 0.1 ms without cross-origin isolation; the means are not)",
    );

    // 4. The public results page, with the demo year published.
    console.log('\npublic pages (the 2017 demo year published):');
    const pages = [await publicPage(s.baseUrl, '/ket-qua'), await publicPage(s.baseUrl, '/ket-qua/2017')];
    console.log(
      table([
        ['page', 'status', 'bytes', 'gzip -9', 'served as', '<script>'],
        ...pages.map((p) => [
          p.path,
          String(p.status),
          kb(p.bytes),
          kb(p.gzip),
          p.encoding || 'uncompressed',
          String(p.scripts),
        ]),
      ]),
    );

    const list = pages[0]!;
    const recompute = typed.durations.length ? percentile(typed.durations, 95) : null;
    const coreP95 = Math.max(percentile(core.explained, 95), core.explainedMean);
    console.log('\ntargets:');
    console.log(
      table([
        ['target', 'measured', ''],
        [
          `form page JS ≤ ${TARGET_JS_GZIP_KB} KB gzip`,
          kb(formGzip),
          mark(formGzip <= TARGET_JS_GZIP_KB * KB),
        ],
        [
          `sign-in page JS ≤ ${TARGET_JS_GZIP_KB} KB gzip`,
          kb(signInGzip),
          mark(signInGzip <= TARGET_JS_GZIP_KB * KB),
        ],
        [
          `recompute per keystroke p95 ≤ ${TARGET_RECOMPUTE_MS} ms (form)`,
          recompute === null ? 'not measured' : `${fixed(recompute, 2)} ms`,
          recompute === null ? '(form not merged)' : mark(recompute <= TARGET_RECOMPUTE_MS),
        ],
        [
          `recompute p95 ≤ ${TARGET_RECOMPUTE_MS} ms (core alone, explained)`,
          `${fixed(coreP95, 2)} ms`,
          mark(coreP95 <= TARGET_RECOMPUTE_MS),
        ],
        [
          `/ket-qua ≤ ${TARGET_PUBLIC_KB} KB, no <script>`,
          `${kb(list.bytes)}, ${list.scripts} <script>`,
          mark(list.bytes <= TARGET_PUBLIC_KB * KB && list.scripts === 0 && list.status === 200),
        ],
      ]),
    );
  } finally {
    await s.close();
  }
}

/** Bytes of the files ending in `ext` under a directory of the repository. */
function dirSize(dir: string, ext: string): number {
  let n = 0;
  for (const f of readdirSync(join(ROOT, dir)))
    if (f.endsWith(ext)) n += readFileSync(join(ROOT, dir, f)).length;
  return n;
}
