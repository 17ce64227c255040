/**
 * The HTTP benchmark of the hot path: 200 reporters saving drafts of their own agency's form
 * (PUT …/submission/values), through the real app on a real TCP port, on PostgreSQL and on the
 * embedded PGlite, each beside a bare Fastify route measured just before it with the same load,
 * so that every figure can be read as a ratio on a machine shared with others.
 *
 * Processes: the load generator is this process (undici Pool, keep-alive connections); each
 * server (bare or chiso) is a child process of its own (this file, started with
 * CHISO_BENCH_HTTP_SERVE), so the generator never shares an event loop with what it measures.
 * The chiso child is set up as in production (logs at info, written synchronously to /dev/null
 * instead of a terminal; trusting its reverse proxy) but without the scheduler.
 *
 * Per engine, in this order:
 *  - the bare route: closed loop (200 workers, no pause) and open loop (300 requests/s);
 *  - chiso: 200 accounts signed in through POST /auth/login; a closed loop of 200 reporters each
 *    saving in a loop, paced to the per-account limit (600 requests a minute: at most one save
 *    every 100 ms per reporter, so none is ever refused with 429; ceiling 2,000 saves/s); an open
 *    loop at 300 saves/s sent on schedule whether or not earlier ones have answered, latency
 *    counted from the scheduled instant (queueing in the generator and the pool included);
 *  - queries per save: every statement the app sends through Drizzle, counted in the server
 *    child while only saves run: over one save per reporter sent all at once afterwards (each
 *    acknowledged: the goal's figure), and over the open loop (refusals included);
 *  - lost updates: each reporter keeps every acknowledged save; afterwards the stored values
 *    are read and each acknowledged save must be present, or superseded field by field by a
 *    later acknowledged save (a higher version) of the same reporter.
 *
 * Settings: BENCH_SECONDS (each measured loop, default 15), BENCH_WARMUP_SECONDS (unmeasured
 * closed loop first, default 3), BENCH_DATABASE_URL (maintenance connection of the PostgreSQL
 * server, default postgres://postgres@127.0.0.1:5432/postgres; a throwaway database
 * chiso_bench_<random> is created on it and dropped), DATABASE_POOL_SIZE (the app's pool),
 * BENCH_CPU_PROF (a directory: the chiso children run with --cpu-prof and write their profiles there).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { eq, type Logger, NoopLogger } from 'drizzle-orm';
import Fastify from 'fastify';
import pg from 'pg';
import { Pool } from 'undici';
import { buildApp } from '../src/server/app.ts';
import { bootstrap, REGISTRY_START } from '../src/server/bootstrap.ts';
import { type Db, openDatabase } from '../src/server/db/open.ts';
import {
  agencies,
  criteriaVersions,
  cycleAgencies,
  cycles,
  submissions,
  users,
} from '../src/server/db/schema.ts';
import { hashPassword, SESSION_COOKIE } from '../src/server/platform/auth.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { directoryStore } from '../src/server/platform/files.ts';

const REPORTERS = 200;
/** The app's budget per signed-in account (app.ts registers the rate limit with these figures). */
const LIMIT_PER_MINUTE = 600;
/** The closed loop's pause floor per reporter: never more than its budget, so never a 429. */
const PACE_MS = 60_000 / LIMIT_PER_MINUTE;
const OPEN_RATE = 300;
/** Sign-ins at once: each is an argon2 verification on the server's 2-core machine. */
const SIGN_IN_CONCURRENCY = 4;
const REQUEST_TIMEOUT_MS = 30_000;
/** Database, bootstrap and seeding of a server child (PGlite's first start takes a few seconds). */
const STARTUP_TIMEOUT_SECONDS = 180;
const YEAR = 2017;
const DEFAULT_MAINTENANCE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

const GOAL_SAVES_PER_SECOND = { postgres: 1000, pglite: 300 } as const;
const GOAL_P95_MS = 50;
const GOAL_QUERIES_PER_SAVE = 3;
const GOAL_ANSWER_BYTES = 1024;

const CHILD_ENV = 'CHISO_BENCH_HTTP_SERVE';

/* ───────────────────────── parent ⇄ server child ───────────────────────── */

type Engine = 'postgres' | 'pglite';
type Target = 'bare' | Engine;

interface ServeSpec {
  readonly target: Target;
  readonly databaseUrl?: string;
}

/** One synthetic reporter: the agency it saves, its account, the address it comes from. */
interface Account {
  readonly agencyId: string;
  readonly username: string;
  readonly ip: string;
}

/** What the server child measured between a mark and a report. */
interface ServerWindow {
  /** CPU time of the server process, in ms (all threads). */
  readonly cpuMs: number;
  readonly wallMs: number;
  /** Event-loop utilisation of the server's main thread (0…1). */
  readonly elu: number;
  /** Statements the app sent through Drizzle, and how many of each kind. */
  readonly queries: number;
  readonly byKind: Record<string, number>;
  /** CPU time of the PostgreSQL backends serving the database, in ms (filled in by the parent). */
  readonly databaseCpuMs?: number;
}

type ToParent =
  | {
      type: 'ready';
      port: number;
      cycleId: string | null;
      accounts: Account[];
      password: string;
      setupMs: number;
      poolSize: number | null;
    }
  | { type: 'marked' }
  | { type: 'window'; window: ServerWindow }
  | { type: 'stored'; values: Record<string, Record<string, unknown>> }
  | { type: 'failed'; message: string };

type ToChild = { type: 'mark' } | { type: 'report' } | { type: 'stored' } | { type: 'stop' };

/* ───────────────────────── the server child ───────────────────────── */

/**
 * Every statement the app sends goes through Drizzle's logger, a NoopLogger when none is
 * configured (as here): counting there counts what the app asks of the database, on either
 * engine, without changing the app. Kinds are told apart by what the statement touches.
 */
const counted = { on: false, queries: 0, byText: new Map<string, number>() };
function countQueries(): void {
  // Counted by text, sorted into kinds only when reported: the counting must cost the server
  // next to nothing (matching each statement against patterns here took 7% of its CPU).
  (NoopLogger.prototype as Logger).logQuery = (query: string) => {
    if (!counted.on) return;
    counted.queries++;
    counted.byText.set(query, (counted.byText.get(query) ?? 0) + 1);
  };
}

