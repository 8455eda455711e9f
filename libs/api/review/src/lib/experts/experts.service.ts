import { randomInt, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type Actor } from '@portal/api-access';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  ValidationFailedError,
} from '@portal/api-core';
import {
  ApplicationEntity,
  ExpertAssignmentEntity,
  ExpertEntity,
  forUpdate,
  OrganisationEntity,
  UserEntity,
} from '@portal/api-db';
import type {
  ExpertPanelView,
  ExpertProfileView,
  ScoreRequest,
} from '@portal/contracts';
import {
  availableActions,
  systemTransition,
  drawExperts,
  programmeOf,
  rubricAggregate,
  rubricScoreProblems,
  summedRubric,
  stateOf,
  workflowVersion,
  type ApplicationType,
  type ExpertScore,
  type Rubric,
} from '@portal/domain';
import { DataSource, In, IsNull } from 'typeorm';
import {
  membershipAs,
  OutboxRelay,
  SYSTEM,
  TransitionService,
} from '@portal/api-engine';
import { ApplicationsService } from '@portal/api-applications';

const RANDOM_RANGE = 2 ** 32;

/** A programme without an expert review has an empty panel: no parts, nothing to score. */
const NO_RUBRIC = summedRubric([], 0);

function rubricOf(type: ApplicationType): Rubric {
  return programmeOf(type).rubric ?? NO_RUBRIC;
}

/**
 * The provincial expert review: a random panel from the pool, each expert's score on the
 * programme's rubric, and the aggregate the province decides on.
 */
