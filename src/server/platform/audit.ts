/**
 * The append-only audit log: who did what, when, old and new value, and why. Written inside the
 * same transaction as the change, so a change without its record cannot exist.
 */
import type { Executor } from '../db/open.ts';
import { auditLog } from '../db/schema.ts';
import type { SessionUser } from './auth.ts';

export interface AuditEntry {
  readonly action: string;
  readonly entityType: string;
  readonly entityId?: string | null | undefined;
  readonly cycleId?: string | null | undefined;
  readonly agencyId?: string | null | undefined;
  readonly field?: string | null | undefined;
  readonly oldValue?: unknown;
  readonly newValue?: unknown;
  readonly reason?: string | null | undefined;
}

/** The request facts an audit row carries. */
export interface Actor {
  readonly user: SessionUser | null;
  readonly requestId?: string | undefined;
  readonly ip?: string | undefined;
}

export async function audit(
  db: Executor,
  actor: Actor,
  at: Date,
  entries: AuditEntry | readonly AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries as AuditEntry];
  if (!list.length) return;
  await db.insert(auditLog).values(
    list.map((e) => ({
      at,
      actorId: actor.user?.id ?? null,
      actorRole: actor.user?.role ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      cycleId: e.cycleId ?? null,
      agencyId: e.agencyId ?? null,
      field: e.field ?? null,
      oldValue: e.oldValue === undefined ? null : e.oldValue,
      newValue: e.newValue === undefined ? null : e.newValue,
      reason: e.reason ?? null,
      requestId: actor.requestId ?? null,
      ip: actor.ip ?? null,
    })),
  );
}
