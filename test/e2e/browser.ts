/**
 * Browser tests: the built web application (dist/web, built once if stale), served by the real
 * server listening on a free port on a fresh database, driven by Debian's Chromium through
 * playwright-core. Also: axe-core accessibility checks and screenshots (test-results/screenshots).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { ensureWebBuild, ROOT } from '../../scripts/ensure-web-build.ts';
import { buildApp } from '../../src/server/app.ts';
import { bootstrap } from '../../src/server/bootstrap.ts';
import type { Database } from '../../src/server/db/open.ts';
import { agencies, users } from '../../src/server/db/schema.ts';
import { hashPassword, SESSION_COOKIE, type SessionUser } from '../../src/server/platform/auth.ts';
import { fixedClock } from '../../src/server/platform/clock.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import { directoryStore } from '../../src/server/platform/files.ts';
import type { App, AppDeps } from '../../src/server/platform/http.ts';
import type { Role } from '../../src/web/api.ts';
import { multipart, SMALL_PDF } from '../http.ts';
import { prepareTestMachine } from '../machine.ts';
import { freshDatabase, TEST_PASSWORD } from '../server.ts';

/** The first administrator's password, as test/server.ts bootstraps it. */
export const ADMIN_PASSWORD = 'Quan-tri-thu-2017';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** The browser the test run's set-up found or installed (test/machine.ts); outside vitest, found now. */
function chromiumPath(): string {
  return process.env.VITEST ? inject('chromium') : prepareTestMachine().chromium;
}
export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

export interface BrowserSession {
  readonly baseUrl: string;
  readonly app: App;
  readonly deps: AppDeps;
  /** The server's clock: tests move it to cross a deadline. */
  readonly clock: ReturnType<typeof fixedClock>;
  readonly page: Page;
  /** Opens the sign-in screen and signs in with the keyboard (Enter submits). */
  login(username: string, password: string): Promise<void>;
  /**
   * Signs out whoever was signed in (cookies cleared) and signs in as a user made by `addUser`;
   * waits for the level-1 `heading` if given, else for the 'Đăng xuất' button.
   */
  signInAs(username: string, heading?: string | RegExp): Promise<void>;
  /** Opens an application page by its address (a full load, as a bookmark would). */
  open(path: string, heading: string | RegExp): Promise<void>;
  /**
   * A dialog by its title. Not by accessible name: inside vitest the web build runs with
   * NODE_ENV=test, where rc-component's useId gives every dialog the id "test-id", so that
   * aria-labelledby names are unreliable in tests (the production build has unique ids).
   */
  dialog(title: string): Locator;
  /**
   * No serious or critical accessibility problem at office-screen and phone sizes, no sideways
   * scrolling of the page; screenshots of both, test-results/screenshots/<name>-1366.png and -390.png.
   * `page`: another window than the session's.
   */
  checkScreen(name: string, page?: Page): Promise<void>;
  /** Every valid value typed on a form is on the server (the status line says so, nothing waits to be sent). */
  waitSaved(): Promise<void>;
  /** Serious and critical accessibility violations of the page as it is now. */
  axe(page?: Page): Promise<AxeViolation[]>;
  /**
   * The font families Chromium drew an element's text with (DevTools' platform fonts), to tell a
   * real Vietnamese letter from a box drawn for a letter no installed font has.
   */
  fontsOf(selector: string, page?: Page): Promise<string[]>;
  /** A full-page screenshot, test-results/screenshots/<name>.png; returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  /**
   * A request to the API as a second administrator (`quantri-thu`), for setting up what a test
   * does not drive through the screens. Returns the parsed JSON; throws on an unexpected status.
   */
  adminApi<T = unknown>(method: string, url: string, payload?: unknown, expect?: number): Promise<T>;
  /**
   * A request to the API as a user made by `addUser` (signed in with TEST_PASSWORD on first use),
   * e.g. a reporter answering a query while the browser shows the assessor's screen.
   */
  apiAs<T = unknown>(
    username: string,
    method: string,
    url: string,
    payload?: unknown,
    expect?: number,
  ): Promise<T>;
  /**
   * A user who can sign in at once (no forced password change), password TEST_PASSWORD.
   * Reporters need `agencyCode` (e.g. 'STTTT' a department, 'HHA' a district — seed/agencies-cao-bang.json).
   */
  addUser(username: string, role: Role, agencyCode?: string): Promise<{ id: string; username: string }>;
  /**
   * Opens a cycle through the API, as a second administrator: uploads a small PDF as its
   * guidance document (named `guidance`), which opening needs, then opens it.
   */
  openCycle(cycleId: string, guidance: string): Promise<void>;
  /** Creates a cycle through the API, as a second administrator. */
  createCycle(body: {
    year: number;
    title?: string;
  }): Promise<{ id: string; title: string; deadline: string }>;
  close(): Promise<void>;
}

/**
 * Starts the server and a browser; the administrator `admin` must change the password at first sign-in.
 * `database`: a migrated database to use instead of the test run's fresh one (the browser
 * benchmark, which runs outside vitest, opens its own); it is dropped on close all the same.
 */
