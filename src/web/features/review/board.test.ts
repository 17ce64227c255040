import { describe, expect, it } from 'vitest';
import {
  boardActions,
  boardView,
  countByFormState,
  groupsOf,
  isFiltered,
  type Row,
  readBoardFilters,
  sortParams,
  sortRows,
  withTotals,
} from './board.ts';
import type { BoardRow } from './reviewApi.ts';

const text = (vi: string) => ({ vi, en: vi });
function boardRow(name: string, over: Partial<BoardRow> = {}): BoardRow {
  return {
    agencyId: name,
    code: name.slice(0, 3).toUpperCase(),
    name,
    group: 'department',
    groupName: text('Sở, ban, ngành'),
    formState: 'draft',
    formStateLabel: text('Đang nhập'),
    lastSavedAt: null,
    submittedAt: null,
    reviewState: 'not_submitted',
    reviewStateLabel: text('Chưa nộp'),
    openQueries: 0,
    pendingClaims: 0,
    reporters: [],
    reminders: [],
    ...over,
  };
}
const row = (name: string, over: Partial<Row> = {}): Row => ({
  ...boardRow(name),
  selfTotal: null,
  officialTotal: null,
  ...over,
});
const names = (rows: readonly Row[]) => rows.map((r) => r.name);
const filters = (query: string) => readBoardFilters(new URLSearchParams(query));

const ROWS: Row[] = [
  row('Sở Y tế', { formState: 'submitted_on_time', submittedAt: '2027-10-20T03:00:00Z', selfTotal: 71.5 }),
  row('Đài Phát thanh', { formState: 'late', submittedAt: '2027-11-02T03:00:00Z', selfTotal: 60 }),
  row('Sở Tài chính', { formState: 'submitted_on_time', submittedAt: '2027-10-25T03:00:00Z', selfTotal: 88 }),
  row('Công an tỉnh', { formState: 'not_started' }),
  row('UBND huyện Hà Quảng', {
    group: 'district',
    groupName: text('Huyện, thành phố'),
    formState: 'missing',
  }),
];

describe('the board’s filters, read from the address', () => {
  it('uses the Vietnamese parameter names, and the name order by default', () => {
    expect(filters('nhom=district&bc=late&td=to_review&q=y%20t%E1%BA%BF&xep=self&chieu=giam')).toEqual({
      group: 'district',
      formState: 'late',
      reviewState: 'to_review',
      q: 'y tế',
      sort: 'self',
      desc: true,
    });
    expect(filters('xep=khac')).toMatchObject({ sort: 'name', desc: false });
    expect(isFiltered(filters(''))).toBe(false);
    expect(isFiltered(filters('chieu=giam'))).toBe(true);
  });

  it('sorts by a column on a click, and the other way round on a second click', () => {
    expect(sortParams('self', { sort: 'name', desc: false })).toEqual({ xep: 'self', chieu: null });
    expect(sortParams('self', { sort: 'self', desc: false })).toEqual({ xep: 'self', chieu: 'giam' });
    expect(sortParams('name', { sort: 'name', desc: true })).toEqual({ xep: null, chieu: null });
  });
});

describe('the board’s list', () => {
  it('shows the chosen group in Vietnamese alphabetical order, Đ after D', () => {
    expect(names(boardView(ROWS, filters('nhom=department')).shown)).toEqual([
      'Công an tỉnh',
      'Đài Phát thanh',
      'Sở Tài chính',
      'Sở Y tế',
    ]);
  });

  it('finds an agency by words of its name or its code, whatever the case', () => {
    expect(names(boardView(ROWS, filters('q=s%E1%BB%9F%20y')).shown)).toEqual(['Sở Y tế']);
    expect(names(boardView(ROWS, filters('q=ubn')).shown)).toEqual(['UBND huyện Hà Quảng']);
  });

  it('counts the states of the group’s agencies, whatever the other filters', () => {
    const { inGroup, shown } = boardView(ROWS, filters('nhom=department&bc=late'));
    expect(names(shown)).toEqual(['Đài Phát thanh']);
    expect(countByFormState(inGroup)).toEqual({
      not_started: 1,
      draft: 0,
      submitted_on_time: 2,
      late: 1,
      missing: 0,
    });
  });

  it('sorts by self-score, highest first, with the agencies without one last either way', () => {
    expect(names(sortRows(ROWS.slice(0, 4), 'self', true))).toEqual([
      'Sở Tài chính',
      'Sở Y tế',
      'Đài Phát thanh',
      'Công an tỉnh',
    ]);
    expect(names(sortRows(ROWS.slice(0, 4), 'self', false))).toEqual([
      'Đài Phát thanh',
      'Sở Y tế',
      'Sở Tài chính',
      'Công an tỉnh',
    ]);
  });

  it('sorts by the time of submission and by the form’s state, ties by name', () => {
    expect(names(sortRows(ROWS, 'submitted', false))).toEqual([
      'Sở Y tế',
      'Sở Tài chính',
      'Đài Phát thanh',
      'Công an tỉnh',
      'UBND huyện Hà Quảng',
    ]);
    expect(names(sortRows(ROWS, 'state', false))).toEqual([
      'Công an tỉnh',
      'Sở Tài chính',
      'Sở Y tế',
      'Đài Phát thanh',
      'UBND huyện Hà Quảng',
    ]);
  });

  it('takes the totals from the review list, and lists the groups present', () => {
    const rows = withTotals(
      [boardRow('Sở Y tế'), boardRow('Sở Tư pháp')],
      [{ agencyId: 'Sở Y tế', selfTotal: 71.5, officialTotal: 70 } as never],
    );
    expect(rows.map((r) => [r.name, r.selfTotal, r.officialTotal])).toEqual([
      ['Sở Y tế', 71.5, 70],
      ['Sở Tư pháp', null, null],
    ]);
    expect(groupsOf(ROWS)).toEqual([
      ['department', 'Sở, ban, ngành'],
      ['district', 'Huyện, thành phố'],
    ]);
  });
});

describe('the board’s actions', () => {
  const board = (state: 'open' | 'closed' | 'under_review') => ({
    cycle: { id: 'c', year: 2027, title: '', state, stateLabel: text(state), deadline: '', deadlineText: '' },
    agencies: ROWS,
  });

  it('count the agencies a reminder would go to: those whose form is not in', () => {
    expect(boardActions('admin', board('open')).unsent).toBe(2);
  });

  it('let the administrator remind while the cycle is open or closed, and start the review once closed', () => {
    expect(boardActions('admin', board('open'))).toMatchObject({ canStart: false, canRemind: true });
    expect(boardActions('admin', board('closed'))).toMatchObject({ canStart: true, canRemind: true });
    expect(boardActions('assessor', board('closed'))).toMatchObject({ canStart: true, canRemind: false });
    expect(boardActions('approver', board('closed'))).toMatchObject({ canStart: false, canRemind: false });
    expect(boardActions('admin', board('under_review'))).toMatchObject({ canStart: false, canRemind: false });
  });
});
