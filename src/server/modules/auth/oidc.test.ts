/**
 * Signing in through the province's single sign-on, against a real OpenID Connect provider
 * (oidc-provider on a loopback port, test/oidc-provider.ts) over real HTTP: the test walks the
 * provider's own pages with fetch like a browser without scripts, and opens chiso's addresses
 * through app.inject (the server itself calls the provider for discovery, token and userinfo).
 */
import { randomBytes } from 'node:crypto';
import { desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAtProvider, startTestProvider, type TestProvider } from '../../../../test/oidc-provider.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { auditLog, oidcLogins, users } from '../../db/schema.ts';
import { ConfigError, loadConfig } from '../../platform/config.ts';

const PUBLIC_URL = 'http://chiso.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;

let idp: TestProvider;
let s: TestServer;
const ids: Record<string, string> = {};

beforeAll(async () => {
  idp = await startTestProvider({
    // The reporter's address, written another way (case, spaces): the same person.
    'bao-cao': { email: ' BaoCao.STTTT@Example.Test', email_verified: true, name: 'Người báo cáo' },
    'quan-tri': { email: 'quantri.sso@example.test', email_verified: true },
    'chua-xac-minh': { email: 'baocao.stttt@example.test', email_verified: false },
    'khong-thu': { name: 'Không có thư điện tử' },
    'nguoi-la': { email: 'nguoi.la@example.test', email_verified: true },
    'da-nghi': { email: 'danghi.sso@example.test', email_verified: true },
    'trung-thu': { email: 'trung.sso@example.test', email_verified: true },
  });
  idp.allow(CALLBACK);
  s = await testServer({ env: { ...idp.env, CHISO_PUBLIC_URL: PUBLIC_URL } });
  ids.reporter = await s.createUser('baocao.stttt', 'reporter', 'STTTT');
  ids.admin = await s.createUser('quantri.sso', 'admin');
  ids.retired = await s.createUser('danghi.sso', 'viewer');
  await s.deps.database.db.update(users).set({ active: false }).where(eq(users.id, ids.retired));
  for (const name of ['trung.mot', 'trung.hai']) {
    const id = await s.createUser(name, 'viewer');
    await s.deps.database.db.update(users).set({ email: 'Trung.SSO@example.test' }).where(eq(users.id, id));
  }
});
afterAll(async () => {
  await s?.close();
  await idp?.close();
});

/** Each attempt from its own address, so that the start route's rate limit is tested on its own. */
let addresses = 0;
const nextAddress = () => `10.1.0.${++addresses}`;

/** Presses the button: chiso answers with the provider's address and a cookie binding this browser. */
async function start(next?: string, remoteAddress = nextAddress()) {
  const res = await s.request({
    method: 'GET',
    url: `/api/v1/auth/oidc/start${next === undefined ? '' : `?next=${encodeURIComponent(next)}`}`,
    remoteAddress,
  });
  expect(res.statusCode, res.body).toBe(303);
  const bound = res.cookies.find((c) => c.name === 'chiso_sso');
  return { location: String(res.headers.location), cookie: bound && `chiso_sso=${bound.value}`, bound };
}

/** Opens the address the provider sent the browser back to, in the browser that started (or another). */
async function back(to: string, cookie: string | undefined) {
  const url = new URL(to);
  expect(`${url.origin}${url.pathname}`).toBe(CALLBACK);
  const res = await s.request({ method: 'GET', url: `${url.pathname}${url.search}`, cookie });
  expect(res.statusCode, res.body).toBe(303);
  const session = res.cookies.find((c) => c.name === 'chiso_session');
  return { location: String(res.headers.location), session, res };
}

async function signInAs(login: string, next?: string) {
  const started = await start(next);
  const answer = await signInAtProvider(started.location, login);
  return { ...(await back(answer, started.cookie)), answer, started };
}

const lastAudit = async () =>
  (
    await s.deps.database.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.action, ['auth.login', 'auth.login_failed']))
      .orderBy(desc(auditLog.id))
      .limit(1)
  )[0]!;

