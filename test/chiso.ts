/** `chiso score` run in this process on a cycle held in memory, as the integration tests compare with it. */
import { main } from '../src/cli/main.ts';

/** What `chiso score --input cycle.json` prints for `cycle`, with its exit status and error output. */
export async function scoreWithCli(
  cycle: unknown,
): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await main(['score', '--input', 'cycle.json'], {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    readFile: () => JSON.stringify(cycle),
  });
  return { status, stdout, stderr };
}
