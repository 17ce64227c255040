/**
 * A row of the audit log as the history screen shows it: its sentence and changes (the words of
 * its action, form-words.ts or registry-words.ts), who, about which agency and cycle, and the row
 * as stored for a closer look.
 */
import { ROLES } from '../../db/schema.ts';
import { APPEAL_WORDS } from './appeal-words.ts';
import type { EntryRow } from './audit.repo.ts';
import type { HistoryEntry } from './audit.schema.ts';
import { type Described, EntryContext, type EntryFacts, vien } from './entry-words.ts';
import { FEEDBACK_WORDS } from './feedback-words.ts';
import { FORM_WORDS } from './form-words.ts';
import { REGISTRY_WORDS } from './registry-words.ts';
import { SURVEY_PLAN_WORDS } from './survey-plan-words.ts';

const WORDS = { ...FORM_WORDS, ...REGISTRY_WORDS, ...APPEAL_WORDS, ...FEEDBACK_WORDS, ...SURVEY_PLAN_WORDS };

/** The sentence of an action no entry knows (one added later without words): who, its code, what about. */
function unknown(c: EntryContext): Described {
  const about = c.row.agencyName ? ` (${c.row.agencyName})` : '';
  return {
    summary: vien(
      (p) => `${p(c.who)}: ${c.row.action}${about}`,
      (p) => `${p(c.who)}: ${c.row.action}${about}`,
    ),
    changes: [],
  };
}

/** A row in words; `showAddress`: whether the caller may see the request's address. */
export function describeEntry(row: EntryRow, facts: EntryFacts, showAddress: boolean): HistoryEntry {
  const context = new EntryContext(row, facts);
  const { summary, changes } = (WORDS[row.action] ?? unknown)(context);
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorId
      ? {
          id: row.actorId,
          displayName: row.actorName ?? '',
          role: ROLES.find((r) => r === row.actorRole) ?? null,
        }
      : null,
    action: row.action,
    summary,
    agency:
      row.agencyId && row.agencyName
        ? { id: row.agencyId, code: row.agencyCode ?? '', name: row.agencyName }
        : null,
    cycle: row.cycleId && row.cycleYear ? { id: row.cycleId, year: row.cycleYear } : null,
    changes,
    reason: row.reason,
    record: {
      entityType: row.entityType,
      entityId: row.entityId,
      field: row.field,
      oldValue: row.oldValue,
      newValue: row.newValue,
      requestId: row.requestId,
      ip: showAddress ? row.ip : null,
    },
  };
}
