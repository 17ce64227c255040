/**
 * An agency's lineage (R19): the units whose years are its history. A unit keeps its id only while
 * it exists; a rename, a merger or a split ends the old units and starts new ones (record-change.ts),
 * so every reader of earlier years (the agency's page, last year's standing, trends) asks here which
 * units to look for, walking the registry's events backwards from the unit: a renamed unit's old
 * name, the units merged into it, the unit it was split from, and so on to the first one.
 */
import { formatDate } from '../../../core/format.ts';
import type { Text } from '../../../core/types.ts';
import type { Executor } from '../../db/open.ts';
import * as repo from './agencies.repo.ts';

export type LineageKind = 'rename' | 'merge' | 'split';

/** A unit whose years an agency inherits, with the words that label those years. */
export interface Predecessor {
  agencyId: string;
  code: string;
  name: string;
  /** The change that ended this unit on the way to the agency. */
  kind: LineageKind;
  effectiveDate: string;
  /** Shown beside each of its years: "Sở X (đã sáp nhập vào Sở Y từ 01/01/2019)". */
  label: Text;
}

const names = (units: readonly { name: string }[]) => units.map((u) => u.name).join(', ');

function labelOf(
  kind: LineageKind,
  from: { name: string },
  to: readonly { name: string }[],
  date: string,
): Text {
  const d = formatDate(date);
  switch (kind) {
    case 'rename':
      return {
        vi: `${from.name} (tên cũ, đổi thành ${names(to)} từ ${d})`,
        en: `${from.name} (former name, renamed ${names(to)} on ${date})`,
      };
    case 'merge':
      return {
        vi: `${from.name} (đã sáp nhập vào ${names(to)} từ ${d})`,
        en: `${from.name} (merged into ${names(to)} on ${date})`,
      };
    case 'split':
      return {
        vi: `${from.name} (đã chia tách thành ${names(to)} từ ${d})`,
        en: `${from.name} (split into ${names(to)} on ${date})`,
      };
  }
}

/**
 * The predecessors of each given agency, nearest first (a unit reached twice counts once). An
 * agency with none is absent from the map. A dissolution has no successor, so it never appears.
 */
export async function lineagesOf(
  db: Executor,
  agencyIds: readonly string[],
): Promise<Map<string, Predecessor[]>> {
  const out = new Map<string, Predecessor[]>();
  // Walk every agency's frontier together: one pair of queries per generation, not per agency.
  const seen = new Map(agencyIds.map((id) => [id, new Set([id])]));
  let frontier = new Map(agencyIds.map((id) => [id, [id]]));
  for (let depth = 0; depth < 50 && frontier.size; depth++) {
    const ids = [...new Set([...frontier.values()].flat())];
    const events = await repo.eventsInto(db, ids);
    if (!events.length) break;
    const links = await repo.linksOf(db, [...new Set(events.map((e) => e.eventId))]);
    const next = new Map<string, string[]>();
    for (const [root, nodes] of frontier) {
      const visited = seen.get(root)!;
      for (const e of events) {
        if (!nodes.includes(e.agencyId) || e.kind === 'dissolve') continue;
        const of = links.filter((l) => l.eventId === e.eventId);
        const to = of.filter((l) => l.role === 'to');
        for (const f of of.filter((l) => l.role === 'from')) {
          if (visited.has(f.id)) continue;
          visited.add(f.id);
          const list = out.get(root) ?? [];
          list.push({
            agencyId: f.id,
            code: f.code,
            name: f.name,
            kind: e.kind,
            effectiveDate: e.effectiveDate,
            label: labelOf(e.kind, f, to, e.effectiveDate),
          });
          out.set(root, list);
          next.set(root, [...(next.get(root) ?? []), f.id]);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** One agency's predecessors, nearest first. */
export const lineageOf = async (db: Executor, agencyId: string): Promise<Predecessor[]> =>
  (await lineagesOf(db, [agencyId])).get(agencyId) ?? [];
