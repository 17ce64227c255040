/**
 * A published year as a cycle file (interchange.md): the frozen data of a publication in the
 * format `chiso score --input` reads, so that the year can be scored again with the command-line
 * tool (and with another criteria set, `--criteria`). Instants are written in Vietnam time.
 */
import { VN_OFFSET_MS } from '../../../core/calendar/time.ts';
import type { SnapshotContent } from './results.schema.ts';

const vnIso = (iso: string) => new Date(Date.parse(iso) + VN_OFFSET_MS).toISOString().replace('Z', '+07:00');

export interface CycleFile {
  criteriaSet: string;
  year: number;
  deadline: string;
  agencies: {
    code: string;
    name: string;
    group: string;
    submittedAt: string | null;
    values: Record<string, unknown>;
    notApplicable: string[];
    websiteChecks: { checkedAt: string | null; values: Record<string, unknown> }[];
  }[];
}

export function cycleFileOf(content: SnapshotContent): CycleFile {
  return {
    criteriaSet: content.criteria.setId,
    year: content.cycle.year,
    deadline: vnIso(content.cycle.deadline),
    agencies: content.agencies.map((a) => ({
      code: a.code,
      name: a.name,
      group: a.group,
      submittedAt: a.submittedAt === null ? null : vnIso(a.submittedAt),
      values: a.values,
      notApplicable: a.notApplicable,
      websiteChecks: a.websiteChecks.map((c) => ({
        checkedAt: c.checkedAt === null ? null : vnIso(c.checkedAt),
        values: c.values,
      })),
    })),
  };
}
