/**
 * The SMTP side of notifications: which mail settings apply and one nodemailer transport
 * per SMTP server. Everything else in this folder talks to the database only.
 */
import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { loadConfig, type MailConfig, type SmtpConfig } from '../../engine/config';
import type { ActivityDependencies } from '../dependencies';

/** Activity dependencies plus, optionally, mail settings (tests); without them the environment's apply. */
export type MailDependencies = ActivityDependencies & { mail?: MailConfig };

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The stable RFC 5322 Message-ID of the row, the same on every attempt. */
  messageId: string;
}

let fromEnvironment: MailConfig | undefined;
const transports = new Map<string, Transporter>();

/** The mail settings of this worker: the injected ones, else `QUALFLOW_*` from the environment. */
export function mailConfigOf(deps: MailDependencies): MailConfig {
  if (deps.mail) return deps.mail;
  fromEnvironment ??= loadConfig().mail;
  return fromEnvironment;
}

/**
 * Sends one mail over SMTP.
 * @throws Error when the server cannot be reached or refuses the mail (the caller records it for a retry).
 */
export async function sendOverSmtp(smtp: SmtpConfig, from: string, mail: OutgoingMail): Promise<void> {
  const key = JSON.stringify(smtp);
  let transport = transports.get(key);
  if (!transport) {
    transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    });
    transports.set(key, transport);
  }
  await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
}

/** A Message-ID derived from the row id, so every attempt (and a receiver's duplicate check) sees the same one. */
export function messageIdFor(rowId: string, config: MailConfig): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(config.from)?.[1] ?? 'qualflow.localhost';
  return `<${createHash('sha256').update(rowId).digest('hex').slice(0, 32)}@${domain}>`;
}
