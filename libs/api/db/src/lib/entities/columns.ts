import {
  Column,
  CreateDateColumn,
  UpdateDateColumn,
  type ColumnOptions,
  type PrimaryColumnOptions,
} from 'typeorm';

/**
 * Column shapes that mean the same on MySQL/MariaDB and SQLite, so one set of entities serves
 * both dialects and each dialect's migrations can be checked against it.
 */
export const idColumn: PrimaryColumnOptions = { type: 'varchar', length: 36 };

export const TimestampColumn = (options: ColumnOptions = {}) =>
  Column({ type: 'datetime', precision: 6, ...options });

export const CreatedAt = (name = 'created_at') =>
  CreateDateColumn({ name, type: 'datetime', precision: 6 });

export const UpdatedAt = (name = 'updated_at') =>
  UpdateDateColumn({ name, type: 'datetime', precision: 6 });
