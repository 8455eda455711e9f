import { DynamicModule, Global, Module } from '@nestjs/common';
import { PortalClock } from '../time/portal-clock';
import { AppConfig } from './app-config';

/** Makes the boot-time AppConfig, and the portal's clock, injectable everywhere. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: PortalClock, useValue: new PortalClock(config.devClock) },
      ],
      exports: [AppConfig, PortalClock],
    };
  }
}
