/** Outgoing e-mail (reminders, R18) over SMTP with nodemailer; a no-op sink when SMTP is not set. */
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
    // A local sink or an internal relay may use a self-made certificate.
    tls: { rejectUnauthorized: false },
  });
  return {
    enabled: true,
    send: async (mail) => {
      await transport.sendMail({ from: smtp.from, to: [...mail.to], subject: mail.subject, text: mail.text });
    },
  };
}
