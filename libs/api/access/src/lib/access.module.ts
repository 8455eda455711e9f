import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditService } from './audit.service';
import { SessionGuard } from './session.guard';
import { SessionService } from './session.service';

/** Sessions, the global guard and the audit log: what every feature module relies on. */
@Global()
@Module({
  providers: [
    SessionService,
    AuditService,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [SessionService, AuditService],
})
export class AccessModule {}
