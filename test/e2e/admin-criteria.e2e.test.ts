/** Criteria sets: a broken file's problems in Vietnamese, a revision loaded, read and compared. */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/ensure-web-build.ts';
import { type BrowserSession, startBrowserSession } from './browser.ts';

const BUNDLED = JSON.parse(readFileSync(join(ROOT, 'criteria', 'cao-bang-2016.json'), 'utf8'));
const NEW_NAME = 'Tỷ lệ cán bộ, công chức, viên chức được trang bị máy tính làm việc';

function tempJson(name: string, content: unknown): string {
  const path = join(tmpdir(), `${name}-${process.pid}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

let s: BrowserSession;
beforeAll(async () => {
  s = await startBrowserSession();
  await s.addUser('quantri', 'admin');
  await s.signInAs('quantri', 'Các kỳ đánh giá');
}, 180_000);
afterAll(async () => {
  await s?.close();
});

describe('criteria sets', () => {
  it('lists the bundled version and reads it as a table per group and category', async () => {
    const page = s.page;
    await s.open('/quan-tri/bo-tieu-chi', 'Bộ tiêu chí');
    const row = page.getByRole('row', { name: /1\.0-reconstructed/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('chưa kỳ nào dùng');
    await s.checkScreen('quan-tri-bo-tieu-chi');

    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /1\.0-reconstructed/ }).waitFor();
    await page
      .getByRole('heading', { level: 2, name: /Cơ quan chuyên môn thuộc UBND tỉnh \(Phụ lục II/ })
      .first()
      .waitFor();
    await page
      .getByRole('heading', { level: 3, name: /1\. Hạ tầng kỹ thuật công nghệ thông tin — tối đa 20 điểm/ })
      .first()
      .waitFor();
    const first = page.getByRole('row', { name: /1\.1 Tỷ lệ CBCCVC được trang bị máy tính/ }).first();
    const text = await first.textContent();
    // Points, the rule in words with the fields' labels, the fields with their ranges.
    expect(text).toContain('5 điểm ×');
    expect(text).not.toContain('staff_with_computer');
    expect(text).toMatch(/số nguyên/);
    await page.getByRole('heading', { level: 2, name: 'Xếp loại' }).waitFor();
    await page.getByRole('button', { name: 'In trang này' }).waitFor();
    await s.checkScreen('quan-tri-bo-tieu-chi-xem');
  });

  it('lists every problem of a broken file in Vietnamese with its place in the file', async () => {
    const page = s.page;
    await s.open('/quan-tri/bo-tieu-chi', 'Bộ tiêu chí');
    const input = page.getByLabel('Chọn tệp bộ tiêu chí (.json)');

    await input.setInputFiles(tempJson('hong-cu-phap', '{ "format": "chiso.criteria/1", '));
    await page.getByText(/không phải JSON hợp lệ/).waitFor();

    const broken = structuredClone(BUNDLED);
    delete broken.version;
    broken.groups[0].categories[0].max = 25;
    await input.setInputFiles(tempJson('hong', broken));
    const alert = page.getByRole('alert').filter({ hasText: 'Bộ tiêu chí không hợp lệ' });
    await alert.waitFor();
    const problems = alert.getByRole('listitem');
    expect(await problems.count()).toBeGreaterThanOrEqual(1);
    const all = (await problems.allTextContents()).join('\n');
    expect(all).toContain('Vị trí: version');
    expect(all).toContain('Sai kiểu dữ liệu hoặc thiếu mục');
    await s.checkScreen('quan-tri-bo-tieu-chi-loi');

    // The structure being right, the sums are checked next, with the place of the category.
    const sums = structuredClone(BUNDLED);
    sums.version = '9.9-loi';
    sums.groups[0].categories[0].max = 25;
    await input.setInputFiles(tempJson('hong-tong', sums));
    const sumAlert = page.getByRole('alert').filter({ hasText: 'Bộ tiêu chí không hợp lệ' });
    await sumAlert
      .getByText(/groups\[0\]\.categories\[0\]/)
      .first()
      .waitFor();
  });

  it('loads a revision, shows it and lists what changed against the bundled version', async () => {
    const page = s.page;
    await s.open('/quan-tri/bo-tieu-chi', 'Bộ tiêu chí');
    const revised = structuredClone(BUNDLED);
    revised.version = '2.0-thu';
    revised.groups[0].categories[0].criteria[0].name.vi = NEW_NAME;
    await page.getByLabel('Chọn tệp bộ tiêu chí (.json)').setInputFiles(tempJson('sua-doi', revised));
    await page.getByText(/Đã nạp phiên bản mới: .* — 2\.0-thu/).waitFor();
    await page.getByRole('row', { name: /2\.0-thu/ }).waitFor();

    await page.getByRole('link', { name: 'Xem phiên bản vừa nạp' }).click();
    await page.getByRole('heading', { level: 1, name: /2\.0-thu/ }).waitFor();
    await page
      .getByRole('row', { name: new RegExp(`1\\.1 ${NEW_NAME}`) })
      .first()
      .waitFor();

    await s.open('/quan-tri/bo-tieu-chi', 'Bộ tiêu chí');
    await page.getByRole('button', { name: 'So sánh' }).click();
    await page.getByRole('heading', { level: 1, name: /So sánh phiên bản/ }).waitFor();
    const title = await page.getByRole('heading', { level: 1 }).textContent();
    expect(title).toContain('1.0-reconstructed');
    expect(title).toContain('2.0-thu');
    await page.getByRole('heading', { name: 'Tiêu chí thay đổi' }).first().waitFor();
    await page.getByText(NEW_NAME).first().waitFor();
    await page.getByText('Tỷ lệ CBCCVC được trang bị máy tính').first().waitFor();
    await s.checkScreen('quan-tri-bo-tieu-chi-so-sanh');
  });
});
