import { randomUUID } from 'node:crypto';
import { loadConfig, PersonalDataCipher } from '@portal/api-core';
import { eventHash, GENESIS_HASH } from '@portal/api-engine';
import {
  createDataSource,
  DemoSeeder,
  usePersonalDataCipher,
  type ApplicationEventEntity,
} from '@portal/api-db';
import {
  APPLICATION_TYPES,
  currentWorkflow,
  formatReference,
  usccCheckCharacter,
  type ApplicationType,
  type TransitionDefinition,
} from '@portal/domain';
import {
  createConnection,
  createPool,
  type Connection,
  type Pool,
} from 'mysql2/promise';

export interface DatasetSize {
  readonly companies: number;
  readonly applications: number;
  /**
   * At most this many transitions walked per application (each is one event), before the
   * `create` event; with half the walks stopping at the county desk that averages ~10 events.
   */
  readonly stepsPerApplication: number;
  readonly notifications: number;
}

export const PROVINCE_SCALE: DatasetSize = {
  companies: 50_000,
  applications: 300_000,
  stepsPerApplication: 24,
  notifications: 500_000,
};

export const QUICK: DatasetSize = {
  companies: 500,
  applications: 3_000,
  stepsPerApplication: 24,
  notifications: 5_000,
};

export interface DatasetFacts {
  readonly database: string;
  readonly seeded: boolean;
  readonly seconds: number;
  readonly counts: Record<string, number>;
}

/** Four in five companies in 嘉善县, the benchmark reviewer's county. */
const COUNTIES = ['330421', '330421', '330421', '330421', '330424'] as const;
/** The key the benchmark's data set is sealed with, and its API and worker open it with. */
export const BENCH_PERSONAL_DATA_KEYS =
  'bench:00112233445566778899aabbccddeeff';

/** Bumped whenever what the seeder writes changes: a set of another layout is seeded again. */
const LAYOUT = 5;
const BATCH = 1000;
/** How often a walk takes a transition that ends the case while it could still go on. */
const ENDING_CHANCE = 0.05;
/**
 * The InnoDB buffer pool the set is seeded and measured with. Debian's default (128 MiB) holds a
 * tenth of the province set: seeding then waits on page reads for random-UUID keys (it slowed
 * from 3,400 to under 600 applications/s) and reads measure the disk, not the portal. A
 * provincial server would be sized for its data; this one has 24 GiB.
 */
const BUFFER_POOL_BYTES = 4 * 2 ** 30;
/** Batches being written while the next is generated (the seeder's CPU and MariaDB's overlap). */
const BATCHES_IN_FLIGHT = 2;
const DAY_MS = 86_400_000;

/**
 * A province-scale data set in its own MariaDB database: the demo roster (regions, bureaus,
 * reviewers, banks, experts) plus synthetic companies, applications that walked their real
 * workflow definitions (every event hash-chained like the portal writes them) and
 * notifications. Skipped when the database already holds a complete set of the same size.
 */
