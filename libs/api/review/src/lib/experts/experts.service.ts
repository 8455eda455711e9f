import { randomInt, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type Actor } from '@portal/api-access';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
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
  MyExpertConflictsView,
  ScoreRequest,
} from '@portal/contracts';
import {
  availableActions,
  systemTransition,
  drawExperts,
  drawReplacement,
  isIndependentOf,
  type ExpertCandidate,
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
const random = () => randomInt(RANDOM_RANGE) / RANDOM_RANGE;

function candidateOf(e: ExpertEntity): ExpertCandidate {
  return {
    id: e.userId,
    organisationId: e.employerId,
    discipline: e.discipline,
    conflictOrganisationIds: e.conflictIds,
  };
}

/** A programme without an expert review has an empty panel: no parts, nothing to score. */
const NO_RUBRIC = summedRubric([], 0);

function rubricOf(type: ApplicationType): Rubric {
  return programmeOf(type).rubric ?? NO_RUBRIC;
}

/** The case is at the province, which may next send it to the experts (and so draws them). */
function sendsToExperts(application: ApplicationEntity): boolean {
  const definition = workflowVersion(
    application.type,
    application.workflowVersion,
  );
  return availableActions(definition, application.state, ['province']).some(
    (t) => t.guards.includes('experts_drawn'),
  );
}

/** The experts are at work on the case. */
function withExperts(application: ApplicationEntity): boolean {
  const definition = workflowVersion(
    application.type,
    application.workflowVersion,
  );
  return stateOf(definition, application.state).holder === 'expert';
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
    const province = membershipAs(actor, application, 'province', facts);
    if (!province || !sendsToExperts(application))
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
      const draw = drawExperts(pool.map(candidateOf), {
        applicantOrganisationId: application.organisationId,
        random,
      });
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

  /**
   * Draws someone for the seat of a panel member who recused (declared a conflict with the
   * applicant, works for it, or left the pool), keeping the draw's composition rules. Only such
   * a member is replaced, and only before they scored: the panel stays the random draw's.
   */
  async replace(
    actor: Actor,
    applicationId: string,
    expertUserId: string,
  ): Promise<ExpertPanelView> {
    const { application, facts } = await this.applications.readable(
      actor,
      applicationId,
    );
    if (!membershipAs(actor, application, 'province', facts))
      throw new ForbiddenError(
        'Only the provincial reviewers draw experts again.',
      );
    if (!sendsToExperts(application) && !withExperts(application))
      throw new AppError(
        403,
        'TRANSITION_NOT_ALLOWED',
        'A panel member is replaced only while the case is at provincial review or with the experts.',
      );
    await this.dataSource.transaction(async (em) => {
      // The case locked first, as the last scorer does: a score and a replacement never cross.
      await forUpdate(
        em,
        em
          .getRepository(ApplicationEntity)
          .createQueryBuilder('a')
          .where('a.id = :id', { id: applicationId }),
      ).getOneOrFail();
      const assignments = await em.find(ExpertAssignmentEntity, {
        where: { applicationId },
      });
      const seat = assignments.find((a) => a.expertUserId === expertUserId);
      if (!seat) throw new NotFoundError('This expert on the panel');
      if (seat.scoredAt)
        throw new ConflictError(
          'GUARD_FAILED',
          'This expert has already scored the application; their score stands and they are not replaced.',
        );
      const members = await em.find(ExpertEntity, {
        where: { userId: In(assignments.map((a) => a.expertUserId)) },
      });
      const member = members.find((e) => e.userId === expertUserId);
      if (
        member?.active &&
        isIndependentOf(candidateOf(member), application.organisationId)
      )
        throw new ConflictError(
          'GUARD_FAILED',
          'Only an expert who recused (a declared conflict with the company) is replaced: the panel stays as drawn.',
        );
      const pool = await em.find(ExpertEntity, {
        where: { provinceCode: application.provinceCode, active: true },
      });
      const panel = assignments.map((a): ExpertCandidate => {
        const e = members.find((m) => m.userId === a.expertUserId);
        return e
          ? candidateOf(e)
          : {
              id: a.expertUserId,
              organisationId: null,
              discipline: 'technical',
              conflictOrganisationIds: [],
            };
      });
      const drawn = drawReplacement(
        panel,
        expertUserId,
        pool.map(candidateOf),
        { applicantOrganisationId: application.organisationId, random },
      );
      if (!drawn.ok)
        throw new ConflictError(
          'GUARD_FAILED',
          `The expert pool has no one to take this seat (${drawn.reason.replace(/_/g, ' ')}; ${drawn.eligible} eligible): the panel must keep at least 60% technical experts and one in finance, none from the applicant or with a conflict.`,
        );
      await em.delete(ExpertAssignmentEntity, { id: seat.id });
      await em.insert(ExpertAssignmentEntity, {
        id: randomUUID(),
        applicationId,
        expertUserId: drawn.expert.id,
        assignedAt: new Date(),
        score: null,
        opinion: null,
        scoredAt: null,
      });
      await this.audit.record(
        {
          action: 'application.expert_replaced',
          result: 'success',
          userId: actor.userId,
          userEmail: actor.email,
          ip: actor.ip,
          objectType: 'application',
          objectId: applicationId,
          detail: { replaced: expertUserId, drawn: drawn.expert.id },
        },
        em,
      );
    });
    return this.panel(actor, applicationId);
  }

  /**
   * A drawn expert's "I have a conflict with this company": the company joins their declared
   * conflicts (never drawn for it again), they may no longer score this case, and the province
   * sees the seat to draw again. Refused once they have scored.
   */
  async recuse(actor: Actor, applicationId: string): Promise<ExpertPanelView> {
    const { application, facts } = await this.applications.readable(
      actor,
      applicationId,
    );
    if (!facts.assignedExpert)
      throw new ForbiddenError(
        'Only the experts drawn for this application recuse from it.',
      );
    await this.dataSource.transaction(async (em) => {
      const seat = await em.findOneByOrFail(ExpertAssignmentEntity, {
        applicationId,
        expertUserId: actor.userId,
      });
      if (seat.scoredAt)
        throw new ConflictError(
          'GUARD_FAILED',
          'You have already scored this application; a conflict must be raised with the province.',
        );
      const expert = await forUpdate(
        em,
        em
          .getRepository(ExpertEntity)
          .createQueryBuilder('e')
          .where('e.userId = :id', { id: actor.userId }),
      ).getOneOrFail();
      if (!expert.conflictIds.includes(application.organisationId))
        await em.update(
          ExpertEntity,
          { userId: actor.userId },
          { conflictIds: [...expert.conflictIds, application.organisationId] },
        );
      await this.audit.record(
        {
          action: 'application.expert_recused',
          result: 'success',
          userId: actor.userId,
          userEmail: actor.email,
          ip: actor.ip,
          objectType: 'application',
          objectId: applicationId,
          detail: { organisationId: application.organisationId },
        },
        em,
      );
    });
    return this.panel(actor, applicationId);
  }

  /** The signed-in expert's declared conflicts, named, for them to review or withdraw. */
  async myConflicts(actor: Actor): Promise<MyExpertConflictsView> {
    const expert = await this.dataSource
      .getRepository(ExpertEntity)
      .findOneBy({ userId: actor.userId });
    if (!expert)
      throw new ForbiddenError(
        'Only experts in the pool declare conflicts of interest.',
      );
    const organisations = expert.conflictIds.length
      ? await this.dataSource.getRepository(OrganisationEntity).find({
          where: { id: In(expert.conflictIds) },
          select: { id: true, name: true },
        })
      : [];
    const names = new Map(organisations.map((o) => [o.id, o.name]));
    return {
      discipline: expert.discipline,
      conflicts: expert.conflictIds.map((organisationId) => ({
        organisationId,
        name: names.get(organisationId) ?? '',
      })),
    };
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
    const members = new Map(experts.map((e) => [e.userId, e]));
    const scored = assignments
      .map((a) => a.score)
      .filter((s): s is ExpertScore => s !== null);
    const independent = (e: ExpertEntity | undefined) =>
      e !== undefined &&
      e.active &&
      isIndependentOf(candidateOf(e), application.organisationId);
    return {
      experts: assignments.map((a) => ({
        userId: a.expertUserId,
        name: names.get(a.expertUserId) ?? '',
        discipline: members.get(a.expertUserId)?.discipline ?? 'technical',
        scoredAt: a.scoredAt?.toISOString() ?? null,
        score: a.score,
        opinion: a.opinion,
        recused: !a.scoredAt && !independent(members.get(a.expertUserId)),
      })),
      aggregate: asProvince
        ? rubricAggregate(rubricOf(application.type), scored)
        : null,
      recusals: asProvince ? await this.recusals(application) : [],
    };
  }

  /** The pool's experts who may never be drawn for the applicant: its staff, or a declared conflict. */
  private async recusals(
    application: ApplicationEntity,
  ): Promise<ExpertPanelView['recusals']> {
    const pool = await this.dataSource
      .getRepository(ExpertEntity)
      .findBy({ provinceCode: application.provinceCode, active: true });
    const tied = pool.filter(
      (e) => !isIndependentOf(candidateOf(e), application.organisationId),
    );
    if (tied.length === 0) return [];
    const users = await this.dataSource.getRepository(UserEntity).find({
      where: { id: In(tied.map((e) => e.userId)) },
      select: { id: true, name: true },
      order: { name: 'ASC' },
    });
    const byId = new Map(tied.map((e) => [e.userId, e]));
    return users.flatMap((u) => {
      const e = byId.get(u.id);
      return e
        ? [
            {
              userId: u.id,
              name: u.name,
              discipline: e.discipline,
              reason:
                e.employerId === application.organisationId
                  ? ('employer' as const)
                  : ('conflict' as const),
            },
          ]
        : [];
    });
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
    const member = await this.dataSource
      .getRepository(ExpertEntity)
      .findOneBy({ userId: actor.userId });
    if (
      member &&
      !isIndependentOf(candidateOf(member), application.organisationId)
    )
      throw new ConflictError(
        'GUARD_FAILED',
        'You declared a conflict with this company: you no longer score its application, and the province draws an expert for your seat.',
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
