import { DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from '@portal/api-access';
import { AppConfig, ConfigModule, LoggingModule } from '@portal/api-core';
import { DbModule } from '@portal/api-db';
import { ApplicationsProcessorsModule } from '@portal/api-applications';
import { EngineProcessorsModule } from '@portal/api-engine';
import { IdentityProcessorsModule } from '@portal/api-identity';
import { JobsModule } from '@portal/api-jobs';
import { MailModule } from '@portal/api-mail';
import { NotificationsProcessorsModule } from '@portal/api-notifications';

/** The same modules as the API, without HTTP: only the queue processors. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DbModule,
        JobsModule,
        MailModule,
        AccessModule,
        IdentityProcessorsModule,
        EngineProcessorsModule,
        ApplicationsProcessorsModule,
        NotificationsProcessorsModule,
      ],
    };
  }
}