export async function ensureDataset(
  serverUrl: string,
  database: string,
  size: DatasetSize,
  progress: (line: string) => void,
): Promise<DatasetFacts> {
  const admin = await connect(serverUrl);
  await ensureBufferPool(admin, progress);
  const marker = JSON.stringify({ layout: LAYOUT, ...size });
  const existing = await admin
    .query(
      `SELECT size FROM \`${database}\`.bench_dataset WHERE completed_at IS NOT NULL`,
    )
    .then(([rows]) => (rows as { size: string }[])[0]?.size ?? null)
    .catch(() => null);
  if (existing === marker) {
    const counts = await countRows(admin, database);
    await admin.end();
    progress(`Data set ${database} is already seeded: skipped`);
    return { database, seeded: false, seconds: 0, counts };
  }
  const started = Date.now();
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.query(
    `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await admin.end();

  const url = `${serverUrl.replace(/\/+$/, '')}/${database}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    PERSONAL_DATA_KEYS: BENCH_PERSONAL_DATA_KEYS,
  });
  usePersonalDataCipher(new PersonalDataCipher(config.personalDataKeys));
  const dataSource = await createDataSource(config.database).initialize();
  await new DemoSeeder(dataSource).seedIfEmpty();
  await dataSource.destroy();
  progress('Migrated and seeded the demo roster');

  const db = await connect(url);
  const writers = bulkWriters(url);
  await db.query(
    'CREATE TABLE bench_dataset (size text NOT NULL, completed_at datetime(6) NULL)',
  );
  await db.query('INSERT INTO bench_dataset (size) VALUES (?)', [marker]);
  const roster = await rosterOf(db);
  const calls = await insertCalls(db, roster.bureauId, roster.staffId);
  const companies = await insertCompanies(db, size.companies, progress);
  await insertCompanyAdmins(db, companies, progress);
  await insertApplications(writers, size, companies, calls, roster, progress);
  // The references above are numbered 1..applications per type and county: the portal's own
  // numbering must continue after them, or its next application collides with one of them.
  await db.query(
    'INSERT INTO reference_sequences (type, year, region_code, last_value) SELECT type, 2026, county_code, ? FROM applications GROUP BY type, county_code ON DUPLICATE KEY UPDATE last_value = GREATEST(last_value, VALUES(last_value))',
    [size.applications],
  );
  await insertNotifications(
    db,
    writers,
    size.notifications,
    roster.staffIds,
    progress,
  );
  await writers.end();
  await db.query('UPDATE bench_dataset SET completed_at = NOW(6)');
  const counts = await countRows(db, database);
  await db.end();
  return {
    database,
    seeded: true,
    seconds: Math.round((Date.now() - started) / 1000),
    counts,
  };
}

async function connect(url: string): Promise<Connection> {
  return createConnection({
    ...connectionOptions(url),
    multipleStatements: false,
  });
}

/** mysql2's options for a `mariadb://user:password@host:port/database` URL. */
function connectionOptions(url: string) {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
    database: u.pathname.length > 1 ? u.pathname.slice(1) : undefined,
  };
}

/** Raises the server's InnoDB buffer pool to BUFFER_POOL_BYTES when it is smaller (online). */
async function ensureBufferPool(
  admin: Connection,
  progress: (line: string) => void,
): Promise<void> {
  const [rows] = await admin.query('SELECT @@innodb_buffer_pool_size AS size');
  const size = Number((rows as { size: number }[])[0]?.size ?? 0);
  if (size >= BUFFER_POOL_BYTES) return;
  await admin.query('SET GLOBAL innodb_buffer_pool_size = ?', [
    BUFFER_POOL_BYTES,
  ]);
  progress(
    `Raised MariaDB's innodb_buffer_pool_size from ${size / 2 ** 20} MiB to ${BUFFER_POOL_BYTES / 2 ** 20} MiB`,
  );
}

/**
 * Connections for the bulk INSERTs: key checks off (every row is generated consistent), and at
 * most BATCHES_IN_FLIGHT batches written at once so generating the next one overlaps the write.
 */
function bulkWriters(url: string) {
  const pool: Pool = createPool({
    ...connectionOptions(url),
    connectionLimit: BATCHES_IN_FLIGHT,
  });
  pool.pool.on('connection', (connection) => {
    connection.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  });
  let inFlight: Promise<void>[] = [];
  return {
    /** Queues one batch's statements (run in order on one connection); waits while the pipe is full. */
    async write(statements: readonly [string, unknown[]][]): Promise<void> {
      const done = (async () => {
        const connection = await pool.getConnection();
        try {
          for (const [sql, values] of statements)
            await connection.query(sql, values);
        } finally {
          connection.release();
        }
      })();
      // Rejections surface where the batch is awaited (below or in drain), not as unhandled.
      done.catch(() => undefined);
      inFlight.push(done);
      if (inFlight.length >= BATCHES_IN_FLIGHT) {
        const oldest = inFlight.shift() as Promise<void>;
        await oldest;
      }
    },
    async drain(): Promise<void> {
      const pending = inFlight;
      inFlight = [];
      await Promise.all(pending);
    },
    async end(): Promise<void> {
      await this.drain();
      await pool.end();
    },
  };
}

