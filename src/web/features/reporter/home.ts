/**
 * What the reporter's start page says about the year's work: the cycle to work on, the time left
 * before the deadline, the state of the agency's form and the one next step.
 */
import { dateTimeVn } from '../../format.ts';
import { m } from './messages.ts';
import type { CycleSummary, FormState } from './reporterApi.ts';

/** "Còn 3 ngày 4 giờ", or hours and minutes on the last day; null once the deadline has passed. */
export function countdown(deadline: string, now: number): string | null {
  const left = new Date(deadline).getTime() - now;
  if (left <= 0) return null;
  const hours = Math.floor(left / 3_600_000);
  if (hours < 24) return m('home.leftHours', { hours, minutes: Math.floor((left % 3_600_000) / 60_000) });
  return m('home.left', { days: Math.floor(hours / 24), hours: hours % 24 });
}

/** The cycles an agency sees: all but drafts, which the department is still preparing. */
export const visibleCycles = (cycles: readonly CycleSummary[]): CycleSummary[] =>
  cycles.filter((c) => c.state !== 'draft');

/** The cycle to work on: the open one, else the most recent one the agency can see. */
export function currentCycle(cycles: readonly CycleSummary[]): CycleSummary | undefined {
  const visible = visibleCycles(cycles).sort((a, b) => b.year - a.year);
  return visible.find((c) => c.state === 'open') ?? visible[0];
}

/** The state of the agency's form in words, with when it was last saved or submitted. */
export function formStateText(f: FormState | undefined): string {
  if (!f) return '—';
  if (f.status === 'submitted' && f.submittedAt)
    return m(f.late ? 'home.submittedLate' : 'home.submitted', { at: dateTimeVn(f.submittedAt) });
  if (f.status === 'draft' && f.updatedAt) return m('home.draft', { at: dateTimeVn(f.updatedAt) });
  return m('home.notStarted');
}

/** The one button of the cycle: start, continue, view the form, or the receipt once submitted. */
export function nextStep(cycleId: string, form: FormState | undefined): { label: string; to: string } {
  const formUrl = `/bao-cao/${cycleId}`;
  // Once published, what the agency wants is its result (issue 12): where it stands and why.
  if (form?.cycle.state === 'published')
    return { label: m('home.viewResult'), to: `/ky/${cycleId}/ket-qua/${form.agency.id}` };
  // Approved, not yet published: the provisional result and the appeals (issue 12, item 3).
  if (form?.cycle.state === 'approved' && form.status === 'submitted')
    return { label: m('home.viewAppeals'), to: `/ky/${cycleId}/kien-nghi` };
  if (form?.status === 'submitted') return { label: m('home.viewReceipt'), to: `${formUrl}/bien-nhan` };
  if (form && !form.editable) return { label: m('home.viewForm'), to: formUrl };
  if (form?.status === 'draft') return { label: m('home.continue'), to: formUrl };
  return { label: m('home.start'), to: formUrl };
}