describe('single sign-on through the provincial provider', () => {
  it('tells the sign-in screen that it is on, with the default label', async () => {
    const res = await s.request({ method: 'GET', url: '/api/v1/auth/oidc' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      enabled: true,
      label: {
        vi: 'Đăng nhập bằng tài khoản một cửa của tỉnh',
        en: 'Sign in with the province’s single sign-on account',
      },
    });
  });

  it('sends the browser to the provider with PKCE, state and nonce, bound to this browser', async () => {
    const started = await start('/bao-cao');
    const url = new URL(started.location);
    expect(url.origin).toBe(idp.issuer);
    const q = url.searchParams;
    expect(q.get('client_id')).toBe('chiso-thu');
    expect(q.get('response_type')).toBe('code');
    expect(q.get('redirect_uri')).toBe(CALLBACK);
    expect(q.get('scope')).toBe('openid email');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(q.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(started.bound).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/api/v1/auth/oidc',
      maxAge: 600,
    });
    // Nothing the callback checks is in the browser: the verifier stays in the database.
    expect(started.location).not.toContain('code_verifier');
  });

  it("signs the reporter in by the provider's verified e-mail, exactly as a password would, and returns to the page", async () => {
    const { location, session } = await signInAs('bao-cao', '/bao-cao/2017?tab=2');
    expect(location).toBe('/bao-cao/2017?tab=2');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session!.maxAge).toBe(12 * 3600);
    const me = await s.request({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookie: `chiso_session=${session!.value}`,
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username: 'baocao.stttt', role: 'reporter' });
    // The session works for the reporter's own work.
    const cycles = await s.request({
      method: 'GET',
      url: '/api/v1/cycles',
      cookie: `chiso_session=${session!.value}`,
    });
    expect(cycles.statusCode).toBe(200);
    expect(await lastAudit()).toMatchObject({
      action: 'auth.login',
      entityId: ids.reporter,
      actorId: null,
      newValue: { method: 'oidc', issuer: idp.issuer, subject: 'bao-cao' },
    });
  });

  it("never signs an administrator in through single sign-on, even with the provider's word", async () => {
    const { location, session } = await signInAs('quan-tri');
    expect(location).toBe('/?loi-dang-nhap=sso_admin');
    expect(session).toBeUndefined();
    // The sign-in screen asks for the message of the code in its address.
    const info = await s.request({ method: 'GET', url: '/api/v1/auth/oidc?refusal=sso_admin' });
    expect(info.json().refusal).toEqual({
      vi: 'Tài khoản quản trị không đăng nhập bằng tài khoản một cửa. Hãy dùng tên đăng nhập và mật khẩu.',
      en: 'Administrator accounts do not sign in through single sign-on. Use your user name and password.',
    });
    // A code it does not know gets no message (a made-up link shows nothing).
    const made = await s.request({
      method: 'GET',
      url: `/api/v1/auth/oidc?refusal=${encodeURIComponent('Hãy gọi số 0123')}`,
    });
    expect(made.statusCode).toBe(200);
    expect(made.json().refusal).toBeUndefined();
    expect(await lastAudit()).toMatchObject({
      action: 'auth.login_failed',
      entityId: ids.admin,
      newValue: { method: 'oidc', reason: 'sso_admin', email: 'quantri.sso@example.test' },
    });
  });

  it('refuses an e-mail the provider has not verified, or none, even when it matches an account', async () => {
    const unverified = await signInAs('chua-xac-minh', '/bao-cao');
    expect(unverified.location).toBe('/bao-cao?loi-dang-nhap=sso_unverified');
    expect(unverified.session).toBeUndefined();
    expect((await lastAudit()).newValue).toMatchObject({ reason: 'sso_unverified' });
    const none = await signInAs('khong-thu');
    expect(none.location).toBe('/?loi-dang-nhap=sso_unverified');
    expect(none.session).toBeUndefined();
  });

  it('never creates an account: an unknown e-mail, a deactivated account, an address shared by two accounts are refused', async () => {
    const before = (await s.deps.database.db.select({ id: users.id }).from(users)).length;
    const unknown = await signInAs('nguoi-la');
    expect(unknown.location).toBe('/?loi-dang-nhap=sso_no_account');
    expect(unknown.session).toBeUndefined();
    expect((await lastAudit()).newValue).toMatchObject({
      reason: 'sso_no_account',
      email: 'nguoi.la@example.test',
    });
    const retired = await signInAs('da-nghi');
    expect(retired.location).toBe('/?loi-dang-nhap=sso_no_account');
    const shared = await signInAs('trung-thu');
    expect(shared.location).toBe('/?loi-dang-nhap=sso_ambiguous');
    expect(shared.session).toBeUndefined();
    expect((await s.deps.database.db.select({ id: users.id }).from(users)).length).toBe(before);
  });

  it('refuses a replayed answer, a forged state, and an answer opened in another browser', async () => {
    const first = await signInAs('bao-cao');
    expect(first.session).toBeDefined();
    // The same answer again (a copied address, the back button): the state was used.
    const replay = await back(first.answer, first.started.cookie);
    expect(replay.location).toBe('/?loi-dang-nhap=sso_state');
    expect(replay.session).toBeUndefined();
    expect((await lastAudit()).newValue).toMatchObject({
      reason: 'sso_state',
      detail: 'unknown or used state',
    });

    // A state chiso never issued, with a real code of the provider.
    const started = await start();
    const answer = new URL(await signInAtProvider(started.location, 'bao-cao'));
    const forged = new URL(answer);
    forged.searchParams.set('state', randomBytes(32).toString('base64url'));
    expect((await back(forged.href, started.cookie)).location).toBe('/?loi-dang-nhap=sso_state');
    expect((await back(`${CALLBACK}?code=abc`, started.cookie)).location).toBe('/?loi-dang-nhap=sso_state');

    // Someone else's answer (a link sent to a victim to sign them in as the attacker): refused,
    // and the attempt is spent, so the right browser cannot use it afterwards either.
    const other = await back(answer.href, undefined);
    expect(other.location).toBe('/?loi-dang-nhap=sso_state');
    expect((await lastAudit()).newValue).toMatchObject({ detail: 'another browser' });
    expect((await back(answer.href, started.cookie)).location).toBe('/?loi-dang-nhap=sso_state');
  });

  it('refuses an attempt that took more than ten minutes', async () => {
    const started = await start();
    const answer = await signInAtProvider(started.location, 'bao-cao');
    s.clock.advance(10 * 60_000 + 1_000);
    const late = await back(answer, started.cookie);
    expect(late.location).toBe('/?loi-dang-nhap=sso_state');
    expect((await lastAudit()).newValue).toMatchObject({ detail: 'expired' });
    // The next start forgets attempts that never came back.
    await start();
    const left = await s.deps.database.db.select().from(oidcLogins);
    expect(left.every((r) => r.expiresAt > s.clock.now())).toBe(true);
  });

  it("checks the ID token's nonce against the one sent", async () => {
    const started = await start();
    const answer = await signInAtProvider(started.location, 'bao-cao');
    // As if the token came from another sign-in: the nonce kept for this one differs.
    await s.deps.database.db.update(oidcLogins).set({ nonce: 'mot-nonce-khac' });
    const res = await back(answer, started.cookie);
    expect(res.location).toBe('/?loi-dang-nhap=sso_failed');
    expect(res.session).toBeUndefined();
    expect((await lastAudit()).newValue).toMatchObject({
      reason: 'sso_failed',
      detail: expect.stringMatching(/"nonce" claim/),
    });
  });

  it("returns the provider's error (the person cancelled) to the sign-in screen, never as an error page", async () => {
    const started = await start('/ky');
    const state = new URL(started.location).searchParams.get('state')!;
    const res = await back(
      `${CALLBACK}?error=access_denied&error_description=End-User+aborted&state=${state}`,
      started.cookie,
    );
    expect(res.location).toBe('/ky?loi-dang-nhap=sso_cancelled');
    const started2 = await start();
    const state2 = new URL(started2.location).searchParams.get('state')!;
    const res2 = await back(`${CALLBACK}?error=server_error&state=${state2}`, started2.cookie);
    expect(res2.location).toBe('/?loi-dang-nhap=sso_failed');
  });

  it('returns only to a page of this site', async () => {
    for (const next of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      '/api/v1/auth/me',
      'bao-cao',
    ]) {
      await start(next);
      const [row] = await s.deps.database.db
        .select()
        .from(oidcLogins)
        .orderBy(desc(oidcLogins.createdAt))
        .limit(1);
      expect(row?.returnTo, next).toBe('/');
    }
  });

  it('limits how often one address may start a sign-in', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await s.request({ method: 'GET', url: '/api/v1/auth/oidc/start', remoteAddress: '10.9.9.9' }))
          .statusCode,
      );
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(303));
    expect(statuses[10]).toBe(429);
  });
});

