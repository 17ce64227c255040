import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreWithCli } from '../../../../test/chiso.ts';
import { createCycle, createSubmission } from '../../../../test/fixtures.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { bundledCompiledSet } from '../../../core/criteria/bundled.ts';
import type { Db } from '../../db/open.ts';
import { cycleAgencies, publishedSnapshots } from '../../db/schema.ts';
import { loadSampleYear as loadDemoYear } from '../../demo.ts';
import { cycleFileOf } from '../results/cycle-file.ts';
import type { SnapshotContent } from '../results/snapshot.ts';

const SET = bundledCompiledSet('cao-bang-2016')!;
const EXAMPLE = new URL('../../../../examples/cao-bang-2017.json', import.meta.url);
const SECRET = 'Đơn vị chưa công bố 2018';
const url = (cycleId: string, rest = '') => `/api/v1/cycles/${cycleId}${rest}`;

/** RFC 4180: fields quoted only when needed, quotes doubled, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  expect(field, 'the file ends with CRLF').toBe('');
  expect(row).toEqual([]);
  return rows;
}

interface Resource {
  name: string;
  path: string;
  profile: string;
  format: string;
  mediatype: string;
  encoding: string;
  bytes: number;
  hash: string;
  schema?: { fields: { name: string; type: string; title: string }[]; primaryKey?: string[] };
}
interface Descriptor {
  profile: string;
  name: string;
  title: string;
  version: string;
  licenses: { name?: string; path?: string; title?: string }[];
  resources: Resource[];
}

/** The value of a typed CSV field, as a Frictionless reader would parse it ('' is missing). */
function typed(type: string, text: string): string | number | boolean | null {
  if (text === '') return null;
  if (type === 'integer') {
    expect(text).toMatch(/^-?\d+$/);
    return Number(text);
  }
  if (type === 'number') {
    expect(text).toMatch(/^-?\d+(\.\d+)?$/);
    return Number(text);
  }
  if (type === 'boolean') {
    expect(['true', 'false']).toContain(text);
    return text === 'true';
  }
  expect(type).toBe('string');
  return text;
}

