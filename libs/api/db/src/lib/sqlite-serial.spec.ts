import Database from 'better-sqlite3';
import { loadConfig } from '@portal/api-core';
import { createTestDatabase } from '@portal/api-testing';
import { createDataSource } from './data-source';
import { CalendarOverrideEntity } from './entities';

const row = (date: string) => ({
  date,
  kind: 'holiday' as const,
  note: 'test',
  createdBy: 'test',
});

describe('transactions on SQLite (one connection)', () => {
  it('run one at a time: rollbacks undo only their own work, and everything committed reaches the file', async () => {
    const db = await createTestDatabase('sqlite');
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      DATA_DIR: db.dataDir,
    });
    const dataSource = await createDataSource(config.database).initialize();
    try {
      const day = (n: number) =>
        `2031-${String(1 + Math.floor(n / 28)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
      const work = Array.from({ length: 120 }, (_, n) => {
        if (n % 3 === 2)
          // outside any transaction, while others run
          return dataSource
            .getRepository(CalendarOverrideEntity)
            .insert(row(day(n)));
        return dataSource
          .transaction(async (em) => {
            await em.insert(CalendarOverrideEntity, row(day(n)));
            await new Promise((r) => setTimeout(r, n % 5));
            await em.transaction((inner) =>
              inner.update(
                CalendarOverrideEntity,
                { date: day(n) },
                { note: 'nested' },
              ),
            );
            if (n % 3 === 1) throw new Error('roll back');
          })
          .catch(() => undefined);
      });
      await Promise.all(work);

      // A second connection sees only what was committed: nothing may be left open.
      if (config.database.type !== 'sqlite') throw new Error('SQLite expected');
      const reader = new Database(config.database.file, { readonly: true });
      const dates = (
        reader.prepare('SELECT date, note FROM calendar_overrides').all() as {
          date: string;
          note: string;
        }[]
      ).sort((a, b) => a.date.localeCompare(b.date));
      reader.close();
      const expected = Array.from({ length: 120 }, (_, n) => n)
        .filter((n) => n % 3 !== 1)
        .map((n) => ({ date: day(n), note: n % 3 === 0 ? 'nested' : 'test' }))
        .sort((a, b) => a.date.localeCompare(b.date));
      expect(dates).toEqual(expected);
    } finally {
      await dataSource.destroy();
      await db.drop();
    }
  });
});
