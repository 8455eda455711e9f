import { randomUUID } from 'node:crypto';
import { eventHash, GENESIS_HASH } from '@portal/api-engine';
import type { ApplicationEventEntity } from '@portal/api-db';
import { currentWorkflow, formatReference, stateOf } from '@portal/domain';
import type { Pool } from 'mysql2/promise';

/** Title prefix of the calls that hold scratch applications: a crashed run's leftovers are found by it. */
const SCRATCH_TITLE = 'bench scratch';
const BATCH = 1000;
const DAY_MS = 86_400_000;

/** One step of a high-tech application's history, written as the portal writes it. */
interface Step {
  readonly action: string;
  readonly to: string;
  readonly party: 'enterprise' | 'system';
}

/** Where scratch applications start: the walk that led there. */
const WALKS: Record<'submitted' | 'county_review', readonly Step[]> = {
  submitted: [
    { action: 'create', to: 'draft', party: 'enterprise' },
    { action: 'submit', to: 'submitted', party: 'enterprise' },
  ],
  county_review: [
    { action: 'create', to: 'draft', party: 'enterprise' },
    { action: 'submit', to: 'submitted', party: 'enterprise' },
    { action: 'auto_check_passed', to: 'county_review', party: 'system' },
  ],
};

export interface ScratchApplication {
  readonly id: string;
  readonly version: number;
  readonly seq: number;
  /** The id of the last event (the one a job scheduled by it names). */
  readonly eventId: string;
}

/**
 * High-tech applications of the data set's companies in one county, in a call of their own, that
 * walked `state`'s path with every event SM3-chained as the portal writes it. The figures that
 * write use them and `removeScratch` deletes them with everything the portal wrote about them, so
 * the data set stays what the read figures expect.
 */
export async function insertScratch(
  pool: Pool,
  purpose: string,
  state: keyof typeof WALKS,
  count: number,
  county: string,
  log: (line: string) => void,
): Promise<{ callId: string; applications: ScratchApplication[] }> {
  const [[roster]] = (await pool.query(
    "SELECT c.bureau_id AS bureauId, c.created_by AS staffId FROM calls c WHERE c.type = 'high_tech' AND c.title NOT LIKE ? LIMIT 1",
    [`${SCRATCH_TITLE}%`],
  )) as unknown as [{ bureauId: string; staffId: string }[]];
  const [companies] = (await pool.query(
    "SELECT id, province_code AS province, city_code AS city FROM organisations WHERE kind = 'enterprise' AND county_code = ? LIMIT 500",
    [county],
  )) as unknown as [{ id: string; province: string; city: string }[]];
  if (!roster || !companies.length)
    throw new Error(`No call or companies in ${county} for scratch data`);
  const callId = randomUUID();
  const now = Date.now();
  await pool.query(
    'INSERT INTO calls (id, type, title, region_code, opens_at, closes_at, quotas, bureau_id, created_by) VALUES (?,?,?,?,?,?,?,?,?)',
    [
      callId,
      'high_tech',
      `${SCRATCH_TITLE} ${purpose}`,
      '330000',
      new Date(now - 30 * DAY_MS),
      new Date(now + 60 * DAY_MS),
      '[]',
      roster.bureauId,
      roster.staffId,
    ],
  );
  const definition = currentWorkflow('high_tech');
  const target = stateOf(definition, state);
  const walk = WALKS[state];
  const year = 2090 + (now % 10);
  const applications: ScratchApplication[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const apps: unknown[][] = [];
    const events: unknown[][] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const company = companies[i % companies.length] as (typeof companies)[0];
      const id = randomUUID();
      let prev = GENESIS_HASH;
      let from: string | null = null;
      let last: ApplicationEventEntity | null = null;
      walk.forEach((step, n) => {
        const event: ApplicationEventEntity = {
          id: randomUUID(),
          applicationId: id,
          seq: n + 1,
          action: step.action,
          fromState: from,
          toState: step.to,
          actorUserId: null,
          actorName: null,
          actorRole: null,
          party: step.party,
          comment: null,
          payload: {},
          clientIp: null,
          createdAt: new Date(now - (walk.length - n) * 60_000),
          prevHash: prev,
          hash: '',
        };
        event.hash = eventHash(event);
        prev = event.hash;
        from = step.to;
        last = event;
        events.push([
          event.id,
          id,
          event.seq,
          event.action,
          event.fromState,
          event.toState,
          event.party,
          null,
          '{}',
          event.createdAt,
          event.prevHash,
          event.hash,
        ]);
      });
      const head = last as unknown as ApplicationEventEntity;
      const version = walk.length + 1;
      applications.push({
        id,
        version,
        seq: head.seq,
        eventId: head.id,
      });
      apps.push([
        id,
        formatReference('high_tech', year, county, i + 1),
        'high_tech',
        definition.version,
        company.id,
        callId,
        company.province,
        company.city,
        county,
        state,
        target.holder,
        head.createdAt,
        target.timeLimitDays
          ? new Date(now + target.timeLimitDays * DAY_MS)
          : null,
        version,
        head.seq,
        head.hash,
        '{}',
        '{}',
        walk[1]?.action === 'submit' ? new Date(now - 60_000) : null,
        roster.staffId,
        new Date(now - walk.length * 60_000),
      ]);
    }
    await pool.query(
      'INSERT INTO applications (id, reference, type, workflow_version, organisation_id, call_id, province_code, city_code, county_code, state, holder, state_entered_at, due_at, version, event_count, chain_head, form, decision, submitted_at, created_by, created_at) VALUES ?',
      [apps],
    );
    await pool.query(
      'INSERT INTO application_events (id, application_id, seq, action, from_state, to_state, party, comment, payload, created_at, prev_hash, hash) VALUES ?',
      [events],
    );
    if ((start / BATCH) % 10 === 9)
      log(`scratch ${purpose}: ${start + BATCH}/${count}`);
  }
  return { callId, applications };
}