function byKind(byText: ReadonlyMap<string, number>): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const [text, n] of byText) {
    const kind = kindOf(text);
    kinds[kind] = (kinds[kind] ?? 0) + n;
  }
  return kinds;
}

function kindOf(query: string): string {
  const q = query.replace(/\s+/g, ' ').trim();
  if (/from "sessions"/.test(q)) return 'session (user of the cookie)';
  if (/^update "sessions"/.test(q)) return 'session touch';
  if (/from "cycles" left join "cycle_agencies"/.test(q)) return 'form row (cycle, roster, form)';
  if (/^with cur as/.test(q)) return 'write (merge + version check + audit)';
  if (/^with ins as/.test(q)) return 'first write (create + audit)';
  return q.slice(0, 60);
}

async function serve(spec: ServeSpec): Promise<void> {
  const send = (m: ToParent) => process.send!(m);
  const t0 = performance.now();
  let close: () => Promise<void>;
  let port: number;
  let cycleId: string | null = null;
  let accounts: Account[] = [];
  let password = '';
  let poolSize: number | null = null;
  let stored: () => Promise<Record<string, Record<string, unknown>>> = async () => ({});

  if (spec.target === 'bare') {
    const app = Fastify();
    // The same JSON body is parsed (Fastify's parser), nothing else is done.
    app.put('/bare', async (req) => {
      void req.body;
      return { ok: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = portOf(app.server.address());
    close = () => app.close();
  } else {
    countQueries();
    // Undone in reverse order on close, or when the setup fails half-way.
    const undo: (() => unknown)[] = [];
    close = async () => {
      for (const step of undo.splice(0).reverse()) await step();
    };
    try {
      const dataDir = mkdtempSync(join(os.tmpdir(), 'chiso-bench-http-'));
      undo.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const config = loadConfig({
        CHISO_DATA_DIR: dataDir,
        // Production's level; the lines are written, synchronously as pino does to a terminal,
        // to /dev/null, so their cost is in the figures but not on the screen.
        LOG_LEVEL: process.env.LOG_LEVEL || 'info',
        CHISO_SCHEDULER: 'false',
        // Behind a reverse proxy, as in production: each reporter's own address counts.
        CHISO_TRUST_PROXY: 'true',
        DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE,
        ...(spec.databaseUrl && { DATABASE_URL: spec.databaseUrl }),
      });
      // The embedded database as production has it: PGlite in the data directory, on disk.
      const database = await openDatabase({
        dataDir: config.dataDir,
        databaseUrl: config.databaseUrl,
        poolSize: config.databasePoolSize,
      });
      undo.push(() => database.close().catch(() => {}));
      if (spec.target === 'postgres') poolSize = config.databasePoolSize;
      const clock = systemClock;
      await bootstrap(database.db, clock.now(), `Quan-tri-${randomBytes(8).toString('hex')}`);
      password = `Bench-${randomBytes(12).toString('base64url')}`;
      const seeded = await seed(database.db, clock.now(), password);
      cycleId = seeded.cycleId;
      accounts = seeded.accounts;
      const devNull = openSync('/dev/null', 'w');
      undo.push(() => closeSync(devNull));
      const app = await buildApp(
        {
          config,
          database,
          clock,
          mailer: { enabled: false, send: async () => {} },
          files: directoryStore(config.filesDir),
        },
        { logStream: { write: (line: string) => void writeSync(devNull, line) } },
      );
      undo.push(() => app.close());
      await app.listen({ port: 0, host: '127.0.0.1' });
      port = portOf(app.server.address());
      stored = async () => {
        const rows = await database.db
          .select({ agencyId: submissions.agencyId, values: submissions.values })
          .from(submissions)
          .where(eq(submissions.cycleId, seeded.cycleId));
        return Object.fromEntries(rows.map((r) => [r.agencyId, (r.values ?? {}) as Record<string, unknown>]));
      };
    } catch (e) {
      await close();
      throw e;
    }
  }

  let cpu0 = process.cpuUsage();
  let wall0 = performance.now();
  let elu0 = performance.eventLoopUtilization();
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await close();
    } finally {
      if (process.connected) process.disconnect();
    }
  };
  const answer = async (m: ToChild) => {
    if (m.type === 'mark') {
      cpu0 = process.cpuUsage();
      wall0 = performance.now();
      elu0 = performance.eventLoopUtilization();
      counted.on = true;
      counted.queries = 0;
      counted.byText.clear();
      send({ type: 'marked' });
    } else if (m.type === 'report') {
      const cpu = process.cpuUsage(cpu0);
      counted.on = false;
      send({
        type: 'window',
        window: {
          cpuMs: (cpu.user + cpu.system) / 1000,
          wallMs: performance.now() - wall0,
          elu: performance.eventLoopUtilization(elu0).utilization,
          queries: counted.queries,
          byKind: byKind(counted.byText),
        },
      });
    } else if (m.type === 'stored') send({ type: 'stored', values: await stored() });
    else if (m.type === 'stop') await stop();
  };
  process.on('message', (m: ToChild) => {
    answer(m).catch((e) => {
      send({ type: 'failed', message: (e as Error).stack ?? String(e) });
      void stop();
    });
  });
  // The parent went away without saying stop (interrupted, or it failed): clean up all the same;
  // the database may already be gone, so errors are expected and not shown. Ctrl-C reaches this
  // process too: the parent decides, and its going away is what stops this one.
  process.on('disconnect', () => void stop().catch(() => {}));
  process.on('SIGINT', () => {});
  send({ type: 'ready', port, cycleId, accounts, password, setupMs: performance.now() - t0, poolSize });
}

/**
 * An open cycle of the bundled criteria with 200 synthetic agencies on its roster (beside the
 * registry's), each with one reporter account (one argon2 hash shared by all, so one password).
 */
async function seed(db: Db, now: Date, password: string): Promise<{ cycleId: string; accounts: Account[] }> {
  const [version] = await db
    .select({ id: criteriaVersions.id })
    .from(criteriaVersions)
    .where(eq(criteriaVersions.setId, 'cao-bang-2016'));
  if (!version) throw new Error('the bundled criteria version cao-bang-2016 is missing after bootstrap');

  const benchAgencies = await db
    .insert(agencies)
    .values(
      Array.from({ length: REPORTERS }, (_, i) => ({
        code: `BENCH${String(i + 1).padStart(3, '0')}`,
        name: `Đơn vị thử tải ${i + 1}`,
        groupId: i % 2 === 0 ? 'department' : 'district',
        validFrom: REGISTRY_START,
      })),
    )
    .returning({ id: agencies.id, code: agencies.code });

  const day = 86_400_000;
  const [cycle] = await db
    .insert(cycles)
    .values({
      year: YEAR,
      title: `Đánh giá mức độ ứng dụng CNTT năm ${YEAR} (thử tải)`,
      criteriaVersionId: version.id,
      state: 'open',
      // Reporting in progress: the deadline ahead.
      guidanceBy: new Date(now.getTime() - 7 * day),
      deadline: new Date(now.getTime() + 30 * day),
      publishBy: new Date(now.getTime() + 90 * day),
      openedAt: new Date(now.getTime() - 14 * day),
    })
    .returning({ id: cycles.id });
  const all = await db.select().from(agencies);
  await db.insert(cycleAgencies).values(
    all.map((a) => ({
      cycleId: cycle!.id,
      agencyId: a.id,
      code: a.code,
      name: a.name,
      groupId: a.groupId,
    })),
  );

  const passwordHash = await hashPassword(password);
  const userRows = await db
    .insert(users)
    .values(
      benchAgencies.map((a) => ({
        username: `bench-${a.code.toLowerCase()}`,
        displayName: `Người báo cáo ${a.code}`,
        email: `${a.code.toLowerCase()}@bench.test`,
        passwordHash,
        role: 'reporter' as const,
        agencyId: a.id,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ agencyId: users.agencyId, username: users.username });
  return {
    cycleId: cycle!.id,
    accounts: userRows.map((u, i) => ({ agencyId: u.agencyId!, username: u.username, ip: ipOf(i) })),
  };
}

function portOf(address: AddressInfo | string | null): number {
  if (!address || typeof address === 'string') throw new Error('the server has no TCP port');
  return address.port;
}

/** A private address per reporter, as its agency's network would give. */
const ipOf = (i: number) => `10.${20 + (i >> 16)}.${(i >> 8) & 255}.${(i & 255) + 1}`;

/* ───────────────────────── the parent: starting and stopping servers ───────────────────────── */

interface Started {
  readonly child: ChildProcess;
  readonly ready: Extract<ToParent, { type: 'ready' }>;
  readonly exited: Promise<void>;
  next<T extends ToParent['type']>(type: T): Promise<Extract<ToParent, { type: T }>>;
  ask<T extends ToParent['type']>(message: ToChild, answer: T): Promise<Extract<ToParent, { type: T }>>;
}

/** The server child running now, and the throwaway database: what an interruption must clean up. */
const live: { child: ChildProcess | null; drop: (() => Promise<void>) | null } = { child: null, drop: null };

/** Ctrl-C: the server child closes its app and database and removes its files, then the database goes. */
function onInterrupt(): void {
  console.log('\ninterrupted: stopping the server, removing its database');
  void (async () => {
    const child = live.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const timer = setTimeout(() => child.kill(), 15_000);
      if (child.connected) child.disconnect();
      await exited;
      clearTimeout(timer);
    }
    await live.drop?.().catch(() => {});
    process.exit(130);
  })();
}

async function startServer(spec: ServeSpec): Promise<Started> {
  const profileDir = process.env.BENCH_CPU_PROF;
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, [CHILD_ENV]: JSON.stringify(spec) },
    execArgv: [
      ...process.execArgv,
      ...(profileDir && spec.target !== 'bare'
        ? [
            '--cpu-prof',
            `--cpu-prof-dir=${resolve(profileDir)}`,
            `--cpu-prof-name=chiso-${spec.target}.cpuprofile`,
          ]
        : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  live.child = child;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      if (live.child === child) live.child = null;
      resolve();
    }),
  );
  const inbox: ToParent[] = [];
  const waiting: (() => void)[] = [];
  child.on('message', (m: ToParent) => {
    inbox.push(m);
    for (const w of waiting.splice(0)) w();
  });
  const next = async <T extends ToParent['type']>(type: T): Promise<Extract<ToParent, { type: T }>> => {
    for (;;) {
      const failed = inbox.find((m) => m.type === 'failed');
      if (failed?.type === 'failed') throw new Error(`${spec.target} server: ${failed.message}`);
      const i = inbox.findIndex((m) => m.type === type);
      if (i >= 0) return inbox.splice(i, 1)[0] as Extract<ToParent, { type: T }>;
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${spec.target} server exited (${child.exitCode ?? child.signalCode})`);
      await Promise.race([new Promise<void>((r) => waiting.push(r)), exited]);
    }
  };
  const ask = <T extends ToParent['type']>(message: ToChild, type: T) => {
    child.send(message);
    return next(type);
  };
  // A server that neither starts nor fails in time is stopped; one that failed cleans up first.
  const deadline = setTimeout(() => child.kill(), STARTUP_TIMEOUT_SECONDS * 1000);
  try {
    const ready = await next('ready');
    return { child, ready, exited, next, ask };
  } catch (e) {
    await exited;
    throw e;
  } finally {
    clearTimeout(deadline);
  }
}

/** Stops a server child: a clean exit (its profile written, its files removed), killed after 30 s. */
async function stopServer(s: Started): Promise<void> {
  if (s.child.connected) s.child.send({ type: 'stop' } satisfies ToChild);
  const timer = setTimeout(() => s.child.kill(), 30_000);
  await s.exited;
  clearTimeout(timer);
}

/* ───────────────────────── the parent: load ───────────────────────── */

/** A reporter as the generator drives it: its account, its session, the version its next save names. */
interface Reporter {
  readonly index: number;
  readonly account: Account;
  cookie: string;
  version: number | null;
  seq: number;
  /** Every save the server acknowledged (2xx): the version it answered and the values sent. */
  readonly acked: { version: number; values: Record<string, number> }[];
}

/** The few fields a reporter types between two saves; numbers vary so every save changes something. */
function draftValues(index: number, seq: number): Record<string, number> {
  const total = 40 + ((index * 13 + seq * 7) % 260);
  const docsTotal = 400 + ((index * 97 + seq * 31) % 4000);
  return {
    total_staff: total,
    staff_with_computer: total - (seq % Math.min(total, 12)),
    docs_out_total: docsTotal,
    docs_out_electronic: Math.floor((docsTotal * (55 + (seq % 45))) / 100),
  };
}

/** What a request came back with: status (0: no answer), and the answer's size on the wire. */
interface Outcome {
  readonly status: number;
  readonly bodyBytes: number;
  /** Status line and headers, as sent (HTTP/1.1). */
  readonly headBytes: number;
}

type Send = (r: Reporter) => Promise<Outcome>;

function headBytes(status: number, headers: Record<string, string | string[] | undefined>): number {
  let n = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n\r\n`.length;
  for (const [k, v] of Object.entries(headers))
    for (const one of ([] as string[]).concat(v ?? [])) n += Buffer.byteLength(`${k}: ${one}\r\n`);
  return n;
}

const keepAlivePool = (port: number) =>
  new Pool(`http://127.0.0.1:${port}`, {
    connections: REPORTERS,
    pipelining: 1,
    keepAliveTimeout: 60_000,
    headersTimeout: REQUEST_TIMEOUT_MS,
    bodyTimeout: REQUEST_TIMEOUT_MS,
  });

/**
 * A save as the screen sends it: the reporter's values, naming the version its last save
 * returned. A 200 gives the new version; a 409 the current one (in the error's details).
 */
function saver(pool: Pool, path: (r: Reporter) => string, chiso: boolean): Send {
  return async (r) => {
    const values = draftValues(r.index, ++r.seq);
    let res: Awaited<ReturnType<Pool['request']>>;
    try {
      res = await pool.request({
        method: 'PUT',
        path: path(r),
        headers: {
          'content-type': 'application/json',
          cookie: r.cookie,
          'x-forwarded-for': r.account.ip,
        },
        body: JSON.stringify({ version: r.version, values }),
      });
    } catch {
      return { status: 0, bodyBytes: 0, headBytes: 0 };
    }
    const text = await res.body.text().catch(() => '');
    if (chiso && (res.statusCode === 200 || res.statusCode === 409)) {
      const parsed = JSON.parse(text) as { version?: unknown; error?: { details?: { version?: unknown } } };
      const v = res.statusCode === 200 ? parsed.version : parsed.error?.details?.version;
      if (typeof v === 'number' || v === null) r.version = v;
      if (res.statusCode === 200 && typeof v === 'number') r.acked.push({ version: v, values });
    }
    return {
      status: res.statusCode,
      bodyBytes: Buffer.byteLength(text),
      headBytes: headBytes(res.statusCode, res.headers),
    };
  };
}

/** Outcomes of a loop: counts by status, latencies, answer sizes of the 2xx. */
class Tally {
  readonly byStatus: Record<string, number> = {};
  private latencies = new Float64Array(1 << 14);
  n = 0;
  bodyBytes = 0;
  headBytes = 0;
  maxBytes = 0;
  ok = 0;

  add(o: Outcome, ms: number): void {
    const key = o.status === 0 ? 'no answer' : String(o.status);
    this.byStatus[key] = (this.byStatus[key] ?? 0) + 1;
    if (this.n === this.latencies.length) {
      const grown = new Float64Array(this.n * 2);
      grown.set(this.latencies);
      this.latencies = grown;
    }
    this.latencies[this.n++] = ms;
    if (o.status >= 200 && o.status < 300) {
      this.ok++;
      this.bodyBytes += o.bodyBytes;
      this.headBytes += o.headBytes;
      this.maxBytes = Math.max(this.maxBytes, o.bodyBytes + o.headBytes);
    }
  }

  percentile(p: number): number {
    if (this.n === 0) return Number.NaN;
    const sorted = this.latencies.slice(0, this.n).sort();
    return sorted[Math.min(this.n - 1, Math.max(0, Math.ceil((p / 100) * this.n) - 1))]!;
  }

  get failed(): number {
    return this.n - this.ok;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Closed {
  readonly tally: Tally;
  readonly seconds: number;
  readonly perSecond: number;
  /** CPU of this process (the generator) over the measured window, as a share of one core. */
  readonly generatorCpu: number;
}

/**
 * Closed loop: each reporter sends its next save when its last one has answered (and, when
 * `paceMs`, not sooner than that after its last one started). What answers inside the measured
 * window counts; the warm-up runs first in the same loop, so no save is cut off between the two.
 */
async function closedLoop(
  send: Send,
  reporters: readonly Reporter[],
  warmupMs: number,
  measureMs: number,
  paceMs: number,
  onWindow: { start(): void; end(): void },
): Promise<Closed> {
  const tally = new Tally();
  const from = performance.now() + warmupMs;
  const to = from + measureMs;
  let cpu0 = process.cpuUsage();
  let cpuMs = 0;
  const started = setTimeout(() => {
    cpu0 = process.cpuUsage();
    onWindow.start();
  }, warmupMs);
  const ended = setTimeout(() => {
    const cpu = process.cpuUsage(cpu0);
    cpuMs = (cpu.user + cpu.system) / 1000;
    onWindow.end();
  }, warmupMs + measureMs);
  await Promise.all(
    reporters.map(async (r) => {
      for (let start = performance.now(); start < to; start = performance.now()) {
        const outcome = await send(r);
        const done = performance.now();
        if (done >= from && done < to) tally.add(outcome, done - start);
        const pause = start + paceMs - done;
        if (pause > 0) await sleep(pause);
      }
    }),
  );
  clearTimeout(started);
  clearTimeout(ended);
  return {
    tally,
    seconds: measureMs / 1000,
    perSecond: tally.n / (measureMs / 1000),
    generatorCpu: cpuMs / measureMs,
  };
}

interface Open {
  readonly tally: Tally;
  readonly sent: number;
  /** The sending rate achieved: requests over the span of their scheduled instants. */
  readonly rate: number;
  /** How late the generator sent its latest request after its scheduled instant. */
  readonly maxLagMs: number;
  readonly generatorCpu: number;
}

/**
 * Open loop: request i is due at start + i / rate, sent then whatever the earlier ones are doing
 * (to the next reporter in turn); its latency runs from that instant to its answer, so waiting
 * behind a busy server, in the pool's queue or in this process counts.
 */
async function openLoop(
  send: Send,
  reporters: readonly Reporter[],
  rate: number,
  seconds: number,
): Promise<Open> {
  const tally = new Tally();
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now() + 5;
  const answers: Promise<void>[] = [];
  let maxLagMs = 0;
  let i = 0;
  while (i < total) {
    const now = performance.now();
    for (; i < total && t0 + i * interval <= now; i++) {
      const due = t0 + i * interval;
      maxLagMs = Math.max(maxLagMs, now - due);
      answers.push(send(reporters[i % reporters.length]!).then((o) => tally.add(o, performance.now() - due)));
    }
    if (i < total) await sleep(Math.max(0, t0 + i * interval - performance.now()));
  }
  const lastDue = t0 + (total - 1) * interval;
  await Promise.all(answers);
  const cpu = process.cpuUsage(cpu0);
  return {
    tally,
    sent: total,
    rate: total > 1 ? (total - 1) / ((lastDue - t0) / 1000) : total,
    maxLagMs,
    generatorCpu: (cpu.user + cpu.system) / 1000 / (performance.now() - t0),
  };
}

/** Signs every account in through the sign-in route, a few at a time, from its own address. */
async function signIn(pool: Pool, reporters: readonly Reporter[], password: string): Promise<void> {
  let next = 0;
  const one = async (r: Reporter) => {
    const res = await pool.request({
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': r.account.ip },
      body: JSON.stringify({ username: r.account.username, password }),
    });
    const text = await res.body.text();
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (res.statusCode !== 200 || !cookie)
      throw new Error(`sign-in of ${r.account.username}: ${res.statusCode} ${text}`);
    r.cookie = cookie.split(';')[0]!;
  };
  await Promise.all(
    Array.from({ length: SIGN_IN_CONCURRENCY }, async () => {
      while (next < reporters.length) await one(reporters[next++]!);
    }),
  );
}

/** Each acknowledged save: its values stored, or each differing field saved again later and acknowledged. */
interface Durability {
  readonly acked: number;
  readonly present: number;
  readonly superseded: number;
  readonly lost: number;
}

function durability(
  reporters: readonly Reporter[],
  stored: Record<string, Record<string, unknown>>,
): Durability {
  let acked = 0;
  let present = 0;
  let superseded = 0;
  let lost = 0;
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  for (const r of reporters) {
    const values = stored[r.account.agencyId] ?? {};
    // The highest version acknowledged for each field: a save below it there was superseded.
    const latest = new Map<string, number>();
    for (const a of r.acked)
      for (const k of Object.keys(a.values)) latest.set(k, Math.max(latest.get(k) ?? 0, a.version));
    for (const a of r.acked) {
      acked++;
      const differing = Object.keys(a.values).filter((k) => !same(values[k], a.values[k]));
      if (differing.length === 0) present++;
      else if (differing.every((k) => (latest.get(k) ?? 0) > a.version)) superseded++;
      else lost++;
    }
  }
  return { acked, present, superseded, lost };
}

/**
 * What the server child (and, on PostgreSQL, the backends serving its database) spent between
 * the start and the end of a closed loop's measured window.
 */
function serverWindow(s: Started, postgres?: Backends) {
  let result: Promise<ServerWindow> | undefined;
  let ticks: Promise<number | null> = Promise.resolve(null);
  return {
    start() {
      s.child.send({ type: 'mark' } satisfies ToChild);
      if (postgres) ticks = postgres.ticks();
    },
    end() {
      const before = ticks;
      const after = postgres ? postgres.ticks() : Promise.resolve(null);
      result = Promise.all([s.ask({ type: 'report' }, 'window'), before, after]).then(([m, t0, t1]) => ({
        ...m.window,
        ...(t0 !== null && t1 !== null && { databaseCpuMs: ((t1 - t0) * 1000) / CLOCK_TICKS }),
      }));
    },
    async result(): Promise<ServerWindow> {
      // The mark's answer is not needed: the report comes after it.
      await s.next('marked');
      if (!result) throw new Error('the measured window never ended');
      return result;
    },
  };
}

/** /proc counts CPU time in USER_HZ ticks, 100 a second on Linux. */
const CLOCK_TICKS = 100;

/** The PostgreSQL backends serving one database: their CPU time so far, read from /proc. */
interface Backends {
  ticks(): Promise<number | null>;
}

function backendsOf(maintenanceUrl: string, database: string): Backends {
  return {
    async ticks() {
      const c = new pg.Client({ connectionString: maintenanceUrl, connectionTimeoutMillis: 5000 });
      try {
        await c.connect();
        const { rows } = await c.query<{ pid: number }>(
          'select pid from pg_stat_activity where datname = $1',
          [database],
        );
        let total = 0;
        for (const { pid } of rows) {
          // Fields 14 and 15 (utime, stime), counted after the command name's closing parenthesis.
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          total += Number(fields[11]) + Number(fields[12]);
        }
        return total;
      } catch {
        // Another machine's PostgreSQL, or /proc unreadable: no figure rather than a wrong one.
        return null;
      } finally {
        await c.end().catch(() => {});
      }
    },
  };
}

/* ───────────────────────── the parent: one engine beside the bare route ───────────────────────── */

interface BareFigures {
  readonly pid: number;
  readonly closed: Closed;
  readonly closedServer: ServerWindow;
  readonly open: Open;
}

interface EngineFigures {
  readonly engine: Engine;
  readonly where: string;
  readonly pid: number;
  readonly setupMs: number;
  readonly signInMs: number;
  readonly poolSize: number | null;
  readonly closed: Closed;
  readonly closedServer: ServerWindow;
  readonly open: Open;
  readonly openServer: ServerWindow;
  /** The statements of one save per reporter, counted on their own. */
  readonly count: { readonly saves: number; readonly acknowledged: number; readonly window: ServerWindow };
  readonly durability: Durability;
}

function newReporters(accounts: readonly Account[]): Reporter[] {
  return accounts.map((account, index) => ({ index, account, cookie: '', version: null, seq: 0, acked: [] }));
}

async function measureBare(warmupMs: number, measureMs: number): Promise<BareFigures> {
  const s = await startServer({ target: 'bare' });
  const pool = keepAlivePool(s.ready.port);
  try {
    // The same requests as a reporter's, with a cookie of the same length.
    const reporters = newReporters(
      Array.from({ length: REPORTERS }, (_, i) => ({
        agencyId: `bare-${i}`,
        username: `bare-${i}`,
        ip: ipOf(i),
      })),
    );
    for (const r of reporters) r.cookie = `${SESSION_COOKIE}=${randomBytes(32).toString('base64url')}`;
    const send = saver(pool, () => '/bare', false);
    const window = serverWindow(s);
    const closed = await closedLoop(send, reporters, warmupMs, measureMs, 0, window);
    const closedServer = await window.result();
    const open = await openLoop(send, reporters, OPEN_RATE, measureMs / 1000);
    return { pid: s.child.pid!, closed, closedServer, open };
  } finally {
    await pool.close();
    await stopServer(s);
  }
}

async function measureEngine(
  engine: Engine,
  where: string,
  database: { url: string; maintenanceUrl: string; name: string } | undefined,
  warmupMs: number,
  measureMs: number,
): Promise<EngineFigures> {
  const s = await startServer({ target: engine, ...(database && { databaseUrl: database.url }) });
  const postgres = database && backendsOf(database.maintenanceUrl, database.name);
  const pool = keepAlivePool(s.ready.port);
  try {
    const { cycleId, accounts, password } = s.ready;
    const reporters = newReporters(accounts);
    const t = performance.now();
    await signIn(pool, reporters, password);
    const signInMs = performance.now() - t;
    const send = saver(
      pool,
      (r) => `/api/v1/cycles/${cycleId}/agencies/${r.account.agencyId}/submission/values`,
      true,
    );

    const window = serverWindow(s, postgres);
    const closed = await closedLoop(send, reporters, warmupMs, measureMs, PACE_MS, window);
    const closedServer = await window.result();
    // Only saves run now: every statement counted in this window belongs to one of them.
    await s.ask({ type: 'mark' }, 'marked');
    const open = await openLoop(send, reporters, OPEN_RATE, measureMs / 1000);
    const openServer = (await s.ask({ type: 'report' }, 'window')).window;
    // The goal's count, exact: one save per reporter, all at once with none of theirs in flight,
    // so each is acknowledged (under overload the open loop's are partly refusals, see above).
    await s.ask({ type: 'mark' }, 'marked');
    const counting = await Promise.all(reporters.map(send));
    const countServer = (await s.ask({ type: 'report' }, 'window')).window;
    const stored = (await s.ask({ type: 'stored' }, 'stored')).values;
    return {
      engine,
      where,
      pid: s.child.pid!,
      setupMs: s.ready.setupMs,
      signInMs,
      poolSize: s.ready.poolSize,
      closed,
      closedServer,
      open,
      openServer,
      count: {
        saves: counting.length,
        acknowledged: counting.filter((o) => o.status === 200).length,
        window: countServer,
      },
      durability: durability(reporters, stored),
    };
  } finally {
    await pool.close();
    await stopServer(s);
  }
}

/** A throwaway database on the PostgreSQL server, or why there is none. */
async function throwawayDatabase(): Promise<
  | { url: string; maintenanceUrl: string; name: string; server: string; drop(): Promise<void> }
  | { unreachable: string; server: string }
> {
  const maintenance = process.env.BENCH_DATABASE_URL || DEFAULT_MAINTENANCE_URL;
  const where = new URL(maintenance);
  const server = `${where.hostname}:${where.port || '5432'}`;
  const connect = async () => {
    const c = new pg.Client({ connectionString: maintenance, connectionTimeoutMillis: 5000 });
    await c.connect();
    return c;
  };
  let admin: pg.Client;
  try {
    admin = await connect();
  } catch (e) {
    return { unreachable: (e as Error).message || String(e), server };
  }
  const name = `chiso_bench_${randomBytes(6).toString('hex')}`;
  let version = '';
  try {
    version =
      (await admin.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? '';
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(maintenance);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    maintenanceUrl: maintenance,
    name,
    server: `PostgreSQL ${version} at ${server}`,
    drop: async () => {
      const c = await connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/* ───────────────────────── the printout ───────────────────────── */

const fixed = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const thousands = (n: number) => Math.round(n).toLocaleString('en-US');
const percent = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)}%` : '–');
const times = (a: number, b: number) => (b > 0 && Number.isFinite(a / b) ? `${fixed(a / b, 2)}×` : '–');
const mark = (ok: boolean) => (ok ? '✓' : '✗');

function table(rows: readonly (readonly string[])[], rightFrom = 1, indent = '  '): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: readonly string[]) =>
    indent +
    r.map((cell, c) => (c >= rightFrom ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
  const [head, ...body] = rows;
  return [line(head!), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

const statuses = (t: Tally) =>
  Object.entries(t.byStatus)
    .map(([k, v]) => `${k}: ${thousands(v)}`)
    .join(', ') || 'none';

interface Verdict {
  readonly goal: string;
  readonly figure: string;
  readonly met: boolean;
}

/** The figures of one engine beside the bare route's of the same run, and its goals. */
function report(bare: BareFigures, f: EngineFigures): Verdict[] {
  const c = f.closed;
  const o = f.open;
  const perSave = f.count.window.queries / f.count.saves;
  const perOpenSave = f.openServer.queries / o.sent;
  const kinds = (w: ServerWindow, saves: number) =>
    Object.entries(w.byKind)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${fixed(n / saves, 2)}`)
      .join(' · ');
  const answer = (t: Tally) => (t.ok ? (t.bodyBytes + t.headBytes) / t.ok : Number.NaN);
  const body = (t: Tally) => (t.ok ? t.bodyBytes / t.ok : Number.NaN);
  const ceiling = (REPORTERS * 1000) / PACE_MS;
  // CPU over the window divided by what answered in it (window edges make it approximate).
  const cpuPer = (ms: number, loop: Closed) => ms / loop.tally.n;

  console.log(`\n── ${f.where}${f.poolSize !== null ? `; the app's pool: ${f.poolSize} connections` : ''}`);
  console.log(
    `  processes: load generator = this process (pid ${process.pid}); bare Fastify = child pid ${bare.pid}; ` +
      `chiso = child pid ${f.pid}${f.engine === 'postgres' ? '; PostgreSQL = its own server processes' : ' (PGlite inside it, on disk)'}`,
  );
  console.log(
    `  chiso set up (migrations, bootstrap, 200 agencies and accounts) in ${fixed(f.setupMs / 1000)} s; ` +
      `200 accounts signed in through POST /auth/login in ${fixed(f.signInMs / 1000)} s`,
  );
  const rows: string[][] = [
    ['', 'chiso', 'bare Fastify', 'chiso ÷ bare'],
    [
      `closed loop: answers/s (2xx/s for chiso)`,
      thousands(c.tally.ok / c.seconds),
      thousands(bare.closed.perSecond),
      percent(c.tally.ok / c.seconds / bare.closed.perSecond),
    ],
    ...(
      [
        ['closed loop: p50 ms', 50],
        ['closed loop: p95 ms', 95],
        ['closed loop: p99 ms', 99],
      ] as const
    ).map(([label, p]) => [
      label,
      fixed(c.tally.percentile(p)),
      fixed(bare.closed.tally.percentile(p)),
      times(c.tally.percentile(p), bare.closed.tally.percentile(p)),
    ]),
    [
      'closed loop: server CPU (of a core)',
      percent(f.closedServer.cpuMs / f.closedServer.wallMs),
      percent(bare.closedServer.cpuMs / bare.closedServer.wallMs),
      '',
    ],
    [
      'closed loop: server CPU ms per answer',
      fixed(cpuPer(f.closedServer.cpuMs, c), 2),
      fixed(cpuPer(bare.closedServer.cpuMs, bare.closed), 3),
      times(cpuPer(f.closedServer.cpuMs, c), cpuPer(bare.closedServer.cpuMs, bare.closed)),
    ],
    ...(f.closedServer.databaseCpuMs === undefined
      ? []
      : [
          [
            'closed loop: PostgreSQL backends CPU ms per answer',
            fixed(cpuPer(f.closedServer.databaseCpuMs, c), 2),
            '',
            '',
          ],
        ]),
    ['closed loop: server event loop busy', percent(f.closedServer.elu), percent(bare.closedServer.elu), ''],
    [
      'closed loop: generator CPU (of a core)',
      percent(c.generatorCpu),
      percent(bare.closed.generatorCpu),
      '',
    ],
    [`open loop: sent per second (asked ${OPEN_RATE})`, fixed(o.rate), fixed(bare.open.rate), ''],
    ...(
      [
        ['open loop: p50 ms', 50],
        ['open loop: p95 ms', 95],
        ['open loop: p99 ms', 99],
      ] as const
    ).map(([label, p]) => [
      label,
      fixed(o.tally.percentile(p)),
      fixed(bare.open.tally.percentile(p)),
      times(o.tally.percentile(p), bare.open.tally.percentile(p)),
    ]),
    ['open loop: generator late by at most, ms', fixed(o.maxLagMs), fixed(bare.open.maxLagMs), ''],
    ['open loop: server CPU (of a core)', percent(f.openServer.cpuMs / f.openServer.wallMs), '', ''],
    [
      'answer of a 2xx: body bytes',
      fixed(body(o.tally), 0),
      fixed(body(bare.open.tally), 0),
      times(body(o.tally), body(bare.open.tally)),
    ],
    [
      'answer of a 2xx: with status line and headers',
      fixed(answer(o.tally), 0),
      fixed(answer(bare.open.tally), 0),
      times(answer(o.tally), answer(bare.open.tally)),
    ],
    [
      `queries per save (${f.count.acknowledged} of ${f.count.saves} acknowledged)`,
      fixed(perSave, 2),
      '0',
      '',
    ],
    ['queries per request, open loop (refusals too)', fixed(perOpenSave, 2), '0', ''],
  ];
  console.log(table(rows));
  console.log(`  closed loop answers: chiso ${statuses(c.tally)}; bare ${statuses(bare.closed.tally)}`);
  console.log(`  open loop answers:   chiso ${statuses(o.tally)}; bare ${statuses(bare.open.tally)}`);
  if (o.tally.byStatus['409'])
    console.log(
      `  (a 409 in the open loop: the reporter's previous save, sent ${fixed((1000 * REPORTERS) / OPEN_RATE, 0)} ms ` +
        'earlier and not yet answered, changed the same fields first; the form refuses rather than overwrite, as it should)',
    );
  console.log(
    `  queries per save by kind: ${kinds(f.count.window, f.count.saves)} ` +
      `(${thousands(f.count.window.queries)} statements for ${thousands(f.count.saves)} saves)`,
  );
  console.log(
    `  open loop, per request: ${kinds(f.openServer, o.sent)} ` +
      `(${thousands(f.openServer.queries)} statements for ${thousands(o.sent)} requests)`,
  );
  const d = f.durability;
  console.log(
    `  lost updates: ${thousands(d.lost)} of ${thousands(d.acked)} acknowledged saves ` +
      `(${thousands(d.present)} stored as sent, ${thousands(d.superseded)} superseded by a later acknowledged save of the same fields)`,
  );

  const goal = GOAL_SAVES_PER_SECOND[f.engine];
  const savesPerSecond = c.tally.ok / c.seconds;
  const atCeiling = savesPerSecond >= 0.9 * ceiling ? ', near the pacing ceiling' : '';
  // What this machine could give at the CPU a save costs here, so a missed goal reads as "the save
  // costs too much" or "the machine is too small": all its cores doing nothing but the generator,
  // the server and the database; and one server's event loop (a save runs on one thread) busy
  // all the time. Both are upper bounds: they ignore the waits between the three.
  const generatorMsPerSave = (c.generatorCpu * 1000) / savesPerSecond;
  const cpuMsPerSave =
    cpuPer(f.closedServer.cpuMs, c) + cpuPer(f.closedServer.databaseCpuMs ?? 0, c) + generatorMsPerSave;
  const machineCeiling = (os.availableParallelism() * 1000) / cpuMsPerSave;
  const loopMsPerSave = (f.closedServer.elu * f.closedServer.wallMs) / c.tally.n;
  const loopCeiling = 1000 / loopMsPerSave;
  console.log(
    `  ceilings at this cost per save: the machine's ${os.availableParallelism()} cores ${thousands(machineCeiling)} saves/s ` +
      `(${fixed(cpuMsPerSave, 2)} ms CPU per save: server ${fixed(cpuPer(f.closedServer.cpuMs, c), 2)}` +
      `${f.closedServer.databaseCpuMs === undefined ? ' with PGlite inside' : ` + PostgreSQL ${fixed(cpuPer(f.closedServer.databaseCpuMs, c), 2)}`}` +
      ` + load generator ${fixed(generatorMsPerSave, 2)}); one server's event loop ${thousands(loopCeiling)} saves/s ` +
      `(${fixed(loopMsPerSave, 2)} ms busy per save)`,
  );
  return [
    {
      goal: `closed-loop saves/s ≥ ${thousands(goal)}`,
      figure: `${thousands(savesPerSecond)}/s (${percent(savesPerSecond / bare.closed.perSecond)} of bare's ${thousands(bare.closed.perSecond)} req/s${atCeiling}; CPU ceiling here ${thousands(Math.min(machineCeiling, loopCeiling))}/s)`,
      met: savesPerSecond >= goal,
    },
    {
      goal: `open loop at ${OPEN_RATE}/s: p95 < ${GOAL_P95_MS} ms`,
      figure: `p95 ${fixed(o.tally.percentile(95))} ms (bare ${fixed(bare.open.tally.percentile(95))} ms, ${times(o.tally.percentile(95), bare.open.tally.percentile(95))}); p50 ${fixed(o.tally.percentile(50))}, p99 ${fixed(o.tally.percentile(99))}`,
      met: o.tally.percentile(95) < GOAL_P95_MS && o.tally.failed === 0,
    },
    {
      goal: `queries per save ≤ ${GOAL_QUERIES_PER_SAVE}`,
      figure: `${fixed(perSave, 2)} (${f.count.acknowledged} of ${f.count.saves} saves acknowledged; bare 0)`,
      met: perSave <= GOAL_QUERIES_PER_SAVE && f.count.acknowledged === f.count.saves,
    },
    {
      goal: `answer of a save < ${thousands(GOAL_ANSWER_BYTES)} B (status line, headers, body)`,
      figure: `${fixed(answer(o.tally), 0)} B, largest ${thousands(o.tally.maxBytes)} B, body ${fixed(body(o.tally), 0)} B (bare ${fixed(answer(bare.open.tally), 0)} B, ${times(answer(o.tally), answer(bare.open.tally))})`,
      met: o.tally.maxBytes < GOAL_ANSWER_BYTES,
    },
    {
      goal: 'lost updates = 0',
      figure: `${thousands(d.lost)} of ${thousands(d.acked)} acknowledged saves`,
      met: d.lost === 0 && d.acked > 0,
    },
  ];
}

function printGoals(label: string, verdicts: readonly Verdict[]): void {
  console.log(`  goals, ${label}:`);
  console.log(
    table([['', 'goal', 'measured'], ...verdicts.map((v) => [mark(v.met), v.goal, v.figure])], 3, '    '),
  );
}

function seconds(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number of seconds ≥ ${min}`);
  return n;
}

export async function run(): Promise<void> {
  const measureMs = seconds('BENCH_SECONDS', 15, 1) * 1000;
  const warmupMs = seconds('BENCH_WARMUP_SECONDS', 3, 0) * 1000;
  const cpus = os.cpus();
  console.log(
    `machine: ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB; load before the run ` +
      `${fixed(os.loadavg()[0]!, 2)} (1-minute average): other work on the machine skews every absolute figure, ` +
      'so each is printed beside the bare route measured just before it',
  );
  console.log(
    `load generator: this process (pid ${process.pid}), undici Pool of ${REPORTERS} keep-alive connections to 127.0.0.1; ` +
      'each server in a child process of its own',
  );
  console.log(
    `each save: PUT …/submission/values {version, values: 4 fields} with the reporter's session cookie, ` +
      'naming the version its last save returned, from its own address (X-Forwarded-For, the app trusting its proxy)',
  );
  console.log(
    `closed loop: ${REPORTERS} reporters, each its own agency and account, saving in a loop; ` +
      `${warmupMs / 1000} s warm-up, ${measureMs / 1000} s measured. The app allows ${LIMIT_PER_MINUTE} requests a minute ` +
      `per account and has no setting to raise it, so each reporter waits at least ${PACE_MS} ms between the starts of ` +
      `two saves (ceiling ${thousands((REPORTERS * 1000) / PACE_MS)} saves/s); the bare route is not paced`,
  );
  console.log(
    `open loop: ${OPEN_RATE} requests/s for ${measureMs / 1000} s, sent on schedule to the reporters in turn; ` +
      'latency from the scheduled instant to the whole answer read',
  );

  process.once('SIGINT', onInterrupt);
  let failures = 0;
  const goals: { label: string; verdicts: Verdict[] }[] = [];
  const pair = async (label: string, engine: (bare: BareFigures) => Promise<EngineFigures>) => {
    try {
      const bare = await measureBare(warmupMs, measureMs);
      goals.push({ label, verdicts: report(bare, await engine(bare)) });
    } catch (e) {
      failures++;
      console.log(`\n── ${label}: FAILED — ${(e as Error).stack ?? e}`);
    }
  };

  const pgdb = await throwawayDatabase().catch((e: Error) => {
    failures++;
    console.log(`\n── PostgreSQL: FAILED to create the throwaway database — ${e.message}`);
    return null;
  });
  if (pgdb && 'unreachable' in pgdb)
    console.log(
      `\n── PostgreSQL: not measured, ${pgdb.server} is not reachable (${pgdb.unreachable}); going on with PGlite`,
    );
  else if (pgdb) {
    live.drop = pgdb.drop;
    try {
      await pair('PostgreSQL', () =>
        measureEngine(
          'postgres',
          `${pgdb.server}, database ${pgdb.name} (created for this run, dropped after)`,
          pgdb,
          warmupMs,
          measureMs,
        ),
      );
    } finally {
      live.drop = null;
      await pgdb.drop();
    }
  }
  await pair('PGlite', () =>
    measureEngine(
      'pglite',
      'PGlite (embedded, in a fresh data directory on disk)',
      undefined,
      warmupMs,
      measureMs,
    ),
  );
  process.off('SIGINT', onInterrupt);

  if (goals.length) {
    console.log('\ngoals:');
    for (const g of goals) printGoals(g.label, g.verdicts);
  }
  // A missed goal is a figure, not a failure; a benchmark that could not run is.
  if (failures) process.exitCode = 1;
}

const childSpec = process.env[CHILD_ENV];
if (childSpec && process.send) {
  try {
    await serve(JSON.parse(childSpec) as ServeSpec);
  } catch (e) {
    process.send({ type: 'failed', message: (e as Error).stack ?? String(e) } satisfies ToParent);
    process.disconnect();
    process.exitCode = 1;
  }
}
