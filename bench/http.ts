/**
 * The HTTP benchmark: 200 reporters saving drafts of their own agency's form at once, through
 * the real app on a real TCP port, on PostgreSQL and on PGlite, against a bare Fastify route
 * measured in the same run with the same load (autocannon: 200 connections, pipelining 1).
 *
 * Each server runs in a child process of its own (this file, started with CHISO_BENCH_HTTP_SERVE),
 * so the load generator does not share an event loop with the server it measures. Each
 * connection is one reporter: its agency, its session cookie, its address (X-Forwarded-For, the
 * app trusting its proxy as in production, so the per-address rate limit of 600 requests a
 * minute applies per reporter rather than to the whole run) and the version its last save
 * returned, which its next save names (optimistic concurrency: a 409 means a lost update).
 *
 * Targets (from the issue), on PostgreSQL: p95 under 50 ms, and at least a quarter of the bare
 * route's throughput. They are printed as met or not met; a benchmark reports, it never fails.
 *
 * Settings: BENCH_SECONDS (measured duration per target, default 60), BENCH_WARMUP_SECONDS
 * (unmeasured load first, default 5), BENCH_DATABASE_URL (maintenance connection of the
 * PostgreSQL server, default postgres://postgres@127.0.0.1:5432/postgres; a throwaway database
 * chiso_bench_<random> is created on it and dropped), DATABASE_POOL_SIZE (the app's pool).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
// @ts-expect-error autocannon 9 ships no type declarations; the part used here is typed below.
import autocannonUntyped from 'autocannon';
import { and, count, eq, inArray, like, sum } from 'drizzle-orm';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { bootstrap, REGISTRY_START } from '../src/server/bootstrap.ts';
import { type Db, openDatabase, openMemory } from '../src/server/db/open.ts';
import {
  agencies,
  auditLog,
  criteriaVersions,
  cycleAgencies,
  cycles,
  submissions,
  users,
} from '../src/server/db/schema.ts';
import { createSession, hashPassword, SESSION_COOKIE } from '../src/server/platform/auth.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { directoryStore } from '../src/server/platform/files.ts';

const REPORTERS = 200;
const CONNECTIONS = REPORTERS;
const PIPELINING = 1;
/** autocannon gives up on a response after this long (and reconnects). */
const TIMEOUT_SECONDS = 30;
/** Database, bootstrap and seeding of a server child (PGlite's first start takes a few seconds). */
const STARTUP_TIMEOUT_SECONDS = 180;
const YEAR = 2017;
const DEFAULT_MAINTENANCE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

const TARGET_P95_MS = 50;
const TARGET_SHARE_OF_BARE = 0.25;

const CHILD_ENV = 'CHISO_BENCH_HTTP_SERVE';

/* ───────────────────────── autocannon, as used here ───────────────────────── */

interface LoadRequest {
  method: 'PUT';
  path: string;
  headers: Record<string, string>;
  body?: string;
  setupRequest?: (req: LoadRequest, context: Record<string, unknown>) => LoadRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}

interface LoadClient {
  setRequests(requests: LoadRequest[]): void;
}

/** The run's own summary is not used: the figures are taken from the events, after the warm-up. */
interface LoadInstance extends PromiseLike<unknown> {
  on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  on(event: 'reqError', fn: (error: Error) => void): void;
}

type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  pipelining: number;
  timeout: number;
  setupClient: (client: LoadClient) => void;
}) => LoadInstance;

const autocannon = autocannonUntyped as Autocannon;

/* ───────────────────────── parent ⇄ server child ───────────────────────── */

type Target = 'bare' | 'postgres' | 'pglite';

interface ServeSpec {
  readonly target: Target;
  readonly databaseUrl?: string;
}

/** One synthetic reporter: the agency it saves, its session, the address it comes from. */
interface Reporter {
  readonly agencyId: string;
  readonly cookie: string;
  readonly ip: string;
}

interface ServerStats {
  /** CPU time of the server process over the measured run, in ms (all threads). */
  readonly cpuMs: number;
  readonly wallMs: number;
  /** Event-loop utilisation of the server's main thread over the measured run (0…1). */
  readonly elu: number;
  /** Saves the database holds (audit rows of submissions), warm-up included. */
  readonly savesRecorded: number | null;
  /** Sum of the submissions' versions: one per save that changed something. */
  readonly versionSum: number | null;
}

