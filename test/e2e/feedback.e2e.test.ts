/**
 * A feedback item on the regulation from filing to the yearly summary in a real browser (issue 14,
 * item 5): an agency's reporter raises a difficulty about criterion 1.1 with a file; the assessor,
 * told by the bell, puts it under a topic and answers that it is taken into the next criteria
 * version (2.0, which renames 1.1); the reporter reads the answer with the link to the version's
 * changes; the Steering Committee downloads the summary for the People's Committee (DOCX read
 * back: the item, its answer and the change are in it). The new screens pass axe at office and
 * phone sizes.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxXml, textOf } from '../documents.ts';
import { createCycle } from '../fixtures.ts';
import { type BrowserSession, startBrowserSession } from './browser.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const BUNDLED = readFileSync(new URL('../../criteria/cao-bang-2016.json', import.meta.url), 'utf8');
const DIFFICULTY = 'Tiêu chí 1.1 không nói rõ máy tính mượn của dự án có được tính hay không';
const ANSWER = 'Sở tiếp thu: phiên bản 2.0 ghi rõ máy tính mượn dài hạn được tính';
const RENAMED = 'Tỷ lệ cán bộ có máy tính (kể cả máy mượn dài hạn)';

let s: BrowserSession;

beforeAll(async () => {
  s = await startBrowserSession({ now: '2017-10-15T03:00:00Z' });
  await s.addUser('bc-stttt', 'reporter', 'STTTT');
  await s.addUser('thamdinh', 'assessor');
  await s.addUser('pheduyet', 'approver');
  await createCycle(s.deps.database.db, { state: 'open' });
  const next = JSON.parse(BUNDLED);
  next.version = '2.0';
  next.groups[0].categories[0].criteria.find((c: { id: string }) => c.id === '1.1').name = { vi: RENAMED };
  await s.adminApi('POST', '/api/v1/criteria', next, 201);
}, 240_000);
afterAll(async () => {
  await s?.close();
});

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

describe('a feedback item from filing to the yearly summary', () => {
  it('lets an agency’s reporter raise a difficulty about a criterion, with a file', async () => {
    const page = s.page;
    await s.signInAs('bc-stttt');
    await page.goto(`${s.baseUrl}/bao-cao`);
    await page.getByRole('link', { name: 'Góp ý về quy định' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Góp ý về quy định' }).waitFor();
    await s.checkScreen('gop-y');

    const form = page.getByTestId('raise-form');
    await form.getByRole('button', { name: 'Gửi góp ý' }).click();
    await form.getByRole('alert').filter({ hasText: 'Hãy chọn tiêu chí mà góp ý đề cập' }).waitFor();
    await choose('Tiêu chí', '1.1.');
    await form.getByLabel('Nội dung').fill(DIFFICULTY);
    await form.getByLabel('Tệp kèm theo (không bắt buộc)').setInputFiles({
      name: 'Biên bản mượn máy.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await form.getByRole('button', { name: 'Gửi góp ý' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã gửi góp ý.' }).waitFor();
    const card = page.getByTestId('feedback-item');
    await card.waitFor();
    expect(await card.getByRole('heading').textContent()).toMatch(/^Tiêu chí 1\.1\. /);
    expect(await card.getByTestId('feedback-status').textContent()).toBe('Chưa trả lời');
    expect(await card.getByRole('link', { name: 'Biên bản mượn máy.pdf' }).count()).toBe(1);
    await s.checkScreen('gop-y-da-gui');
  }, 180_000);

  it('lets the assessor, told by the bell, group it and answer that the next version takes it in', async () => {
    const page = s.page;
    const bell = await s.apiAs<{ items: { kind: string; link: string }[] }>(
      'thamdinh',
      'GET',
      '/api/v1/notifications',
    );
    expect(bell.items).toContainEqual(expect.objectContaining({ kind: 'feedback', link: '/gop-y/xu-ly' }));
    await s.signInAs('thamdinh');
    await s.open('/gop-y/xu-ly', 'Xử lý góp ý về quy định');
    expect(await page.getByTestId('feedback-counts').textContent()).toBe(
      'Chưa trả lời: 1 · Đã trả lời: 0 · Tiếp thu: 0 · Không tiếp thu: 0',
    );
    const card = page.getByTestId('feedback-item');
    expect(await card.textContent()).toContain('Sở Thông tin và Truyền thông');
    await s.checkScreen('xu-ly-gop-y');

    const topic = card.getByTestId('feedback-topic-form');
    await topic.getByLabel('Chủ đề').fill('Trang bị máy tính');
    await topic.getByRole('button', { name: 'Lưu chủ đề' }).click();
    await topic.getByRole('status').filter({ hasText: 'Đã lưu chủ đề.' }).waitFor();
    await card.getByTestId('feedback-topic').filter({ hasText: 'Chủ đề: Trang bị máy tính' }).waitFor();

    const answer = card.getByTestId('feedback-answer-form');
    await answer.getByRole('button', { name: 'Gửi trả lời' }).click();
    await answer.getByRole('alert').filter({ hasText: 'Hãy viết câu trả lời' }).waitFor();
    await answer.getByText('Tiếp thu vào phiên bản sau').click();
    await answer
      .getByLabel('Phiên bản bộ tiêu chí tiếp thu')
      .selectOption({ label: 'cao-bang-2016 phiên bản 2.0' });
    await answer.getByLabel('Câu trả lời gửi người góp ý').fill(ANSWER);
    await answer.getByRole('button', { name: 'Gửi trả lời' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã gửi trả lời góp ý về Tiêu chí 1.1.' }).waitFor();
    const answered = page.getByTestId('feedback-item');
    await answered.getByTestId('feedback-status').filter({ hasText: 'Tiếp thu vào phiên bản sau' }).waitFor();
    expect(await answered.getByTestId('feedback-answer').textContent()).toContain(ANSWER);
    expect(await page.getByTestId('feedback-counts').textContent()).toBe(
      'Chưa trả lời: 0 · Đã trả lời: 0 · Tiếp thu: 1 · Không tiếp thu: 0',
    );
    await s.checkScreen('xu-ly-gop-y-da-tra-loi');
  }, 180_000);

  it('shows the reporter the answer, with the link to what the new version changed', async () => {
    const page = s.page;
    const bell = await s.apiAs<{ items: { kind: string; link: string }[] }>(
      'bc-stttt',
      'GET',
      '/api/v1/notifications',
    );
    expect(bell.items).toContainEqual(expect.objectContaining({ kind: 'feedback_answer', link: '/gop-y' }));
    await s.signInAs('bc-stttt');
    await s.open('/gop-y', 'Góp ý về quy định');
    const card = page.getByTestId('feedback-item');
    expect(await card.getByTestId('feedback-status').textContent()).toBe('Tiếp thu vào phiên bản sau');
    const said = await card.getByTestId('feedback-answer').textContent();
    expect(said).toContain(ANSWER);
    expect(said).toContain('Tiếp thu trong: cao-bang-2016 phiên bản 2.0.');
    await card.getByRole('link', { name: 'Xem những thay đổi của phiên bản mới' }).click();
    await page.getByText(RENAMED).first().waitFor();
  }, 180_000);

  it('lets the Steering Committee download the yearly summary with the item, its answer and the change', async () => {
    const page = s.page;
    await s.signInAs('pheduyet');
    await s.open('/gop-y/xu-ly', 'Xử lý góp ý về quy định');
    // The Steering Committee reads; only the department answers.
    expect(await page.getByTestId('feedback-answer-form').count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải bản Word (.docx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Tổng hợp góp ý về Bộ tiêu chí năm 2017.docx');
    const text = textOf(await docxXml(readFileSync((await download.path())!)));
    expect(text).toContain('Tổng hợp khó khăn, vướng mắc và đề xuất về Bộ tiêu chí');
    expect(text).toContain('Trang bị máy tính (1 ý kiến)');
    expect(text).toContain(DIFFICULTY);
    expect(text).toContain(ANSWER);
    expect(text).toContain(`Đã thể hiện trong cao-bang-2016 phiên bản 2.0`);
    expect(text).toContain(RENAMED);
    await s.checkScreen('xu-ly-gop-y-phe-duyet');
  }, 180_000);
});
