/**
 * The progress board's list as data: the filters and the sort read from the address (so that a
 * filtered board can be shared as a link), the agencies' rows with their totals, the filtering,
 * the counts per state and the order, and which of the board's actions the role may take now.
 */
import { byVietnamese } from '../../format.ts';
import { type Board, type BoardRow, FORM_STATES, type ReviewListRow } from './reviewApi.ts';
import { pick } from './text.ts';

export const SORTS = ['name', 'state', 'submitted', 'self'] as const;
export type SortKey = (typeof SORTS)[number];

/** A board row with the agency's totals from the review list (null until there are any). */
export interface Row extends BoardRow {
  selfTotal: number | null;
  officialTotal: number | null;
}

/** The board's filters and order, as the address carries them (Vietnamese parameter names). */
export interface BoardFilters {
  /** Agency group id (nhom), '' for all. */
  group: string;
  /** Form state (bc), '' for any. */
  formState: string;
  /** Review state (td), '' for any. */
  reviewState: string;
  /** Text searched in the agency's name and code (q). */
  q: string;
  sort: SortKey;
  /** Descending (chieu=giam). */
  desc: boolean;
}

export function readBoardFilters(search: URLSearchParams): BoardFilters {
  const sort = search.get('xep');
  return {
    group: search.get('nhom') ?? '',
    formState: search.get('bc') ?? '',
    reviewState: search.get('td') ?? '',
    q: search.get('q') ?? '',
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : 'name',
    desc: search.get('chieu') === 'giam',
  };
}

/** Whether any filter or a sort other than the default is set (then the board offers to clear them). */
export const isFiltered = (f: BoardFilters): boolean =>
  Boolean(f.group || f.formState || f.reviewState || f.q || f.sort !== 'name' || f.desc);

/** The address parameters that clear every filter and the sort. */
export const CLEARED = { nhom: null, bc: null, td: null, q: null, xep: null, chieu: null } as const;

/** The address parameters after a click on a column's header: by that column, reversed if it was already. */
export function sortParams(by: SortKey, current: Pick<BoardFilters, 'sort' | 'desc'>) {
  const reverse = current.sort === by && !current.desc;
  return { xep: by === 'name' ? null : by, chieu: reverse ? 'giam' : null };
}

/** The board's rows with each agency's totals from the review list. */
export function withTotals(board: readonly BoardRow[], list: readonly ReviewListRow[]): Row[] {
  const totals = new Map(list.map((r) => [r.agencyId, r]));
  return board.map((a) => ({
    ...a,
    selfTotal: totals.get(a.agencyId)?.selfTotal ?? null,
    officialTotal: totals.get(a.agencyId)?.officialTotal ?? null,
  }));
}

/** The groups present, in the order they first appear, with their names: [id, name]. */
export function groupsOf(rows: readonly Row[]): [string, string][] {
  const seen = new Map<string, string>();
  for (const a of rows) if (!seen.has(a.group)) seen.set(a.group, pick(a.groupName));
  return [...seen];
}

/**
 * The rows of the chosen group (what the counts are of) and, of those, the rows shown: the other
 * filters applied, then sorted.
 */
export function boardView(rows: readonly Row[], f: BoardFilters): { inGroup: Row[]; shown: Row[] } {
  const needle = f.q.trim().toLocaleLowerCase('vi');
  const inGroup = rows.filter((a) => !f.group || a.group === f.group);
  const shown = inGroup.filter(
    (a) =>
      (!f.formState || a.formState === f.formState) &&
      (!f.reviewState || a.reviewState === f.reviewState) &&
      (!needle ||
        a.name.toLocaleLowerCase('vi').includes(needle) ||
        a.code.toLocaleLowerCase('vi').includes(needle)),
  );
  return { inGroup, shown: sortRows(shown, f.sort, f.desc) };
}

/** How many rows are in each form state. */
export function countByFormState(rows: readonly Row[]): Record<(typeof FORM_STATES)[number], number> {
  const counts = Object.fromEntries(FORM_STATES.map((s) => [s, 0])) as Record<
    (typeof FORM_STATES)[number],
    number
  >;
  for (const a of rows) counts[a.formState] += 1;
  return counts;
}

/**
 * The rows in the chosen order; ties by name, so that the order is the same on every screen. An
 * agency without the figure sorted on (not submitted, no score yet) comes last either way: the
 * highest self-score first means a score, not a blank.
 */
export function sortRows(rows: readonly Row[], sort: SortKey, desc: boolean): Row[] {
  const byName = (a: Row, b: Row) => byVietnamese(a.name, b.name);
  const sign = desc ? -1 : 1;
  const figure: Record<Exclude<SortKey, 'name'>, (r: Row) => number | null> = {
    state: (r) => FORM_STATES.indexOf(r.formState),
    submitted: (r) => (r.submittedAt ? Date.parse(r.submittedAt) : null),
    self: (r) => r.selfTotal,
  };
  if (sort === 'name') return [...rows].sort((a, b) => sign * byName(a, b));
  const of = figure[sort];
  return [...rows].sort((a, b) => {
    const x = of(a);
    const y = of(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** Agencies whose form is not in yet: those a reminder would go to. */
export const notSubmittedCount = (agencies: readonly Pick<BoardRow, 'formState'>[]): number =>
  agencies.filter((a) => a.formState !== 'submitted_on_time' && a.formState !== 'late').length;

/**
 * The board's actions this role may take now: start the review (a closed cycle; admin and
 * assessor), send the reminders by hand (admin, while the cycle is open or closed and someone has
 * not submitted). The server checks again.
 */
export function boardActions(role: string, board: Pick<Board, 'cycle' | 'agencies'>) {
  const state = board.cycle.state;
  const unsent = notSubmittedCount(board.agencies);
  return {
    unsent,
    canStart: state === 'closed' && (role === 'admin' || role === 'assessor'),
    canRemind: role === 'admin' && (state === 'open' || state === 'closed') && unsent > 0,
  };
}