describe('when the provider is not configured', () => {
  let off: TestServer;
  beforeAll(async () => {
    off = await testServer();
  });
  afterAll(() => off?.close());

  it('says so, and the routes send the browser back to the sign-in screen with the reason', async () => {
    expect((await off.request({ method: 'GET', url: '/api/v1/auth/oidc' })).json()).toEqual({
      enabled: false,
    });
    const startRes = await off.request({ method: 'GET', url: '/api/v1/auth/oidc/start?next=/bao-cao' });
    expect(startRes.statusCode).toBe(303);
    expect(startRes.headers.location).toBe('/bao-cao?loi-dang-nhap=sso_off');
    expect(startRes.cookies).toEqual([]);
    const cb = await off.request({ method: 'GET', url: '/api/v1/auth/oidc/callback?code=x&state=y' });
    expect(cb.headers.location).toBe('/?loi-dang-nhap=sso_off');
    expect(cb.cookies.find((c) => c.name === 'chiso_session')).toBeUndefined();
  });
});

describe('the single sign-on settings', () => {
  const base = { CHISO_DATA_DIR: '/tmp' };
  it('are off without an issuer, and need the client id and secret with one', () => {
    expect(loadConfig(base).oidc).toBeUndefined();
    expect(loadConfig({ ...base, CHISO_OIDC_CLIENT_ID: 'x' }).oidc).toBeUndefined();
    expect(() => loadConfig({ ...base, CHISO_OIDC_ISSUER: 'https://sso.caobang.gov.vn' })).toThrow(
      /CHISO_OIDC_CLIENT_ID: required when CHISO_OIDC_ISSUER is set\n {2}CHISO_OIDC_CLIENT_SECRET/,
    );
  });

  it('take https issuers, http only on this machine, and always ask for openid and email', () => {
    const full = { ...base, CHISO_OIDC_CLIENT_ID: 'chiso', CHISO_OIDC_CLIENT_SECRET: 's' };
    expect(loadConfig({ ...full, CHISO_OIDC_ISSUER: 'https://sso.caobang.gov.vn/realms/tinh' }).oidc).toEqual(
      {
        issuer: 'https://sso.caobang.gov.vn/realms/tinh',
        clientId: 'chiso',
        clientSecret: 's',
        label: {
          vi: 'Đăng nhập bằng tài khoản một cửa của tỉnh',
          en: 'Sign in with the province’s single sign-on account',
        },
        scope: 'openid email',
      },
    );
    expect(() => loadConfig({ ...full, CHISO_OIDC_ISSUER: 'http://sso.caobang.gov.vn' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ ...full, CHISO_OIDC_ISSUER: 'https://sso.caobang.gov.vn/?a=b' })).toThrow(
      /CHISO_OIDC_ISSUER: must be an https/,
    );
    expect(loadConfig({ ...full, CHISO_OIDC_ISSUER: 'http://localhost:8080' }).oidc?.issuer).toBe(
      'http://localhost:8080',
    );
    const custom = loadConfig({
      ...full,
      CHISO_OIDC_ISSUER: 'https://sso.caobang.gov.vn',
      CHISO_OIDC_LABEL: 'Đăng nhập qua Cổng dịch vụ công',
      CHISO_OIDC_SCOPES: 'profile openid',
    }).oidc;
    expect(custom?.label).toEqual({ vi: 'Đăng nhập qua Cổng dịch vụ công' });
    expect(custom?.scope).toBe('openid email profile');
    expect(() =>
      loadConfig({
        ...full,
        CHISO_OIDC_ISSUER: 'https://sso.caobang.gov.vn',
        CHISO_OIDC_SCOPES: 'openid  "email"',
      }),
    ).toThrow(/CHISO_OIDC_SCOPES/);
  });
});
