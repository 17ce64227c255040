#!/usr/bin/env node
// The `chiso` command. It runs the compiled command line, dist/cli.mjs, built here first when it
// is missing or older than its sources (scripts/cli-build.mjs), so that `npx chiso …` works right
// after `npm ci` with no build step and starts without compiling TypeScript each time.
import { pathToFileURL } from 'node:url';
import { ensureCliBuild } from '../scripts/cli-build.mjs';

const { main } = await import(await cliUrl());
process.exitCode = await main(process.argv.slice(2));

/** The compiled command line; where it cannot be built (no esbuild, no write access), the sources through tsx. */
async function cliUrl() {
  try {
    return pathToFileURL(await ensureCliBuild()).href;
  } catch (e) {
    process.stderr.write(
      `chiso: dist/cli.mjs could not be built (${e instanceof Error ? e.message : e}); running the sources instead\n`,
    );
    (await import('tsx/esm/api')).register();
    return new URL('../src/cli/main.ts', import.meta.url).href;
  }
}
