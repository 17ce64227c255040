/**
 * Crash test: the real server (`node bin/chiso.mjs serve`, embedded database) is killed with
 * SIGKILL while a submission and concurrent draft saves are in flight, then started again on the
 * same data directory. Each time the server must come back (the dead process's lock file is
 * stale, not a reason to refuse), and the form must be either fully submitted (status, time,
 * attestation and content hash, with a hash that recomputes from the stored content) or fully a
 * draft — never in between. A submission the client saw succeed must survive the kill.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../src/server/bootstrap.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { agencies, auditLog, naClaims, submissions, users } from '../src/server/db/schema.ts';
import { hashPassword } from '../src/server/platform/auth.ts';
import { contentHash } from '../src/server/platform/canonical.ts';
import { createCycle, formValues } from './fixtures.ts';
import { type Reply, type ServerProcess, sessionCookie, sleep, startServer } from './processes.ts';

const ADMIN_PASSWORD = 'Quan-tri-thu-2017';
const REPORTER = { username: 'bc.stttt', password: 'Bao-cao-thu-2017' };
/**
 * When to kill, as a share of the time one submission takes on this machine (measured first), so
 * that the kills land before, inside and after its transaction on a fast or a slow computer. A
 * last round waits for the answer: what the client was told must survive the kill.
 */
const KILL_AT = [0.35, 0.7, 1, 1.3];

/** What the tests read of the form state and of the other answers. */
interface Body {
  status?: string;
  version?: number;
  values?: Record<string, unknown>;
  claims?: { criterionId: string; reason: string }[];
  attestation?: { name: string; title: string } | null;
  submittedAt?: string | null;
  contentHash?: string | null;
  receipt?: { contentHash: string } | null;
  error?: { code: string; message: string };
}