type BulkWriters = ReturnType<typeof bulkWriters>;

async function countRows(db: Connection, database: string) {
  const counts: Record<string, number> = {};
  for (const table of [
    'organisations',
    'applications',
    'application_events',
    'notifications',
  ]) {
    const [rows] = await db.query(
      `SELECT COUNT(*) AS n FROM \`${database}\`.\`${table}\``,
    );
    counts[table] = Number((rows as { n: number }[])[0]?.n ?? 0);
  }
  return counts;
}

interface Roster {
  readonly bureauId: string;
  readonly staffId: string;
  readonly staffIds: readonly string[];
  readonly bankId: string;
  readonly providerId: string;
}

async function rosterOf(db: Connection): Promise<Roster> {
  const one = async (sql: string) =>
    String(((await db.query(sql))[0] as { id: string }[])[0]?.id);
  const [staff] = await db.query(
    "SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.role IN ('reviewer','expert','bank_officer','service_provider')",
  );
  return {
    bureauId: await one(
      "SELECT id FROM organisations WHERE kind = 'bureau' AND level = 'province'",
    ),
    staffId: await one(
      "SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.role = 'bureau_admin' LIMIT 1",
    ),
    staffIds: (staff as { id: string }[]).map((r) => r.id),
    bankId: await one("SELECT id FROM organisations WHERE kind = 'bank'"),
    providerId: await one(
      "SELECT id FROM organisations WHERE kind = 'provider'",
    ),
  };
}

async function insertCalls(db: Connection, bureauId: string, staffId: string) {
  const calls = new Map<ApplicationType, string>();
  const now = Date.now();
  for (const type of APPLICATION_TYPES) {
    const id = randomUUID();
    calls.set(type, id);
    await db.query(
      'INSERT INTO calls (id, type, title, region_code, opens_at, closes_at, quotas, bureau_id, created_by) VALUES (?,?,?,?,?,?,?,?,?)',
      [
        id,
        type,
        `2026 ${type} (bench)`,
        '330000',
        new Date(now - 200 * DAY_MS),
        new Date(now + 60 * DAY_MS),
        '[]',
        bureauId,
        staffId,
      ],
    );
  }
  return calls;
}

interface Company {
  readonly id: string;
  readonly county: string;
}

/** The log-in of company `i`'s administrator (password: DEMO_PASSWORD), for the groups that write. */
export function companyAdminEmail(i: number): string {
  return `bench.company${i}@example.com`;
}

/**
 * One administrator per company, so groups can log in as many companies and file applications.
 * The password hash is the demo roster's (DEMO_PASSWORD): argon2 per row would take minutes.
 */
async function insertCompanyAdmins(
  db: Connection,
  companies: readonly Company[],
  progress: (line: string) => void,
): Promise<void> {
  const [hashes] = await db.query(
    "SELECT password_hash AS hash FROM users WHERE email = 'reviewer.jiashan@example.com'",
  );
  const hash = (hashes as { hash: string }[])[0]?.hash;
  if (!hash) throw new Error('The demo roster has no reviewer.jiashan');
  for (let start = 0; start < companies.length; start += BATCH) {
    const users: unknown[][] = [];
    const memberships: unknown[][] = [];
    companies.slice(start, start + BATCH).forEach((company, k) => {
      const userId = randomUUID();
      users.push([
        userId,
        companyAdminEmail(start + k),
        `基准测试企业${start + k}管理员`,
        hash,
        'zh-CN',
      ]);
      memberships.push([randomUUID(), userId, company.id, 'enterprise_admin']);
    });
    await db.query(
      'INSERT INTO users (id, email, name, password_hash, language) VALUES ?',
      [users],
    );
    await db.query(
      'INSERT INTO memberships (id, user_id, organisation_id, role) VALUES ?',
      [memberships],
    );
    if ((start / BATCH) % 10 === 0)
      progress(
        `company administrators ${Math.min(companies.length, start + BATCH)}/${companies.length}`,
      );
  }
}

