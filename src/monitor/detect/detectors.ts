/**
 * The detectors of a criteria set, compiled once for matching: phrases normalised, URL
 * patterns turned into regular expressions. The data format is src/core/criteria/detectors.ts.
 */
import type { Detector, DetectorPlace } from '../../core/criteria/detectors.ts';
import type { CriteriaSet } from '../../core/criteria/schema.ts';
import { normalizeVi } from './normalize.ts';

export type CompiledDetector =
  | { kind: 'available'; field: string }
  | { kind: 'domain'; field: string; hosts: RegExp[]; prefixes: RegExp[]; patterns: string[] }
  | { kind: 'news_count'; field: string; windowDays: number; pages: string[]; notPages: string[] }
  | {
      kind: 'keywords';
      field: string;
      anyOf: string[];
      allOf: string[];
      in: DetectorPlace[];
      urlPatterns: RegExp[];
    };

export interface DetectorSet {
  /** The criteria set they come from, for the record of a check. */
  readonly setId: string;
  readonly detectors: readonly CompiledDetector[];
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `*` matches anything; the rest literally; case-insensitive; anywhere in the address. */
function urlPattern(p: string): RegExp {
  return new RegExp(p.split('*').map(escapeRe).join('.*'), 'i');
}

/** `*.caobang.gov.vn` matches exactly one more label, like a certificate's wildcard. */
function hostPattern(p: string): RegExp {
  const body = p.startsWith('*.') ? `[a-z0-9-]+\\.${escapeRe(p.slice(2))}` : escapeRe(p);
  return new RegExp(`^${body}$`, 'i');
}

/** `https://caobang.gov.vn/web/*`: the portal's address followed by one more path segment. */
function prefixPattern(p: string): RegExp {
  const u = new URL(p.slice(0, -1));
  const host = u.hostname.replace(/^www\./, '');
  return new RegExp(`^https?://(www\\.)?${escapeRe(host)}${escapeRe(u.pathname)}[^/?#]+(/|$)`, 'i');
}

export function compileDetector(d: Detector): CompiledDetector {
  switch (d.kind) {
    case 'available':
      return { kind: 'available', field: d.field };
    case 'domain':
      return {
        kind: 'domain',
        field: d.field,
        hosts: d.hosts.map(hostPattern),
        prefixes: d.prefixes.map(prefixPattern),
        patterns: [...d.hosts, ...d.prefixes],
      };
    case 'news_count':
      return {
        kind: 'news_count',
        field: d.field,
        windowDays: d.windowDays,
        pages: d.pages.map(normalizeVi),
        notPages: d.notPages.map(normalizeVi),
      };
    case 'keywords':
      return {
        kind: 'keywords',
        field: d.field,
        anyOf: d.anyOf.map(normalizeVi),
        allOf: d.allOf.map(normalizeVi),
        in: d.in,
        urlPatterns: d.urlPatterns.map(urlPattern),
      };
  }
}

/** The detectors of a loaded criteria set (an empty set when it has none). */
export function detectorsOf(set: Pick<CriteriaSet, 'id' | 'detectors'>): DetectorSet {
  return { setId: set.id, detectors: (set.detectors ?? []).map(compileDetector) };
}
