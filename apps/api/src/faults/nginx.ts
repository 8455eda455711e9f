import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NGINX = '/usr/sbin/nginx';

/** nginx in front of several API processes, as a deployment with two API containers runs. */
export class NginxProxy {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly port: number,
  ) {}

  /** Round-robin over `upstreamPorts`; resolves once it accepts connections. */
  static async start(upstreamPorts: readonly number[]): Promise<NginxProxy> {
    const dir = mkdtempSync(join(tmpdir(), 'portal-nginx-'));
    for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
      mkdirSync(join(dir, temp));
    const port = await freePort();
    const conf = join(dir, 'nginx.conf');
    writeFileSync(
      conf,
      [
        'daemon off;',
        // As root the workers would switch to "nobody", who cannot read the temp dir.
        process.getuid?.() === 0 ? 'user root;' : '',
        'worker_processes 1;',
        `pid ${join(dir, 'nginx.pid')};`,
        `error_log ${join(dir, 'error.log')} warn;`,
        'events { worker_connections 1024; }',
        'http {',
        '  access_log off;',
        `  client_body_temp_path ${join(dir, 'body')};`,
        `  proxy_temp_path ${join(dir, 'proxy')};`,
        `  fastcgi_temp_path ${join(dir, 'fastcgi')};`,
        `  uwsgi_temp_path ${join(dir, 'uwsgi')};`,
        `  scgi_temp_path ${join(dir, 'scgi')};`,
        '  client_max_body_size 50m;',
        '  upstream portal {',
        ...upstreamPorts.map((p) => `    server 127.0.0.1:${p};`),
        '    keepalive 16;',
        '  }',
        '  server {',
        `    listen 127.0.0.1:${port};`,
        '    location / {',
        '      proxy_pass http://portal;',
        '      proxy_http_version 1.1;',
        '      proxy_set_header Connection "";',
        '      proxy_set_header Host $host;',
        '      proxy_set_header X-Forwarded-For $remote_addr;',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const child = spawn(NGINX, ['-p', dir, '-c', conf], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const proxy = new NginxProxy(child, dir, port);
    const collect = (chunk: Buffer) => {
      proxy.output = (proxy.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const until = Date.now() + 20_000;
    while (!(await accepts(port))) {
      if (child.exitCode !== null)
        throw new Error(`nginx exited: ${proxy.output}`);
      if (Date.now() > until)
        throw new Error(`nginx did not listen: ${proxy.output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGQUIT');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
