/**
 * The compiled command line, dist/cli/: src/cli and the core bundled by esbuild into ES modules,
 * packages left to node_modules and the server to its sources (src/cli/serve.ts). Starting it
 * costs a fraction of compiling the TypeScript sources at every start, as tsx did. What only the
 * data commands need (the criteria, the core, zod) is a chunk of its own, loaded by main.mjs when
 * one of them is asked for, so that a bare start does not pay for it.
 *
 * bin/chiso.mjs calls ensureCliBuild() first: it builds when the bundle is missing or older than
 * one of the files it was made from (esbuild lists them; the list is kept beside the bundle), so
 * `npx chiso …` works right after `npm ci` with no build step, and an edited source is picked up
 * by the next run. Plain JavaScript, since it runs before anything can compile TypeScript. The
 * esbuild used is the one tsx depends on (and brings with it): no other package is needed.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist', 'cli');
/** The module bin/chiso.mjs runs. */
export const CLI = join(OUT, 'main.mjs');
/** The files the bundle was made from and the files it is, relative to the repository root. */
const MANIFEST = join(OUT, 'build.json');
const ENTRY = 'src/cli/main.ts';
/**
 * Built beside the command and run by the build: it validates the bundled criteria sets, so that
 * the command need not at every start (src/cli/criteria-sets.ts). A build whose sets fail is refused.
 */
const VERIFY_ENTRY = 'src/cli/verify-bundled-sets.ts';
const VERIFY = join(OUT, 'verify-bundled-sets.mjs');
/** Also read by a build, though not bundled. */
const ALSO = ['scripts/cli-build.mjs', 'tsconfig.json', 'package.json'];
/** A chunk no build uses any more is deleted once this old (a process started before may still load it). */
const OLD_CHUNK_MS = 10 * 60_000;

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY; // gone: whatever was built from it is stale
  }
}

/** Whether dist/cli is missing, incomplete or older than one of the files it was built from. */
export function cliBuildIsStale() {
  if (!existsSync(CLI)) return true;
  const builtAt = mtime(CLI);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return true;
  }
  const { inputs, outputs } = manifest ?? {};
  if (!Array.isArray(inputs) || !Array.isArray(outputs)) return true;
  return (
    outputs.some((file) => !existsSync(join(ROOT, file))) ||
    inputs.some((file) => mtime(join(ROOT, file)) > builtAt)
  );
}

/** esbuild as tsx finds it, wherever npm placed it. */
async function loadEsbuild() {
  const tsx = createRequire(import.meta.url).resolve('tsx/package.json');
  const path = createRequire(tsx).resolve('esbuild');
  return (await import(pathToFileURL(path).href)).default;
}

/** The server stays with its sources: its import is rewritten to where they are, seen from dist/cli. */
const serverFromSources = {
  name: 'server-from-sources',
  setup(build) {
    build.onResolve({ filter: /\/server\/main\.ts$/ }, (args) => ({
      path: relative(OUT, join(args.resolveDir, args.path)).split('\\').join('/'),
      external: true,
    }));
  },
};

/** Writes a file under a name of its own, then renames it into place: a reader never sees half of it. */
function writeAtomically(path, contents, date) {
  const own = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(own, contents);
    if (date) utimesSync(own, date, date);
    renameSync(own, path);
  } finally {
    rmSync(own, { force: true });
  }
}

/**
 * Builds dist/cli. Two builds at once (two first runs) each write every file whole; chunks are
 * named by their content, and main.mjs, which names the chunks, is written last, dated from the
 * start of its build, so that a source saved during the build still makes it stale.
 */
export async function buildCli() {
  const esbuild = await loadEsbuild();
  const started = new Date();
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { main: ENTRY, 'verify-bundled-sets': VERIFY_ENTRY },
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    plugins: [serverFromSources],
    // Read by src/cli/criteria-sets.ts; true only because verifyBundledSets() below passed.
    define: { CHISO_BUNDLED_SETS_VERIFIED: 'true' },
    metafile: true,
    write: false,
    logLevel: 'error',
  });
  mkdirSync(OUT, { recursive: true });
  const outputs = result.outputFiles.map((f) => relative(ROOT, f.path).split('\\').join('/'));
  for (const f of result.outputFiles) if (f.path !== CLI) writeAtomically(f.path, f.contents);
  // Before main.mjs is in place: a bundled set that fails leaves no build that would trust it.
  await verifyBundledSets();
  const inputs = [
    ...Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/')),
    ...ALSO,
  ];
  writeAtomically(MANIFEST, `${JSON.stringify({ inputs, outputs }, null, 2)}\n`);
  writeAtomically(CLI, result.outputFiles.find((f) => f.path === CLI).contents, started);
  removeOldChunks(new Set(result.outputFiles.map((f) => basename(f.path))));
}

/** Runs the built check of the bundled criteria sets; throws with its problems when one fails. */
async function verifyBundledSets() {
  // A query of its own each time: a second build in one process must not get the first one's module.
  const url = `${pathToFileURL(VERIFY).href}?build=${Date.now()}-${Math.random()}`;
  const problems = (await import(url)).bundledSetProblems();
  if (problems.length > 0) throw new Error(`bundled criteria sets are not valid:\n${problems.join('\n')}`);
}

function removeOldChunks(current) {
  const now = Date.now();
  for (const name of readdirSync(OUT)) {
    if (!name.endsWith('.mjs') || current.has(name)) continue;
    if (now - mtime(join(OUT, name)) > OLD_CHUNK_MS) rmSync(join(OUT, name), { force: true });
  }
}

/** Builds dist/cli if needed and returns the path of its main module. */
export async function ensureCliBuild() {
  if (cliBuildIsStale()) await buildCli();
  return CLI;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCli();
  console.log(`built ${relative(ROOT, OUT)}`);
}
