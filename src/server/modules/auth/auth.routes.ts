/**
 * /auth: sign in, sign out, who am I, change my password; and sign in through the provincial single
 * sign-on (/auth/oidc…: browser navigations that end in a redirect, to the provider or back to a
 * page of chiso — a refusal is the sign-in screen with its code in the address, never an error page).
 */
import { z } from 'zod';
import { SESSION_COOKIE } from '../../platform/auth.ts';
import { type App, type AppDeps, actorOf, callerOf } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schema.ts';
import { authAccess as access, OIDC_REFUSAL_TEXTS } from './auth.policy.ts';
import {
  ChangePasswordBody,
  OIDC_REFUSAL_PARAM,
  OidcCallbackQuery,
  OidcInfo,
  OidcInfoQuery,
  OidcRefusal,
  OidcStartQuery,
  SessionState,
  SignedIn,
  SignInBody,
} from './auth.schema.ts';
import { changePassword } from './change-password.ts';
import { finishOidcSignIn } from './finish-oidc-sign-in.ts';
import { meOf, signIn } from './sign-in.ts';
import { signOut } from './sign-out.ts';
import { startOidcSignIn } from './start-oidc-sign-in.ts';

/** Binds a single sign-on under way to the browser that started it; sent only to /auth/oidc…. */
const OIDC_COOKIE = 'chiso_sso';
const OIDC_COOKIE_PATH = '/api/v1/auth/oidc';

/** A page of this site with a refusal code for the sign-in screen to explain. */
function withRefusal(returnTo: string, refusal: OidcRefusal): string {
  const url = new URL(returnTo, 'http://chiso');
  url.searchParams.set(OIDC_REFUSAL_PARAM, refusal);
  return `${url.pathname}${url.search}${url.hash}`;
}

export function authRoutes(app: App, deps: AppDeps) {
  // Max-Age, not Expires: the browser counts it from its own clock, so a server whose clock is
  // off (or a test server on an injected clock) still gives a session that lasts sessionHours.
  const cookieOptions = (expires: Date) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.secureCookies,
    maxAge: Math.max(0, Math.floor((expires.getTime() - deps.clock.now().getTime()) / 1000)),
  });

  app.post(
    '/auth/login',
    {
      config: { access: access.signIn, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập',
        body: SignInBody,
        response: { 200: SignedIn, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { session, user } = await signIn(deps, actorOf(req), {
        ...req.body,
        userAgent: req.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions(session.expiresAt));
      return { user };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: access.signOut, withTemporaryPassword: true },
      schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 204: z.null() } },
    },
    async (req, reply) => {
      await signOut(deps, callerOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: access.me, withTemporaryPassword: true },
      schema: {
        tags: ['auth'],
        summary: 'Người dùng hiện tại',
        response: { 200: SignedIn, ...errorResponses },
      },
    },
    async (req) => ({ user: meOf(callerOf(req).user) }),
  );

  app.get(
    '/auth/session',
    {
      config: { access: access.session, withTemporaryPassword: true },
      schema: {
        tags: ['auth'],
        summary: 'Ai đang đăng nhập (null khi chưa ai đăng nhập; không trả 401)',
        response: { 200: SessionState, ...errorResponses },
      },
    },
    async (req) => ({ user: req.user ? meOf(req.user) : null }),
  );

  app.post(
    '/auth/password',
    {
      config: {
        access: access.changePassword,
        withTemporaryPassword: true,
        rateLimit: { max: 10, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu của mình',
        body: ChangePasswordBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const session = await changePassword(deps, callerOf(req), req.body);
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions(session.expiresAt));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/oidc',
    {
      config: { access: access.oidcInfo },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập một cửa của tỉnh: có bật không, chữ trên nút, lý do lần thử trước không được',
        querystring: OidcInfoQuery,
        response: { 200: OidcInfo },
      },
    },
    async (req): Promise<OidcInfo> => {
      const oidc = deps.config.oidc;
      const code = OidcRefusal.safeParse(req.query.refusal);
      return {
        enabled: oidc !== undefined,
        ...(oidc && { label: oidc.label }),
        ...(code.success && { refusal: OIDC_REFUSAL_TEXTS[code.data] }),
      };
    },
  );

  app.get(
    '/auth/oidc/start',
    {
      config: { access: access.oidcStart, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Bắt đầu đăng nhập một cửa: chuyển sang trang đăng nhập của tỉnh',
        querystring: OidcStartQuery,
      },
    },
    async (req, reply) => {
      const start = await startOidcSignIn(deps, {
        next: req.query.next,
        requestOrigin: `${req.protocol}://${req.host}`,
      });
      if (!start.started) return reply.redirect(withRefusal(start.returnTo, start.refusal), 303);
      reply.setCookie(OIDC_COOKIE, start.browserKey, {
        path: OIDC_COOKIE_PATH,
        httpOnly: true,
        // Lax: sent when the provider sends the browser back (a top-level GET from its site).
        sameSite: 'lax',
        secure: deps.config.secureCookies,
        maxAge: start.maxAgeSeconds,
      });
      return reply.redirect(start.authorizationUrl, 303);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { access: access.oidcCallback, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Trang một cửa của tỉnh trả về: kiểm tra, bắt đầu phiên đăng nhập',
        querystring: OidcCallbackQuery,
      },
    },
    async (req, reply) => {
      const outcome = await finishOidcSignIn(deps, actorOf(req), {
        query: req.query,
        browserKey: req.cookies[OIDC_COOKIE],
        userAgent: req.headers['user-agent'],
      });
      reply.clearCookie(OIDC_COOKIE, { path: OIDC_COOKIE_PATH });
      if (!outcome.signedIn) return reply.redirect(withRefusal(outcome.returnTo, outcome.refusal), 303);
      reply.setCookie(SESSION_COOKIE, outcome.session.token, cookieOptions(outcome.session.expiresAt));
      return reply.redirect(outcome.returnTo, 303);
    },
  );
}
