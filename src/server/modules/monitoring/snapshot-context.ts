/** What the snapshot use cases share: loading one, naming its fields, and its detail as a screen shows it. */
import { fieldName } from '../../../core/input/values.ts';
import type { Text } from '../../../core/types.ts';
import type { Executor } from '../../db/open.ts';
import { notFound } from '../../platform/errors.ts';
import { criteriaForAgency } from '../website-checks/check-values.ts';
import * as repo from './monitoring.repo.ts';
import type { SnapshotDetail } from './monitoring.schema.ts';
import { findingViews, snapshotSummary, textOf } from './monitoring-views.ts';

export const noSnapshot = () => notFound({ vi: 'ảnh chụp trang TTĐT', en: 'website snapshot' });

export async function loadSnapshot(db: Executor, id: string) {
  const row = await repo.findSnapshot(db, id);
  if (!row) throw noSnapshot();
  return row;
}

/** A field's name as the criteria the agency is evaluated on say it, "Tên (mã)". */
export async function fieldNamer(db: Executor, agency: { id: string; groupId: string }) {
  const { set, group } = await criteriaForAgency(db, agency);
  return (key: string): Text => {
    const f = group.fieldsByKey.get(key) ?? set.fieldsByKey.get(key);
    return f ? { vi: fieldName(f, 'vi'), en: fieldName(f, 'en') } : { vi: key, en: key };
  };
}

/** A field's type in those criteria ('boolean' when unknown: most monitoring items are). */
export async function fieldTyper(db: Executor, agency: { id: string; groupId: string }) {
  const { set, group } = await criteriaForAgency(db, agency);
  return (key: string): string => (group.fieldsByKey.get(key) ?? set.fieldsByKey.get(key))?.type ?? 'boolean';
}

export async function snapshotDetail(
  db: Executor,
  row: NonNullable<Awaited<ReturnType<typeof repo.findSnapshot>>>,
): Promise<SnapshotDetail> {
  const agency = (await repo.findAgency(db, row.agencyId))!;
  const nameOf = await fieldNamer(db, agency);
  const typeOf = await fieldTyper(db, agency);
  const pages = await repo.pagesOf(db, row.id);
  return {
    ...snapshotSummary(row),
    agency: { id: agency.id, code: agency.code, name: agency.name },
    findings: findingViews(row.findings, nameOf, typeOf),
    decisions: (row.decisions ?? null) as SnapshotDetail['decisions'],
    confirmedBy: row.confirmedBy ? { id: row.confirmedBy, name: row.confirmedByName ?? '' } : null,
    websiteCheckId: row.websiteCheckId ?? null,
    pages: pages.map((p) => ({
      id: p.id,
      url: p.url,
      depth: p.depth,
      status: p.status,
      contentType: p.contentType,
      bytes: p.bytes,
      title: p.title,
      stored: Boolean(p.stored),
      failure: textOf(p.failure),
    })),
  };
}
