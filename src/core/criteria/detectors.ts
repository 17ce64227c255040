/**
 * Detectors: how the department's website monitor decides each `source: 'monitoring'` field
 * (issue 10). They are data kept with the criteria set, so that a new decree's items need
 * keywords, not code. Phrases are matched on text normalised as `normalizeVi` does (NFC,
 * lower case, no diacritics, đ → d), so the data may be written with or without diacritics.
 * spec/monitoring.md describes the format for the people who maintain it.
 */
import { z } from 'zod';
import { Key, Text } from './fields.ts';

/** Where on a page a phrase is looked for. */
export const DETECTOR_PLACES = [
  /** labels of the links inside nav/menu/header/sidebar blocks */
  'menu',
  /** the text (and title attribute) of every link and button */
  'links',
  /** h1–h6 */
  'headings',
  /** the page's <title> */
  'title',
  /** the whole visible text of the page */
  'text',
  /** the labels, placeholders, names and buttons of forms */
  'forms',
] as const;
export type DetectorPlace = (typeof DETECTOR_PLACES)[number];

const Phrase = z.string().trim().min(2);
const Phrases = z.array(Phrase);

const common = {
  field: Key,
  /** Why the detector looks where it looks, for the assessor who reads a finding. */
  note: Text.optional(),
};

/** The home page answered with a success status (website_active). */
const Available = z.strictObject({ ...common, kind: z.literal('available') });

/** The site's address matches one of the patterns of the set (domain_compliant). */
const Domain = z.strictObject({
  ...common,
  kind: z.literal('domain'),
  /** Host names; `*.` matches exactly one more label: `*.caobang.gov.vn`. */
  hosts: z.array(z.string().regex(/^(\*\.)?[a-z0-9.-]+$/, 'tên miền chỉ gồm chữ thường, số, dấu chấm, gạch')),
  /** Also accepted: a sub-site under a path of the provincial portal, `https://caobang.gov.vn/web/*`. */
  prefixes: z
    .array(z.string().regex(/^https?:\/\/[^/]+\/.*\*$/, 'dạng https://tên-miền/đường-dẫn/*'))
    .default([]),
});

/** The number of dated items listed on the news pages in the window before the check. */
const NewsCount = z.strictObject({
  ...common,
  kind: z.literal('news_count'),
  windowDays: z.number().int().positive().max(366).default(30),
  /** A page is a news list when its address, title, headings or the link that led to it name one of these. */
  pages: Phrases.min(1),
  /** …unless they name one of these (legal documents, schedules and Q&A are dated too). */
  notPages: Phrases.default([]),
});

/** The item is there when a page shows the phrases in the given places, or links to a matching address. */
const Keywords = z
  .strictObject({
    ...common,
    kind: z.literal('keywords'),
    /** Any one of these phrases… */
    anyOf: Phrases.default([]),
    /** …and all of these on the same page (e.g. the attributes of a document list). */
    allOf: Phrases.default([]),
    in: z.array(z.enum(DETECTOR_PLACES)).min(1),
    /** Or: a link on a page whose address contains one of these (`*` matches anything). */
    urlPatterns: z.array(z.string().min(2)).default([]),
  })
  .refine((d) => d.anyOf.length + d.allOf.length + d.urlPatterns.length > 0, {
    message: 'cần ít nhất một cụm từ (anyOf, allOf) hoặc một mẫu địa chỉ (urlPatterns)',
  });

export const Detector = z.union([Available, Domain, NewsCount, Keywords]);
export type Detector = z.infer<typeof Detector>;
export type DetectorInput = z.input<typeof Detector>;
