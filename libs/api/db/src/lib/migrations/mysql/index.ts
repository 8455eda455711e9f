import { Foundation1764270000000 } from './1764270000000-foundation';

/** In order. Each file is reviewed by hand; never edit one that has shipped. */
export const MYSQL_MIGRATIONS = [Foundation1764270000000];
