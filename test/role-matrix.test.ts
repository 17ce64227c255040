/**
 * The role matrix: for every route of the API, each role gets exactly what it may. The table is
 * the reviewed policy; a route added without a line here, or whose access changed, fails the test.
 * Anonymous callers get 401 and roles outside a route's list get 403 before anything else is read.
 * (Finer scope — a reporter of agency X on agency Y, the state of a cycle — is tested per module
 * and in the year-through-the-API test.)
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/server/db/schema.ts';
import type { Access } from '../src/server/platform/http.ts';
import { type TestServer, testServer } from './server.ts';

const MATRIX: readonly [string, Access][] = [
  ['POST /auth/login', 'public'],
  ['POST /auth/logout', 'signed-in'],
  ['GET /auth/me', 'signed-in'],
  ['GET /auth/session', 'public'],
  ['POST /auth/password', 'signed-in'],
  ['GET /auth/oidc', 'public'],
  ['GET /auth/oidc/start', 'public'],
  ['GET /auth/oidc/callback', 'public'],
  ['GET /agencies', ['admin', 'assessor', 'approver', 'viewer', 'reporter']],
  ['GET /agencies/events', ['admin', 'assessor', 'approver', 'viewer']],
  ['GET /agencies/:id', ['admin', 'assessor', 'approver', 'viewer', 'reporter']],
  ['POST /agencies', ['admin']],
  ['PATCH /agencies/:id', ['admin']],
  ['POST /agencies/events', ['admin']],
  ['GET /criteria', 'signed-in'],
  ['GET /criteria/compare', 'signed-in'],
  ['GET /criteria/:id', 'signed-in'],
  ['GET /criteria/:id/dry-run', ['admin']],
  ['POST /criteria', ['admin']],
  ['GET /cycles', 'signed-in'],
  ['GET /cycles/:id', 'signed-in'],
  ['POST /cycles', ['admin']],
  ['PATCH /cycles/:id', ['admin']],
  ['POST /cycles/:id/documents/:kind', ['admin']],
  ['GET /cycles/:id/documents/:kind', 'signed-in'],
  ['POST /cycles/:id/open', ['admin']],
  ['POST /cycles/:id/close', ['admin']],
  ['POST /cycles/:id/start-review', ['admin', 'assessor']],
  ['POST /cycles/:id/extend-deadline', ['admin']],
  ['GET /users', ['admin']],
  ['POST /users', ['admin']],
  ['PATCH /users/:id', ['admin']],
  ['POST /users/:id/reset-password', ['admin']],
  ['GET /cycles/:cycleId/review', ['admin', 'assessor', 'approver']],
  ['GET /cycles/:cycleId/review/:agencyId', ['admin', 'assessor', 'approver']],
  ['POST /cycles/:cycleId/review/:agencyId/queries', ['admin', 'assessor']],
  ['POST /cycles/:cycleId/queries/:queryId/messages', ['admin', 'assessor', 'reporter']],
  ['POST /cycles/:cycleId/queries/:queryId/messages-with-file', ['admin', 'assessor', 'reporter']],
  ['GET /cycles/:cycleId/queries/:queryId/files/:fileId', ['admin', 'assessor', 'reporter']],
  ['POST /cycles/:cycleId/queries/:queryId/close', ['admin', 'assessor']],
  ['GET /cycles/:cycleId/agencies/:agencyId/queries', ['admin', 'assessor', 'reporter']],
  ['POST /cycles/:cycleId/review/:agencyId/surveys', ['admin', 'assessor']],
  ['POST /cycles/:cycleId/review/:agencyId/surveys/:surveyId/evidence', ['admin', 'assessor']],
  ['GET /cycles/:cycleId/review/:agencyId/evidence/:evidenceId', ['admin', 'assessor', 'approver']],
  ['POST /cycles/:cycleId/review/:agencyId/claims/:criterionId/decision', ['admin', 'assessor']],
  ['PUT /cycles/:cycleId/review/:agencyId/values/:fieldKey', ['admin', 'assessor']],
  ['GET /agencies/:agencyId/website-checks', ['admin', 'assessor', 'approver', 'reporter']],
  ['POST /agencies/:agencyId/website-checks', ['admin', 'assessor']],
  ['DELETE /agencies/:agencyId/website-checks/:checkId', ['admin', 'assessor']],
  ['GET /agencies/:agencyId/sites', ['admin', 'assessor', 'approver', 'reporter']],
  ['PUT /agencies/:agencyId/sites/:kind', ['admin']],
  ['POST /agencies/:agencyId/content-checks', ['admin', 'assessor']],
  ['GET /agencies/:agencyId/monitoring', ['admin', 'assessor', 'approver', 'reporter']],
  ['GET /monitoring/overview', ['admin', 'assessor', 'approver']],
  ['GET /monitoring/schedules', ['admin', 'assessor']],
  ['PUT /monitoring/schedules', ['admin']],
  ['GET /monitoring/snapshots/:snapshotId', ['admin', 'assessor', 'approver', 'reporter']],
  ['GET /monitoring/snapshots/:snapshotId/pages/:pageId', ['admin', 'assessor', 'approver', 'reporter']],
  ['POST /monitoring/snapshots/:snapshotId/confirm', ['admin', 'assessor']],
  ['GET /notifications', ['admin', 'assessor', 'approver', 'reporter']],
  ['POST /notifications/read', ['admin', 'assessor', 'approver', 'reporter']],
  ['POST /cycles/:id/approve', ['approver']],
  ['POST /cycles/:id/return', ['approver']],
  ['POST /cycles/:id/publish', ['approver']],
  ['GET /cycles/:cycleId/appeals', ['admin', 'assessor', 'approver', 'reporter']],
  ['POST /cycles/:cycleId/agencies/:agencyId/appeals', ['reporter']],
  ['POST /cycles/:cycleId/appeals/:appealId/files', ['reporter']],
  ['GET /cycles/:cycleId/appeals/:appealId/files/:fileId', ['admin', 'assessor', 'approver', 'reporter']],
  ['POST /cycles/:cycleId/appeals/:appealId/answer', ['admin', 'assessor']],
  ['GET /indicators', ['admin', 'assessor', 'approver']],
  ['GET /indicators/agencies/:agencyId', ['admin', 'assessor', 'approver', 'reporter']],
  ['GET /indicators/shortcomings', ['admin', 'assessor', 'approver']],
  ['GET /indicators/shortcomings/:agencyId/letter', ['admin', 'assessor', 'approver']],
  ['PUT /cycles/:cycleId/appeal-period', ['admin']],
  ['GET /feedback', 'signed-in'],
  ['POST /feedback', 'signed-in'],
  ['POST /feedback/:itemId/file', 'signed-in'],
  ['GET /feedback/:itemId/file', 'signed-in'],
  ['POST /feedback/:itemId/answer', ['admin', 'assessor']],
  ['PUT /feedback/:itemId/topic', ['admin', 'assessor']],
  ['GET /feedback/summary', ['admin', 'assessor', 'approver']],
  ['GET /cycles/:cycleId/survey-plans', ['admin', 'assessor', 'approver', 'reporter']],
  ['GET /cycles/:cycleId/agencies/:agencyId/survey-proposals', ['admin', 'assessor']],
  ['POST /cycles/:cycleId/agencies/:agencyId/survey-plans', ['admin', 'assessor']],
  ['PUT /cycles/:cycleId/survey-plans/:planId/date', ['admin', 'assessor']],
  ['POST /cycles/:cycleId/survey-plans/:planId/reply', ['reporter']],
  ['POST /cycles/:cycleId/survey-plans/:planId/findings', ['admin', 'assessor']],
  ['POST /cycles/:id/revise', ['approver', 'admin']],
  ['GET /cycles/:id/results', 'signed-in'],
  ['GET /cycles/:id/results/revisions', 'signed-in'],
  ['GET /cycles/:id/results/revisions/:n', 'signed-in'],
  ['GET /cycles/:id/results/agencies/:agencyId', 'signed-in'],
  ['GET /cycles/:id/results/export.csv', ['viewer', 'admin', 'approver', 'assessor']],
  ['GET /cycles/:id/results/export.json', ['viewer', 'admin', 'approver', 'assessor']],
  ['GET /cycles/:id/results/export-excel.csv', ['viewer', 'admin', 'approver', 'assessor']],
  ['GET /cycles/:id/results/export.xlsx', ['viewer', 'admin', 'approver', 'assessor']],
  ['GET /cycles/:id/official-documents/:kind', ['admin', 'assessor', 'approver']],
  ['GET /cycles/:id/notices.zip', ['admin', 'assessor', 'approver']],
  ['GET /cycles/:id/notices/:agencyId', ['admin', 'assessor', 'approver', 'reporter']],
  ['GET /cycles/:id/progress', ['admin', 'assessor', 'approver']],
  ['POST /cycles/:id/reminders/send', ['admin']],
  ['GET /cycles/:cycleId/agencies/:agencyId/submission', ['admin', 'assessor', 'approver', 'reporter']],
  ['PUT /cycles/:cycleId/agencies/:agencyId/submission/values', ['reporter']],
  ['GET /cycles/:cycleId/agencies/:agencyId/submission/score', ['admin', 'assessor', 'approver', 'reporter']],
  ['PUT /cycles/:cycleId/agencies/:agencyId/submission/claims/:criterionId', ['reporter']],
  ['DELETE /cycles/:cycleId/agencies/:agencyId/submission/claims/:criterionId', ['reporter']],
  ['POST /cycles/:cycleId/agencies/:agencyId/submission/evidence', ['reporter']],
  [
    'GET /cycles/:cycleId/agencies/:agencyId/submission/evidence/:evidenceId',
    ['admin', 'assessor', 'approver', 'reporter'],
  ],
  ['DELETE /cycles/:cycleId/agencies/:agencyId/submission/evidence/:evidenceId', ['reporter']],
  ['POST /cycles/:cycleId/agencies/:agencyId/submission/submit', ['reporter']],
  [
    'GET /cycles/:cycleId/agencies/:agencyId/submission/receipt',
    ['admin', 'assessor', 'approver', 'reporter'],
  ],
  [
    'GET /cycles/:cycleId/agencies/:agencyId/submission/receipt.pdf',
    ['admin', 'assessor', 'approver', 'reporter'],
  ],
  ['POST /cycles/:cycleId/agencies/:agencyId/submission/withdraw', ['reporter']],
  ['GET /cycles/:cycleId/agencies/:agencyId/submission/workbook', ['admin', 'assessor', 'reporter']],
  ['POST /cycles/:cycleId/agencies/:agencyId/submission/workbook/preview', ['admin', 'assessor', 'reporter']],
  ['POST /cycles/:cycleId/agencies/:agencyId/submission/workbook/confirm', ['admin', 'assessor', 'reporter']],
  ['POST /cycles/:cycleId/workbooks', ['admin', 'assessor']],
  ['GET /audit-log', ['admin', 'assessor', 'reporter']],
  ['GET /audit-log/options', ['admin', 'assessor', 'reporter']],
  ['GET /audit-log/export.csv', ['admin', 'assessor', 'reporter']],
  ['GET /jobs', ['admin']],
  ['POST /jobs/retry-failed', ['admin']],
  ['POST /jobs/:id/retry', ['admin']],
  ['GET /backups', ['admin']],
  ['POST /backups', ['admin']],
  ['GET /backups/:name', ['admin']],
];

let s: TestServer;
const cookies = new Map<Role, string>();
beforeAll(async () => {
  s = await testServer();
  for (const role of ROLES) cookies.set(role, await s.as(role, role === 'reporter' ? 'STTTT' : undefined));
});
afterAll(() => s.close());

/** A concrete URL for a route pattern: ids that exist nowhere, plausible codes elsewhere. */
function concrete(pattern: string): string {
  const samples: Record<string, string> = {
    kind: 'guidance',
    n: '1',
    criterionId: '1.1',
    fieldKey: 'total_staff',
  };
  return pattern.replace(/:(\w+)/g, (_, name: string) => samples[name] ?? randomUUID());
}

