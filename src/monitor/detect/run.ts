/**
 * Applying the detectors of a criteria set to the pages of one crawl. Each finding keeps its
 * evidence (the page and a short excerpt with the original diacritics) or says why nothing was
 * found, so that the assessor who confirms a snapshot can check it in a glance.
 */
import type { DetectorPlace } from '../../core/criteria/detectors.ts';
import type { Finding, Reason } from '../types.ts';
import { dayToString, findDates, vietnamDay } from './dates.ts';
import type { CompiledDetector, DetectorSet } from './detectors.ts';
import type { PageText } from './extract.ts';
import { normalizeVi, normalizeWithMap } from './normalize.ts';

/** A page as the detectors see it. */
export interface SeenPage {
  url: string;
  depth: number;
  /** The label of the link that first led here ('' for the home page). */
  via: string;
  page: PageText;
}

export interface DetectInput {
  siteUrl: string;
  /** The home page answered (status < 400), and its failure when it did not. */
  home: { ok: boolean; status: number | null; url: string; failure: Reason | null };
  pages: SeenPage[];
  now: Date;
  pins: Record<string, string>;
}

const PLACE_VI: Record<DetectorPlace, string> = {
  menu: 'menu',
  links: 'liên kết, nút',
  headings: 'tiêu đề mục',
  title: 'tiêu đề trang',
  text: 'nội dung trang',
  forms: 'biểu mẫu',
};

const EXCERPT = 200;

function original(p: SeenPage, place: DetectorPlace): string {
  const t = p.page;
  switch (place) {
    case 'menu':
      return t.links
        .filter((l) => l.inMenu)
        .map((l) => l.text)
        .join(' | ');
    case 'links':
      return [...t.links.map((l) => l.text), ...t.buttons].join(' | ');
    case 'headings':
      return t.headings.join(' | ');
    case 'title':
      return t.title;
    case 'text':
      return t.text;
    case 'forms':
      return t.forms.join(' | ');
  }
}

/** Per page and place, the normalised text, computed once. */
class PageCache {
  private readonly norm = new Map<string, string>();
  constructor(readonly p: SeenPage) {}
  get(place: DetectorPlace): string {
    let v = this.norm.get(place);
    if (v === undefined) {
      v = normalizeVi(original(this.p, place));
      this.norm.set(place, v);
    }
    return v;
  }
}

const WORD = /[a-z0-9]/;

/** Index of the phrase in normalised text as whole words, or -1. */
function indexOfPhrase(hay: string, phrase: string): number {
  let from = 0;
  for (;;) {
    const i = hay.indexOf(phrase, from);
    if (i < 0) return -1;
    const before = i === 0 ? '' : (hay[i - 1] as string);
    const after = hay[i + phrase.length] ?? '';
    if (!WORD.test(before) && !WORD.test(after)) return i;
    from = i + 1;
  }
}

/** A short excerpt of the original text around the n-th normalised character. */
function excerptAt(orig: string, phrase: string): string {
  const { norm, map } = normalizeWithMap(orig);
  const i = indexOfPhrase(norm, phrase);
  if (i < 0) return orig.slice(0, EXCERPT);
  const start = map[i] ?? 0;
  const end = (map[i + phrase.length - 1] ?? start) + 1;
  const room = Math.max(0, EXCERPT - (end - start));
  let a = Math.max(0, start - Math.floor(room / 2));
  const b = Math.min(orig.length, end + (room - (start - a)));
  a = Math.max(0, Math.min(a, b - EXCERPT));
  return `${a > 0 ? '…' : ''}${orig.slice(a, b).replace(/\s+/g, ' ').trim()}${b < orig.length ? '…' : ''}`.slice(
    0,
    EXCERPT,
  );
}

const quoteList = (xs: string[]) =>
  xs
    .slice(0, 6)
    .map((x) => `«${x}»`)
    .join(', ') + (xs.length > 6 ? '…' : '');

function pagesFor(field: string, input: DetectInput, caches: PageCache[]): PageCache[] | { missing: string } {
  const pin = input.pins[field];
  if (pin === undefined) return caches;
  const c = caches.find((x) => x.p.url === pin);
  return c ? [c] : { missing: pin };
}

function keywords(d: Extract<CompiledDetector, { kind: 'keywords' }>, pages: PageCache[]): Finding {
  for (const c of pages) {
    let hit: { place: DetectorPlace; phrase: string } | null = null;
    if (d.anyOf.length > 0) {
      for (const place of d.in) {
        const hay = c.get(place);
        const phrase = d.anyOf.find((ph) => indexOfPhrase(hay, ph) >= 0);
        if (phrase) {
          hit = { place, phrase };
          break;
        }
      }
    }
    const anyOk = d.anyOf.length === 0 || hit !== null;
    let allOk = d.allOf.length > 0 || d.anyOf.length > 0;
    for (const ph of d.allOf) {
      const place = d.in.find((pl) => indexOfPhrase(c.get(pl), ph) >= 0);
      if (!place) {
        allOk = false;
        break;
      }
      hit ??= { place, phrase: ph };
    }
    if (anyOk && allOk && hit) {
      const excerpt = excerptAt(original(c.p, hit.place), hit.phrase);
      return {
        field: d.field,
        value: true,
        evidence: { url: c.p.url, excerpt },
        reason: {
          vi: `Thấy «${excerpt.length > 80 ? hit.phrase : excerpt}» ở ${PLACE_VI[hit.place]} của trang ${c.p.url}`,
          en: `Found "${hit.phrase}" in the ${hit.place} of ${c.p.url}`,
        },
      };
    }
    for (const l of c.p.page.links) {
      const re = d.urlPatterns.find((r) => r.test(l.href));
      if (re) {
        const excerpt = `${l.text} → ${l.href}`.slice(0, EXCERPT);
        return {
          field: d.field,
          value: true,
          evidence: { url: c.p.url, excerpt },
          reason: {
            vi: `Trang ${c.p.url} có liên kết tới ${l.href}`,
            en: `${c.p.url} links to ${l.href}`,
          },
        };
      }
    }
  }
  const phrases = [...d.anyOf, ...d.allOf];
  const places = d.in.map((p) => PLACE_VI[p]).join(', ');
  return {
    field: d.field,
    value: false,
    evidence: null,
    reason: {
      vi: `Không thấy ${phrases.length ? quoteList(phrases) : 'liên kết phù hợp'} ở ${places} của ${pages.length} trang đã xem`,
      en: `None of ${phrases.length ? phrases.join(', ') : 'the URL patterns'} in ${d.in.join(', ')} of ${pages.length} pages`,
    },
  };
}

