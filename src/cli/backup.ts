/**
 * `chiso backup` and `chiso restore`, loaded only when asked. Like `chiso serve` (serve.ts) they
 * run the server's own code from its sources (the database, its migrations), reached through
 * server/main.ts, which the compiled command line leaves to the sources (scripts/cli-build.mjs).
 */
import { UsageError } from './io.ts';

async function server() {
  if (!import.meta.url.endsWith('.ts')) (await import('tsx/esm/api')).register();
  return import('../server/main.ts');
}

export async function backup(out: string | undefined, say: (line: string) => void): Promise<number> {
  for (const line of await (await server()).backupCli({ out })) say(line);
  return 0;
}

export async function restore(file: string | undefined, say: (line: string) => void): Promise<number> {
  if (file === undefined)
    throw new UsageError([
      {
        vi: 'Thiếu tệp sao lưu: chiso restore TỆP',
        en: 'missing the backup file: chiso restore FILE',
      },
    ]);
  for (const line of await (await server()).restoreCli(file)) say(line);
  return 0;
}
