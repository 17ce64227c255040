/** /users: accounts and roles, for the administrator. */
import { z } from 'zod';
import { ROLES } from '../../db/schema.ts';
import { type App, type AppDeps, actorOf, errorResponses, Instant, Uuid } from '../../platform/http.ts';
import { usersPolicy } from './users.policy.ts';
import { usersService } from './users.service.ts';

const UserView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  agencyId: z.string().nullable(),
  agencyCode: z.string().nullable(),
  agencyName: z.string().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: Instant,
});

export function usersRoutes(app: App, deps: AppDeps) {
  const service = usersService(deps.database.db, deps.clock);

  app.get(
    '/users',
    {
      config: { access: usersPolicy.list },
      schema: {
        tags: ['users'],
        summary: 'Danh sách người dùng',
        response: { 200: z.object({ users: z.array(UserView) }), ...errorResponses },
      },
    },
    async () => ({ users: await service.list() }),
  );

  app.post(
    '/users',
    {
      config: { access: usersPolicy.create },
      schema: {
        tags: ['users'],
        summary: 'Tạo người dùng',
        body: z.object({
          username: z.string().min(1).max(100),
          displayName: z.string().trim().min(1).max(200),
          email: z.email().nullable().optional(),
          role: z.enum(ROLES),
          agencyId: Uuid.nullable().optional(),
          password: z.string().max(200).optional(),
        }),
        response: {
          201: z.object({ user: UserView, initialPassword: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(actorOf(req), req.body)),
  );

  app.patch(
    '/users/:id',
    {
      config: { access: usersPolicy.update },
      schema: {
        tags: ['users'],
        summary: 'Sửa người dùng (vai trò, cơ quan, khóa/mở)',
        params: z.object({ id: Uuid }),
        body: z.object({
          displayName: z.string().trim().min(1).max(200).optional(),
          email: z.email().nullable().optional(),
          role: z.enum(ROLES).optional(),
          agencyId: Uuid.nullable().optional(),
          active: z.boolean().optional(),
        }),
        response: { 200: z.object({ user: UserView }), ...errorResponses },
      },
    },
    async (req) => ({ user: await service.update(actorOf(req), req.params.id, req.body) }),
  );

  app.post(
    '/users/:id/reset-password',
    {
      config: { access: usersPolicy.resetPassword },
      schema: {
        tags: ['users'],
        summary: 'Cấp lại mật khẩu tạm thời',
        params: z.object({ id: Uuid }),
        response: { 200: z.object({ temporaryPassword: z.string() }), ...errorResponses },
      },
    },
    async (req) => ({ temporaryPassword: await service.resetPassword(actorOf(req), req.params.id) }),
  );
}
