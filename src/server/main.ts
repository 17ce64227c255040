/**
 * `chiso serve` (what `npm start` runs): opens the database (embedded in ./data unless
 * DATABASE_URL is set), loads the agencies and criteria, creates the first administrator, and
 * serves the system until SIGINT/SIGTERM, when it closes the database cleanly.
 */
import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { openDatabase } from './db/open.ts';
import { loadDemo } from './demo.ts';
import { keepIndicatorsWarm } from './modules/indicators/keep-warm.ts';
import { systemClock } from './platform/clock.ts';
import { loadConfig } from './platform/config.ts';
import { directoryStore } from './platform/files.ts';
import type { AppDeps } from './platform/http.ts';
import { smtpMailer } from './platform/mail.ts';
import { prepareBackgroundWork, startScheduler } from './scheduler.ts';

export interface ServeOptions {
  readonly demo: boolean;
  readonly out: (line: string) => void;
}

/** Runs the server; resolves when it has shut down after a signal. */
export async function serve(options: ServeOptions): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    poolSize: config.databasePoolSize,
    waitSeconds: config.databaseWaitSeconds,
    onWait: options.out,
  });
  const clock = systemClock;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let stopScheduler: (() => Promise<void>) | undefined;
  try {
    const { admin, agenciesLoaded } = await bootstrap(database.db, clock.now(), config.adminPassword);
    const deps: AppDeps = {
      config,
      database,
      clock,
      mailer: smtpMailer(config),
      files: directoryStore(config.filesDir),
    };
    const demo = options.demo ? await loadDemo(deps) : null;
    app = await buildApp(deps);
    await prepareBackgroundWork(deps);
    if (config.scheduler) stopScheduler = startScheduler(deps, app.log);
    await app.listen({ port: config.port, host: config.host });
    // The province page's years are read in the background, not before the server answers.
    const log = app.log;
    keepIndicatorsWarm(deps).catch((e) => log.warn({ err: e }, 'indicators not read at start'));

    const url = config.publicUrl ?? `http://localhost:${config.port}`;
    const say = options.out;
    say('');
    say(
      `chiso đang chạy tại ${url}  (cơ sở dữ liệu: ${database.engine === 'pglite' ? `nhúng, ${config.dataDir}` : 'PostgreSQL'})`,
    );
    if (agenciesLoaded) say(`Đã nạp ${agenciesLoaded} cơ quan theo Phụ lục I và bộ tiêu chí cao-bang-2016.`);
    if (admin?.password) {
      say('Tài khoản quản trị đầu tiên (đổi mật khẩu ngay lần đăng nhập đầu):');
      say(`    tên đăng nhập: ${admin.username}`);
      say(`    mật khẩu:      ${admin.password}`);
    } else if (admin) say(`Tài khoản quản trị: ${admin.username}, mật khẩu lấy từ CHISO_ADMIN_PASSWORD.`);
    else say('Đăng nhập bằng tài khoản quản trị đã tạo ở lần chạy trước (admin).');
    // Served over plain HTTP while people reach it over HTTPS: a reverse proxy is in front.
    if (config.publicUrl?.startsWith('https://') && !config.trustProxy)
      say(
        'Lưu ý: CHISO_PUBLIC_URL là https nhưng CHISO_TRUST_PROXY=false. Nếu chiso chạy sau reverse proxy, đặt CHISO_TRUST_PROXY=true, nếu không mọi người dùng chung một địa chỉ (giới hạn yêu cầu, khóa đăng nhập). [behind a proxy, set CHISO_TRUST_PROXY=true]',
      );
    if (demo) say(demo);
    say(`Mở trình duyệt: ${url}  ·  kết quả công khai: ${url}/ket-qua  ·  phương pháp: ${url}/phuong-phap`);
    say(`API: ${url}/api/v1 · tài liệu API: ${url}/api/docs · kiểm tra: ${url}/healthz`);
    say('Dừng: Ctrl+C');
  } catch (e) {
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    throw e;
  }

  await new Promise<void>((resolve) => {
    let closing = false;
    const stop = async (signal: string) => {
      if (closing) return;
      closing = true;
      app?.log.info({ signal }, 'shutting down');
      await stopScheduler?.().catch(() => {});
      await app?.close().catch(() => {});
      await database.close().catch(() => {});
      resolve();
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });
}

/** `chiso backup` and `chiso restore`, reached through this module as the command line reaches `serve`. */
export { backupCli, restoreCli } from './backup-cli.ts';
