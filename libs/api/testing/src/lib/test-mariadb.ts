import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

const MARIADBD = '/usr/sbin/mariadbd';
const DATABASE = 'portal';

/**
 * A private mariadbd in a temp dir on a free port, so a test can SIGKILL and restart the
 * database server (crash recovery included) without touching the shared one other suites use.
 */
export class TestMariaDbServer {
  private child: ChildProcess | null = null;
  private output = '';
  private readonly dir = mkdtempSync(join(tmpdir(), 'portal-mariadb-'));

  private constructor(readonly port: number) {}

  /** Initialises a data dir, starts the server and creates an empty `portal` database. */
  static async start(): Promise<TestMariaDbServer> {
    const server = new TestMariaDbServer(await freePort());
    const install = spawnSync(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${join(server.dir, 'data')}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        ...asRoot(),
      ],
      { encoding: 'utf8' },
    );
    if (install.status !== 0)
      throw new Error(
        `mariadb-install-db failed: ${install.stderr || install.stdout}`,
      );
    await server.restart();
    const admin = await server.connect();
    await admin.query(
      `CREATE DATABASE \`${DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await admin.end();
    return server;
  }

  /** root without a password, as the shared test server. */
  get url(): string {
    return `mariadb://root@127.0.0.1:${this.port}/${DATABASE}`;
  }

  /** The server's own log (crash recovery, refused connections). */
  get log(): string {
    return this.output;
  }

  /** Starts it again on the same port and data dir; resolves once it takes connections. */
  async restart(): Promise<void> {
    this.output = '';
    const child = spawn(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${join(this.dir, 'data')}`,
        `--port=${this.port}`,
        `--socket=${join(this.dir, 'sock')}`,
        `--pid-file=${join(this.dir, 'pid')}`,
        '--bind-address=127.0.0.1',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=64M',
        '--max-connections=300',
        ...asRoot(),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    const collect = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const until = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`mariadbd exited: ${this.output}`);
      try {
        const probe = await this.connect();
        await probe.end();
        return;
      } catch (error) {
        if (Date.now() > until)
          throw new Error(
            `mariadbd did not answer within 60 s (${(error as Error).message}): ${this.output}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  /** SIGKILL: open transactions are cut off, as when the database host dies. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private connect() {
    return createConnection({
      host: '127.0.0.1',
      port: this.port,
      user: 'root',
      connectTimeout: 2000,
    });
  }
}

/** mariadbd refuses to run as root unless told to. */
function asRoot(): string[] {
  return process.getuid?.() === 0 ? ['--user=root'] : [];
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
