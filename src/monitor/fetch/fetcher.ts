/**
 * One polite, guarded HTTP client for a check. Each request goes through the per-host queue,
 * connects only to addresses that the guard allows (checked in the connection's own DNS
 * lookup), follows redirects by hand (so each hop is checked again), stops on timeouts, and
 * counts the size limit on the decompressed bytes, so that a gzip bomb stops at the limit.
 * It never throws for a site's fault: every outcome is a FetchResult with a failure code.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import { rootCertificates, type TLSSocket } from 'node:tls';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, buildConnector } from 'undici';
import type { Failure, MonitorOptions, TlsInfo } from '../types.ts';
import { isForbiddenAddress } from './guard.ts';
import { perHost } from './host-queue.ts';
import { failure, reason } from './reasons.ts';

export const USER_AGENT = 'chiso-monitor/1.0 (+https://caobang.gov.vn/chiso/gioi-thieu/giam-sat)';

export const DEFAULTS = {
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
} as const;

/** What is read of a response that is not HTML (a PDF in the menu): enough to see what it is. */
export const NON_HTML_PREFIX = 16 * 1024;

export interface FetchResult {
  url: string;
  finalUrl: string | null;
  status: number | null;
  contentType: string | null;
  ttfbMs: number | null;
  /** Decompressed bytes read, possibly cut at the limit. */
  bytes: Buffer | null;
  /** The body was cut at the limit (or at the prefix of a non-HTML file). */
  truncated: boolean;
  tls: TlsInfo | null;
  failure: Failure | null;
}

const DAY = 86_400_000;
const REFUSED = 'EMONITOR_REFUSED';

class RefusedAddress extends Error {
  readonly code = REFUSED;
  constructor(readonly address: string) {
    super(`refused address ${address}`);
  }
}

const isHtml = (ct: string | null) => ct === null || /html|xml|text\/plain/i.test(ct);

/** Error codes of undici and node, found on the error or its causes. */
function codesOf(e: unknown): string[] {
  const out: string[] = [];
  let cur: unknown = e;
  for (let i = 0; cur && i < 5; i++) {
    const c = cur as { code?: unknown; name?: unknown; cause?: unknown };
    if (typeof c.code === 'string') out.push(c.code);
    if (typeof c.name === 'string') out.push(c.name);
    cur = c.cause;
  }
  return out;
}

