/**
 * The monitor against fixture websites on loopback: detectors measured on generated portals of
 * four layouts (precision and recall printed per field), the bad sites, politeness, pins, and
 * the guard that keeps the fetcher out of the server's own network.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureSites, startFixtureSites } from '../../test/fixtures/websites/index.ts';
import { importsOf } from '../../test/import-graph.ts';
import { bundledSet } from '../core/criteria/bundled.ts';
import { checkAvailability, checkContent, detectorsOf, runPool } from './index.ts';
import type { ContentResult } from './types.ts';

const NOW = new Date('2026-11-20T03:00:00Z');
const detectors = detectorsOf(bundledSet('cao-bang-2016') ?? { id: 'none' });
let fx: FixtureSites;

beforeAll(async () => {
  fx = await startFixtureSites({ count: 48, seed: 2026, now: NOW });
});
afterAll(async () => {
  await fx?.close();
});

const field = (r: ContentResult, key: string) => r.findings.find((f) => f.field === key);

describe('detectors on generated portals', () => {
  it('agree with the truth table on at least 95% of sites for every monitoring field', async () => {
    const results = await runPool(fx.sites, 4, (s) =>
      checkContent({ url: s.url }, detectors, { ...fx.monitorOptions, now: NOW }),
    );
    const stats = new Map<string, { tp: number; fp: number; fn: number; tn: number; agree: number }>();
    results.forEach((r, i) => {
      const truth = (fx.sites[i] as (typeof fx.sites)[number]).truth;
      expect(r.failure).toBeNull();
      for (const f of r.findings) {
        const s = stats.get(f.field) ?? { tp: 0, fp: 0, fn: 0, tn: 0, agree: 0 };
        const want = truth[f.field];
        if (f.value === want) s.agree++;
        if (typeof want === 'boolean') {
          if (f.value === true) want ? s.tp++ : s.fp++;
          else want ? s.fn++ : s.tn++;
        }
        stats.set(f.field, s);
      }
    });
    const pct = (n: number, d: number) => (d === 0 ? '   —  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
    const lines = [...stats].map(
      ([k, s]) =>
        `${k.padEnd(28)} precision ${pct(s.tp, s.tp + s.fp)}  recall ${pct(s.tp, s.tp + s.fn)}  agreement ${pct(s.agree, results.length)}`,
    );
    console.log(`Detectors on ${results.length} generated portals (4 layouts):\n${lines.join('\n')}`);
    expect(stats.size).toBe(detectors.detectors.length);
    for (const [k, s] of stats) expect(s.agree / results.length, k).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps evidence with the original diacritics, or says why nothing was found', async () => {
    const site = fx.sites.find((s) => s.truth.ws_dir_schedule === true && s.truth.ws_func_sitemap === false);
    if (!site) throw new Error('the seed has no such site');
    const r = await checkContent({ url: site.url }, detectors, { ...fx.monitorOptions, now: NOW });
    const schedule = field(r, 'ws_dir_schedule');
    expect(schedule?.evidence?.excerpt).toMatch(/L[ịỊ][cC][hH]/u);
    expect(schedule?.evidence?.excerpt.length).toBeLessThanOrEqual(200);
    const sitemap = field(r, 'ws_func_sitemap');
    expect(sitemap?.value).toBe(false);
    expect(sitemap?.evidence).toBeNull();
    expect(sitemap?.reason.vi).toMatch(/^Không thấy «so do trang».* trang đã xem$/);
    const news = field(r, 'ws_news_per_month');
    expect(news?.value).toBe(site.truth.ws_news_per_month);
    expect(news?.reason.vi).toContain('30 ngày');
    for (const p of r.pages) if (p.body) expect(p.body.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  });

  it('looks only at the pinned page for a pinned field', async () => {
    const site = fx.sites.find((s) => s.truth.ws_func_search === true) as (typeof fx.sites)[number];
    const missing = new URL('khong-co-trang-nay', site.url).href;
    const r = await checkContent({ url: site.url }, detectors, {
      ...fx.monitorOptions,
      now: NOW,
      pins: { ws_func_search: missing, ws_dir_schedule: site.url },
    });
    expect(field(r, 'ws_func_search')).toMatchObject({
      value: null,
      reason: { vi: `Trang được chỉ định ${missing} không đọc được` },
    });
    const schedule = field(r, 'ws_dir_schedule');
    if (schedule?.value === true) expect(schedule.evidence?.url).toBe(site.url);
  });

  it('stops at the page limit and at the time limit, and says which', async () => {
    const site = fx.sites[2] as (typeof fx.sites)[number];
    const byPages = await checkContent({ url: site.url }, detectors, {
      ...fx.monitorOptions,
      now: NOW,
      limits: { maxPages: 5 },
    });
    expect(byPages.pages).toHaveLength(5);
    expect(byPages.stoppedBy).toBe('pages');
    expect(field(byPages, 'website_active')?.value).toBe(true);
    const homeOnly = await checkContent({ url: site.url }, detectors, {
      ...fx.monitorOptions,
      now: NOW,
      limits: { maxDepth: 0 },
    });
    expect(homeOnly.pages.map((p) => p.url)).toEqual([site.url]);
    expect(homeOnly.stoppedBy).toBe('done');
    const byTime = await checkContent({ url: site.url }, detectors, {
      ...fx.monitorOptions,
      now: NOW,
      limits: { maxSiteMs: 1 },
    });
    expect(byTime.stoppedBy).toBe('time');
  });

  it('asks one host for one page at a time, also for sub-sites of one portal checked together', async () => {
    const subSites = fx.sites.filter((s) => s.layout === 'liferay').slice(0, 4);
    await runPool(subSites, 4, (s) =>
      checkContent({ url: s.url }, detectors, { ...fx.monitorOptions, now: NOW }),
    );
    expect(fx.maxInFlight.get('caobang.gov.vn')).toBe(1);
  });
});

describe('bad sites give a recorded failure with a Vietnamese reason, in bounded time', () => {
  const content = (host: keyof FixtureSites['bad'], limits = {}) =>
    checkContent({ url: fx.bad[host].url }, detectors, {
      ...fx.monitorOptions,
      now: NOW,
      limits: { maxPageBytes: 1024 * 1024, maxSiteMs: 15_000, ...limits },
    });

  it('redirect loop', async () => {
    const r = await content('redirect-loop.bad.test');
    expect(r.failure?.code).toBe('redirect_loop');
    expect(r.failure?.reason.vi).toBe('Trang chuyển hướng vòng quanh, không dẫn tới trang nào');
    expect(field(r, 'website_active')?.value).toBe(false);
    expect(field(r, 'ws_docs_section')).toMatchObject({ value: null });
  });

  it('a page that never ends is cut at the size limit', async () => {
    const t = performance.now();
    const r = await content('endless.bad.test');
    expect(performance.now() - t).toBeLessThan(15_000);
    expect(r.pages[0]?.bytes).toBe(1024 * 1024);
    expect(r.pages[0]?.failure?.vi).toBe('Trang quá lớn, chỉ đọc phần đầu (vượt 1 MB)');
  });

  it('a gzip bomb stops at the limit counted on decompressed bytes', async () => {
    const r = await content('gzip-bomb.bad.test');
    expect(r.pages[0]?.bytes).toBe(1024 * 1024);
    expect(r.pages[0]?.failure?.vi).toMatch(/^Trang quá lớn/);
  });

  it('invalid UTF-8 is read with replacement characters and recorded', async () => {
    const r = await content('invalid-utf8.bad.test');
    expect(r.pages[0]?.notes.map((n) => n.vi)).toEqual([
      'Trang có byte không hợp lệ theo UTF-8; các ký tự lỗi được thay bằng dấu �',
    ]);
    expect(field(r, 'ws_docs_section')?.value).toBe(true);
  });

  it('a wrong charset declaration is seen through and recorded', async () => {
    const r = await content('wrong-charset.bad.test');
    expect(r.pages[0]?.notes.map((n) => n.vi)).toEqual([
      'Trang khai báo bảng mã "iso-8859-1" nhưng nội dung là UTF-8; đã đọc theo UTF-8',
    ]);
    expect(field(r, 'ws_dir_schedule')?.evidence?.excerpt).toContain('Lịch công tác');
  });

  it('a 30 MB PDF in the menu is not downloaded', async () => {
    const t = performance.now();
    const r = await content('big-pdf.bad.test', { maxPageBytes: 5 * 1024 * 1024 });
    const pdf = r.pages.find((p) => p.url.endsWith('/tai-lieu/bao-cao-tong-hop'));
    expect(pdf?.contentType).toBe('application/pdf');
    expect(pdf?.bytes).toBeLessThanOrEqual(16 * 1024);
    expect(pdf?.notes[0]?.vi).toMatch(/^Địa chỉ không phải trang web/);
    expect(performance.now() - t).toBeLessThan(5_000);
  });

  it('robots.txt that forbids the monitor is respected', async () => {
    const before = fx.requests.get('robots.bad.test') ?? 0;
    const r = await content('robots.bad.test');
    expect(fx.requests.get('robots.bad.test')).toBe(before + 1); // robots.txt only
    expect(r.pages[0]?.failure?.vi).toBe('Tệp robots.txt của trang không cho phép hệ thống xem trang này');
    expect(field(r, 'website_active')?.value).toBe(false);
  });

  it.each([
    ['expired.bad.test', 'tls_expired', 'Chứng thư số (SSL) của trang đã hết hạn'],
    [
      'self-signed.bad.test',
      'tls_self_signed',
      'Chứng thư số (SSL) của trang tự cấp, không do tổ chức tin cậy cấp',
    ],
  ] as const)(
    '%s: the status is still reported, the certificate recorded as invalid',
    async (host, code, vi) => {
      const a = await checkAvailability(fx.bad[host].url, { ...fx.monitorOptions });
      expect(a).toMatchObject({
        ok: false,
        status: 200,
        failure: { code, reason: { vi } },
        tls: { valid: false },
      });
      const r = await content(host);
      expect(r.failure?.code).toBe(code);
      expect(r.tls?.valid).toBe(false);
    },
  );

  it('a valid certificate gives its days to expiry', async () => {
    const a = await checkAvailability(fx.secureUrl, { ...fx.monitorOptions });
    expect(a.tls).toMatchObject({ valid: true, problem: null });
    expect(a.tls?.daysLeft).toBeGreaterThanOrEqual(58);
    expect(a.tls?.daysLeft).toBeLessThanOrEqual(60);
  });
});

describe('availability', () => {
  it('reports status, time to first byte and the final address', async () => {
    const site = fx.sites[1] as (typeof fx.sites)[number];
    const a = await checkAvailability(site.url, { ...fx.monitorOptions, now: NOW });
    expect(a).toMatchObject({
      ok: true,
      status: 200,
      finalUrl: site.url,
      tls: null,
      failure: null,
      checkedAt: NOW.toISOString(),
    });
    expect(a.ttfbMs).toBeGreaterThanOrEqual(0);
  });

  it('an unknown name is a DNS failure in Vietnamese', async () => {
    const a = await checkAvailability('http://khong-ton-tai.caobang.gov.vn/', { ...fx.monitorOptions });
    expect(a.failure).toEqual({
      code: 'dns',
      reason: {
        vi: 'Không tìm thấy tên miền (DNS không trả lời địa chỉ nào)',
        en: 'The domain name does not resolve',
      },
    });
  });
});

describe('the guard, with the tests’ allowance scoped to the fixture names', () => {
  const REDIRECT_REASON =
    'Trang chuyển hướng tới một địa chỉ mạng nội bộ (máy cục bộ, mạng riêng hoặc địa chỉ quản trị máy chủ), hệ thống không đi theo (vì an toàn)';

  it('refuses a redirect from a fixture site to loopback, and never asks the loopback target', async () => {
    const before = fx.requests.get('127.0.0.1') ?? 0;
    const a = await checkAvailability(fx.bad['redirect-private.bad.test'].url, { ...fx.monitorOptions });
    expect(a.ok).toBe(false);
    expect(a.status).toBe(302);
    expect(a.failure?.code).toBe('redirect_refused_address');
    expect(a.failure?.reason.vi).toBe(REDIRECT_REASON);
    expect(fx.requests.get('127.0.0.1') ?? 0).toBe(before);
  });

  it('refuses a redirect to the cloud metadata address', async () => {
    const url = new URL('may-chu', fx.bad['redirect-private.bad.test'].url).href;
    const a = await checkAvailability(url, { ...fx.monitorOptions });
    expect(a.failure?.code).toBe('redirect_refused_address');
  });

  it('gives the content check the same recorded failure, not a crash', async () => {
    const r = await checkContent({ url: fx.bad['redirect-private.bad.test'].url }, detectors, {
      ...fx.monitorOptions,
      now: NOW,
    });
    expect(r.failure?.code).toBe('redirect_refused_address');
    expect(r.failure?.reason.vi).toBe(REDIRECT_REASON);
  });
});

describe('the guard, without the test setting', () => {
  it('refuses a loopback address in the URL before connecting', async () => {
    const before = fx.requests.get('127.0.0.1') ?? 0;
    const port = new URL(fx.sites[0]?.url ?? '').port;
    const a = await checkAvailability(`http://127.0.0.1:${port}/`);
    expect(a.failure?.code).toBe('refused_address');
    expect(a.failure?.reason.vi).toBe(
      'Tên miền trỏ tới địa chỉ mạng nội bộ, hệ thống không truy cập (vì an toàn)',
    );
    expect(fx.requests.get('127.0.0.1') ?? 0).toBe(before);
  });

  it.each(['127.0.0.1', '10.0.0.5', '169.254.169.254', '::1', '::ffff:127.0.0.1'])(
    'refuses a name that resolves to %s',
    async (address) => {
      const a = await checkAvailability('http://noi-bo.example.test/', {
        resolve: async () => [address],
        connectTimeoutMs: 2_000,
      });
      expect(a.failure?.code).toBe('refused_address');
    },
  );

  it('refuses when any of the addresses of a name is private (no picking the public one)', async () => {
    const a = await checkAvailability('http://hai-dia-chi.example.test/', {
      resolve: async () => ['203.113.131.2', '192.168.1.1'],
    });
    expect(a.failure?.code).toBe('refused_address');
  });
});

describe('the monitor is a library', () => {
  it('imports nothing from the server or the web application', () => {
    const root = join(import.meta.dirname, '.');
    const walk = (d: string): string[] =>
      readdirSync(d).flatMap((n) =>
        statSync(join(d, n)).isDirectory()
          ? walk(join(d, n))
          : n.endsWith('.ts') && !n.endsWith('.test.ts')
            ? [join(d, n)]
            : [],
      );
    const bad = walk(root).flatMap((f) =>
      importsOf(f, readFileSync(f, 'utf8'))
        .filter((i) => /\/(server|web)\//.test(i.specifier))
        .map((i) => `${f}: ${i.specifier}`),
    );
    expect(bad).toEqual([]);
  });
});
