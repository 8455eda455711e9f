import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import {
  parsePersonalDataKeys,
  type PersonalDataKey,
} from '../security/personal-data-cipher';

/** Raised at boot when an environment variable is missing or malformed. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error in ${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export type DatabaseConfig =
  /** `flavour` follows the URL scheme (mysql:// or mariadb://); TypeORM reads catalogs differently. */
  | {
      readonly type: 'mysql';
      readonly flavour: 'mysql' | 'mariadb';
      readonly url: string;
    }
  | { readonly type: 'sqlite'; readonly file: string };

/**
 * How soon work that a dead process left behind is taken up again. The defaults suit
 * production; the fault suite shortens them to prove the same recovery in seconds.
 */
export interface RecoveryTimings {
  /** A running Bull job's lock: a job whose worker died is free again once it runs out. */
  readonly queueLockMs: number;
  /** How often Bull looks for jobs whose lock ran out (stalled) and re-runs them. */
  readonly stalledCheckMs: number;
  /** How long a send holds its e-mail row: longer than the SMTP timeouts, short enough to recover. */
  readonly mailClaimMs: number;
  /** A handed-over outbox row or queued e-mail not done by then is checked against Redis. */
  readonly redispatchAfterMs: number;
}

/** The whole configuration, parsed once at boot. Nothing else reads process.env. */
export class AppConfig {
  /** development | production | test */
  readonly nodeEnv!: 'development' | 'production' | 'test';
  readonly database!: DatabaseConfig;
  readonly redisUrl!: string;
  /** Unset: e-mails are written as .eml files under `mailDir`. */
  readonly smtpUrl!: string | null;
  readonly mailFrom!: string;
  /** Sends in flight at once per worker process (and SMTP pool connections). */
  readonly mailConcurrency!: number;
  /** When reviewers' daily digests go out, HH:MM China time. */
  readonly digestTime!: string;
  /** Where users reach the portal; links in e-mails start with it. */
  readonly publicUrl!: string;
  readonly port!: number;
  /** Absolute path of the data directory (SQLite file, mail, uploads, generated secret, Redis). */
  readonly dataDir!: string;
  readonly mailDir!: string;
  /** Whether this API process also runs the queue processors. */
  readonly runWorkers!: boolean;
  readonly sessionSecret!: string;
  /**
   * Keys that seal personal data at rest (SM4); the first seals, all open. Kept outside the
   * database: in the environment, or outside production in DATA_DIR/personal-data-key.
   */
  readonly personalDataKeys!: readonly PersonalDataKey[];
  /** Bureau staff, admins and auditors must use a TOTP second factor. */
  readonly requireStaffSecondFactor!: boolean;
  readonly logLevel!:
    | 'fatal'
    | 'error'
    | 'warn'
    | 'info'
    | 'debug'
    | 'trace'
    | 'silent';
  /** Requests per minute and IP on each authentication endpoint. */
  readonly authRateLimitPerMinute!: number;
  /**
   * Proxies whose X-Forwarded-For is believed (addresses or CIDRs, or a hop count). The client
   * IP decides rate limits and is written to the audit log, so only trust your own proxies.
   */
  readonly trustProxy!: string[] | number | false;
  /** Prefix of every Redis key (queues, rate limits): lets deployments or test runs share a Redis. */
  readonly redisPrefix!: string;
  /** Seed demo data into an empty database on start (never in production). */
  readonly seedDemoData!: boolean;
  /**
   * Serve the OpenAPI document and its viewer at /api/docs. Off by default in production: the
   * document maps every route for whoever asks, signed in or not.
   */
  readonly apiDocs!: boolean;
  /**
   * A system administrator may move the portal's business clock forward (demos and acceptance
   * tests: a notice's end without waiting ten working days). Never in production.
   */
  readonly devClock!: boolean;
  /** Where uploaded materials are stored, under random names. */
  readonly uploadDir!: string;
  /** The largest single upload, in bytes (a material's own limit may be lower). */
  readonly uploadMaxBytes!: number;
  /** What one company may keep uploaded in total, in bytes. */
  readonly uploadQuotaBytes!: number;
  readonly recovery!: RecoveryTimings;

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}

const bool = (name: string) =>
  z
    .string()
    .transform((v, ctx) => {
      const s = v.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(s)) return true;
      if (['0', 'false', 'no', 'off'].includes(s)) return false;
      ctx.addIssue({
        code: 'custom',
        message: `${name} must be true or false, got "${v}"`,
      });
      return z.NEVER;
    })
    .optional();

/** The mailer gives up on a silent SMTP connection after this long. */
export const SMTP_SOCKET_TIMEOUT_SECONDS = 30;

