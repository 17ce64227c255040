/**
 * The availability check (every 30 minutes by default): does the home page answer, how fast,
 * where do its redirects lead, and is its certificate valid and for how long still.
 */
import { Fetcher } from './fetch/fetcher.ts';
import type { AvailabilityResult, MonitorOptions } from './types.ts';

/** Only the beginning of the page is read: the status and the first byte are what count. */
const AVAILABILITY_BYTES = 256 * 1024;

export async function checkAvailability(url: string, opts: MonitorOptions = {}): Promise<AvailabilityResult> {
  const checkedAt = (opts.now ?? new Date()).toISOString();
  const fetcher = new Fetcher(opts);
  try {
    const r = await fetcher.get(url, {
      maxBytes: Math.min(opts.maxBytes ?? AVAILABILITY_BYTES, AVAILABILITY_BYTES),
    });
    const final = r.finalUrl ? new URL(r.finalUrl) : null;
    // A certificate problem is a failure even when the page answered: visitors' browsers refuse it.
    const tlsFailure = final ? fetcher.tlsFailure(final) : null;
    const cut = r.failure?.code === 'too_large';
    const failure = tlsFailure ?? (cut ? null : r.failure);
    return {
      url,
      checkedAt,
      ok: failure === null && r.status !== null && r.status < 400,
      status: r.status,
      ttfbMs: r.ttfbMs,
      finalUrl: r.finalUrl,
      tls: r.tls,
      failure,
    };
  } finally {
    await fetcher.close();
  }
}
