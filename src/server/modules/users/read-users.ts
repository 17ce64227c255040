/** The administrator reads the accounts, with each reporter's agency. */
import type { Executor } from '../../db/open.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { canManageUsers } from './users.policy.ts';
import * as repo from './users.repo.ts';
import type { UserList, UserView } from './users.schema.ts';

type UserListRow = Awaited<ReturnType<typeof repo.listUsers>>[number];

const userView = (u: UserListRow): UserView => ({ ...u, createdAt: u.createdAt.toISOString() });

/** One account as the list shows it. */
export const readUser = async (db: Executor, id: string): Promise<UserView> =>
  userView((await repo.listUsers(db)).find((u) => u.id === id)!);

export async function listUsers(deps: AppDeps, caller: Caller): Promise<UserList> {
  authorize(canManageUsers(caller.user));
  return { users: (await repo.listUsers(deps.database.db)).map(userView) };
}
