/**
 * A real SMTP server on 127.0.0.1 (random port) that keeps what it receives, and can
 * refuse the next mails to show what a failing server does.
 */
import { SMTPServer } from 'smtp-server';
import type { MailConfig } from '../../../engine/config';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  messageId: string;
  /** The raw message (headers and body). */
  raw: string;
}

export interface SmtpSink {
  port: number;
  received: ReceivedMail[];
  /** Refuses the next `count` mails with a temporary error (451). */
  refuseNext(count: number): void;
  /** Mail settings pointing at this server. */
  mailConfig(overrides?: Partial<MailConfig>): MailConfig;
  close(): Promise<void>;
}

/** Starts the sink; remember `close()`. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--;
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          subject: header(raw, 'Subject'),
          messageId: header(raw, 'Message-ID'),
          raw: unfoldBody(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    received,
    refuseNext(count) {
      refusals = count;
    },
    mailConfig(overrides = {}) {
      return {
        smtp: { host: '127.0.0.1', port, secure: false },
        from: 'Qualflow <qualflow@qms.example>',
        publicUrl: 'https://qms.example',
        digestHour: 7,
        digestTimeZone: 'UTC',
        ...overrides,
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function header(raw: string, name: string): string {
  const match = new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw);
  return match ? match[1].replace(/\r?\n[ \t]+/g, ' ').trim() : '';
}

/** The message with quoted-printable soft line breaks undone, so assertions read whole lines. */
function unfoldBody(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
}
