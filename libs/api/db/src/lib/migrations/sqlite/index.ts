import { Foundation1764270000000 } from './1764270000000-foundation';

/** In order; each mirrors the MySQL migration of the same name. */
export const SQLITE_MIGRATIONS = [Foundation1764270000000];