async function call(route: string, cookie?: string) {
  const [method, pattern] = route.split(' ') as [string, string];
  const body = ['POST', 'PUT', 'PATCH'].includes(method) ? { payload: {} } : {};
  return s.request({
    method: method as 'GET',
    url: `/api/v1${concrete(pattern)}`,
    ...body,
    ...(cookie && { cookie }),
  });
}

const allows = (access: Access, role: Role) =>
  access === 'signed-in' || (access !== 'public' && access.includes(role));

describe('the role matrix of the API', () => {
  it('declares exactly the routes of the reviewed table, with the same access', () => {
    const declared = s.app.routeTable
      .filter((r) => r.url.startsWith('/api/v1/'))
      .map((r) => [`${r.method} ${r.url.slice('/api/v1'.length)}`, r.access] as const);
    expect(Object.fromEntries(declared)).toEqual(Object.fromEntries(MATRIX));
  });

  it('asks anonymous callers to sign in on every route that is not public', async () => {
    for (const [route, access] of MATRIX) {
      if (access === 'public') continue;
      const res = await call(route);
      expect(res.statusCode, route).toBe(401);
      expect(res.json().error.code, route).toBe('unauthenticated');
    }
  });

  it("refuses every role outside a route's list, before reading the request", async () => {
    for (const [route, access] of MATRIX) {
      if (access === 'public' || access === 'signed-in') continue;
      for (const role of ROLES) {
        if (allows(access, role)) continue;
        const res = await call(route, cookies.get(role));
        expect(res.statusCode, `${role} ${route}`).toBe(403);
        expect(res.json().error.message, `${role} ${route}`).toBe(
          'Bạn không có quyền thực hiện thao tác này',
        );
      }
    }
  });

  it('lets every allowed role through the access check', async () => {
    for (const [route, access] of MATRIX) {
      if (access === 'public' || route.endsWith('/auth/logout') || route.endsWith('/auth/password')) continue;
      for (const role of ROLES) {
        if (!allows(access, role)) continue;
        const res = await call(route, cookies.get(role));
        expect(res.statusCode, `${role} ${route}: ${res.body}`).not.toBe(401);
        expect(res.statusCode, `${role} ${route}: ${res.body}`).toBeLessThan(500);
      }
    }
  });

  it('lets no viewer write anything', () => {
    const writes = MATRIX.filter(([route, access]) => !route.startsWith('GET') && allows(access, 'viewer'));
    // Besides their own account, a viewer may only raise feedback on the regulation (Điều 13: anyone).
    expect(writes.map(([r]) => r).sort()).toEqual([
      'POST /auth/logout',
      'POST /auth/password',
      'POST /feedback',
      'POST /feedback/:itemId/file',
    ]);
  });
});
