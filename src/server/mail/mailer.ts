import type { Transporter } from 'nodemailer';
import type { Config } from '../config/config.js';

/** One message. Mail never names a pupil or holds case content: only who it is for and a link. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** The configured SMTP server, or null when none is set (links are then shown to the administrator). */
export function createMailer(config: Config['mail']): Mailer | null {
  if (!config) return null;
  // nodemailer is loaded with the first mail, not at start-up.
  let transport: Promise<Transporter> | null = null;
  return {
    async send(message) {
      transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(config.url));
      await (await transport).sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}
