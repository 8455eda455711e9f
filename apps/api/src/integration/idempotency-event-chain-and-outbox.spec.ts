import { randomUUID } from 'node:crypto';
import { OutboxEntity } from '@portal/api-db';
import { DIALECTS } from '@portal/api-testing';
import {
  ApiRoutes,
  IDEMPOTENCY_HEADER,
  type ActionResult,
  type ChainVerification,
  type ErrorBody,
} from '@portal/contracts';
import { OutboxRelay } from '@portal/api-engine';
import { JobProducer } from '@portal/api-jobs';
import { expectNotifiedAsDefined } from '../testing/notified-as-defined';
import type { TestApp } from '../testing/test-app';
import { COUNTY, runWalk } from '../testing/walks';
import { act, expectState, readyDraft } from '../testing/workflow-steps';
import { workflowSuite } from '../testing/workflow-suite';

describe.each(DIALECTS)(
  'repeated requests, the event chain and the outbox on %s',
  (dialect) => {
    const suite = workflowSuite(dialect);
    const { as, openCall } = suite;
    let t: TestApp;
    beforeAll(() => {
      t = suite.t;
    });

    it('gives the same answer for a repeated Idempotency-Key and has one effect', async () => {
      const antai = await as('antai@example.com');
      const draft = await readyDraft(
        antai,
        'innovation_voucher',
        await openCall('innovation_voucher', '330421'),
      );
      const key = randomUUID();
      const body = { action: 'submit', version: draft.version };
      const first = await antai.post<ActionResult>(
        ApiRoutes.applicationActions(draft.id),
        body,
        { headers: { [IDEMPOTENCY_HEADER]: key } },
      );
      const second = await antai.post<ActionResult>(
        ApiRoutes.applicationActions(draft.id),
        body,
        { headers: { [IDEMPOTENCY_HEADER]: key } },
      );
      expect(first.status).toBe(200);
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
      const events = await t.dataSource.query(
        'SELECT COUNT(*) AS n FROM application_events WHERE application_id = ?',
        [draft.id],
      );
      expect(Number(events[0].n)).toBe(2); // create + one submit
      const reused = await antai.post<ErrorBody>(
        ApiRoutes.applicationActions(draft.id),
        { ...body, action: 'withdraw' },
        { headers: { [IDEMPOTENCY_HEADER]: key } },
      );
      expect(reused.status).toBe(422);
      // Reused for an action that would succeed (the current version): refused, and undone.
      const reusedCurrent = await antai.post<ErrorBody>(
        ApiRoutes.applicationActions(draft.id),
        { action: 'withdraw', version: first.body.version },
        { headers: { [IDEMPOTENCY_HEADER]: key } },
      );
      expect(reusedCurrent.status).toBe(422);
      expect(reusedCurrent.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      await expectState(antai, draft.id, 'county_review');
      const after = await t.dataSource.query(
        'SELECT COUNT(*) AS n FROM application_events WHERE application_id = ?',
        [draft.id],
      );
      expect(Number(after[0].n)).toBe(2);
      // Without the key the same withdrawal goes through: the 422 came from the key alone.
      expect(
        (
          await antai.post<ActionResult>(
            ApiRoutes.applicationActions(draft.id),
            { action: 'withdraw', version: first.body.version },
          )
        ).status,
      ).toBe(200);
      await expectNotifiedAsDefined(t, suite.smtp, [draft.id]);
    });

    it('lets the auditor verify every event chain and finds a tampered event', async () => {
      // Three cases of five events each (create, submit, return, resubmit, reject).
      const J = 'jinghua@example.com';
      const ids: string[] = [];
      for (let i = 0; i < 3; i++)
        ids.push(
          await runWalk(suite, 'innovation_voucher', {
            company: J,
            region: '330421',
            steps: [
              [J, 'submit'],
              [
                COUNTY,
                'return_for_supplement',
                { items: [{ target: 'other', note: '请补正' }] },
              ],
              [J, 'resubmit'],
              [COUNTY, 'reject'],
            ],
          }),
        );
      await expectNotifiedAsDefined(t, suite.smtp, ids);
      const auditor = await as('auditor@example.com');
      const intact = await auditor.get<ChainVerification>(ApiRoutes.eventChain);
      expect(intact.body).toMatchObject({ intact: true, firstBreak: null });
      expect(intact.body.events).toBeGreaterThan(10);
      // The victim is one of this test's cases: the other tests' chains stay intact.
      const [victim] = await t.dataSource.query(
        "SELECT application_id, seq FROM application_events WHERE action = 'submit' AND application_id IN (?, ?, ?) ORDER BY created_at LIMIT 1",
        ids,
      );
      // A DBA with full rights can drop the append-only trigger; the chain still shows the change.
      const q = (sql: string) =>
        t.dataSource.query(dialect === 'sqlite' ? sql.replace(/`/g, '"') : sql);
      await q('DROP TRIGGER `application_events_no_update`');
      await t.dataSource.query(
        "UPDATE application_events SET comment = 'rewritten' WHERE application_id = ? AND seq = ?",
        [victim.application_id, victim.seq],
      );
      const broken = await auditor.get<ChainVerification>(
        `${ApiRoutes.eventChain}?applicationId=${victim.application_id}`,
      );
      expect(broken.body).toMatchObject({
        intact: false,
        firstBreak: {
          applicationId: victim.application_id,
          seq: Number(victim.seq),
          reason: 'hash_mismatch',
        },
      });
      const denied = await (
        await as('antai@example.com')
      ).get(ApiRoutes.eventChain);
      expect(denied.status).toBe(403);
    });

    it('hands a row left behind at commit (Redis down, process killed) to Bull through the sweeper', async () => {
      const shengze = await as('shengze@example.com');
      const producer = t.app.get(JobProducer);
      const workflow = producer.queue('workflow');
      await workflow.pause(true); // this process stops taking workflow jobs
      const draft = await readyDraft(
        shengze,
        'high_tech',
        await openCall('high_tech', '330000'),
      );
      expect((await act(shengze, draft.id, 'submit')).status).toBe(200);
      const outbox = t.dataSource.getRepository(OutboxEntity);
      let row: OutboxEntity | null = null;
      for (let i = 0; i < 50 && !row?.dispatchedAt; i++) {
        row = await outbox.findOneBy({
          applicationId: draft.id,
          jobName: 'auto-check',
        });
        await new Promise((r) => setTimeout(r, 50));
      }
      // Undo the hand-over: as if the process had died right after the commit.
      await (await workflow.getJob(`auto-check:${row?.id}`))?.remove();
      await outbox.update({ id: row?.id }, { dispatchedAt: null });
      await workflow.resume(true);
      expect(await t.app.get(OutboxRelay).sweep(0)).toBeGreaterThanOrEqual(1);
      await expectState(shengze, draft.id, 'returned_by_county');
      expect(
        (await outbox.findOneByOrFail({ id: row?.id })).dispatchedAt,
      ).not.toBeNull();
      await expectNotifiedAsDefined(t, suite.smtp, [draft.id]);
    });
  },
);