export async function startBrowserSession(
  options: {
    now?: string;
    database?: Database & { drop(): Promise<void> };
    /** More settings of the server (e.g. the single sign-on's CHISO_OIDC_*). */
    env?: Record<string, string>;
  } = {},
): Promise<BrowserSession> {
  await ensureWebBuild({ quiet: true });
  const database = options.database ?? (await freshDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'chiso-e2e-'));
  const config = loadConfig({
    CHISO_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    CHISO_SCHEDULER: 'false',
    ...options.env,
  });
  // The server's clock is the test's (deadlines, lateness); sessions last by Max-Age, which the
  // browser counts on its own clock, so any date works. Without `now`, the real time.
  const clock = fixedClock(options.now ?? Date.now());
  const deps: AppDeps = {
    config,
    database,
    clock,
    mailer: { enabled: false, send: async () => {} },
    files: directoryStore(join(dataDir, 'files')),
  };
  await bootstrap(database.db, clock.now(), ADMIN_PASSWORD);
  await database.db.update(users).set({ mustChangePassword: true }).where(eq(users.username, 'admin'));
  const app = await buildApp(deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
    context = await browser.newContext({
      viewport: DESKTOP,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      // Pop-ups appear at once (the app honours the setting). With motion, antd draws a pop-up at
      // full size for a frame or two to measure it, then shrinks it to nothing and zooms it in;
      // Playwright takes two still frames for "stable", so under load it pressed a confirmation's
      // button in that moment and released it after the shrink, on another element: no click, and
      // the confirmation was lost without a word (the review test's "closes it", now and then).
      reducedMotion: 'reduce',
    });
  } catch (e) {
    await browser?.close();
    await app.close();
    await database.drop();
    throw e;
  }
  const page = await context.newPage();

  /** A second administrator for setting up through the API, made on first use. */
  const SETUP_ADMIN = 'quantri-thu';
  let setupAdmin: Promise<unknown> | undefined;
  function secondAdmin(): Promise<unknown> {
    setupAdmin ??= (async () => {
      const now = clock.now();
      await database.db.insert(users).values({
        username: SETUP_ADMIN,
        displayName: 'Quản trị thử',
        email: 'quantri-thu@example.test',
        passwordHash: await hashPassword(TEST_PASSWORD),
        role: 'admin',
        agencyId: null,
        createdAt: now,
        updatedAt: now,
      });
    })();
    return setupAdmin;
  }

  /** Session cookies of users signed in through the API, renewed when the moved clock ends one. */
  const userCookies = new Map<string, string>();
  async function cookieOf(username: string): Promise<string> {
    const known = userCookies.get(username);
    if (known) return known;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: TEST_PASSWORD },
    });
    const set = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (!set) throw new Error(`login of ${username} failed: ${res.body}`);
    const cookie = `${SESSION_COOKIE}=${set.value}`;
    userCookies.set(username, cookie);
    return cookie;
  }

  async function apiAs<T>(
    username: string,
    method: string,
    url: string,
    payload?: unknown,
    expectStatus?: number,
  ): Promise<T> {
    const send = async () =>
      app.inject({
        method: method as 'GET',
        url,
        // No Origin: an injected request's host is not the listening address, and the server
        // rightly refuses a state change whose Origin names another host. API clients send none.
        headers: { cookie: await cookieOf(username) },
        ...(payload !== undefined && { payload: payload as object }),
      });
    let res = await send();
    if (res.statusCode === 401 && expectStatus !== 401) {
      // The test moved the server's clock past the session's end: sign in again, once.
      userCookies.delete(username);
      res = await send();
    }
    const ok = expectStatus ? res.statusCode === expectStatus : res.statusCode < 300;
    if (!ok) throw new Error(`${method} ${url} as ${username}: ${res.statusCode} ${res.body}`);
    return (res.body ? res.json() : undefined) as T;
  }

  const session: BrowserSession = {
    baseUrl,
    app,
    deps,
    clock,
    page,
    async adminApi<T>(method: string, url: string, payload?: unknown, expectStatus?: number) {
      await secondAdmin();
      return apiAs<T>(SETUP_ADMIN, method, url, payload, expectStatus);
    },
    apiAs,
    async addUser(username, role, agencyCode) {
      let agencyId: string | null = null;
      if (agencyCode) {
        const [row] = await database.db.select().from(agencies).where(eq(agencies.code, agencyCode));
        if (!row) throw new Error(`no agency ${agencyCode}`);
        agencyId = row.id;
      }
      const now = clock.now();
      const [row] = await database.db
        .insert(users)
        .values({
          username,
          displayName: username,
          email: `${username}@example.test`,
          passwordHash: await hashPassword(TEST_PASSWORD),
          role,
          agencyId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return { id: row!.id, username };
    },
    async login(username, password) {
      await page.goto(baseUrl);
      await page.getByLabel('Tên đăng nhập').fill(username);
      await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
      await page.getByLabel('Mật khẩu', { exact: true }).press('Enter');
    },
    async signInAs(username, heading) {
      await page.context().clearCookies();
      await session.login(username, TEST_PASSWORD);
      if (heading === undefined) await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
      else await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    },
    async open(path, heading) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    },
    dialog(title) {
      return page.getByRole('dialog').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
    },
    async checkScreen(name, target = page) {
      // A passing toast ("đã lưu") fades in and out: its contrast is only measurable once gone.
      await target.waitForSelector('.ant-message-notice', { state: 'detached', timeout: 15_000 });
      // A choice list still closing (its unnamed helper listbox is an axe finding while open).
      await target.waitForFunction(
        () => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'),
      );
      for (const [size, viewport] of [
        ['1366', DESKTOP],
        ['390', PHONE],
      ] as const) {
        await target.setViewportSize(viewport);
        // Let the layout settle at the new size.
        await target.waitForTimeout(150);
        expect(await session.axe(target), `${name} at ${size}px`).toEqual([]);
        // Nothing wider than the screen: no sideways scrolling of the whole page.
        const overflow = await target.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow, `${name} at ${size}px scrolls sideways`).toBeLessThanOrEqual(0);
        await session.screenshot(target, `${name}-${size}`);
      }
      await target.setViewportSize(DESKTOP);
    },
    async waitSaved() {
      const status = page.getByTestId('save-status');
      await expect
        .poll(async () => `${await status.getAttribute('data-pending')} ${await status.textContent()}`, {
          timeout: 15_000,
        })
        .toMatch(/^0 Đã lưu lúc \d{2}:\d{2}$/);
    },
    async axe(target = page) {
      // Not addScriptTag: the app's CSP (script-src 'self') rightly refuses inline scripts, and
      // bypassing the CSP would hide a CSP the built app breaks. DevTools evaluation is not subject to it.
      await target.evaluate(AXE_SOURCE);
      return target.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: unknown[] }> } })
          .axe;
        const result = await axe.run(document);
        return (
          result.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[]
        )
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            targets: v.nodes.map((n) => n.target.join(' ')),
          }));
      });
    },
    async fontsOf(selector, target = page) {
      const cdp = await target.context().newCDPSession(target);
      try {
        await cdp.send('DOM.enable');
        await cdp.send('CSS.enable');
        const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
        if (!nodeId) throw new Error(`no element ${selector}`);
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        return fonts.map((f) => f.familyName);
      } finally {
        await cdp.detach();
      }
    },
    async screenshot(target, name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = join(SCREENSHOTS, `${name}.png`);
      await target.screenshot({ path, fullPage: true });
      return path;
    },
    async openCycle(cycleId, guidance) {
      await secondAdmin();
      const body = multipart([
        { name: 'file', filename: guidance, type: 'application/pdf', content: SMALL_PDF },
      ]);
      const up = await app.inject({
        method: 'POST',
        url: `/api/v1/cycles/${cycleId}/documents/guidance`,
        headers: { ...body.headers, cookie: await cookieOf(SETUP_ADMIN) },
        payload: body.payload,
      });
      if (up.statusCode !== 200) throw new Error(`guidance of ${cycleId}: ${up.statusCode} ${up.body}`);
      await apiAs(SETUP_ADMIN, 'POST', `/api/v1/cycles/${cycleId}/open`, {}, 200);
    },
    async createCycle(body) {
      await secondAdmin();
      const res = await apiAs<{ cycle: { id: string; title: string; deadline: string } }>(
        SETUP_ADMIN,
        'POST',
        '/api/v1/cycles',
        body,
        201,
      );
      return res.cycle;
    },
    async close() {
      await context?.close().catch(() => {});
      await browser?.close().catch(() => {});
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return session;
}

