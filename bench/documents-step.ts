/**
 * One step of the documents benchmark, in a process of its own (started by bench/documents.ts),
 * so that its peak memory is its own and not what an earlier step left behind:
 *
 *   node --import tsx bench/documents-step.ts workbook|docx|pdf OUT   one document of 10,000 agencies
 *   node --import tsx bench/documents-step.ts upload                  33 filled forms read and checked
 *
 * It prints one line of JSON on standard output: the step's seconds and CPU seconds (the
 * province is built before the clock starts), and what the parent checks or prints.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createCycle, formValues } from '../test/fixtures.ts';
import { openWorkbook, saveWorkbook, typeValues, writeZip } from '../test/workbooks.ts';

interface Timed<T> {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly value: T;
}

async function timed<T>(f: () => Promise<T>): Promise<Timed<T>> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await f();
  const c = process.cpuUsage(c0);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6, value };
}

async function document(step: 'workbook' | 'docx' | 'pdf', out: string) {
  const { SET, synthetic } = await import('./documents-province.ts');
  const content = synthetic();
  let make: () => Promise<Buffer>;
  if (step === 'workbook') {
    const { rankingWorkbook } = await import('../src/server/modules/results/ranking-workbook.ts');
    make = () => rankingWorkbook(content, SET);
  } else {
    const { annualReport } = await import('../src/server/modules/documents/report.ts');
    const doc = annualReport({ content, set: SET, decision: null, previous: null, date: '2017-12-20' });
    const render =
      step === 'docx'
        ? (await import('../src/server/modules/documents/docx-writer.ts')).renderDocx
        : (await import('../src/server/modules/documents/pdf-writer.ts')).renderPdf;
    make = () => render(doc);
  }
  const t = await timed(make);
  writeFileSync(out, t.value);
  return { seconds: t.seconds, cpuSeconds: t.cpuSeconds, bytes: t.value.length };
}

/**
 * The 33 agencies of Cao Bằng's registry, each form downloaded and filled in as a person would
 * (every point earned), then read and checked by the upload's own use cases on a real embedded
 * database: one preview per workbook (what the reporter's upload does), and the assessor's zip of
 * all 33 checked without saving. Nothing is saved, so both read the same 33 files.
 */
async function upload() {
  const { openDatabase } = await import('../src/server/db/open.ts');
  const { bootstrap } = await import('../src/server/bootstrap.ts');
  const { agencies, users } = await import('../src/server/db/schema.ts');
  const { loadConfig } = await import('../src/server/platform/config.ts');
  const { directoryStore } = await import('../src/server/platform/files.ts');
  const { systemClock } = await import('../src/server/platform/clock.ts');
  const { downloadForm } = await import('../src/server/modules/workbooks/download-form.ts');
  const { previewUpload } = await import('../src/server/modules/workbooks/upload-form.ts');
  const { uploadMany } = await import('../src/server/modules/workbooks/upload-many.ts');
  const dir = mkdtempSync(join(tmpdir(), 'chiso-bench-upload-'));
  try {
    const config = loadConfig({ CHISO_DATA_DIR: dir, LOG_LEVEL: 'silent', CHISO_SCHEDULER: 'false' });
    const database = await openDatabase({ dataDir: config.dataDir });
    const deps = {
      config,
      database,
      clock: systemClock,
      mailer: { enabled: false, send: async () => {} },
      files: directoryStore(join(dir, 'files')),
    };
    const db = database.db;
    await bootstrap(db, systemClock.now(), 'Quan-tri-bench-2017');
    const cycle = await createCycle(db, { state: 'open' });
    const [admin] = await db.select().from(users).where(eq(users.username, 'admin'));
    const caller = {
      requestId: 'bench',
      ip: '127.0.0.1',
      user: {
        id: admin!.id,
        username: admin!.username,
        displayName: admin!.displayName,
        role: 'assessor' as const,
        agencyId: null,
        mustChangePassword: false,
        sessionId: 'bench',
      },
    };
    const roster = await db.select().from(agencies).orderBy(agencies.code);
    const files: { agencyId: string; name: string; bytes: Buffer }[] = [];
    for (const a of roster) {
      const form = await downloadForm(deps, caller, { cycleId: cycle.id, agencyId: a.id });
      const wb = await openWorkbook(form.bytes);
      typeValues(wb, formValues(a.groupId));
      files.push({ agencyId: a.id, name: `${a.code}.xlsx`, bytes: await saveWorkbook(wb) });
    }
    // The process's peak is reached while the embedded database is made and the forms are
    // filled; what the uploads themselves add is the resident memory after them minus before.
    const rssBefore = process.memoryUsage().rss;
    let changes = 0;
    const each = await timed(async () => {
      for (const f of files) {
        const p = await previewUpload(deps, caller, {
          cycleId: cycle.id,
          agencyId: f.agencyId,
          read: async () => ({ filename: f.name, bytes: f.bytes }),
        });
        if (p.changes.length === 0) throw new Error(`${f.name}: the filled form shows no change`);
        changes += p.changes.length;
      }
    });
    const zip = writeZip(files.map((f) => ({ name: f.name, data: f.bytes })));
    const bulk = await timed(() =>
      uploadMany(deps, caller, {
        cycleId: cycle.id,
        save: false,
        read: async () => ({ filename: 'bieu-mau.zip', bytes: zip }),
      }),
    );
    const uploadsMb = (process.memoryUsage().rss - rssBefore) / 1e6;
    const refused = bulk.value.lines.filter((l) => l.status !== 'ready');
    if (refused.length)
      throw new Error(`the zip refused ${refused.length} forms: ${JSON.stringify(refused[0])}`);
    await database.close();
    return {
      seconds: each.seconds,
      cpuSeconds: each.cpuSeconds,
      workbooks: files.length,
      changes,
      zipSeconds: bulk.seconds,
      zipLines: bulk.value.lines.length,
      uploadsMb,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [step, out] = process.argv.slice(2);
if (step === 'workbook' || step === 'docx' || step === 'pdf') {
  if (!out) throw new Error(`usage: documents-step.ts ${step} OUT`);
  console.log(JSON.stringify(await document(step, out)));
} else if (step === 'upload') {
  console.log(JSON.stringify(await upload()));
} else {
  throw new Error(`unknown step ${step} (workbook, docx, pdf, upload)`);
}
