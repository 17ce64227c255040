import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestServer, testServer } from '../../../../test/server.ts';
import { buildApp } from '../../app.ts';
import { loginThrottle } from '../../db/schema.ts';

let s: TestServer;
beforeAll(async () => {
  s = await testServer();
});
afterAll(() => s.close());

describe('signing in', () => {
  it('signs the first administrator in and shows who is signed in', async () => {
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'Admin', password: 'Quan-tri-thu-2017' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'admin', role: 'admin' });
    const cookie = res.cookies.find((c) => c.name === 'chiso_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await s.request({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookie: `chiso_session=${cookie.value}`,
    });
    expect(me.json().user.username).toBe('admin');
  });

  it('refuses a wrong password with a Vietnamese message, and never says which part was wrong', async () => {
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'sai-mat-khau' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: 'bad_credentials',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng',
    });
    const unknown = await s.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody', password: 'sai-mat-khau' },
    });
    expect(unknown.json().error.message).toBe(res.json().error.message);
  });

  it('slows down one computer after five failures on a name, more each time, without locking the person out', async () => {
    await s.createUser('khoa.thu', 'viewer');
    const from = (remoteAddress: string, password: string) =>
      s.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress,
        payload: { username: 'khoa.thu', password },
      });
    for (let i = 0; i < 4; i++) expect((await from('10.0.0.66', 'sai')).statusCode).toBe(401);
    // The fifth failure holds this computer for a minute on this name.
    expect((await from('10.0.0.66', 'sai')).statusCode).toBe(401);
    const held = await from('10.0.0.66', TEST_PASSWORD);
    expect(held.statusCode).toBe(429);
    expect(held.headers['retry-after']).toBe('60');
    expect(held.json().error.message).toBe('Đăng nhập sai quá nhiều lần từ máy này. Hãy thử lại sau 1 phút.');
    // The owner of the account, at another computer, is not held.
    expect((await from('10.0.0.7', TEST_PASSWORD)).statusCode).toBe(200);

    // The next failure from the attacker's computer holds it twice as long, then four times.
    s.clock.advance(61_000);
    expect((await from('10.0.0.66', 'sai')).statusCode).toBe(401);
    expect((await from('10.0.0.66', TEST_PASSWORD)).headers['retry-after']).toBe('120');
    s.clock.advance(121_000);
    expect((await from('10.0.0.66', 'sai')).statusCode).toBe(401);
    expect((await from('10.0.0.66', TEST_PASSWORD)).headers['retry-after']).toBe('240');
    s.clock.advance(241_000);
    // A success clears the hold.
    expect((await from('10.0.0.66', TEST_PASSWORD)).statusCode).toBe(200);
    expect((await from('10.0.0.66', 'sai')).statusCode).toBe(401);
  });

  it('holds one address that fails on many names, whichever server counted the failures', async () => {
    // 29 failures from one address on several names, counted by other servers (the count is shared).
    await s.deps.database.db
      .insert(loginThrottle)
      .values({ key: 'ip:10.9.9.9', failures: 29, windowStart: new Date(s.clock.now().getTime() - 60_000) });
    const login = (username: string, password: string) =>
      s.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { username, password },
      });
    expect((await login('doan-30', 'sai')).statusCode).toBe(401);
    const res = await login('khoa.thu', TEST_PASSWORD);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('900');
    expect(res.json().error.message).toMatch(/thử lại sau 15 phút/);
    s.clock.advance(16 * 60_000);
    expect((await login('khoa.thu', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('asks for sign-in on protected routes and refuses a forged cookie', async () => {
    expect((await s.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const res = await s.request({ method: 'GET', url: '/api/v1/auth/me', cookie: 'chiso_session=forged' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('Bạn cần đăng nhập');
  });

  it('tells a visitor’s browser that nobody is signed in without an error, and a signed-in one who it is', async () => {
    const visitor = await s.request({ method: 'GET', url: '/api/v1/auth/session' });
    expect(visitor.statusCode).toBe(200);
    expect(visitor.json()).toEqual({ user: null });
    const forged = await s.request({
      method: 'GET',
      url: '/api/v1/auth/session',
      cookie: 'chiso_session=forged',
    });
    expect(forged.json()).toEqual({ user: null });
    const cookie = await s.login('admin', 'Quan-tri-thu-2017');
    const me = await s.request({ method: 'GET', url: '/api/v1/auth/session', cookie });
    expect(me.json().user).toMatchObject({ username: 'admin', role: 'admin' });
  });

  it('signs out: the old cookie no longer works', async () => {
    const cookie = await s.login('admin', 'Quan-tri-thu-2017');
    expect((await s.request({ method: 'POST', url: '/api/v1/auth/logout', cookie })).statusCode).toBe(204);
    expect((await s.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
  });

  it('changes a password: the old one stops working, other sessions end', async () => {
    await s.createUser('doi.mk', 'assessor');
    const first = await s.login('doi.mk');
    const second = await s.login('doi.mk');
    const weak = await s.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      cookie: first,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'ngan' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({
      field: 'newPassword',
      message: 'Mật khẩu phải có ít nhất 10 ký tự',
    });
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      cookie: first,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Mat-khau-moi-2018' },
    });
    expect(res.statusCode).toBe(204);
    const renewed = res.cookies.find((c) => c.name === 'chiso_session')!;
    expect((await s.request({ method: 'GET', url: '/api/v1/auth/me', cookie: second })).statusCode).toBe(401);
    expect(
      (await s.request({ method: 'GET', url: '/api/v1/auth/me', cookie: `chiso_session=${renewed.value}` }))
        .statusCode,
    ).toBe(200);
    await expect(s.login('doi.mk')).rejects.toThrow(/401/);
    expect(await s.login('doi.mk', 'Mat-khau-moi-2018')).toMatch(/^chiso_session=/);
  });
});

describe('protections on every response', () => {
  it('sends security headers and a request id, and never caches the API', async () => {
    const res = await s.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses a state change from another origin', async () => {
    const cookie = await s.as('admin');
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookie,
      headers: { origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('Yêu cầu từ trang web khác bị từ chối');
    const cross = await s.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookie,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(cross.statusCode).toBe(403);
  });

  it('answers unknown routes and bad JSON with the JSON error format', async () => {
    const missing = await s.request({ method: 'GET', url: '/api/v1/nowhere' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    const bad = await s.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBeDefined();
  });

  it('reports the health of the database', async () => {
    const res = await s.request({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('ok');
  });

  it('describes the API in OpenAPI with a browsable page', async () => {
    const spec = await s.request({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    expect(spec.json().paths['/api/v1/auth/login']).toBeDefined();
    const docs = await s.request({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });
});

describe('logs', () => {
  it('are structured, carry the request id, and never hold a password or a session token', async () => {
    const lines: string[] = [];
    const app = await buildApp(
      { ...s.deps, config: { ...s.deps.config, logLevel: 'debug' } },
      { logStream: { write: (l) => lines.push(l) } },
    );
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'Quan-tri-thu-2017' },
      headers: { 'x-request-id': 'req-log-test-1' },
    });
    const token = login.cookies.find((c) => c.name === 'chiso_session')!.value;
    await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `chiso_session=${token}` },
    });
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'Sai-mat-khau-99' },
    });
    await app.close();
    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(text).toContain('"reqId":"req-log-test-1"');
    expect(text).not.toContain('Quan-tri-thu-2017');
    expect(text).not.toContain('Sai-mat-khau-99');
    expect(text).not.toContain(token);
  });
});

describe('served over plain HTTP on an office network', () => {
  it('does not ask browsers to upgrade requests to HTTPS unless the system is on HTTPS', async () => {
    const res = await s.request({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    const https = await buildApp(
      { ...s.deps, config: { ...s.deps.config, secureCookies: true } },
      { logger: false },
    );
    const secure = await https.inject({ method: 'GET', url: '/healthz' });
    await https.close();
    expect(secure.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
  });
});