const seconds = (min: number, max: number) =>
  z.coerce
    .number()
    .int(`must be a whole number of seconds`)
    .min(min, `must be at least ${min} seconds`)
    .max(max, `must be at most ${max} seconds`)
    .optional();

const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'])
    .default('development'),
  DATABASE_URL: z
    .string()
    .regex(
      /^(mysql|mariadb):\/\/.+|^sqlite:.+/,
      'must start with mysql:// or sqlite:',
    )
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'must start with redis:// or rediss://')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(100).optional(),
  DIGEST_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour, China time)')
    .optional(),
  PUBLIC_URL: z
    .url('must be an absolute URL such as https://portal.example.gov.cn')
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  DATA_DIR: z.string().min(1).optional(),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1024).optional(),
  UPLOAD_QUOTA_MB: z.coerce.number().int().min(1).max(1_000_000).optional(),
  RUN_WORKERS: bool('RUN_WORKERS'),
  SESSION_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional(),
  PERSONAL_DATA_KEYS: z
    .string()
    .transform((value, ctx) => {
      try {
        return parsePersonalDataKeys(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    })
    .optional(),
  REQUIRE_STAFF_2FA: bool('REQUIRE_STAFF_2FA'),
  /** Production only: serve on an http: PUBLIC_URL (a local trial), knowing sessions travel unencrypted. */
  ALLOW_HTTP_PUBLIC_URL: bool('ALLOW_HTTP_PUBLIC_URL'),
  /** Production only: REQUIRE_STAFF_2FA=false is taken only with this acknowledgement. */
  STAFF_2FA_OFF_ACKNOWLEDGED: bool('STAFF_2FA_OFF_ACKNOWLEDGED'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .optional(),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .max(100000)
    .optional(),
  SEED_DEMO_DATA: bool('SEED_DEMO_DATA'),
  API_DOCS: bool('API_DOCS'),
  DEV_CLOCK: bool('DEV_CLOCK'),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(false|\d{1,2}|[0-9a-fA-F:./]+(,[0-9a-fA-F:./]+)*)$/,
      'use false, a hop count, or comma-separated addresses/CIDRs',
    )
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'use 1-40 letters, digits, _ or -')
    .optional(),
  QUEUE_LOCK_SECONDS: seconds(2, 600),
  QUEUE_STALLED_CHECK_SECONDS: seconds(1, 600),
  MAIL_CLAIM_SECONDS: seconds(2, 3600),
  REDISPATCH_AFTER_SECONDS: seconds(2, 3600),
});

type Env = Record<string, string | undefined>;

/** `openssl rand -base64 48` gives some 40 different characters; 32 × "a" gives one. */
const MIN_SECRET_DISTINCT_CHARACTERS = 16;

