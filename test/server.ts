/**
 * A real server for integration tests: the real app on a real database — a fresh embedded PGlite
 * (from the migrated template of global-setup) or, when DATABASE_URL is set, a fresh database
 * created on that PostgreSQL server and dropped afterwards. Requests go through app.inject().
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { bootstrap } from '../src/server/bootstrap.ts';
import { type Database, openDatabase, openMemory } from '../src/server/db/open.ts';
import { agencies, type Role, users } from '../src/server/db/schema.ts';
import { hashPassword, SESSION_COOKIE } from '../src/server/platform/auth.ts';
import { fixedClock } from '../src/server/platform/clock.ts';
import { type Config, loadConfig } from '../src/server/platform/config.ts';
import { directoryStore } from '../src/server/platform/files.ts';
import type { App, AppDeps } from '../src/server/platform/http.ts';
import type { Mail, Mailer } from '../src/server/platform/mail.ts';

export const TEST_PASSWORD = 'Mat-khau-thu-2017';

/**
 * A new, empty database on the PostgreSQL server of DATABASE_URL (named `<prefix>_<random>`): its
 * address, and how to drop it (with any connection still open).
 */
export async function createServerDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('createServerDatabase needs DATABASE_URL');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const sql = async (statement: string) => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await sql(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => sql(`drop database if exists ${name} with (force)`) };
}

/** Opens a fresh, migrated database of the engine this run tests. */
export async function freshDatabase(): Promise<Database & { drop(): Promise<void> }> {
  if (!process.env.DATABASE_URL) {
    const template = new Blob([readFileSync(inject('pgliteTemplate'))]);
    const db = await openMemory(template);
    return { ...db, drop: db.close };
  }
  const target = await createServerDatabase('chiso_t');
  const db = await openDatabase({ dataDir: '', databaseUrl: target.url, poolSize: 5 });
  return {
    ...db,
    drop: async () => {
      await db.close();
      await target.drop();
    },
  };
}

export interface TestServer {
  readonly app: App;
  readonly deps: AppDeps;
  readonly clock: ReturnType<typeof fixedClock>;
  /** Every e-mail the server sent. */
  readonly mails: Mail[];
  /** Signs in (creating the account if needed) and returns the cookie header value. */
  as(role: Role, agencyCode?: string): Promise<string>;
  /** Creates a user directly and returns its id. */
  createUser(username: string, role: Role, agencyCode?: string): Promise<string>;
  login(username: string, password?: string): Promise<string>;
  /** app.inject with an optional cookie and a same-origin JSON body. */
  request(options: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>;
  agencyId(code: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts the app on a fresh database with Cao Bằng's agencies and criteria loaded. */
export async function testServer(
  options: {
    now?: string;
    env?: Record<string, string>;
    /** A real mailer (e.g. SMTP to a local sink) instead of the capturing one; `mails` then stays empty. */
    mailer?: Mailer;
    /** How the website monitor reaches fixture sites: `startFixtureSites(…).monitorOptions`. */
    monitor?: Pick<Config['monitor'], 'allowPrivateHosts' | 'resolve' | 'ca'>;
  } = {},
): Promise<TestServer> {
  const database = await freshDatabase();
  const clock = fixedClock(options.now ?? '2017-10-15T03:00:00Z');
  const filesDir = mkdtempSync(join(tmpdir(), 'chiso-files-'));
  const loaded = loadConfig({ CHISO_DATA_DIR: filesDir, LOG_LEVEL: 'silent', ...options.env });
  const config: Config = options.monitor
    ? { ...loaded, monitor: { ...loaded.monitor, ...options.monitor } }
    : loaded;
  const mails: Mail[] = [];
  const mailer: Mailer = {
    enabled: true,
    send: async (m) => {
      mails.push(m);
    },
  };
  const deps: AppDeps = {
    config,
    database,
    clock,
    mailer: options.mailer ?? mailer,
    files: directoryStore(join(filesDir, 'files')),
  };
  await bootstrap(database.db, clock.now(), 'Quan-tri-thu-2017');
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  const cookies = new Map<string, string>();

  const request: TestServer['request'] = (o) => {
    const { cookie, ...rest } = o;
    return app.inject({ ...rest, headers: { ...(cookie && { cookie }), ...(rest.headers ?? {}) } });
  };

  async function login(username: string, password = TEST_PASSWORD): Promise<string> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const set = res.cookies.find((c) => c.name === SESSION_COOKIE);
    return `${SESSION_COOKIE}=${set!.value}`;
  }

  async function agencyId(code: string): Promise<string> {
    const rows = await database.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
    if (!rows[0]) throw new Error(`no agency ${code}`);
    return rows[0].id;
  }

  async function createUser(username: string, role: Role, agencyCode?: string): Promise<string> {
    const now = clock.now();
    const [row] = await database.db
      .insert(users)
      .values({
        username,
        displayName: `Người thử ${username}`,
        email: `${username}@example.test`,
        passwordHash: await hashPassword(TEST_PASSWORD),
        role,
        agencyId: role === 'reporter' ? await agencyId(agencyCode ?? 'STTTT') : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id });
    return row!.id;
  }

  return {
    app,
    deps,
    clock,
    mails,
    request,
    login,
    agencyId,
    createUser,
    async as(role, agencyCode) {
      const username = `${role}-${(agencyCode ?? 'x').toLowerCase()}`;
      const cached = cookies.get(username);
      if (cached) return cached;
      const exists = await database.db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.username, username));
      if (!exists[0]) await createUser(username, role, agencyCode);
      const cookie = await login(username);
      cookies.set(username, cookie);
      return cookie;
    },
    async close() {
      await app.close();
      await database.drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
