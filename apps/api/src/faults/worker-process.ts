import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const WORKER_MAIN = join(__dirname, '../../../../dist/apps/worker/main.js');

/** The production build of the worker as a child process that a test can SIGKILL. */
export class WorkerProcess {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(private readonly env: Record<string, string>) {
    if (!existsSync(WORKER_MAIN))
      throw new Error(
        `${WORKER_MAIN} is missing: run "npm run build:app" before the fault suite`,
      );
  }

  /** Starts it and resolves once it says it is processing queues. */
  async start(): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, [WORKER_MAIN], {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const collect = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const until = Date.now() + 30_000;
    while (!this.output.includes('Worker started')) {
      if (child.exitCode !== null)
        throw new Error(`The worker exited: ${this.output}`);
      if (Date.now() > until)
        throw new Error(`The worker did not start: ${this.output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** No goodbye: no shutdown hooks, jobs left active, sends cut off. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
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
