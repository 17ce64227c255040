/**
 * The change history in a real browser: two agencies' reporters fill their forms over a week
 * (through the API); the assessor narrows the history by agency, field and days and reads who
 * changed what in words, with the details on demand; a reporter sees its own agency's form only;
 * the approver has no such page.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, users } from '../../src/server/db/schema.ts';
import { createCycle } from '../fixtures.ts';
import { type BrowserSession, fillDate, startBrowserSession } from './browser.ts';

let s: BrowserSession;
let cycleId: string;
const ids: Record<string, string> = {};

const versions = new Map<string, number>();
/** A reporter saves some fields of its agency's form, as the form's autosave does. */
async function save(username: string, code: string, values: Record<string, unknown>) {
  const res = await s.apiAs<{ version: number }>(
    username,
    'PUT',
    `/api/v1/cycles/${cycleId}/agencies/${ids[code]}/submission/values`,
    { version: versions.get(code) ?? null, values },
  );
  versions.set(code, res.version);
}

const lines = () => s.page.locator('.history-item');
const sentences = () => s.page.locator('.history-summary').allTextContents();

/** Picks an option of a searchable choice list by typing part of it. */
async function choose(label: string, typed: string) {
  const select = s.page.getByLabel(label, { exact: true });
  await select.click();
  await select.fill(typed);
  await s.page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')
    .waitFor();
  await s.page.keyboard.press('Enter');
}

beforeAll(async () => {
  s = await startBrowserSession({ now: '2017-10-02T09:00:00+07:00' });
  const db = s.deps.database.db;
  for (const a of await db.select().from(agencies)) ids[a.code] = a.id;
  cycleId = (await createCycle(db, { year: 2017, state: 'open' })).id;
  await s.addUser('thamdinh', 'assessor');
  await s.addUser('pheduyet', 'approver');
  for (const [username, name, code] of [
    ['nguyenvana', 'Nguyễn Văn A', 'SXD'],
    ['tranthib', 'Trần Thị B', 'STTTT'],
  ] as const) {
    await s.addUser(username, 'reporter', code);
    await db.update(users).set({ displayName: name }).where(eq(users.username, username));
  }
  // 2 October: Sở Xây dựng starts its form; 5 October both agencies work; 9 October one more field.
  await save('nguyenvana', 'SXD', { total_staff: 45 });
  s.clock.set('2017-10-05T10:00:00+07:00');
  await save('nguyenvana', 'SXD', { total_staff: 47 });
  await save('tranthib', 'STTTT', { total_staff: 30 });
  s.clock.set('2017-10-09T15:30:00+07:00');
  await save('nguyenvana', 'SXD', { total_computers: 20 });
}, 240_000);
afterAll(async () => {
  await s?.close();
});

describe('the change history', () => {
  it('lets the assessor narrow the history and read who changed what, in words', async () => {
    const page = s.page;
    await s.signInAs('thamdinh', 'Các kỳ đánh giá');
    await page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: 'Nhật ký thay đổi' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Nhật ký thay đổi' }).waitFor();
    await page.getByText('Đăng nhập, tài khoản và việc nền chỉ quản trị hệ thống xem').waitFor();
    await expect
      .poll(sentences)
      .toEqual([
        'Nguyễn Văn A sửa trường "Tổng số máy tính" của Sở Xây dựng: (để trống) → 20',
        'Trần Thị B nhập trường "Tổng số CBCCVC" của Sở Thông tin và Truyền thông: (để trống) → 30',
        'Nguyễn Văn A sửa trường "Tổng số CBCCVC" của Sở Xây dựng: 45 → 47',
        'Nguyễn Văn A nhập trường "Tổng số CBCCVC" của Sở Xây dựng: (để trống) → 45',
      ]);
    expect(await lines().first().locator('time').textContent()).toBe('09/10/2017 15:30');

    await choose('Cơ quan', 'Sở Xây dựng');
    await expect.poll(sentences).toHaveLength(3);
    expect((await sentences()).every((x) => x.includes('của Sở Xây dựng'))).toBe(true);
    await choose('Trường số liệu', 'total_staff');
    await expect
      .poll(sentences)
      .toEqual([
        'Nguyễn Văn A sửa trường "Tổng số CBCCVC" của Sở Xây dựng: 45 → 47',
        'Nguyễn Văn A nhập trường "Tổng số CBCCVC" của Sở Xây dựng: (để trống) → 45',
      ]);
    await fillDate(page.getByLabel('Từ ngày'), '05/10/2017');
    await fillDate(page.getByLabel('Đến ngày'), '05/10/2017');
    await expect
      .poll(sentences)
      .toEqual(['Nguyễn Văn A sửa trường "Tổng số CBCCVC" của Sở Xây dựng: 45 → 47']);
    // The filters are in the address: the list can be bookmarked or sent as it is.
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      coquan: ids.SXD,
      truong: 'total_staff',
      tu: '2017-10-05',
      den: '2017-10-05',
    });
    const download = page.getByRole('link', { name: 'Tải về (CSV, mở bằng Excel)' });
    expect(await download.getAttribute('href')).toBe(
      `/api/v1/audit-log/export.csv?agencyId=${ids.SXD}&field=total_staff&from=2017-10-05&to=2017-10-05`,
    );

    // The details on demand: before and after, who, and the stored record.
    const line = lines().first();
    await line.getByText('Chi tiết').click();
    await line.getByText('Tổng số CBCCVC: 45 → 47').waitFor();
    await line.getByText('Nguyễn Văn A (Báo cáo của cơ quan)').waitFor();
    await line.getByText('submission.save').waitFor();
    await s.checkScreen('quan-tri-nhat-ky');

    await fillDate(page.getByLabel('Đến ngày'), '04/10/2017');
    await page.getByText('Ngày cuối phải bằng hoặc sau ngày đầu.').waitFor();
    await page.getByRole('button', { name: 'Bỏ lọc' }).click();
    await expect.poll(sentences).toHaveLength(4);
  });

  it("shows a reporter its own agency's form history, and nothing of another agency", async () => {
    const page = s.page;
    await s.signInAs('tranthib');
    await page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: 'Nhật ký thay đổi' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Nhật ký thay đổi' }).waitFor();
    await page.getByText('Các thay đổi trên phiếu báo cáo của cơ quan bạn').waitFor();
    await expect
      .poll(sentences)
      .toEqual(['Trần Thị B nhập trường "Tổng số CBCCVC" của Sở Thông tin và Truyền thông: (để trống) → 30']);
    await page.getByText('Cơ quan: Sở Thông tin và Truyền thông').waitFor();
    expect(await page.getByLabel('Cơ quan', { exact: true }).count()).toBe(0);
    // Another agency's history by address: the server refuses it.
    await s.open(`/quan-tri/nhat-ky?coquan=${ids.SXD}`, 'Nhật ký thay đổi');
    await page.getByText('Bạn chỉ xem được nhật ký thay đổi của cơ quan mình').waitFor();
    expect(await lines().count()).toBe(0);
    await s.checkScreen('quan-tri-nhat-ky-co-quan');
  });

  it('is not on the menu of the approver, whom the page refuses', async () => {
    await s.signInAs('pheduyet', 'Các kỳ đánh giá');
    expect(await s.page.getByRole('link', { name: 'Nhật ký thay đổi' }).count()).toBe(0);
    await s.open('/quan-tri/nhat-ky', 'Không có quyền xem trang này');
  });
});
