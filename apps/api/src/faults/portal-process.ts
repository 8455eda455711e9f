import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type PortalApp = 'api' | 'worker';

/** What each built entry point prints once it is ready for work. */
const READY: Record<PortalApp, string> = {
  api: 'is running',
  worker: 'Worker started',
};

/**
 * The production build of the API or the worker (`npm run build:app`) as a child process that
 * a test can SIGKILL and start again.
 */
export class PortalProcess {
  private child: ChildProcess | null = null;
  private output = '';
  private readonly main: string;

  constructor(
    readonly app: PortalApp,
    private readonly env: Record<string, string>,
  ) {
    this.main = join(__dirname, `../../../../dist/apps/${app}/main.js`);
    if (!existsSync(this.main))
      throw new Error(
        `${this.main} is missing: run "npm run build:app" before the fault suite`,
      );
  }

  /** The API's address (its PORT); only for `api`. */
  get url(): string {
    return `http://127.0.0.1:${this.env['PORT']}`;
  }

  get running(): boolean {
    return this.child !== null && !ended(this.child);
  }

  /** Starts it and resolves once it says it is ready (the API listens, the worker processes). */
  async start(): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, [this.main], {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const collect = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const until = Date.now() + 60_000;
    while (!this.output.includes(READY[this.app])) {
      if (ended(child))
        throw new Error(`The ${this.app} exited: ${this.output}`);
      if (Date.now() > until)
        throw new Error(`The ${this.app} did not start: ${this.output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** No goodbye: no shutdown hooks, jobs left active, requests and sends cut off. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || ended(child)) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || ended(child)) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }

  get log(): string {
    return this.output;
  }
}

/** Exited, or killed by a signal (then exitCode stays null). */
function ended(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}
