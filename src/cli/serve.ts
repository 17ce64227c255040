/**
 * `chiso serve`, loaded only when asked: scoring from the command line needs none of the server.
 * The server runs from its TypeScript sources, compiled as Node loads them (it finds its
 * migrations and the web application beside its source files, and its start is seconds of
 * database anyway). The compiled command line, dist/cli.mjs, leaves this import to the sources
 * (scripts/cli-build.mjs), so there Node is first taught TypeScript; run from the sources
 * (tests, tsx), it already knows it.
 */
import type { ServeOptions } from '../server/main.ts';

export async function serve(options: ServeOptions): Promise<void> {
  if (!import.meta.url.endsWith('.ts')) (await import('tsx/esm/api')).register();
  const server = await import('../server/main.ts');
  await server.serve(options);
}
