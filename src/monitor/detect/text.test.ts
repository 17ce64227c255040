import { describe, expect, it } from 'vitest';
import { dayToString, findDates, vietnamDay } from './dates.ts';
import { extractPage } from './extract.ts';
import { matchForm, normalizeVi } from './normalize.ts';

describe('normalising Vietnamese text', () => {
  it.each([
    ['Văn bản pháp luật', 'van ban phap luat'],
    ['VĂN BẢN', 'van ban'],
    ['van ban', 'van ban'],
    ['Điều hành  ĐỊA\nphương', 'dieu hanh dia phuong'],
    // decomposed input (as some editors save it) gives the same result
    ['Lịch công tác'.normalize('NFD'), 'lich cong tac'],
    ['Hỏi đáp', 'hoi dap'],
  ])('%j → %j', (input, out) => {
    expect(normalizeVi(input)).toBe(out);
  });
  it('reads punctuation as a space for matching phrases', () => {
    expect(matchForm('CHỈ ĐẠO - ĐIỀU HÀNH')).toBe('chi dao dieu hanh');
    expect(matchForm('Chức năng, nhiệm vụ')).toBe('chuc nang nhiem vu');
  });
});

describe('finding dates as Vietnamese sites write them', () => {
  it.each([
    ['Đăng ngày 05/03/2026', '05/03/2026'],
    ['(05-03-2026)', '05/03/2026'],
    ['5/3/2026 08:30', '05/03/2026'],
    ['Thứ Hai, 05/03/2026', '05/03/2026'],
    ['ngày 5 tháng 3 năm 2026', '05/03/2026'],
    ['Ngày 15 Tháng 12, năm 2025', '15/12/2025'],
    ['05.03.2026 | 09:15', '05/03/2026'],
    ['<time> 2026-03-05', '05/03/2026'],
  ])('%j → %s', (text, day) => {
    expect(findDates(text).map(dayToString)).toEqual([day]);
  });
  it('ignores document numbers and impossible days', () => {
    expect(findDates('Số 12/2026/QĐ-UBND')).toEqual([]);
    expect(findDates('31/02/2026')).toEqual([]);
  });
  it('takes the calendar day in Vietnam (UTC+7)', () => {
    expect(dayToString(vietnamDay(new Date('2026-03-04T18:00:00Z')))).toBe('05/03/2026');
  });
});

describe('reading a page', () => {
  it('finds the menu, headings, forms and dated list items', () => {
    const p = extractPage(
      `<html><head><title>Sở Tư pháp</title></head><body>
      <nav><ul><li><a href="/van-ban">Văn bản</a></li></ul></nav>
      <form action="/tim"><input name="keyword" placeholder="Tìm kiếm"></form>
      <h2>Tin mới</h2>
      <ul><li><a href="/t/1">Hội nghị tổng kết công tác năm</a> (05/03/2026)</li>
          <li><a href="/t/2">Tập huấn cán bộ</a></li></ul>
      <script>var x = "<a href='/no'>no</a>";</script></body></html>`,
      'http://stp.caobang.gov.vn/',
      (t) => findDates(t).length > 0,
    );
    expect(p.title).toBe('Sở Tư pháp');
    expect(p.links.map((l) => [l.href, l.text, l.inMenu])).toEqual([
      ['http://stp.caobang.gov.vn/van-ban', 'Văn bản', true],
      ['http://stp.caobang.gov.vn/t/1', 'Hội nghị tổng kết công tác năm', false],
      ['http://stp.caobang.gov.vn/t/2', 'Tập huấn cán bộ', false],
    ]);
    expect(p.headings).toEqual(['Tin mới']);
    expect(p.forms[0]).toContain('Tìm kiếm');
    expect(p.items.map((i) => i.link?.href)).toEqual(['http://stp.caobang.gov.vn/t/1']);
  });
});
