import { createServer, type AddressInfo, type Socket } from 'node:net';
import { connectWithoutDelay, smtpEndpoint } from './mailer.service';

const connectTo = (port: number) =>
  new Promise<{
    error: Error | null;
    socket?: Socket;
    remotePort?: number;
    calls: number;
  }>((resolve) => {
    let calls = 0;
    connectWithoutDelay({ host: '127.0.0.1', port }, (error, result) => {
      calls++;
      const socket = result?.connection;
      const remotePort = socket?.remotePort;
      // Wait a moment: a second call would come now.
      setTimeout(() => resolve({ error, socket, remotePort, calls }), 50);
    });
  });

describe('the SMTP socket', () => {
  it('hands nodemailer a connected socket, once', async () => {
    const accepted: Socket[] = [];
    const server = createServer((s) => accepted.push(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const { error, socket, remotePort, calls } = await connectTo(port);
    expect(error).toBeNull();
    expect(remotePort).toBe(port);
    expect(calls).toBe(1);
    socket?.destroy();
    for (const s of accepted) s.destroy();
    await new Promise((r) => server.close(r));
  });

  it('reports a refused connection as an error (a temporary failure, retried)', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await new Promise((r) => server.close(r));
    const { error, calls } = await connectTo(port);
    expect((error as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
    expect(calls).toBe(1);
  });
});

describe('SMTP_URL as connection options', () => {
  it('reads host, port, TLS and percent-encoded credentials', () => {
    expect(
      smtpEndpoint(
        'smtps://portal%40bureau.gov.cn:s3%2Fcret@smtp.bureau.gov.cn',
      ),
    ).toEqual({
      host: 'smtp.bureau.gov.cn',
      port: 465,
      secure: true,
      auth: { user: 'portal@bureau.gov.cn', pass: 's3/cret' },
    });
    expect(smtpEndpoint('smtp://127.0.0.1:2525')).toEqual({
      host: '127.0.0.1',
      port: 2525,
      secure: false,
    });
  });
});
