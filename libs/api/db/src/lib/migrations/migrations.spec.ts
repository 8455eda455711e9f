import { loadConfig } from '@portal/api-core';
import { createTestDatabase, DIALECTS } from '@portal/api-testing';
import { createDataSource, pendingSchemaChanges } from '../data-source';

describe.each(DIALECTS)('migrations on an empty %s database', (dialect) => {
  it('create exactly the schema the entities describe, and roll back cleanly', async () => {
    const db = await createTestDatabase(dialect);
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      DATA_DIR: db.dataDir,
    });
    const dataSource = createDataSource(config.database);
    try {
      await dataSource.initialize(); // runs the migrations (migrationsRun)
      expect(await dataSource.showMigrations()).toBe(false);
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);

      const runner = dataSource.createQueryRunner();
      const tables = dataSource.entityMetadatas.map((m) => m.tableName);
      for (const table of tables)
        expect(await runner.hasTable(table)).toBe(true);

      for (let i = 0; i < dataSource.migrations.length; i++)
        await dataSource.undoLastMigration();
      const left = [];
      for (const table of tables)
        if (await runner.hasTable(table)) left.push(table);
      expect(left).toEqual([]);
      await runner.release();
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await db.drop();
    }
  });
});
