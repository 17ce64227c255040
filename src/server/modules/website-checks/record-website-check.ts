/**
 * An assessor records what it saw on an agency's website at an instant (R5), as values of the
 * fields of source `monitoring`. Both the self-score and the official score of every cycle whose
 * window holds the instant read it (scoring/cycle-data.ts), so it is refused once the result of
 * such a cycle is approved or published, asked under the share lock of those cycles.
 */
import { parseInstant } from '../../../core/calendar/time.ts';
import { audit } from '../../platform/audit.ts';
import { invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { checkView, cyclesCountingFor, loadAgency } from './check-context.ts';
import { criteriaForAgency, validateCheckValues } from './check-values.ts';
import { canRecordWebsiteCheck, checksOpenFor } from './website-checks.policy.ts';
import * as repo from './website-checks.repo.ts';
import type { AgencyParams, RecordCheckBody, RecordCheckResult } from './website-checks.schema.ts';

export async function recordWebsiteCheck(
  deps: AppDeps,
  caller: Caller,
  input: AgencyParams & RecordCheckBody,
): Promise<RecordCheckResult> {
  const db = deps.database.db;
  const agency = await loadAgency(db, input.agencyId);
  authorize(canRecordWebsiteCheck(caller.user));
  const ms = parseInstant(input.checkedAt);
  if (ms === null)
    throw invalid('checkedAt', {
      vi: 'Thời điểm kiểm tra phải có dạng 2017-09-15T09:00:00+07:00 (có múi giờ)',
      en: 'The check time must look like 2017-09-15T09:00:00+07:00 (with its offset)',
    });
  const now = deps.clock.now();
  if (ms > now.getTime())
    throw invalid('checkedAt', {
      vi: 'Thời điểm kiểm tra không được sau thời điểm hiện tại',
      en: 'The check time cannot be in the future',
    });
  const { set, group } = await criteriaForAgency(db, agency);
  const values = validateCheckValues(set, group, input.values);
  const note = input.note?.normalize('NFC').trim() || null;
  const checkedAt = new Date(ms);
  const id = await db.transaction(async (tx) => {
    const countsFor = await cyclesCountingFor(tx, checkedAt, true);
    authorize(checksOpenFor(checkedAt, countsFor, 'add'));
    const row = await repo.insertCheck(tx, {
      agencyId: agency.id,
      checkedAt,
      values,
      note,
      checkedBy: caller.user.id,
      now,
    });
    await audit(tx, caller, now, {
      action: 'website_check.create',
      entityType: 'website_check',
      entityId: row.id,
      cycleId: countsFor[0]?.id ?? null,
      agencyId: agency.id,
      newValue: { checkedAt: checkedAt.toISOString(), values, note },
    });
    return row.id;
  });
  return { check: checkView((await repo.findCheck(db, agency.id, id))!) };
}