function failureOf(e: unknown, timedOut: boolean): Failure {
  const codes = codesOf(e);
  const has = (...cs: string[]) => cs.some((c) => codes.includes(c));
  if (has(REFUSED)) return failure('refused_address');
  if (has('ENOTFOUND', 'EAI_AGAIN', 'ENODATA', 'ENONAME')) return failure('dns');
  if (has('UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT')) return failure('connect_timeout');
  if (timedOut || has('UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'TimeoutError'))
    return failure('timeout');
  if (has('AbortError')) return failure('aborted');
  if (has('ECONNREFUSED')) return failure('refused');
  if (has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE')) return failure('reset');
  if (has('Z_DATA_ERROR', 'Z_BUF_ERROR', 'ERR_BROTLI_DECOMPRESSION_FAILED', 'ERR__ERROR_FORMAT_PADDING_1'))
    return failure('decode');
  if (codes.some((c) => c.startsWith('ERR_TLS') || c.startsWith('ERR_SSL'))) return failure('tls_handshake');
  return failure('network');
}

function tlsProblemOf(code: string | undefined): Failure | null {
  if (!code) return null;
  if (code === 'CERT_HAS_EXPIRED') return failure('tls_expired');
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN')
    return failure('tls_self_signed');
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') return failure('tls_name');
  return failure('tls_invalid', { vi: code, en: code });
}

export class Fetcher {
  private readonly agent: Agent;
  private readonly tlsByOrigin = new Map<string, { cert: { valid_to?: string } | null; error?: string }>();
  readonly userAgent: string;

  constructor(private readonly opts: MonitorOptions = {}) {
    this.userAgent = opts.userAgent ?? USER_AGENT;
    const resolve =
      opts.resolve ?? (async (h: string) => (await dnsLookup(h, { all: true })).map((a) => a.address));
    const allowPrivate = opts.allowPrivateAddresses === true;
    const allowedHosts = new Set((opts.allowPrivateHosts ?? []).map((h) => h.toLowerCase()));
    // The address checked is the address connected to: net.connect uses what this returns.
    const lookup: LookupFunction = (hostname, options, cb) => {
      const checked = resolve(hostname).then((addresses) => {
        if (addresses.length === 0) throw Object.assign(new Error('no address'), { code: 'ENOTFOUND' });
        // Refused when any address is: a name with one public and one private address is not "public".
        const bad =
          allowPrivate || allowedHosts.has(hostname.toLowerCase())
            ? undefined
            : addresses.find(isForbiddenAddress);
        if (bad !== undefined) throw new RefusedAddress(bad);
        return addresses;
      });
      checked.then(
        (addresses) => {
          if (options.all)
            cb(
              null,
              addresses.map((address) => ({ address, family: isIP(address) })),
            );
          else cb(null, addresses[0] as string, isIP(addresses[0] as string));
        },
        (e: NodeJS.ErrnoException) => cb(e, '', 0),
      );
    };
    const base = buildConnector({
      timeout: opts.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
      // Verified below, by hand: an invalid certificate is recorded, not a reason to see nothing.
      rejectUnauthorized: false,
      lookup,
      ...(opts.ca ? { ca: [...rootCertificates, ...opts.ca] } : {}),
    });
    const connect: buildConnector.connector = (o, cb) =>
      base(o, (err, socket) => {
        if (socket && 'getPeerCertificate' in socket) {
          const tls = socket as TLSSocket;
          const cert = tls.getPeerCertificate();
          this.tlsByOrigin.set(`${o.hostname}:${o.port}`, {
            cert: cert && Object.keys(cert).length ? cert : null,
            error: tls.authorized ? undefined : String(tls.authorizationError ?? 'UNKNOWN'),
          });
        }
        if (err) cb(err, null);
        else cb(null, socket as NonNullable<typeof socket>);
      });
    this.agent = new Agent({ connect, keepAliveTimeout: 4_000, connections: 1 });
  }

  tlsInfo(url: URL): TlsInfo | null {
    if (url.protocol !== 'https:') return null;
    const rec = this.tlsByOrigin.get(`${url.hostname}:${url.port || '443'}`);
    if (!rec) return null;
    const now = this.opts.now ?? new Date();
    const validTo = rec.cert?.valid_to ? new Date(rec.cert.valid_to) : null;
    const ok = validTo !== null && !Number.isNaN(validTo.getTime());
    const problem = tlsProblemOf(rec.error);
    return {
      valid: problem === null,
      validTo: ok ? validTo.toISOString() : null,
      daysLeft: ok ? Math.floor((validTo.getTime() - now.getTime()) / DAY) : null,
      problem: problem?.reason ?? null,
    };
  }

  /** The TLS failure of the origin, when its certificate is not valid. */
  tlsFailure(url: URL): Failure | null {
    if (url.protocol !== 'https:') return null;
    return tlsProblemOf(this.tlsByOrigin.get(`${url.hostname}:${url.port || '443'}`)?.error);
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => undefined);
  }

  /** GET a URL, following redirects; reads at most maxBytes (decompressed). */
  async get(url: string, limits: { maxBytes?: number; totalTimeoutMs?: number } = {}): Promise<FetchResult> {
    const maxBytes = limits.maxBytes ?? this.opts.maxBytes ?? DEFAULTS.maxBytes;
    const totalMs = limits.totalTimeoutMs ?? this.opts.totalTimeoutMs ?? DEFAULTS.totalTimeoutMs;
    const maxRedirects = this.opts.maxRedirects ?? DEFAULTS.maxRedirects;
    const timer = AbortSignal.timeout(Math.max(1, Math.round(totalMs)));
    const signal = this.opts.signal ? AbortSignal.any([timer, this.opts.signal]) : timer;
    const result: FetchResult = {
      url,
      finalUrl: null,
      status: null,
      contentType: null,
      ttfbMs: null,
      bytes: null,
      truncated: false,
      tls: null,
      failure: null,
    };
    const seen = new Set<string>();
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      result.failure = failure('bad_url');
      return result;
    }
    for (let hop = 0; ; hop++) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:') {
        result.failure = failure(hop === 0 ? 'bad_url' : 'redirect_bad');
        return result;
      }
      current.hash = '';
      const host = current.hostname.replace(/^\[|\]$/g, '');
      // An IP literal never reaches the lookup: check it here, on every hop.
      if (isIP(host) && !this.opts.allowPrivateAddresses && isForbiddenAddress(host)) {
        result.failure = failure(hop === 0 ? 'refused_address' : 'redirect_refused_address');
        return result;
      }
      if (seen.has(current.href)) {
        result.failure = failure('redirect_loop');
        return result;
      }
      seen.add(current.href);
      const target = current;
      const hopResult = await perHost(host, () => this.once(target, maxBytes, signal, result));
      if (hopResult === 'done') {
        // A name that the site redirected to and that resolves inside: say it was the redirect.
        if (hop > 0 && result.failure?.code === 'refused_address')
          result.failure = failure('redirect_refused_address');
        return result;
      }
      if (hop >= maxRedirects) {
        result.failure = failure('too_many_redirects');
        return result;
      }
      try {
        current = new URL(hopResult, target);
      } catch {
        result.failure = failure('redirect_bad');
        return result;
      }
    }
  }

  /** One request; returns the next location for a redirect, or 'done' with `result` filled. */
  private async once(
    url: URL,
    maxBytes: number,
    signal: AbortSignal,
    result: FetchResult,
  ): Promise<string | 'done'> {
    const started = performance.now();
    let body: Readable | null = null;
    try {
      const res = await this.agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        signal,
        headers: {
          'user-agent': this.userAgent,
          accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
          'accept-language': 'vi,en;q=0.5',
        },
      });
      body = res.body;
      result.ttfbMs ??= Math.round(performance.now() - started);
      result.status = res.statusCode;
      result.finalUrl = url.href;
      result.tls ??= this.tlsInfo(url);
      const header = (name: string) => {
        const v = res.headers[name];
        return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
      };
      const location = header('location');
      if (res.statusCode >= 300 && res.statusCode < 400 && location) {
        res.body.resume();
        res.body.on('error', () => undefined);
        return location;
      }
      const contentType = header('content-type');
      result.contentType = contentType;
      const html = isHtml(contentType);
      const limit = html ? maxBytes : Math.min(maxBytes, NON_HTML_PREFIX);
      const read = await readLimited(res.body, header('content-encoding'), limit);
      result.bytes = read.bytes;
      result.truncated = read.truncated;
      if (read.truncated && html) result.failure = failure('too_large', sizeDetail(limit));
      if (!html) result.failure = null;
      if (res.statusCode >= 400 && !result.failure)
        result.failure = failure('http_status', {
          vi: `mã ${res.statusCode}`,
          en: `status ${res.statusCode}`,
        });
      return 'done';
    } catch (e) {
      body?.destroy();
      result.failure = failureOf(e, signal.aborted && !this.opts.signal?.aborted);
      return 'done';
    }
  }
}