describe('open data of the published years (R20)', () => {
  let s: TestServer;
  let cycleId: string;
  let content: SnapshotContent;
  const get = (path: string, headers: Record<string, string> = {}) =>
    s.app.inject({ method: 'GET', url: path, headers });

  /** The files of a revision's package, read through the package's own description. */
  async function readPackage(base: string) {
    const res = await get(`${base}/datapackage.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const descriptor = JSON.parse(res.body) as Descriptor;
    const tables: Record<string, Record<string, string | number | boolean | null>[]> = {};
    const bodies: Record<string, string> = {};
    for (const r of descriptor.resources) {
      const file = await get(`${base}/${r.path}`);
      expect(file.statusCode, r.path).toBe(200);
      expect(file.headers['content-type']).toBe(`${r.mediatype}; charset=utf-8`);
      expect(file.rawPayload.length, r.path).toBe(r.bytes);
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(file.rawPayload).digest('hex')}`);
      bodies[r.name] = file.body;
      if (!r.schema) continue;
      expect(file.body.charCodeAt(0), 'no BOM in machine CSV').not.toBe(0xfeff);
      const [header, ...rows] = parseCsv(file.body);
      expect(header, r.path).toEqual(r.schema.fields.map((f) => f.name));
      tables[r.name] = rows.map((cells) => {
        expect(cells).toHaveLength(header!.length);
        return Object.fromEntries(r.schema!.fields.map((f, i) => [f.name, typed(f.type, cells[i]!)]));
      });
      if (r.schema.primaryKey) {
        const keys = tables[r.name]!.map((row) => r.schema!.primaryKey!.map((k) => row[k]).join('|'));
        expect(new Set(keys).size, `${r.path} primary key`).toBe(keys.length);
      }
    }
    return { descriptor, tables, bodies };
  }

  beforeAll(async () => {
    s = await testServer({ now: '2017-12-15T03:00:00Z' });
    const db: Db = s.deps.database.db;
    const approver = await s.as('approver');
    s.clock.set('2016-12-20T03:00:00Z');
    const y2016 = await createCycle(db, { year: 2016, state: 'approved' });
    for (const code of ['STTTT', 'HHA']) await createSubmission(db, y2016.id, code);
    const publish = (id: string, cookie: string, payload: object = {}) =>
      s.request({ method: 'POST', url: url(id, '/publish'), cookie, payload });
    expect((await publish(y2016.id, approver)).statusCode).toBe(200);
    s.clock.set('2017-12-15T03:00:00Z');
    const cycle = await createCycle(db, { state: 'approved' });
    cycleId = cycle.id;
    const file = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Parameters<typeof loadDemoYear>[3];
    await loadDemoYear(db, SET, cycleId, file);
    // A name that needs quoting in a CSV.
    await db
      .update(cycleAgencies)
      .set({ name: 'Sở Xây dựng, "thí điểm"' })
      .where(and(eq(cycleAgencies.cycleId, cycleId), eq(cycleAgencies.code, 'SXD')));
    expect((await publish(cycleId, approver)).statusCode).toBe(200);
    const [row] = await db.select().from(publishedSnapshots).where(eq(publishedSnapshots.cycleId, cycleId));
    content = row!.content as SnapshotContent;
    const y2018 = await createCycle(db, { year: 2018, state: 'under_review' });
    for (const code of ['STTTT', 'HHA']) await createSubmission(db, y2018.id, code);
    await db
      .update(cycleAgencies)
      .set({ name: SECRET })
      .where(and(eq(cycleAgencies.cycleId, y2018.id), eq(cycleAgencies.code, 'STTTT')));
  });
  afterAll(async () => {
    await s.close();
  });

  it('lists the published years and is linked from the public results', async () => {
    const index = await get('/du-lieu-mo');
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body).toContain('<a href="/du-lieu-mo/2017">2017</a>');
    expect(index.body).toContain('<a href="/du-lieu-mo/2016/datapackage.json">');
    expect(index.body).not.toContain('2018');
    expect((await get('/ket-qua')).body).toContain('<a href="/du-lieu-mo">Dữ liệu mở</a>');
    expect((await get('/ket-qua/2017')).body).toContain('<a href="/du-lieu-mo/2017">');
    const year = await get('/du-lieu-mo/2017');
    expect(year.statusCode).toBe(200);
    for (const f of ['datapackage.json', 'ket-qua.csv', 'diem-tieu-chi.csv', 'bo-tieu-chi.json'])
      expect(year.body).toContain(`<a href="/du-lieu-mo/2017/${f}">${f}</a>`);
  });

  it('describes every file and column in a valid Data Package, and each file matches it', async () => {
    const { descriptor } = await readPackage('/du-lieu-mo/2017');
    // What the Data Package specification requires, and what we promise on top.
    expect(descriptor.profile).toBe('data-package');
    expect(descriptor.name).toMatch(/^[a-z0-9._-]+$/);
    expect(descriptor.version).toBe('1');
    expect(descriptor.licenses[0]!.name).toBe('CC-BY-4.0');
    expect(descriptor.resources.length).toBe(6);
    const names = descriptor.resources.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of descriptor.resources) {
      expect(r.name).toMatch(/^[a-z0-9._-]+$/);
      expect(r.path).toMatch(/^[a-z0-9-]+\.(csv|json)$/);
      expect(r.encoding).toBe('utf-8');
      if (r.format === 'csv') {
        expect(r.profile).toBe('tabular-data-resource');
        for (const f of r.schema!.fields) {
          expect(['string', 'integer', 'number', 'boolean']).toContain(f.type);
          expect(f.title.length).toBeGreaterThan(2);
        }
        for (const k of r.schema!.primaryKey ?? []) expect(r.schema!.fields.map((f) => f.name)).toContain(k);
      } else expect(r.profile).toBe('data-resource');
    }
  });

  it('gives the published ranking row for row, and the interchange JSON that chiso score prints', async () => {
    const { tables, bodies } = await readPackage('/du-lieu-mo/2017');
    const expected = content.groups.flatMap((g) => [
      ...g.ranking.map((r) => ({
        group: g.id,
        group_name: g.name.vi,
        rank: r.rank,
        code: r.code,
        agency: r.name,
        total: r.total,
        class: r.class,
        class_label: r.classLabel.vi,
        not_ranked_reason: null,
        self_total: r.selfTotal ?? null,
      })),
      ...g.notRanked.map((n) => ({
        group: g.id,
        group_name: g.name.vi,
        rank: null,
        code: n.code,
        agency: n.name,
        total: null,
        class: null,
        class_label: null,
        not_ranked_reason: n.reason,
        self_total: n.selfTotal ?? null,
      })),
    ]);
    expect(tables['ket-qua']).toEqual(expected);
    expect(tables['ket-qua']!.map((r) => r.agency)).toContain('Sở Xây dựng, "thí điểm"');
    expect(tables['ket-qua']!.filter((r) => r.not_ranked_reason !== null).length).toBeGreaterThan(0);
    // Categories and criteria add up to the totals, as published.
    for (const g of content.groups)
      for (const r of g.ranking) {
        const cats = tables['diem-hang-muc']!.filter((c) => c.code === r.code);
        expect(cats.map((c) => c.points)).toEqual(r.categories.map((c) => c.points));
        const crit = tables['diem-tieu-chi']!.filter((c) => c.code === r.code);
        expect(Object.fromEntries(crit.map((c) => [c.criterion, c.points]))).toEqual(r.criteria);
      }
    // The criteria list covers every criterion scored, with the set's maxima.
    for (const g of SET.groups)
      for (const k of g.criteria) {
        const row = tables['tieu-chi']!.find((t) => t.group === g.id && t.criterion === k.id);
        expect(row?.max, `${g.id} ${k.id}`).toBe(k.maxHundredths / 100);
      }
    const set = JSON.parse(bodies['bo-tieu-chi']!) as { id: string; version: string };
    expect(set.id).toBe(content.criteria.setId);
    // Anyone can check the year with the command-line tool: same output byte for byte.
    const file = cycleFileOf(content);
    const { status, stdout, stderr } = await scoreWithCli(file);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(JSON.parse(bodies['ket-qua-json']!)).toEqual(JSON.parse(stdout));
  });

  it('never shows a year that was not published; a wrong address is a 404 page', async () => {
    for (const path of [
      '/du-lieu-mo/2018',
      '/du-lieu-mo/2018/datapackage.json',
      '/du-lieu-mo/2018/ket-qua.csv',
      '/du-lieu-mo/2019/ket-qua.csv',
      '/du-lieu-mo/abcd',
      '/du-lieu-mo/2017/khong-co.csv',
      '/du-lieu-mo/2017/lan/0/ket-qua.csv',
      '/du-lieu-mo/2017/lan/9/ket-qua.csv',
      '/du-lieu-mo/2017/..%2F..%2Fpackage.json',
    ]) {
      const res = await get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('Không có dữ liệu mở');
    }
    for (const year of ['2016', '2017']) {
      const { bodies } = await readPackage(`/du-lieu-mo/${year}`);
      for (const body of Object.values(bodies)) expect(body).not.toContain(SECRET);
    }
  });

  it('answers 304 to a reader that has the file', async () => {
    const first = await get('/du-lieu-mo/2017/ket-qua.csv');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    const again = await get('/du-lieu-mo/2017/ket-qua.csv', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('keeps each revision at its own address after a correction', async () => {
    const admin = await s.as('admin');
    expect(
      (
        await s.request({
          method: 'POST',
          url: url(cycleId, '/revise'),
          cookie: admin,
          payload: { reason: 'Khiếu nại' },
        })
      ).statusCode,
    ).toBe(200);
    // Under review again: the open data still serves revision 1.
    expect(JSON.parse((await get('/du-lieu-mo/2017/datapackage.json')).body).version).toBe('1');
    const approver = await s.as('approver');
    expect(
      (await s.request({ method: 'POST', url: url(cycleId, '/approve'), cookie: approver, payload: {} }))
        .statusCode,
    ).toBe(200);
    s.clock.set('2017-12-28T03:00:00Z');
    const second = await s.request({
      method: 'POST',
      url: url(cycleId, '/publish'),
      cookie: await s.login('approver-x'),
      payload: { reason: 'Điều chỉnh sau khiếu nại' },
    });
    expect(second.statusCode).toBe(200);
    const latest = await readPackage('/du-lieu-mo/2017');
    expect(latest.descriptor.version).toBe('2');
    const first = await readPackage('/du-lieu-mo/2017/lan/1');
    expect(first.descriptor.version).toBe('1');
    const page = await get('/du-lieu-mo/2017/lan/1');
    expect(page.body).toContain('<a href="/du-lieu-mo/2017/lan/1/ket-qua.csv">ket-qua.csv</a>');
    expect(page.body).toContain('xem lần hiện hành (lần 2)');
  });
});
