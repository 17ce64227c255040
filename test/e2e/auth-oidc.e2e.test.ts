/**
 * Signing in through the province's single sign-on in a real browser: the button on the sign-in
 * screen, the provider's own sign-in and consent pages (a real oidc-provider on a loopback port,
 * test/oidc-provider.ts), and back in chiso signed in; an administrator's e-mail comes back to the
 * sign-in screen with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from '../oidc-provider.ts';
import { type BrowserSession, startBrowserSession } from './browser.ts';

const LABEL = 'Đăng nhập bằng tài khoản một cửa của tỉnh';

let idp: TestProvider;
let s: BrowserSession;
beforeAll(async () => {
  idp = await startTestProvider({
    'bao-cao': { email: 'baocao.sso@example.test', email_verified: true },
    'quan-tri': { email: 'quantri.sso@example.test', email_verified: true },
  });
  s = await startBrowserSession({ env: idp.env });
  // The provider knows chiso's address only now that it listens.
  idp.allow(`${s.baseUrl}/api/v1/auth/oidc/callback`);
  await s.addUser('baocao.sso', 'reporter', 'STTTT');
  await s.addUser('quantri.sso', 'admin');
}, 180_000);
afterAll(async () => {
  await s?.close();
  await idp?.close();
});

/** The provider's pages, filled as a person would: any password, then the consent. */
async function signInAtProvider(login: string) {
  const page = s.page;
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('mat-khau-o-nha-cung-cap');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe('single sign-on in the browser', () => {
  it('goes from the button through the provider back to the reporter’s page, signed in', async () => {
    const page = s.page;
    await page.goto(s.baseUrl);
    const button = page.getByRole('link', { name: LABEL });
    await button.waitFor();
    await s.checkScreen('dang-nhap-mot-cua');
    await button.click();
    await signInAtProvider('bao-cao');
    await page.waitForURL((url) => url.origin === s.baseUrl);
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await expect.poll(() => page.locator('header').textContent()).toContain('baocao.sso');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/bao-cao');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  });

  it("brings an administrator's e-mail back to the sign-in screen with the reason, in Vietnamese", async () => {
    const page = s.page;
    // A new visit: the provider no longer remembers the reporter.
    await page.context().clearCookies();
    await page.goto(s.baseUrl);
    await page.getByRole('link', { name: LABEL }).click();
    await signInAtProvider('quan-tri');
    await page.waitForURL((url) => url.origin === s.baseUrl);
    const alert = page.getByTestId('sso-error');
    await expect
      .poll(() => alert.textContent())
      .toContain('Tài khoản quản trị không đăng nhập bằng tài khoản một cửa');
    expect(await alert.textContent()).toContain('Không đăng nhập được bằng tài khoản một cửa');
    // The reason leaves the address once shown; the password form is still there for the administrator.
    await expect.poll(() => page.url()).toBe(`${s.baseUrl}/`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await s.checkScreen('dang-nhap-mot-cua-loi');
  });
});
