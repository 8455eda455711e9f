import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, PersonalDataCipher } from '@portal/api-core';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { serializeSqliteTransactions } from './sqlite-serial';
import {
  ENTITIES,
  personalDataCipher,
  usePersonalDataCipher,
} from './entities';
import { PersonalDataRepository } from './repositories/personal-data.repository';
import { DemoSeeder } from './seeds/demo-seeder';

/** The database connection (migrations run on connect) and a repository for every entity. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        usePersonalDataCipher(new PersonalDataCipher(config.personalDataKeys));
        return dataSourceOptions(config.database);
      },
      dataSourceFactory: async (options) => {
        const dataSource = new DataSource(options as DataSourceOptions);
        serializeSqliteTransactions(dataSource);
        await dataSource.initialize();
        // Values from before encryption, or under a key rotated out, are sealed anew at start.
        await PersonalDataRepository.resealAll(
          dataSource.manager,
          personalDataCipher(),
        );
        return dataSource;
      },
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  providers: [DemoSeeder],
  exports: [TypeOrmModule, DemoSeeder],
})
export class DbModule {}
