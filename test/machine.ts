/**
 * What the tests need from the machine beyond npm packages, found or installed before they run:
 * a Chromium for the browser tests (playwright-core drives it; its own browser download fails on
 * these machines) and fonts that draw Vietnamese in screenshots and documents (Liberation: metric
 * twins of Arial and Times New Roman, the fonts of the pages and of official documents).
 *
 * `npm test` runs this first (pretest), so a new machine needs nothing installed by hand: what is
 * missing is installed with apt-get when the process may (root or password-less sudo); otherwise
 * the run stops at once with one line that says what to install. Nothing is ever skipped.
 *
 * Also importable: `prepareTestMachine()` returns the browser's path (the vitest global set-up and
 * the browser benchmark call it; it is quick once everything is there).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The Debian packages that bring what is missing. */
const CHROMIUM_PACKAGE = 'chromium';
const FONT_PACKAGE = 'fonts-liberation2';
/** pdftotext, pdftoppm, pdfinfo, pdffonts: the official documents' PDFs read back (documents.test.ts). */
const POPPLER_PACKAGE = 'poppler-utils';
const popplerMissing = () => spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status !== 0;

/**
 * Font families that must draw Vietnamese: one of each line. The first is the page font's
 * fallback for Arial/Segoe UI on Linux; the second stands in for Times New Roman in documents.
 */
const FONT_NEEDS: readonly (readonly string[])[] = [
  ['Liberation Sans', 'Arial', 'Arimo'],
  ['Liberation Serif', 'Times New Roman', 'Tinos'],
];

/** Letters of Vietnamese that a font without the language lacks (ạ ầ ễ ộ ự đ ơ ư). */
export const VIETNAMESE_SAMPLE = 'ạầễộựđơư';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];
const PLACES = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A browser that answers `--version` (a snap shim without snapd, say, does not). */
function runs(path: string): boolean {
  if (!isExecutable(path)) return false;
  const r = spawnSync(path, ['--version', '--no-sandbox'], { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 && /chrom/i.test(r.stdout);
}

/** Browsers a playwright installation left in its cache, newest first. */
function playwrightCache(): string[] {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return [];
  return readdirSync(cache)
    .filter((d) => d.startsWith('chromium'))
    .sort()
    .reverse()
    .flatMap((d) => [
      join(cache, d, 'chrome-linux64', 'chrome'),
      join(cache, d, 'chrome-linux', 'chrome'),
      join(cache, d, 'chrome-linux', 'headless_shell'),
    ]);
}

/** Every place a Chromium is usually found, in order: PATH names, fixed places, playwright's cache. */
function candidates(): string[] {
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => NAMES.map((n) => join(dir, n)));
  return [...new Set([...onPath, ...PLACES, ...playwrightCache()])];
}

/** The browser to use: CHISO_CHROMIUM if set (it must work), else the first that runs, else null. */
export function findChromium(): string | null {
  const chosen = process.env.CHISO_CHROMIUM;
  if (chosen) {
    if (!runs(chosen))
      stop(`CHISO_CHROMIUM=${chosen} không chạy được [CHISO_CHROMIUM=${chosen} does not run as a browser]`);
    return chosen;
  }
  return candidates().find(runs) ?? null;
}

/** Font families (fontconfig) that cover the Vietnamese sample, or null without fontconfig. */
export function vietnameseFontFamilies(): Set<string> | null {
  const codes = [...VIETNAMESE_SAMPLE].map((c) => c.codePointAt(0)!.toString(16)).join(' ');
  try {
    const out = execFileSync('fc-list', [`:charset=${codes}`, 'family'], { encoding: 'utf8' });
    return new Set(out.split('\n').flatMap((line) => line.split(',').map((f) => f.trim())));
  } catch {
    return null;
  }
}

function fontsMissing(): boolean {
  const families = vietnameseFontFamilies();
  return families === null || FONT_NEEDS.some((need) => !need.some((f) => families.has(f)));
}

/** How this process may install Debian packages: directly (root), through sudo, or not at all. */
function installer(): string[] | null {
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!hasApt) return null;
  if (process.getuid?.() === 0) return [];
  const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
  return sudo.status === 0 ? ['sudo', '-n'] : null;
}

/** Stops the run with one line on stderr: what is missing and what to do. */
function stop(line: string): never {
  console.error(`\n${line}\n`);
  process.exit(1);
}

function aptGet(prefix: string[], args: string[], log: string): void {
  const [cmd, ...rest] = [...prefix, 'apt-get', ...args];
  const r = spawnSync(cmd!, rest, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  writeFileSync(log, `$ ${[cmd, ...rest].join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}`, { flag: 'a' });
  if (r.status !== 0)
    stop(
      `apt-get ${args.join(' ')} thất bại, xem ${log} [apt-get failed, see the log]\n` +
        (r.stderr ?? '').trim().split('\n').slice(-3).join('\n'),
    );
}

/**
 * Finds, or installs, what the tests need; returns the Chromium to drive. Prints one line when it
 * installs something; stops the process with one line when it cannot.
 */
export function prepareTestMachine(): { chromium: string } {
  let chromium = findChromium();
  const packages = [
    ...(chromium ? [] : [CHROMIUM_PACKAGE]),
    ...(fontsMissing() ? [FONT_PACKAGE] : []),
    ...(popplerMissing() ? [POPPLER_PACKAGE] : []),
  ];
  if (packages.length === 0) return { chromium: chromium! };

  const why = [
    ...(chromium ? [] : ['trình duyệt cho kiểm thử giao diện']),
    ...(packages.includes(FONT_PACKAGE) ? ['phông chữ tiếng Việt cho ảnh chụp và PDF'] : []),
    ...(packages.includes(POPPLER_PACKAGE) ? ['công cụ đọc lại tệp PDF (pdftotext)'] : []),
  ].join(', ');
  const sudo = installer();
  if (sudo === null)
    stop(
      `Thiếu ${why}: hãy cài \`apt-get install ${packages.join(' ')}\` (hoặc đặt CHISO_CHROMIUM=/đường/dẫn/chromium) ` +
        `rồi chạy lại [missing: install the Debian packages ${packages.join(', ')}, or set CHISO_CHROMIUM]`,
    );
  console.log(
    `Chuẩn bị máy kiểm thử: cài ${packages.join(', ')} qua apt-get (${why}) ` +
      `[installing ${packages.join(', ')} with apt-get: the browser tests' Chromium and Vietnamese fonts]`,
  );
  const logDir = join(ROOT, 'test-results');
  mkdirSync(logDir, { recursive: true });
  const log = join(logDir, 'machine-setup.log');
  const wait = ['-o', 'DPkg::Lock::Timeout=600']; // another run installing at the same time
  aptGet(sudo, ['update', '-qq', ...wait], log);
  aptGet(sudo, ['install', '-y', '-qq', '--no-install-recommends', ...wait, ...packages], log);

  chromium = findChromium();
  if (!chromium)
    stop(`Đã cài ${CHROMIUM_PACKAGE} nhưng không chạy được, xem ${log} [installed but it does not run]`);
  if (fontsMissing())
    stop(`Đã cài ${FONT_PACKAGE} nhưng chưa có phông tiếng Việt, xem ${log} [fonts still missing]`);
  return { chromium };
}

// `node --import tsx test/machine.ts`: the first step of `npm test`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { chromium } = prepareTestMachine();
  if (process.env.CHISO_MACHINE_VERBOSE) console.log(`Chromium: ${chromium}`);
}
