import { ApplicationEntity } from '@portal/api-db';
import { DIALECTS } from '@portal/api-testing';
import {
  ApiRoutes,
  type ApplicationDetail,
  type ErrorBody,
  type MyObjectionView,
  type PublicNoticeView,
} from '@portal/contracts';
import { currentWorkflow, publicNoticeStates, stateOf } from '@portal/domain';
import type { TestApp } from '../testing/test-app';
import { workflowSuite } from '../testing/workflow-suite';

const DAY_MS = 86_400_000;

describe.each(DIALECTS)('public notices (公示) on %s', (dialect) => {
  const suite = workflowSuite(dialect);
  const { as, openCall } = suite;
  let t: TestApp;
  beforeAll(() => {
    t = suite.t;
  });

  /** A case of antai's put straight into its programme's notice state, ending in ten days. */
  async function inNotice(): Promise<{
    id: string;
    reference: string;
    since: Date;
    until: Date;
  }> {
    const antai = await as('antai@example.com');
    const draft = await antai.post<ApplicationDetail>(ApiRoutes.applications, {
      callId: await openCall('high_tech', '330421'),
    });
    const definition = currentWorkflow('high_tech');
    const [state] = publicNoticeStates(definition);
    const since = new Date(Math.floor(Date.now() / 1000) * 1000 - DAY_MS);
    const until = new Date(since.getTime() + 10 * DAY_MS);
    await t.dataSource.getRepository(ApplicationEntity).update(
      { id: draft.body.id },
      {
        state,
        holder: stateOf(definition, state).holder,
        stateEnteredAt: since,
        dueAt: until,
      },
    );
    return {
      id: draft.body.id,
      reference: draft.body.reference,
      since,
      until,
    };
  }

  it('shows anyone, without logging in, only the holder, programme, reference and notice period of each case', async () => {
    const notice = await inNotice();
    const anonymous = t.client();
    const list = await anonymous.get<PublicNoticeView[]>(
      ApiRoutes.publicNotices,
    );
    expect(list.status).toBe(200);
    const row = list.body.find((n) => n.applicationId === notice.id);
    expect(row).toEqual({
      applicationId: notice.id,
      reference: notice.reference,
      type: 'high_tech',
      companyName: expect.stringMatching(/\S/),
      noticeStartsAt: notice.since.toISOString(),
      noticeEndsAt: notice.until.toISOString(),
    });
    // Every row carries the public fields and nothing else of its case.
    for (const each of list.body)
      expect(Object.keys(each).sort()).toEqual([
        'applicationId',
        'companyName',
        'noticeEndsAt',
        'noticeStartsAt',
        'reference',
        'type',
      ]);
    // A draft, not in notice, is not listed.
    const antai = await as('antai@example.com');
    const draft = await antai.post<ApplicationDetail>(ApiRoutes.applications, {
      callId: await openCall('high_tech', '330421'),
    });
    expect(list.body.map((n) => n.applicationId)).not.toContain(draft.body.id);
  });

  it('takes an objection only from a signed-in user, under a real name with reasons', async () => {
    const notice = await inNotice();
    const body = {
      realName: '周海',
      reasons: '该企业知识产权存在权属纠纷，请核查。',
    };
    const anonymous = t.client();
    const refused = await anonymous.post<ErrorBody>(
      ApiRoutes.noticeObjections(notice.id),
      body,
    );
    expect(refused.status).toBe(401);
    const objector = await as('seed@example.com');
    const noReasons = await objector.post<ErrorBody>(
      ApiRoutes.noticeObjections(notice.id),
      { realName: '周海' },
    );
    expect(noReasons.status).toBe(400);
    expect(
      (await objector.post(ApiRoutes.noticeObjections(notice.id), body)).status,
    ).toBe(204);
    const [lodged] = await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM objections WHERE application_id = ?',
      [notice.id],
    );
    expect(Number(lodged.n)).toBe(1);
  });

  it('shows the objector, and only them, their objection and its outcome', async () => {
    const notice = await inNotice();
    const objector = await as('lihua@example.com');
    expect(
      (
        await objector.post(ApiRoutes.noticeObjections(notice.id), {
          realName: '李华',
          reasons: '该企业研发人员比例与实际情况不符，请核查。',
        })
      ).status,
    ).toBe(204);
    const mine = await objector.get<MyObjectionView[]>(ApiRoutes.myObjections);
    expect(mine.status).toBe(200);
    expect(mine.body.find((o) => o.applicationId === notice.id)).toMatchObject({
      reference: notice.reference,
      type: 'high_tech',
      status: 'open',
    });
    // The outcome, once the province has decided (here written as the effect writes it).
    await t.dataSource.query(
      "UPDATE objections SET status = 'dismissed' WHERE application_id = ?",
      [notice.id],
    );
    const decided = await objector.get<MyObjectionView[]>(
      ApiRoutes.myObjections,
    );
    expect(
      decided.body.find((o) => o.applicationId === notice.id)?.status,
    ).toBe('dismissed');
    // Someone else does not see it; nobody signed out sees any.
    const other = await (
      await as('jinghua@example.com')
    ).get<MyObjectionView[]>(ApiRoutes.myObjections);
    expect(other.body.map((o) => o.applicationId)).not.toContain(notice.id);
    expect((await t.client().get(ApiRoutes.myObjections)).status).toBe(401);
  });
});
