import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** SMTP through nodemailer; without `SMTP_URL` the message (and any link in it) goes to the log. */
export function createMailer(opts: { smtpUrl: string | undefined; from: string; log: Logger }): Mailer {
  if (!opts.smtpUrl) {
    return {
      send(message) {
        opts.log.warn(
          { to: message.to, subject: message.subject, text: message.text },
          'mail not sent (no SMTP_URL): logged instead',
        );
        return Promise.resolve();
      },
    };
  }
  const transport = nodemailer.createTransport(opts.smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({
        from: opts.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
  };
}