@Injectable()
export class ExpertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly transitions: TransitionService,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditService,
  ) {}

  /** Draws the panel, when the province may next send the case to experts. */
  async draw(actor: Actor, applicationId: string): Promise<ExpertPanelView> {
    const { application, facts } = await this.applications.readable(
      actor,
      applicationId,
    );
    const definition = workflowVersion(
      application.type,
      application.workflowVersion,
    );
    const province = membershipAs(actor, application, 'province', facts);
    const sendsToExperts = availableActions(definition, application.state, [
      'province',
    ]).some((t) => t.guards.includes('experts_drawn'));
    if (!province || !sendsToExperts)
      throw new ForbiddenError(
        'Only the provincial reviewers draw experts, while the case is at provincial review.',
      );
    await this.dataSource.transaction(async (em) => {
      if (await em.count(ExpertAssignmentEntity, { where: { applicationId } }))
        throw new ConflictError(
          'GUARD_FAILED',
          'The panel for this application has already been drawn.',
        );
      const pool = await em.find(ExpertEntity, {
        where: { provinceCode: application.provinceCode, active: true },
      });
      const draw = drawExperts(
        pool.map((e) => ({
          id: e.userId,
          organisationId: e.employerId,
          discipline: e.discipline,
          conflictOrganisationIds: e.conflictIds,
        })),
        {
          applicantOrganisationId: application.organisationId,
          random: () => randomInt(RANDOM_RANGE) / RANDOM_RANGE,
        },
      );
      if (!draw.ok)
        throw new ConflictError(
          'GUARD_FAILED',
          `The expert pool cannot make a panel (${draw.reason.replace(/_/g, ' ')}; ${draw.eligible} eligible): at least 5 experts, at least 60% technical and one in finance, none from the applicant or with a conflict.`,
        );
      const now = new Date();
      await em.insert(
        ExpertAssignmentEntity,
        draw.experts.map((e) => ({
          id: randomUUID(),
          applicationId,
          expertUserId: e.id,
          assignedAt: now,
          score: null,
          opinion: null,
          scoredAt: null,
        })),
      );
      await this.audit.record(
        {
          action: 'application.experts_drawn',
          result: 'success',
          userId: actor.userId,
          userEmail: actor.email,
          ip: actor.ip,
          objectType: 'application',
          objectId: applicationId,
          detail: { experts: draw.experts.map((e) => e.id) },
        },
        em,
      );
    });
    return this.panel(actor, applicationId);
  }

  /** An expert's own declaration of the organisations they must never be drawn for. */
  async declareConflicts(
    actor: Actor,
    organisationIds: readonly string[],
  ): Promise<ExpertProfileView> {
    const experts = this.dataSource.getRepository(ExpertEntity);
    const expert = await experts.findOneBy({ userId: actor.userId });
    if (!expert)
      throw new ForbiddenError(
        'Only experts in the pool declare conflicts of interest.',
      );
    const unique = [...new Set(organisationIds)];
    const known = unique.length
      ? await this.dataSource
          .getRepository(OrganisationEntity)
          .findBy({ id: In(unique) })
      : [];
    const unknown = unique.filter((id) => !known.some((o) => o.id === id));
    if (unknown.length)
      throw new ValidationFailedError(
        unknown.map((id) => ({
          field: 'organisationIds',
          code: 'organisation.unknown',
          message: `No organisation has the id ${id}`,
        })),
      );
    await this.dataSource.transaction(async (em) => {
      await em.update(
        ExpertEntity,
        { userId: actor.userId },
        { conflictIds: unique },
      );
      await this.audit.record(
        {
          action: 'expert.conflicts_declared',
          result: 'success',
          userId: actor.userId,
          userEmail: actor.email,
          ip: actor.ip,
          objectType: 'expert',
          objectId: actor.userId,
          detail: { organisationIds: unique },
        },
        em,
      );
    });
    return { discipline: expert.discipline, conflictOrganisationIds: unique };
  }

  /** The province sees every score and the aggregate; an expert sees only their own. */
  async panel(actor: Actor, applicationId: string): Promise<ExpertPanelView> {
    const { application, facts } = await this.applications.readable(
      actor,
      applicationId,
    );
    const asProvince =
      membershipAs(actor, application, 'province', facts) !== null;
    if (!asProvince && !facts.assignedExpert)
      throw new ForbiddenError(
        'The expert panel is for the provincial reviewers and the drawn experts.',
      );
    const assignments = await this.dataSource
      .getRepository(ExpertAssignmentEntity)
      .find({
        where: {
          applicationId,
          ...(asProvince ? {} : { expertUserId: actor.userId }),
        },
        order: { assignedAt: 'ASC' },
      });
    const [users, experts] = await Promise.all([
      this.dataSource.getRepository(UserEntity).find({
        where: { id: In(assignments.map((a) => a.expertUserId)) },
        select: { id: true, name: true },
      }),
      this.dataSource
        .getRepository(ExpertEntity)
        .findBy({ userId: In(assignments.map((a) => a.expertUserId)) }),
    ]);
    const names = new Map(users.map((u) => [u.id, u.name]));
    const disciplines = new Map(experts.map((e) => [e.userId, e.discipline]));
    const scored = assignments
      .map((a) => a.score)
      .filter((s): s is ExpertScore => s !== null);
    return {
      experts: assignments.map((a) => ({
        userId: a.expertUserId,
        name: names.get(a.expertUserId) ?? '',
        discipline: disciplines.get(a.expertUserId) ?? 'technical',
        scoredAt: a.scoredAt?.toISOString() ?? null,
        score: a.score,
        opinion: a.opinion,
      })),
      aggregate: asProvince
        ? rubricAggregate(rubricOf(application.type), scored)
        : null,
    };
  }

  /** One expert's score; the last one moves the case on to the provincial decision. */
  async score(
    actor: Actor,
    applicationId: string,
    request: ScoreRequest,
  ): Promise<ExpertPanelView> {
    const { application, facts } = await this.applications.readable(
      actor,
      applicationId,
    );
    if (!facts.assignedExpert)
      throw new ForbiddenError(
        'Only the experts drawn for this application score it.',
      );
    const definition = workflowVersion(
      application.type,
      application.workflowVersion,
    );
    if (stateOf(definition, application.state).holder !== 'expert')
      throw new AppError(
        403,
        'TRANSITION_NOT_ALLOWED',
        'This application is not in expert review.',
      );
    const problems = rubricScoreProblems(rubricOf(application.type), {
      ...request.score,
    });
    if (problems.length)
      throw new ValidationFailedError(
        problems.map((p) => ({
          field: `score.${p.part}`,
          code: `score.${p.code}`,
          message: `${p.part}: ${p.code.replace(/_/g, ' ')}`,
        })),
      );
    const outbox = await this.dataSource.transaction(async (em) => {
      const result = await em.update(
        ExpertAssignmentEntity,
        { applicationId, expertUserId: actor.userId, scoredAt: IsNull() },
        {
          score: { ...request.score },
          opinion: request.opinion.trim(),
          scoredAt: new Date(),
        },
      );
      if (result.affected !== 1)
        throw new ConflictError(
          'GUARD_FAILED',
          'You have already scored this application.',
        );
      // The case locked before the count, whose snapshot starts there: of experts scoring at
      // once, each counts after the one before committed, so the last sees no one waiting.
      const current = await forUpdate(
        em,
        em
          .getRepository(ApplicationEntity)
          .createQueryBuilder('a')
          .where('a.id = :id', { id: applicationId }),
      ).getOneOrFail();
      const waiting = await em.count(ExpertAssignmentEntity, {
        where: { applicationId, scoredAt: IsNull() },
      });
      if (waiting > 0) return [];
      const complete = systemTransition(definition, application.state, {
        on: 'all_scored',
      });
      if (!complete) return [];
      const fired = await this.transitions.fire(
        em,
        SYSTEM,
        applicationId,
        { action: complete.action, version: current.version },
        null,
      );
      return fired.outbox;
    });
    void this.relay.dispatch(outbox);
    return this.panel(actor, applicationId);
  }
}
