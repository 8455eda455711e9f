import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A local SMTP server that accepts every message and counts it. It is started before the API and
 * the worker (they read SMTP_URL at boot), so every mail of the run goes into it.
 */
export class CountingSmtpServer {
  /** Messages accepted (answered 250) since the start. */
  accepted = 0;

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<CountingSmtpServer> {
    let self: CountingSmtpServer | null = null;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // The worker's pool keeps up to MAIL_CONCURRENCY connections; the ceiling opens its own.
      maxClients: 200,
      // Close without waiting the default 30 s for clients that linger.
      closeTimeout: 1000,
      onData(stream, _session, callback) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          if (self) self.accepted++;
          callback();
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    self = new CountingSmtpServer(
      server,
      (server.server.address() as AddressInfo).port,
    );
    return self;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
