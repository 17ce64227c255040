/**
 * The province page (GET /indicators, read-province.ts) on 10 published years × 1,000 agencies
 * with the bundled set's fields, in an in-memory database: the server's warm-up at start (the
 * documents read into memory in the background, keep-warm.ts), the first answer after it and the
 * next answers, the same rows read without aggregation, for the ratio, and the first answer of a
 * server that has not warmed up (documents read from the database in the request). Target: under
 * 200 ms. Never fails on a miss.
 */
import { performance } from 'node:perf_hooks';
import { bundledSet } from '../src/core/criteria/bundled.ts';
import { ensureBundledCriteria } from '../src/server/bootstrap.ts';
import { openMemory } from '../src/server/db/open.ts';
import { criteriaVersions, cycles, publishedSnapshots } from '../src/server/db/schema.ts';
import { forgetPublishedDocs } from '../src/server/modules/indicators/indicators.repo.ts';
import { keepIndicatorsWarm } from '../src/server/modules/indicators/keep-warm.ts';
import { readProvince } from '../src/server/modules/indicators/read-province.ts';
import type { SnapshotContent } from '../src/server/modules/results/results.schema.ts';
import type { AppDeps, Caller } from '../src/server/platform/http.ts';

const YEARS = 10;
const AGENCIES = 1000;
const SET = bundledSet('cao-bang-2016')!;

function values(rnd: () => number, group: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of SET.fields)
    if ((f.type === 'integer' || f.type === 'decimal') && (!f.groups || f.groups.includes(group)))
      out[f.key] = f.type === 'integer' ? Math.round(rnd() * 200) : Math.round(rnd() * 10_000) / 100;
  return out;
}

export async function run(): Promise<void> {
  const database = await openMemory();
  const db = database.db;
  await ensureBundledCriteria(db);
  const [version] = await db.select().from(criteriaVersions);
  let seed = 11;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let y = 0; y < YEARS; y++) {
    const year = 2017 + y;
    const [cycle] = await db
      .insert(cycles)
      .values({
        year,
        title: `Năm ${year}`,
        criteriaVersionId: version!.id,
        state: 'published',
        guidanceBy: new Date(`${year}-10-01T00:00:00Z`),
        deadline: new Date(`${year}-11-01T00:00:00Z`),
        publishBy: new Date(`${year + 1}-01-01T00:00:00Z`),
      })
      .returning();
    const agencies = Array.from({ length: AGENCIES }, (_, i) => {
      const group = i % 5 === 0 ? 'district' : 'department';
      return {
        agencyId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        code: `A${i}`,
        name: `Cơ quan số ${i + 1}`,
        group,
        submittedAt: `${year}-10-20T00:00:00.000Z`,
        values: values(rnd, group),
        notApplicable: [],
        websiteChecks: [],
      };
    });
    const content = {
      format: 'chiso.published/1',
      revision: 1,
      reason: null,
      publishedAt: `${year}-12-20T03:00:00.000Z`,
      cycle: { id: cycle!.id, year, title: `Năm ${year}` },
      criteria: { id: version!.id, setId: SET.id, version: SET.version, title: SET.title.vi, hash: 'x' },
      classes: [],
      groups: [],
      agencies,
    } as unknown as SnapshotContent;
    await db.insert(publishedSnapshots).values({
      cycleId: cycle!.id,
      revision: 1,
      criteriaVersionId: version!.id,
      content,
      contentHash: `bench-${year}`,
      publishedAt: new Date(`${year}-12-20T03:00:00Z`),
    });
  }
  const deps = { database } as unknown as AppDeps;
  const caller = { user: { role: 'approver', agencyId: null }, requestId: 'bench' } as unknown as Caller;
  const time = async (f: () => Promise<unknown>) => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  // The same rows without aggregation: the ten documents read and every value touched once.
  const rawRead = async () => {
    const rows = await db.select({ content: publishedSnapshots.content }).from(publishedSnapshots);
    let n = 0;
    for (const r of rows)
      for (const a of (r.content as SnapshotContent).agencies) n += Object.keys(a.values).length;
    return n;
  };
  const page = () => readProvince(deps, caller, { indicator: 'computers_antivirus_share', threshold: 75 });
  const cold = await time(page);
  forgetPublishedDocs();
  const warmUp = await time(() => keepIndicatorsWarm(deps));
  const first = await time(page);
  const raws: number[] = [];
  const pages: number[] = [];
  for (let i = 0; i < 5; i++) {
    raws.push(await time(rawRead));
    pages.push(await time(page));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const raw = median(raws);
  const warm = median(pages);
  console.log(`${YEARS} years × ${AGENCIES} agencies, ${SET.indicators?.length ?? 0} indicators`);
  const line = (what: string, ms: number, note = '') =>
    console.log(`${what.padEnd(64)} ${ms.toFixed(0).padStart(5)} ms${note}`);
  line('server start: documents read into memory (in the background)', warmUp);
  line('province page, first answer after the start', first, ' (target < 200 ms)');
  line('province page, next answers (median of 5)', warm, ' (target < 200 ms)');
  line('reading the same rows without aggregation (median of 5)', raw);
  line('province page on a server that has not warmed up', cold);
  console.log(
    `ratio page / plain read: ${(warm / raw).toFixed(2)} (first after start: ${(first / raw).toFixed(2)}; not warmed up: ${(cold / raw).toFixed(2)})`,
  );
  await database.close();
}
