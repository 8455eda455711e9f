import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@portal/api-access';
import { MailerService } from '@portal/api-mail';
import type { OutboxMailView } from '@portal/contracts';

/** E-mails written as .eml files when no SMTP server is configured. */
@ApiTags('admin')
@Controller('admin/mail-outbox')
export class MailOutboxController {
  constructor(private readonly mailer: MailerService) {}

  @RequirePermission('mail.outbox.read')
  @Get()
  list(): Promise<OutboxMailView[]> {
    return this.mailer.outbox();
  }
}
