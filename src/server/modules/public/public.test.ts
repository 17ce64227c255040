import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle, createSubmission } from '../../../../test/fixtures.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { bundledCompiledSet, bundledSet } from '../../../core/criteria/bundled.ts';
import type { Db } from '../../db/open.ts';
import { cycleAgencies, publishedSnapshots } from '../../db/schema.ts';
import { loadSampleYear as loadDemoYear } from '../../demo.ts';
import type { App } from '../../platform/http.ts';
import type { SnapshotContent } from '../results/snapshot.ts';
import { escapeHtml, html, raw } from './html.ts';

const SET = bundledCompiledSet('cao-bang-2016')!;
const EXAMPLE = new URL('../../../../examples/cao-bang-2017.json', import.meta.url);
const EVIL = '<script>alert(1)</script>';
const SECRET = 'Đơn vị chưa công bố 2018';
const url = (cycleId: string, rest = '') => `/api/v1/cycles/${cycleId}${rest}`;

async function loadSampleYear(db: Db, cycleId: string) {
  const file = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Parameters<typeof loadDemoYear>[3];
  await loadDemoYear(db, SET, cycleId, file);
}

const rename = (db: Db, cycleId: string, code: string, name: string) =>
  db
    .update(cycleAgencies)
    .set({ name })
    .where(and(eq(cycleAgencies.cycleId, cycleId), eq(cycleAgencies.code, code)));

/** The app serves the public site at the root. */
const siteOf = async (s: TestServer): Promise<App> => s.app;

/** Points as the pages write them: "87,25". */
const vi = (points: number) => {
  const h = Math.round(points * 100);
  return `${Math.trunc(h / 100)},${String(h % 100).padStart(2, '0')}`;
};

function expectGoodPage(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(res.headers['cache-control']).toBe('public, max-age=60');
  expect(res.body.startsWith('<!doctype html>\n<html lang="vi">')).toBe(true);
  expect(res.body).toContain('<meta charset="utf-8">');
  expect(res.body).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  expect(res.body).toContain('@media print');
  expect(res.body.toLowerCase()).not.toContain('<script');
  expect(res.body).toMatch(/<h1>[^<]+<\/h1>/);
  expect(Buffer.byteLength(res.body)).toBeLessThan(50 * 1024);
}

describe('html helper', () => {
  it('escapes every interpolation and keeps trusted fragments', () => {
    expect(html`<td>${EVIL}</td>`.value).toBe('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(html`<a title="${'"x" & \'y\''}">`.value).toBe('<a title="&quot;x&quot; &amp; &#39;y&#39;">');
    expect(html`<ul>${['<a>', html`<li>${'&'}</li>`, null, undefined, false, 0]}</ul>`.value).toBe(
      '<ul>&lt;a&gt;<li>&amp;</li>0</ul>',
    );
    expect(html`${raw('<br>')}`.value).toBe('<br>');
    expect(escapeHtml('a<b')).toBe('a&lt;b');
  });
});

