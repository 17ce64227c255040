/**
 * The mail server's certificate is checked: a relay with a self-made certificate is refused unless
 * the operator says otherwise (SMTP_TLS_VERIFY=false). A real SMTP server offering STARTTLS with
 * its built-in self-signed certificate stands in for it.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { smtpMailer } from './mail.ts';

let server: SMTPServer;
let port = 0;
const received: string[][] = [];

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    logger: false,
    onData(stream, session, done) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received.push(session.envelope.rcptTo.map((r) => r.address));
        done();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const mailer = (env: Record<string, string>) =>
  smtpMailer(loadConfig({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_SECURE: 'false', ...env }));
const mail = { to: ['bc.stttt@example.test'], subject: 'Thử', text: 'Nội dung thử' };

describe('sending mail over STARTTLS', () => {
  it('refuses a server whose certificate does not verify, by default', async () => {
    await expect(mailer({}).send(mail)).rejects.toThrow(/self[- ]signed|certificate/i);
    expect(received).toHaveLength(0);
  });

  it('sends when the operator turns verification off for an internal relay', async () => {
    await mailer({ SMTP_TLS_VERIFY: 'false' }).send(mail);
    expect(received).toEqual([['bc.stttt@example.test']]);
  });
});
