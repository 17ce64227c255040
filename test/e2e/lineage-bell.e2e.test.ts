/**
 * An agency renamed between two published years, in a real browser: its reporter's bell says the
 * new result is published, opens with the keyboard, leads to the agency's result page, which shows
 * last year's standing under the old name, labelled; the item is then read. Axe on the open bell
 * at office and phone sizes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies } from '../../src/server/db/schema.ts';
import { createCycle, createSubmission, formValues } from '../fixtures.ts';
import { type BrowserSession, startBrowserSession } from './browser.ts';

let s: BrowserSession;
let cycle2018: string;
let renamedId: string;

async function publishYear(year: number, codes: string[]) {
  const db = s.deps.database.db;
  const cycle = await createCycle(db, { year, state: 'approved' });
  for (const [i, code] of codes.entries())
    await createSubmission(db, cycle.id, code, {
      values: formValues('department', year),
      submittedAt: new Date(`${year}-10-${10 + i}T03:00:00Z`),
      website: null,
    });
  await s.apiAs('pheduyet', 'POST', `/api/v1/cycles/${cycle.id}/publish`, {}, 200);
  return cycle.id;
}

beforeAll(async () => {
  s = await startBrowserSession({ now: '2018-12-20T09:00:00+07:00' });
  await s.addUser('pheduyet', 'approver');
  await publishYear(2017, ['STTTT', 'STC']);
  const ids = new Map((await s.deps.database.db.select().from(agencies)).map((a) => [a.code, a.id]));
  await s.adminApi(
    'POST',
    '/api/v1/agencies/events',
    {
      kind: 'rename',
      effectiveDate: '2018-01-01',
      decisionRef: 'QĐ 1/QĐ-UBND',
      from: [ids.get('STTTT')],
      to: [{ code: 'STTTT-18', name: 'Sở Thông tin, Truyền thông và Chuyển đổi số' }],
    },
    201,
  );
  cycle2018 = await publishYear(2018, ['STTTT-18', 'STC']);
  renamedId = (await s.deps.database.db.select().from(agencies)).find((a) => a.code === 'STTTT-18')!.id;
  await s.addUser('baocao', 'reporter', 'STTTT-18');
}, 240_000);
afterAll(async () => {
  await s?.close();
});

describe('the bell and a renamed agency’s history', () => {
  it('leads the reporter from the bell to its result, with last year under its old name', async () => {
    const page = s.page;
    await s.signInAs('baocao');
    const bell = page.getByRole('button', { name: /^Thông báo, \d+ chưa đọc$/ });
    await bell.waitFor();
    await expect.poll(() => page.getByTestId('bell-count').textContent()).toBe('1');
    await bell.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Thông báo' });
    await panel.waitFor();
    await expect(bell.getAttribute('aria-expanded')).resolves.toBe('true');
    await panel.getByRole('link', { name: /Đã công bố kết quả năm 2018/ }).waitFor();
    await s.checkScreen('bell');
    // Escape closes and gives the focus back.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await bell.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press('Enter');
    await panel.getByRole('link', { name: /Đã công bố kết quả năm 2018/ }).click();
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Sở Thông tin, Truyền thông và Chuyển đổi số — kết quả năm 2018',
      })
      .waitFor();
    expect(page.url()).toContain(`/ky/${cycle2018}/ket-qua/${renamedId}`);
    const standing = page.getByTestId('standing');
    await standing.getByText(/Kết quả năm 2017 là của Sở Thông tin và Truyền thông \(tên cũ/).waitFor();
    await expect(page.getByTestId('lineage').textContent()).resolves.toMatch(
      /Sở Thông tin và Truyền thông \(tên cũ, đổi thành Sở Thông tin, Truyền thông và Chuyển đổi số từ 01\/01\/2018\)/,
    );
    // The trend has both years: 2017 under the old name.
    await page.getByRole('heading', { name: 'So sánh qua các năm' }).waitFor();
    await s.checkScreen('agency-lineage');
    // The followed item is read: no count left.
    await page.getByRole('button', { name: 'Thông báo', exact: true }).waitFor();
  });
});
