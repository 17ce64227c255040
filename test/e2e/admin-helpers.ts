/** What the administrator's browser tests share: signing in as an administrator, checking a screen. */
import { expect } from 'vitest';
import { TEST_PASSWORD } from '../server.ts';
import { type BrowserSession, DESKTOP, PHONE } from './browser.ts';

/** Signs in as a fresh administrator (no forced password change) and waits for the home page. */
export async function signInAsAdmin(s: BrowserSession, username = 'quantri'): Promise<void> {
  await s.addUser(username, 'admin');
  await s.login(username, TEST_PASSWORD);
  await s.page.getByRole('heading', { level: 1, name: 'Các kỳ đánh giá' }).waitFor();
}

/**
 * No serious or critical accessibility problem at office-screen and phone sizes, no sideways
 * scrolling of the page; screenshots of both (test-results/screenshots).
 */
export async function checkScreen(s: BrowserSession, name: string): Promise<void> {
  await s.page.waitForSelector('.ant-message-notice', { state: 'detached', timeout: 15_000 });
  // A choice list still closing (its unnamed helper listbox is an axe finding while open).
  await s.page.waitForFunction(
    () => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'),
  );
  for (const [size, viewport] of [
    ['1366', DESKTOP],
    ['390', PHONE],
  ] as const) {
    await s.page.setViewportSize(viewport);
    await s.page.waitForTimeout(150);
    expect(await s.axe(), `${name} at ${size}px`).toEqual([]);
    const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${size}px scrolls sideways`).toBeLessThanOrEqual(0);
    await s.screenshot(s.page, `${name}-${size}`);
  }
  await s.page.setViewportSize(DESKTOP);
}

/** Opens an application page by its address (a full load, as a bookmark would). */
export async function open(s: BrowserSession, path: string, heading: string | RegExp): Promise<void> {
  await s.page.goto(`${s.baseUrl}${path}`);
  await s.page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/**
 * A dialog by its title. Not by accessible name: inside vitest the web build runs with
 * NODE_ENV=test, where rc-component's useId gives every dialog the id "test-id", so that
 * aria-labelledby names are unreliable in tests (the production build has unique ids).
 */
export function dialog(s: BrowserSession, title: string) {
  return s.page.getByRole('dialog').filter({ has: s.page.locator('.ant-modal-title', { hasText: title }) });
}
