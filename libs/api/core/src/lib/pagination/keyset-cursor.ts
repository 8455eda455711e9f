import { ValidationFailedError } from '../errors/app-error';

/**
 * A keyset cursor: the sort timestamp exactly as the database stored it (microseconds kept;
 * a JS Date would cut them to milliseconds) and the id that breaks ties.
 */
export function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const [at, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    if (
      typeof at === 'string' &&
      /^\d{4}-\d\d-\d\d[ T][\d:.]+Z?$/.test(at) &&
      typeof id === 'string'
    ) {
      return [at, id];
    }
  } catch {
    // fall through to the validation error
  }
  throw new ValidationFailedError([
    {
      field: 'cursor',
      code: 'cursor.invalid',
      message: 'Use the nextCursor of the previous page',
    },
  ]);
}

/** A keyset timestamp as the database stores it (mysql2 gives strings, SQLite text). */
export function rawTimestamp(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}
