import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AppConfig, SMTP_SOCKET_TIMEOUT_SECONDS } from '@portal/api-core';
import type { OutboxMailView } from '@portal/contracts';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** A stable Message-ID (without brackets): a mail re-sent after a crash carries the same one. */
  readonly messageId?: string;
}

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A TCP connection with Nagle's algorithm off. nodemailer leaves it on, and the end of each
 * message then waits for the server's delayed ACK (~40 ms): 23 mails/s per connection on
 * loopback instead of about 2,300. nodemailer upgrades the socket itself for smtps://.
 */
export function connectWithoutDelay(
  options: { host?: string; port?: number; secure?: boolean },
  callback: (error: Error | null, socket?: { connection: Socket }) => void,
): void {
  const socket = connect({
    host: options.host,
    port: options.port ?? (options.secure ? 465 : 587),
  });
  socket.setNoDelay(true);
  socket.setTimeout(CONNECT_TIMEOUT_MS, () =>
    socket.destroy(
      Object.assign(new Error('SMTP connection timed out'), {
        code: 'ETIMEDOUT',
      }),
    ),
  );
  const failed = (error: Error) => callback(error);
  socket.once('error', failed);
  socket.once('connect', () => {
    socket.setTimeout(0);
    socket.off('error', failed);
    callback(null, { connection: socket });
  });
}

/** SMTP_URL as nodemailer's connection options; smtps:// is TLS from the start. */
export function smtpEndpoint(url: string): {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
} {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    ...(parsed.username
      ? {
          auth: {
            user: decodeURIComponent(parsed.username),
            pass: decodeURIComponent(parsed.password),
          },
        }
      : {}),
  };
}

/**
 * Whether a send failure is worth retrying: 4xx answers, timeouts and refused connections are
 * temporary; a 5xx answer (unknown mailbox, policy) is permanent.
 */
export function isPermanentMailError(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Sends through SMTP_URL with a pooled connection, or — without SMTP_URL — writes each message
 * as an .eml file under DATA_DIR/mail, which the admin outbox lists.
 */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly logger = new Logger(MailerService.name);
  private readonly transport: Transporter;
  private readonly toFiles: boolean;
  private closed = false;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly config: AppConfig) {
    this.toFiles = config.smtpUrl === null;
    this.transport = this.toFiles
      ? createTransport({
          streamTransport: true,
          buffer: true,
          newline: 'windows',
        })
      : createTransport({
          // Host and port, not `url`: with `url` nodemailer's pool ignores `getSocket`.
          ...smtpEndpoint(config.smtpUrl as string),
          pool: true,
          maxConnections: config.mailConcurrency,
          getSocket: (
            options: Parameters<typeof connectWithoutDelay>[0],
            callback: Parameters<typeof connectWithoutDelay>[1],
          ) =>
            connectWithoutDelay(options, (error, socket) => {
              if (socket) {
                this.sockets.add(socket.connection);
                socket.connection.once('close', () =>
                  this.sockets.delete(socket.connection),
                );
              }
              callback(error, socket);
            }),
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: SMTP_SOCKET_TIMEOUT_SECONDS * 1000,
          // The default of 100 reconnects every 100 mails; a long-lived pool keeps its connections.
          maxMessages: Infinity,
        } as SMTPPool.Options);
  }

  async send(mail: OutgoingMail): Promise<void> {
    // nodemailer's closed pool drops a message without ever calling back: a queue job sending
    // during shutdown would hang, and the process with it. A temporary failure is retried.
    if (this.closed)
      throw new Error(
        'The mail transport is closed (this process is shutting down); the send is retried.',
      );
    const { messageId, ...content } = mail;
    const info = await this.transport.sendMail({
      from: this.config.mailFrom,
      // Without it nodemailer scans every text for the encoding to use and writes Chinese as
      // quoted-printable in JavaScript (nine characters a character): ~35% of a mail's CPU.
      textEncoding: 'base64',
      ...content,
      ...(messageId ? { messageId: `<${messageId}>` } : {}),
    });
    if (this.toFiles) {
      // Messages name people and their cases: readable by the portal's user only.
      await mkdir(this.config.mailDir, { recursive: true, mode: 0o700 });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^A-Za-z0-9]/g, '')}.eml`;
      await writeFile(join(this.config.mailDir, name), info.message as Buffer, {
        mode: 0o600,
      });
      this.logger.log(`Wrote ${name}`);
    }
  }

  /** The newest .eml files (file mode only), with their recipients and subjects. */
  async outbox(limit = 200): Promise<OutboxMailView[]> {
    if (!this.toFiles) return [];
    const names = await readdir(this.config.mailDir).catch(
      () => [] as string[],
    );
    const newest = names
      .filter((n) => n.endsWith('.eml'))
      .sort()
      .reverse()
      .slice(0, limit);
    return Promise.all(
      newest.map(async (file) => {
        const head =
          (await readFile(join(this.config.mailDir, file), 'utf8')).split(
            /\r?\n\r?\n/,
          )[0] ?? '';
        return {
          file,
          at: file
            .slice(0, 24)
            .replace(
              /^(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/,
              '$1T$2:$3:$4.$5Z',
            ),
          to: headerValue(head, 'To'),
          subject: headerValue(head, 'Subject'),
        };
      }),
    );
  }

  onModuleDestroy(): void {
    this.closed = true;
    this.transport.close();
    // nodemailer does not close sockets it was handed; left open they keep the process alive.
    for (const socket of this.sockets) socket.destroy();
  }
}

/** Reads one header, unfolding continuation lines and decoding RFC 2047 words. */
export function headerValue(head: string, name: string): string {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded
    .split(/\r?\n/)
    .find((l) => l.toLowerCase().startsWith(name.toLowerCase() + ':'));
  const raw = line ? line.slice(name.length + 1).trim() : '';
  return raw.replace(
    /=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi,
    (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeURIComponent(
            text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1'),
          ),
  );
}
