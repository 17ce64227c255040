/**
 * What a fresh system needs before anyone signs in: the bundled criteria set as a version, Cao
 * Bằng's agencies of Phụ lục I, and a first administrator. Each step does nothing when its data
 * is already there, so every start may run them.
 */
import { count, eq } from 'drizzle-orm';
import { BUNDLED_SET_IDS, bundledSet } from '../core/criteria/bundled.ts';
import type { CriteriaSet } from '../core/criteria/schema.ts';
import { CAO_BANG_AGENCIES } from '../sample/cao-bang.ts';
import type { Db } from './db/open.ts';
import { agencies, criteriaVersions, monitoredSites, users } from './db/schema.ts';
import { audit } from './platform/audit.ts';
import { generatePassword, hashPassword } from './platform/auth.ts';
import { contentHash } from './platform/canonical.ts';

/** The day Decision 2310 took effect: the registry's first rows are valid from it. */
export const REGISTRY_START = '2016-12-02';

/** Stores a criteria set as a version unless the same content is already stored; returns its id. */
export async function storeCriteriaVersion(
  db: Db,
  set: CriteriaSet,
  loadedBy: string | null,
): Promise<{ id: string; created: boolean }> {
  const hash = contentHash(set);
  const existing = await db
    .select({ id: criteriaVersions.id })
    .from(criteriaVersions)
    .where(eq(criteriaVersions.hash, hash))
    .limit(1);
  if (existing[0]) return { id: existing[0].id, created: false };
  const [row] = await db
    .insert(criteriaVersions)
    .values({
      setId: set.id,
      version: set.version,
      title: set.title.vi,
      status: set.status,
      content: set,
      hash,
      loadedBy,
    })
    .returning({ id: criteriaVersions.id });
  return { id: row!.id, created: true };
}

export async function ensureBundledCriteria(db: Db): Promise<void> {
  for (const id of BUNDLED_SET_IDS) await storeCriteriaVersion(db, bundledSet(id)!, null);
}

/** Loads Phụ lục I when the registry is empty (an edited registry is never overwritten). */
export async function ensureAgencies(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(agencies);
  if ((row?.n ?? 0) > 0) return 0;
  const rows = await db
    .insert(agencies)
    .values(
      CAO_BANG_AGENCIES.map((a) => ({
        code: a.code,
        name: a.name,
        groupId: a.group,
        website: a.website,
        validFrom: REGISTRY_START,
      })),
    )
    .returning({ id: agencies.id, website: agencies.website, validFrom: agencies.validFrom });
  // Each unit's portal is monitored from the start (migration 0006 did the same for older registries).
  const portals = rows.filter((r) => r.website);
  if (portals.length)
    await db.insert(monitoredSites).values(
      portals.map((r) => ({
        agencyId: r.id,
        kind: 'portal' as const,
        url: r.website!,
        validFrom: r.validFrom,
      })),
    );
  return CAO_BANG_AGENCIES.length;
}

/**
 * Creates the first administrator when there is none: with CHISO_ADMIN_PASSWORD when given,
 * else with a random password printed once. Returns the credentials to print, or null.
 */
export async function ensureAdmin(
  db: Db,
  now: Date,
  password?: string,
): Promise<{ username: string; password: string | null } | null> {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.role, 'admin'));
  if ((row?.n ?? 0) > 0) return null;
  const initial = password ?? generatePassword();
  const [admin] = await db
    .insert(users)
    .values({
      username: 'admin',
      displayName: 'Quản trị hệ thống',
      passwordHash: await hashPassword(initial),
      role: 'admin',
      mustChangePassword: password === undefined,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: users.id });
  await audit(db, { user: null }, now, {
    action: 'user.create',
    entityType: 'user',
    entityId: admin!.id,
    newValue: { username: 'admin', role: 'admin' },
  });
  return { username: 'admin', password: password === undefined ? initial : null };
}

export async function bootstrap(db: Db, now: Date, adminPassword?: string) {
  await ensureBundledCriteria(db);
  const agenciesLoaded = await ensureAgencies(db);
  const admin = await ensureAdmin(db, now, adminPassword);
  return { agenciesLoaded, admin };
}
