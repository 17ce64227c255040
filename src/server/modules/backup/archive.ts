/**
 * The backup archive (chiso backup / chiso restore, and the daily backup of the embedded mode):
 * one gzip-compressed tar file holding
 *   manifest.json          — format version, chiso version, migration tags, creation time, and per
 *                            entry its size and SHA-256, per table its row count;
 *   db/NNN-<table>.jsonl   — every table of the database, one JSON object per row
 *                            (PostgreSQL's own row_to_json, so numbers, bytea and timestamps keep
 *                            their exact text), in the order foreign keys need;
 *   files/ab/<sha256>      — the uploaded files (platform/files.ts). The pages kept by the website
 *                            monitor are rows of snapshot_pages, so they travel with the database.
 * It is portable: it loads into the embedded database or into PostgreSQL alike, which is how a
 * province moves from one to the other. Rows are read with a cursor and written in batches, so
 * memory stays bounded whatever the size of a table.
 *
 * A restore reads the whole archive once and checks everything (format, version, every hash and
 * size, nothing missing, nothing extra) before it opens the target, and loads only into an empty
 * database, in one transaction.
 */

import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import tar from 'tar-stream';
import type { Text } from '../../../core/types.ts';
import { readMigrations } from '../../db/migrate.ts';
import type { Database, Executor } from '../../db/open.ts';
import { directoryStore } from '../../platform/files.ts';

export const BACKUP_FORMAT = 'chiso-backup';
export const BACKUP_FORMAT_VERSION = 1;
const MANIFEST = 'manifest.json';
/** Rows fetched from a cursor at a time; rows loaded per INSERT at most (and at most BATCH_BYTES). */
const BATCH_ROWS = 500;
const BATCH_BYTES = 8 * 1024 * 1024;
/** The table of applied migrations is the code's, not data: its tags are in the manifest instead. */
const MIGRATIONS_TABLE = 'chiso_migrations';

export interface ManifestEntry {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

export interface Manifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: number;
  readonly chisoVersion: string;
  readonly createdAt: string;
  /** The engine it was taken from: pglite (embedded) or postgres. */
  readonly engine: string;
  /** Migration tags applied to the database it was taken from, in order. */
  readonly migrations: readonly string[];
  /** Tables in load order, with their entry and row count. */
  readonly tables: readonly { readonly name: string; readonly entry: string; readonly rows: number }[];
  readonly files: number;
  readonly entries: readonly ManifestEntry[];
}

/** A backup that cannot be made or restored, for a reason the operator can act on: shown as is. */
export class BackupError extends Error {
  readonly userFacing = true;
  constructor(readonly text: Text) {
    super(`${text.vi} [${text.en ?? text.vi}]`);
  }
}

export const chisoVersion = (): string =>
  (
    JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;

const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];

async function query<T>(db: Executor, text: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await db.execute(text));
}

/** The tables of the schema, parents before children (a self-reference or a cycle is loaded with its keys set aside). */
async function tablesInOrder(db: Executor): Promise<string[]> {
  const tables = (
    await query<{ name: string }>(
      db,
      sql`select tablename as name from pg_tables where schemaname = current_schema() order by tablename`,
    )
  )
    .map((r) => r.name)
    .filter((n) => n !== MIGRATIONS_TABLE);
  const edges = await query<{ child: string; parent: string }>(
    db,
    sql`select c.relname as child, p.relname as parent from pg_constraint k
        join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = current_schema()`,
  );
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < tables.length) {
    const next = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    // A cycle between tables: take the rest by name; their keys are checked once all is loaded.
    const batch = next.length ? next : tables.filter((t) => !placed.has(t));
    for (const t of batch) {
      order.push(t);
      placed.add(t);
    }
  }
  return order;
}

async function appliedMigrations(db: Executor): Promise<string[]> {
  // Applied in journal order; the journal's order is the code's.
  const applied = new Set(
    (await query<{ tag: string }>(db, sql`select tag from chiso_migrations`)).map((r) => r.tag),
  );
  return readMigrations()
    .map((m) => m.tag)
    .filter((t) => applied.has(t));
}

/** Writes to a stream, waiting when it asks to. */
function writeTo(stream: NodeJS.WritableStream, chunk: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.write(chunk)) resolve();
    else {
      stream.once('drain', resolve);
      stream.once('error', reject);
    }
  });
}

