/**
 * The application's own defences, route by route (findings of a security probe): a temporary
 * password opens nothing but its change; hostile text and bodies get a 400 naming the field, never
 * a 500; logs never hold a query's parameters; headers fit a plain-HTTP office network.
 */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../test/fixtures.ts';
import { TEST_PASSWORD, type TestServer, testServer } from '../../test/server.ts';
import { buildApp } from './app.ts';
import type { cycles } from './db/schema.ts';
import { users } from './db/schema.ts';
import { loadConfig } from './platform/config.ts';
import { redactedError } from './platform/db-errors.ts';

let s: TestServer;
let cycle: typeof cycles.$inferSelect;
beforeAll(async () => {
  s = await testServer();
  cycle = await createCycle(s.deps.database.db, { state: 'open' });
});
afterAll(() => s.close());

describe('an account with a temporary password', () => {
  it('may only read who it is, change the password and sign out until it has changed it', async () => {
    const id = await s.createUser('tam.thoi', 'admin');
    await s.deps.database.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, id));
    const cookie = await s.login('tam.thoi');
    for (const [method, url, payload] of [
      ['GET', '/api/v1/users', undefined],
      ['POST', '/api/v1/users', { username: 'x', displayName: 'X', role: 'viewer' }],
      ['POST', '/api/v1/cycles', { year: 2030 }],
      ['GET', '/api/v1/cycles', undefined],
    ] as const) {
      const res = await s.request({ method, url, cookie, ...(payload && { payload }) });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error).toMatchObject({
        code: 'must_change_password',
        message: 'Bạn đang dùng mật khẩu tạm thời: hãy đổi mật khẩu trước khi dùng hệ thống.',
      });
    }
    expect((await s.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).json().user).toMatchObject({
      username: 'tam.thoi',
      mustChangePassword: true,
    });
    const changed = await s.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      cookie,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Mat-khau-moi-2018' },
    });
    expect(changed.statusCode).toBe(204);
    const fresh = changed.cookies.find((c) => c.name === 'chiso_session')!;
    const after = await s.request({
      method: 'GET',
      url: '/api/v1/users',
      cookie: `chiso_session=${fresh.value}`,
    });
    expect(after.statusCode).toBe(200);
  });
});

