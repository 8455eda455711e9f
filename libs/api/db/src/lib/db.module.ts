import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@portal/api-core';
import { dataSourceOptions } from './data-source';
import { ENTITIES } from './entities';
import { DemoSeeder } from './seeds/demo-seeder';

/** The database connection (migrations run on connect) and a repository for every entity. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => dataSourceOptions(config.database),
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  providers: [DemoSeeder],
  exports: [TypeOrmModule, DemoSeeder],
})
export class DbModule {}
