import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as the test SMTP server accepted it. */
export interface ReceivedMail {
  readonly to: readonly string[];
  readonly raw: string;
  readonly messageId: string;
  readonly acceptedAt: number;
}

/** What the server answers to the next message: accept it, or refuse with an SMTP code. */
export type SmtpAnswer =
  | 'accept'
  | { readonly code: number; readonly message: string };

/**
 * A real SMTP server on a free port, receiving over TCP like any mail relay. Tests read what
 * arrived, and can make it answer 451 (try later) or 550 (refused) for a while.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** Decides each message's answer; accepts everything by default. */
  answer: (to: readonly string[]) => SmtpAnswer = () => 'accept';
  refused = 0;
  /** Connection-level errors the server saw (a client that died mid-session). */
  readonly connectionErrors: string[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<TestSmtpServer> {
    let self: TestSmtpServer | null = null;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // close() waits this long for clients that keep their connection before cutting them off.
      closeTimeout: 1000,
      size: 10 * 1024 * 1024,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) =>
            r.address.toLowerCase(),
          );
          const verdict = self?.answer(to) ?? 'accept';
          if (verdict !== 'accept') {
            if (self) self.refused++;
            callback(
              Object.assign(new Error(verdict.message), {
                responseCode: verdict.code,
              }),
            );
            return;
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          self?.received.push({
            to,
            raw,
            messageId: /^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '',
            acceptedAt: Date.now(),
          });
          callback();
        });
      },
    });
    // A client killed mid-session (the fault suite SIGKILLs the worker) resets its socket: the
    // server reports that as an 'error' event, which unheard would fail whichever test is running.
    server.on('error', (error: Error) =>
      self?.connectionErrors.push(error.message),
    );
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    const port = (server.server.address() as AddressInfo).port;
    self = new TestSmtpServer(server, port);
    return self;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Mails received for one address. */
  to(address: string): ReceivedMail[] {
    const wanted = address.toLowerCase();
    return this.received.filter((m) => m.to.includes(wanted));
  }

  clear(): void {
    this.received.length = 0;
    this.refused = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The decoded plain-text part of a received message (quoted-printable or base64). */
export function plainText(raw: string): string {
  const part =
    /Content-Type: text\/plain[^\r\n]*\r?\n((?:[^\r\n]+\r?\n)*)\r?\n([\s\S]*?)(?:\r?\n--|$)/i.exec(
      raw,
    );
  if (!part) return '';
  const headers = part[1] ?? '';
  const body = part[2] ?? '';
  if (/Content-Transfer-Encoding:\s*base64/i.test(headers))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding:\s*quoted-printable/i.test(headers)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => `%${h}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}
