/**
 * The contract of the website monitor (issue 10): what a check of an agency's portal returns.
 * The server module stores these results and shows them; this library only visits sites and
 * decides the monitoring fields, so it imports nothing from src/server or src/web.
 */
import type { DetectorSet } from './detect/detectors.ts';

export type { DetectorSet };

/** Same shape as the core's Text: every reason is given in Vietnamese, with English beside it. */
export interface Reason {
  vi: string;
  en: string;
}

export interface MonitorOptions {
  /** Default names the system and a page that explains the monitoring (see USER_AGENT). */
  userAgent?: string;
  /** Default false: loopback, private, link-local… addresses are refused. Only tests turn it on. */
  allowPrivateAddresses?: boolean;
  /**
   * Tests' narrower allowance: these host names (the fixture sites) may resolve to private
   * addresses; every other name and every IP literal is still guarded, so a redirect from a
   * fixture to `127.0.0.1` or to the metadata address is refused as in production.
   */
  allowPrivateHosts?: readonly string[];
  connectTimeoutMs?: number;
  /** For one request (availability) or one page (content check). */
  totalTimeoutMs?: number;
  /** Decompressed bytes read from one response. */
  maxBytes?: number;
  maxRedirects?: number;
  signal?: AbortSignal;
  /** The check's time (tests fix it). */
  now?: Date;
  /** DNS override for tests and the benchmark (host → addresses); default: dns.lookup, all addresses. */
  resolve?: (host: string) => Promise<string[]>;
  /** Extra trusted root certificates (PEM), for test sites; the system's roots stay trusted. */
  ca?: string[];
}

export interface TlsInfo {
  valid: boolean;
  daysLeft: number | null;
  /** ISO time the certificate stops being valid. */
  validTo: string | null;
  problem: Reason | null;
}

export interface Failure {
  /** Stable code, e.g. 'dns', 'refused_address', 'timeout', 'redirect_loop', 'tls_expired', 'http_status'. */
  code: string;
  reason: Reason;
}

export interface AvailabilityResult {
  url: string;
  /** ISO */
  checkedAt: string;
  ok: boolean;
  status: number | null;
  ttfbMs: number | null;
  finalUrl: string | null;
  tls: TlsInfo | null;
  failure: Failure | null;
}

export interface SiteTarget {
  /** Home page. */
  url: string;
  /** URL prefix the crawl stays inside; default: origin + path of url up to its last '/'. */
  scope?: string;
}

export interface CrawlLimits {
  /** 2 */
  maxDepth: number;
  /** 60 */
  maxPages: number;
  /** 5 MB */
  maxPageBytes: number;
  /** 120000 */
  maxSiteMs: number;
}

export interface PageRecord {
  url: string;
  depth: number;
  status: number | null;
  contentType: string | null;
  /** Decompressed bytes read (a non-HTML file is read only up to a small prefix). */
  bytes: number;
  fetchedAt: string;
  /** gzip-compressed original (decompressed) bytes, for storage; null when nothing was read. */
  body: Buffer | null;
  title: string | null;
  failure: Reason | null;
  /** Things worth telling that did not stop the page, e.g. a wrong charset declaration. */
  notes: Reason[];
}

export interface Finding {
  field: string;
  value: boolean | number | null;
  evidence: { url: string; excerpt: string } | null;
  /** Why this value: what was matched where, or why nothing was found. */
  reason: Reason;
}

export interface ContentResult {
  url: string;
  startedAt: string;
  finishedAt: string;
  pages: PageRecord[];
  findings: Finding[];
  stoppedBy: 'done' | 'pages' | 'time';
  /** Whole-site failure, e.g. home page unreachable. */
  failure: Failure | null;
  /** TLS of the home page when it is served over HTTPS. */
  tls: TlsInfo | null;
}

export type ContentOptions = MonitorOptions & {
  limits?: Partial<CrawlLimits>;
  /** field → url: the field's detector looks only at that page. */
  pins?: Record<string, string>;
};
