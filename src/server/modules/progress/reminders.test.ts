/**
 * Reminders over real SMTP: a local smtp-server is the sink, the server's own nodemailer
 * transport (smtpMailer) sends to it, and every received message is parsed back to check who got
 * what, in Vietnamese.
 */
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle, createSubmission } from '../../../../test/fixtures.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { auditLog, cycles, remindersSent, users } from '../../db/schema.ts';
import { loadConfig } from '../../platform/config.ts';
import { retryDelay, runDueJobs, silentLog } from '../../platform/jobs.ts';
import { smtpMailer } from '../../platform/mail.ts';
import { ensureSchedules } from '../../platform/schedules.ts';
import { backgroundTick, registerBackgroundWork } from '../../scheduler.ts';
import { queueDueReminders } from './reminders.ts';

interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) of a header. */
function decodeHeader(value: string): string {
  const binary = value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('latin1')
        : text
            .replace(/_/g, ' ')
            .replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    );
  return Buffer.from(binary, 'latin1').toString('utf8');
}

/** Headers and text body of a single-part message as a mail client shows them. */
function parseMessage(raw: string, to: string[]): Received {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? Buffer.from(
          body
            .replace(/=\r\n/g, '')
            .replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
          'latin1',
        ).toString('utf8')
      : encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body;
  return { to, subject: decodeHeader(headers.get('subject') ?? ''), text: text.replace(/\r\n/g, '\n') };
}

let sink: SMTPServer;
let port = 0;
const received: Received[] = [];
/** While set, the sink refuses every message (a mail server that is down). */
let refuse = false;

beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse) {
          const err = new Error('Hộp thư tạm thời không nhận thư') as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        received.push(
          parseMessage(
            Buffer.concat(chunks).toString('latin1'),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  port = (sink.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => sink.close(() => resolve())));

const DAY = 86_400_000;
const DEADLINE = Date.parse('2017-10-31T17:00:00Z'); // 1 November 2017, 00:00 Vietnam time

describe('reminders to agencies that have not submitted (R18)', () => {
  let s: TestServer;
  let cycleId: string;
  const take = () => received.splice(0, received.length);
  /** What a server's background does for reminders: queue the due ones, then run the queue. */
  const tick = async () => {
    const queued = await queueDueReminders(s.deps);
    const ran = await runDueJobs(s.deps, silentLog);
    return { ...queued, ...ran };
  };
  const NOTHING = { queued: 0, skipped: 0, done: 0, retried: 0, failed: 0 };
  const rowsOf = (daysBefore: number) =>
    s.deps.database.db
      .select()
      .from(remindersSent)
      .where(and(eq(remindersSent.cycleId, cycleId), eq(remindersSent.daysBefore, daysBefore)));

  beforeAll(async () => {
    registerBackgroundWork();
    const mailer = smtpMailer(
      loadConfig({
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(port),
        SMTP_SECURE: 'false',
        SMTP_FROM: 'Sở TT&TT Cao Bằng <chiso@caobang.gov.vn>',
      }),
    );
    s = await testServer({
      now: '2017-10-01T01:00:00Z',
      mailer,
      env: { CHISO_PUBLIC_URL: 'https://chiso.caobang.gov.vn' },
    });
    const db = s.deps.database.db;
    cycleId = (await createCycle(db, { state: 'open' })).id;
    await createSubmission(db, cycleId, 'STTTT', { submittedAt: new Date('2017-09-30T03:00:00Z') });
    await createSubmission(db, cycleId, 'SYT', { status: 'draft' });
    await s.createUser('bc.stc', 'reporter', 'STC');
    await s.createUser('bc.stc2', 'reporter', 'STC');
    await s.createUser('bc.tpcb', 'reporter', 'TPCB');
    await s.createUser('bc.stttt', 'reporter', 'STTTT');
    const gone = await s.createUser('bc.tpcb.cu', 'reporter', 'TPCB');
    await db.update(users).set({ active: false }).where(eq(users.id, gone));
    const noMail = await s.createUser('bc.hha', 'reporter', 'HHA');
    await db.update(users).set({ email: null }).where(eq(users.id, noMail));
  });
  afterAll(() => s.close());

  it('sends nothing before the first reminder day', async () => {
    s.clock.set(DEADLINE - 14 * DAY - 60_000);
    expect(await tick()).toEqual(NOTHING);
    expect(received).toHaveLength(0);
    expect(await rowsOf(14)).toHaveLength(0);
  });

  it('14 days before: one mail per agency not submitted, to its active reporters, in Vietnamese', async () => {
    s.clock.set(DEADLINE - 14 * DAY);
    const run = await tick();
    // One job per agency not submitted (33 less Sở TT&TT); a mail where someone has an address.
    expect(run).toMatchObject({ queued: 32, done: 32, failed: 0 });
    const mails = take().sort((a, b) => a.to[0]!.localeCompare(b.to[0]!));
    expect(mails.map((m) => m.to.sort())).toEqual([
      ['bc.stc2@example.test', 'bc.stc@example.test'].sort(),
      ['bc.tpcb@example.test'],
    ]);
    const stc = mails[0]!;
    expect(stc.subject).toBe(
      'Nhắc nộp báo cáo đánh giá mức độ ứng dụng CNTT năm 2017: còn 14 ngày, hạn trước 01/11/2017 00:00',
    );
    expect(stc.text).toContain('Kính gửi: Sở Tài chính');
    expect(stc.text).toContain(
      'Đến 18/10/2017 00:00, hệ thống chưa nhận được báo cáo của đơn vị cho kỳ "Đánh giá mức độ ứng dụng CNTT năm 2017".',
    );
    expect(stc.text).toContain(
      'Hạn nộp: trước 01/11/2017 00:00 (giờ Việt Nam), tức là đến hết ngày 31/10/2017; còn 14 ngày.',
    );
    expect(stc.text).toContain('Việc cần làm:');
    expect(stc.text).toContain(
      '1. Đăng nhập hệ thống tại https://chiso.caobang.gov.vn bằng tài khoản người báo cáo của đơn vị.',
    );
    expect(stc.text).toContain('bấm "Nộp báo cáo" trước hạn');
    expect(mails[1]!.text).toContain('Kính gửi: UBND thành phố Cao Bằng');

    // Recorded for every agency not submitted (33 less Sở TT&TT); sent only where someone has an address.
    const rows = await rowsOf(14);
    expect(rows).toHaveLength(32);
    expect(rows.filter((r) => r.recipients !== '')).toHaveLength(2);
    expect(rows.find((r) => r.recipients.includes('bc.tpcb@'))!.recipients).toBe('bc.tpcb@example.test');
  });

  it('never sends the same reminder twice, even when two servers run the duty at once', async () => {
    s.clock.advance(60_000);
    expect(await tick()).toEqual(NOTHING);
    const both = await Promise.all([tick(), tick()]);
    expect(both).toEqual([NOTHING, NOTHING]);
    expect(received).toHaveLength(0);
  });

  it('7 days before: none to an agency that has submitted meanwhile; one each even with concurrent ticks', async () => {
    await createSubmission(s.deps.database.db, cycleId, 'STC', { submittedAt: new Date(DEADLINE - 8 * DAY) });
    s.clock.set(DEADLINE - 7 * DAY + 30 * 60_000);
    const both = await Promise.all([tick(), tick()]);
    // Each reminder queued once and run once, whichever server did it.
    expect(both[0]!.queued + both[1]!.queued).toBe(31);
    expect(both[0]!.done + both[1]!.done).toBe(31);
    const mails = take();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['bc.tpcb@example.test']);
    expect(mails[0]!.subject).toContain('còn 7 ngày');
    expect((await rowsOf(7)).map((r) => r.agencyId)).not.toContain(await s.agencyId('STC'));
  });

  it('2 days before: a send the mail server refuses is not recorded as sent, and is retried after a pause', async () => {
    s.clock.set(DEADLINE - 2 * DAY);
    refuse = true;
    const failed = await tick();
    refuse = false;
    expect(failed).toMatchObject({ retried: 1, failed: 0 });
    expect(received).toHaveLength(0);
    const tpcb = await s.agencyId('TPCB');
    expect((await rowsOf(2)).map((r) => r.agencyId)).not.toContain(tpcb);
    // Not before its pause is over.
    s.clock.advance(retryDelay(1) - 1000);
    expect((await tick()).done).toBe(0);
    s.clock.advance(1000);
    expect(await tick()).toMatchObject({ queued: 0, done: 1 });
    const mails = take();
    expect(mails.map((m) => m.to)).toEqual([['bc.tpcb@example.test']]);
    expect(mails[0]!.subject).toContain('còn 2 ngày');
    expect((await rowsOf(2)).find((r) => r.agencyId === tpcb)!.recipients).toBe('bc.tpcb@example.test');
  });

  it('1 day before: the schedule, due every minute, sends it through the queue; after the deadline nothing goes out', async () => {
    s.clock.set(DEADLINE - DAY - 30_000);
    await ensureSchedules(s.deps.database.db, s.clock.now());
    // Two servers' ticks in the same minute: the schedule's run is taken by one of them.
    s.clock.advance(30_000);
    await Promise.all([backgroundTick(s.deps, silentLog), backgroundTick(s.deps, silentLog)]);
    const mails = take();
    expect(mails.map((m) => m.to)).toEqual([['bc.tpcb@example.test']]);
    expect(mails[0]!.subject).toContain('còn 1 ngày');
    s.clock.set(DEADLINE);
    await backgroundTick(s.deps, silentLog);
    expect(received).toHaveLength(0);
  });

  it('after a gap sends only the nearest reminder and records the earlier ones as skipped', async () => {
    const db = s.deps.database.db;
    await db.update(cycles).set({ state: 'closed' }).where(eq(cycles.id, cycleId));
    const deadline2018 = Date.parse('2018-10-31T17:00:00Z');
    const next = await createCycle(db, { year: 2018, state: 'open', deadline: new Date(deadline2018) });
    // The server was off from before the 14-day point until 5 days before the deadline.
    s.clock.set(deadline2018 - 5 * DAY);
    const run = await tick();
    // Nobody has submitted for 2018 yet: Sở Tài chính, Sở TT&TT and the city hear from us.
    expect(run).toMatchObject({ queued: 33, done: 33 });
    const mails = take();
    expect(mails.map((m) => m.to.length).sort()).toEqual([1, 1, 2]);
    for (const m of mails) expect(m.subject).toContain('còn 5 ngày');
    const rows = await db.select().from(remindersSent).where(eq(remindersSent.cycleId, next.id));
    const by = (n: number) => rows.filter((r) => r.daysBefore === n);
    expect(by(14)).toHaveLength(33);
    expect(by(14).every((r) => r.recipients === '')).toBe(true);
    expect(by(7).filter((r) => r.recipients !== '')).toHaveLength(3);
    expect(by(2)).toHaveLength(0);
    expect(await tick()).toEqual(NOTHING);
    expect(received).toHaveLength(0);
  });

  it('lets the administrator remind now, with an audit row and without touching the schedule', async () => {
    const db = s.deps.database.db;
    const [next] = await db.select().from(cycles).where(eq(cycles.year, 2018));
    const before = await db.select().from(remindersSent).where(eq(remindersSent.cycleId, next!.id));
    const assessor = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${next!.id}/reminders/send`,
      cookie: await s.as('assessor'),
    });
    expect(assessor.statusCode).toBe(403);

    const res = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${next!.id}/reminders/send`,
      cookie: await s.as('admin'),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.queued.map((a: { code: string }) => a.code)).toEqual(['STC', 'STTTT', 'TPCB']);
    expect(body.withoutRecipients).toHaveLength(30);
    expect(body.withoutRecipients.map((a: { code: string }) => a.code)).toContain('HHA');
    // Queued with the audit row; the queue sends them.
    expect(received).toHaveLength(0);
    expect(await runDueJobs(s.deps, silentLog)).toMatchObject({ done: 3, failed: 0 });
    const mails = take();
    expect(mails).toHaveLength(3);
    expect(mails.find((m) => m.to.includes('bc.tpcb@example.test'))!.text).toContain(
      'Kính gửi: UBND thành phố Cao Bằng',
    );

    const after = await db.select().from(remindersSent).where(eq(remindersSent.cycleId, next!.id));
    expect(after).toHaveLength(before.length);
    const [row] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.cycleId, next!.id), eq(auditLog.action, 'progress.remind')));
    expect(row).toMatchObject({ actorRole: 'admin', entityType: 'cycle', entityId: next!.id });
    expect(row!.newValue).toMatchObject({ queued: [{ code: 'STC' }, { code: 'STTTT' }, { code: 'TPCB' }] });

    const closed = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycleId}/reminders/send`,
      cookie: await s.as('admin'),
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toBe(
      'Chỉ gửi nhắc nhở khi kỳ đánh giá đang nhận báo cáo (kỳ này: "Đã hết hạn nộp")',
    );
  });
});