async function insertCompanies(
  db: Connection,
  count: number,
  progress: (line: string) => void,
): Promise<Company[]> {
  const companies: Company[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const county = COUNTIES[i % COUNTIES.length] as string;
      const first17 = `91${county}${String(i).padStart(9, '0')}`;
      const id = randomUUID();
      companies.push({ id, county });
      rows.push([
        id,
        'enterprise',
        `基准测试企业${i}有限公司`,
        first17 + usccCheckCharacter(first17),
        county,
        '330000',
        '330400',
        county,
        'verified',
        1,
      ]);
    }
    await db.query(
      'INSERT INTO organisations (id, kind, name, credit_code, region_code, province_code, city_code, county_code, verification_status, version) VALUES ?',
      [rows],
    );
    if ((start / BATCH) % 10 === 0)
      progress(`companies ${Math.min(count, start + BATCH)}/${count}`);
  }
  return companies;
}

/**
 * A walk along the definition: mostly forward, now and then an ending. Half the walks stop at
 * the first county desk, so one county reviewer's inbox holds thousands of pages.
 */
function walk(
  type: ApplicationType,
  steps: number,
  seed: number,
  stopAtCounty: boolean,
) {
  const definition = currentWorkflow(type);
  let state = definition.initial;
  const path: { transition: TransitionDefinition; from: string }[] = [];
  let r = seed;
  const next = () => (r = (r * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < steps; i++) {
    const options = definition.transitions.filter(
      (t) => t.from.includes(state) && !t.public,
    );
    if (!options.length) break;
    const open = options.filter((t) => !definition.states[t.to]?.terminal);
    const pool = open.length && next() > ENDING_CHANCE ? open : options;
    const transition = pool[
      Math.floor(next() * pool.length)
    ] as TransitionDefinition;
    path.push({ transition, from: state });
    state = transition.to;
    if (definition.states[state]?.terminal) break;
    if (stopAtCounty && definition.states[state]?.holder === 'county') break;
  }
  return { definition, path, state };
}

async function insertApplications(
  writers: BulkWriters,
  size: DatasetSize,
  companies: readonly Company[],
  calls: Map<ApplicationType, string>,
  roster: Roster,
  progress: (line: string) => void,
): Promise<void> {
  const started = Date.now();
  let events = 0;
  for (let start = 0; start < size.applications; start += BATCH) {
    const apps: unknown[][] = [];
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(size.applications, start + BATCH); i++) {
      const type = APPLICATION_TYPES[
        i % APPLICATION_TYPES.length
      ] as ApplicationType;
      const company = companies[i % companies.length] as Company;
      const id = randomUUID();
      const { definition, path, state } = walk(
        type,
        size.stepsPerApplication,
        i + 1,
        i % 2 === 0,
      );
      const target = definition.states[state];
      const createdAt = new Date(Date.now() - (200 - (i % 190)) * DAY_MS);
      let prev = GENESIS_HASH;
      let at = createdAt.getTime();
      const chain: ApplicationEventEntity[] = [];
      const steps = [
        {
          action: 'create',
          from: null as string | null,
          to: definition.initial,
          party: 'enterprise' as const,
        },
        ...path.map((p) => ({
          action: p.transition.action,
          from: p.from,
          to: p.transition.to,
          party: p.transition.by[0] ?? 'system',
        })),
      ];
      steps.forEach((step, n) => {
        at += 3_600_000 * (1 + (n % 7));
        const event: ApplicationEventEntity = {
          id: randomUUID(),
          applicationId: id,
          seq: n + 1,
          action: step.action,
          fromState: step.from,
          toState: step.to,
          actorUserId: null,
          actorName: null,
          actorRole: null,
          party: step.party,
          comment: n % 3 === 2 ? '基准测试意见' : null,
          payload: {},
          clientIp: null,
          createdAt: new Date(at),
          prevHash: prev,
          hash: '',
        };
        event.hash = eventHash(event);
        prev = event.hash;
        chain.push(event);
      });
      const last = chain[chain.length - 1] as ApplicationEventEntity;
      const holder = target?.terminal ? null : (target?.holder ?? null);
      apps.push([
        id,
        formatReference(type, 2026, company.county, i + 1),
        type,
        definition.version,
        company.id,
        calls.get(type),
        '330000',
        '330400',
        company.county,
        state,
        holder,
        last.createdAt,
        holder && target?.timeLimitDays
          ? new Date(last.createdAt.getTime() + target.timeLimitDays * DAY_MS)
          : null,
        chain.length + 1,
        chain.length,
        last.hash,
        '{}',
        '{}',
        holder === 'bank' || type === 'transformation_loan'
          ? roster.bankId
          : null,
        type === 'innovation_voucher' ? roster.providerId : null,
        chain.length > 1 ? chain[1]?.createdAt : null,
        roster.staffId,
        createdAt,
      ]);
      for (const e of chain)
        rows.push([
          e.id,
          e.applicationId,
          e.seq,
          e.action,
          e.fromState,
          e.toState,
          e.party,
          e.comment,
          '{}',
          e.createdAt,
          e.prevHash,
          e.hash,
        ]);
    }
    const statements: [string, unknown[]][] = [
      [
        'INSERT INTO applications (id, reference, type, workflow_version, organisation_id, call_id, province_code, city_code, county_code, state, holder, state_entered_at, due_at, version, event_count, chain_head, form, decision, bank_id, provider_id, submitted_at, created_by, created_at) VALUES ?',
        [apps],
      ],
    ];
    for (let k = 0; k < rows.length; k += BATCH)
      statements.push([
        'INSERT INTO application_events (id, application_id, seq, action, from_state, to_state, party, comment, payload, created_at, prev_hash, hash) VALUES ?',
        [rows.slice(k, k + BATCH)],
      ]);
    await writers.write(statements);
    events += rows.length;
    if ((start / BATCH) % 10 === 0 || start + BATCH >= size.applications) {
      const done = Math.min(size.applications, start + BATCH);
      const rate = Math.round(done / ((Date.now() - started) / 1000));
      progress(
        `applications ${done}/${size.applications} (${events} events, ${rate} applications/s)`,
      );
    }
  }
  await writers.drain();
}

