import { waitFor, type TestSmtpServer } from '@portal/api-testing';
import type { DataSource } from 'typeorm';

/** What a fault case reconciles: its applications, against the database and the mail server. */
export interface ReconcileInput {
  readonly dataSource: DataSource;
  readonly smtp: TestSmtpServer;
  readonly applicationIds: readonly string[];
  /** PUBLIC_URL's host: mails carry Message-ID `<notificationId@host>`. */
  readonly mailHost: string;
  /** How long the outbox may take to drain and the mails to arrive after the fault ended. */
  readonly deadlineMs?: number;
  /**
   * Mails whose send was cut off between the SMTP server's acceptance and its record (rows left
   * `sending` by the fault): the documented window in which a mail may arrive a second time,
   * with the same Message-ID. Any other mail must arrive exactly once.
   */
  readonly mayRepeat?: readonly string[];
}

export interface Reconciliation {
  readonly applications: number;
  readonly events: number;
  readonly outboxRows: number;
  readonly automatedChecks: number;
  readonly mails: number;
  /** Mails of `mayRepeat` that did arrive twice. */
  readonly repeated: number;
  /** From the call until every due outbox row was done and every mail sent. */
  readonly drainedInMs: number;
}

interface EventRow {
  application_id: string;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
}

/**
 * The one check after every fault: nothing half-done, nothing lost, nothing twice.
 * - every application's events form a gapless chain (seq 1..n, each step starting where the last
 *   ended) and the application stands where its last event put it, with that many events;
 * - every due outbox row was done (completed_at), exactly one automated check ran per
 *   submission, and no outbox row belongs to an event that does not exist;
 * - every e-mail notification was sent, no recipient was notified twice of one event, and the
 *   SMTP server accepted each exactly once (Message-ID `<notificationId@host>`).
 */
