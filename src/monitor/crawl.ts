/**
 * The content check: the home page and the pages its menus lead to (depth 2, at most 60 pages,
 * 5 MB each, 2 minutes a site), inside the site's scope, robots.txt respected; then the
 * detectors of the criteria set decide the monitoring fields from what was seen.
 */
import { gzipSync } from 'node:zlib';
import robotsParser from 'robots-parser';
import { hasDate } from './detect/dates.ts';
import type { DetectorSet } from './detect/detectors.ts';
import { extractPage, type Link } from './detect/extract.ts';
import { normalizeVi } from './detect/normalize.ts';
import { runDetectors, type SeenPage } from './detect/run.ts';
import { decodeHtml } from './fetch/charset.ts';
import { Fetcher } from './fetch/fetcher.ts';
import { failure as failureOf, reason } from './fetch/reasons.ts';
import type { ContentOptions, ContentResult, CrawlLimits, Failure, PageRecord, SiteTarget } from './types.ts';

export const DEFAULT_LIMITS: CrawlLimits = {
  maxDepth: 2,
  maxPages: 60,
  maxPageBytes: 5 * 1024 * 1024,
  maxSiteMs: 120_000,
};

/** Links to files are not pages: following them would only download documents. */
const FILE =
  /\.(pdf|docx?|xlsx?|pptx?|odt|ods|zip|rar|7z|gz|jpe?g|png|gif|webp|svg|bmp|ico|mp[34]|avi|mov|wmv|flv|exe|apk|iso)$/i;
const PAGER = /^(\d{1,3}|trang \d+|tiep|tiep theo|sau|next|cuoi|»|›|>|>>)$/;

/** Default scope: the home page's directory (a portal sub-site stays inside /web/<agency>/). */
export function defaultScope(url: string): string {
  const u = new URL(url);
  u.hash = '';
  u.search = '';
  u.pathname = u.pathname.slice(0, u.pathname.lastIndexOf('/') + 1);
  return u.href;
}

const inScope = (url: string, scope: string) => url.toLowerCase().startsWith(scope.toLowerCase());

interface Pending {
  url: string;
  depth: number;
  via: string;
  /** 0 menu links, 1 pagers, 2 others: menus first, as an assessor would look. */
  rank: number;
  seq: number;
}

function priority(l: Link): number {
  if (l.inMenu) return 0;
  if (PAGER.test(normalizeVi(l.text)) || /[?&](page|trang|p)=\d|\/page\/\d/i.test(l.href)) return 1;
  return 2;
}

async function loadRobots(fetcher: Fetcher, home: URL, deadlineMs: number) {
  const url = new URL('/robots.txt', home).href;
  const r = await fetcher.get(url, { maxBytes: 512 * 1024, totalTimeoutMs: Math.min(10_000, deadlineMs) });
  if (r.status !== 200 || !r.bytes || !/text\/plain/i.test(r.contentType ?? 'text/plain')) return null;
  return robotsParser(url, r.bytes.toString('utf8'));
}

