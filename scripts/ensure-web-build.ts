/**
 * Builds the web application (vite build → dist/web) when it is missing or older than its
 * sources. `npm start` runs it first (prestart); the browser tests call ensureWebBuild().
 * Concurrent callers wait for one build instead of racing (a lock directory beside dist/web).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const WEB_DIST = join(ROOT, 'dist', 'web');
const SOURCES = ['src/web', 'src/core', 'vite.config.ts', 'package-lock.json', 'scripts/ensure-web-build.ts'];
const LOCK = join(ROOT, 'dist', '.web-build.lock');
const STALE_LOCK_MS = 5 * 60_000;

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** Whether dist/web is missing or older than one of its sources. */
export function webBuildIsStale(): boolean {
  const built = join(WEB_DIST, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.some((s) => newest(join(ROOT, s)) > builtAt);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds the web application if needed; returns whether it built. */
export async function ensureWebBuild(options: { quiet?: boolean } = {}): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  mkdirSync(dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > STALE_LOCK_MS)
        rmSync(LOCK, { recursive: true, force: true });
      else await sleep(250);
      if (!webBuildIsStale()) return false;
    }
  }
  try {
    if (!webBuildIsStale()) return false;
    await viteBuild(options.quiet === true);
    return true;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * `vite build` in a child process with NODE_ENV=production: built inside vitest (the browser
 * tests), NODE_ENV=test would otherwise give React's development build and JSX runtime, which
 * dist/web would then keep serving to `npm start`, the benchmarks and the next tests.
 */
function viteBuild(quiet: boolean): Promise<void> {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [
    vite,
    'build',
    '--config',
    join(ROOT, 'vite.config.ts'),
    '--logLevel',
    quiet ? 'warn' : 'info',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`vite build failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    if (webBuildIsStale()) console.log('Đang dựng giao diện web (dist/web)…');
    await ensureWebBuild();
  } catch (e) {
    // The API still works without the web application: say so, and let the server start.
    console.error(`Không dựng được giao diện web: ${e instanceof Error ? e.message : String(e)}`);
    console.error('Máy chủ vẫn chạy API; chạy lại "npm run build:web" để xem lỗi chi tiết.');
  }
}