describe('the public pages (R6, R7, R9, R12, R20)', () => {
  let s: TestServer;
  let site: App;
  let cycleId: string;
  let content: SnapshotContent;
  const get = (path: string) => site.inject({ method: 'GET', url: path });

  beforeAll(async () => {
    s = await testServer({ now: '2017-12-15T03:00:00Z' });
    const db = s.deps.database.db;
    const approver = await s.as('approver');
    // An earlier year, published.
    s.clock.set('2016-12-20T03:00:00Z');
    const y2016 = await createCycle(db, { year: 2016, state: 'approved' });
    for (const code of ['STTTT', 'HHA']) await createSubmission(db, y2016.id, code);
    expect(
      (await s.request({ method: 'POST', url: url(y2016.id, '/publish'), cookie: approver, payload: {} }))
        .statusCode,
    ).toBe(200);
    // The sample year, with one agency whose name is markup.
    s.clock.set('2017-12-15T03:00:00Z');
    const cycle = await createCycle(db, { state: 'approved' });
    cycleId = cycle.id;
    await loadSampleYear(db, cycleId);
    await rename(db, cycleId, 'SXD', EVIL);
    const pub = await s.request({
      method: 'POST',
      url: url(cycleId, '/publish'),
      cookie: approver,
      payload: {},
    });
    expect(pub.statusCode).toBe(200);
    const [row] = await db.select().from(publishedSnapshots).where(eq(publishedSnapshots.cycleId, cycleId));
    content = row!.content as SnapshotContent;
    // A later year under review: its data must never reach the public pages.
    const y2018 = await createCycle(db, { year: 2018, state: 'under_review' });
    for (const code of ['STTTT', 'HHA']) await createSubmission(db, y2018.id, code);
    await rename(db, y2018.id, 'STTTT', SECRET);
    site = await siteOf(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('shows a year: both rankings in order, classes, scores, the agencies not ranked with the reason', async () => {
    const res = await get('/ket-qua/2017');
    expect(res.statusCode).toBe(200);
    expectGoodPage(res);
    const body = res.body;
    console.info(`/ket-qua/2017: ${Buffer.byteLength(body)} bytes`);
    expect(content.groups.map((g) => g.id)).toEqual(['department', 'district']);
    expect(content.agencies).toHaveLength(33);
    let at = 0;
    for (const g of content.groups) {
      const heading = body.indexOf(`<h2>${escapeHtml(g.name.vi)}</h2>`, at);
      expect(heading, g.id).toBeGreaterThan(at);
      at = heading;
      expect(g.ranking.length).toBeGreaterThan(5);
      for (const r of g.ranking) {
        const row = `<tr><td class="n">${r.rank}</td><th scope="row">${escapeHtml(r.name)}</th>`;
        const pos = body.indexOf(row, at);
        expect(pos, r.code).toBeGreaterThan(at);
        const end = body.indexOf('</tr>', pos);
        const cells = body.slice(pos, end);
        expect(cells).toContain(`<strong>${vi(r.total)}</strong>`);
        expect(cells).toContain(`<td>${r.classLabel.vi}</td>`);
        for (const c of r.categories) expect(cells).toContain(`<td class="n">${vi(c.points)}</td>`);
        at = pos;
      }
      for (const c of g.categories) expect(body).toContain(`HM${c.id}</abbr><br>(tối đa ${c.max})</th>`);
      for (const n of g.notRanked) {
        const pos = body.indexOf(
          `<tr><th scope="row">${escapeHtml(n.name)}</th><td>${n.reasonLabel.vi}</td></tr>`,
          at,
        );
        expect(pos, n.code).toBeGreaterThan(at);
      }
    }
    const notRanked = content.groups.flatMap((g) => g.notRanked.map((n) => [n.code, n.reason]));
    expect(notRanked).toEqual(
      expect.arrayContaining([
        ['SNGV', 'missing'],
        ['SNV', 'late'],
        ['HTN', 'late'],
      ]),
    );
    expect(body).toContain('Nộp muộn');
    expect(body).toContain('Không nộp');
    expect(body).toContain('Sở Thông tin và Truyền thông');
    expect(body).toContain('UBND huyện Hòa An');
    expect(body).toMatch(/<strong>\d{2},\d{2}<\/strong>/);
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).not.toContain(EVIL);
    expect(body).toContain('<tr><th scope="row">Tốt</th><td>từ 85 điểm trở lên</td></tr>');
    expect(body).toContain('<tr><th scope="row">Khá</th><td>từ 65 đến dưới 85 điểm</td></tr>');
    expect(body).toContain('<tr><th scope="row">Dưới trung bình</th><td>dưới 50 điểm</td></tr>');
    expect(body).toContain('href="/phuong-phap"');
    expect(body).toContain(`<dd>${vnDay(content.publishedAt)}</dd>`);
    expect(body).toMatch(/<caption>Bảng xếp hạng — /);
    expect(body).not.toContain(SECRET);
  });

  it('quotes each year’s own deadline in the late rule, and carries the site’s header with a sign-in link', async () => {
    for (const year of [2016, 2017]) {
      const body = (await get(`/ket-qua/${year}`)).body;
      expect(body).toContain(
        `nộp báo cáo muộn (từ 00:00 ngày 01/11/${year}, giờ Việt Nam — hạn nộp của kỳ này)`,
      );
      expect(body).not.toMatch(/từ 00:00 ngày 01\/11,/);
      expect(body).toContain('<a href="/ket-qua">Chỉ số ứng dụng CNTT — Sở TT&amp;TT Cao Bằng</a>');
      expect(body).toContain('<p class="site-sign-in"><a href="/">Đăng nhập</a></p>');
      expect(body).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    }
  });

  it('lists the published years, newest first, with the latest ranking inline', async () => {
    const res = await get('/ket-qua');
    expect(res.statusCode).toBe(200);
    expectGoodPage(res);
    console.info(`/ket-qua: ${Buffer.byteLength(res.body)} bytes`);
    const body = res.body;
    const y2017 = body.indexOf('<a href="/ket-qua/2017">2017</a>');
    const y2016 = body.indexOf('<a href="/ket-qua/2016">2016</a>');
    expect(y2017).toBeGreaterThan(0);
    expect(y2016).toBeGreaterThan(y2017);
    expect(body).toContain('<td>20/12/2016</td>');
    expect(body).toContain('<td>15/12/2017</td>');
    expect(body).not.toContain('/ket-qua/2018');
    expect(body).not.toContain(SECRET);
    const first = content.groups[1]!.ranking[0]!;
    expect(body).toContain(`<th scope="row">${escapeHtml(first.name)}</th>`);
    expect(body).toContain('<h2>Kết quả năm 2017</h2>');
  });

  it('answers 404 in HTML for a year without publication, never showing a cycle under review', async () => {
    for (const path of [
      '/ket-qua/2018',
      '/ket-qua/1999',
      '/ket-qua/abc',
      '/ket-qua/2017?ban=9',
      '/ket-qua/2017?ban=x',
    ]) {
      const res = await get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('<html lang="vi">');
      expect(res.body).toContain('<a href="/ket-qua">Về danh sách kết quả các năm</a>');
      expect(res.body).not.toContain(SECRET);
      expect(res.body.toLowerCase()).not.toContain('<script');
    }
    expect((await get('/ket-qua/2018')).body).toContain('Kết quả đánh giá năm 2018 chưa được công bố.');
  });

  it('needs no sign-in, and a signed-in reader gets the same page', async () => {
    const anonymous = await get('/ket-qua/2017');
    const signed = await site.inject({
      method: 'GET',
      url: '/ket-qua/2017',
      headers: { cookie: await s.as('viewer') },
    });
    expect(anonymous.statusCode).toBe(200);
    expect(signed.body).toBe(anonymous.body);
    expect(site.routeTable.filter((r) => r.url.startsWith('/ket-qua') || r.url === '/phuong-phap')).toEqual([
      { method: 'GET', url: '/ket-qua', access: 'public' },
      { method: 'GET', url: '/ket-qua/:year', access: 'public' },
      { method: 'GET', url: '/phuong-phap', access: 'public' },
    ]);
  });

  it('shows the scoring method: every criterion of both groups with its maximum, the bands, the rules', async () => {
    const res = await get('/phuong-phap');
    expect(res.statusCode).toBe(200);
    expectGoodPage(res);
    console.info(`/phuong-phap: ${Buffer.byteLength(res.body)} bytes`);
    const body = res.body;
    const set = bundledSet('cao-bang-2016')!;
    const parts = body.split('<section class="group">').slice(1);
    expect(parts).toHaveLength(set.groups.length);
    set.groups.forEach((g, i) => {
      const part = parts[i]!;
      expect(part).toContain(`<h2>${escapeHtml(g.name.vi)}`);
      for (const c of g.categories) {
        expect(part).toContain(`<h3>Hạng mục ${c.id}. ${escapeHtml(c.name.vi)} (tối đa ${c.max} điểm)</h3>`);
        for (const k of c.criteria) {
          const max = String(k.max).replace('.', ',');
          expect(part, `${g.id} ${k.id}`).toContain(
            `<tr><th scope="row">${k.id}</th><td>${escapeHtml(k.name.vi)}</td><td class="n">${max}</td>`,
          );
          if (k.formulaText) expect(part).toContain(escapeHtml(k.formulaText.vi));
          if (k.notApplicable)
            expect(part).toContain(`Được phép khi: ${escapeHtml(k.notApplicable.when.vi)}`);
        }
      }
    });
    expect(body).toContain('<tr><th scope="row">Tốt</th><td>từ 85 điểm trở lên</td></tr>');
    expect(body).toContain('<tr><th scope="row">Trung bình</th><td>từ 50 đến dưới 65 điểm</td></tr>');
    expect(body).toContain('Lưu ý: đây là bộ tiêu chí dựng lại');
    expect(body).toContain('Kỳ đánh giá năm 2017 (kết quả đã công bố)');
    expect(body).toContain('nộp từ 01/11/2017 00:00:00 (giờ Việt Nam) trở đi là nộp muộn');
    expect(body).toContain('0,01 điểm');
    expect(body).toContain('trung bình điểm của các lần kiểm tra');
    expect(body).toContain('cùng hạng');
  });

  it('shows a revision with its reason; the earlier revision stays reachable', async () => {
    const admin = await s.as('admin');
    let approver = await s.as('approver');
    const revise = await s.request({
      method: 'POST',
      url: url(cycleId, '/revise'),
      cookie: admin,
      payload: { reason: 'Khiếu nại của Sở Tài chính' },
    });
    expect(revise.statusCode).toBe(200);
    // Under review again: the public still reads revision 1.
    const during = await get('/ket-qua/2017');
    expect(during.statusCode).toBe(200);
    expect(during.body).not.toContain('Kết quả điều chỉnh');
    expect(
      (await s.request({ method: 'POST', url: url(cycleId, '/approve'), cookie: approver, payload: {} }))
        .statusCode,
    ).toBe(200);
    s.clock.set('2017-12-28T03:00:00Z');
    approver = await s.login('approver-x');
    const why = 'Điều chỉnh <b>tiêu chí 1.2</b> sau khảo sát';
    const second = await s.request({
      method: 'POST',
      url: url(cycleId, '/publish'),
      cookie: approver,
      payload: { reason: why },
    });
    expect(second.statusCode).toBe(200);

    const latest = await get('/ket-qua/2017');
    expect(latest.statusCode).toBe(200);
    expectGoodPage(latest);
    expect(latest.body).toContain('Kết quả điều chỉnh — lần công bố thứ 2</strong>, ngày 28/12/2017');
    expect(latest.body).toContain(`Lý do điều chỉnh: ${escapeHtml(why)}`);
    expect(latest.body).not.toContain('<b>tiêu chí');
    expect(latest.body).toContain('<a href="/ket-qua/2017?ban=1">Lần 1</a>, ngày 15/12/2017');

    const first = await get('/ket-qua/2017?ban=1');
    expect(first.statusCode).toBe(200);
    expectGoodPage(first);
    expect(first.body).toContain('Đây là lần công bố thứ 1, đã được thay bằng lần công bố thứ 2.');
    expect(first.body).toContain('<dd>15/12/2017</dd>');
    expect(first.body).not.toContain('Kết quả điều chỉnh —');

    const index = await get('/ket-qua');
    expect(index.body).toMatch(
      /<a href="\/ket-qua\/2017">2017<\/a><\/th><td>28\/12\/2017<\/td><td class="n">2<\/td>/,
    );
  });
});

describe('the public pages before anything is published', () => {
  let s: TestServer;
  let site: App;
  beforeAll(async () => {
    s = await testServer();
    site = await siteOf(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('says nothing is published and shows the bundled method', async () => {
    const index = await site.inject({ method: 'GET', url: '/ket-qua' });
    expect(index.statusCode).toBe(200);
    expectGoodPage(index);
    expect(index.body).toContain('Chưa có kết quả nào được công bố.');
    const method = await site.inject({ method: 'GET', url: '/phuong-phap' });
    expect(method.statusCode).toBe(200);
    expectGoodPage(method);
    expect(method.body).toContain('cao-bang-2016, phiên bản');
    expect(method.body).toContain('Bộ tiêu chí đi kèm hệ thống (chưa có kỳ đánh giá nào)');
  });
});

/** dd/mm/yyyy of an ISO instant in Vietnam time. */
function vnDay(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}
