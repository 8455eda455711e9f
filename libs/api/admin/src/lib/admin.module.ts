import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuditLogController } from './audit-log.controller';
import { HealthController } from './health.controller';
import { MailOutboxController } from './mail-outbox.controller';
import { TargetsController } from './targets/targets.controller';
import { TargetsService } from './targets/targets.service';

/** Health, the audit trail for auditors, the mail outbox for system admins, the yearly targets. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [
    HealthController,
    AuditLogController,
    MailOutboxController,
    TargetsController,
  ],
  providers: [TargetsService],
})
export class AdminModule {}
