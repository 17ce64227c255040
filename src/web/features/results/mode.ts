/**
 * Which result a reader sees — the published revision, or the staff's provisional ranking while
 * the cycle is under review or approved — and the links between the results pages that keep that
 * choice. The server decides again what each role may read.
 */
import type { Cycle, User } from '../../api.ts';
import { PREVIEW_ROLES, PREVIEW_STATES } from './resultsApi.ts';

/** `?ban=tam-tinh` asks for the provisional result, `?ban=cong-bo` for the published one. */
export const MODE_PARAM = 'ban';
export const PROVISIONAL = 'tam-tinh';
export const PUBLISHED = 'cong-bo';

export const isStaff = (user: Pick<User, 'role'>): boolean =>
  (PREVIEW_ROLES as readonly string[]).includes(user.role);

/**
 * Whether this reader sees the provisional (live) result: the staff do while the cycle is under
 * review or approved, unless they asked for the published revision; everyone else never does.
 */
export function previewMode(
  user: Pick<User, 'role'>,
  cycle: Pick<Cycle, 'state'> | undefined,
  asked: string | null,
): { preview: boolean; canPreview: boolean } {
  const canPreview = isStaff(user) && !!cycle && PREVIEW_STATES.includes(cycle.state);
  return { preview: canPreview && asked !== PUBLISHED, canPreview };
}

const modeQuery = (preview: boolean) => (preview ? `?${MODE_PARAM}=${PROVISIONAL}` : '');

/** The ranking page of a cycle, in the same mode. */
export const rankingLink = (cycleId: string, preview: boolean): string =>
  `/ky/${cycleId}/ket-qua${modeQuery(preview)}`;

/** One agency's result page, in the same mode. */
export const agencyLink = (cycleId: string, agencyId: string, preview: boolean): string =>
  `/ky/${cycleId}/ket-qua/${agencyId}${modeQuery(preview)}`;

/** The agency page a reader may open from a ranking row: a reporter only their own agency's. */
export const readableAgencyLink = (
  user: Pick<User, 'role' | 'agencyId'>,
  cycleId: string,
  agencyId: string,
  preview: boolean,
): string | null =>
  user.role === 'reporter' && user.agencyId !== agencyId ? null : agencyLink(cycleId, agencyId, preview);