describe('hostile input', () => {
  const formUrl = async (code: string) =>
    `/api/v1/cycles/${cycle.id}/agencies/${await s.agencyId(code)}/submission`;

  it('refuses a NUL character or half a surrogate pair anywhere, naming the field', async () => {
    const login = await s.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin\u0000', password: 'x' },
    });
    expect(login.statusCode).toBe(400);
    expect(login.json().error).toMatchObject({
      field: 'username',
      message: 'Dữ liệu gửi lên không hợp lệ ở "username": chứa ký tự rỗng (NUL)',
    });

    const reporter = await s.as('reporter', 'STTTT');
    const url = `${await formUrl('STTTT')}/values`;
    const surrogate = await s.request({
      method: 'PUT',
      url,
      cookie: reporter,
      payload: `{"version":null,"values":{"apps_list":"Phần mềm \\ud800 lỗi"}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json().error.field).toBe('values.apps_list');
    expect(surrogate.json().error.message).toMatch(/nửa cặp thay thế/);

    const key = await s.request({
      method: 'PUT',
      url,
      cookie: reporter,
      payload: { version: null, values: { 'tên\u0000': 1 } },
    });
    expect(key.statusCode).toBe(400);
    expect(key.json().error.field).toBe('values.tên\u0000');

    const query = await s.request({
      method: 'GET',
      url: `/api/v1/cycles/${cycle.id}/progress?group=a%00b`,
      cookie: await s.as('assessor'),
    });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.field).toBe('group');

    // A well-formed pair (an emoji) is text like any other.
    const emoji = await s.request({
      method: 'PUT',
      url,
      cookie: reporter,
      payload: { version: null, values: { apps_list: 'Một cửa 😀' } },
    });
    expect(emoji.statusCode).toBe(200);
  });

  it('refuses a 5,000-deep array in a value with a 400, not a stack overflow', async () => {
    const reporter = await s.as('reporter', 'SYT');
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const res = await s.request({
      method: 'PUT',
      url: `${await formUrl('SYT')}/values`,
      cookie: reporter,
      payload: `{"version":null,"values":{"total_staff":${deep}}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/lồng nhau quá 32 tầng/);
  });

  it('answers a truncated or boundary-less upload with a 400 naming the file', async () => {
    const reporter = await s.as('reporter', 'SNV');
    const url = `${await formUrl('SNV')}/evidence`;
    const noBoundary = await s.request({
      method: 'POST',
      url,
      cookie: reporter,
      payload: 'abc',
      headers: { 'content-type': 'multipart/form-data' },
    });
    expect(noBoundary.statusCode).toBe(400);
    expect(noBoundary.json().error.field).toBe('file');
    const boundary = `----chiso${randomBytes(8).toString('hex')}`;
    const cut = await s.request({
      method: 'POST',
      url,
      cookie: reporter,
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 cut here`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(cut.statusCode).toBe(400);
    expect(cut.json().error).toMatchObject({ field: 'file', code: 'invalid' });
  });

  it('says a too-large JSON body is over 2 MB (not the upload limit)', async () => {
    const reporter = await s.as('reporter', 'STP');
    const res = await s.request({
      method: 'PUT',
      url: `${await formUrl('STP')}/values`,
      cookie: reporter,
      payload: { version: null, values: { apps_list: 'x'.repeat(3 * 1024 * 1024) } },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/tối đa 2 MB/);
  });
});

describe('headers on a plain-HTTP office network', () => {
  it('sends no Strict-Transport-Security and lets /api/docs load over HTTP; HTTPS gets both', async () => {
    const plain = await s.request({ method: 'GET', url: '/api/docs/' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(String(plain.headers['content-security-policy'])).not.toMatch(/upgrade-insecure-requests/);
    expect(
      (await s.request({ method: 'GET', url: '/healthz' })).headers['strict-transport-security'],
    ).toBeUndefined();

    const secure = await buildApp(
      {
        ...s.deps,
        config: loadConfig({
          ...process.env,
          LOG_LEVEL: 'silent',
          CHISO_PUBLIC_URL: 'https://chiso.caobang.gov.vn',
        }),
      },
      { logger: false },
    );
    const res = await secure.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    await secure.close();
  });
});

describe('logs', () => {
  it('keep the query of a failed database call, never its parameters', async () => {
    const lines: string[] = [];
    const secret = `$argon2id$v=19$m=19456,t=2,p=1$${randomBytes(12).toString('base64')}`;
    const app = await buildApp(
      {
        ...s.deps,
        config: loadConfig({ CHISO_DATA_DIR: '/tmp', LOG_LEVEL: 'info' }),
      },
      { logStream: { write: (l) => lines.push(l) } },
    );
    // A query that fails in the database with the secret among its parameters.
    const failing = await s.deps.database.db.execute(sql`select ${secret}::int`).catch((e: unknown) => e);
    const logged = JSON.stringify(redactedError(failing));
    expect(logged).toContain('select $1::int');
    expect(logged).not.toContain(secret);
    expect(logged).toContain('params: [ẩn]');
    // Through the app: an internal error is logged by its serializer, without the secret.
    app.log.error({ err: failing }, 'internal error');
    const line = lines.find((l) => l.includes('internal error'))!;
    expect(line).toContain('select $1::int');
    expect(line).not.toContain(secret);
    await app.close();
  });

  it('say once that a proxy seems to be in front when chiso is not told to trust it', async () => {
    const lines: string[] = [];
    const app = await buildApp(
      { ...s.deps, config: loadConfig({ CHISO_DATA_DIR: '/tmp', LOG_LEVEL: 'info' }) },
      { logStream: { write: (l) => lines.push(l) } },
    );
    for (let i = 0; i < 3; i++)
      await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-for': '10.1.2.3' } });
    expect(lines.filter((l) => l.includes('CHISO_TRUST_PROXY'))).toHaveLength(1);
    await app.close();
  });
});

describe('the request budget', () => {
  it('is one per account, so a busy colleague behind the same office address locks nobody else out', async () => {
    await s.createUser('ban.ron', 'viewer');
    await s.createUser('dong.nghiep', 'viewer');
    const busy = await s.login('ban.ron');
    const colleague = await s.login('dong.nghiep');
    const me = (cookie?: string) =>
      s.request({ method: 'GET', url: '/api/v1/auth/me', ...(cookie && { cookie }) });
    let status = 200;
    for (let i = 0; i < 700 && status === 200; i++) status = (await me(busy)).statusCode;
    expect(status, 'the busy account is held back at last').toBe(429);
    expect((await me(colleague)).statusCode).toBe(200);
    // Someone not signed in is counted by address, apart from the accounts.
    expect((await me()).statusCode).toBe(401);
  });
});
