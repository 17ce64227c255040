import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreWithCli } from '../../../../test/chiso.ts';
import { createServerDatabase, TEST_PASSWORD, type TestServer, testServer } from '../../../../test/server.ts';
import { buildApp } from '../../app.ts';
import { type Database, openDatabase } from '../../db/open.ts';
import { loadDemo } from '../../demo.ts';
import { contentHash } from '../../platform/canonical.ts';
import { loadConfig } from '../../platform/config.ts';
import { directoryStore } from '../../platform/files.ts';
import type { AppDeps } from '../../platform/http.ts';
import { BackupError, createBackup, type Manifest, restoreBackup, verifyBackup } from './archive.ts';

const PDF = Buffer.from('%PDF-1.4\n% chiso backup test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A fresh target: an empty PostgreSQL database when DATABASE_URL is set, else a new embedded directory. */
async function freshTarget(): Promise<{
  open: () => Promise<Database>;
  drop: () => Promise<void>;
  dir: string;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-restore-'));
  if (!process.env.DATABASE_URL) {
    const dataDir = join(dir, 'data');
    return {
      dir,
      open: () => openDatabase({ dataDir }),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const target = await createServerDatabase('chiso_restore');
  return {
    dir,
    open: () => openDatabase({ dataDir: '', databaseUrl: target.url, poolSize: 3 }),
    drop: async () => {
      await target.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The entries of an archive, in order. */
async function entriesOf(path: string): Promise<{ name: string; body: Buffer }[]> {
  const out: { name: string; body: Buffer }[] = [];
  const extract = tar.extract();
  extract.on('entry', (h, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      out.push({ name: h.name, body: Buffer.concat(chunks) });
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
    extract.end(gunzipSync(readFileSync(path)));
  });
  return out;
}

/** Writes an archive from entries (as a tamperer would). */
async function packInto(path: string, entries: { name: string; body: Buffer }[]): Promise<void> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((r) => pack.on('end', r));
  for (const e of entries) pack.entry({ name: e.name }, e.body);
  pack.finalize();
  await ended;
  writeFileSync(path, gzipSync(Buffer.concat(chunks)));
}

const refusal = async (p: Promise<unknown>): Promise<string> => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BackupError);
  return (e as BackupError).text.vi;
};

describe('backup and restore', () => {
  let s: TestServer;
  let work: string;
  let archive: string;
  let manifest: Manifest;

  beforeAll(async () => {
    s = await testServer({ now: '2018-01-10T03:00:00Z' });
    await loadDemo(s.deps);
    await s.as('admin');
    s.deps.files.put(PDF);
    work = mkdtempSync(join(tmpdir(), 'chiso-backup-'));
    archive = join(work, 'backup.tar.gz');
    manifest = await createBackup(s.deps.database, s.deps.config.filesDir, archive, s.clock.now());
  }, 120_000);

  afterAll(async () => {
    await s?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('writes a manifest with the version, the migrations, every table and file with its hash', async () => {
    expect(manifest.formatVersion).toBe(1);
    expect(manifest.migrations.length).toBeGreaterThan(5);
    const names = manifest.tables.map((t) => t.name);
    for (const t of ['agencies', 'users', 'cycles', 'submissions', 'published_snapshots', 'audit_log'])
      expect(names).toContain(t);
    expect(names.indexOf('agencies')).toBeLessThan(names.indexOf('users'));
    expect(names.indexOf('cycles')).toBeLessThan(names.indexOf('submissions'));
    expect(manifest.tables.find((t) => t.name === 'published_snapshots')!.rows).toBeGreaterThan(0);
    expect(manifest.files).toBe(1);
    const entries = await entriesOf(archive);
    expect(entries[0]!.name).toBe('manifest.json');
    expect(entries.map((e) => e.name).slice(1)).toEqual(manifest.entries.map((e) => e.name));
    expect(await verifyBackup(archive)).toEqual(manifest);
  });

  it('restores into a fresh database with the same snapshots, hashes and `chiso score` results', async () => {
    const target = await freshTarget();
    const filesDir = join(target.dir, 'files');
    try {
      await restoreBackup(archive, target.open, filesDir);
      const restored = await target.open();
      const deps: AppDeps = {
        ...s.deps,
        config: loadConfig({ CHISO_DATA_DIR: target.dir, LOG_LEVEL: 'silent' }),
        database: restored,
        files: directoryStore(filesDir),
      };
      const app = await buildApp(deps, { logger: false });
      try {
        const snapshots = `select cycle_id, revision, content_hash, content from published_snapshots order by cycle_id, revision`;
        type Snap = {
          cycle_id: string;
          revision: number;
          content_hash: string;
          content: Record<string, unknown>;
        };
        const rowsOf = (r: unknown) => ((r as { rows?: Snap[] }).rows ?? (r as Snap[])) as Snap[];
        const before = rowsOf(await s.deps.database.db.execute(sql.raw(snapshots)));
        const after = rowsOf(await restored.db.execute(sql.raw(snapshots)));
        expect(after.length).toBe(before.length);
        expect(after.length).toBeGreaterThan(0);
        for (const [i, a] of after.entries()) {
          expect(a.content_hash).toBe(before[i]!.content_hash);
          expect(contentHash(a.content)).toBe(a.content_hash);
        }
        // The same export and the same `chiso score`, year by year.
        const login = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'admin-x', password: TEST_PASSWORD },
        });
        expect(login.statusCode, login.body).toBe(200);
        const cookie = login.headers['set-cookie'] as string | string[];
        const restoredCookie = (Array.isArray(cookie) ? cookie[0]! : cookie).split(';')[0]!;
        const sourceCookie = await s.as('admin');
        for (const cycleId of new Set(after.map((a) => a.cycle_id))) {
          const url = `/api/v1/cycles/${cycleId}/results/export.json`;
          const theirs = await s.request({ method: 'GET', url, cookie: sourceCookie });
          const ours = await app.inject({ method: 'GET', url, headers: { cookie: restoredCookie } });
          expect(ours.statusCode, ours.body).toBe(200);
          expect(ours.json()).toEqual(theirs.json());
          const last = after.filter((a) => a.cycle_id === cycleId).at(-1)!.content as {
            criteria: { id: string };
            cycle: { year: number };
            agencies: Record<string, unknown>[];
          };
          const file = {
            criteriaSet: 'cao-bang-2016',
            year: last.cycle.year,
            agencies: last.agencies.map((a) => ({
              code: a.code,
              name: a.name,
              group: a.group,
              submittedAt: a.submittedAt,
              values: a.values,
              notApplicable: a.notApplicable,
              websiteChecks: a.websiteChecks,
            })),
          };
          const cli = await scoreWithCli(file);
          expect(cli.stderr).toBe('');
          expect(ours.json()).toEqual(JSON.parse(cli.stdout));
        }
        // The uploaded file came back, and new rows get fresh numbers from the sequences.
        expect(directoryStore(filesDir).get(s.deps.files.put(PDF))).toEqual(PDF);
        const seq = rowsOf(
          await restored.db.execute(
            sql.raw(
              `select nextval(pg_get_serial_sequence('audit_log', 'id')) > (select max(id) from audit_log) as ok`,
            ),
          ),
        ) as unknown as { ok: boolean }[];
        expect(seq[0]!.ok).toBe(true);
        const users = await app.inject({
          method: 'GET',
          url: '/api/v1/users',
          headers: { cookie: restoredCookie },
        });
        expect(users.statusCode).toBe(200);
      } finally {
        await app.close();
        await restored.close();
      }
      // A second restore into the same, now full, database is refused.
      expect(await refusal(restoreBackup(archive, target.open, filesDir))).toMatch(/đã có dữ liệu/);
    } finally {
      await target.drop();
    }
  }, 240_000);

  describe('refuses before writing anything', () => {
    /** A target that must never be opened. */
    const untouched = async (path: string): Promise<string> => {
      let opened = false;
      const message = await refusal(
        restoreBackup(
          path,
          async () => {
            opened = true;
            throw new Error('the target must not be opened');
          },
          join(work, 'never'),
        ),
      );
      expect(opened).toBe(false);
      expect(existsSync(join(work, 'never'))).toBe(false);
      return message;
    };

    it('a truncated archive', async () => {
      const bytes = readFileSync(archive);
      const cut = join(work, 'cut.tar.gz');
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
      expect(await untouched(cut)).toMatch(/bị hỏng|bị cắt cụt/);
    });

    it('an archive with a byte flipped', async () => {
      const bytes = Buffer.from(readFileSync(archive));
      bytes[Math.floor(bytes.length * 0.6)]! ^= 0x5a;
      const flipped = join(work, 'flipped.tar.gz');
      writeFileSync(flipped, bytes);
      expect(await untouched(flipped)).toMatch(/bị hỏng hoặc đã bị sửa đổi/);
    });

    it('a row changed behind the manifest’s back (hash mismatch)', async () => {
      const entries = await entriesOf(archive);
      const users = entries.find((e) => e.name.endsWith('-users.jsonl'))!;
      users.body = Buffer.from(users.body.toString('utf8').replace('"role":"assessor"', '"role":"admin"'));
      const tampered = join(work, 'tampered.tar.gz');
      await packInto(tampered, entries);
      expect(await untouched(tampered)).toMatch(/không khớp mã băm/);
    });

    it('an archive of another format version, or of another database structure', async () => {
      const entries = await entriesOf(archive);
      const m = JSON.parse(entries[0]!.body.toString('utf8'));
      const other = join(work, 'other.tar.gz');
      await packInto(other, [
        { name: 'manifest.json', body: Buffer.from(JSON.stringify({ ...m, formatVersion: 2 })) },
        ...entries.slice(1),
      ]);
      expect(await untouched(other)).toMatch(/định dạng phiên bản 2/);
      await packInto(other, [
        {
          name: 'manifest.json',
          body: Buffer.from(JSON.stringify({ ...m, migrations: m.migrations.slice(0, -1) })),
        },
        ...entries.slice(1),
      ]);
      expect(await untouched(other)).toMatch(/cấu trúc dữ liệu khác/);
    });

    it('a file that is not a backup', async () => {
      const junk = join(work, 'junk.tar.gz');
      writeFileSync(junk, 'not a backup');
      expect(await untouched(junk)).toMatch(/bị hỏng/);
    });
  });

  it('refuses a target that already holds data', async () => {
    const message = await refusal(
      restoreBackup(archive, async () => ({ ...s.deps.database, close: async () => {} }), join(work, 'f')),
    );
    expect(message).toMatch(/đã có dữ liệu \(bảng .*agencies/);
  });
});
