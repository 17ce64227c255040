/**
 * The embedded data directory's lock: a second live chiso is kept out, but a lock left by a process
 * that is gone — or whose pid now belongs to another process, or to this one after a container
 * restart — does not block the start.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open.ts';

const dir = mkdtempSync(join(tmpdir(), 'chiso-lock-'));
const lock = join(dir, 'chiso.lock');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const startedOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
};
const bootId = () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
const writeLock = (holder: object) => writeFileSync(lock, JSON.stringify({ host: hostname(), ...holder }));

/** Opens and closes the embedded database; resolves to the error's message when it cannot. */
async function tryOpen(): Promise<string | null> {
  try {
    const db = await openDatabase({ dataDir: dir });
    await db.close();
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe.runIf(process.platform === 'linux')('the embedded database lock', () => {
  it('takes over a lock whose pid is this process now (a restarted container)', async () => {
    writeLock({ pid: process.pid, since: '2017-01-01T00:00:00Z', bootId: bootId(), started: '1' });
    expect(await tryOpen()).toBeNull();
  }, 60_000);

  it('takes over a lock whose pid belongs to another, later process', async () => {
    const other = spawn('sleep', ['30']);
    try {
      writeLock({ pid: other.pid, since: '2017-01-01T00:00:00Z', bootId: bootId(), started: '1' });
      expect(await tryOpen()).toBeNull();
      // From an earlier boot of the machine: stale whatever the pid does now.
      writeLock({
        pid: other.pid,
        bootId: '00000000-0000-0000-0000-000000000000',
        started: startedOf(other.pid!),
      });
      expect(await tryOpen()).toBeNull();
    } finally {
      other.kill();
    }
  }, 60_000);

  it('keeps out a second process while the holder runs, naming it', async () => {
    const holder = spawn('sleep', ['30']);
    try {
      writeLock({
        pid: holder.pid,
        since: '2017-10-15T03:00:00Z',
        bootId: bootId(),
        started: startedOf(holder.pid!),
      });
      expect(await tryOpen()).toMatch(
        /đang được một tiến trình chiso khác dùng \(pid \d+, từ 2017-10-15T03:00:00Z\)/,
      );
    } finally {
      holder.kill();
      rmSync(lock, { force: true });
    }
  });

  it('takes over a lock whose process is gone', async () => {
    const gone = spawn('true');
    await new Promise((r) => gone.on('exit', r));
    writeLock({ pid: gone.pid, bootId: bootId() });
    expect(await tryOpen()).toBeNull();
  }, 60_000);
});
