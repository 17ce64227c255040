/** Outgoing e-mail over SMTP with nodemailer (sent by the job queue, platform/outbox.ts); a no-op when SMTP is not set. */
import nodemailer from 'nodemailer';
import type { Config } from './config.ts';

export interface Mail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  readonly enabled: boolean;
  send(mail: Mail): Promise<void>;
}

export function smtpMailer(config: Config): Mailer {
  const smtp = config.smtp;
  if (!smtp) return { enabled: false, send: async () => {} };
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user && { auth: { user: smtp.user, pass: smtp.password ?? '' } }),
    // The server's certificate is verified unless the operator says otherwise (SMTP_TLS_VERIFY=false
    // for an internal relay with a self-made certificate).
    tls: { rejectUnauthorized: smtp.tlsVerify },
  });
  return {
    enabled: true,
    send: async (mail) => {
      await transport.sendMail({ from: smtp.from, to: [...mail.to], subject: mail.subject, text: mail.text });
    },
  };
}