describe.skipIf(Boolean(process.env.DATABASE_URL))(
  'killing the server while a submission is in flight',
  () => {
    let dataDir = '';
    let server: ServerProcess | undefined;
    let cookie = '';
    let cycleId = '';
    let agencyId = '';

    /** One HTTP call to the running server; a connection cut by the kill is status 0. */
    const call = (method: string, path: string, payload?: unknown): Promise<Reply<Body>> =>
      server!.call<Body>(method, path, { payload, cookie });
    const output = () => server?.output() ?? '';

    async function start(): Promise<void> {
      server = await startServer(
        {
          DATABASE_URL: '',
          CHISO_DATA_DIR: dataDir,
          CHISO_ADMIN_PASSWORD: ADMIN_PASSWORD,
          CHISO_SCHEDULER: '0',
        },
        { timeoutMs: 30_000 },
      );
    }

    async function kill(): Promise<void> {
      await server?.kill();
    }

    const form = `/api/v1/cycles/:cycle/agencies/:agency/submission`;
    const url = (rest = '') => form.replace(':cycle', cycleId).replace(':agency', agencyId) + rest;

    /** The receipt's hash, recomputed from what the server shows of the stored content. */
    const recomputed = (state: Body) =>
      contentHash({
        cycleId,
        agencyId,
        values: state.values,
        claims: (state.claims ?? [])
          .map((c) => ({ criterionId: c.criterionId, reason: c.reason }))
          .sort((a, b) => (a.criterionId < b.criterionId ? -1 : a.criterionId > b.criterionId ? 1 : 0)),
        attestation: state.attestation,
        submittedAt: state.submittedAt,
      });

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'chiso-kill-'));
      // Prepared in this process before the server ever starts: a year open far ahead, one reporter.
      const database = await openDatabase({ dataDir });
      try {
        await bootstrap(database.db, new Date(), ADMIN_PASSWORD);
        const cycle = await createCycle(database.db, {
          state: 'open',
          deadline: new Date('2099-11-01T00:00:00+07:00'),
        });
        cycleId = cycle.id;
        const [agency] = await database.db.select().from(agencies).where(eq(agencies.code, 'STTTT'));
        agencyId = agency!.id;
        await database.db.insert(users).values({
          username: REPORTER.username,
          displayName: 'Cán bộ báo cáo Sở TT&TT',
          passwordHash: await hashPassword(REPORTER.password),
          role: 'reporter',
          agencyId,
        });
      } finally {
        await database.close();
      }
    });

    afterAll(async () => {
      await kill();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('comes back after every kill with the form fully submitted or fully a draft', async () => {
      await start();
      const login = await call('POST', '/api/v1/auth/login', REPORTER);
      expect(login.status, JSON.stringify(login.body)).toBe(200);
      const set = sessionCookie(login);
      cookie = set;

      const first = await call('GET', url());
      expect(first.status).toBe(200);
      const saved = await call('PUT', url('/values'), {
        version: first.body.version,
        values: formValues('department'),
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const claim = await call('PUT', url('/claims/3.8'), {
        reason: 'Năm nay Sở không có dự án đầu tư, mua sắm công',
      });
      expect(claim.status).toBe(200);

      // How long a submission takes here (withdrawn again at once).
      const probe = await call('GET', url());
      const t0 = performance.now();
      const timed = await call('POST', url('/submit'), {
        version: probe.body.version,
        attestedName: 'Nguyễn Văn Giám',
        attestedTitle: 'Giám đốc Sở',
      });
      const took = performance.now() - t0;
      expect(timed.status, JSON.stringify(timed.body)).toBe(200);
      expect((await call('POST', url('/withdraw'), { reason: 'Rút để thử lần đầu' })).status).toBe(200);

      for (const [i, share] of [...KILL_AT, null].entries()) {
        const before = await call('GET', url());
        expect(before.body.status).toBe('draft');
        const version = before.body.version as number;
        const last = share === null;
        const delay = Math.round((share ?? 0) * took);
        const submitting = call('POST', url('/submit'), {
          version,
          attestedName: 'Nguyễn Văn Giám',
          attestedTitle: 'Giám đốc Sở',
        });
        const saving = last
          ? []
          : [
              call('PUT', url('/values'), {
                version,
                values: { apps_list: `Danh sách phần mềm, lần ${i + 1}` },
              }),
              call('PUT', url('/values'), { version, values: { internet_bandwidth_mbps: 100 + i } }),
            ];
        // The last round waits for the submission's answer: what the client was told must survive.
        const told = last ? await submitting : null;
        await sleep(delay);
        await kill();
        const replies = await Promise.all([submitting, ...saving]);
        expect(existsSync(join(dataDir, 'chiso.lock')), 'the killed server leaves its lock file behind').toBe(
          true,
        );

        await start();
        expect((await call('GET', '/healthz')).status).toBe(200);
        const after = await call('GET', url());
        expect(after.status, output()).toBe(200);
        const state = after.body;
        if (state.status === 'submitted') {
          expect(state.submittedAt).toEqual(expect.any(String));
          expect(state.attestation).toEqual({ name: 'Nguyễn Văn Giám', title: 'Giám đốc Sở' });
          expect(state.contentHash).toMatch(/^[0-9a-f]{64}$/);
          expect(state.receipt?.contentHash).toBe(state.contentHash);
          expect(recomputed(state)).toBe(state.contentHash);
          // Back to draft for the next round; the last stays submitted for the check of the raw rows.
          if (!last) {
            const withdrawn = await call('POST', url('/withdraw'), { reason: `Rút để thử lần ${i + 2}` });
            expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
          }
        } else {
          expect(state.status).toBe('draft');
          expect(state.submittedAt).toBeNull();
          expect(state.contentHash).toBeNull();
          expect(state.attestation).toBeNull();
          expect(state.receipt).toBeNull();
          expect(replies[0]!.status, 'a submission the client saw succeed was lost').not.toBe(200);
        }
        if (told) {
          expect(told.status, JSON.stringify(told.body)).toBe(200);
          expect(state.status).toBe('submitted');
          expect(state.contentHash).toBe(told.body.receipt?.contentHash);
        }
      }

      // Finally the raw rows, read in this process after one more kill (the lock is stale again).
      await kill();
      const database = await openDatabase({ dataDir });
      try {
        const [row] = await database.db
          .select()
          .from(submissions)
          .where(and(eq(submissions.cycleId, cycleId), eq(submissions.agencyId, agencyId)));
        const claims = await database.db.select().from(naClaims).where(eq(naClaims.submissionId, row!.id));
        const fields = [
          row!.submittedAt,
          row!.submittedBy,
          row!.attestedName,
          row!.attestedTitle,
          row!.contentHash,
        ];
        // The last round's submission, which the client saw succeed, is stored whole.
        expect(row!.status).toBe('submitted');
        expect(fields.every((v) => v !== null)).toBe(true);
        expect(row!.contentHash).toBe(
          contentHash({
            cycleId,
            agencyId,
            values: row!.values,
            claims: claims
              .map((c) => ({ criterionId: c.criterionId, reason: c.reason }))
              .sort((a, b) => (a.criterionId < b.criterionId ? -1 : a.criterionId > b.criterionId ? 1 : 0)),
            attestation: { name: row!.attestedName, title: row!.attestedTitle },
            submittedAt: row!.submittedAt!.toISOString(),
          }),
        );
        // Every committed submission has its audit row, every withdrawal too: nothing half-written.
        const audits = await database.db
          .select({ action: auditLog.action })
          .from(auditLog)
          .where(eq(auditLog.entityId, row!.id));
        const count = (action: string) => audits.filter((a) => a.action === action).length;
        expect(count('submission.submit')).toBe(count('submission.withdraw') + 1);
        expect(row!.withdrawnCount).toBe(count('submission.withdraw'));
      } finally {
        await database.close();
      }
      // Each round restarts the server on its embedded database: seconds each, a minute or more when
      // the machine is busy (it ran out at 90 s under a load of 15 on 2 cores). It checks what survives,
      // not how fast.
    }, 240_000);
  },
);