/** Parses and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(
  env: Env = process.env,
  cwd = process.cwd(),
): AppConfig {
  const cleaned: Env = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') cleaned[key] = value;
  }
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      String(issue?.path[0] ?? 'environment'),
      issue?.message ?? 'invalid',
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const dataDir = resolvePath(e.DATA_DIR ?? './data', cwd);
  const port = e.PORT ?? 3000;

  if (production && !e.SESSION_SECRET) {
    throw new ConfigError(
      'SESSION_SECRET',
      'required when NODE_ENV=production (at least 32 characters)',
    );
  }
  if (
    production &&
    e.SESSION_SECRET &&
    new Set(e.SESSION_SECRET).size < MIN_SECRET_DISTINCT_CHARACTERS
  ) {
    throw new ConfigError(
      'SESSION_SECRET',
      `looks guessable (fewer than ${MIN_SECRET_DISTINCT_CHARACTERS} different characters); generate one with: openssl rand -base64 48`,
    );
  }
  if (production && !e.PERSONAL_DATA_KEYS) {
    throw new ConfigError(
      'PERSONAL_DATA_KEYS',
      'required when NODE_ENV=production: the key that seals phone numbers at rest, kept outside the database (k1:$(openssl rand -hex 16))',
    );
  }
  if (production && !e.DATABASE_URL) {
    throw new ConfigError(
      'DATABASE_URL',
      'required when NODE_ENV=production (mysql://user:pass@host/db)',
    );
  }
  if (production && e.SEED_DEMO_DATA) {
    throw new ConfigError(
      'SEED_DEMO_DATA',
      'demo data is never seeded when NODE_ENV=production',
    );
  }
  if (production && e.DEV_CLOCK) {
    throw new ConfigError(
      'DEV_CLOCK',
      'the development clock is never available when NODE_ENV=production',
    );
  }

  if (
    production &&
    !(e.PUBLIC_URL ?? '').startsWith('https:') &&
    !e.ALLOW_HTTP_PUBLIC_URL
  ) {
    throw new ConfigError(
      'PUBLIC_URL',
      'must be an https:// address in production (session cookies would travel unencrypted); for a local trial set ALLOW_HTTP_PUBLIC_URL=true',
    );
  }
  if (
    production &&
    e.REQUIRE_STAFF_2FA === false &&
    !e.STAFF_2FA_OFF_ACKNOWLEDGED
  ) {
    throw new ConfigError(
      'REQUIRE_STAFF_2FA',
      'turning off the staff second factor in production needs STAFF_2FA_OFF_ACKNOWLEDGED=true as well',
    );
  }
  if (
    production &&
    e.MAIL_CLAIM_SECONDS !== undefined &&
    e.MAIL_CLAIM_SECONDS <= SMTP_SOCKET_TIMEOUT_SECONDS
  ) {
    throw new ConfigError(
      'MAIL_CLAIM_SECONDS',
      `must be longer than the SMTP socket timeout (${SMTP_SOCKET_TIMEOUT_SECONDS} s) in production, or a slow send could go out twice`,
    );
  }

  const config: AppConfig = Object.assign(new AppConfig(), {
    nodeEnv: e.NODE_ENV,
    database: parseDatabaseUrl(e.DATABASE_URL, dataDir, cwd),
    redisUrl: e.REDIS_URL ?? 'redis://127.0.0.1:6379',
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM ?? '科技局企业服务门户 <no-reply@portal.localhost>',
    mailConcurrency: e.MAIL_CONCURRENCY ?? 10,
    digestTime: e.DIGEST_TIME ?? '08:00',
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    port,
    dataDir,
    mailDir: join(dataDir, 'mail'),
    runWorkers: e.RUN_WORKERS ?? true,
    sessionSecret: e.SESSION_SECRET ?? generatedSecret(dataDir),
    personalDataKeys: e.PERSONAL_DATA_KEYS ?? generatedPersonalDataKey(dataDir),
    requireStaffSecondFactor: e.REQUIRE_STAFF_2FA ?? production,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'warn' : 'info'),
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE ?? 30,
    redisPrefix: e.REDIS_PREFIX ?? 'portal',
    trustProxy: parseTrustProxy(e.TRUST_PROXY ?? '127.0.0.1,::1'),
    seedDemoData: e.SEED_DEMO_DATA ?? !production,
    apiDocs: e.API_DOCS ?? !production,
    devClock: e.DEV_CLOCK ?? !production,
    uploadDir: join(dataDir, 'uploads'),
    uploadMaxBytes: (e.UPLOAD_MAX_MB ?? 20) * 1024 * 1024,
    uploadQuotaBytes: (e.UPLOAD_QUOTA_MB ?? 2048) * 1024 * 1024,
    recovery: {
      queueLockMs: (e.QUEUE_LOCK_SECONDS ?? 30) * 1000,
      stalledCheckMs: (e.QUEUE_STALLED_CHECK_SECONDS ?? 15) * 1000,
      mailClaimMs: (e.MAIL_CLAIM_SECONDS ?? 60) * 1000,
      redispatchAfterMs: (e.REDISPATCH_AFTER_SECONDS ?? 60) * 1000,
    },
  });
  return config;
}

function parseTrustProxy(value: string): string[] | number | false {
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',');
}

function resolvePath(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

function parseDatabaseUrl(
  url: string | undefined,
  dataDir: string,
  cwd: string,
): DatabaseConfig {
  if (!url) return { type: 'sqlite', file: join(dataDir, 'portal.sqlite') };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!file)
      throw new ConfigError(
        'DATABASE_URL',
        'sqlite: needs a file path, e.g. sqlite:./data/portal.sqlite',
      );
    return {
      type: 'sqlite',
      file: file === ':memory:' ? file : resolvePath(file, cwd),
    };
  }
  try {
    new URL(url.replace(/^mariadb:/, 'mysql:'));
  } catch {
    throw new ConfigError(
      'DATABASE_URL',
      'is not a valid URL (mysql://user:password@host:3306/database)',
    );
  }
  return {
    type: 'mysql',
    flavour: url.startsWith('mariadb:') ? 'mariadb' : 'mysql',
    url: url.replace(/^mariadb:/, 'mysql:'),
  };
}

/** Outside production a missing SESSION_SECRET is generated once and kept under DATA_DIR. */
/** Outside production a missing PERSONAL_DATA_KEYS is one key generated once under DATA_DIR. */
function generatedPersonalDataKey(dataDir: string): PersonalDataKey[] {
  const file = join(dataDir, 'personal-data-key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      // 'wx': an API and a worker starting together on one DATA_DIR keep the first one's key.
      writeFileSync(file, `local:${randomBytes(16).toString('hex')}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return parsePersonalDataKeys(readFileSync(file, 'utf8').trim());
}

function generatedSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
