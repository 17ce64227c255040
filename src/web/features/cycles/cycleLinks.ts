/**
 * The pages a role works in for a cycle at its stage of the year, as the cycles home links them.
 * The route table and the server decide again who may open each.
 */
import type { Cycle, CycleState, Role } from '../../api.ts';
import { t } from '../../i18n/messages.ts';

const FOLLOWED: readonly CycleState[] = ['open', 'closed', 'under_review', 'approved', 'published'];
const DECIDED: readonly CycleState[] = ['under_review', 'approved', 'published'];
const APPEALED: readonly CycleState[] = ['approved', 'published'];

export function cycleLinks(role: Role, c: Pick<Cycle, 'id' | 'state'>): { to: string; label: string }[] {
  const staff = role === 'admin' || role === 'assessor' || role === 'approver';
  const out: { to: string; label: string }[] = [];
  if (role === 'reporter' && c.state !== 'draft')
    out.push({ to: `/bao-cao/${c.id}`, label: t('cycles.toReport') });
  if (staff && FOLLOWED.includes(c.state))
    out.push({ to: `/ky/${c.id}/tien-do`, label: t('cycles.toProgress') });
  // The appeals on the provisional result: the agency's own, the department's list to answer.
  if (role === 'reporter' && APPEALED.includes(c.state))
    out.push({ to: `/ky/${c.id}/kien-nghi`, label: t('cycles.toAppeals') });
  if (staff && APPEALED.includes(c.state))
    out.push({ to: `/ky/${c.id}/xu-ly-kien-nghi`, label: t('cycles.toAppealsStaff') });
  if (role === 'admin') out.push({ to: `/quan-tri/ky-danh-gia/${c.id}`, label: t('cycles.toManage') });
  if ((role === 'approver' || role === 'admin') && DECIDED.includes(c.state))
    out.push({ to: `/ky/${c.id}/phe-duyet`, label: t('cycles.toApprove') });
  // A result is everyone's once published; before that, the staff's provisional one.
  if (c.state === 'published' || (role !== 'reporter' && role !== 'viewer' && c.state !== 'draft'))
    out.push({ to: `/ky/${c.id}/ket-qua`, label: t('cycles.toResults') });
  return out;
}
