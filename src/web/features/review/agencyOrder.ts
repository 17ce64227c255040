/**
 * The order in which the assessor goes through the agencies: the board's list as last filtered and
 * sorted, so that "next agency" on the review page follows what the assessor chose on the board.
 * Kept for the browser tab only (sessionStorage): another tab may have another order.
 */
export interface AgencyRef {
  id: string;
  name: string;
}

const key = (cycleId: string) => `chiso.review.order.${cycleId}`;

export function rememberOrder(cycleId: string, agencies: readonly AgencyRef[]): void {
  try {
    sessionStorage.setItem(key(cycleId), JSON.stringify(agencies.map((a) => ({ id: a.id, name: a.name }))));
  } catch {
    // Storage full or disabled: next/previous then follow the default order.
  }
}

export function rememberedOrder(cycleId: string): AgencyRef[] | null {
  try {
    const raw = sessionStorage.getItem(key(cycleId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return Array.isArray(parsed) ? (parsed as AgencyRef[]) : null;
  } catch {
    return null;
  }
}

/** The agencies before and after `agencyId` in `order`. */
export function neighbours(
  order: readonly AgencyRef[],
  agencyId: string,
): { prev: AgencyRef | null; next: AgencyRef | null } {
  const i = order.findIndex((a) => a.id === agencyId);
  if (i < 0) return { prev: null, next: null };
  return { prev: order[i - 1] ?? null, next: order[i + 1] ?? null };
}
