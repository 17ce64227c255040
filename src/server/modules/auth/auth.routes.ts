/** /auth: sign in, sign out, who am I, change my password. */
import { z } from 'zod';
import { SESSION_COOKIE } from '../../platform/auth.ts';
import { type App, type AppDeps, actorOf, errorResponses, userOf } from '../../platform/http.ts';
import { authService } from './auth.service.ts';

const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['admin', 'assessor', 'approver', 'reporter', 'viewer']),
  agencyId: z.string().nullable(),
  mustChangePassword: z.boolean(),
});

export function authRoutes(app: App, deps: AppDeps) {
  const service = authService(deps.database.db, deps.clock, deps.config.sessionHours);
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
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập',
        body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: z.object({ user: Me }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { session, user } = await service.login(actorOf(req), req.body.username, req.body.password, {
        userAgent: req.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions(session.expiresAt));
      return { user };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'signed-in', withTemporaryPassword: true },
      schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 204: z.null() } },
    },
    async (req, reply) => {
      await service.logout(actorOf(req), userOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'signed-in', withTemporaryPassword: true },
      schema: {
        tags: ['auth'],
        summary: 'Người dùng hiện tại',
        response: { 200: z.object({ user: Me }), ...errorResponses },
      },
    },
    async (req) => {
      const { sessionId: _, ...user } = userOf(req);
      return { user };
    },
  );

  app.post(
    '/auth/password',
    {
      config: {
        access: 'signed-in',
        withTemporaryPassword: true,
        rateLimit: { max: 10, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu của mình',
        body: z.object({
          currentPassword: z.string().min(1).max(200),
          newPassword: z.string().min(1).max(200),
        }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const session = await service.changePassword(
        actorOf(req),
        userOf(req),
        req.body.currentPassword,
        req.body.newPassword,
      );
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions(session.expiresAt));
      return reply.status(204).send(null);
    },
  );
}
