import { loadConfig } from '@portal/api-core';
import { createDataSource } from '@portal/api-db';
import { createTestDatabase, type Dialect } from '@portal/api-testing';
import { ReferenceNumbersService } from './reference-numbers.service';

describe.each<Dialect>(['mariadb', 'sqlite'])(
  'reference numbers on %s',
  (dialect) => {
    it('hands 24 concurrent filings of one new series the numbers 1 to 24, none twice, none failing', async () => {
      const db = await createTestDatabase(dialect);
      const config = loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: db.url,
        DATA_DIR: db.dataDir,
      });
      const dataSource = await createDataSource(config.database).initialize();
      const references = new ReferenceNumbersService();
      try {
        const taken = await Promise.all(
          Array.from({ length: 24 }, () =>
            dataSource.transaction((em) =>
              references.next(em, 'high_tech', 2026, '330421'),
            ),
          ),
        );
        expect([...taken].sort((a, b) => a - b)).toEqual(
          Array.from({ length: 24 }, (_, i) => i + 1),
        );
        // Another series starts at 1 of its own.
        await expect(
          dataSource.transaction((em) =>
            references.next(em, 'high_tech', 2026, '330424'),
          ),
        ).resolves.toBe(1);
      } finally {
        await dataSource.destroy();
        await db.drop();
      }
    });
  },
);
