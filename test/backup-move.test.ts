/**
 * Moving a province from the embedded database to a PostgreSQL server, and back, with the
 * commands a technician types (issue 11 item 5): `chiso serve --demo` on an embedded data folder,
 * `chiso backup --out FILE`, `chiso restore FILE` with DATABASE_URL set, `chiso serve` on
 * PostgreSQL. The published results, their hashes, the open data and the public page must be the
 * same byte for byte on the other engine. Needs a PostgreSQL server, so it runs in the suite's
 * PostgreSQL pass (DATABASE_URL set) and is skipped in the embedded one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, type ServerProcess, startServer } from './processes.ts';
import { createServerDatabase } from './server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ADMIN_PASSWORD = 'Quan-tri-chuyen-may-2017';
const URL_ = process.env.DATABASE_URL;

/** `chiso <args>` in a child process with `env` over this one's; its exit status and output. */
function chiso(args: string[], env: Record<string, string | undefined>) {
  const r = spawnSync(process.execPath, ['bin/chiso.mjs', ...args], {
    cwd: ROOT,
    env: childEnv({ LOG_LEVEL: 'warn', ...env }),
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

interface Published {
  cycleId: string;
  exportJson: unknown;
  revisions: unknown;
  datapackage: { contentHash?: string; resources: { path: string; hash?: string; bytes?: number }[] };
  openDataResult: string;
  publicPage: string;
}

/** What a person and a machine read of the published sample year on a running server. */
async function published(server: ServerProcess): Promise<Published> {
  const cookie = await server.signIn('admin', ADMIN_PASSWORD);
  const cycles = await server.call<{ cycles: { id: string; year: number }[] }>('GET', '/api/v1/cycles', {
    cookie,
  });
  expect(cycles.status).toBe(200);
  const cycleId = cycles.body.cycles.find((c) => c.year === 2017)!.id;
  const get = async (path: string) => {
    const r = await server.call('GET', path, { cookie });
    expect(r.status, path).toBe(200);
    return r.body;
  };
  const text = async (path: string) => {
    const r = await fetch(`http://127.0.0.1:${server.port}${path}`);
    expect(r.status, path).toBe(200);
    return r.text();
  };
  return {
    cycleId,
    exportJson: await get(`/api/v1/cycles/${cycleId}/results/export.json`),
    revisions: await get(`/api/v1/cycles/${cycleId}/results/revisions`),
    datapackage: JSON.parse(await text('/du-lieu-mo/2017/datapackage.json')),
    openDataResult: await text('/du-lieu-mo/2017/ket-qua.csv'),
    publicPage: await text('/ket-qua/2017'),
  };
}

describe.runIf(URL_)('moving a province between the embedded database and PostgreSQL', () => {
  let work: string;
  let target: Awaited<ReturnType<typeof createServerDatabase>>;
  let before: Published;
  const embedded = () => ({ CHISO_DATA_DIR: join(work, 'embedded'), DATABASE_URL: undefined });
  const postgres = () => ({ CHISO_DATA_DIR: join(work, 'server'), DATABASE_URL: target.url });
  const common = { CHISO_ADMIN_PASSWORD: ADMIN_PASSWORD, CHISO_SCHEDULER: '0' };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'chiso-move-'));
    target = await createServerDatabase('chiso_move');
    const first = await startServer({ ...common, ...embedded() }, { args: ['--demo'], timeoutMs: 180_000 });
    try {
      before = await published(first);
    } finally {
      await first.stop();
    }
  }, 300_000);

  afterAll(async () => {
    await target?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('backs up the embedded database, restores it on PostgreSQL and publishes the same year', async () => {
    const archive = join(work, 'tinh-cao-bang.tar.gz');
    const backup = chiso(['backup', '--out', archive], embedded());
    expect(backup.status, backup.out).toBe(0);
    expect(backup.out).toMatch(/Đã sao lưu/);
    expect(existsSync(archive)).toBe(true);

    const restore = chiso(['restore', archive], postgres());
    expect(restore.status, restore.out).toBe(0);
    expect(restore.out).toMatch(/Đã khôi phục/);

    const moved = await startServer({ ...common, ...postgres() }, { timeoutMs: 120_000 });
    try {
      const after = await published(moved);
      expect(after.cycleId).toBe(before.cycleId);
      expect(after.exportJson).toEqual(before.exportJson);
      expect(after.revisions).toEqual(before.revisions);
      // The open data names every file by its bytes and sha256 and the revision by its content hash.
      expect(after.datapackage).toEqual(before.datapackage);
      expect(after.datapackage.resources.length).toBeGreaterThan(3);
      expect(after.openDataResult).toBe(before.openDataResult);
      expect(after.publicPage).toBe(before.publicPage);
    } finally {
      await moved.stop();
    }

    // A second restore into the now full database is refused, and nothing changes.
    const again = chiso(['restore', archive], postgres());
    expect(again.status).not.toBe(0);
    expect(again.out).toMatch(/đã có dữ liệu/);
  }, 600_000);

  it('moves it back: a backup of the PostgreSQL server restores into a new embedded folder', async () => {
    const archive = join(work, 'tu-may-chu.tar.gz');
    const backup = chiso(['backup', '--out', archive], postgres());
    expect(backup.status, backup.out).toBe(0);
    const back = { CHISO_DATA_DIR: join(work, 'embedded-again'), DATABASE_URL: undefined };
    const restore = chiso(['restore', archive], back);
    expect(restore.status, restore.out).toBe(0);
    const server = await startServer({ ...common, ...back }, { timeoutMs: 120_000 });
    try {
      const after = await published(server);
      expect(after.exportJson).toEqual(before.exportJson);
      expect(after.datapackage).toEqual(before.datapackage);
      expect(after.publicPage).toBe(before.publicPage);
    } finally {
      await server.stop();
    }
  }, 600_000);
});
