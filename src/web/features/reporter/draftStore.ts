/**
 * What the user typed and the server does not have yet, kept in the browser (localStorage) so
 * that a reload, a closed tab or a dropped connection loses nothing — including values the server
 * would refuse ("12a"), which stay here until they are corrected. Keyed by cycle, agency and user:
 * two people sharing a PC do not see each other's typing.
 */

export interface LocalDraft {
  /** Field key → the text as typed. */
  typed: Record<string, string>;
  /** The server version these edits were made on. */
  baseVersion: number | null;
  savedAt: number;
}

const keyOf = (cycleId: string, agencyId: string, userId: string) =>
  `chiso.reporter.draft.${cycleId}.${agencyId}.${userId}`;

export function readDraft(cycleId: string, agencyId: string, userId: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(keyOf(cycleId, agencyId, userId));
    if (!raw) return null;
    const d = JSON.parse(raw) as LocalDraft;
    return d && typeof d.typed === 'object' && Object.keys(d.typed).length > 0 ? d : null;
  } catch {
    return null;
  }
}

export function writeDraft(
  cycleId: string,
  agencyId: string,
  userId: string,
  typed: Record<string, string>,
  baseVersion: number | null,
): void {
  try {
    const key = keyOf(cycleId, agencyId, userId);
    if (Object.keys(typed).length === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify({ typed, baseVersion, savedAt: Date.now() }));
  } catch {
    // Storage full or disabled (private mode): the autosave still runs; nothing else to do.
  }
}
