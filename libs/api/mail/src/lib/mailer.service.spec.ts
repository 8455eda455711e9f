import { loadConfig } from '@portal/api-core';
import { TestSmtpServer } from '@portal/api-testing';
import { isPermanentMailError, MailerService } from './mailer.service';

describe('the mailer on shutdown', () => {
  it('refuses a send after it closed, at once and as a temporary failure (nodemailer would never answer)', async () => {
    const smtp = await TestSmtpServer.start();
    const mailer = new MailerService(
      loadConfig({ NODE_ENV: 'test', SMTP_URL: smtp.url }),
    );
    await mailer.send({
      to: 'a@example.com',
      subject: 'one',
      text: '1',
      html: '<p>1</p>',
    });
    expect(smtp.received).toHaveLength(1);

    mailer.onModuleDestroy();
    const outcome = await Promise.race([
      mailer
        .send({
          to: 'b@example.com',
          subject: 'two',
          text: '2',
          html: '<p>2</p>',
        })
        .then(
          () => 'sent',
          (error: unknown) => error,
        ),
      new Promise((resolve) => setTimeout(() => resolve('no answer'), 2000)),
    ]);
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).message).toMatch(/shutting down/);
    expect(isPermanentMailError(outcome)).toBe(false);
    expect(smtp.received).toHaveLength(1);
    await smtp.close();
  });
});