async function hashFile(path: string): Promise<ManifestEntry & { path: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { name: '', path, size, sha256: hash.digest('hex') };
}

/** The uploaded files of a files directory: files/ab/<sha256>, each with its path. */
function storedFiles(filesDir: string): { name: string; path: string }[] {
  const out: { name: string; path: string }[] = [];
  let shards: string[];
  try {
    shards = readdirSync(filesDir)
      .filter((d) => /^[0-9a-f]{2}$/.test(d))
      .sort();
  } catch {
    return out; // no files directory: nothing uploaded yet
  }
  for (const shard of shards)
    for (const f of readdirSync(join(filesDir, shard)).sort())
      if (/^[0-9a-f]{64}$/.test(f) && f.startsWith(shard))
        out.push({ name: `files/${shard}/${f}`, path: join(filesDir, shard, f) });
  return out;
}

/**
 * Writes a backup of `database` and the files of `filesDir` to `outPath` (through a temporary file
 * renamed at the end, so a backup that fails leaves nothing half-written); returns its manifest.
 */
export async function createBackup(
  database: Database,
  filesDir: string,
  outPath: string,
  now: Date,
): Promise<Manifest> {
  mkdirSync(dirname(outPath), { recursive: true });
  const work = mkdtempSync(join(dirname(outPath), '.chiso-backup-'));
  try {
    const entries: (ManifestEntry & { path: string })[] = [];
    const tables: { name: string; entry: string; rows: number }[] = [];
    let migrations: string[] = [];
    // One consistent view of the whole database, even while the server keeps working.
    await database.db.transaction(
      async (tx) => {
        migrations = await appliedMigrations(tx);
        const order = await tablesInOrder(tx);
        for (const [i, table] of order.entries()) {
          const entry = `db/${String(i + 1).padStart(3, '0')}-${table}.jsonl`;
          const path = join(work, `${i + 1}.jsonl`);
          const out = createWriteStream(path);
          const hash = createHash('sha256');
          let size = 0;
          let rows = 0;
          await tx.execute(
            sql`declare chiso_backup_rows no scroll cursor for select row_to_json(t)::text as j from ${sql.identifier(table)} t`,
          );
          for (;;) {
            const batch = await query<{ j: string }>(
              tx,
              sql.raw(`fetch ${BATCH_ROWS} from chiso_backup_rows`),
            );
            if (!batch.length) break;
            const chunk = Buffer.from(`${batch.map((r) => r.j).join('\n')}\n`, 'utf8');
            hash.update(chunk);
            size += chunk.length;
            rows += batch.length;
            await writeTo(out, chunk);
          }
          await tx.execute(sql.raw('close chiso_backup_rows'));
          await new Promise<void>((resolve, reject) =>
            out.end((e?: Error | null) => (e ? reject(e) : resolve())),
          );
          entries.push({ name: entry, path, size, sha256: hash.digest('hex') });
          tables.push({ name: table, entry, rows });
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const files = storedFiles(filesDir);
    for (const f of files) entries.push({ ...(await hashFile(f.path)), name: f.name });
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      chisoVersion: chisoVersion(),
      createdAt: now.toISOString(),
      engine: database.engine,
      migrations,
      tables,
      files: files.length,
      entries: entries.map(({ name, size, sha256 }) => ({ name, size, sha256 })),
    };
    const partial = join(work, 'archive.tar.gz');
    const pack = tar.pack();
    const written = pipeline(pack, createGzip(), createWriteStream(partial));
    const mtime = now;
    await addEntry(pack, { name: MANIFEST, mtime }, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    for (const e of entries)
      await addEntry(pack, { name: e.name, size: e.size, mtime }, createReadStream(e.path));
    pack.finalize();
    await written;
    renameSync(partial, outPath);
    return manifest;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function addEntry(pack: tar.Pack, header: tar.Headers, body: Buffer | Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    if (Buffer.isBuffer(body)) {
      pack.entry({ ...header, size: body.length }, body, (e) => (e ? reject(e) : resolve()));
      return;
    }
    const sink = pack.entry(header, (e) => (e ? reject(e) : resolve()));
    body.on('error', reject);
    body.pipe(sink);
  });
}

/* ───────────────────────── reading an archive ───────────────────────── */

const damaged = (why: Text): BackupError =>
  new BackupError({
    vi: `Tệp sao lưu bị hỏng hoặc đã bị sửa đổi (${why.vi}); không khôi phục gì cả. Hãy dùng một bản sao lưu khác.`,
    en: `The backup file is damaged or was altered (${why.en ?? why.vi}); nothing was restored. Use another backup.`,
  });

/**
 * Reads an archive from start to end, handing every entry (checked against the manifest) to
 * `onEntry`; throws a BackupError when the file is not a chiso backup of this version, is cut
 * short, or any entry differs from what the manifest says.
 */
async function readArchive(
  path: string,
  onEntry: ((entry: ManifestEntry, body: Readable) => Promise<void>) | null,
): Promise<Manifest> {
  let manifest: Manifest | null = null;
  const seen = new Set<string>();
  const extract = tar.extract();
  // The first failure: a BackupError as is, anything else (a database error while loading) as it came.
  let problem: unknown = null;
  extract.on('entry', (header, stream, next) => {
    const done = (e?: unknown) => {
      if (e && !problem) problem = e;
      if (problem) {
        stream.resume();
        extract.destroy(problem instanceof Error ? problem : new Error(String(problem)));
        return;
      }
      next();
    };
    (async () => {
      if (manifest === null) {
        if (header.name !== MANIFEST)
          throw damaged({ vi: 'không có bảng kê ở đầu tệp', en: 'no manifest at the start' });
        const chunks: Buffer[] = [];
        for await (const c of stream as AsyncIterable<Buffer>) chunks.push(c);
        manifest = checkManifest(Buffer.concat(chunks));
        return;
      }
      const expected = manifest.entries.find((e) => e.name === header.name);
      if (!expected || seen.has(header.name))
        throw damaged({ vi: `phần thừa "${header.name}"`, en: `unexpected entry "${header.name}"` });
      seen.add(header.name);
      const hash = createHash('sha256');
      let size = 0;
      const tee = new PassThrough();
      stream.on('data', (c: Buffer) => {
        hash.update(c);
        size += c.length;
      });
      const ended = new Promise<void>((resolve, reject) => {
        stream.once('end', resolve);
        stream.once('error', reject);
      });
      if (onEntry) {
        const consumer = onEntry(expected, tee);
        stream.pipe(tee);
        await consumer;
      } else stream.resume();
      await ended;
      if (size !== expected.size || hash.digest('hex') !== expected.sha256)
        throw damaged({
          vi: `nội dung "${header.name}" không khớp mã băm trong bảng kê`,
          en: `"${header.name}" does not match its hash in the manifest`,
        });
    })().then(() => done(), done);
  });
  try {
    await pipeline(createReadStream(path), createGunzip(), extract);
  } catch (e) {
    if (problem) throw problem;
    if (e instanceof BackupError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES')
      throw new BackupError({
        vi: `Không đọc được tệp sao lưu "${path}"`,
        en: `cannot read the backup file "${path}"`,
      });
    throw damaged({ vi: 'tệp bị cắt cụt hoặc không phải tệp nén gzip', en: 'truncated, or not gzip' });
  }
  if (problem) throw problem;
  if (manifest === null) throw damaged({ vi: 'tệp rỗng', en: 'empty file' });
  const missing = (manifest as Manifest).entries.filter((e) => !seen.has(e.name));
  if (missing.length)
    throw damaged({
      vi: `thiếu ${missing.length} phần (tệp bị cắt cụt?), ví dụ "${missing[0]!.name}"`,
      en: `${missing.length} entries missing (truncated?), e.g. "${missing[0]!.name}"`,
    });
  return manifest;
}

function checkManifest(bytes: Buffer): Manifest {
  let m: Partial<Manifest>;
  try {
    m = JSON.parse(bytes.toString('utf8')) as Partial<Manifest>;
  } catch {
    throw damaged({ vi: 'bảng kê không đọc được', en: 'unreadable manifest' });
  }
  if (m.format !== BACKUP_FORMAT || !Array.isArray(m.entries) || !Array.isArray(m.tables))
    throw new BackupError({
      vi: 'Tệp này không phải bản sao lưu của chiso.',
      en: 'This file is not a chiso backup.',
    });
  if (m.formatVersion !== BACKUP_FORMAT_VERSION)
    throw new BackupError({
      vi: `Bản sao lưu có định dạng phiên bản ${String(m.formatVersion)}, phiên bản chiso này (${chisoVersion()}) chỉ đọc được định dạng ${BACKUP_FORMAT_VERSION}. Hãy khôi phục bằng phiên bản chiso đã tạo bản sao lưu (${String(m.chisoVersion)}).`,
      en: `The backup is format version ${String(m.formatVersion)}; this chiso (${chisoVersion()}) reads format ${BACKUP_FORMAT_VERSION} only. Restore with the chiso that made it (${String(m.chisoVersion)}).`,
    });
  const code = readMigrations().map((x) => x.tag);
  const theirs = Array.isArray(m.migrations) ? m.migrations : [];
  if (theirs.length !== code.length || theirs.some((t, i) => t !== code[i]))
    throw new BackupError({
      vi: `Bản sao lưu được tạo với cấu trúc dữ liệu khác phiên bản chiso này (bản sao lưu: ${theirs.length} bước cập nhật, đến ${theirs.at(-1) ?? '—'}; phần mềm: ${code.length}, đến ${code.at(-1)}). Hãy khôi phục bằng đúng phiên bản chiso ${String(m.chisoVersion)} đã tạo nó, rồi mới nâng cấp.`,
      en: `The backup was made with another database structure (backup: ${theirs.length} migrations, up to ${theirs.at(-1) ?? '—'}; this chiso: ${code.length}, up to ${code.at(-1)}). Restore with chiso ${String(m.chisoVersion)}, which made it, then upgrade.`,
    });
  return m as Manifest;
}

/** Reads and checks a whole archive without writing anything; returns its manifest. */
export const verifyBackup = (path: string): Promise<Manifest> => readArchive(path, null);

/* ───────────────────────── restoring ───────────────────────── */

/** The tables of a database that hold rows (the migrations' own table aside). */
export async function nonEmptyTables(db: Executor): Promise<string[]> {
  const out: string[] = [];
  for (const t of await tablesInOrder(db)) {
    const [r] = await query<{ any: boolean }>(
      db,
      sql`select exists (select 1 from ${sql.identifier(t)}) as any`,
    );
    if (r?.any) out.push(t);
  }
  return out;
}

/**
 * Lines of a stream, as they come. Decoded across chunks: a chunk may end inside a character of
 * two or more bytes (every Vietnamese letter with a tone), which a chunk's own toString would turn
 * into replacement characters — a restored backup with "ki��n" for "kiến".
 */
export async function* lines(body: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of body as AsyncIterable<Buffer>) {
    rest += decoder.write(chunk);
    let nl = rest.indexOf('\n');
    while (nl >= 0) {
      const line = rest.slice(0, nl);
      rest = rest.slice(nl + 1);
      if (line) yield line;
      nl = rest.indexOf('\n');
    }
  }
  rest += decoder.end();
  if (rest) yield rest;
}

/**
 * Restores an archive into an empty database and a files directory: checks the whole archive
 * first (nothing is written when it is damaged or of another version), refuses a database that
 * already holds data, then loads every table in one transaction and sets the sequences on.
 */
export async function restoreBackup(
  path: string,
  openTarget: () => Promise<Database>,
  filesDir: string,
): Promise<Manifest> {
  const manifest = await verifyBackup(path);
  const target = await openTarget();
  try {
    const busy = await nonEmptyTables(target.db);
    if (busy.length)
      throw new BackupError({
        vi: `Cơ sở dữ liệu đích đã có dữ liệu (bảng ${busy.slice(0, 5).join(', ')}${busy.length > 5 ? '…' : ''}); chỉ khôi phục vào một cơ sở dữ liệu mới, trống (thư mục dữ liệu mới, hoặc một database PostgreSQL mới tạo, chưa chạy chiso serve).`,
        en: `The target database already holds data (${busy.slice(0, 5).join(', ')}${busy.length > 5 ? '…' : ''}); restore only into a new, empty one (a new data directory, or a newly created PostgreSQL database on which chiso serve has not run).`,
      });
    const theirs = new Set(manifest.tables.map((t) => t.name));
    const ours = await tablesInOrder(target.db);
    const unknown = [...theirs].filter((t) => !ours.includes(t));
    if (unknown.length)
      throw new BackupError({
        vi: `Bản sao lưu có bảng mà cơ sở dữ liệu đích không có: ${unknown.join(', ')}`,
        en: `The backup has tables the target lacks: ${unknown.join(', ')}`,
      });
    const byEntry = new Map(manifest.tables.map((t) => [t.entry, t.name]));
    const files = directoryStore(filesDir);
    await target.db.transaction(async (tx) => {
      // Foreign keys are set aside while loading (a table that refers to itself, or two tables
      // to each other, cannot be loaded row by row otherwise) and put back after: putting them
      // back checks every row.
      const keys = await query<{ tbl: string; name: string; def: string }>(
        tx,
        sql`select c.relname as tbl, k.conname as name, pg_get_constraintdef(k.oid) as def from pg_constraint k
            join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
            where k.contype = 'f' and n.nspname = current_schema() order by c.relname, k.conname`,
      );
      for (const k of keys)
        await tx.execute(sql`alter table ${sql.identifier(k.tbl)} drop constraint ${sql.identifier(k.name)}`);
      await readArchive(path, async (entry, body) => {
        const table = byEntry.get(entry.name);
        if (table === undefined) {
          if (!entry.name.startsWith('files/')) throw damaged({ vi: entry.name, en: entry.name });
          const chunks: Buffer[] = [];
          for await (const c of body as AsyncIterable<Buffer>) chunks.push(c);
          const sha = files.put(Buffer.concat(chunks));
          if (!entry.name.endsWith(`/${sha}`)) throw damaged({ vi: entry.name, en: entry.name });
          return;
        }
        await loadTable(tx, table, lines(body));
      });
      for (const k of keys)
        await tx.execute(
          sql`alter table ${sql.identifier(k.tbl)} add constraint ${sql.identifier(k.name)} ${sql.raw(k.def)}`,
        );
      await resetSequences(tx);
      for (const t of manifest.tables) {
        const [r] = await query<{ n: number }>(
          tx,
          sql`select count(*)::int as n from ${sql.identifier(t.name)}`,
        );
        if (Number(r?.n) !== t.rows)
          throw damaged({
            vi: `bảng ${t.name} có ${r?.n} dòng thay vì ${t.rows}`,
            en: `table ${t.name} has ${r?.n} rows instead of ${t.rows}`,
          });
      }
    });
    return manifest;
  } finally {
    await target.close();
  }
}

async function loadTable(tx: Executor, table: string, rows: AsyncIterable<string>): Promise<void> {
  const columns = await query<{ name: string; identity: string }>(
    tx,
    sql`select column_name as name, is_identity as identity from information_schema.columns
        where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER'
        order by ordinal_position`,
  );
  const list = sql.join(
    columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const overriding = columns.some((c) => c.identity === 'YES') ? sql`overriding system value` : sql``;
  let batch: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!batch.length) return;
    await tx.execute(
      sql`insert into ${sql.identifier(table)} (${list}) ${overriding} select ${list} from json_populate_recordset(null::${sql.identifier(table)}, ${`[${batch.join(',')}]`}::json)`,
    );
    batch = [];
    bytes = 0;
  };
  for await (const row of rows) {
    batch.push(row);
    bytes += row.length;
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
  }
  await flush();
}

/** Moves every sequence (bigserial, identity) past the largest value restored, so new rows work. */
async function resetSequences(tx: Executor): Promise<void> {
  const owned = await query<{ tbl: string; col: string; seq: string }>(
    tx,
    sql`select c.relname as tbl, a.attname as col, s.oid::regclass::text as seq from pg_class s
        join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i')
        join pg_class c on c.oid = d.refobjid join pg_attribute a on a.attrelid = c.oid and a.attnum = d.refobjsubid
        join pg_namespace n on n.oid = s.relnamespace
        where s.relkind = 'S' and n.nspname = current_schema()`,
  );
  for (const o of owned)
    await tx.execute(
      sql`select setval(${o.seq}::regclass, coalesce((select max(${sql.identifier(o.col)}) from ${sql.identifier(o.tbl)}), 0) + 1, false)`,
    );
}

/** Sizes of a file, for the listing of backups. */
export const fileSize = (path: string): number => statSync(path).size;
