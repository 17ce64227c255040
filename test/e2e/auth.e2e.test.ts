/** Sign-in, the forced password change and the home page, in a real browser. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  type BrowserSession,
  DESKTOP,
  fillDate,
  PHONE,
  startBrowserSession,
} from './browser.ts';

let s: BrowserSession;
beforeAll(async () => {
  s = await startBrowserSession();
}, 180_000);
afterAll(async () => {
  await s?.close();
});

describe('signing in to the web application', () => {
  it('serves the application at / with the security headers', async () => {
    const res = await fetch(s.baseUrl, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<div id="root">');
    const deep = await fetch(`${s.baseUrl}/some/page`, { headers: { accept: 'text/html' } });
    expect(await deep.text()).toContain('<div id="root">');
    const api = await fetch(`${s.baseUrl}/api/v1/nothing`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('not_found');
  });

  it('shows the Vietnamese message beside the form for a wrong password', async () => {
    const errors: string[] = [];
    s.page.on('pageerror', (e) => errors.push(e.message));
    s.page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().includes('401')) errors.push(m.text());
    });
    const ssoAsked = s.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/oidc');
    await s.login('admin', 'sai-mat-khau-hoan-toan');
    const alert = s.page.getByTestId('login-error');
    await expect.poll(() => alert.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    // No single sign-on configured: the screen has the password form only.
    expect(await (await ssoAsked).json()).toEqual({ enabled: false });
    expect(await s.page.getByRole('link', { name: /một cửa/ }).count()).toBe(0);
    expect(await s.page.getByLabel('Mật khẩu', { exact: true }).inputValue()).toBe('');
    await s.checkScreen('dang-nhap');
    expect(errors).toEqual([]);
  });

  it('asks the administrator for a new password at first sign-in, checking it as they type', async () => {
    await s.login('admin', ADMIN_PASSWORD);
    const heading = s.page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' });
    await heading.waitFor();
    await expect.poll(() => s.page.locator('header').textContent()).toContain('Quản trị');
    await s.checkScreen('doi-mat-khau');

    const page = s.page;
    await page.getByLabel('Mật khẩu hiện tại').fill('mat-khau-sai-1234');
    await page.getByLabel('Mật khẩu mới', { exact: true }).pressSequentially('ngan');
    await page.getByText('Mật khẩu phải có ít nhất 10 ký tự (còn thiếu 6)').waitFor();
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Admin-Cao-Bang-2026');
    await page.getByText('Mật khẩu không được chứa tên đăng nhập').waitFor();
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Cao-Bang-moi-2026');
    await page.getByLabel('Nhập lại mật khẩu mới').pressSequentially('Cao-Bang');
    await page.getByText('Hai lần nhập mật khẩu mới không giống nhau').waitFor();
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Cao-Bang-moi-2026');
    await expect.poll(() => page.getByText('không giống nhau').count()).toBe(0);
    await s.checkScreen('doi-mat-khau-loi');

    // The server's own message, by the field it names.
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await page.getByText('Mật khẩu hiện tại không đúng').waitFor();

    const cycle = await s.createCycle({ year: 2027, title: 'Đánh giá mức độ ứng dụng CNTT năm 2027' });
    await page.getByLabel('Mật khẩu hiện tại').fill(ADMIN_PASSWORD);
    await page.getByLabel('Mật khẩu hiện tại').press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Các kỳ đánh giá' }).waitFor();

    const row = page.getByRole('row', { name: /2027/ });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain(cycle.title);
    expect(text).toContain('Nháp');
    expect(text).toMatch(/\d{2}\/\d{2}\/2027 \d{2}:\d{2}/);
    await s.checkScreen('trang-chu');
    // On a phone the same cycle is one block of the list.
    await page.setViewportSize(PHONE);
    const item = page.locator('.cycle-item', { hasText: cycle.title });
    await item.waitFor();
    expect(await item.textContent()).toContain('Nháp');
    await page.setViewportSize(DESKTOP);

    // The new password works, the old one no more; signing out returns to the sign-in screen.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await s.login('admin', 'Cao-Bang-moi-2026');
    await page.getByRole('heading', { level: 1, name: 'Các kỳ đánh giá' }).waitFor();
  });

  it('switches to English and back, remembered across pages, Vietnamese by default', async () => {
    const page = s.page;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Assessment cycles' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('navigation', { name: 'Main menu' }).textContent()).toContain(
      'Criteria sets',
    );
    await s.checkScreen('trang-chu-en');
    // The server's own messages come in English too (every error carries its English beside it).
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill('Khong-dung-mat-khau-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong user name or password').waitFor();
    expect(await page.getByText('Sai tên đăng nhập').count()).toBe(0);
    await page.getByLabel('Password').fill('Cao-Bang-moi-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Assessment cycles' }).waitFor();
    // Another page, same language; dates still day first (05/10 is 5 October); then back to Vietnamese.
    await page.goto(`${s.baseUrl}/quan-tri/nhat-ky`);
    const from = page.getByLabel('From', { exact: true });
    expect(await from.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await fillDate(from, '05/10/2017');
    await expect.poll(() => new URL(page.url()).searchParams.get('tu')).toBe('2017-10-05');
    expect(await from.inputValue()).toBe('05/10/2017');
    await page.goto(`${s.baseUrl}/quan-tri/nguoi-dung`);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
  });
});
