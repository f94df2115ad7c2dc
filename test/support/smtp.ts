import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

export interface Received {
  /** Every message handed over, duplicates included, in arrival order. */
  raw: ParsedMail[];
  /** What a mailbox shows: one message per Message-ID (the peer drops a resend it already has). */
  delivered(): ParsedMail[];
}

export interface TestSmtp extends Received {
  url: string;
  /** Decides, per recipient, whether RCPT TO is refused with a temporary 451. */
  refuse: (recipient: string) => boolean;
  /** Called once a message is fully received and before it is acknowledged. */
  beforeAcknowledge: (mail: ParsedMail) => Promise<void> | void;
  close(): Promise<void>;
}

/** A real SMTP server on a free local port (no TLS, no auth) that keeps what it receives. */
export async function startSmtp(): Promise<TestSmtp> {
  const raw: ParsedMail[] = [];
  const smtp: Partial<TestSmtp> = {
    raw,
    refuse: () => false,
    beforeAcknowledge: () => undefined,
    delivered: () => {
      const seen = new Set<string>();
      return raw.filter((m) => !!m.messageId && !seen.has(m.messageId) && !!seen.add(m.messageId));
    },
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session: SMTPServerSession, callback) {
      if (smtp.refuse!(address.address)) {
        const error = new Error('Try again later') as Error & { responseCode: number };
        error.responseCode = 451;
        return callback(error);
      }
      callback();
    },
    onData(stream: SMTPServerDataStream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          raw.push(mail);
          await smtp.beforeAcknowledge!(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return Object.assign(smtp, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as TestSmtp;
}
