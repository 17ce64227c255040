/**
 * Two real servers (`chiso serve`) on one PostgreSQL database, as a province runs them behind a
 * load balancer, reached through a TCP relay that the test can cut: each scheduled duty and each
 * reminder runs once; a submission racing the deadline on both gets one answer; SIGKILL of one
 * server during saves and a submission loses no acknowledged write and leaves no half-submission
 * while the other keeps serving; the database going away gives a 503 in Vietnamese, /healthz
 * names the cause, and the servers recover by themselves; a server started before its database
 * waits for it. PostgreSQL only (the embedded database belongs to one process).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../src/server/bootstrap.ts';
import { type Database, openDatabase } from '../src/server/db/open.ts';
import { agencies, jobs, schedules, submissions, users } from '../src/server/db/schema.ts';
import { hashPassword } from '../src/server/platform/auth.ts';
import { contentHash } from '../src/server/platform/canonical.ts';
import { createCycle, formValues } from './fixtures.ts';
import { type Relay, type Reply, type ServerProcess, sleep, startRelay, startServer } from './processes.ts';

const BASE_URL = process.env.DATABASE_URL;
const PASSWORD = 'Bao-cao-thu-2017';
const ADMIN_PASSWORD = 'Quan-tri-thu-2017';
const DAY = 86_400_000;

describe.runIf(Boolean(BASE_URL))('two servers on one PostgreSQL', () => {
  const name = `chiso_2i_${randomBytes(5).toString('hex')}`;
  let database: Database;
  let relay: Relay;
  let relayedUrl = '';
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;
  let smtp: SMTPServer;
  let smtpPort = 0;
  const mails: { to: string[] }[] = [];
  let cycleId = '';
  const ids: Record<string, string> = {};

  const env = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: relayedUrl,
    CHISO_DATA_DIR: '/tmp/chiso-2i-unused',
    CHISO_ADMIN_PASSWORD: ADMIN_PASSWORD,
    DATABASE_POOL_SIZE: '4',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_SECURE: 'false',
    SMTP_TLS_VERIFY: 'false',
    SMTP_FROM: 'chiso <chiso@caobang.gov.vn>',
    ...extra,
  });
  const form = (code: string, rest = '', cycle = cycleId) =>
    `/api/v1/cycles/${cycle}/agencies/${ids[code]}/submission${rest}`;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: BASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const direct = new URL(BASE_URL!);
    direct.pathname = `/${name}`;
    database = await openDatabase({ dataDir: '', databaseUrl: direct.toString(), poolSize: 4 });
    relay = await startRelay({ host: direct.hostname, port: Number(direct.port || 5432) });
    const relayed = new URL(direct);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(relay.port);
    relayedUrl = relayed.toString();

    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, done) {
        stream.on('data', () => {});
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address) });
          done();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    smtpPort = (smtp.server.address() as AddressInfo).port;

    // The year, prepared before any server starts: open, its deadline 14 days away less a minute,
    // so that the 14-day reminder is due now; reporters with addresses for five agencies.
    const db = database.db;
    await bootstrap(db, new Date(), ADMIN_PASSWORD);
    for (const row of await db.select().from(agencies)) ids[row.code] = row.id;
    cycleId = (
      await createCycle(db, { state: 'open', year: 2030, deadline: new Date(Date.now() + 14 * DAY - 60_000) })
    ).id;
    for (const code of ['STTTT', 'SYT', 'SNV', 'STC', 'SXD', 'HHA'])
      await db.insert(users).values({
        username: `bc.${code.toLowerCase()}`,
        displayName: `Báo cáo ${code}`,
        email: `bc.${code.toLowerCase()}@example.test`,
        passwordHash: await hashPassword(PASSWORD),
        role: 'reporter',
        agencyId: ids[code]!,
      });
    // The reminders' schedule is due at once (by default it first runs at the next minute).
    await db
      .insert(schedules)
      .values({ name: 'progress.reminders', cron: '* * * * *', nextRunAt: new Date(Date.now() - 1000) });

    [a, b] = await Promise.all([startServer(env()), startServer(env())]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await relay?.close();
    await database?.close();
    await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
    const admin = new pg.Client({ connectionString: BASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('runs the reminders’ schedule once per slot and sends each reminder once, with both servers ticking', async () => {
    const until = Date.now() + 90_000;
    while (mails.length < 6 && Date.now() < until) await sleep(500);
    // Another tick of each server: nothing more goes out.
    await sleep(16_000);
    const to = mails.map((m) => m.to.join(',')).sort();
    expect(to).toEqual(
      ['STC', 'STTTT', 'SNV', 'SXD', 'SYT', 'HHA'].map((c) => `bc.${c.toLowerCase()}@example.test`).sort(),
    );
    const runs = await database.db.select().from(jobs).where(eq(jobs.kind, 'progress.reminders'));
    const slots = runs.map((r) => (r.payload as { slot: string }).slot);
    expect(new Set(slots).size, 'one job per slot').toBe(slots.length);
    const reminders = await database.db.select().from(jobs).where(eq(jobs.kind, 'progress.reminder'));
    expect(reminders).toHaveLength(33);
    expect(reminders.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
  }, 180_000);

  it('gives one answer to a submission sent to both servers at the deadline', async () => {
    const db = database.db;
    const deadline = new Date(Date.now() + 4000);
    const race = await createCycle(db, { state: 'open', year: 2031, deadline });
    const cookieA = await a!.signIn('bc.syt', PASSWORD);
    const cookieB = await b!.signIn('bc.syt', PASSWORD);
    const saved = await a!.call<{ version: number }>('PUT', form('SYT', '/values', race.id), {
      cookie: cookieA,
      payload: { version: null, values: formValues('department', 2031) },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await sleep(Math.max(0, deadline.getTime() - Date.now() - 5));
    const attest = {
      version: saved.body.version,
      attestedName: 'Nguyễn Văn Giám',
      attestedTitle: 'Giám đốc Sở',
    };
    const answers = await Promise.all([
      a!.call<{ receipt?: { late: boolean; contentHash: string } }>('POST', form('SYT', '/submit', race.id), {
        cookie: cookieA,
        payload: attest,
      }),
      b!.call<{ receipt?: { late: boolean; contentHash: string } }>('POST', form('SYT', '/submit', race.id), {
        cookie: cookieB,
        payload: attest,
      }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const won = answers.find((r) => r.status === 200)!;
    const [row] = await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.cycleId, race.id), eq(submissions.agencyId, ids.SYT!)));
    expect(row!.status).toBe('submitted');
    expect(row!.contentHash).toBe(won.body.receipt!.contentHash);
    // Late or not is decided once, by the server's clock, the same in the receipt and the row.
    expect(won.body.receipt!.late).toBe(row!.submittedAt!.getTime() >= deadline.getTime());
  }, 60_000);

  it('loses no acknowledged save and leaves no half-submission when one server is killed; the other serves on', async () => {
    const codes = ['STTTT', 'SNV', 'STC', 'SXD'];
    const cookies = new Map<string, { a: string; b: string }>();
    for (const code of codes)
      cookies.set(code, {
        a: await a!.signIn(`bc.${code.toLowerCase()}`, PASSWORD),
        b: await b!.signIn(`bc.${code.toLowerCase()}`, PASSWORD),
      });
    // SXD's form is complete: it will be submitted through the server that dies.
    const prepared = await b!.call<{ version: number }>('PUT', form('SXD', '/values'), {
      cookie: cookies.get('SXD')!.b,
      payload: { version: null, values: formValues('department', 2030) },
    });
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(200);

    const fields = ['total_staff', 'total_computers', 'internet_bandwidth_mbps', 'docs_out_total'];
    type Sent = { code: string; field: string; value: number; status: number; version?: number };
    const sent: Sent[] = [];
    let n = 0;
    let killedAt = Number.POSITIVE_INFINITY;
    /** Saves on and on through one server, each time one of its own fields, naming the version it knows. */
    const writer = async (code: string, via: 'a' | 'b', mine: readonly string[]) => {
      let version: number | null = null;
      for (let k = 0; Date.now() < killedAt + 2000; k++) {
        const field = mine[k % mine.length]!;
        const value = 1000 + n++;
        const r: Reply<{ version: number; error?: { details: { version: number } } }> = await (via === 'a'
          ? a!
          : b!
        ).call('PUT', form(code, '/values'), {
          cookie: cookies.get(code)![via],
          payload: { version, values: { [field]: value } },
        });
        sent.push({ code, field, value, status: r.status, version: r.body.version });
        if (r.status === 200) version = r.body.version;
        else if (r.status === 409) version = r.body.error!.details.version;
        // A brisk typist, not a flood: well inside the 600 requests a minute each account may make.
        await sleep(r.status === 200 || r.status === 409 ? 10 : 50);
      }
    };
    const writers = codes
      .filter((c) => c !== 'SXD')
      .flatMap((c) => [writer(c, 'a', fields.slice(0, 2)), writer(c, 'b', fields.slice(2))]);
    await sleep(1500);
    const submitting = a!.call('POST', form('SXD', '/submit'), {
      cookie: cookies.get('SXD')!.a,
      payload: { version: prepared.body.version, attestedName: 'Trần Thị Xây', attestedTitle: 'Giám đốc Sở' },
    });
    await sleep(15);
    killedAt = Date.now();
    await a!.kill();
    await Promise.all(writers);
    const submitted = await submitting;

    // The other server went on answering.
    const afterKill = sent.filter((s) => s.status === 200 && s.code !== 'SXD');
    expect(afterKill.length).toBeGreaterThan(10);
    expect((await b!.call('GET', '/healthz')).status).toBe(200);
    for (const code of codes.filter((c) => c !== 'SXD')) {
      const state = await b!.call<{ values: Record<string, number> }>('GET', form(code), {
        cookie: cookies.get(code)!.b,
      });
      for (const field of fields) {
        const mine = sent.filter((s) => s.code === code && s.field === field);
        const acked = mine.filter((s) => s.status === 200).sort((x, y) => x.version! - y.version!);
        const last = acked.at(-1);
        if (!last) continue;
        // The last acknowledged value, or a later one whose answer the kill cut off.
        const possible = [last.value, ...mine.filter((s) => s.status === 0).map((s) => s.value)];
        expect(possible, `${code}.${field}`).toContain(state.body.values[field]);
      }
    }
    const [row] = await database.db
      .select()
      .from(submissions)
      .where(and(eq(submissions.cycleId, cycleId), eq(submissions.agencyId, ids.SXD!)));
    if (row!.status === 'submitted')
      expect(row!.contentHash).toBe(
        contentHash({
          cycleId,
          agencyId: ids.SXD,
          values: row!.values,
          claims: [],
          attestation: { name: row!.attestedName, title: row!.attestedTitle },
          submittedAt: row!.submittedAt!.toISOString(),
        }),
      );
    else {
      expect([row!.submittedAt, row!.contentHash, row!.attestedName]).toEqual([null, null, null]);
      expect(submitted.status, 'a submission the client saw succeed was lost').not.toBe(200);
    }
    a = await startServer(env());
  }, 120_000);

  it('answers 503 in Vietnamese while the database is away, says so on /healthz, and recovers by itself', async () => {
    const cookie = await b!.signIn('bc.stttt', PASSWORD);
    const { version } = (await b!.call<{ version: number }>('GET', form('STTTT'), { cookie })).body;
    await relay.cut();
    const save = await b!.call<{ error: { code: string; message: string } }>(
      'PUT',
      form('STTTT', '/values'),
      {
        cookie,
        payload: { version, values: { total_staff: 77 } },
      },
    );
    expect(save.status).toBe(503);
    expect(save.headers['retry-after']).toBe('5');
    expect(save.body.error.message).toMatch(
      /^Hệ thống tạm thời không kết nối được cơ sở dữ liệu\. Phần bạn vừa nhập vẫn được giữ/,
    );
    const health = await b!.call<{ status: string; cause: string }>('GET', '/healthz');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'unavailable', cause: 'database' });

    await relay.restore();
    const until = Date.now() + 30_000;
    let back = 0;
    while (Date.now() < until) {
      back = (await b!.call('GET', '/healthz')).status;
      if (back === 200) break;
      await sleep(250);
    }
    expect(back).toBe(200);
    const again = await b!.call('PUT', form('STTTT', '/values'), {
      cookie,
      payload: { version, values: { total_staff: 77 } },
    });
    expect(again.status).toBe(200);
  }, 90_000);

  it('waits for a database that is not up yet when it starts, instead of stopping', async () => {
    await relay.cut();
    const c = await startServer(env({ CHISO_SCHEDULER: '0' }), { waitHealthy: false });
    try {
      const until = Date.now() + 30_000;
      while (!/Chưa kết nối được PostgreSQL/.test(c.output()) && Date.now() < until) await sleep(200);
      expect(c.output()).toMatch(/Chưa kết nối được PostgreSQL .*thử lại sau/);
      await relay.restore();
      const ready = Date.now() + 60_000;
      let status = 0;
      while (Date.now() < ready) {
        status = (await c.call('GET', '/healthz')).status;
        if (status === 200) break;
        await sleep(250);
      }
      expect(status, c.output()).toBe(200);
    } finally {
      await c.kill();
      await relay.restore().catch(() => {});
    }
  }, 120_000);
});
