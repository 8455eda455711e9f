import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig, type AppConfig } from '@portal/api-core';
import {
  DemoSeeder,
  InvitationEntity,
  OrganisationEntity,
  UserEntity,
} from '@portal/api-db';
import { JobProducer } from '@portal/api-jobs';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@portal/api-testing';
import { DataSource } from 'typeorm';
import { WorkerModule } from './worker.module';

describe('the worker process', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    db = await createTestDatabase('mariadb');
    config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      DATA_DIR: db.dataDir,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: uniqueRedisPrefix(),
      LOG_LEVEL: 'silent',
    });
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(config),
      { logger: false },
    );
    await worker.get(DemoSeeder).seedIfEmpty();
  });

  afterAll(async () => {
    await worker?.close();
    await db?.drop();
  });

  it('migrates the database and processes queued jobs without any HTTP server', async () => {
    const data = worker.get(DataSource);
    const company = await data
      .getRepository(OrganisationEntity)
      .findOneByOrFail({ contactEmail: 'antai@example.com' });
    const admin = await data
      .getRepository(UserEntity)
      .findOneByOrFail({ email: 'antai@example.com' });
    const invitation = await data.getRepository(InvitationEntity).save({
      id: randomUUID(),
      organisationId: company.id,
      email: 'worker.test@example.org',
      role: 'enterprise_member',
      invitedBy: admin.id,
      language: 'zh-CN',
      expiresAt: new Date(Date.now() + 86_400_000),
      acceptedAt: null,
    });

    await worker
      .get(JobProducer)
      .enqueue(
        'invitation-mail',
        { invitationId: invitation.id },
        invitation.id,
      );

    const until = Date.now() + 15_000;
    let mails: string[] = [];
    while (Date.now() < until && mails.length === 0) {
      mails = (() => {
        try {
          return readdirSync(config.mailDir).filter((f) => f.endsWith('.eml'));
        } catch {
          return [];
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(mails).toHaveLength(1);
  });
});