function sizeDetail(limit: number) {
  const mb = (limit / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  return { vi: `vượt ${mb} MB`, en: `over ${(limit / 1024 / 1024).toFixed(1)} MB` };
}

/**
 * Reads a body through its decompressor, counting decompressed bytes: stops at the limit and
 * destroys both streams, so a small gzip bomb never inflates past the limit in memory.
 */
async function readLimited(
  body: Readable,
  encoding: string | null,
  limit: number,
): Promise<{ bytes: Buffer; truncated: boolean }> {
  const enc = (encoding ?? '').trim().toLowerCase();
  const dec =
    enc === 'gzip' || enc === 'x-gzip'
      ? createGunzip()
      : enc === 'deflate'
        ? createInflate()
        : enc === 'br'
          ? createBrotliDecompress()
          : null;
  const stream: Readable = dec ? pipeline(body, dec, () => undefined) : body;
  const chunks: Buffer[] = [];
  let total = 0;
  let truncated = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const room = limit - total;
      if (chunk.length > room) {
        if (room > 0) chunks.push(chunk.subarray(0, room));
        total = limit;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      total += chunk.length;
    }
  } finally {
    if (truncated) {
      stream.destroy();
      body.destroy();
    }
  }
  return { bytes: Buffer.concat(chunks, total), truncated };
}

export { reason };
