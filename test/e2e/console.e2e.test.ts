/**
 * A visitor and a reporter go through their screens without one error in the browser's console
 * (no 401 for the visitor's "who am I", no missing favicon, no failed request), and the reporter's
 * form carries what the department's review will see: its own assessment of its website beside
 * the latest monitoring result, and the year-on-year logic check (V35) against last year.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, websiteChecks } from '../../src/server/db/schema.ts';
import { createCycle, createSubmission, formValues, perfectWebsite } from '../fixtures.ts';
import { type BrowserSession, startBrowserSession } from './browser.ts';

let s: BrowserSession;
let cycleId: string;
const problems: string[] = [];
const ids: Record<string, string> = {};

beforeAll(async () => {
  s = await startBrowserSession({ now: '2017-10-20T09:00:00+07:00' });
  const db = s.deps.database.db;
  for (const a of await db.select().from(agencies)) ids[a.code] = a.id;
  // Last year: Sở Y tế had far fewer staff, so this year's count calls for an explanation (V35).
  const y2016 = await createCycle(db, { year: 2016, state: 'published' });
  const last = formValues('department', 2016);
  await createSubmission(db, y2016.id, 'SYT', {
    values: {
      ...last,
      total_staff: Math.max(1, Math.round(Number(formValues('department').total_staff) / 3)),
    },
    submittedAt: new Date('2016-10-20T03:00:00Z'),
    website: null,
  });
  const cycle = await createCycle(db, { year: 2017, state: 'open' });
  cycleId = cycle.id;
  await createSubmission(db, cycleId, 'SYT', {
    status: 'draft',
    values: formValues('department'),
    website: null,
  });
  await db.insert(websiteChecks).values({
    agencyId: ids.SYT!,
    checkedAt: new Date('2017-09-15T02:00:00Z'),
    values: { ...perfectWebsite('department'), ws_news_per_month: 2 },
  });
  await s.addUser('bc-syt', 'reporter', 'SYT');
  s.page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()} (${s.page.url()})`);
  });
  s.page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  s.page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
}, 240_000);

afterAll(async () => {
  await s?.close();
});

describe('no console errors', () => {
  it('for a visitor: the sign-in screen and the public pages, with the site header and a sign-in link', async () => {
    const page = s.page;
    await page.goto(`${s.baseUrl}/`);
    await page
      .getByRole('button', { name: /Đăng nhập/ })
      .first()
      .waitFor();
    await page.goto(`${s.baseUrl}/ket-qua`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('.site-name').textContent()).toBe('Chỉ số ứng dụng CNTT — Sở TT&TT Cao Bằng');
    await page.goto(`${s.baseUrl}/phuong-phap`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Đăng nhập' }).click();
    await page
      .getByRole('button', { name: /Đăng nhập/ })
      .first()
      .waitFor();
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });

  it('for a reporter: home, the form with its website assessment and V35, the receipt-less state', async () => {
    const page = s.page;
    await s.signInAs('bc-syt', 'Báo cáo của cơ quan');
    await page.goto(`${s.baseUrl}/bao-cao/${cycleId}`);
    await page.getByTestId('live-total').waitFor();
    const section = page.getByTestId('site-assessment');
    await section.waitFor();
    expect(await section.textContent()).toContain(
      'mục để trống được tính theo kết quả theo dõi ngày 15/09/2017',
    );
    const news = page.locator('[data-field="ws_news_per_month"]');
    expect(await news.getByTestId('site-basis').textContent()).toContain(
      'Để trống: theo kết quả theo dõi ngày 15/09/2017 (2).',
    );
    const before = await page.getByTestId('live-total').textContent();
    await news.locator('input').fill('12');
    await s.waitSaved();
    expect(await news.getByTestId('site-basis').textContent()).toContain('Theo cơ quan tự đánh giá.');
    expect(await page.getByTestId('live-total').textContent()).not.toBe(before);
    // The year-on-year check the assessor will see is on the form before submission.
    await expect
      .poll(async () => page.locator('[data-field="total_staff"]').textContent())
      .toContain('Tổng CBCCVC thay đổi >30% so với năm trước');
    await s.checkScreen('phieu-tu-danh-gia-trang-ttdt');
    await page.goto(`${s.baseUrl}/bao-cao`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  }, 240_000);
});
