/**
 * Opening the database: embedded PGlite in the data directory by default, or a PostgreSQL server
 * named by DATABASE_URL. Both give the same Drizzle API, and both are migrated before use.
 *
 * The embedded directory is guarded: a lock file keeps a second process out (two writers corrupt
 * it), and a directory whose first initialisation never finished is reported instead of reused.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type MigrationSession, migrate } from './migrate.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or a transaction (repos take this). */
export type Executor = Db | Tx;

export interface Database {
  readonly db: Db;
  readonly engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/** A database that cannot be opened for a reason the operator can fix: shown as is. */
export class DatabaseOpenError extends Error {
  readonly userFacing = true;
  /** 'locked': another running chiso process holds the embedded data directory. */
  constructor(
    message: string,
    readonly reason?: 'locked',
  ) {
    super(message);
  }
}

/** Opens (creating and migrating when needed) the configured database. */
export async function openDatabase(options: {
  dataDir: string;
  databaseUrl?: string | undefined;
  poolSize?: number;
  /** How long to wait for a PostgreSQL server that is not up yet (seconds; default 0: try once). */
  waitSeconds?: number;
  /** Told each time the server waits for PostgreSQL, in words for the operator. */
  onWait?: (line: string) => void;
}): Promise<Database> {
  if (options.databaseUrl)
    return openPostgres(
      options.databaseUrl,
      options.poolSize ?? 10,
      options.waitSeconds ?? 0,
      options.onWait,
    );
  return openEmbedded(options.dataDir);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openPostgres(
  url: string,
  max: number,
  waitSeconds: number,
  onWait: ((line: string) => void) | undefined,
): Promise<Database> {
  // A connection that cannot be made within 5 s fails (the request answers 503) instead of
  // hanging; a dead connection is dropped by the pool and replaced once the server is back.
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000, keepAlive: true });
  pool.on('error', () => {
    // An idle client lost its server; the pool replaces it. Queries report their own errors.
  });
  // PostgreSQL may start after us (a machine booting, a container starting): wait for it, with
  // a growing pause, rather than exit.
  const until = Date.now() + waitSeconds * 1000;
  let client: pg.PoolClient | undefined;
  for (let pause = 500; ; pause = Math.min(pause * 2, 10_000)) {
    try {
      client = await pool.connect();
      break;
    } catch (e) {
      const message = (e as Error).message;
      if (Date.now() + pause > until) {
        await pool.end().catch(() => {});
        throw new DatabaseOpenError(
          `không kết nối được PostgreSQL (cannot connect to PostgreSQL): ${message}`,
        );
      }
      onWait?.(
        `Chưa kết nối được PostgreSQL (${message}); thử lại sau ${pause / 1000} giây [waiting for PostgreSQL]`,
      );
      await sleep(pause);
    }
  }
  try {
    await migrate(pgSession(client));
  } finally {
    client.release();
  }
  return {
    db: drizzlePg(pool, { schema }) as unknown as Db,
    engine: 'postgres',
    close: () => pool.end(),
  };
}

function pgSession(client: pg.PoolClient): MigrationSession {
  const query = async <T>(sql: string, params?: unknown[]) => ({
    rows: (await client.query(sql, params)).rows as T[],
  });
  return {
    query,
    transaction: async (fn) => {
      await client.query('begin');
      try {
        await fn(query);
        await client.query('commit');
      } catch (e) {
        await client.query('rollback');
        throw e;
      }
    },
  };
}

/** An in-memory PGlite, migrated: for tests. `template` is a dump of an already migrated one (fast). */
export async function openMemory(template?: Blob): Promise<Database> {
  const client = await PGlite.create(template ? { loadDataDir: template } : {});
  await migrate(pgliteSession(client));
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    engine: 'pglite',
    close: () => client.close(),
  };
}