export async function checkContent(
  site: SiteTarget,
  detectors: DetectorSet,
  opts: ContentOptions = {},
): Promise<ContentResult> {
  const limits: CrawlLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const clockStart = Date.now();
  const now = opts.now ?? new Date();
  const startedAt = now.toISOString();
  const t0 = performance.now();
  const elapsed = () => performance.now() - t0;
  const left = () => limits.maxSiteMs - elapsed();
  const fetcher = new Fetcher({ ...opts, maxBytes: limits.maxPageBytes });
  const pages: PageRecord[] = [];
  const seen: SeenPage[] = [];
  let stoppedBy: ContentResult['stoppedBy'] = 'done';
  let siteFailure: Failure | null = null;
  let home: { ok: boolean; status: number | null; url: string; failure: ContentResult['failure'] } = {
    ok: false,
    status: null,
    url: site.url,
    failure: null,
  };
  let homeUrl: URL;
  try {
    homeUrl = new URL(site.url);
  } catch {
    const f = failureOf('bad_url');
    return finish([], [], f);
  }
  let scope = site.scope ?? defaultScope(site.url);
  const ua = fetcher.userAgent.split('/')[0] ?? 'chiso-monitor';

  function finish(p: PageRecord[], s: SeenPage[], f: Failure | null): ContentResult {
    const findings = runDetectors(detectors, {
      siteUrl: site.url,
      home: { ok: home.ok, status: home.status, url: home.url, failure: home.failure?.reason ?? null },
      pages: s,
      now,
      pins: opts.pins ?? {},
    });
    return {
      url: site.url,
      startedAt,
      finishedAt: new Date(now.getTime() + (Date.now() - clockStart)).toISOString(),
      pages: p,
      findings,
      stoppedBy,
      failure: f,
      tls: fetcher.tlsInfo(homeUrl),
    };
  }

  /** Fetches and reads one page; returns its links when it is an HTML page. */
  async function visit(
    url: string,
    depth: number,
    via: string,
  ): Promise<{ links: Link[]; finalUrl: string } | null> {
    const fetchedAt = new Date(now.getTime() + (Date.now() - clockStart)).toISOString();
    const r = await fetcher.get(url, { totalTimeoutMs: Math.max(1_000, Math.min(30_000, left())) });
    const html = r.bytes !== null && /html|xml/i.test(r.contentType ?? 'text/html');
    let title: string | null = null;
    const notes: PageRecord['notes'] = [];
    let links: Link[] = [];
    if (html && r.bytes && r.status !== null && r.status < 400) {
      const decoded = decodeHtml(r.bytes, r.contentType);
      notes.push(...decoded.notes);
      const page = extractPage(decoded.text, r.finalUrl ?? url, hasDate);
      title = page.title || null;
      links = page.links;
      seen.push({ url: r.finalUrl ?? url, depth, via, page });
    }
    if (r.bytes && !html)
      notes.push(reason('not_html', { vi: r.contentType ?? '?', en: r.contentType ?? '?' }));
    pages.push({
      url,
      depth,
      status: r.status,
      contentType: r.contentType,
      bytes: r.bytes?.length ?? 0,
      fetchedAt,
      body: r.bytes && r.bytes.length > 0 ? gzipSync(r.bytes, { level: 4 }) : null,
      title,
      failure: r.failure?.reason ?? null,
      notes,
    });
    if (depth === 0) {
      const tls = r.finalUrl ? fetcher.tlsFailure(new URL(r.finalUrl)) : null;
      home = {
        ok: r.status !== null && r.status < 400 && (r.failure === null || r.failure.code === 'too_large'),
        status: r.status,
        url: r.finalUrl ?? url,
        failure: r.failure ?? (r.status !== null && r.status >= 400 ? failureOf('http_status') : null),
      };
      siteFailure = home.ok ? tls : home.failure;
    }
    return r.finalUrl ? { links, finalUrl: r.finalUrl } : null;
  }

  try {
    const robots = await loadRobots(fetcher, homeUrl, left());
    const allowed = (u: string) => robots?.isAllowed(u, ua) !== false;
    const queued = new Set<string>([homeUrl.href]);
    const queue: Pending[] = [{ url: homeUrl.href, depth: 0, via: '', rank: 0, seq: 0 }];
    let seq = 1;
    while (queue.length > 0) {
      if (pages.length >= limits.maxPages) {
        stoppedBy = 'pages';
        break;
      }
      if (left() <= 0 || opts.signal?.aborted) {
        stoppedBy = 'time';
        break;
      }
      let best = 0;
      for (let i = 1; i < queue.length; i++) {
        const a = queue[i] as Pending;
        const b = queue[best] as Pending;
        if (
          a.depth < b.depth ||
          (a.depth === b.depth && (a.rank < b.rank || (a.rank === b.rank && a.seq < b.seq)))
        )
          best = i;
      }
      const next = queue.splice(best, 1)[0] as Pending;
      if (!allowed(next.url)) {
        pages.push({
          url: next.url,
          depth: next.depth,
          status: null,
          contentType: null,
          bytes: 0,
          fetchedAt: new Date(now.getTime() + (Date.now() - clockStart)).toISOString(),
          body: null,
          title: null,
          failure: reason('robots'),
          notes: [],
        });
        if (next.depth === 0) home.failure = failureOf('robots');
        continue;
      }
      const got = await visit(next.url, next.depth, next.via);
      if (next.depth === 0) {
        if (!home.ok) break;
        // The home page moved (http → https, / → /web/agency/home): the site is where it landed.
        if (got && !inScope(got.finalUrl, scope) && site.scope === undefined)
          scope = defaultScope(got.finalUrl);
      }
      if (!got || next.depth >= limits.maxDepth || !inScope(got.finalUrl, scope)) continue;
      for (const l of got.links) {
        if (queued.has(l.href) || !inScope(l.href, scope)) continue;
        const path = new URL(l.href).pathname;
        if (FILE.test(path)) continue;
        queued.add(l.href);
        queue.push({ url: l.href, depth: next.depth + 1, via: l.text, rank: priority(l), seq: seq++ });
      }
    }
    // A pinned page outside what the crawl reached is read on its own (depth -1).
    for (const url of new Set(Object.values(opts.pins ?? {}))) {
      if (left() <= 0) break;
      if (seen.some((s) => s.url === url) || !allowed(url)) continue;
      await visit(url, -1, '');
    }
  } finally {
    await fetcher.close();
  }
  return finish(pages, seen, siteFailure);
}