/**
 * The caller of a use case called directly (a year approved and published without the screens):
 * `user`, made by `addUser`, acting in `role` with no agency.
 */
export function callerAs(
  user: { id: string; username: string },
  role: Role,
): { user: SessionUser; requestId: string } {
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.username,
      role,
      agencyId: null,
      mustChangePassword: false,
      sessionId: '',
    },
    requestId: 'test',
  };
}

/**
 * Types a date as a user does in a date box (dd/mm/yyyy, or with the time "dd/mm/yyyy hh:mm") and
 * confirms it with Enter, as the picker takes a typed date.
 */
export async function fillDate(input: Locator, text: string) {
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

/** The decision the provincial People's Committee signs to publish a result, as an approver types it. */
export const DECISION = {
  number: '2568/QĐ-UBND',
  date: '20/12/2018',
  signerName: 'Hoàng Xuân Ánh',
  signerTitle: 'CHỦ TỊCH',
} as const;

/** Fills the publish dialog's decision (number, date, signer), which every publication asks for. */
export async function fillDecision(dialog: Locator, d: { number: string; date: string } = DECISION) {
  await dialog.getByLabel('Số quyết định').fill(d.number);
  await fillDate(dialog.getByLabel('Ngày ký'), d.date);
  await dialog.getByLabel('Họ tên người ký').fill(DECISION.signerName);
  await dialog.getByLabel('Chức vụ người ký').fill(DECISION.signerTitle);
}
