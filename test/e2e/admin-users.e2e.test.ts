/** Users and roles: the administrator creates a reporter, resets a password; the user must change it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, startBrowserSession } from './browser.ts';

let s: BrowserSession;
beforeAll(async () => {
  s = await startBrowserSession();
  await s.addUser('thamdinh1', 'assessor');
  await s.addUser('quantri', 'admin');
  await s.signInAs('quantri', 'Các kỳ đánh giá');
}, 180_000);
afterAll(async () => {
  await s?.close();
});

/** The temporary password the dialog shows once, after which the dialog is closed. */
async function takePassword(title: string): Promise<string> {
  const box = s.dialog(title);
  await box.getByText('chỉ hiện một lần').waitFor();
  const password = (await box.getByTestId('temporary-password').textContent())?.trim() ?? '';
  expect(password.length).toBeGreaterThanOrEqual(10);
  await box.getByText('phải đặt mật khẩu mới').waitFor();
  return password;
}

describe('users and roles', () => {
  let created = '';
  it('creates a reporter for Sở Y tế and shows the initial password once', async () => {
    const page = s.page;
    await s.open('/quan-tri/nguoi-dung', 'Người dùng');
    await page.getByRole('row', { name: /thamdinh1/ }).waitFor();
    await s.checkScreen('quan-tri-nguoi-dung');

    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const box = s.dialog('Thêm người dùng');
    await box.getByLabel('Tên đăng nhập').fill('nguyenvana.syt');
    await box.getByLabel('Họ và tên').fill('Nguyễn Văn A');
    await box.getByLabel('Thư điện tử').fill('nguyenvana@syt.caobang.gov.vn');
    // A reporter without an agency is refused before anything is sent.
    await box.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await box.getByText('Hãy nhập Cơ quan').waitFor();
    const agency = box.getByLabel('Cơ quan', { exact: true });
    await agency.click();
    await agency.fill('Sở Y tế');
    await page.keyboard.press('Enter');
    await s.checkScreen('quan-tri-nguoi-dung-tao');
    await box.getByRole('button', { name: 'Tạo tài khoản' }).click();
    created = await takePassword('Đã tạo tài khoản: mật khẩu ban đầu');
    await s.checkScreen('quan-tri-nguoi-dung-mat-khau');
    await page.getByRole('button', { name: 'Tôi đã chép mật khẩu' }).click();

    const row = page.getByRole('row', { name: /nguyenvana\.syt/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Sở Y tế');
    expect(await row.textContent()).toContain('Báo cáo của cơ quan');
    expect(await row.textContent()).toContain('Phải đổi mật khẩu');

    // The filters: by role, then by agency.
    await page.getByLabel('Lọc theo vai trò').click();
    await page.locator('.ant-select-item-option', { hasText: 'Thẩm định' }).click();
    await expect.poll(() => page.getByRole('row', { name: /nguyenvana\.syt/ }).count()).toBe(0);
    await page.getByRole('row', { name: /thamdinh1/ }).waitFor();
    await page.getByLabel('Lọc theo vai trò').click();
    await page.locator('.ant-select-item-option', { hasText: 'Mọi vai trò' }).click();
    await page.getByLabel('Tìm người dùng').fill('nguyen van');
    await page.getByRole('row', { name: /nguyenvana\.syt/ }).waitFor();
    expect(await page.getByRole('row', { name: /thamdinh1/ }).count()).toBe(0);
    await page.getByLabel('Tìm người dùng').fill('');
  });

  it('resets a password; the user signs in with it and must choose a new one', async () => {
    const page = s.page;
    await s.open('/quan-tri/nguoi-dung', 'Người dùng');
    await page.getByRole('button', { name: 'Cấp lại mật khẩu: Nguyễn Văn A' }).click();
    const confirm = s.dialog('Cấp lại mật khẩu cho Nguyễn Văn A?');
    await confirm.getByText('hết hiệu lực ngay').waitFor();
    await confirm.getByRole('button', { name: 'Cấp mật khẩu tạm thời' }).click();
    const temporary = await takePassword('Mật khẩu tạm thời');
    expect(temporary).not.toBe(created);
    await page.getByRole('button', { name: 'Tôi đã chép mật khẩu' }).click();

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await s.login('nguyenvana.syt', temporary);
    await page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' }).waitFor();
    await page.getByText('mật khẩu vừa được cấp lại').waitFor();
  });
});

describe('a computer set to show fewer animations', () => {
  it('opens dialogs at once, without the zoom, and with it when the setting is off', async () => {
    const page = s.page;
    await s.signInAs('quantri', 'Các kỳ đánh giá');
    await s.open('/quan-tri/nguoi-dung', 'Người dùng');
    /** The dialog's widths, frame by frame, from the moment it is asked for until it is still. */
    const openAndWatch = async () => {
      const seen = page.evaluate(
        () =>
          new Promise<number[]>((done) => {
            const widths: number[] = [];
            const start = performance.now();
            const look = () => {
              const box = document.querySelector('.ant-modal')?.getBoundingClientRect();
              if (box) widths.push(Math.round(box.width));
              if (performance.now() - start < 1000) requestAnimationFrame(look);
              else done(widths);
            };
            requestAnimationFrame(look);
          }),
      );
      await page.getByRole('button', { name: 'Thêm người dùng' }).click();
      const widths = await seen;
      await s.dialog('Thêm người dùng').getByRole('button', { name: 'Hủy' }).click();
      await s.dialog('Thêm người dùng').waitFor({ state: 'hidden' });
      const full = widths.at(-1)!;
      expect(full).toBeGreaterThan(300);
      return { full, smallest: Math.min(...widths) };
    };
    // The test browser runs with reduced motion (browser.ts), as a calm office PC may.
    const calm = await openAndWatch();
    expect(calm.smallest, 'never drawn smaller than it is').toBe(calm.full);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    try {
      const zooming = await openAndWatch();
      expect(zooming.smallest, 'grows from small to full').toBeLessThan(zooming.full * 0.9);
    } finally {
      await page.emulateMedia({ reducedMotion: 'reduce' });
    }
  });
});
