import { loadConfig } from '@portal/api-core';
import {
  createTestDatabase,
  DIALECTS,
  type TestDatabase,
} from '@portal/api-testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { OrganisationEntity, OutboxEntity } from './entities';
import { insertRows, rawDate, rawDateOrNull, updateRow } from './rows';

describe('rawDate', () => {
  it("reads MariaDB's DATETIME(6) string as UTC, microseconds cut to milliseconds", () => {
    expect(rawDate('2026-03-01 08:15:30.123456').toISOString()).toBe(
      '2026-03-01T08:15:30.123Z',
    );
  });

  it("reads SQLite's stored string and zoned strings as given", () => {
    expect(rawDate('2026-03-01 08:15:30.123').toISOString()).toBe(
      '2026-03-01T08:15:30.123Z',
    );
    expect(rawDate('2026-03-01T08:15:30.000+08:00').toISOString()).toBe(
      '2026-03-01T00:15:30.000Z',
    );
  });

  it('passes Dates and nulls through', () => {
    const at = new Date('2026-03-01T00:00:00Z');
    expect(rawDate(at)).toBe(at);
    expect(rawDateOrNull(null)).toBeNull();
  });
});

describe.each(DIALECTS)('rows written out on %s', (dialect) => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      DATA_DIR: db.dataDir,
    });
    dataSource = await createDataSource(config.database).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const outboxRow = (
    id: string,
    dispatchedAt: Date | null = null,
  ): OutboxEntity => ({
    id,
    applicationId: 'app-1',
    eventId: 'event-1',
    queue: 'notify',
    jobName: 'notify',
    payload: { to: ['张三 <a@example.com>'], nested: { n: 1 } },
    runAt: new Date('2026-03-01T08:15:30.123Z'),
    createdAt: new Date('2026-01-01T00:00:00Z'),
    dispatchedAt,
    completedAt: null,
  });
  const stored = async (table: string, column: string, ids: string[]) =>
    (await dataSource.query(
      `SELECT * FROM ${table} WHERE ${column} IN (${ids.map(() => '?').join(', ')}) ORDER BY ${column}`,
      ids,
    )) as Record<string, unknown>[];

  it("stores what TypeORM's own insert stores, column for column, rows of different shapes in one call", async () => {
    const mine = [
      outboxRow('o-1'),
      outboxRow('o-2', new Date('2026-03-02T00:00:00.5Z')),
    ];
    const theirs = [
      outboxRow('t-1'),
      outboxRow('t-2', new Date('2026-03-02T00:00:00.5Z')),
    ];
    expect(await insertRows(dataSource.manager, OutboxEntity, mine)).toBe(2);
    // TypeORM's partial-entity type cannot see through the JSON column's type.
    await dataSource.manager.insert(OutboxEntity, theirs as never);
    const [o1, o2] = await stored('outbox', 'id', ['o-1', 'o-2']);
    const [t1, t2] = await stored('outbox', 'id', ['t-1', 't-2']);
    expect({ ...o1, id: 't-1' }).toEqual(t1);
    expect({ ...o2, id: 't-2' }).toEqual(t2);
    const read = await dataSource
      .getRepository(OutboxEntity)
      .findOneByOrFail({ id: 'o-2' });
    expect(read.payload).toEqual(mine[1]?.payload);
    expect(read.dispatchedAt?.toISOString()).toBe('2026-03-02T00:00:00.500Z');
  });

  it('dates a new row, starts its version at 1, and an update moves both on and counts the rows it changed', async () => {
    const before = Date.now();
    await insertRows(dataSource.manager, OrganisationEntity, {
      id: 'org-1',
      kind: 'enterprise',
      name: '测试科技有限公司',
      creditCode: null,
      regionCode: '330106',
      provinceCode: '330000',
      cityCode: '330100',
      countyCode: '330106',
      level: null,
      verificationStatus: 'pending',
    } as OrganisationEntity);
    const repository = dataSource.getRepository(OrganisationEntity);
    const created = await repository.findOneByOrFail({ id: 'org-1' });
    expect(created.version).toBe(1);
    expect(created.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(created.contactEmail).toBeNull();

    await new Promise((r) => setTimeout(r, 5));
    expect(
      await updateRow(
        dataSource.manager,
        OrganisationEntity,
        { id: 'org-1', version: 1 },
        { name: '新名称', verifiedAt: new Date('2026-05-01T00:00:00Z') },
      ),
    ).toBe(1);
    const updated = await repository.findOneByOrFail({ id: 'org-1' });
    expect(updated).toMatchObject({ name: '新名称', version: 2 });
    expect(updated.verifiedAt?.toISOString()).toBe('2026-05-01T00:00:00.000Z');
    expect(updated.updatedAt.getTime()).toBeGreaterThan(
      created.updatedAt.getTime(),
    );
    expect(
      await updateRow(
        dataSource.manager,
        OrganisationEntity,
        { id: 'org-1', version: 1 },
        { name: 'stale' },
      ),
    ).toBe(0);
    expect((await repository.findOneByOrFail({ id: 'org-1' })).name).toBe(
      '新名称',
    );
  });

  it('writes inside the caller’s transaction: a rollback takes it back', async () => {
    await dataSource
      .transaction(async (em) => {
        await insertRows(em, OutboxEntity, outboxRow('r-1'));
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await stored('outbox', 'id', ['r-1'])).toEqual([]);
  });

  it('updates by a list and by IS NULL, and an empty list changes nothing', async () => {
    await insertRows(dataSource.manager, OutboxEntity, [
      outboxRow('l-1'),
      outboxRow('l-2', new Date('2026-03-02T00:00:00Z')),
      outboxRow('l-3'),
    ]);
    const at = new Date('2026-04-01T00:00:00Z');
    expect(
      await updateRow(
        dataSource.manager,
        OutboxEntity,
        { id: ['l-1', 'l-2'], dispatchedAt: null },
        { dispatchedAt: at },
      ),
    ).toBe(1);
    expect(
      await updateRow(
        dataSource.manager,
        OutboxEntity,
        { id: [] },
        { dispatchedAt: at },
      ),
    ).toBe(0);
    const rows = await dataSource
      .getRepository(OutboxEntity)
      .find({ order: { id: 'ASC' }, where: { applicationId: 'app-1' } });
    expect(
      rows
        .filter((r) => r.id.startsWith('l-'))
        .map((r) => [r.id, r.dispatchedAt?.toISOString() ?? null]),
    ).toEqual([
      ['l-1', '2026-04-01T00:00:00.000Z'],
      ['l-2', '2026-03-02T00:00:00.000Z'],
      ['l-3', null],
    ]);
  });

  it('refuses a condition that names no column', async () => {
    await expect(
      updateRow(
        dataSource.manager,
        OutboxEntity,
        { id: 'o-1', nope: 1 } as Partial<OutboxEntity>,
        { queue: 'x' },
      ),
    ).rejects.toThrow(/names no column of outbox/);
  });
});
