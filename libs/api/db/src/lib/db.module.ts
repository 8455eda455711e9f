import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@portal/api-core';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { serializeSqliteTransactions } from './sqlite-serial';
import { ENTITIES } from './entities';
import { DemoSeeder } from './seeds/demo-seeder';

/** The database connection (migrations run on connect) and a repository for every entity. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => dataSourceOptions(config.database),
      dataSourceFactory: async (options) => {
        const dataSource = new DataSource(options as DataSourceOptions);
        serializeSqliteTransactions(dataSource);
        return dataSource.initialize();
      },
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  providers: [DemoSeeder],
  exports: [TypeOrmModule, DemoSeeder],
})
export class DbModule {}