/** Tables whose rows name an application. */
const BY_APPLICATION = [
  'application_events',
  'outbox',
  'notifications',
  'attachments',
  'objections',
  'expert_assignments',
  'voucher_ledger_entries',
] as const;

/**
 * The chain's append-only triggers, exactly as the migration creates them. Scratch events are
 * the harness's own rows in its own database: cleanup drops the DELETE trigger for as long as it
 * deletes them and puts it back (also at the start of the next run, if a crash left it out).
 */
const NO_DELETE_TRIGGER =
  "CREATE TRIGGER `application_events_no_delete` BEFORE DELETE ON `application_events` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'application_events is append-only'";

async function ensureNoDeleteTrigger(pool: Pool): Promise<void> {
  const [rows] = (await pool.query(
    "SELECT COUNT(*) AS n FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'application_events_no_delete'",
  )) as unknown as [{ n: number }[]];
  if (!Number(rows[0]?.n)) await pool.query(NO_DELETE_TRIGGER);
}

/** Deletes the scratch applications of `callId` (all of them when null) and what names them. */
export async function removeScratch(
  pool: Pool,
  callId: string | null,
): Promise<number> {
  await ensureNoDeleteTrigger(pool);
  const [calls] = (await pool.query(
    callId
      ? 'SELECT id FROM calls WHERE id = ?'
      : 'SELECT id FROM calls WHERE title LIKE ?',
    [callId ?? `${SCRATCH_TITLE}%`],
  )) as unknown as [{ id: string }[]];
  if (!calls.length) return 0;
  let removed = 0;
  await pool.query('DROP TRIGGER `application_events_no_delete`');
  try {
    for (const call of calls) {
      for (;;) {
        const [rows] = (await pool.query(
          'SELECT id FROM applications WHERE call_id = ? LIMIT 2000',
          [call.id],
        )) as unknown as [{ id: string }[]];
        if (!rows.length) break;
        const ids = rows.map((r) => r.id);
        for (const table of BY_APPLICATION)
          await pool.query(`DELETE FROM ${table} WHERE application_id IN (?)`, [
            ids,
          ]);
        await pool.query('DELETE FROM applications WHERE id IN (?)', [ids]);
        removed += ids.length;
      }
      await pool.query('DELETE FROM calls WHERE id = ?', [call.id]);
    }
  } finally {
    await pool.query(NO_DELETE_TRIGGER);
  }
  return removed;
}