export async function reconcile(
  input: ReconcileInput,
): Promise<Reconciliation> {
  const { dataSource, smtp, applicationIds: ids, mailHost } = input;
  const deadlineMs = input.deadlineMs ?? 60_000;
  expect(ids.length).toBeGreaterThan(0);
  const started = Date.now();
  const query = async <T>(sql: string, params: readonly unknown[] = []) =>
    (await dataSource.query(sql, params)) as T[];
  const inIds = `(${ids.map(() => '?').join(',')})`;

  const pendingOutbox = async () =>
    query<{ id: string; job_name: string; dispatched_at: Date | null }>(
      `SELECT id, job_name, dispatched_at FROM outbox WHERE application_id IN ${inIds} AND run_at <= ? AND completed_at IS NULL`,
      [...ids, new Date()],
    );
  const unsentMails = async () =>
    query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM notifications WHERE application_id IN ${inIds} AND channel = 'email' AND status <> 'sent'`,
      ids,
    );
  const unsentDetail = async () =>
    query<{
      id: string;
      status: string;
      attempts: number;
      last_error: string | null;
    }>(
      `SELECT id, status, attempts, last_error FROM notifications WHERE application_id IN ${inIds} AND channel = 'email' AND status <> 'sent' LIMIT 5`,
      ids,
    );
  try {
    await waitFor(
      async () =>
        (await pendingOutbox()).length === 0 &&
        Number((await unsentMails())[0]?.n) === 0,
      deadlineMs,
    );
  } catch (error) {
    const pending = await pendingOutbox();
    throw new Error(
      `${(error as Error).message}: ${pending.length} due outbox rows not done (${pending
        .slice(0, 5)
        .map((r) => `${r.job_name} dispatched ${String(r.dispatched_at)}`)
        .join('; ')}), ${(await unsentMails())[0]?.n} mails not sent (${(
        await unsentDetail()
      )
        .map(
          (m) =>
            `${m.status} after ${m.attempts} attempts, ${smtp.received.filter((r) => r.messageId === `<${m.id}@${mailHost}>`).length} received, ${m.last_error ?? ''}`,
        )
        .join('; ')})`,
    );
  }
  const drainedInMs = Date.now() - started;

  const applications = await query<{
    id: string;
    state: string;
    event_count: number;
  }>(`SELECT id, state, event_count FROM applications WHERE id IN ${inIds}`, [
    ...ids,
  ]);
  expect(applications).toHaveLength(ids.length);
  const events = await query<EventRow>(
    `SELECT application_id, seq, action, from_state, to_state FROM application_events WHERE application_id IN ${inIds} ORDER BY application_id, seq`,
    [...ids],
  );
  const byApplication = new Map<string, EventRow[]>();
  for (const e of events)
    byApplication.set(e.application_id, [
      ...(byApplication.get(e.application_id) ?? []),
      e,
    ]);
  const broken: string[] = [];
  let automatedChecks = 0;
  for (const application of applications) {
    const chain = byApplication.get(application.id) ?? [];
    const gap = chain.findIndex(
      (e, i) =>
        Number(e.seq) !== i + 1 ||
        (i > 0 && e.from_state !== chain[i - 1]?.to_state),
    );
    if (gap >= 0) broken.push(`${application.id}: chain breaks at ${gap + 1}`);
    if (Number(application.event_count) !== chain.length)
      broken.push(
        `${application.id}: event_count ${application.event_count}, ${chain.length} events`,
      );
    const last = chain[chain.length - 1];
    if (last && last.to_state !== application.state)
      broken.push(
        `${application.id}: state ${application.state}, last event to ${last.to_state}`,
      );
    const submits = chain.filter((e) => e.action === 'submit').length;
    const checks = chain.filter((e) =>
      e.action.startsWith('auto_check_'),
    ).length;
    automatedChecks += checks;
    if (checks !== submits)
      broken.push(
        `${application.id}: ${submits} submissions, ${checks} automated checks`,
      );
  }
  expect(broken).toEqual([]);

  const orphans = await query<{ id: string }>(
    `SELECT o.id FROM outbox o LEFT JOIN application_events e ON e.id = o.event_id WHERE o.application_id IN ${inIds} AND e.id IS NULL`,
    [...ids],
  );
  expect(orphans).toEqual([]);
  const outboxRows = await query<{ n: string }>(
    `SELECT COUNT(*) AS n FROM outbox WHERE application_id IN ${inIds}`,
    [...ids],
  );
  const checkRows = await query<{ n: string }>(
    `SELECT COUNT(*) AS n FROM outbox WHERE application_id IN ${inIds} AND job_name = 'auto-check'`,
    [...ids],
  );
  expect(Number(checkRows[0]?.n)).toBe(automatedChecks);

  const twice = await query<{ event_id: string; user_id: string }>(
    `SELECT event_id, user_id FROM notifications WHERE application_id IN ${inIds} AND channel = 'email' AND event_id IS NOT NULL GROUP BY event_id, user_id HAVING COUNT(*) > 1`,
    [...ids],
  );
  expect(twice).toEqual([]);
  const mails = await query<{ id: string }>(
    `SELECT id FROM notifications WHERE application_id IN ${inIds} AND channel = 'email'`,
    [...ids],
  );
  const received = new Map<string, number>();
  for (const mail of smtp.received)
    received.set(mail.messageId, (received.get(mail.messageId) ?? 0) + 1);
  const mayRepeat = new Set(input.mayRepeat ?? []);
  const times = (id: string) => received.get(`<${id}@${mailHost}>`) ?? 0;
  const notOnce = mails.filter(
    (m) => times(m.id) !== 1 && !(mayRepeat.has(m.id) && times(m.id) === 2),
  );
  expect(notOnce).toEqual([]);
  return {
    applications: applications.length,
    events: events.length,
    outboxRows: Number(outboxRows[0]?.n),
    automatedChecks,
    mails: mails.length,
    repeated: mails.filter((m) => times(m.id) === 2).length,
    drainedInMs,
  };
}

/** One line of figures, as the rest of the fault suite prints them. */
export function report(name: string, figures: object): void {
  process.stdout.write(
    `${name}: ${Object.entries(figures)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ')}\n`,
  );
}
