/**
 * "What changed since my last visit" for an assessor who returns to an agency again and again: the
 * things of the agency's review seen on this computer (localStorage), by identity rather than by
 * time stamp, so that neither the browser's clock nor the server's matters.
 */
import type { ReviewPageData } from './reviewApi.ts';

/** The identity of each thing that can be new. */
export const seenKey = {
  submission: (at: string) => `sub:${at}`,
  message: (id: string) => `m:${id}`,
  history: (field: string, at: string) => `h:${field}:${at}`,
  decision: (criterionId: string, at: string) => `c:${criterionId}:${at}`,
  evidence: (id: string) => `e:${id}`,
  survey: (id: string) => `s:${id}`,
  check: (id: string) => `w:${id}`,
};

export function keysOf(d: ReviewPageData): string[] {
  return [
    ...(d.submission?.submittedAt ? [seenKey.submission(d.submission.submittedAt)] : []),
    ...d.queries.flatMap((q) => q.messages.map((x) => seenKey.message(x.id))),
    ...d.values.flatMap((v) => v.history.map((h) => seenKey.history(v.key, h.at))),
    ...d.claims.flatMap((c) => (c.decidedAt ? [seenKey.decision(c.criterionId, c.decidedAt)] : [])),
    ...d.evidence.map((e) => seenKey.evidence(e.id)),
    ...d.surveys.map((s) => seenKey.survey(s.id)),
    ...d.websiteChecks.map((w) => seenKey.check(w.id)),
  ];
}

export interface Visit {
  /** When the assessor last looked (this browser's clock), for the words "since dd/mm/yyyy". */
  at: string;
  keys: ReadonlySet<string>;
}

const storageKey = (cycleId: string, agencyId: string) => `chiso.review.seen.${cycleId}.${agencyId}`;

export function lastVisit(cycleId: string, agencyId: string): Visit | null {
  try {
    const raw = localStorage.getItem(storageKey(cycleId, agencyId));
    const parsed = raw ? (JSON.parse(raw) as { at?: unknown; keys?: unknown }) : null;
    if (!parsed || typeof parsed.at !== 'string' || !Array.isArray(parsed.keys)) return null;
    return { at: parsed.at, keys: new Set(parsed.keys.filter((k): k is string => typeof k === 'string')) };
  } catch {
    return null;
  }
}

export function recordVisit(cycleId: string, agencyId: string, d: ReviewPageData): void {
  try {
    localStorage.setItem(
      storageKey(cycleId, agencyId),
      JSON.stringify({ at: new Date().toISOString(), keys: keysOf(d) }),
    );
  } catch {
    // Storage disabled or full: every visit is then a first visit.
  }
}

/** Whether a thing is new since the last visit (nothing is "new" on a first visit). */
export const isNewSince = (visit: Visit | null) => (key: string) => visit !== null && !visit.keys.has(key);