type ToParent =
  | {
      type: 'ready';
      port: number;
      cycleId: string | null;
      reporters: Reporter[];
      setupMs: number;
      poolSize: number | null;
    }
  | { type: 'stats'; stats: ServerStats }
  | { type: 'failed'; message: string };

type ToChild = { type: 'mark' } | { type: 'stop' };

/* ───────────────────────── the server child ───────────────────────── */

async function serve(spec: ServeSpec): Promise<void> {
  const send = (m: ToParent) => process.send!(m);
  const t0 = performance.now();
  let close: () => Promise<void>;
  let port: number;
  let cycleId: string | null = null;
  let reporters: Reporter[] = [];
  let poolSize: number | null = null;
  let countSaves: () => Promise<{ savesRecorded: number; versionSum: number } | null> = async () => null;

  if (spec.target === 'bare') {
    const app = Fastify();
    // The same JSON body is parsed (Fastify's parser), nothing else is done.
    app.put('/bare', async (req) => {
      void req.body;
      return { ok: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = portOf(app.server.address());
    reporters = Array.from({ length: REPORTERS }, (_, i) => ({
      agencyId: `bare-${i + 1}`,
      cookie: `chiso_session=${randomBytes(32).toString('base64url')}`,
      ip: ipOf(i),
    }));
    close = () => app.close();
  } else {
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
        LOG_LEVEL: 'silent',
        CHISO_SCHEDULER: 'false',
        // Behind a reverse proxy, as in production: each reporter's own address counts.
        CHISO_TRUST_PROXY: 'true',
        DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE,
        ...(spec.databaseUrl && { DATABASE_URL: spec.databaseUrl }),
      });
      const database =
        spec.target === 'postgres'
          ? await openDatabase({
              dataDir: '',
              databaseUrl: config.databaseUrl,
              poolSize: config.databasePoolSize,
            })
          : await openMemory();
      undo.push(() => database.close().catch(() => {}));
      if (spec.target === 'postgres') poolSize = config.databasePoolSize;
      const clock = systemClock;
      await bootstrap(database.db, clock.now(), `Quan-tri-${randomBytes(8).toString('hex')}`);
      const seeded = await seed(database.db, clock.now(), config.sessionHours);
      cycleId = seeded.cycleId;
      reporters = seeded.reporters;
      const app = await buildApp(
        {
          config,
          database,
          clock,
          mailer: { enabled: false, send: async () => {} },
          files: directoryStore(config.filesDir),
        },
        { logger: false },
      );
      undo.push(() => app.close());
      await app.listen({ port: 0, host: '127.0.0.1' });
      port = portOf(app.server.address());
      const agencyIds = reporters.map((r) => r.agencyId);
      const read = async () => {
        const [audits] = await database.db
          .select({ n: count() })
          .from(auditLog)
          .where(and(like(auditLog.action, 'submission.%'), inArray(auditLog.agencyId, agencyIds)));
        const [versions] = await database.db
          .select({ n: sum(submissions.version) })
          .from(submissions)
          .where(and(eq(submissions.cycleId, seeded.cycleId), inArray(submissions.agencyId, agencyIds)));
        return { savesRecorded: audits?.n ?? 0, versionSum: Number(versions?.n ?? 0) };
      };
      // Saves cut off when the load stopped still finish on the server: read once they have.
      countSaves = async () => {
        let last = await read();
        for (let i = 0; i < 120; i++) {
          await new Promise((r) => setTimeout(r, 250));
          const now = await read();
          if (now.savesRecorded === last.savesRecorded && now.versionSum === last.versionSum) return now;
          last = now;
        }
        return last;
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
  /** Asked: figures for the parent, then a clean close. Orphaned: the close alone, quietly. */
  const stop = async (orphaned: boolean) => {
    if (stopping) return;
    stopping = true;
    const cpu = process.cpuUsage(cpu0);
    const wallMs = performance.now() - wall0;
    const elu = performance.eventLoopUtilization(elu0).utilization;
    try {
      if (!orphaned) {
        const saves = await countSaves();
        send({
          type: 'stats',
          stats: {
            cpuMs: (cpu.user + cpu.system) / 1000,
            wallMs,
            elu,
            savesRecorded: saves?.savesRecorded ?? null,
            versionSum: saves?.versionSum ?? null,
          },
        });
      }
    } finally {
      await close();
      if (process.connected) process.disconnect();
    }
  };
  process.on('message', (m: ToChild) => {
    if (m.type === 'mark') {
      cpu0 = process.cpuUsage();
      wall0 = performance.now();
      elu0 = performance.eventLoopUtilization();
    } else if (m.type === 'stop')
      stop(false).catch((e) => {
        console.error(e);
        process.exitCode = 1;
      });
  });
  // The parent went away without saying stop (interrupted, or it failed): clean up all the same;
  // the database may already be gone, so errors are expected and not shown. Ctrl-C reaches this
  // process too: the parent decides, and its going away is what stops this one.
  process.on('disconnect', () => void stop(true).catch(() => {}));
  process.on('SIGINT', () => {});
  send({ type: 'ready', port, cycleId, reporters, setupMs: performance.now() - t0, poolSize });
}

/**
 * An open cycle of the bundled criteria with 200 synthetic agencies on its roster (beside the
 * registry's), each with one reporter (one argon2 hash shared by all) and a session.
 */
async function seed(
  db: Db,
  now: Date,
  sessionHours: number,
): Promise<{ cycleId: string; reporters: Reporter[] }> {
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

  const passwordHash = await hashPassword(randomBytes(16).toString('base64url'));
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
    .returning({ id: users.id, agencyId: users.agencyId });

  const reporters: Reporter[] = [];
  for (const [i, u] of userRows.entries()) {
    const { token } = await createSession(db, u.id, now, sessionHours, {
      ip: ipOf(i),
      userAgent: 'chiso-bench-http',
    });
    reporters.push({ agencyId: u.agencyId!, cookie: `${SESSION_COOKIE}=${token}`, ip: ipOf(i) });
  }
  return { cycleId: cycle!.id, reporters };
}

function portOf(address: AddressInfo | string | null): number {
  if (!address || typeof address === 'string') throw new Error('the server has no TCP port');
  return address.port;
}

/** A private address per reporter, as its agency's network would give. */
const ipOf = (i: number) => `10.${20 + (i >> 16)}.${(i >> 8) & 255}.${(i & 255) + 1}`;

/* ───────────────────────── the parent: load and figures ───────────────────────── */

interface Started {
  readonly child: ChildProcess;
  readonly ready: Extract<ToParent, { type: 'ready' }>;
  readonly exited: Promise<void>;
  next<T extends ToParent['type']>(type: T): Promise<Extract<ToParent, { type: T }>>;
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
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, [CHILD_ENV]: JSON.stringify(spec) },
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
  // A server that neither starts nor fails in time is stopped; one that failed cleans up first.
  const deadline = setTimeout(() => child.kill(), STARTUP_TIMEOUT_SECONDS * 1000);
  try {
    const ready = await next('ready');
    return { child, ready, exited, next };
  } catch (e) {
    await exited;
    throw e;
  } finally {
    clearTimeout(deadline);
  }
}

/** Stops a server child: its figures, then its clean exit (killed if it does not exit in 30 s). */
async function stopServer(s: Started): Promise<ServerStats | null> {
  let stats: ServerStats | null = null;
  if (s.child.connected) {
    s.child.send({ type: 'stop' } satisfies ToChild);
    stats = await s
      .next('stats')
      .then((m) => m.stats)
      .catch(() => null);
  }
  const timer = setTimeout(() => s.child.kill(), 30_000);
  await s.exited;
  clearTimeout(timer);
  return stats;
}

interface Measured {
  readonly label: string;
  readonly target: Target;
  readonly seconds: number;
  /** Responses completed per second of the measured window (every status). */
  readonly perSecond: number;
  readonly okPerSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly total: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly byStatus: Record<string, number>;
  readonly errors: number;
  readonly timeouts: number;
  readonly unreadable: number;
  readonly okIncludingWarmup: number;
  readonly server: ServerStats | null;
  readonly setupMs: number;
  readonly poolSize: number | null;
  readonly responseBytes: number;
}

/** A reporter's state across the warm-up and the measured run: the version its next save names. */
interface ReporterState {
  readonly reporter: Reporter;
  version: number | null;
  seq: number;
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

interface Window {
  /** Responses that completed inside the measured window, by status. */
  readonly byStatus: Record<string, number>;
  readonly latencies: Float64Array;
  readonly errors: number;
  readonly timeouts: number;
  readonly seconds: number;
}

/**
 * One autocannon run of warm-up + measured seconds. Only what completes after the warm-up counts:
 * one run rather than two, so no save is cut off between them (its reporter would then name a
 * version the server has already moved past).
 */
async function load(
  port: number,
  path: (r: Reporter) => string,
  states: readonly ReporterState[],
  warmupSeconds: number,
  seconds: number,
  onMeasuring: () => void,
  tally: { ok: number; unreadable: number; bytes: number; responses: number },
): Promise<Window> {
  let nextReporter = 0;
  let latencies = new Float64Array(1 << 16);
  let n = 0;
  const byStatus: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: warmupSeconds + seconds,
    pipelining: PIPELINING,
    timeout: TIMEOUT_SECONDS,
    // Each connection is one reporter for the whole run. (autocannon's per-request `context`
    // is reset every time its list of requests starts over, i.e. before every request when the
    // list has one, so the version is kept in this connection's own closure instead.)
    setupClient(client) {
      const index = nextReporter++ % states.length;
      const state = states[index]!;
      const { reporter } = state;
      client.setRequests([
        {
          method: 'PUT',
          path: path(reporter),
          headers: {
            'content-type': 'application/json',
            cookie: reporter.cookie,
            'x-forwarded-for': reporter.ip,
          },
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({ version: state.version, values: draftValues(index, ++state.seq) }),
          }),
          onResponse: (status, body) => {
            tally.responses++;
            tally.bytes += body.length;
            if (status === 200) tally.ok++;
            if (status !== 200 && status !== 409) return;
            // 200: the saved form's version; 409: the current one, in the error's details.
            try {
              const parsed = JSON.parse(body) as {
                version?: unknown;
                error?: { details?: { version?: unknown } };
              };
              const v = status === 200 ? parsed.version : parsed.error?.details?.version;
              if (typeof v === 'number' || v === null) state.version = v;
            } catch {
              tally.unreadable++;
            }
          },
        },
      ]);
    },
  });
  let measuring = warmupSeconds <= 0;
  let windowStart = performance.now();
  if (measuring) onMeasuring();
  const warm = setTimeout(() => {
    measuring = true;
    windowStart = performance.now();
    onMeasuring();
  }, warmupSeconds * 1000);
  instance.on('response', (_client, status, _bytes, ms) => {
    if (!measuring) return;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (n === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[n++] = ms;
  });
  instance.on('reqError', (error) => {
    if (!measuring) return;
    errors++;
    if (error.message === 'request timed out') timeouts++;
  });
  try {
    await instance;
  } finally {
    clearTimeout(warm);
  }
  return {
    byStatus,
    latencies: latencies.subarray(0, n).sort(),
    errors,
    timeouts,
    seconds: (performance.now() - windowStart) / 1000,
  };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function measure(
  label: string,
  spec: ServeSpec,
  seconds: number,
  warmupSeconds: number,
): Promise<Measured> {
  const s = await startServer(spec);
  try {
    const { port, cycleId, reporters } = s.ready;
    const path =
      spec.target === 'bare'
        ? () => '/bare'
        : (r: Reporter) => `/api/v1/cycles/${cycleId}/agencies/${r.agencyId}/submission/values`;
    const states: ReporterState[] = reporters.map((reporter) => ({ reporter, version: null, seq: 0 }));
    const tally = { ok: 0, unreadable: 0, bytes: 0, responses: 0 };
    const w = await load(
      port,
      path,
      states,
      warmupSeconds,
      seconds,
      () => s.child.send({ type: 'mark' } satisfies ToChild),
      tally,
    );
    const server = await stopServer(s);
    const total = Object.values(w.byStatus).reduce((a, b) => a + b, 0);
    const ok = Object.entries(w.byStatus)
      .filter(([status]) => status.startsWith('2'))
      .reduce((a, [, c]) => a + c, 0);
    return {
      label,
      target: spec.target,
      seconds: w.seconds,
      perSecond: total / w.seconds,
      okPerSecond: ok / w.seconds,
      p50: percentile(w.latencies, 50),
      p95: percentile(w.latencies, 95),
      p99: percentile(w.latencies, 99),
      total,
      ok,
      non2xx: total - ok,
      byStatus: w.byStatus,
      errors: w.errors,
      timeouts: w.timeouts,
      unreadable: tally.unreadable,
      okIncludingWarmup: tally.ok,
      server,
      setupMs: s.ready.setupMs,
      poolSize: s.ready.poolSize,
      responseBytes: tally.responses ? tally.bytes / tally.responses : 0,
    };
  } finally {
    if (s.child.exitCode === null && s.child.signalCode === null) await stopServer(s);
  }
}

/** A throwaway database on the PostgreSQL server, or why there is none. */
async function throwawayDatabase(): Promise<
  | { url: string; name: string; server: string; drop(): Promise<void> }
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

const fixed = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const thousands = (n: number) => Math.round(n).toLocaleString('en-US');
const percent = (x: number) => `${(x * 100).toFixed(0)}%`;
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');

function table(rows: readonly (readonly string[])[], rightFrom = 1): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: readonly string[]) =>
    r.map((cell, c) => (c >= rightFrom ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
  const [head, ...body] = rows;
  return [line(head!), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function seconds(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number of seconds ≥ ${min}`);
  return n;
}

export async function run(): Promise<void> {
  const duration = seconds('BENCH_SECONDS', 60, 1);
  const warmup = seconds('BENCH_WARMUP_SECONDS', 5, 0);
  const cpus = os.cpus();
  console.log(
    `Node ${process.version} · ${cpus[0]?.model ?? 'unknown CPU'} · ${cpus.length} cores · ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GB`,
  );
  console.log(
    `load: autocannon, ${CONNECTIONS} connections (one reporter each), pipelining ${PIPELINING}, ` +
      `${duration} s measured after ${warmup} s of warm-up, per target`,
  );
  console.log(
    'each request: PUT …/submission/values {version, values: 4 fields} naming the version the last save returned;',
  );
  console.log(
    '  each reporter from its own address (X-Forwarded-For, the app trusting its proxy), so the limit of ' +
      '600 requests a minute per address applies per reporter',
  );
  console.log(
    'latencies: every response completed in the measured window, from request written to response read',
  );
  console.log(
    'servers: one child process each, on 127.0.0.1 (the load generator, the server and PostgreSQL share the machine)',
  );
  console.log(
    `machine load before the run: ${fixed(os.loadavg()[0]!, 2)} (1-minute average) on ${cpus.length} cores; ` +
      'other work on the machine skews every figure\n',
  );

  process.once('SIGINT', onInterrupt);
  const results: Measured[] = [];
  let failures = 0;
  const attempt = async (label: string, fn: () => Promise<Measured>) => {
    try {
      const m = await fn();
      results.push(m);
      console.log(
        `  ${label}: ${thousands(m.perSecond)} req/s over ${fixed(m.seconds)} s, p95 ${fixed(m.p95)} ms` +
          `${m.poolSize !== null ? ` (pool ${m.poolSize})` : ''}; setup ${fixed(m.setupMs / 1000)} s`,
      );
    } catch (e) {
      failures++;
      console.log(`  ${label}: FAILED — ${(e as Error).stack ?? e}`);
    }
  };

  console.log('running:');
  await attempt('bare Fastify', () => measure('bare Fastify', { target: 'bare' }, duration, warmup));
  const pgdb = await throwawayDatabase().catch((e: Error) => {
    failures++;
    console.log(`  PostgreSQL: FAILED to create the throwaway database — ${e.message}`);
    return null;
  });
  if (!pgdb) {
    // reported above
  } else if ('unreachable' in pgdb) {
    console.log(`  PostgreSQL: skipped, ${pgdb.server} is unreachable (${pgdb.unreachable})`);
  } else {
    live.drop = pgdb.drop;
    try {
      await attempt(`PostgreSQL (${pgdb.server}, database ${pgdb.name})`, () =>
        measure('PostgreSQL', { target: 'postgres', databaseUrl: pgdb.url }, duration, warmup),
      );
    } finally {
      live.drop = null;
      await pgdb.drop();
    }
  }
  await attempt('PGlite (in memory)', () => measure('PGlite', { target: 'pglite' }, duration, warmup));
  process.off('SIGINT', onInterrupt);

  if (results.length) {
    console.log('');
    const rows = [
      ['target', 'req/s', '2xx/s', 'p50 ms', 'p95 ms', 'p99 ms', 'requests', 'non-2xx', 'errors', 'timeouts'],
      ...results.map((m) => [
        m.label,
        thousands(m.perSecond),
        thousands(m.okPerSecond),
        fixed(m.p50),
        fixed(m.p95),
        fixed(m.p99),
        thousands(m.total),
        thousands(m.non2xx),
        thousands(m.errors),
        thousands(m.timeouts),
      ]),
    ];
    console.log(table(rows));

    console.log('\nresponses by status, and what the server did (measured run):');
    for (const m of results) {
      const statuses = Object.entries(m.byStatus)
        .map(([k, v]) => `${k}: ${thousands(v)}`)
        .join(', ');
      const cpu = m.server ? `${percent(m.server.cpuMs / m.server.wallMs)} of a core` : '?';
      const elu = m.server ? percent(m.server.elu) : '?';
      console.log(
        `  ${m.label.padEnd(12)} ${statuses || 'none'}; ${thousands(m.responseBytes)} bytes a response; ` +
          `server CPU ${cpu}, event loop busy ${elu}`,
      );
      if (m.target !== 'bare' && m.server?.savesRecorded != null)
        console.log(
          `  ${''.padEnd(12)} saves the database holds (warm-up included): ${thousands(m.server.savesRecorded)} ` +
            `audit rows, versions summing to ${thousands(m.server.versionSum ?? 0)}; ` +
            `200 responses received: ${thousands(m.okIncludingWarmup)} (saves cut off by the end of the load are not)` +
            `${m.unreadable ? `; ${m.unreadable} unreadable bodies` : ''}`,
        );
    }

    const bare = results.find((m) => m.target === 'bare');
    const engines = results.filter((r) => r.target !== 'bare');
    if (bare && engines.length) {
      console.log('\nratios (2xx per second, against the bare route of the same run):');
      for (const m of engines)
        console.log(
          `  ${`${m.label} ÷ bare`.padEnd(22)} ${fixed(m.okPerSecond / bare.okPerSecond, 3)}× (${percent(m.okPerSecond / bare.okPerSecond)})`,
        );
    }

    console.log('\ntargets:');
    const postgres = results.find((m) => m.target === 'postgres');
    const verdicts: string[][] = [['target', 'measured', '']];
    if (postgres) {
      verdicts.push([
        `PostgreSQL: p95 < ${TARGET_P95_MS} ms`,
        `${fixed(postgres.p95)} ms`,
        mark(postgres.p95 < TARGET_P95_MS),
      ]);
      if (bare) {
        const share = postgres.okPerSecond / bare.okPerSecond;
        verdicts.push([
          `PostgreSQL: ≥ ${percent(TARGET_SHARE_OF_BARE)} of the bare route's throughput`,
          percent(share),
          mark(share >= TARGET_SHARE_OF_BARE),
        ]);
      }
    }
    for (const m of engines) {
      const conflicts = m.byStatus['409'] ?? 0;
      verdicts.push([`${m.label}: no lost update (409s = 0)`, thousands(conflicts), mark(conflicts === 0)]);
    }
    if (verdicts.length > 1)
      console.log(
        table(verdicts)
          .split('\n')
          .map((l) => `  ${l}`)
          .join('\n'),
      );
    if (!postgres) console.log('  (PostgreSQL was not measured: no verdict on its targets)');
  }
  // A missed target is a figure, not a failure; a benchmark that could not run is.
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
