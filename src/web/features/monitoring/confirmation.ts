/**
 * The assessor's decisions on a snapshot, kept apart from the screen: per field the value kept
 * (the proposed one unless changed) and the reason a change needs; what the server is sent; which
 * fields still need a reason; and which stored page shows a finding's evidence.
 */
import type { ConfirmBody, FindingView, SnapshotDetail } from './monitoringApi.ts';

export type Value = boolean | number | null;

/** What the assessor set on a field; absent: the proposal is kept. */
export interface Edit {
  value: Value;
  reason: string;
}

export type Edits = Readonly<Record<string, Edit>>;

/** The value a field will be confirmed with. */
export const keptValue = (f: FindingView, edits: Edits): Value =>
  Object.hasOwn(edits, f.field) ? edits[f.field]!.value : f.value;

/** Whether the kept value differs from the proposal (then a reason is needed). */
export const isChanged = (f: FindingView, edits: Edits): boolean => keptValue(f, edits) !== f.value;

/** The fields that still lack what confirming needs: a value, and a reason when changed. */
export function missingReasons(findings: readonly FindingView[], edits: Edits): FindingView[] {
  return findings.filter(
    (f) => keptValue(f, edits) === null || (isChanged(f, edits) && !edits[f.field]?.reason.trim()),
  );
}

/** The request body: only the fields the assessor changed, each with its reason. */
export function confirmBody(findings: readonly FindingView[], edits: Edits): ConfirmBody {
  const fields: ConfirmBody['fields'] = {};
  for (const f of findings)
    if (isChanged(f, edits))
      fields[f.field] = { value: keptValue(f, edits), reason: edits[f.field]!.reason.trim() };
  return { fields };
}

/** The stored page a finding's evidence was seen on, when it was kept. */
export function evidencePage(snapshot: Pick<SnapshotDetail, 'pages'>, f: FindingView) {
  if (!f.evidence) return undefined;
  const url = f.evidence.url;
  return snapshot.pages.find((p) => p.stored && p.url === url);
}

/** Whether the field is edited as a yes/no (else as a number). */
export const isYesNo = (f: FindingView) => f.type === 'boolean';
