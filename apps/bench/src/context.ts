import type { Pool } from 'mysql2/promise';
import type { DatasetFacts } from './dataset';
import type { Proc } from './processes';
import type { Figure } from './report';
import type { CountingSmtpServer } from './smtp';

/** What every group of figures gets: the running portal, its database and the run's settings. */
export interface BenchContext {
  readonly quick: boolean;
  /** Seconds per autocannon measurement. */
  readonly seconds: number;
  /** The API's base URL, e.g. http://127.0.0.1:4401. */
  readonly base: string;
  /** The bare NestJS-on-Fastify server's base URL (one route: GET /ping). */
  readonly bareBase: string;
  /** The environment the API and worker were started with (DATABASE_URL, REDIS_URL, REDIS_PREFIX, ...). */
  readonly env: Readonly<Record<string, string>>;
  /** The local SMTP server the API and worker send to (SMTP_URL); it counts what it accepts. */
  readonly smtp: CountingSmtpServer;
  readonly api: Proc;
  readonly worker: Proc;
  /** mysql2 pool (32 connections) on the benchmark database, for raw ceilings and checks. */
  readonly pool: Pool;
  readonly dataset: DatasetFacts;
  readonly log: (line: string) => void;
  /** Figures measured earlier in this run, by id (later groups may use them as ceilings). */
  readonly measured: ReadonlyMap<string, Figure>;
}

/** One group of figures (one file under figures/), run in the order of GROUPS in main.ts. */
export interface FigureGroup {
  /** The ids it reports, e.g. ['C0', 'P0']; `--only P1` runs the groups naming P1. */
  readonly ids: readonly string[];
  measure(context: BenchContext): Promise<Figure[]>;
}
