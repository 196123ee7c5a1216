/**
 * Sending people their links. With `TAFEL_SMTP_URL` set, by e-mail (nodemailer, from
 * `TAFEL_MAIL_FROM`); without, the link goes to the server log — naming the person by their
 * number only: no log line ever carries an address or a name.
 */
import type { Lang } from '@tafel/schema';
import { createTransport, type Transporter } from 'nodemailer';
import { linkMail } from './mail-texts.ts';

export interface LinkMessage {
  /** The person's number, for the log. */
  personId: number;
  to: string;
  kind: 'INVITATION' | 'SIGN_IN';
  /** The language it is written in; null: not chosen, English. */
  language: Lang | null;
  url: string;
  expiresAt: Date;
}

/** Any other message to a person, e.g. the answer to an application to join. */
export interface NoticeMessage {
  /** What it is, for the log, naming nobody: `rejection of application #12`. */
  about: string;
  to: string;
  subject: string;
  /** The message; without SMTP it goes to the log, so it must name nobody either. */
  text: string;
}

export interface Mailer {
  /** `email`: messages go out by SMTP; `log`: links are written to the server log. */
  readonly delivery: 'email' | 'log';
  send(message: LinkMessage): Promise<void>;
  sendNotice(message: NoticeMessage): Promise<void>;
  close(): void;
}

/** What the mailer may log: a line without personal data. */
export type MailLog = (line: string) => void;

export function createMailer(options: {
  smtpUrl?: string | undefined;
  from?: string | undefined;
  log: MailLog;
}): Mailer {
  const { smtpUrl, log } = options;
  if (!smtpUrl) {
    return {
      delivery: 'log',
      async send(message) {
        log(
          `${message.kind === 'INVITATION' ? 'invitation' : 'sign-in link'} for person #${message.personId} (no TAFEL_SMTP_URL, so not e-mailed): ${message.url}`,
        );
      },
      async sendNotice(message) {
        log(`${message.about} (no TAFEL_SMTP_URL, so not e-mailed): ${message.text}`);
      },
      close() {},
    };
  }
  const transport: Transporter = createTransport(smtpUrl);
  const from = options.from || 'Tafel <no-reply@localhost>';
  return {
    delivery: 'email',
    async send(message) {
      try {
        const { subject, text } = linkMail(
          message.language,
          message.kind,
          message.url,
          message.expiresAt,
        );
        await transport.sendMail({ from, to: message.to, subject, text });
        log(
          `${message.kind === 'INVITATION' ? 'invitation' : 'sign-in link'} for person #${message.personId} e-mailed`,
        );
      } catch (error) {
        // The transport's message may quote the address: log its code only.
        log(
          `${message.kind === 'INVITATION' ? 'invitation' : 'sign-in link'} for person #${message.personId} could not be e-mailed (${(error as { code?: string }).code ?? 'error'})`,
        );
      }
    },
    async sendNotice(message) {
      try {
        await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
        });
        log(`${message.about} e-mailed`);
      } catch (error) {
        log(
          `${message.about} could not be e-mailed (${(error as { code?: string }).code ?? 'error'})`,
        );
      }
    },
    close: () => transport.close(),
  };
}
