/**
 * The review's rows as the contract shows them (review.schema.ts): the cycle, queries with their
 * messages, evidence, N/A claims, surveys, logic-check findings, and every field of the group with
 * the agency's value, the official value and the department's history of it.
 */
import type { CompiledGroup } from '../../../core/criteria/compile.ts';
import type { Finding, Values } from '../../../core/types.ts';
import type { Executor } from '../../db/open.ts';
import type { CycleRow } from '../cycles/cycles.repo.ts';
import { type AgencyRecord, officialValues } from '../scoring/cycle-data.ts';
import { sameValue } from './compare.ts';
import * as repo from './review.repo.ts';
import type {
  ClaimView,
  CycleRef,
  EvidenceView,
  FieldValueView,
  FindingView,
  QueryView,
  SurveyView,
  UserRef,
} from './review.schema.ts';

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

type Names = ReadonlyMap<string, string>;
const userRef = (id: string | null, names: Names): UserRef | null =>
  id ? { id, name: names.get(id) ?? '' } : null;

export const cycleRef = (cycle: CycleRow): CycleRef => ({
  id: cycle.id,
  year: cycle.year,
  title: cycle.title,
  state: cycle.state,
  deadline: cycle.deadline.toISOString(),
});

/** The queries of a submission with their messages, oldest first. */
export async function queryViews(db: Executor, submissionId: string, agencyId: string): Promise<QueryView[]> {
  const rows = await repo.queriesOf(db, submissionId);
  const messages = await repo.messagesOf(
    db,
    rows.map((q) => q.id),
  );
  const names = await repo.userNames(
    db,
    rows.map((q) => q.createdBy),
  );
  return rows.map((q) => ({
    id: q.id,
    agencyId,
    criterionId: q.criterionId,
    fieldKey: q.fieldKey,
    subject: q.subject,
    status: q.status,
    createdBy: userRef(q.createdBy, names),
    createdAt: q.createdAt.toISOString(),
    closedAt: iso(q.closedAt),
    messages: messages
      .filter((m) => m.queryId === q.id)
      .map((m) => ({
        id: m.id,
        body: m.body,
        author: m.authorId ? { id: m.authorId, name: m.authorName ?? '', role: m.authorRole ?? '' } : null,
        file: m.fileId
          ? { id: m.fileId, filename: m.fileName ?? '', size: m.fileSize ?? 0, mime: m.fileMime ?? '' }
          : null,
        createdAt: m.createdAt.toISOString(),
      })),
  }));
}

/** One query as it is now. */
export async function queryView(db: Executor, queryId: string): Promise<QueryView> {
  const found = (await repo.findQuery(db, queryId))!;
  return (await queryViews(db, found.query.submissionId, found.agencyId)).find((q) => q.id === queryId)!;
}

export const evidenceView = (e: repo.EvidenceListRow, names: Names): EvidenceView => ({
  id: e.id,
  criterionId: e.criterionId,
  surveyId: e.surveyId,
  filename: e.filename,
  mime: e.mime,
  size: e.size,
  note: e.note,
  addedBy: userRef(e.addedBy, names),
  addedAt: e.addedAt.toISOString(),
});

type ClaimRow = Awaited<ReturnType<typeof repo.claimsOf>>[number];

export const claimView = (c: ClaimRow, group: CompiledGroup, names: Names): ClaimView => ({
  criterionId: c.criterionId,
  criterionName: group.criteriaById.get(c.criterionId)?.def.name ?? null,
  reason: c.reason,
  status: c.status,
  claimedAt: c.claimedAt.toISOString(),
  decidedBy: userRef(c.decidedBy, names),
  decidedAt: iso(c.decidedAt),
  decisionNote: c.decisionNote,
});

export const surveyView = (
  s: repo.SurveyRow,
  names: Names,
  evidence: readonly EvidenceView[],
): SurveyView => ({
  id: s.id,
  surveyDate: s.surveyDate,
  team: s.team,
  findings: s.findings,
  createdBy: userRef(s.createdBy, names),
  createdAt: s.createdAt.toISOString(),
  evidence: evidence.filter((e) => e.surveyId === s.id),
});

export const findingView = (f: Finding): FindingView => ({
  ruleId: f.ruleId,
  severity: f.severity,
  message: f.message,
  fields: [...f.fields],
});

/** Every field of the group (or only `onlyKey`) with the agency's value, the official value and the department's history. */
export async function fieldValues(
  db: Executor,
  group: CompiledGroup,
  r: AgencyRecord,
  onlyKey?: string,
): Promise<FieldValueView[]> {
  const history = r.submission ? await repo.reviewHistory(db, r.submission.id) : [];
  const names = await repo.userNames(
    db,
    history.map((h) => h.createdBy),
  );
  const agency: Values = r.submission?.values ?? {};
  const official = officialValues(r);
  return group.fields
    .filter((f) => onlyKey === undefined || f.key === onlyKey)
    .map((f) => {
      const own = history.filter((h) => h.fieldKey === f.key);
      return {
        key: f.key,
        label: f.label,
        source: f.source,
        type: f.type,
        unit: f.unit ?? null,
        min: f.min ?? null,
        max: f.max ?? null,
        options: f.options ?? null,
        agencyValue: agency[f.key] ?? null,
        officialValue: official[f.key] ?? null,
        corrected: own.length > 0 && !sameValue(agency[f.key], official[f.key]),
        history: own.map((h) => ({
          kind: h.kind,
          oldValue: h.oldValue ?? null,
          newValue: h.newValue ?? null,
          restoresAgencyValue: sameValue(h.newValue, agency[f.key]),
          reason: h.reason,
          surveyId: h.surveyId,
          by: userRef(h.createdBy, names),
          at: h.createdAt.toISOString(),
        })),
      };
    });
}
