/**
 * The dry run of a criteria version on a published year: the same totals, ranks and classes as
 * `chiso score --criteria NEW` on the year's cycle file, what the old data lacks and how it was
 * treated, the version chain — and nothing in the database changes.
 */
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../../../test/fixtures.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { main } from '../../../cli/main.ts';
import { bundledCompiledSet } from '../../../core/criteria/bundled.ts';
import { criteriaVersions } from '../../db/schema.ts';
import { loadSampleYear } from '../../demo.ts';
import { cycleFileOf } from '../results/cycle-file.ts';
import type { SnapshotContent } from '../results/results.schema.ts';

const SET = bundledCompiledSet('cao-bang-2016')!;
const EXAMPLE = new URL('../../../../examples/cao-bang-2017.json', import.meta.url);
const BUNDLED_TEXT = readFileSync(
  new URL('../../../../criteria/cao-bang-2016.json', import.meta.url),
  'utf8',
);
// biome-ignore lint/suspicious/noExplicitAny: a criteria file as plain JSON, edited freely in tests.
type Json = any;

/** The 2016 set revised, deriving from the bundled version; `required` adds a field the old year never collected. */
function revised(version: string, options: { required?: boolean } = {}): Json {
  const set = JSON.parse(BUNDLED_TEXT);
  set.version = version;
  set.title = { vi: `Bộ tiêu chí Cao Bằng (sửa đổi ${version})` };
  set.derivedFrom = { id: 'cao-bang-2016', version: '1.0-reconstructed' };
  const dept = set.groups.find((g: Json) => g.id === 'department');
  const [cat1, , , , cat5] = dept.categories;
  const crit = (cat: Json, id: string): Json => cat.criteria.find((c: Json) => c.id === id);
  cat1.max = 21;
  Object.assign(crit(cat1, '1.4'), { max: 3, formula: { op: 'bool', field: 'tslcd_connected', points: 3 } });
  cat5.max = 9;
  const c52 = crit(cat5, '5.2');
  c52.max = 1;
  c52.formula.map = { dai_hoc_tro_len_cntt: 1, cao_dang_trung_cap_cntt: 0.5, khac: 0, khong_co: 0 };
  set.fields.push({
    key: 'has_data_center',
    label: { vi: 'Có phòng máy chủ', en: 'Has a server room' },
    type: 'boolean',
    source: 'agency',
    required: options.required === true,
  });
  return set;
}

let s: TestServer;
let admin: string;
let cycleId: string;
let content: SnapshotContent;
let bundledId: string;

beforeAll(async () => {
  s = await testServer({ now: '2017-12-15T03:00:00Z' });
  admin = await s.as('admin');
  const db = s.deps.database.db;
  const cycle = await createCycle(db, { state: 'approved' });
  cycleId = cycle.id;
  await loadSampleYear(db, SET, cycleId, JSON.parse(readFileSync(EXAMPLE, 'utf8')));
  const pub = await s.request({
    method: 'POST',
    url: `/api/v1/cycles/${cycleId}/publish`,
    cookie: await s.as('approver'),
    payload: {},
  });
  expect(pub.statusCode).toBe(200);
  const rev = await s.request({
    method: 'GET',
    url: `/api/v1/cycles/${cycleId}/results/revisions/1`,
    cookie: admin,
  });
  content = rev.json().content;
  const [row] = await db.select().from(criteriaVersions).where(eq(criteriaVersions.setId, 'cao-bang-2016'));
  bundledId = row!.id;
});
afterAll(() => s.close());

const load = async (set: Json) => {
  const res = await s.request({
    method: 'POST',
    url: '/api/v1/criteria',
    cookie: admin,
    payload: JSON.stringify(set),
    headers: { 'content-type': 'application/json' },
  });
  expect(res.statusCode).toBe(201);
  return res.json().version.id as string;
};
const dryRun = (versionId: string, cookie = admin, cycle = cycleId) =>
  s.request({ method: 'GET', url: `/api/v1/criteria/${versionId}/dry-run?cycleId=${cycle}`, cookie });

/** `chiso score --input cycle.json --criteria new.json`, in this process. */
async function cli(set: Json) {
  let stdout = '';
  let stderr = '';
  const file = cycleFileOf(content);
  const status = await main(['score', '--input', 'cycle.json', '--criteria', 'new.json'], {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    readFile: (p) => JSON.stringify(p === 'new.json' ? set : file),
  });
  return { status, stdout, stderr };
}

/** Every table's row count and a hash of its rows: what "nothing changed" is checked on. */
async function fingerprint(): Promise<Record<string, string>> {
  const db = s.deps.database.db;
  const tables = (
    (await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )) as unknown as { rows: { table_name: string }[] }
  ).rows.map((r) => r.table_name);
  const out: Record<string, string> = {};
  for (const t of tables) {
    const res = (await db.execute(
      sql.raw(
        `select count(*)::text as n, coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as h from "${t}" x`,
      ),
    )) as unknown as { rows: { n: string; h: string }[] };
    out[t] = `${res.rows[0]!.n}:${res.rows[0]!.h}`;
  }
  return out;
}

