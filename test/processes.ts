/**
 * Real server processes for the crash, fault and two-instance tests: `node bin/chiso.mjs serve`
 * started with its own environment, spoken to over HTTP, killed with SIGKILL or stopped with
 * SIGINT; and a TCP relay that stands between servers and PostgreSQL so a test can cut the
 * database away and bring it back.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer, type Server, Socket } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

/** What the tests read of an answer; a connection cut (a killed server) is status 0. */
export interface Reply<B = Record<string, unknown>> {
  status: number;
  body: B;
  headers: Record<string, string | string[] | undefined>;
}

/** One HTTP call to a server on a port, with a JSON body and a cookie. */
export function call<B = Record<string, unknown>>(
  port: number,
  method: string,
  path: string,
  options: { payload?: unknown; cookie?: string } = {},
): Promise<Reply<B>> {
  const body = options.payload === undefined ? undefined : Buffer.from(JSON.stringify(options.payload));
  return new Promise((ok) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        headers: {
          ...(body && { 'content-type': 'application/json', 'content-length': body.length }),
          ...(options.cookie && { cookie: options.cookie }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', () => ok({ status: 0, body: {} as B, headers: {} }));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = {};
          try {
            json = text ? JSON.parse(text) : {};
          } catch {
            json = { error: { code: 'not_json', message: text } };
          }
          ok({ status: res.statusCode ?? 0, body: json as B, headers: res.headers });
        });
      },
    );
    req.on('error', () => ok({ status: 0, body: {} as B, headers: {} }));
    if (body) req.write(body);
    req.end();
  });
}

/** This process's environment with `env` laid over it; a key set to undefined is left out (e.g. DATABASE_URL for the embedded engine). */
export function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete out[k];
  return out;
}

/** The session cookie of a sign-in answer. */
export function sessionCookie(reply: Reply<unknown>): string {
  const set = ([] as string[])
    .concat(reply.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('chiso_session='));
  if (!set) throw new Error(`no session cookie: ${reply.status} ${JSON.stringify(reply.body)}`);
  return set.split(';')[0]!;
}

export interface ServerProcess {
  readonly port: number;
  /** Everything the process printed. */
  output(): string;
  call<B = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { payload?: unknown; cookie?: string },
  ): Promise<Reply<B>>;
  /** Signs in and returns the cookie. */
  signIn(username: string, password: string): Promise<string>;
  /** SIGKILL: no cleanup at all. */
  kill(): Promise<void>;
  /** SIGINT, as Ctrl+C: the server closes cleanly. */
  stop(): Promise<void>;
  readonly exited: Promise<number | string | null>;
}

/**
 * Starts `chiso serve` with the given environment (PORT and HOST are set here) and waits until it
 * answers /healthz with 200 — or, with `waitHealthy: false`, only until it has started.
 */
export async function startServer(
  env: Record<string, string | undefined>,
  options: { waitHealthy?: boolean; timeoutMs?: number; args?: string[] } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  let output = '';
  const proc: ChildProcess = spawn(process.execPath, ['bin/chiso.mjs', 'serve', ...(options.args ?? [])], {
    cwd: ROOT,
    env: childEnv({ LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  proc.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<number | string | null>((r) =>
    proc.once('exit', (code, signal) => r(code ?? signal)),
  );
  const done = () => proc.exitCode !== null || proc.signalCode !== null;
  const server: ServerProcess = {
    port,
    output: () => output,
    call: (method, path, o) => call(port, method, path, o),
    async signIn(username, password) {
      return sessionCookie(
        await call(port, 'POST', '/api/v1/auth/login', { payload: { username, password } }),
      );
    },
    async kill() {
      if (done()) return;
      proc.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (done()) return;
      proc.kill('SIGINT');
      await exited;
    },
    exited,
  };
  if (options.waitHealthy === false) return server;
  const until = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < until) {
    if (done())
      throw new Error(`the server stopped (${proc.exitCode ?? proc.signalCode}) while starting:\n${output}`);
    if ((await call(port, 'GET', '/healthz')).status === 200) return server;
    await sleep(150);
  }
  await server.kill();
  throw new Error(`the server did not answer /healthz in time:\n${output}`);
}

/** A TCP relay to a target (PostgreSQL): `cut()` drops every connection and refuses new ones. */
export interface Relay {
  readonly port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startRelay(target: { host: string; port: number }): Promise<Relay> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const listen = () =>
    new Promise<void>((ok) => {
      if (server) return ok();
      server = createServer((client) => {
        const upstream = new Socket();
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        upstream.connect(target.port, target.host, () => {
          client.pipe(upstream).pipe(client);
        });
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      });
      server.listen(port, '127.0.0.1', () => ok());
    });
  const stop = () =>
    new Promise<void>((ok) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (!server) return ok();
      server.close(() => ok());
      server = null;
    });
  await listen();
  return { port, cut: stop, restore: listen, close: stop };
}
