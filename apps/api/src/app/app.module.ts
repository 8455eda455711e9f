import { DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from '@portal/api-access';
import { AdminModule } from '@portal/api-admin';
import { AppConfig, ConfigModule, LoggingModule } from '@portal/api-core';
import { DbModule } from '@portal/api-db';
import {
  ApplicationsModule,
  ApplicationsProcessorsModule,
} from '@portal/api-applications';
import { DemoModule } from '@portal/api-demo';
import { EngineProcessorsModule } from '@portal/api-engine';
import { ReviewModule } from '@portal/api-review';
import { IdentityModule, IdentityProcessorsModule } from '@portal/api-identity';
import { JobsModule } from '@portal/api-jobs';
import { MailModule } from '@portal/api-mail';
import {
  NotificationsModule,
  NotificationsProcessorsModule,
} from '@portal/api-notifications';

/** The HTTP API: every feature module, plus the queue processors unless RUN_WORKERS=false. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DbModule,
        JobsModule,
        MailModule,
        AccessModule,
        IdentityModule,
        ApplicationsModule,
        ReviewModule,
        DemoModule,
        NotificationsModule,
        AdminModule,
        ...(config.runWorkers
          ? [
              IdentityProcessorsModule,
              EngineProcessorsModule,
              ApplicationsProcessorsModule,
              NotificationsProcessorsModule,
            ]
          : []),
      ],
    };
  }
}
