import {
  AuditLogEntity,
  ExpertEntity,
  OrganisationEntity,
  UserEntity,
} from '@portal/api-db';
import { DIALECTS } from '@portal/api-testing';
import {
  ApiRoutes,
  type ErrorBody,
  type ExpertPanelView,
  type MyExpertConflictsView,
} from '@portal/contracts';
import { panelProblems } from '@portal/domain';
import { In } from 'typeorm';
import { atProvincialReview, PASSING_SCORE, PROVINCE } from '../testing/walks';
import { act } from '../testing/workflow-steps';
import { workflowSuite } from '../testing/workflow-suite';

describe.each(DIALECTS)('expert recusal and re-draw on %s', (dialect) => {
  const suite = workflowSuite(dialect);
  const { as } = suite;

  const emailsOf = async (ids: readonly string[]) =>
    new Map(
      (
        await suite.t.dataSource
          .getRepository(UserEntity)
          .findBy({ id: In([...ids]) })
      ).map((u) => [u.id, u.email]),
    );
  const composition = async (panel: ExpertPanelView, organisationId: string) =>
    panelProblems(
      (
        await suite.t.dataSource.getRepository(ExpertEntity).findBy({
          userId: In(panel.experts.map((e) => e.userId)),
        })
      ).map((e) => ({
        id: e.userId,
        organisationId: e.employerId,
        discipline: e.discipline,
        conflictOrganisationIds: e.conflictIds,
      })),
      organisationId,
    );

  it('lets a drawn expert recuse, the province replace only them with the composition kept, audited, and not once they scored', async () => {
    const antai = await as('antai@example.com');
    const province = await as(PROVINCE);
    const id = await atProvincialReview(suite, antai);
    const { id: organisationId, name: antaiName } = await suite.t.dataSource
      .getRepository(OrganisationEntity)
      .findOneByOrFail({ contactEmail: 'antai@example.com' });
    const drawn = await province.post<ExpertPanelView>(
      ApiRoutes.applicationExpertDraw(id),
    );
    expect(drawn.status).toBe(201);
    expect(drawn.body.recusals).toEqual([]);
    expect(drawn.body.experts.every((e) => !e.recused)).toBe(true);
    const emails = await emailsOf(drawn.body.experts.map((e) => e.userId));
    const [first, second, third] = drawn.body.experts;
    const recusing = await as(emails.get(first.userId) ?? '');
    const second_ = await as(emails.get(second.userId) ?? '');

    try {
      // A recusal before the panel is sent holds it back until withdrawn or replaced.
      expect(
        (await second_.post(ApiRoutes.applicationExpertRecuse(id))).status,
      ).toBe(200);
      expect((await act(province, id, 'send_to_experts')).status).toBe(409);
      expect(
        (
          await second_.put(ApiRoutes.myExpertConflicts, {
            organisationIds: [],
          })
        ).status,
      ).toBe(200);
      expect((await act(province, id, 'send_to_experts')).status).toBe(200);

      const recused = await recusing.post<ExpertPanelView>(
        ApiRoutes.applicationExpertRecuse(id),
      );
      expect(recused.status).toBe(200);
      expect(recused.body.experts).toEqual([
        expect.objectContaining({ userId: first.userId, recused: true }),
      ]);
      expect(recused.body.recusals).toEqual([]); // the pool's exclusions are the province's
      const mine = await recusing.get<MyExpertConflictsView>(
        ApiRoutes.myExpertProfile,
      );
      expect(mine.status).toBe(200);
      expect(mine.body.conflicts).toEqual([
        { organisationId, name: antaiName },
      ]);
      expect((await antai.get(ApiRoutes.myExpertProfile)).status).toBe(403);
      // A recused expert scores no more, and the panel cannot go to the experts with them.
      const score = await recusing.put<ErrorBody>(
        ApiRoutes.applicationScore(id),
        { score: PASSING_SCORE, opinion: '本人与该企业存在利害关系。' },
      );
      expect(score.status).toBe(409);
      expect(score.body.message).toMatch(/declared a conflict/);

      const seen = await province.get<ExpertPanelView>(
        ApiRoutes.applicationExperts(id),
      );
      expect(
        seen.body.experts.filter((e) => e.recused).map((e) => e.userId),
      ).toEqual([first.userId]);
      expect(seen.body.recusals).toEqual([
        {
          userId: first.userId,
          name: first.name,
          discipline: first.discipline,
          reason: 'conflict',
        },
      ]);

      // Only a recused member is replaced, only by the province, only someone on the panel.
      const notRecused = await province.post<ErrorBody>(
        ApiRoutes.applicationExpertReplace(id, second.userId),
      );
      expect(notRecused.status).toBe(409);
      expect(notRecused.body.message).toMatch(/recused/);
      expect(
        (
          await (
            await as('reviewer.jiashan@example.com')
          ).post(ApiRoutes.applicationExpertReplace(id, first.userId))
        ).status,
      ).toBe(403);
      expect(
        (
          await province.post(
            ApiRoutes.applicationExpertReplace(
              id,
              '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b',
            ),
          )
        ).status,
      ).toBe(404);
      expect(
        (
          await province.post(
            ApiRoutes.applicationExpertReplace(id, 'not-a-uuid'),
          )
        ).status,
      ).toBe(400);

      const replaced = await province.post<ExpertPanelView>(
        ApiRoutes.applicationExpertReplace(id, first.userId),
      );
      expect(replaced.status).toBe(200);
      const ids = replaced.body.experts.map((e) => e.userId);
      expect(ids).toHaveLength(5);
      expect(ids).not.toContain(first.userId);
      expect(new Set(ids).size).toBe(5);
      expect(replaced.body.experts.some((e) => e.recused)).toBe(false);
      expect(await composition(replaced.body, organisationId)).toEqual([]);
      const newcomer = ids.find(
        (u) => !drawn.body.experts.some((e) => e.userId === u),
      );
      const audit = await suite.t.dataSource
        .getRepository(AuditLogEntity)
        .findOneByOrFail({
          action: 'application.expert_replaced',
          objectId: id,
        });
      expect(JSON.parse(audit.detail ?? '{}')).toEqual({
        replaced: first.userId,
        drawn: newcomer,
      });
      expect(
        await suite.t.dataSource.getRepository(AuditLogEntity).countBy({
          action: 'application.expert_recused',
          objectId: id,
          userId: first.userId,
        }),
      ).toBe(1);
      // Off the panel: the case is no longer theirs to read.
      expect(
        (await recusing.get(ApiRoutes.applicationExperts(id))).status,
      ).toBe(404);

      // Pool of six, five on the panel, the sixth tied: nobody left for a second seat.
      expect(
        (await second_.post(ApiRoutes.applicationExpertRecuse(id))).status,
      ).toBe(200);
      const exhausted = await province.post<ErrorBody>(
        ApiRoutes.applicationExpertReplace(id, second.userId),
      );
      expect(exhausted.status).toBe(409);
      expect(exhausted.body.message).toMatch(/no one to take this seat/);
      expect(
        (
          await second_.put(ApiRoutes.myExpertConflicts, {
            organisationIds: [],
          })
        ).status,
      ).toBe(200);

      // Once scored, an expert is neither recused on the case nor replaced.
      const scorer = await as(emails.get(third.userId) ?? '');
      expect(
        (
          await scorer.put(ApiRoutes.applicationScore(id), {
            score: PASSING_SCORE,
            opinion: '知识产权与成果转化情况良好。',
          })
        ).status,
      ).toBe(200);
      expect(
        (await scorer.post(ApiRoutes.applicationExpertRecuse(id))).status,
      ).toBe(409);
      expect(
        (
          await scorer.put(ApiRoutes.myExpertConflicts, {
            organisationIds: [organisationId],
          })
        ).status,
      ).toBe(200);
      const afterScore = await province.post<ErrorBody>(
        ApiRoutes.applicationExpertReplace(id, third.userId),
      );
      expect(afterScore.status).toBe(409);
      expect(afterScore.body.message).toMatch(/already scored/);
      expect(
        (await scorer.put(ApiRoutes.myExpertConflicts, { organisationIds: [] }))
          .status,
      ).toBe(200);
    } finally {
      for (const email of emails.values())
        await (
          await as(email)
        ).put(ApiRoutes.myExpertConflicts, { organisationIds: [] });
    }
  });
});
