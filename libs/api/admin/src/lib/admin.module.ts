import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuditLogController } from './audit-log.controller';
import { HealthController } from './health.controller';
import { MailOutboxController } from './mail-outbox.controller';

/** Health, the audit trail for auditors, the mail outbox for system admins. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, AuditLogController, MailOutboxController],
})
export class AdminModule {}
