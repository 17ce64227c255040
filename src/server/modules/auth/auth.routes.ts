/** /auth: sign in, sign out, who am I, change my password. */
import { z } from 'zod';
import { SESSION_COOKIE } from '../../platform/auth.ts';
import { type App, type AppDeps, actorOf, callerOf } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schema.ts';
import { authAccess as access } from './auth.policy.ts';
import { ChangePasswordBody, SignedIn, SignInBody } from './auth.schema.ts';
import { changePassword } from './change-password.ts';
import { meOf, signIn } from './sign-in.ts';
import { signOut } from './sign-out.ts';

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
}