describe('dry run of a criteria version on a published year', () => {
  it('agrees exactly with chiso score --criteria NEW, shows who moves and the chain, and changes nothing', async () => {
    const set = revised('2.0');
    const versionId = await load(set);
    const before = await fingerprint();
    const res = await dryRun(versionId);
    expect(res.statusCode).toBe(200);
    const after = await fingerprint();
    expect(after).toEqual(before);
    expect(Object.keys(before).length).toBeGreaterThan(10);

    const run = res.json();
    expect(run.cycle).toMatchObject({ id: cycleId, year: 2017, revision: 1 });
    expect(run.from).toMatchObject({ versionId: bundledId, version: '1.0-reconstructed' });
    expect(run.to).toMatchObject({ versionId, version: '2.0' });
    expect(run.lineage).toEqual([
      {
        setId: 'cao-bang-2016',
        version: '1.0-reconstructed',
        versionId: bundledId,
        title: expect.any(String),
      },
    ]);
    expect(run.cli).toEqual({ accepted: true, problemCount: 0, problems: [] });

    const tool = await cli(set);
    expect(tool.stderr).toBe('');
    expect(tool.status).toBe(0);
    const expected = JSON.parse(tool.stdout) as {
      groups: { group: string; ranking: { code: string; rank: number; total: number; class: string }[] }[];
    };
    let compared = 0;
    for (const g of expected.groups) {
      const shown = run.groups.find((x: { id: string }) => x.id === g.group);
      for (const r of g.ranking) {
        const row = shown.rows.find((x: { code: string }) => x.code === r.code);
        expect(row.new).toMatchObject({ total: r.total, rank: r.rank, class: r.class });
        compared++;
      }
      // Ranked on both sides: exactly the tool's ranked agencies.
      expect(shown.rows.filter((x: { new: unknown }) => x.new !== null).length).toBe(g.ranking.length);
    }
    expect(compared).toBeGreaterThan(25);

    // Old side: the published ranking.
    for (const g of content.groups)
      for (const r of g.ranking) {
        const row = run.groups
          .find((x: { id: string }) => x.id === g.id)
          .rows.find((x: { code: string }) => x.code === r.code);
        expect(row.old).toMatchObject({ total: r.total, rank: r.rank, class: r.class });
        expect(row.move).toBe(r.rank - row.new.rank);
      }
    // Group A lost a point of category 5 and changed 1.4: somebody moves or changes total.
    const dept = run.groups.find((x: { id: string }) => x.id === 'department').rows;
    expect(
      dept.some(
        (r: { old: { total: number } | null; new: { total: number } | null }) =>
          r.old && r.new && r.old.total !== r.new.total,
      ),
    ).toBe(true);
    const { up, down, same } = run.summary;
    expect(up + down + same).toBe(
      run.groups
        .flatMap((g: { rows: { move: number | null }[] }) => g.rows)
        .filter((r: { move: number | null }) => r.move !== null).length,
    );

    // The new field: nobody gave it; optional, so treated as no value, as the tool does.
    const field = run.missingFields.find((f: { key: string }) => f.key === 'has_data_center');
    expect(field).toMatchObject({
      isNew: true,
      required: false,
      treatment: { vi: expect.stringContaining('tính 0 điểm') },
    });
    expect(field.agencies).toBe(content.agencies.filter((a) => a.submittedAt !== null).length);
    expect(run.dropped).toEqual([]);
  });

  it('says when the tool would refuse the old data, and scores it with what is missing treated as absent', async () => {
    const set = revised('2.1', { required: true });
    set.fields.find((f: { key: string }) => f.key === 'total_staff').max = 10;
    const versionId = await load(set);
    const before = await fingerprint();
    const res = await dryRun(versionId);
    expect(res.statusCode).toBe(200);
    expect(await fingerprint()).toEqual(before);
    const run = res.json();
    expect(run.cli.accepted).toBe(false);
    expect(run.cli.problemCount).toBeGreaterThan(0);
    expect(run.cli.problems.some((p: { field: string }) => p.field === 'has_data_center')).toBe(true);
    // The tool refuses the same file.
    const tool = await cli(set);
    expect(tool.status).not.toBe(0);
    expect(tool.stderr).toContain('has_data_center');
    const field = run.missingFields.find((f: { key: string }) => f.key === 'has_data_center');
    expect(field).toMatchObject({ required: true, treatment: { vi: expect.stringContaining('từ chối') } });
    const dropped = run.dropped.find((d: { key: string }) => d.key === 'total_staff');
    expect(dropped).toMatchObject({ kind: 'invalid_value' });
    expect(dropped.agencies).toBeGreaterThan(0);
    // Everyone who was ranked is still scored.
    const rows = run.groups.flatMap((g: { rows: unknown[] }) => g.rows) as { new: unknown; old: unknown }[];
    expect(rows.filter((r) => r.old !== null).every((r) => r.new !== null)).toBe(true);
  });

  it('refuses other roles, an unpublished year and an unknown version', async () => {
    const versionId = bundledId;
    for (const role of ['assessor', 'approver', 'viewer'] as const)
      expect((await dryRun(versionId, await s.as(role))).statusCode).toBe(403);
    const draft = await createCycle(s.deps.database.db, { year: 2019, state: 'open' });
    const res = await dryRun(versionId, admin, draft.id);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(
      'Năm này chưa công bố kết quả: chỉ chấm thử được trên số liệu đã công bố',
    );
    expect((await dryRun('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await dryRun('khong-phai-ma')).statusCode).toBe(400);
  });

  it('shows the version chain on the version page and in the list', async () => {
    const list = await s.request({ method: 'GET', url: '/api/v1/criteria', cookie: admin });
    const v2 = list.json().versions.find((v: { version: string }) => v.version === '2.0');
    expect(v2.derivedFrom).toEqual({ setId: 'cao-bang-2016', version: '1.0-reconstructed' });
    const one = await s.request({
      method: 'GET',
      url: `/api/v1/criteria/${v2.id}`,
      cookie: await s.as('viewer'),
    });
    expect(one.json().lineage).toEqual([
      {
        setId: 'cao-bang-2016',
        version: '1.0-reconstructed',
        versionId: bundledId,
        title: expect.any(String),
      },
    ]);
    expect(one.json().version.derivedFrom).toEqual({ setId: 'cao-bang-2016', version: '1.0-reconstructed' });
  });
});