function pageName(p: SeenPage): string {
  let path = p.url;
  try {
    path = decodeURIComponent(new URL(p.url).pathname);
  } catch {}
  return normalizeVi(`${path.replace(/[-_/.]+/g, ' ')} | ${p.page.title} | ${p.page.h1} | ${p.via}`);
}

const MIN_TITLE_WORDS = 4;

function newsCount(
  d: Extract<CompiledDetector, { kind: 'news_count' }>,
  pages: PageCache[],
  now: Date,
): Finding {
  const today = vietnamDay(now);
  const from = today - d.windowDays + 1;
  const lists = pages.filter((c) => {
    const name = pageName(c.p);
    return (
      d.pages.some((w) => indexOfPhrase(name, w) >= 0) && !d.notPages.some((w) => indexOfPhrase(name, w) >= 0)
    );
  });
  const counted = new Map<string, { url: string; text: string }>();
  for (const c of lists) {
    for (const item of c.p.page.items) {
      if (!item.link || item.link.text.split(/\s+/).length < MIN_TITLE_WORDS) continue;
      const first = findDates(item.text)[0];
      if (first === undefined || first < from || first > today) continue;
      if (!counted.has(item.link.href)) counted.set(item.link.href, { url: c.p.url, text: item.text });
    }
  }
  const window = `${d.windowDays} ngày từ ${dayToString(from)} đến ${dayToString(today)}`;
  if (lists.length === 0)
    return {
      field: d.field,
      value: 0,
      evidence: null,
      reason: {
        vi: `Không thấy trang tin tức nào (trang có tên ${quoteList(d.pages)}) trong ${pages.length} trang đã xem`,
        en: `No news page among ${pages.length} pages`,
      },
    };
  const first = [...counted.values()][0];
  return {
    field: d.field,
    value: counted.size,
    evidence: first
      ? { url: first.url, excerpt: first.text.slice(0, EXCERPT) }
      : { url: lists[0]?.p.url ?? '', excerpt: '' },
    reason: {
      vi: `Đếm được ${counted.size} tin có ngày đăng trong ${window}, trên ${lists.length} trang tin: ${lists
        .slice(0, 3)
        .map((c) => c.p.url)
        .join(', ')}${lists.length > 3 ? '…' : ''}`,
      en: `${counted.size} dated news items in the ${d.windowDays} days to ${dayToString(today)} on ${lists.length} news pages`,
    },
  };
}

export function runDetectors(set: DetectorSet, input: DetectInput): Finding[] {
  const caches = input.pages.map((p) => new PageCache(p));
  return set.detectors.map((d): Finding => {
    if (d.kind === 'available') {
      return {
        field: d.field,
        value: input.home.ok,
        evidence: input.home.ok ? { url: input.home.url, excerpt: `HTTP ${input.home.status}` } : null,
        reason: input.home.ok
          ? {
              vi: `Trang chủ trả lời bình thường (mã ${input.home.status})`,
              en: `Home page answered ${input.home.status}`,
            }
          : {
              vi: `Không truy cập được trang chủ: ${input.home.failure?.vi ?? `mã ${input.home.status}`}`,
              en: `Home page not reachable: ${input.home.failure?.en ?? `status ${input.home.status}`}`,
            },
      };
    }
    if (d.kind === 'domain') {
      const u = new URL(input.siteUrl);
      const host = u.hostname.toLowerCase().replace(/^www\./, '');
      const ok = d.hosts.some((r) => r.test(host)) || d.prefixes.some((r) => r.test(input.siteUrl));
      return {
        field: d.field,
        value: ok,
        evidence: { url: input.siteUrl, excerpt: host },
        reason: ok
          ? {
              vi: `Địa chỉ ${input.siteUrl} khớp mẫu ${quoteList(d.patterns)}`,
              en: `${input.siteUrl} matches ${d.patterns.join(', ')}`,
            }
          : {
              vi: `Địa chỉ ${input.siteUrl} không khớp mẫu ${quoteList(d.patterns)}`,
              en: `${input.siteUrl} does not match ${d.patterns.join(', ')}`,
            },
      };
    }
    if (!input.home.ok)
      return {
        field: d.field,
        value: null,
        evidence: null,
        reason: {
          vi: 'Không xem được trang chủ nên không xác định được',
          en: 'The home page could not be read',
        },
      };
    const pages = pagesFor(d.field, input, caches);
    if ('missing' in pages)
      return {
        field: d.field,
        value: null,
        evidence: null,
        reason: {
          vi: `Trang được chỉ định ${pages.missing} không đọc được`,
          en: `The pinned page ${pages.missing} could not be read`,
        },
      };
    return d.kind === 'news_count' ? newsCount(d, pages, input.now) : keywords(d, pages);
  });
}