async function insertNotifications(
  db: Connection,
  writers: BulkWriters,
  count: number,
  userIds: readonly string[],
  progress: (line: string) => void,
): Promise<void> {
  const [apps] = await db.query(
    `SELECT id FROM applications LIMIT ${Math.max(1, Math.ceil(count / 4))}`,
  );
  const ids = (apps as { id: string }[]).map((a) => a.id);
  for (let start = 0; start < count; start += BATCH) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const at = new Date(Date.now() - (i % 10_000) * 60_000);
      const channel = i % 2 ? 'portal' : 'email';
      rows.push([
        randomUUID(),
        `bench:${i}`,
        'status_change',
        'status_change',
        channel,
        userIds[i % userIds.length],
        channel === 'email' ? 'bench@example.com' : null,
        'zh-CN',
        ids[i % ids.length],
        null,
        0,
        '【基准】状态变更',
        '基准测试通知',
        null,
        `/applications/${ids[i % ids.length]}`,
        'sent',
        1,
        at,
        at,
        at,
        channel === 'email' ? at : null,
        i % 3 ? at : null,
      ]);
    }
    await writers.write([
      [
        'INSERT INTO notifications (id, cause_key, kind, category, channel, user_id, address, language, application_id, event_id, mandatory, subject, body_text, body_html, link, status, attempts, committed_at, created_at, queued_at, accepted_at, read_at) VALUES ?',
        [rows],
      ],
    ]);
    if ((start / BATCH) % 50 === 0 || start + BATCH >= count)
      progress(`notifications ${Math.min(count, start + BATCH)}/${count}`);
  }
  await writers.drain();
}
