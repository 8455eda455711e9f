import { Column, type ColumnOptions } from 'typeorm';

/** JSON kept as text: the same column on MySQL/MariaDB and SQLite. */
export const JsonColumn = (options: ColumnOptions = {}) =>
  Column({ type: 'simple-json', ...options });

/** bigint comes back as a string from mysql2; whole yuan fit a JS number up to 9e15. */
export const yuan = {
  to: (value: number) => value,
  from: (value: string | number | null) =>
    value === null ? null : Number(value),
};
