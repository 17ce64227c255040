/** Accounts through the API: the agency a reporter needs, one account per user name, the last administrator, a new password. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from '../../../../test/server.ts';

let s: TestServer;
let admin: string;
beforeAll(async () => {
  s = await testServer();
  admin = await s.as('admin');
});
afterAll(() => s.close());

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string | undefined, payload?: object) =>
  s.request({ method, url: `/api/v1${url}`, ...(cookie && { cookie }), ...(payload && { payload }) });

describe('accounts', () => {
  let reporterId = '';
  let firstPassword = '';

  it('creates a reporter bound to its agency, with a first password shown once', async () => {
    const base = { username: ' Nguyen.Van.A ', displayName: ' Nguyễn Văn A ', role: 'reporter' };
    const alone = await req('POST', '/users', admin, base);
    expect(alone.statusCode).toBe(400);
    expect(alone.json().error).toMatchObject({
      field: 'agencyId',
      message: 'Người báo cáo phải gắn với một cơ quan',
    });
    const res = await req('POST', '/users', admin, { ...base, agencyId: await s.agencyId('SYT') });
    expect(res.statusCode).toBe(201);
    const { user, initialPassword } = res.json();
    expect(user).toMatchObject({
      username: 'nguyen.van.a',
      displayName: 'Nguyễn Văn A',
      role: 'reporter',
      agencyCode: 'SYT',
      active: true,
      mustChangePassword: true,
    });
    expect(initialPassword).toEqual(expect.any(String));
    reporterId = user.id;
    firstPassword = initialPassword;

    const again = await req('POST', '/users', admin, { ...base, agencyId: await s.agencyId('HHA') });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'username_taken', field: 'username' });
    const viewer = await req('POST', '/users', admin, {
      username: 'xem.syt',
      displayName: 'Xem',
      role: 'viewer',
      agencyId: await s.agencyId('SYT'),
    });
    expect(viewer.json().error).toMatchObject({
      field: 'agencyId',
      message: 'Chỉ người báo cáo mới gắn với cơ quan',
    });
  });

  it('keeps one active administrator', async () => {
    const list = (await req('GET', '/users', admin)).json().users as { id: string; username: string }[];
    const first = list.find((u) => u.username === 'admin')!;
    const me = list.find((u) => u.username === 'admin-x')!;
    const locked = await req('PATCH', `/users/${first.id}`, admin, { active: false });
    expect(locked.statusCode).toBe(200);
    expect(locked.json().user).toMatchObject({ username: 'admin', active: false });
    const demoted = await req('PATCH', `/users/${me.id}`, admin, { role: 'viewer' });
    expect(demoted.statusCode).toBe(409);
    expect(demoted.json().error.message).toBe('Không thể bỏ quyền quản trị viên cuối cùng');
    expect((await req('PATCH', `/users/${first.id}`, admin, { active: true })).statusCode).toBe(200);
  });

  it('resets a password: the user’s sessions end, and the new one must be changed', async () => {
    const before = await s.login('nguyen.van.a', firstPassword);
    expect((await req('GET', '/auth/me', before)).statusCode).toBe(200);
    const res = await req('POST', `/users/${reporterId}/reset-password`, admin);
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json();
    expect((await req('GET', '/auth/me', before)).statusCode).toBe(401);
    const after = await s.login('nguyen.van.a', temporaryPassword);
    expect((await req('GET', '/auth/me', after)).json().user).toMatchObject({ mustChangePassword: true });
  });
});
