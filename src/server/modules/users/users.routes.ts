/**
 * /users: accounts and roles, for the administrator. Each route: who may call it, its contract
 * (users.schema.ts), one use case.
 */
import { type App, type AppDeps, callerOf } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schema.ts';
import { createUser } from './create-user.ts';
import { editUser } from './edit-user.ts';
import { listUsers } from './read-users.ts';
import { resetPassword } from './reset-password.ts';
import { usersAccess as access } from './users.policy.ts';
import {
  CreatedUser,
  CreateUserBody,
  EditUserBody,
  TemporaryPassword,
  UserAnswer,
  UserList,
  UserParams,
} from './users.schema.ts';

const tags = ['users'];

export function usersRoutes(app: App, deps: AppDeps) {
  app.get(
    '/users',
    {
      config: { access: access.list },
      schema: { tags, summary: 'Danh sách người dùng', response: { 200: UserList, ...errorResponses } },
    },
    async (req) => listUsers(deps, callerOf(req)),
  );

  app.post(
    '/users',
    {
      config: { access: access.create },
      schema: {
        tags,
        summary: 'Tạo người dùng',
        body: CreateUserBody,
        response: { 201: CreatedUser, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(deps, callerOf(req), req.body)),
  );

  app.patch(
    '/users/:id',
    {
      config: { access: access.update },
      schema: {
        tags,
        summary: 'Sửa người dùng (vai trò, cơ quan, khóa/mở)',
        params: UserParams,
        body: EditUserBody,
        response: { 200: UserAnswer, ...errorResponses },
      },
    },
    async (req) => editUser(deps, callerOf(req), { ...req.params, ...req.body }),
  );

  app.post(
    '/users/:id/reset-password',
    {
      config: { access: access.resetPassword },
      schema: {
        tags,
        summary: 'Cấp lại mật khẩu tạm thời',
        params: UserParams,
        response: { 200: TemporaryPassword, ...errorResponses },
      },
    },
    async (req) => resetPassword(deps, callerOf(req), req.params),
  );
}
