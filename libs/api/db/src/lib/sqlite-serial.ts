import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * better-sqlite3 gives TypeORM one connection, and TypeORM runs every transaction on it: two at
 * once (a request and a queue handler) would nest as savepoints of each other, one's rollback
 * would undo the other's work, and an unlucky interleaving leaves a transaction open for good —
 * nothing after it would ever reach the file. On SQLite transactions therefore run one at a
 * time, and a statement from outside the running transaction waits until it has ended.
 * (MySQL/MariaDB have a pool with a connection per transaction and need none of this.)
 */
export function serializeSqliteTransactions(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const owner = new AsyncLocalStorage<symbol>();
  let running: { token: symbol; ended: Promise<void> } | null = null;
  let outside = 0;
  let drained: (() => void)[] = [];
  const mine = () => running !== null && owner.getStore() === running.token;

  const manager: EntityManager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (
    ...args: unknown[]
  ) => Promise<unknown>;
  manager.transaction = (async (...args: unknown[]) => {
    if (mine()) return transaction(...args);
    while (running) await running.ended;
    let end!: () => void;
    const token = Symbol('sqlite transaction');
    running = { token, ended: new Promise<void>((r) => (end = r)) };
    try {
      // Statements already under way outside finish first.
      if (outside > 0) await new Promise<void>((r) => drained.push(r));
      return await owner.run(token, () => transaction(...args));
    } finally {
      running = null;
      end();
    }
  }) as EntityManager['transaction'];

  const driver = dataSource.driver;
  const create = driver.createQueryRunner.bind(driver);
  const patched = new WeakSet<QueryRunner>();
  driver.createQueryRunner = (mode) => {
    const runner = create(mode);
    if (patched.has(runner)) return runner;
    patched.add(runner);
    const query = runner.query.bind(runner) as (
      ...args: unknown[]
    ) => Promise<unknown>;
    runner.query = (async (...args: unknown[]) => {
      if (mine()) return query(...args);
      while (running) await running.ended;
      outside++;
      try {
        return await query(...args);
      } finally {
        if (--outside === 0) {
          const waiting = drained;
          drained = [];
          for (const resume of waiting) resume();
        }
      }
    }) as QueryRunner['query'];
    return runner;
  };
}