function pgliteSession(client: PGlite): MigrationSession {
  const query = async <T>(sql: string, params?: unknown[]) => ({
    rows: (await client.query<T>(sql, params)).rows,
  });
  return {
    query,
    transaction: async (fn) => {
      await client.transaction(async (tx) => {
        await fn(async <T>(sql: string, params?: unknown[]) => ({
          rows: (await tx.query<T>(sql, params)).rows,
        }));
      });
    },
  };
}

const READY_MARK = 'pglite.ready';
const LOCK_FILE = 'chiso.lock';

async function openEmbedded(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = takeLock(dataDir);
  try {
    const dir = join(dataDir, 'pglite');
    const ready = join(dataDir, READY_MARK);
    if (existsSync(dir) && readdirSync(dir).length > 0 && !existsSync(ready))
      throw new DatabaseOpenError(
        `Thư mục dữ liệu ${dir} được khởi tạo dở dang (lần chạy đầu bị ngắt). Hãy đổi tên hoặc xóa thư mục này rồi chạy lại. ` +
          `[The data directory was half-initialised (the first start was interrupted): move or delete it and start again.]`,
      );
    mkdirSync(dir, { recursive: true });
    const client = await PGlite.create(dir);
    await migrate(pgliteSession(client));
    if (!existsSync(ready)) writeFileSync(ready, `${new Date().toISOString()}\n`);
    return {
      db: drizzlePglite(client, { schema }) as unknown as Db,
      engine: 'pglite',
      close: async () => {
        try {
          await client.close();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (e) {
    releaseLock();
    throw e;
  }
}

/**
 * Who holds a lock: the process id, and what tells that process apart from a later one that got
 * the same id (a restarted container often gives chiso the same pid): the machine's boot and the
 * process's start time (Linux /proc; elsewhere only the pid can be checked).
 */
interface Holder {
  pid?: number;
  host?: string;
  since?: string;
  bootId?: string | null;
  started?: string | null;
}

const readOr = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
};
const bootId = (): string | null => readOr('/proc/sys/kernel/random/boot_id');
/** The process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat), or null. */
function startedAt(pid: number): string | null {
  const stat = readOr(`/proc/${pid}/stat`);
  // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
  return stat ? (stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null) : null;
}

/** Whether the lock's holder is still the process that took it. */
export function holderIsRunning(holder: Holder): boolean {
  if (typeof holder.pid !== 'number') return false;
  // Our own pid in a lock we have not taken yet: it was written by an earlier life of this pid.
  if (holder.pid === process.pid) return false;
  if (!isAlive(holder.pid)) return false;
  const boot = bootId();
  if (holder.bootId && boot && holder.bootId !== boot) return false;
  const started = startedAt(holder.pid);
  if (holder.started && started && holder.started !== started) return false;
  return true;
}

/** Takes the data directory's lock file, or explains who holds it; returns the release function. */
function takeLock(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  const mine = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    bootId: bootId(),
    started: startedAt(process.pid),
  } satisfies Holder);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, mine, { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(path, 'utf8') === mine) rmSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: Holder = {};
      try {
        holder = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        // An unreadable lock is treated as stale.
      }
      if (holder.host === hostname() && holderIsRunning(holder))
        throw new DatabaseOpenError(
          `Thư mục dữ liệu ${dataDir} đang được một tiến trình chiso khác dùng (pid ${holder.pid}, từ ${holder.since ?? '?'}). ` +
            `[The data directory is in use by another chiso process.]`,
          'locked',
        );
      if (holder.host !== undefined && holder.host !== hostname())
        throw new DatabaseOpenError(
          `Thư mục dữ liệu ${dataDir} bị khóa bởi máy ${holder.host}. Nếu máy đó không còn chạy chiso, xóa tệp ${path}. ` +
            `[The data directory is locked by another host; delete the lock file if that host no longer runs chiso.]`,
        );
      rmSync(path, { force: true }); // stale: its process is gone (or is another process now)
    }
  }
  throw new DatabaseOpenError(`không lấy được khóa ${path}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
